import type { Lang } from '../domain/language.ts';
import { metricName } from '../domain/metrics/catalog.ts';
import { resolveFigure } from '../domain/metrics/derive.ts';
import { periodsEndingAt } from '../domain/metrics/period.ts';
import { metricStatus } from '../domain/metrics/status.ts';
import { COURT_UNIT } from '../domain/metrics/types.ts';
import { unitName } from '../domain/org.ts';
import { isOverdue, itemNumber } from '../domain/progress/views.ts';
import type { ProgressUpdate } from '../domain/progress/types.ts';
import { localDate, localTime } from '../domain/time.ts';
import { formatFigure } from '../render/figures.ts';
import { formatPeriod } from '../render/period.ts';
import { formatStatus, statusMark } from '../render/status.ts';
import type { Store } from '../store/open-store.ts';

/** What the wall page shows: plain text throughout; the HTML renderer escapes all of it. */
export interface WallFigure {
  code: string;
  name: string;
  value?: string;
  /** ✓, ⚠ or · : marks the bundled font has (the emoji ✅ it has not). */
  mark: string;
  /** `在参考区间内`, `未达目标`, without the chat's emoji mark. */
  status?: string;
  ok?: boolean;
  /** The last 12 year-to-date values, oldest first (gaps undefined). */
  trend: (number | undefined)[];
}

export interface WallItem {
  code: string;
  title: string;
  owners: string;
  due?: string;
  overdue: boolean;
  percent?: number;
  latest?: { text: string; who: string; when: string };
}

export interface WallPageView {
  lang: Lang;
  /** `本院`, `执行局`. */
  scope: string;
  /** `2024年1—8月`, the figures' period; undefined without figures. */
  period?: string;
  /** `2026-12-01 21:55`, court time. */
  generatedAt: string;
  figures: WallFigure[];
  /** Undefined on the public, figures-only board: no names, no progress. */
  items?: WallItem[];
}

const PAGE_MARKS: Record<string, string> = { '✅': '✓', '⚠️': '⚠', '·': '·' };
const pad = (n: number) => String(n).padStart(2, '0');
const RECENT_MS = 92 * 86_400_000;

function latestPeriod(store: Store, codes: Set<string>, unit: string): string | undefined {
  return store.metrics
    .periods({ basis: 'ytd', ...(unit === COURT_UNIT ? {} : { unit }) })
    .filter((p) => store.metrics.observations({ period: p }).some((o) => codes.has(o.metric)))
    .at(-1);
}

function buildFigures(store: Store, unit: string, lang: Lang): { period?: string; figures: WallFigure[] } {
  const board = store.metrics.catalog().filter((def) => def.board);
  const period = latestPeriod(store, new Set(board.map((d) => d.code)), unit);
  const figures = board.map((def): WallFigure => {
    const observations = store.metrics.observations({ metric: def.code });
    const at = (p: string) => resolveFigure(def, observations, { unit, period: p, basis: 'ytd' })?.value;
    const value = period ? at(period) : undefined;
    const base = { code: def.code, name: metricName(def, lang), trend: period ? periodsEndingAt(period, 12).map(at) : [] };
    if (value === undefined) return { ...base, mark: '—' };
    const status = metricStatus(def, value);
    return {
      ...base,
      value: formatFigure(lang, def, value),
      mark: PAGE_MARKS[statusMark(def, value, status)] ?? '·',
      status: formatStatus(lang, def, value, status).replace(/^(✅|⚠️|⚠)\uFE0F?\s*/u, ''),
      ...(status.kind === 'no_reference' ? {} : { ok: status.ok && !status.warning }),
    };
  });
  return { period: period ? formatPeriod(lang, period, 'ytd') : undefined, figures };
}

function latestByItem(updates: readonly ProgressUpdate[]): Map<string, { latest: ProgressUpdate; percent?: number }> {
  const byItem = new Map<string, { latest: ProgressUpdate; percent?: number }>();
  for (const u of updates) {
    if (!u.itemCode) continue;
    const entry = byItem.get(u.itemCode);
    byItem.set(u.itemCode, { latest: u, percent: u.percent ?? entry?.percent });
  }
  return byItem;
}

async function buildItems(store: Store, unit: string, now: Date, timeZone: string): Promise<WallItem[]> {
  const today = localDate(now, timeZone);
  const open = store.tasks.items().filter((i) => i.status === 'open' && (unit === COURT_UNIT || i.unit === unit));
  const recent = latestByItem(await store.progress.between(new Date(now.getTime() - RECENT_MS)));
  const name = (id: number) => store.org.member(id)?.name ?? String(id);
  return open
    .map((item): WallItem => {
      const found = recent.get(item.code);
      const when = found && localTime(new Date(found.latest.at), timeZone);
      return {
        code: item.code,
        title: item.title,
        owners: item.owners.map(name).join('、'),
        ...(item.due ? { due: item.due } : {}),
        overdue: isOverdue(item, today),
        ...(found?.percent !== undefined ? { percent: found.percent } : {}),
        ...(found && when ? { latest: { text: found.latest.text, who: found.latest.authorName, when: `${pad(when.month)}-${pad(when.day)} ${pad(when.hour)}:${pad(when.minute)}` } } : {}),
      };
    })
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.due ?? '9999').localeCompare(b.due ?? '9999') || itemNumber(a.code) - itemNumber(b.code));
}

/** The court's (or one unit's) wall: board figures with a trend, and, unless public, the open key work items. */
export async function buildWallPageView(input: { store: Store; unit: string; now: Date; timeZone: string; lang: Lang; withPeople: boolean }): Promise<WallPageView> {
  const { store, unit, now, timeZone, lang } = input;
  const found = store.org.unit(unit);
  const scope = found ? unitName(found, lang) : unit;
  const t = localTime(now, timeZone);
  const { period, figures } = buildFigures(store, unit, lang);
  return {
    lang,
    scope,
    ...(period ? { period } : {}),
    generatedAt: `${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}`,
    figures,
    ...(input.withPeople ? { items: await buildItems(store, unit, now, timeZone) } : {}),
  };
}
