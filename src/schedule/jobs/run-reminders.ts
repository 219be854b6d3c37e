import type { Config } from '../../config.ts';
import type { WorkItem } from '../../domain/progress/types.ts';
import { PROGRESS_PROMPT_ACTION } from '../../domain/progress/types.ts';
import { staleItems, itemNumber } from '../../domain/progress/views.ts';
import { localTime } from '../../domain/time.ts';
import { formatWhen } from '../../render/progress.ts';
import { lastMeetingBefore, weeklyTimeOfCron, weekOf } from '../../domain/progress/week.ts';
import type { Logger } from '../../logger.ts';
import type { Store } from '../../store/open-store.ts';
import { escapeHtml, html } from '../../text/html.ts';
import { translator, type Translate } from '../../text/i18n.ts';
import type { Clock } from '../clock.ts';
import type { Sender } from '../sender-port.ts';

export interface ReminderJobDeps {
  store: Pick<Store, 'org' | 'tasks' | 'progress' | 'reminders'>;
  sender: Sender;
  clock: Clock;
  config: Pick<Config, 'timeZone' | 'defaultLang' | 'weeklyAgendaCron'>;
  logger: Logger;
}

export interface ReminderReport {
  week: string;
  since: string;
  /** People with at least one open item without an update since the last meeting. */
  due: number;
  sent: number;
  /** Blocked the bot: mentioned in their unit's group instead. */
  viaGroup: number;
  /** Already reminded this week. */
  skipped: number;
  /** Not reached; tried again on the next run. */
  failed: number;
}

function itemLines(t: Translate, items: WorkItem[]): string[] {
  return items.map((i) => t('reminder.item', { code: i.code, title: i.title, due: html(i.due ? t('mine.due', { due: i.due }) : '') }));
}

/**
 * Before the weekly meeting: owners of open items with no update since the last meeting get
 * one private reminder per week (the reminder log keys it by ISO week and person, so reruns
 * and restarts never send twice). Someone who blocked the bot is mentioned in the bound
 * groups of the items' units instead.
 */
export async function runReminders(deps: ReminderJobDeps): Promise<ReminderReport> {
  const { store, sender, config, logger } = deps;
  const now = deps.clock.now();
  const since = lastMeetingBefore(now, config.timeZone, weeklyTimeOfCron(config.weeklyAgendaCron));
  const week = weekOf(now, config.timeZone).label;
  const stale = staleItems(store.tasks.items(), await store.progress.between(since));
  const byOwner = new Map<number, WorkItem[]>();
  for (const item of stale) for (const owner of item.owners) byOwner.set(owner, [...(byOwner.get(owner) ?? []), item]);
  const report: ReminderReport = { week, since: since.toISOString(), due: byOwner.size, sent: 0, viaGroup: 0, skipped: 0, failed: 0 };
  const sinceText = formatWhen(localTime(since, config.timeZone));

  for (const [owner, unsorted] of [...byOwner].sort((a, b) => a[0] - b[0])) {
    const items = unsorted.sort((a, b) => itemNumber(a.code) - itemNumber(b.code));
    const key = `${week}:${owner}`;
    const member = store.org.member(owner);
    if (store.reminders.wasSent(key) || !member?.active) {
      report.skipped += 1;
      continue;
    }
    const t = translator(member.lang ?? config.defaultLang);
    const text = [t('reminder.private', { since: sinceText }), ...itemLines(t, items), t('reminder.howTo')].join('\n');
    const result = await sender.sendHtml(owner, text, { buttons: [[{ text: t('reminder.button'), callbackData: PROGRESS_PROMPT_ACTION }]] });
    if (result.ok) {
      await store.reminders.markSent(key, now.toISOString());
      report.sent += 1;
      continue;
    }
    if (result.reason !== 'blocked' && result.reason !== 'not_found') {
      logger.warn('reminder not sent; the next run tries again', { owner, reason: result.reason });
      report.failed += 1;
      continue;
    }
    const units = new Set(items.map((i) => i.unit));
    const chats = store.org.chats().filter((c) => c.active && units.has(c.unit));
    let reached = false;
    for (const chat of chats) {
      const gt = translator(chat.lang ?? config.defaultLang);
      const mention = html(`<a href="tg://user?id=${owner}">${escapeHtml(member.name)}</a>`);
      const groupItems = items.filter((i) => i.unit === chat.unit);
      const groupText = [gt('reminder.group', { mention, since: sinceText }), ...itemLines(gt, groupItems), gt('reminder.groupHowTo')].join('\n');
      reached = (await sender.sendHtml(chat.id, groupText)).ok || reached;
    }
    // Nobody to tell (no bound group): marked too, so the same run next time does not retry for nothing.
    if (reached || chats.length === 0) await store.reminders.markSent(key, now.toISOString());
    if (reached) report.viaGroup += 1;
    else report.failed += 1;
  }
  logger.info('reminders run', { ...report });
  return report;
}
