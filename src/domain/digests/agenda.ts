import type { Change } from '../metrics/derive.ts';
import type { MetricStatus } from '../metrics/status.ts';
import type { MetricDef } from '../metrics/types.ts';
import type { Attendance, MeetingKind } from '../meetings/meeting.ts';

/**
 * The weekly branch-meeting agenda of one unit, from plain data (see digest-templates.md).
 * Pure: the meeting week and "today" come in as parameters. The bot never writes study
 * material: the study item is what the secretary set, or a labelled blank.
 */

export interface AgendaWorkItem {
  code: string;
  title: string;
  owners: string[];
  /** `YYYY-MM-DD` */
  due?: string;
  done: boolean;
}

export interface AgendaProgress {
  /** The key work item it names, if any. */
  itemCode?: string;
  author: string;
  text: string;
  percent?: number;
  /** `YYYY-MM-DD` in court time. */
  date: string;
}

/** A figure already judged by the metrics domain (see agenda-figures.ts): out of its range, or worse than the period before. */
export interface AgendaFigure {
  def: MetricDef;
  /** `YYYY-MM`, year to date. */
  period: string;
  value: number;
  previous?: number;
  change?: Change;
  status: MetricStatus;
  /** Outside its reasonable range (a missed target is not "out of range"). */
  outOfRange: boolean;
  /** Short of the court's target (which may vary by month). */
  missesTarget?: boolean;
  /** Worse than the period before beyond the indicator's noise threshold. */
  worse: boolean;
}

/** A decision (议定事项) of an earlier meeting, until it is signed off (销号). */
export interface AgendaDecision {
  code: string;
  title: string;
  owners: string[];
  due?: string;
  /** 第N次 meeting that decided it. */
  ordinal: number;
  percent?: number;
  last?: { date: string; text: string };
  /** open; overdue (past its due date); reported (100 % posted, waiting for the sign-off). */
  state: 'open' | 'overdue' | 'reported';
}

export interface AgendaMeeting {
  year: number;
  ordinal: number;
  kind: MeetingKind;
  attendance?: Attendance;
}

export interface AgendaInput {
  unitName: string;
  meeting?: AgendaMeeting;
  decisions?: AgendaDecision[];
  /** `YYYY-MM`: the latest month of the figures shown (数据截至). */
  dataAsOf?: string;
  /** `2024-W36` */
  week: string;
  /** Monday and Sunday of the meeting week, `YYYY-MM-DD`. */
  weekStart: string;
  weekEnd: string;
  /** `YYYY-MM-DD`: updates from this day on count as "since the last meeting". */
  since: string;
  study?: string;
  relay?: string;
  items: AgendaWorkItem[];
  updates: AgendaProgress[];
  figures: AgendaFigure[];
  topics: { text: string; by: string }[];
  /** Open items due within this many days of weekEnd are this week's assignments. */
  dueSoonDays?: number;
}

export interface AgendaItemProgress {
  code: string;
  title: string;
  owners: string[];
  percent?: number;
  lastUpdate?: string;
  updates: AgendaProgress[];
}

export interface Agenda {
  unitName: string;
  meeting?: AgendaMeeting;
  decisions: AgendaDecision[];
  dataAsOf?: string;
  week: string;
  weekNumber: number;
  weekStart: string;
  weekEnd: string;
  study?: string;
  relay?: string;
  progress: AgendaItemProgress[];
  /** Updates that name no key work item. */
  otherUpdates: AgendaProgress[];
  stalled: { code: string; title: string; owners: string[]; due?: string; overdue: boolean; noProgress: boolean }[];
  figures: AgendaFigure[];
  topics: { text: string; by: string }[];
  assignments: { code: string; title: string; owners: string[]; due?: string }[];
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function buildAgenda(input: AgendaInput): Agenda {
  const recent = input.updates.filter((u) => u.date >= input.since).sort((a, b) => a.date.localeCompare(b.date));
  const open = input.items.filter((i) => !i.done);
  const progress: AgendaItemProgress[] = input.items
    .map((item) => {
      const updates = recent.filter((u) => u.itemCode === item.code);
      const all = input.updates.filter((u) => u.itemCode === item.code).sort((a, b) => a.date.localeCompare(b.date));
      const withPercent = all.filter((u) => u.percent !== undefined);
      return {
        code: item.code,
        title: item.title,
        owners: item.owners,
        percent: withPercent.at(-1)?.percent ?? (item.done ? 100 : undefined),
        lastUpdate: all.at(-1)?.date,
        updates,
      };
    })
    .filter((p) => p.updates.length > 0 || !input.items.find((i) => i.code === p.code)?.done);
  const codes = new Set(input.items.map((i) => i.code));
  const stalled = open
    .map((item) => ({
      code: item.code,
      title: item.title,
      owners: item.owners,
      due: item.due,
      overdue: item.due !== undefined && item.due < input.weekStart,
      noProgress: !recent.some((u) => u.itemCode === item.code),
    }))
    .filter((s) => s.overdue || s.noProgress);
  const horizon = addDays(input.weekEnd, input.dueSoonDays ?? 7);
  const assignments = open
    .filter((i) => i.due !== undefined && i.due >= input.weekStart && i.due <= horizon)
    .sort((a, b) => (a.due ?? '').localeCompare(b.due ?? ''))
    .map((i) => ({ code: i.code, title: i.title, owners: i.owners, due: i.due }));
  return {
    unitName: input.unitName,
    ...(input.meeting ? { meeting: input.meeting } : {}),
    decisions: [...(input.decisions ?? [])].sort((a, b) => a.ordinal - b.ordinal || (a.due ?? '9').localeCompare(b.due ?? '9')),
    ...(input.dataAsOf ? { dataAsOf: input.dataAsOf } : {}),
    week: input.week,
    weekNumber: Number(input.week.slice(6)),
    weekStart: input.weekStart,
    weekEnd: input.weekEnd,
    ...(input.study ? { study: input.study } : {}),
    ...(input.relay ? { relay: input.relay } : {}),
    progress,
    otherUpdates: recent.filter((u) => u.itemCode === undefined || !codes.has(u.itemCode)),
    stalled,
    figures: input.figures.filter((f) => f.outOfRange || f.missesTarget === true || f.worse),
    topics: input.topics,
    assignments,
  };
}
