import { escapeHtml } from '../text/html.ts';
import { buildAxis, tickDecimals } from './axis.ts';
import { FONT_FAMILY } from './fonts.ts';

export interface LineChartPoint {
  /** Under the axis: `9月`, `Q3`. */
  label: string;
  /** A second line where the year changes: `2024年`. */
  sublabel?: string;
  value: number | undefined;
  /** Above the point, with the series' fixed decimals: `10.47`. */
  valueText?: string;
}

export interface LineChartGuide {
  value: number;
  /** `目标 25%` */
  label: string;
  kind: 'target' | 'min' | 'max';
}

/** Everything a chart says is given as text here: the chart itself knows no language or unit. */
export interface LineChartSpec {
  title: string;
  subtitle: string;
  /** Over the y axis: `单位：%`. */
  axisLabel: string;
  points: LineChartPoint[];
  guides: LineChartGuide[];
  /** The y axis' tick label for a value, written with `decimals` decimals (`25.0`). */
  tickText: (value: number, decimals: number) => string;
  width?: number;
  height?: number;
}

const COLOURS = { text: '#1f2329', muted: '#5f6570', grid: '#e3e6ea', axis: '#3c4048', line: '#1963c4', target: '#d9730d', min: '#7a4fb3', max: '#c0392b' };
const esc = escapeHtml;
const num = (n: number) => (Math.round(n * 10) / 10).toString();

function text(x: number, y: number, content: string, attrs: string): string {
  return `<text x="${num(x)}" y="${num(y)}" ${attrs}>${esc(content)}</text>`;
}

/**
 * A line chart as SVG: title, subtitle, y axis with its unit, period labels, labelled
 * reference lines, the series with gaps where a period has no figure, point labels.
 */
export function buildLineChartSvg(spec: LineChartSpec): string {
  const width = spec.width ?? 1000;
  const height = spec.height ?? 560;
  const left = 96;
  const right = width - 150;
  const top = 130;
  const bottom = height - 76;
  const values = spec.points.map((p) => p.value).filter((v): v is number => v !== undefined && Number.isFinite(v));
  const axis = buildAxis([...values, ...spec.guides.map((g) => g.value)]);
  const decimals = tickDecimals(axis.step);
  const yOf = (v: number) => bottom - ((v - axis.low) / (axis.high - axis.low)) * (bottom - top);
  const n = spec.points.length;
  const xOf = (i: number) => (n <= 1 ? (left + right) / 2 : left + 30 + (i * (right - left - 60)) / (n - 1));
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}">`);
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(text(40, 52, spec.title, `font-size="30" font-weight="bold" fill="${COLOURS.text}"`));
  out.push(text(40, 88, spec.subtitle, `font-size="19" fill="${COLOURS.muted}"`));
  out.push(text(left, top - 18, spec.axisLabel, `font-size="16" fill="${COLOURS.muted}" text-anchor="middle"`));
  for (const tick of axis.ticks) {
    const y = yOf(tick);
    out.push(`<line x1="${left}" y1="${num(y)}" x2="${right}" y2="${num(y)}" stroke="${COLOURS.grid}" stroke-width="1"/>`);
    out.push(text(left - 10, y + 6, spec.tickText(tick, decimals), `font-size="16" fill="${COLOURS.muted}" text-anchor="end"`));
  }
  out.push(`<line x1="${left}" y1="${top - 6}" x2="${left}" y2="${bottom}" stroke="${COLOURS.axis}" stroke-width="2"/>`);
  out.push(`<line x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="${COLOURS.axis}" stroke-width="2"/>`);
  for (const guide of spec.guides) {
    if (!Number.isFinite(guide.value)) continue;
    const y = yOf(guide.value);
    const colour = COLOURS[guide.kind];
    out.push(`<line x1="${left}" y1="${num(y)}" x2="${right}" y2="${num(y)}" stroke="${colour}" stroke-width="2" stroke-dasharray="10 6"/>`);
    out.push(text(right + 8, y + 6, guide.label, `font-size="17" fill="${colour}"`));
  }
  spec.points.forEach((p, i) => {
    const x = xOf(i);
    out.push(`<line x1="${num(x)}" y1="${bottom}" x2="${num(x)}" y2="${bottom + 6}" stroke="${COLOURS.axis}" stroke-width="1"/>`);
    out.push(text(x, bottom + 28, p.label, `font-size="17" fill="${COLOURS.text}" text-anchor="middle"`));
    if (p.sublabel) out.push(text(x, bottom + 52, p.sublabel, `font-size="16" fill="${COLOURS.muted}" text-anchor="middle"`));
  });
  // One polyline per run of consecutive figures: a missing period leaves a gap.
  let run: string[] = [];
  const flush = () => {
    if (run.length > 1) out.push(`<polyline points="${run.join(' ')}" fill="none" stroke="${COLOURS.line}" stroke-width="3.5" stroke-linejoin="round"/>`);
    run = [];
  };
  spec.points.forEach((p, i) => {
    if (p.value === undefined || !Number.isFinite(p.value)) return flush();
    run.push(`${num(xOf(i))},${num(yOf(p.value))}`);
  });
  flush();
  spec.points.forEach((p, i) => {
    if (p.value === undefined || !Number.isFinite(p.value)) return;
    const x = xOf(i);
    const y = yOf(p.value);
    out.push(`<circle cx="${num(x)}" cy="${num(y)}" r="5.5" fill="#ffffff" stroke="${COLOURS.line}" stroke-width="3"/>`);
    if (p.valueText) out.push(text(x, y - 14, p.valueText, `font-size="15" fill="${COLOURS.text}" text-anchor="middle"`));
  });
  out.push('</svg>');
  return out.join('\n');
}
