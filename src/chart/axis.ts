/** A y axis for any finite input: at most MAX_TICKS ticks, computed by index (no float accumulation loop). */
export interface Axis {
  low: number;
  high: number;
  ticks: number[];
  step: number;
}

const MAX_TICKS = 12;
const LIMIT = 1e300;

/** Round tick step: 1, 2 or 5 × a power of ten, at least `span / ticks`. */
function niceStep(span: number, ticks: number): number {
  const raw = span / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

export function buildAxis(values: readonly number[], ticks = 5): Axis {
  // Beyond ±1e300 the span itself overflows to Infinity: such values are drawn at the edge.
  const finite = values.filter((v) => Number.isFinite(v)).map((v) => Math.max(-LIMIT, Math.min(LIMIT, v)));
  let low = finite.length ? Math.min(...finite) : 0;
  let high = finite.length ? Math.max(...finite) : 1;
  // A span below the numbers' own precision (1e9 vs 1e9 + 1e-7) is a flat line: widen it so
  // the step is representable next to the values and the ticks are distinct.
  const magnitude = Math.max(Math.abs(low), Math.abs(high));
  if (high - low <= magnitude * 1e-9 || high - low < 1e-12) {
    const pad = magnitude > 0 ? magnitude * 0.05 : 1;
    low -= pad;
    high += pad;
  }
  const step = niceStep(high - low, ticks);
  low = Math.floor(low / step) * step;
  high = Math.ceil(high / step) * step;
  const count = Math.min(MAX_TICKS, Math.max(1, Math.round((high - low) / step)));
  high = low + count * step;
  return { low, high, step, ticks: Array.from({ length: count + 1 }, (_, i) => low + i * step) };
}

/** Decimals that tell the ticks apart: 0 for a step of 5, 1 for 0.5, … (at most 6). */
export function tickDecimals(step: number): number {
  return Math.min(6, Math.max(0, -Math.floor(Math.log10(step) + 1e-9)));
}
