import type { Store } from '../../src/store/open-store.ts';

/** 申请执行标的金额: the indicator of the review's freezing /trend. */
export const FLAT_METRIC = 'enf_amount_applied';

/**
 * The series that froze the old chart: twelve months at 612,500,000 yuan with a target a
 * hair above (612500000.0000001), and one month at 1e9 + 1e-7 beside 1e9 for another unit —
 * ranges far below the float resolution of the values.
 */
export async function seedNearConstantSeries(store: Store): Promise<void> {
  const def = store.metrics.metric(FLAT_METRIC);
  if (!def) throw new Error(`the seed catalog has no ${FLAT_METRIC}`);
  await store.metrics.saveMetric({ ...def, reference: { ...def.reference, target: 612500000.0000001 } });
  const months = Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}`);
  await store.metrics.saveObservations([
    ...months.map((period) => ({ metric: FLAT_METRIC, unit: 'court', period, basis: 'ytd' as const, value: 612500000 })),
    { metric: FLAT_METRIC, unit: 'enforcement', period: '2023-11', basis: 'ytd', value: 1e9 },
    { metric: FLAT_METRIC, unit: 'enforcement', period: '2023-12', basis: 'ytd', value: 1e9 + 1e-7 },
  ]);
}
