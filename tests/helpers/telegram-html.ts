/**
 * Checks text the way Telegram's HTML parse mode does and returns the plain text it would
 * show, or throws with Telegram's wording. https://core.telegram.org/bots/api#html-style
 */
const ALLOWED_TAGS = new Set([
  'b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'span', 'tg-spoiler', 'a', 'code', 'pre', 'blockquote', 'tg-emoji',
]);
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

export class EntityParseError extends Error {}

export function parseTelegramHtml(text: string): string {
  const stack: string[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '<') {
      const match = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:="[^"<>]*"|='[^'<>]*')?)*)\s*>/.exec(text.slice(i));
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
    if (ch === '>') throw new EntityParseError(`can't parse entities: Character '>' is reserved at byte offset ${i}`);
    if (ch === '&') {
      const match = /^&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/.exec(text.slice(i));
      const body = match?.[1];
      if (!match || body === undefined) throw new EntityParseError(`can't parse entities: Character '&' is reserved at byte offset ${i}`);
      if (body.startsWith('#x')) plain += String.fromCodePoint(parseInt(body.slice(2), 16));
      else if (body.startsWith('#')) plain += String.fromCodePoint(Number(body.slice(1)));
      else if (NAMED_ENTITIES[body] !== undefined) plain += NAMED_ENTITIES[body];
      else throw new EntityParseError(`can't parse entities: Unknown entity &${body}; at byte offset ${i}`);
      i += match[0].length;
      continue;
    }
    plain += ch;
    i += 1;
  }
  if (stack.length > 0) throw new EntityParseError(`can't parse entities: Can't find end tag corresponding to start tag "${stack.at(-1)}"`);
  return plain;
}
