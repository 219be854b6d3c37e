/** Numbers the way Chinese court reports write them. */

/** 10.47 → "10.47%" */
export function formatPercent(value: number): string {
  return `${value.toFixed(2)}%`;
}

/** A change in percentage points: 1.5 → "+1.50", -0.2 → "-0.20", 0 → "±0.00". */
export function formatPp(change: number): string {
  const rounded = Math.round(change * 100) / 100;
  if (rounded === 0) return '±0.00';
  return `${rounded > 0 ? '+' : '-'}${Math.abs(rounded).toFixed(2)}`;
}

/** Yuan → 万元 with two decimals: 12345678 → "1234.57". */
export function formatWan(yuan: number): string {
  return (yuan / 10_000).toFixed(2);
}

/** A plain count: 1234 → "1234". */
export function formatCount(value: number): string {
  return String(Math.round(value));
}

/** `2024-09-02T…` in the court's zone is computed by the caller; this only trims `YYYY-MM-DD` to `MM-DD`. */
export function shortDate(isoDate: string): string {
  return isoDate.slice(5, 10);
}
