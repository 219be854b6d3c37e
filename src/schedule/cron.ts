import { parse, validate } from 'node-cron';
import type { CronFields } from '../domain/digests/periods.ts';
import type { BoundChat, DigestKind } from '../domain/org.ts';

/** node-cron's own validation and parser, so settings and /schedule accept exactly what the scheduler runs. */
export function isValidCron(expression: string): boolean {
  return validate(expression);
}

export function parseCron(expression: string): CronFields {
  return parse(expression);
}

/** The court-wide schedules from the settings (WEEKLY_AGENDA_CRON, MONTHLY_SUMMARY_CRON). */
export interface DigestCrons {
  weeklyAgendaCron: string;
  monthlySummaryCron: string;
}

export function defaultCron(crons: DigestCrons, kind: DigestKind): string {
  return kind === 'agenda' ? crons.weeklyAgendaCron : crons.monthlySummaryCron;
}

/** A chat's own schedule for the digest, else the court's. */
export function chatCron(chat: Pick<BoundChat, 'schedules'> | undefined, crons: DigestCrons, kind: DigestKind): string {
  return chat?.schedules?.[kind] ?? defaultCron(crons, kind);
}
