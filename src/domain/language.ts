export type Lang = 'zh' | 'en';

/** The stored choice wins; otherwise Telegram's language_code is a first guess. */
export function pickLanguage(stored: Lang | undefined, telegramCode: string | undefined, fallback: Lang): Lang {
  if (stored) return stored;
  const code = telegramCode?.toLowerCase() ?? '';
  if (code.startsWith('zh')) return 'zh';
  if (code.startsWith('en')) return 'en';
  return fallback;
}

export function parseLang(value: string): Lang | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'zh' || v === '中文' || v === 'cn' || v === 'zh-cn') return 'zh';
  if (v === 'en' || v === 'english' || v === '英文') return 'en';
  return undefined;
}
