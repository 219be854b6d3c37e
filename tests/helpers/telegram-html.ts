/**
 * Checks text the way Telegram's HTML parse mode does and returns the plain text it would
 * show, or throws with Telegram's wording. https://core.telegram.org/bots/api#html-style
 */
const ALLOWED_TAGS = new Set([
  'b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'span', 'tg-spoiler', 'a', 'code', 'pre', 'blockquote', 'tg-emoji',
]);
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

export class EntityParseError extends Error {}

// Sticky (matched at lastIndex only): the same as `^…` on text.slice(i), without copying the rest.
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:="[^"<>]*"|='[^'<>]*')?)*)\s*>/y;
const ENTITY = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/y;
const LT = 60;
const GT = 62;
const AMP = 38;

/**
 * Plain text is taken in runs and tags are matched in place (the bench's fake parses every
 * answer). 2026-12-02: it accepted, rejected and answered exactly as the character-by-character
 * version before it, compared on 300,000 random texts of tags, entities and plain characters.
 */
export function parseTelegramHtml(text: string): string {
  const stack: string[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const runStart = i;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (code === LT || code === GT || code === AMP) break;
      i += 1;
    }
    if (i > runStart) plain += text.slice(runStart, i);
    if (i >= text.length) break;
    const code = text.charCodeAt(i);
    if (code === LT) {
      TAG.lastIndex = i;
      const match = TAG.exec(text);
      if (!match) throw new EntityParseError(`can't parse entities: Unsupported start tag at byte offset ${i}`);
      const [whole, closing, rawName] = match;
      const name = rawName!.toLowerCase();
      if (!ALLOWED_TAGS.has(name)) throw new EntityParseError(`can't parse entities: Unsupported start tag "${name}" at byte offset ${i}`);
      if (closing) {
        if (stack.pop() !== name) {
          throw new EntityParseError(`can't parse entities: Can't find end tag corresponding to start tag at byte offset ${i}`);
        }
      } else {
        stack.push(name);
      }
      i += whole.length;
      continue;
    }
    if (code === GT) throw new EntityParseError(`can't parse entities: Character '>' is reserved at byte offset ${i}`);
    ENTITY.lastIndex = i;
    const match = ENTITY.exec(text);
    const body = match?.[1];
    if (!match || body === undefined) throw new EntityParseError(`can't parse entities: Character '&' is reserved at byte offset ${i}`);
    if (body.startsWith('#x')) plain += String.fromCodePoint(parseInt(body.slice(2), 16));
    else if (body.startsWith('#')) plain += String.fromCodePoint(Number(body.slice(1)));
    else if (NAMED_ENTITIES[body] !== undefined) plain += NAMED_ENTITIES[body];
    else throw new EntityParseError(`can't parse entities: Unknown entity &${body}; at byte offset ${i}`);
    i += match[0].length;
  }
  if (stack.length > 0) throw new EntityParseError(`can't parse entities: Can't find end tag corresponding to start tag "${stack.at(-1)}"`);
  return plain;
}
