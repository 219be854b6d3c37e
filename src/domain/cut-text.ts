const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The longest start of `text` of at most `max` UTF-16 units (Telegram's count) that ends
 * between two graphemes: an emoji, a flag or a family is kept whole or left out, never cut
 * into a lone surrogate or a dangling joiner. A first grapheme longer than `max` (a letter with
 * hundreds of combining marks) is cut between code points.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    if (index + segment.length > max) break;
    end = index + segment.length;
  }
  if (end === 0 && max > 0) {
    end = max;
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  }
  return text.slice(0, end);
}

/** `text` cut to `max` units as cutText does, with an ellipsis when something was left out. */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${cutText(text, max)}…`;
}
