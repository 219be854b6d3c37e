/**
 * The one place where text meets Telegram's HTML parse mode. Every piece of user or
 * imported text is escaped here; a bare <, > or & gives 400 "can't parse entities".
 * https://core.telegram.org/bots/api#html-style
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeHtml(text: string): string {
  return /[&<>"]/.test(text) ? text.replace(/[&<>"]/g, (ch) => ENTITIES[ch]!) : text;
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

// A template split once into [text, name, text, name, …, text]; every answer fills several.
const parsedTemplates = new Map<string, string[]>();

function parseTemplate(template: string): string[] {
  let parts = parsedTemplates.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    parsedTemplates.set(template, parts);
  }
  return parts;
}

export function fill(template: string, params: Record<string, TemplateParam> = {}): string {
  const parts = parseTemplate(template);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const value = params[name];
    out += value === undefined ? `{${name}}` : value instanceof Html ? value.value : escapeHtml(String(value));
    out += parts[i + 1]!;
  }
  return out;
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
