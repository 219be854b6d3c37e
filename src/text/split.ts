export const TELEGRAM_TEXT_LIMIT = 4096;

/**
 * Splits at line boundaries so each part stays under Telegram's limit. Our messages never
 * open an HTML tag on one line and close it on another, so a line boundary is always a
 * safe place to cut. A single line longer than the limit is cut at a character boundary
 * outside any tag or entity.
 */
export function splitMessage(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  // Nearly every answer fits in one message: the loop below would give back the text as it is
  // (it drops only leading line breaks), without taking it apart line by line.
  if (text.length <= limit && !text.startsWith('\n')) return [text];
  const parts: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    for (const piece of cutLongLine(line, limit)) {
      const joined = current === '' ? piece : `${current}\n${piece}`;
      if (joined.length <= limit) {
        current = joined;
      } else {
        if (current.trim() !== '') parts.push(current);
        current = piece;
      }
    }
  }
  if (current.trim() !== '') parts.push(current);
  return parts.length > 0 ? parts : [text.slice(0, limit)];
}

function cutLongLine(line: string, limit: number): string[] {
  if (line.length <= limit) return [line];
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > limit) {
    let cut = limit;
    const lastOpen = Math.max(rest.lastIndexOf('<', cut), rest.lastIndexOf('&', cut));
    if (lastOpen >= 0 && lastOpen > cut - 16 && !/[>;]/.test(rest.slice(lastOpen, cut))) cut = lastOpen;
    // Do not cut a surrogate pair in half.
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    // Tiny limits: never cut nothing (the loop would not advance); a pair is kept whole.
    if (cut <= 0) cut = Math.min(limit, rest.length) || 1;
    if (cut === 1 && code >= 0xd800 && code <= 0xdbff) cut = 2;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}
