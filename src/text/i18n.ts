import type { Lang } from '../domain/language.ts';
import { fill, type TemplateParam } from './html.ts';
import { accessMessages } from './messages/access.ts';
import { calendarMessages } from './messages/calendar.ts';
import { catalogRuleMessages } from './messages/catalog-rules.ts';
import { numberInputMessages } from './messages/number-input.ts';
import { meetingMessages } from './messages/meetings.ts';
import { consoleMessages } from './messages/console.ts';
import { coreMessages } from './messages/core.ts';
import { progressMessages } from './messages/progress.ts';
import { digestMessages } from './messages/digests.ts';
import { figureMessages } from './messages/figures.ts';
import { importMessages } from './messages/import.ts';
import { metricsMessages } from './messages/metrics.ts';
import { operationsMessages } from './messages/operations.ts';
import { wallMessages } from './messages/wall.ts';
import { safetyMessages } from './messages/safety.ts';

/** Each feature keeps its strings in its own file under messages/; list it here. */
const catalogs = [coreMessages, accessMessages, consoleMessages, digestMessages, progressMessages, metricsMessages, figureMessages, importMessages, operationsMessages, calendarMessages, wallMessages, meetingMessages, safetyMessages, catalogRuleMessages, numberInputMessages] as const;

type KeysOf<T> = T extends { zh: Record<infer K, string> } ? K : never;
export type MessageKey = KeysOf<(typeof catalogs)[number]>;

/** Keys defined by more than one catalog: a later one would silently replace an earlier one's text. */
export function clashingMessageKeys(): string[] {
  const seen = new Set<string>();
  const clashes: string[] = [];
  for (const catalog of catalogs) {
    for (const key of Object.keys(catalog.zh)) {
      if (seen.has(key)) clashes.push(key);
      seen.add(key);
    }
  }
  return clashes;
}

const merged: Record<Lang, Record<string, string>> = { zh: {}, en: {} };
for (const catalog of catalogs) {
  Object.assign(merged.zh, catalog.zh);
  Object.assign(merged.en, catalog.en);
}

export type Translate = (key: MessageKey, params?: Record<string, TemplateParam>) => string;

/** Returns HTML: the template is trusted, every parameter is escaped (see html.ts). */
export function translate(lang: Lang, key: MessageKey, params?: Record<string, TemplateParam>): string {
  const template = merged[lang][key] ?? merged.zh[key];
  if (template === undefined) throw new Error(`missing message ${key}`);
  return fill(template, params);
}

export function translator(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
}

export function allMessageKeys(lang: Lang): string[] {
  return Object.keys(merged[lang]);
}
