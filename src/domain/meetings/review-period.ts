import { holidayShift, latestFire, type CronFields } from '../digests/periods.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { localTime, zonedInstant } from '../time.ts';

/** 季度质效会商, 半年初评, 年终总评. */
export const REVIEW_KINDS = ['quarterly', 'halfyear', 'yearly'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** A reviewed stretch of months: `2024Q3`, `2024H1`, `2024`. */
export interface ReviewSpan {
  kind: ReviewKind;
  code: string;
  year: number;
  fromMonth: number;
  toMonth: number;
}

const SIZE: Record<ReviewKind, number> = { quarterly: 3, halfyear: 6, yearly: 12 };

function span(kind: ReviewKind, year: number, index: number): ReviewSpan {
  const size = SIZE[kind];
  const count = 12 / size;
  const y = year + Math.floor(index / count);
  const i = ((index % count) + count) % count;
  const code = kind === 'quarterly' ? `${y}Q${i + 1}` : kind === 'halfyear' ? `${y}H${i + 1}` : String(y);
  return { kind, code, year: y, fromMonth: i * size + 1, toMonth: (i + 1) * size };
}

/** `2024Q3` | `2024H1` | `2024` → its span; undefined for anything else. */
export function parseReviewPeriod(text: string): ReviewSpan | undefined {
  const m = /^(\d{4})(?:-?([QqHh])([1-4]))?$/.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return undefined;
  if (!m[2]) return span('yearly', year, 0);
  const n = Number(m[3]);
  if (m[2].toUpperCase() === 'Q') return span('quarterly', year, n - 1);
  return n <= 2 ? span('halfyear', year, n - 1) : undefined;
}

export function previousSpan(s: ReviewSpan): ReviewSpan {
  return span(s.kind, s.year, (s.fromMonth - 1) / SIZE[s.kind] - 1);
}

export function sameSpanLastYear(s: ReviewSpan): ReviewSpan {
  return span(s.kind, s.year - 1, (s.fromMonth - 1) / SIZE[s.kind]);
}

/** The span that closed before the one holding `now`: what a review sent now covers. */
export function lastClosedSpan(kind: ReviewKind, now: Date, timeZone: string): ReviewSpan {
  const t = localTime(now, timeZone);
  return span(kind, t.year, Math.floor((t.month - 1) / SIZE[kind]) - 1);
}

/**
 * Whether the review of `kind` is due at `now`: its schedule fired (holiday-shifted) in the
 * span after the reviewed one, after the chat was bound. Returns the reviewed span's code.
 */
export function dueReview(input: { kind: ReviewKind; fields: CronFields; now: Date; timeZone: string; boundAt?: string; calendar?: WorkCalendar }): string | undefined {
  const reviewed = lastClosedSpan(input.kind, input.now, input.timeZone);
  const current = span(input.kind, reviewed.year, (reviewed.fromMonth - 1) / SIZE[input.kind] + 1);
  const start = zonedInstant({ year: current.year, month: current.fromMonth, day: 1 }, input.timeZone);
  const bound = input.boundAt ? new Date(input.boundAt) : undefined;
  const from = bound && bound > start ? bound : start;
  let to = input.now;
  for (let i = 0; i < 8; i++) {
    const fire = latestFire(input.fields, from, to, input.timeZone);
    if (!fire) return undefined;
    if (holidayShift(fire, input.calendar, input.timeZone).getTime() <= input.now.getTime()) return reviewed.code;
    to = new Date(fire.getTime() - 1000);
  }
  return undefined;
}
