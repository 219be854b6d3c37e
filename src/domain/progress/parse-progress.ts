/** Longest update accepted, in characters as Telegram counts them (UTF-16 units). */
export const PROGRESS_TEXT_LIMIT = 4000;

export interface ParsedProgress {
  text: string;
  /** `T12`, upper case. */
  itemCode?: string;
  percent?: number;
}

export type ProgressParse =
  | { ok: true; value: ParsedProgress }
  | { ok: false; error: 'empty' | 'tooLong'; limit: number; length: number }
  | { ok: false; error: 'badPercent'; value: string };

const TAG = /^\s*#(进度|progress)(?=$|[\s:：,，])[\s:：,，]*/iu;
const ITEM = /(^|[\s(（【[])#?([Tt])(\d{1,6})(?=$|[\s,，.。:：;；)）】\]])/u;
// Updates quote indicator rates too (终本率降至 10.47%): a completion percentage is a whole
// number, preferably right after 进度/完成/progress; otherwise the last whole one in the text.
const KEYWORD_PERCENT = /(?:进度|完成度?|progress|done)\s*[:：]?\s*(\d{1,3})\s*[%％]/iu;
const WHOLE_PERCENT = /(?:^|[^\d.\-−+])(\d{1,3})\s*[%％]/gu;
// A percentage no one means: exponents (1e999%, 1e2% read as 2%), Infinity, NaN, ∞, seven digits
// or more, or a negative completion (完成 -5%). Refused rather than stored without its number.
const BAD_PERCENT = /(?:(?<![\d.])\d[\d.]{0,30}e[+-]?\d+|infinity|nan|∞|(?<!\d)\d{7,}(?:\.\d+)?)\s*[%％]|(?:进度|完成度?|progress|done)\s*[:：]?\s*[-−]\s*\d+(?:\.\d+)?\s*[%％]/iu;
// Text that shows nothing: spaces, control and format characters (zero-width space and joiners,
// word joiner, BOM, bidi marks), and the other default-ignorable code points (soft hyphen,
// Hangul fillers, variation selectors, tag characters) plus the blank braille pattern.
const INVISIBLE_ONLY = /^[\s\p{Z}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]*$/u;

/** True when the text would show nothing at all (empty, or only invisible characters). */
export function isBlank(text: string): boolean {
  return INVISIBLE_ONLY.test(text);
}

function completionPercent(text: string): number | undefined {
  const keyword = KEYWORD_PERCENT.exec(text);
  const found = keyword?.[1] ?? [...text.matchAll(WHOLE_PERCENT)].at(-1)?.[1];
  return found !== undefined && Number(found) <= 100 ? Number(found) : undefined;
}

/** The body of a group message that starts with #进度 or #progress; undefined for any other message. */
export function progressTagBody(message: string): string | undefined {
  const match = TAG.exec(message);
  return match ? message.slice(match[0].length) : undefined;
}

/**
 * Reads the item reference (`#T12` or `T12`) and percentage (`60%`) of an update; the
 * reference is taken out of the text, everything else is kept as written. The limit applies
 * to the text that is stored.
 */
export function parseProgressText(body: string): ProgressParse {
  const trimmed = body.trim();
  let text = trimmed;
  let itemCode: string | undefined;
  const item = ITEM.exec(text);
  if (item) {
    itemCode = `T${Number(item[3])}`;
    text = (text.slice(0, item.index + item[1]!.length) + text.slice(item.index + item[0].length)).replace(/^[\s:：,，]+/u, '').trim();
  }
  if (text.length > PROGRESS_TEXT_LIMIT) return { ok: false, error: 'tooLong', limit: PROGRESS_TEXT_LIMIT, length: text.length };
  const bad = BAD_PERCENT.exec(text);
  if (bad) return { ok: false, error: 'badPercent', value: bad[0].slice(0, 40) };
  const percent = completionPercent(text);
  if (isBlank(text) && percent === undefined) return { ok: false, error: 'empty', limit: PROGRESS_TEXT_LIMIT, length: 0 };
  return { ok: true, value: { text, ...(itemCode ? { itemCode } : {}), ...(percent !== undefined ? { percent } : {}) } };
}
