/**
 * A stored number as Excel shows it, so the import reads what the clerk saw: 0.9679 under
 * `0.00%` is `96.79%` (formula results too), 2024.1 under `0.00` is `2024.10`, 45505 under a
 * date format (including the Chinese-locale built-ins 27–36 and 50–58, which no file spells
 * out) is `2024-08-01`. ECMA-376 Part 1, §18.8.30 lists the built-in formats.
 */
const BUILT_IN: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  48: '##0.0E+0',
  49: '@',
};

function isBuiltInDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

export interface NumberFormat {
  kind: 'general' | 'number' | 'percent' | 'date' | 'text';
  decimals: number;
}

const GENERAL: NumberFormat = { kind: 'general', decimals: 0 };

export function classifyFormat(id: number, customCode: string | undefined): NumberFormat {
  if (customCode === undefined && isBuiltInDate(id)) return { kind: 'date', decimals: 0 };
  const code = customCode ?? BUILT_IN[id] ?? 'General';
  // The positive section, without quoted text, escapes, colours/locales, padding and fill.
  const section = code.split(';')[0]!.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '');
  if (/^general$/i.test(section.trim()) || section.trim() === '') return GENERAL;
  if (section.includes('@')) return { kind: 'text', decimals: 0 };
  if (/E[+-]/i.test(section) || section.includes('/')) return GENERAL;
  if (/[ymdhsaeg]/i.test(section)) return { kind: 'date', decimals: 0 };
  const fraction = /\.([0#?]+)/.exec(section);
  const decimals = fraction ? fraction[1]!.length : 0;
  return { kind: section.includes('%') ? 'percent' : 'number', decimals };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Serial day → `YYYY-MM-DD` (1900 system: day 1 is 1900-01-01 with Excel's phantom 1900-02-29; 1904 system). */
export function serialToDate(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return undefined;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + Math.floor(serial) * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** General: the number without float noise (0.1 + 0.2 shows as 0.3). */
export function generalText(n: number): string {
  return String(Number(n.toPrecision(15)));
}

export function formatCellNumber(n: number, format: NumberFormat, date1904: boolean): string {
  switch (format.kind) {
    case 'general':
    case 'text':
      return generalText(n);
    case 'date':
      return serialToDate(n, date1904) ?? generalText(n);
    case 'percent':
      return `${(n * 100).toFixed(format.decimals)}%`;
    case 'number':
      return n.toFixed(format.decimals);
  }
}
