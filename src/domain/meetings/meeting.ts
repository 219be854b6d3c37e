import { cutText } from '../cut-text.ts';
import type { UnitKind } from '../org.ts';

/** 应到/实到/缺席, as the secretary records it. */
export interface Attendance {
  expected: number;
  present: number;
  /** Who was absent and why, as written: 张三（出差）. */
  absent?: string;
}

/** One weekly meeting of a unit: numbered in the year, from the week its agenda went out. */
export interface Meeting {
  unit: string;
  /** The delivery week (`2024-W36`): an internal key, never shown in Chinese text. */
  week: string;
  /** Monday of the meeting week, `YYYY-MM-DD`. */
  date: string;
  year: number;
  /** 第N次 in the year. */
  ordinal: number;
  attendance?: Attendance;
}

/** A party branch holds 支部会议; a division, tribunal or the bureau a 周例会. */
export type MeetingKind = 'branch' | 'weekly';

export function meetingKind(unitKind: UnitKind | undefined): MeetingKind {
  return unitKind === 'branch' ? 'branch' : 'weekly';
}

export type AttendanceParse = { ok: true; value: Attendance } | { ok: false };

const MAX_PEOPLE = 1000;

/** `9 8 缺席：张三（出差）`, `应到9 实到8 缺席张三`: two whole numbers, present ≤ expected, then who was absent. */
export function parseAttendance(text: string): AttendanceParse {
  const m = /^\s*(?:应到)?\s*(\d{1,4})\s*(?:人)?[\s,，/]+(?:实到)?\s*(\d{1,4})\s*(?:人)?\s*(.*)$/su.exec(text);
  if (!m) return { ok: false };
  const expected = Number(m[1]);
  const present = Number(m[2]);
  if (expected < 1 || expected > MAX_PEOPLE || present > expected) return { ok: false };
  const absent = cutText(m[3]!.replace(/^[,，;；\s]*(?:缺席|absent)?\s*[:：]?\s*/iu, '').trim(), 300);
  return { ok: true, value: { expected, present, ...(absent ? { absent } : {}) } };
}

/** A 支委会 needs more than half of its members present. */
export function hasQuorum(a: Attendance): boolean {
  return a.present * 2 > a.expected;
}
