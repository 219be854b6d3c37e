import type { Config, Lang } from '../../config.ts';
import { dueDigest, type CronFields } from '../../domain/digests/periods.ts';
import type { BoundChat, DigestKind } from '../../domain/org.ts';
import type { Logger } from '../../logger.ts';
import type { Store } from '../../store/open-store.ts';
import type { Delivery } from '../../store/ports.ts';
import { escapeHtml } from '../../text/html.ts';
import { periodLabel } from '../../render/dates.ts';
import { translate } from '../../text/i18n.ts';
import { splitMessage } from '../../text/split.ts';
import { formatPeriod } from '../../render/period.ts';
import { chatCron } from '../cron.ts';
import type { Sender } from '../sender-port.ts';

/** Where digest texts come from (built from the store by digest-sources.ts; tests pass their own). */
export interface DigestSources {
  /** The agenda of the chat's unit for the week holding `now`, as HTML; `record` numbers the meeting for good (a send, not a preview). */
  agenda(chat: BoundChat, now: Date, lang: Lang, record?: boolean): Promise<string>;
  /** The enforcement summary of `period` as HTML; undefined when its figures were not imported. */
  summary(period: string, lang: Lang): Promise<string | undefined>;
}

export interface DigestJobDeps {
  config: Config;
  store: Store;
  sender: Sender;
  logger: Logger;
  sources: DigestSources;
  /** Parses a cron expression (node-cron's parser, injected so the job does not import node-cron). */
  parseCron(expression: string): CronFields;
}

export type Trigger = 'cron' | 'sweep' | 'start' | 'manual';

export interface DigestRunOptions {
  now: Date;
  trigger: Trigger;
  /** Manual runs: this period, whatever the schedule says. */
  period?: string;
  /** Send even if the log says it was sent (an explicit admin decision). */
  force?: boolean;
  chatIds?: number[];
}

export interface DigestReport {
  kind: DigestKind;
  period?: string;
  sent: number;
  skipped: number;
  failed: number;
  deferred: number;
  missingFigures?: string;
}

/** A failed send is tried again (on the next tick) a few times; a removed or unknown chat is not. */
const MAX_ATTEMPTS = 3;

function mayRetry(entry: Delivery, force: boolean): boolean {
  // Forced: an explicit admin decision, also over a claim a crash left uncertain (runs never overlap).
  if (force) return true;
  if (entry.status === 'deferred') return true;
  return entry.status === 'failed' && entry.attempts < MAX_ATTEMPTS && entry.reason !== 'blocked' && entry.reason !== 'not_found';
}

function chatLang(deps: DigestJobDeps, chat: BoundChat): Lang {
  return chat.lang ?? deps.config.defaultLang;
}

/** Admins: ADMIN_IDS and registered admins, each in their language. */
export async function notifyAdmins(deps: Pick<DigestJobDeps, 'config' | 'store' | 'sender'>, render: (lang: Lang) => string): Promise<void> {
  const langs = new Map<number, Lang>();
  for (const id of deps.config.adminIds) langs.set(id, deps.store.org.member(id)?.lang ?? deps.config.defaultLang);
  for (const m of deps.store.org.members()) if (m.active && m.role === 'admin') langs.set(m.id, m.lang ?? deps.config.defaultLang);
  for (const [id, lang] of langs) await deps.sender.sendHtml(id, render(lang));
}

function chatList(chats: BoundChat[]): string {
  return chats.map((c) => `${escapeHtml(c.title || String(c.id))} (${c.id})`).join(', ');
}

/**
 * One run of one digest over every subscribed chat: what is due (per the chat's schedule, in
 * the current delivery window) and not yet in the delivery log is claimed, sent, recorded.
 * At most once: the claim ("sending") is written before the first message goes out; a claim
 * left by a crash is never resent automatically, the admins are asked to check instead.
 */
export async function runDigest(deps: DigestJobDeps, kind: DigestKind, options: DigestRunOptions): Promise<DigestReport> {
  const { store, config } = deps;
  const now = options.now;
  const at = now.toISOString();
  const report: DigestReport = { kind, sent: 0, skipped: 0, failed: 0, deferred: 0 };
  const chats = store.org
    .chats()
    .filter((c) => c.active && c.subscriptions.includes(kind) && (!options.chatIds || options.chatIds.includes(c.id)));
  const late = new Map<string, BoundChat[]>();
  const uncertain = new Map<string, BoundChat[]>();
  const due: { chat: BoundChat; period: string }[] = [];

  for (const chat of chats) {
    if (options.period) {
      due.push({ chat, period: options.period });
      continue;
    }
    const fields = deps.parseCron(chatCron(chat, config, kind));
    const base = { kind, fields, now, timeZone: config.timeZone, boundAt: chat.boundAt, calendar: store.calendar.calendar() };
    const missed = dueDigest({ ...base, offset: -1 });
    if (missed && !store.deliveries.get(kind, missed.period, chat.id) && (await store.deliveries.noteOnce(`late|${kind}|${missed.period}|${chat.id}`, at))) {
      late.set(missed.period, [...(late.get(missed.period) ?? []), chat]);
    }
    const current = dueDigest(base);
    if (current) due.push({ chat, period: current.period });
  }

  const htmlCache = new Map<string, Promise<string | undefined>>();
  const inFlight = createInFlightGate();
  await Promise.all(
    due.map(async ({ chat, period }) => {
      report.period = period;
      const existing = store.deliveries.get(kind, period, chat.id);
      if (existing?.status === 'sending' && !options.force) {
        if (await store.deliveries.noteOnce(`uncertain|${kind}|${period}|${chat.id}`, at)) {
          uncertain.set(period, [...(uncertain.get(period) ?? []), chat]);
        }
        report.skipped += 1;
        return;
      }
      if (existing && !mayRetry(existing, options.force ?? false)) {
        report.skipped += 1;
        return;
      }
      const lang = chatLang(deps, chat);
      const cacheKey = kind === 'agenda' ? `${chat.unit}|${lang}` : lang;
      if (!htmlCache.has(cacheKey)) {
        htmlCache.set(cacheKey, kind === 'agenda' ? deps.sources.agenda(chat, now, lang, true) : deps.sources.summary(period, lang));
      }
      const html = await htmlCache.get(cacheKey);
      if (html === undefined) {
        report.missingFigures = period;
        return;
      }
      const claim = () => store.deliveries.claim(kind, period, chat.id, at, (e) => mayRetry(e, options.force ?? false));
      const from = options.force ? 0 : (existing?.partsSent ?? 0);
      await deliver(deps, chat.id, claim, inFlight, html, report, at, from);
    }).map((p, i) =>
      p.catch((err: unknown) => {
        report.failed += 1;
        deps.logger.error('digest failed for a chat', { kind, chatId: due[i]!.chat.id, err });
      }),
    ),
  );

  if (report.missingFigures && (await store.deliveries.noteOnce(`missing|summary|${report.missingFigures}`, at))) {
    const period = report.missingFigures;
    await notifyAdmins(deps, (lang) => translate(lang, 'notice.missingFigures', { period: formatPeriod(lang, period, 'month'), code: period }));
  }
  const digestName = (lang: Lang) => translate(lang, kind === 'agenda' ? 'digest.agenda' : 'digest.summary');
  for (const [period, list] of late) {
    deps.logger.warn('digest missed while the bot was down; period over, not sent', { kind, period, chats: list.map((c) => c.id) });
    await notifyAdmins(deps, (lang) => translate(lang, 'notice.tooLate', { digest: digestName(lang), period: periodLabel(period, lang), chats: chatList(list) }));
  }
  for (const [period, list] of uncertain) {
    deps.logger.warn('digest claim without a result (crash mid-send); not resent', { kind, period, chats: list.map((c) => c.id) });
    await notifyAdmins(deps, (lang) => translate(lang, 'notice.uncertain', { digest: digestName(lang), period: periodLabel(period, lang), chats: chatList(list) }));
  }
  if (options.trigger !== 'sweep' || report.sent + report.failed + report.deferred > 0) {
    await store.deliveries.recordRun(kind, { at, ok: true, sent: report.sent, failed: report.failed + report.deferred });
  }
  deps.logger.info('digest run', { ...report, trigger: options.trigger });
  return report;
}

/** One delivery at a time between its claim and its recorded result (see deliver). */
function createInFlightGate(): { enter(): Promise<() => void> } {
  let last: Promise<void> = Promise.resolve();
  return {
    async enter() {
      let leave!: () => void;
      const previous = last;
      last = new Promise<void>((resolve) => (leave = resolve));
      await previous;
      return leave;
    },
  };
}

/**
 * Claims the chat's delivery only when its send slot has come (the sender's beforeSend), then
 * sends the parts not yet accepted and records each step, so a deferred digest resumes where it
 * stopped. Claim → send → record runs for one chat at a time: a kill -9 mid-fan-out leaves at
 * most the one message in flight uncertain, and every chat not reached yet unclaimed, so the
 * next run sends it. Waiting for the throttle's slot happens outside, side by side.
 */
async function deliver(
  deps: DigestJobDeps,
  chatId: number,
  claim: () => Promise<Delivery | undefined>,
  inFlight: { enter(): Promise<() => void> },
  html: string,
  report: DigestReport,
  at: string,
  from: number,
): Promise<void> {
  const parts = splitMessage(html);
  let entry: Delivery | undefined;
  let leave: (() => void) | undefined;
  const claimNow = async () => {
    leave = await inFlight.enter();
    entry = await claim();
    return entry !== undefined;
  };
  try {
    if (from >= parts.length) {
      if (await claimNow()) await deps.store.deliveries.finish(entry!, 'sent', at);
      return;
    }
    for (let i = from; i < parts.length; i++) {
      const result = await deps.sender.sendHtml(chatId, parts[i]!, entry ? {} : { beforeSend: claimNow });
      if (!entry) {
        report.skipped += 1;
        return;
      }
      if (!result.ok) {
        const status = result.reason === 'deferred' ? 'deferred' : 'failed';
        await deps.store.deliveries.finish(entry, status, at, result.reason);
        if (status === 'deferred') report.deferred += 1;
        else report.failed += 1;
        return;
      }
      if (result.mayRepeat) await deps.store.deliveries.noteMayRepeat(entry, result.mayRepeat, at);
      if (parts.length > 1 && i < parts.length - 1) await deps.store.deliveries.progress(entry, i + 1, at);
    }
    await deps.store.deliveries.finish(entry!, 'sent', at);
    report.sent += 1;
  } finally {
    leave?.();
  }
}

/**
 * Serialises digest runs: cron ticks, the start-up catch-up, the sweep and manual commands
 * never overlap, whatever node-cron does. A claim check is synchronous as well, so even
 * overlapping runs could not send a period twice; this keeps the logic simple to reason about.
 */
export function createDigestRunner(deps: DigestJobDeps): {
  run(kind: DigestKind, options: DigestRunOptions): Promise<DigestReport>;
  idle(): Promise<void>;
} {
  let chain: Promise<unknown> = Promise.resolve();
  return {
    run(kind, options) {
      const next = chain.then(() => runDigest(deps, kind, options));
      chain = next.catch(() => undefined);
      return next;
    },
    idle: () => chain.then(() => undefined),
  };
}
