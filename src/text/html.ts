/**
 * The one place where text meets Telegram's HTML parse mode. Every piece of user or
 * imported text is escaped here; a bare <, > or & gives 400 "can't parse entities".
 * https://core.telegram.org/bots/api#html-style
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Markup that is already safe HTML (built from the catalogs or by escapeHtml). */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function html(value: string): Html {
  return new Html(value);
}

export type TemplateParam = string | number | Html;

export function fill(template: string, params: Record<string, TemplateParam> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (value instanceof Html) return value.value;
    return escapeHtml(String(value));
  });
}

/** Plain-text view of our HTML, for the console and for logs. */
export function htmlToText(text: string): string {
  return text
    .replace(/<a href="([^"]*)">([^<]*)<\/a>/g, '$2 ($1)')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
