import { PNG } from 'pngjs';
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphPixels, textWidth } from './bitmap-font.ts';

export interface ChartPoint {
  /** `YYYY-MM` */
  period: string;
  value: number | undefined;
}

export interface ChartOptions {
  width?: number;
  height?: number;
  /** Horizontal guide lines (reference minimum, maximum, target). */
  guides?: number[];
  decimals?: number;
}

type Rgb = [number, number, number];
const AXIS: Rgb = [60, 60, 60];
const GRID: Rgb = [225, 225, 225];
const LINE: Rgb = [25, 99, 196];
const GUIDE: Rgb = [222, 120, 30];
const TEXT: Rgb = [40, 40, 40];

class Canvas {
  readonly png: PNG;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.png = new PNG({ width, height });
    this.png.data.fill(255); // white, opaque
  }
  set(x: number, y: number, c: Rgb): void {
    const px = Math.round(x);
    const py = Math.round(y);
    if (px < 0 || py < 0 || px >= this.width || py >= this.height) return;
    const i = (py * this.width + px) * 4;
    this.png.data[i] = c[0];
    this.png.data[i + 1] = c[1];
    this.png.data[i + 2] = c[2];
    this.png.data[i + 3] = 255;
  }
  fill(x: number, y: number, w: number, h: number, c: Rgb): void {
    for (let j = 0; j < h; j++) for (let i = 0; i < w; i++) this.set(x + i, y + j, c);
  }
  line(x0: number, y0: number, x1: number, y1: number, c: Rgb, thick = 1, dash = 0): void {
    // One pixel per step: clamp to just outside the canvas so the step count stays bounded.
    const clampX = (x: number) => Math.min(Math.max(x, -thick), this.width + thick);
    const clampY = (y: number) => Math.min(Math.max(y, -thick), this.height + thick);
    if (![x0, y0, x1, y1].every(Number.isFinite)) return;
    [x0, y0, x1, y1] = [clampX(x0), clampY(y0), clampX(x1), clampY(y1)];
    const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0), 1);
    for (let s = 0; s <= steps; s++) {
      if (dash > 0 && Math.floor(s / dash) % 2 === 1) continue;
      const x = x0 + ((x1 - x0) * s) / steps;
      const y = y0 + ((y1 - y0) * s) / steps;
      this.fill(x - Math.floor(thick / 2), y - Math.floor(thick / 2), thick, thick, c);
    }
  }
  dot(cx: number, cy: number, r: number, c: Rgb): void {
    for (let y = -r; y <= r; y++) for (let x = -r; x <= r; x++) if (x * x + y * y <= r * r) this.set(cx + x, cy + y, c);
  }
  text(label: string, x: number, y: number, c: Rgb, scale = 2): void {
    [...label].forEach((char, i) => {
      for (const [gx, gy] of glyphPixels(char)) this.fill(x + (i * (GLYPH_WIDTH + 1) + gx) * scale, y + gy * scale, scale, scale, c);
    });
  }
}

/** Round tick step: 1, 2 or 5 × a power of ten. */
function niceStep(span: number, ticks: number): number {
  const raw = span / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

const MAX_TICKS = 12;

/** A label the bitmap font can draw at a sane length, also for 1e300 (toFixed would spell it out). */
function formatNumber(v: number, decimals: number, trim: boolean): string {
  if (Math.abs(v) >= 1e15) return v.toExponential(3);
  return trim ? String(Number(v.toFixed(decimals))) : v.toFixed(decimals);
}

/**
 * The y-axis ticks for values between `low` and `high`: a round step, at most MAX_TICKS,
 * strictly increasing. Ticks are computed by index, never by `v += step`: near 1e9 a step
 * below the float resolution (≈1.2e-7) would not advance `v` and the loop would never end.
 */
export function chartTicks(low: number, high: number): number[] {
  if (!Number.isFinite(low) || !Number.isFinite(high) || high < low) return [0, 1];
  const magnitude = Math.max(Math.abs(low), Math.abs(high));
  // A span the float resolution cannot split (or none at all) is widened around the middle.
  if (high - low <= Math.max(1e-9, magnitude * 1e-9)) {
    const middle = low / 2 + high / 2;
    const pad = Math.max(1, Math.abs(middle) * 1e-6);
    low = middle - pad;
    high = middle + pad;
  }
  // Halving first keeps the span finite for ±Number.MAX_VALUE.
  const half = high / 2 - low / 2;
  let step = niceStep(half, 2.5);
  if (!Number.isFinite(step) || step <= 0) return [low, high];
  let first = Math.floor(low / step);
  let count = Math.ceil(high / step) - first;
  if (!Number.isFinite(count) || count < 1 || count > MAX_TICKS - 1) {
    step = half / ((MAX_TICKS - 1) / 2);
    first = low / step;
    count = MAX_TICKS - 1;
  }
  const ticks: number[] = [];
  for (let i = 0; i <= count; i++) {
    const tick = (first + i) * step;
    if (!Number.isFinite(tick) || (ticks.length > 0 && tick <= ticks.at(-1)!)) continue;
    ticks.push(tick);
  }
  if (ticks.length < 2 || ticks[0]! > low || ticks.at(-1)! < high) return [low, high];
  return ticks;
}

/**
 * A line chart of monthly figures as PNG: axes, grid, guide lines, the series (gaps where a
 * month has no figure) and numeric labels in a built-in bitmap font. Names go in the caption.
 */
export function renderLineChart(points: readonly ChartPoint[], options: ChartOptions = {}): Buffer {
  const width = options.width ?? 800;
  const height = options.height ?? 450;
  const canvas = new Canvas(width, height);
  const left = 90;
  const right = width - 30;
  const top = 30;
  const bottom = height - 60;
  const finite = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v);
  const shown = points.map((p) => ({ period: p.period, value: finite(p.value) ? p.value : undefined }));
  const values = shown.map((p) => p.value).filter(finite);
  const guides = (options.guides ?? []).filter(finite);
  const all = [...values, ...guides];
  const ticks = chartTicks(all.length ? Math.min(...all) : 0, all.length ? Math.max(...all) : 1);
  const low = ticks[0]!;
  const high = ticks.at(-1)!;
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : 1;
  const decimals = options.decimals ?? Math.min(6, Math.max(0, -Math.floor(Math.log10(step))));
  // Scaled in two halves so that a span of ±Number.MAX_VALUE does not overflow to Infinity.
  const yOf = (v: number) => bottom - ((v / 2 - low / 2) / (high / 2 - low / 2)) * (bottom - top);
  const xOf = (i: number) => (points.length <= 1 ? (left + right) / 2 : left + 20 + (i * (right - left - 40)) / (points.length - 1));

  for (const v of ticks) {
    const y = yOf(v);
    canvas.line(left, y, right, y, GRID);
    const label = formatNumber(v, decimals, false);
    canvas.text(label, left - 10 - textWidth(label, 2), y - GLYPH_HEIGHT, TEXT);
  }
  for (const g of guides) canvas.line(left, yOf(g), right, yOf(g), GUIDE, 2, 8);
  canvas.line(left, top, left, bottom, AXIS, 2);
  canvas.line(left, bottom, right, bottom, AXIS, 2);

  points.forEach((p, i) => {
    const x = xOf(i);
    canvas.line(x, bottom, x, bottom + 6, AXIS);
    const month = p.period.slice(5, 7);
    canvas.text(month, x - textWidth(month, 2) / 2, bottom + 12, TEXT);
    if (i === 0 || month === '01') {
      const year = p.period.slice(0, 4);
      canvas.text(year, x - textWidth(year, 2) / 2, bottom + 34, TEXT);
    }
  });
  let previous: { x: number; y: number } | undefined;
  shown.forEach((p, i) => {
    if (p.value === undefined) {
      previous = undefined;
      return;
    }
    const here = { x: xOf(i), y: yOf(p.value) };
    if (previous) canvas.line(previous.x, previous.y, here.x, here.y, LINE, 3);
    previous = here;
  });
  shown.forEach((p, i) => {
    if (p.value === undefined) return;
    canvas.dot(xOf(i), yOf(p.value), 5, LINE);
    const label = formatNumber(p.value, 2, true);
    canvas.text(label, xOf(i) - textWidth(label, 1) / 2, yOf(p.value) - 16, TEXT, 1);
  });
  // One fixed filter: pngjs otherwise tries all five on every row, 3× slower for flat chart colours.
  return PNG.sync.write(canvas.png, { filterType: 1 });
}
