import type { Attendance, MeetingKind } from './meeting.ts';

/** 会议纪要: what the meeting had before it and what it decided. Pure data; rendering makes text and .docx. */
export interface MinutesDecision {
  code: string;
  title: string;
  owners: string[];
  due?: string;
  lead?: string;
  assist: string[];
  leader?: string;
}

export interface Minutes {
  unitName: string;
  kind: MeetingKind;
  year: number;
  ordinal: number;
  /** Monday of the meeting week, `YYYY-MM-DD`. */
  date: string;
  attendance?: Attendance;
  study?: string;
  topics: { text: string; by: string }[];
  /** Earlier decisions reviewed at the meeting (code, title, state). */
  reviewed: { code: string; title: string; state: string }[];
  decisions: MinutesDecision[];
}

export function buildMinutes(input: Minutes): Minutes {
  return {
    ...input,
    topics: input.topics.slice(0, 50),
    decisions: [...input.decisions].sort((a, b) => Number(a.code.slice(1)) - Number(b.code.slice(1))),
  };
}
