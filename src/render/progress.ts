import type { Lang } from '../domain/language.ts';
import type { StaffMember, Unit } from '../domain/org.ts';
import { unitName } from '../domain/org.ts';
import type { WorkItem } from '../domain/progress/types.ts';
import type { LocalTime } from '../domain/time.ts';
import type { MineView, TaskHistoryView, UpdateEntry, WallView } from '../domain/progress/views.ts';
import { escapeHtml, html } from '../text/html.ts';
import type { Translate } from '../text/i18n.ts';
import { nextMilestone } from '../domain/progress/types.ts';
import type { Milestone } from '../domain/progress/types.ts';

/**
 * Views of progress as Telegram HTML. Staff text only ever goes in as a template parameter
 * (escaped by fill) and always on lines of its own, so no tag spans a line the splitter may cut.
 */
export interface RenderContext {
  t: Translate;
  lang: Lang;
  units: readonly Unit[];
  members: readonly StaffMember[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `09-03 14:05`: a moment in court time, as the wall and reminders show it. */
export function formatWhen(t: Pick<LocalTime, 'month' | 'day' | 'hour' | 'minute'>): string {
  return `${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}`;
}

const STATUS_MARK: Record<WorkItem['status'], string> = { open: '🔸', done: '✅', dropped: '⛔' };

export function renderUnit(r: RenderContext, code: string): string {
  const unit = r.units.find((u) => u.code === code);
  return unit ? unitName(unit, r.lang) : code;
}

export function renderOwners(r: RenderContext, owners: readonly number[]): string {
  return owners.map((id) => r.members.find((m) => m.id === id)?.name ?? String(id)).join('、');
}

const percentText = (r: RenderContext, percent: number | undefined) => (percent !== undefined ? r.t('progress.percent', { percent }) : '');

function renderEntry(r: RenderContext, entry: UpdateEntry): string[] {
  const meta = r.t('wall.entryMeta', {
    who: entry.authorName,
    when: formatWhen(entry.when),
    percent: html(percentText(r, entry.percent)),
    id: entry.id,
    edited: html(entry.edited ? r.t('wall.edited') : ''),
  });
  return [meta, escapeHtml(entry.text)];
}

/** `2024-W36` → `2024年第36周` (zh) or `2024-W36` (en). */
function weekName(r: RenderContext, label: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(label);
  return m ? r.t('wall.week', { year: m[1]!, week: r.lang === 'zh' ? Number(m[2]) : m[2]! }) : label;
}

export function renderWall(r: RenderContext, view: WallView): string {
  const unit = renderUnit(r, view.unit);
  const week = weekName(r, view.week);
  if (view.total === 0) return r.t('wall.empty', { unit, week });
  const lines = [r.t('wall.header', { unit, week, count: view.total })];
  for (const group of view.groups) {
    lines.push('');
    lines.push((group.code ? r.t('wall.item', { code: group.code, title: group.title ?? '' }) : r.t('wall.general')) + renderNext(r, group.next));
    for (const entry of group.entries) lines.push(...renderEntry(r, entry));
  }
  return lines.join('\n');
}

export function renderMine(r: RenderContext, view: MineView): string {
  if (view.items.length === 0) return r.t('mine.empty');
  const lines = [r.t('mine.header', { count: view.items.length, overdue: view.overdue })];
  for (const row of view.items) {
    lines.push('');
    lines.push(
      r.t('mine.item', {
        mark: STATUS_MARK[row.item.status],
        code: row.item.code,
        title: row.item.title,
        due: html(row.item.due ? r.t('mine.due', { due: row.item.due }) : ''),
        overdue: html(row.overdue ? r.t('mine.overdue') : ''),
      }) + renderNext(r, row.next),
    );
    if (row.last) {
      lines.push(r.t('mine.last', { when: formatWhen(row.last.when), percent: html(percentText(r, row.last.percent)) }));
      lines.push(escapeHtml(row.last.text));
    } else lines.push(r.t('mine.noUpdate'));
  }
  return lines.join('\n');
}

export function renderTaskHistory(r: RenderContext, view: TaskHistoryView): string {
  const { item } = view;
  const lines = [
    r.t('task.header', { code: item.code, title: item.title }),
    r.t('task.facts', {
      unit: renderUnit(r, item.unit),
      owners: renderOwners(r, item.owners),
      status: r.t(`task.status.${item.status}`),
      due: html(item.due ? r.t('mine.due', { due: item.due }) + (view.overdue ? r.t('mine.overdue') : '') : ''),
      percent: html(view.lastPercent !== undefined ? r.t('task.lastPercent', { percent: view.lastPercent }) : ''),
    }),
    ...renderItemFacts(r, item, view.next),
    '',
  ];
  if (view.entries.length === 0) lines.push(r.t('task.historyEmpty'));
  for (const entry of view.entries) lines.push(...renderEntry(r, entry));
  return lines.join('\n');
}

export function renderTaskLine(r: RenderContext, item: WorkItem, today?: string): string {
  return (
    r.t('task.listItem', {
      mark: STATUS_MARK[item.status],
      code: item.code,
      title: item.title,
      owners: renderOwners(r, item.owners),
      due: html(item.due ? r.t('mine.due', { due: item.due }) : ''),
    }) + renderNext(r, today ? nextMilestone(item, today) : undefined)
  );
}

export function renderTaskList(r: RenderContext, scope: string, items: readonly WorkItem[], today?: string): string {
  if (items.length === 0) return r.t('task.listEmpty', { scope });
  return [r.t('task.listHeader', { scope, count: items.length }), ...items.map((i) => renderTaskLine(r, i, today))].join('\n');
}

function renderNext(r: RenderContext, next: Milestone | undefined): string {
  return next ? r.t('task.nextMilestone', { date: next.date, text: next.text }) : '';
}

/** Leader, lead and assisting units, the meeting that decided it, and its milestones (▶ the next one). */
function renderItemFacts(r: RenderContext, item: WorkItem, next: Milestone | undefined): string[] {
  const lines: string[] = [];
  if (item.decision) {
    const unit = r.units.find((u) => u.code === item.decision!.unit);
    const kind = r.t(`meeting.kind.${unit?.kind === 'branch' ? 'branch' : 'weekly'}`);
    lines.push(r.t('task.decisionOf', { year: item.decision.date.slice(0, 4), ordinal: item.decision.ordinal, kind, date: item.decision.date }));
  }
  if (item.leader !== undefined) lines.push(r.t('task.leader', { leader: renderOwners(r, [item.leader]) }));
  if (item.lead || item.assist?.length) {
    const assist = item.assist?.length ? r.t('meeting.decidedAssist', { assist: item.assist.map((c) => renderUnit(r, c)).join('、') }) : '';
    lines.push(r.t('task.units', { lead: item.lead ? renderUnit(r, item.lead) : '—', assist: html(assist) }));
  }
  const milestones = [...(item.milestones ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  if (milestones.length > 0) {
    lines.push(r.t('task.milestones'));
    for (const m of milestones) lines.push(r.t('task.milestone', { mark: m === next ? '▶' : next && m.date > next.date ? '▫️' : '✔', date: m.date, text: m.text }));
  }
  return lines;
}
