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
  const values = points.map((p) => p.value).filter((v): v is number => v !== undefined);
  const guides = options.guides ?? [];
  const all = [...values, ...guides];
  let low = all.length ? Math.min(...all) : 0;
  let high = all.length ? Math.max(...all) : 1;
  if (high - low < 1e-9) {
    low -= 1;
    high += 1;
  }
  const step = niceStep(high - low, 5);
  low = Math.floor(low / step) * step;
  high = Math.ceil(high / step) * step;
  const decimals = options.decimals ?? Math.max(0, -Math.floor(Math.log10(step)));
  const yOf = (v: number) => bottom - ((v - low) / (high - low)) * (bottom - top);
  const xOf = (i: number) => (points.length <= 1 ? (left + right) / 2 : left + 20 + (i * (right - left - 40)) / (points.length - 1));

  for (let v = low; v <= high + step / 2; v += step) {
    const y = yOf(v);
    canvas.line(left, y, right, y, GRID);
    const label = v.toFixed(decimals);
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
  points.forEach((p, i) => {
    if (p.value === undefined) {
      previous = undefined;
      return;
    }
    const here = { x: xOf(i), y: yOf(p.value) };
    if (previous) canvas.line(previous.x, previous.y, here.x, here.y, LINE, 3);
    previous = here;
  });
  points.forEach((p, i) => {
    if (p.value === undefined) return;
    canvas.dot(xOf(i), yOf(p.value), 5, LINE);
    const label = String(Number(p.value.toFixed(2)));
    canvas.text(label, xOf(i) - textWidth(label, 1) / 2, yOf(p.value) - 16, TEXT, 1);
  });
  // One fixed filter: pngjs otherwise tries all five on every row, 3× slower for flat chart colours.
  return PNG.sync.write(canvas.png, { filterType: 1 });
}
