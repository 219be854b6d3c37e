import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The bundled CJK font: subsets of Noto Sans CJK SC (SIL OFL 1.1, assets/fonts/OFL.txt), used by
 * the chart renderer and served with the wall page. No system font is ever used.
 * `core`: the repository's own characters (catalogs, seed and demo data), regular and bold, small
 * enough to load for every chart; `full`: GB2312's 6,763 hanzi and more, for names and free text.
 */
export const FONT_FAMILY = 'Noto Sans CJK SC';
const file = (name: string) => fileURLToPath(new URL(`../../assets/fonts/${name}`, import.meta.url));
export const FONT_FULL = file('NotoSansSC-Regular-subset.otf');
const FONT_CORE = [file('NotoSansSC-Regular-core.otf'), file('NotoSansSC-Bold-subset.otf')];

let coreChars: Set<string> | undefined;

/** The font files a text needs: the small core faces, plus the full face when a character is missing from them. */
export function fontFilesFor(text: string): string[] {
  coreChars ??= new Set(readFileSync(file('charset-core.txt'), 'utf8'));
  for (const char of text) if (char.charCodeAt(0) > 0x7e && !coreChars.has(char)) return [...FONT_CORE, FONT_FULL];
  return FONT_CORE;
}
