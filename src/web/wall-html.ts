import { tr } from '../render/translate.ts';
import { escapeHtml as esc } from '../text/html.ts';
import type { WallFigure, WallItem, WallPageView } from './wall-view.ts';

/** Items that fit a 1080-pixel-high screen beside the figures; the rest are counted. */
const MAX_ITEMS = 7;
const n = (x: number) => (Math.round(x * 10) / 10).toString();

/** A small trend line as inline SVG (no script, no style attribute: the page's CSP allows neither inline). */
function sparkline(values: readonly (number | undefined)[]): string {
  const finite = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
  if (finite.length === 0) return '';
  const low = Math.min(...finite);
  const span = Math.max(...finite) - low || 1;
  const x = (i: number) => 4 + (i * 232) / Math.max(1, values.length - 1);
  const y = (v: number) => 40 - ((v - low) / span) * 32;
  const runs: string[][] = [[]];
  values.forEach((v, i) => {
    if (v === undefined || !Number.isFinite(v)) runs.push([]);
    else runs.at(-1)!.push(`${n(x(i))},${n(y(v))}`);
  });
  const lines = runs.filter((r) => r.length > 1).map((r) => `<polyline points="${r.join(' ')}"/>`);
  const lastIndex = values.length - 1 - [...values].reverse().findIndex((v) => v !== undefined && Number.isFinite(v));
  const last = values[lastIndex]!;
  return `<svg class="spark" viewBox="0 0 240 48" aria-hidden="true">${lines.join('')}<circle cx="${n(x(lastIndex))}" cy="${n(y(last))}" r="4"/></svg>`;
}

function progressBar(percent: number | undefined): string {
  const p = Math.max(0, Math.min(100, percent ?? 0));
  return `<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect class="track" width="100" height="10" rx="5"/><rect class="done" width="${p}" height="10" rx="5"/></svg>`;
}

function figureCard(f: WallFigure, noData: string): string {
  const state = f.ok === undefined ? 'plain' : f.ok ? 'ok' : 'warn';
  return `<article class="figure ${state}" data-code="${esc(f.code)}">
<h3>${esc(f.name)}</h3>
<p class="value">${f.value === undefined ? `<span class="none">${esc(noData)}</span>` : esc(f.value)}</p>
<p class="status">${esc(f.mark)} ${esc(f.status ?? '')}</p>
${sparkline(f.trend)}
</article>`;
}

function itemCard(view: WallPageView, item: WallItem): string {
  const t = tr(view.lang);
  const due = item.due ? `<span class="due${item.overdue ? ' overdue' : ''}">${t('page.due', { due: item.due })}${item.overdue ? ` · ${t('page.overdue')}` : ''}</span>` : '';
  const latest = item.latest
    ? `<p class="latest"><span class="when">${esc(item.latest.when)} ${esc(item.latest.who)}</span> ${esc(item.latest.text)}</p>`
    : `<p class="latest none">${t('page.noUpdate')}</p>`;
  return `<article class="item" data-code="${esc(item.code)}">
<h3><span class="code">${esc(item.code)}</span> ${esc(item.title)}</h3>
<p class="meta"><span class="owners">${t('page.owners', { owners: item.owners })}</span>${due}</p>
<div class="progress">${progressBar(item.percent)}<span class="percent">${item.percent === undefined ? '—' : `${item.percent}%`}</span></div>
${latest}
</article>`;
}

/** The part of the page that refreshes: header line, figures, items. */
export function renderWallBody(view: WallPageView): string {
  const t = tr(view.lang);
  const asOf = view.period ? t('page.asOf', { period: view.period, time: view.generatedAt }) : t('page.asOfNoData', { time: view.generatedAt });
  const figures = view.figures.map((f) => figureCard(f, t('page.noFigure'))).join('\n');
  let items = `<p class="public-note">${t('page.public')}</p>`;
  if (view.items) {
    const shown = view.items.slice(0, MAX_ITEMS).map((i) => itemCard(view, i)).join('\n');
    const more = view.items.length > MAX_ITEMS ? `<p class="more">${t('page.more', { count: view.items.length - MAX_ITEMS })}</p>` : '';
    items = view.items.length === 0 ? `<p class="empty">${t('page.noItems')}</p>` : shown + more;
  }
  return `<header><h1>${t('page.title', { scope: view.scope })}</h1><p class="motto">${t('page.motto')}</p><p class="as-of" id="as-of">${asOf}</p></header>
<main>
<section class="figures"><h2>${t('page.figures')}</h2><div class="grid">${figures}</div></section>
<section class="items"><h2>${t('page.items')}</h2>${items}</section>
</main>`;
}

/** The whole page; the script (a file, for the CSP) refreshes #wall from the JSON twin of this URL. */
export function renderWallPage(view: WallPageView, options: { refreshMs: number; assetBase: string }): string {
  const t = tr(view.lang);
  const a = esc(options.assetBase);
  return `<!doctype html>
<html lang="${view.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=1920">
<meta name="referrer" content="no-referrer">
<title>${t('page.title', { scope: view.scope })}</title>
<link rel="preload" href="${a}/wall-font.otf" as="font" type="font/otf" crossorigin>
<link rel="stylesheet" href="${a}/wall.css">
<script src="${a}/wall.js" defer></script>
</head>
<body data-refresh-ms="${options.refreshMs}">
<div id="wall">
${renderWallBody(view)}
</div>
</body>
</html>
`;
}
