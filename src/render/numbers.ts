/**
 * Plain numbers, one way for every surface. Rounding first, so a value that rounds to zero
 * never shows as `-0` or `-0.00`.
 */

function unsignedZero(n: number, decimals: number): number {
  const rounded = Number(n.toFixed(decimals));
  return rounded === 0 ? 0 : n;
}

/** `10.4706` → `10.47`: a fixed number of decimals, no grouping. */
export function fixed(n: number, decimals = 2): string {
  return unsignedZero(n, decimals).toFixed(decimals);
}

// toLocaleString with options builds a new Intl.NumberFormat on every call (a tenth of a millisecond or more):
// made once per precision instead, it was a fifth of the CPU of a metric query (npm run bench).
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(min: number, max: number): Intl.NumberFormat {
  const key = `${min}:${max}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat('en-US', { minimumFractionDigits: min, maximumFractionDigits: max })));
  return format;
}

/** `1234.5` → `1,234.5`: thousands grouped, at most `maxDecimals` decimals. */
export function grouped(n: number, maxDecimals = 2): string {
  return numberFormat(0, maxDecimals).format(unsignedZero(n, maxDecimals));
}

/** `8081` → `8,081.00`: thousands grouped, exactly `decimals` decimals. */
export function groupedFixed(n: number, decimals = 2): string {
  return numberFormat(decimals, decimals).format(unsignedZero(n, decimals));
}
