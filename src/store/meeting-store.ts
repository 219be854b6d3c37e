import type { Attendance, Meeting } from '../domain/meetings/meeting.ts';
import { JsonDoc, type DocSpec } from './json-doc.ts';
import { doc as shape, fields, int, list, record, text } from './doc-shape.ts';
import type { MeetingRepo } from './ports.ts';

export interface MeetingDoc {
  schemaVersion: number;
  meetings: Meeting[];
  /** `unit|year` → the ordinal the next meeting gets (set by the secretary when starting mid-year). */
  nextOrdinal: Record<string, number>;
}

export const MEETING_DOC: DocSpec<MeetingDoc> = {
  name: 'meetings',
  version: 1,
  defaults: () => ({ schemaVersion: 1, meetings: [], nextOrdinal: {} }),
  validate: shape({ meetings: list(fields({ unit: text, week: text, date: text, year: int, ordinal: int })), nextOrdinal: record(int) }),
};

/** meetings.json: one record per unit and meeting week, numbered in the year as it is first needed. */
export function createMeetingRepo(doc: JsonDoc<MeetingDoc>): MeetingRepo {
  const find = (unit: string, week: string) => doc.data.meetings.find((m) => m.unit === unit && m.week === week);
  const upcoming = (unit: string, year: number) => {
    const set = doc.data.nextOrdinal[`${unit}|${year}`];
    if (set !== undefined) return set;
    const held = doc.data.meetings.filter((m) => m.unit === unit && m.year === year).map((m) => m.ordinal);
    return held.length > 0 ? Math.max(...held) + 1 : 1;
  };
  return {
    get: find,
    list: (unit) => doc.data.meetings.filter((m) => m.unit === unit).sort((a, b) => a.date.localeCompare(b.date)),
    peekOrdinal: (unit, week, date) => find(unit, week)?.ordinal ?? upcoming(unit, Number(date.slice(0, 4))),
    async ensure(unit, week, date) {
      const found = find(unit, week);
      if (found) return found;
      const year = Number(date.slice(0, 4));
      let meeting: Meeting | undefined;
      await doc.update((d) => {
        // Decided on the copy: an ensure that ran meanwhile may have made it.
        meeting = d.meetings.find((m) => m.unit === unit && m.week === week);
        if (meeting) return false;
        meeting = { unit, week, date, year, ordinal: upcoming(unit, year) };
        d.meetings.push(meeting);
        delete d.nextOrdinal[`${unit}|${year}`];
      });
      return meeting!;
    },
    async setAttendance(unit, week, attendance: Attendance) {
      await doc.update((d) => {
        const m = d.meetings.find((x) => x.unit === unit && x.week === week);
        if (m) m.attendance = attendance;
      });
    },
    async setNextOrdinal(unit, year, ordinal) {
      await doc.update((d) => {
        d.nextOrdinal[`${unit}|${year}`] = ordinal;
      });
    },
  };
}
