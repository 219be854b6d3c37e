import { readdir, readFile } from 'node:fs/promises';
import { buildCalendar, parseCalendarYear, type CalendarYear, type WorkCalendar } from '../domain/calendar/work-calendar.ts';
import { JsonDoc, type DocSpec } from './json-doc.ts';
import { doc as shape, list } from './doc-shape.ts';
import type { CalendarRepo } from './ports.ts';

export interface CalendarDoc {
  schemaVersion: number;
  /** Years an admin loaded from a file; they replace the shipped year of the same number. */
  years: CalendarYear[];
}

export const CALENDAR_DOC: DocSpec<CalendarDoc> = {
  name: 'calendar',
  version: 1,
  defaults: () => ({ schemaVersion: 1, years: [] }),
  // The same check as a calendar file an admin loads.
  validate: shape({
    years: list((year, at) => {
      const parsed = parseCalendarYear(year);
      return parsed.ok ? undefined : `${at}: ${parsed.error}${parsed.detail ? ` ${parsed.detail}` : ''}`;
    }),
  }),
};

/** calendar.json over the shipped years (data/seed/calendar/*.json). */
export function createCalendarRepo(doc: JsonDoc<CalendarDoc>, shipped: readonly CalendarYear[] = []): CalendarRepo {
  let cached: WorkCalendar | undefined;
  return {
    calendar: () => (cached ??= buildCalendar([...shipped, ...doc.data.years])),
    years: () => [...(cached ??= buildCalendar([...shipped, ...doc.data.years])).years.values()].sort((a, b) => a.year - b.year),
    async saveYear(year) {
      await doc.update((d) => {
        d.years = [...d.years.filter((y) => y.year !== year.year), year];
      });
      cached = undefined;
    },
  };
}

export const SHIPPED_CALENDAR_DIR = new URL('../../data/seed/calendar/', import.meta.url);

/** The years shipped with courtwall; a broken shipped file is a bug, so it throws. */
export async function loadShippedCalendar(dir: URL = SHIPPED_CALENDAR_DIR): Promise<CalendarYear[]> {
  const names = (await readdir(dir)).filter((n) => /^\d{4}\.json$/.test(n)).sort();
  const years: CalendarYear[] = [];
  for (const name of names) {
    const parsed = parseCalendarYear(JSON.parse(await readFile(new URL(name, dir), 'utf8')));
    if (!parsed.ok) throw new Error(`data/seed/calendar/${name}: ${parsed.error} ${parsed.detail ?? ''}`);
    years.push(parsed.value);
  }
  return years;
}
