import { addMonths, splitPeriod } from '../domain/metrics/period.ts';
import { COURT_UNIT, isRatioKind, ratioScale, type MetricDef, type Observation } from '../domain/metrics/types.ts';

/**
 * Synthetic figures for the console: 2023-08 up to the latest full month by the console's
 * clock, year to date, for the court and a few units. Only two are real, the published ones: 首执案件终本率 10.47 % and 执行标的到位率
 * 80.81 % to the end of August 2024, both first of the city's 16 basic courts.
 */
export const DEMO_FIRST = '2023-08';
export const DEMO_LAST = '2024-08';
const RANK_TOTAL = 16;

const TRIAL_UNITS = ['criminal', 'civil1', 'civil2', 'admin_div', 'devzone', 'envres'];

/** Typical level of each ratio (in its unit) and a typical monthly denominator per unit. */
const LEVELS: Record<string, [level: number, denominator: number]> = {
  case_to_proceeding_ratio: [1.32, 120],
  within_limit_closure_rate: [96.5, 110],
  avg_disposition_days: [58, 110],
  over_12m_pending_ratio: [1.2, 300],
  clearance_ratio: [97, 115],
  closure_rate: [78, 160],
  judge_avg_closures: [21, 6],
  first_inst_acceptance_rate: [91.5, 95],
  appeal_rate: [8.5, 95],
  first_inst_reversal_remand_rate: [0.8, 95],
  judicial_compensation_rate: [0.3, 110],
  mediation_rate: [34, 70],
  mediation_withdrawal_rate: [52, 70],
  pre_mediation_success_rate: [43, 60],
  petition_case_ratio: [0.6, 110],
  civil_ruling_enf_apply_rate: [31, 60],
  first_enf_terminated_round_rate: [11.5, 280],
  enf_completion_rate: [44, 300],
  enf_amount_realized_rate: [78, 60_000_000],
  actual_enf_rate: [49, 300],
  enf_within_limit_rate: [93, 280],
  terminated_round_compliance_rate: [96, 40],
  enf_petition_closure_rate: [95, 12],
  enf_avg_days: [96, 300],
  enf_fund_payout_days: [14, 400],
};

/** Published, year to date to 2024-08: [numerator, denominator] giving exactly the figure. */
const PUBLISHED: Record<string, { value: number; numerator: number; denominator: number }> = {
  first_enf_terminated_round_rate: { value: 10.47, numerator: 356, denominator: 3400 },
  enf_amount_realized_rate: { value: 80.81, numerator: 494_961_250, denominator: 612_500_000 },
};

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Month {
  period: string;
  numerator: number;
  denominator: number;
}

function monthsFor(def: MetricDef, next: () => number, scale: number, last: string): Month[] {
  const [level, denominator] = LEVELS[def.code] ?? [50, 100];
  const months: Month[] = [];
  for (let period = '2023-01'; period <= last; period = addMonths(period, 1)) {
    // A headcount hardly moves from month to month.
    const den = Math.max(1, Math.round(denominator * scale * (def.kind === 'per_capita' ? 1 : 0.8 + next() * 0.4)));
    // A share cannot pass 100 % in any month (终本合格率 sits near it).
    const rate = Math.min(level * (0.93 + next() * 0.14), def.unit === '%' ? 99.9 : Infinity);
    const num = Math.round((rate / ratioScale(def.unit)) * den * 100) / 100;
    // Case counts are whole: round at random so that small rates do not all come out 0.
    months.push({ period, numerator: def.unit === '%' || def.unit === '‱' ? Math.floor(num + next()) : num, denominator: den });
  }
  return months;
}

function cumulate(def: MetricDef, unit: string, months: Month[]): Observation[] {
  const out: Observation[] = [];
  let num = 0;
  let den = 0;
  for (const m of months) {
    if (splitPeriod(m.period).month === 1) num = den = 0;
    // A stock ratio is its month-end value; a per-capita figure divides the year's cases by the headcount at the end.
    num = def.kind === 'stock_ratio' ? m.numerator : num + m.numerator;
    den = def.kind === 'stock_ratio' || def.kind === 'per_capita' ? m.denominator : den + m.denominator;
    if (m.period < DEMO_FIRST) continue;
    const value = Number(((num / den) * ratioScale(def.unit)).toFixed(2));
    out.push({ metric: def.code, unit, period: m.period, basis: 'ytd', value, numerator: Number(num.toFixed(2)), denominator: den });
  }
  return out;
}

/** Makes the August 2024 month whatever brings the ytd to the published figure. */
function fitPublished(months: Month[], target: { numerator: number; denominator: number }): void {
  const before = months.filter((m) => m.period >= '2024-01' && m.period < DEMO_LAST);
  const august = months.find((m) => m.period === DEMO_LAST)!;
  august.numerator = target.numerator - before.reduce((s, m) => s + m.numerator, 0);
  august.denominator = target.denominator - before.reduce((s, m) => s + m.denominator, 0);
}

function countsFor(next: () => number, realized: Observation[], last: string): Observation[] {
  const out: Observation[] = [];
  // Parts never exceed their totals: received = first + resumed; first-enforcement closed ≤ closed.
  const totals: Record<string, number> = {};
  for (let period = '2023-01'; period <= last; period = addMonths(period, 1)) {
    if (splitPeriod(period).month === 1) for (const k of Object.keys(totals)) totals[k] = 0;
    const first = Math.round(430 * (0.8 + next() * 0.4));
    const resumed = Math.round(70 * (0.8 + next() * 0.4));
    const closed = Math.round((first + resumed) * (0.9 + next() * 0.15));
    const month: Record<string, number> = { enf_first_cases: first, enf_resumed_cases: resumed, enf_cases_received: first + resumed, enf_cases_closed: closed, enf_first_closed: Math.round(closed * 0.85) };
    for (const [metric, n] of Object.entries(month)) {
      totals[metric] = (totals[metric] ?? 0) + n;
      if (period >= DEMO_FIRST) out.push({ metric, unit: COURT_UNIT, period, basis: 'ytd', value: totals[metric] });
    }
  }
  let pending = 1180;
  for (let period = DEMO_FIRST; period <= last; period = addMonths(period, 1)) {
    pending = Math.round(pending * (0.96 + next() * 0.08));
    out.push({ metric: 'enf_cases_pending', unit: COURT_UNIT, period, basis: 'ytd', value: pending });
  }
  for (const o of realized) {
    out.push({ metric: 'enf_amount_applied', unit: COURT_UNIT, period: o.period, basis: 'ytd', value: o.denominator! });
    out.push({ metric: 'enf_amount_realized', unit: COURT_UNIT, period: o.period, basis: 'ytd', value: o.numerator! });
  }
  return out;
}

/** `last`: the latest full month by the console's clock, so a newcomer sees this year's figures. */
export function buildDemoObservations(catalog: readonly MetricDef[], last = DEMO_LAST): Observation[] {
  if (last < DEMO_LAST) last = DEMO_LAST;
  const next = random(20240831);
  const out: Observation[] = [];
  for (const def of catalog) {
    if (!isRatioKind(def.kind)) continue;
    const published = PUBLISHED[def.code];
    if (published || def.group === 'enforcement') {
      const months = monthsFor(def, next, 1, last);
      if (published) fitPublished(months, published);
      const ytd = cumulate(def, COURT_UNIT, months);
      for (const o of ytd) {
        if (published && o.period === DEMO_LAST) Object.assign(o, { value: published.value, rank: 1, rankTotal: RANK_TOTAL });
        else if (published) Object.assign(o, { rank: 1 + Math.floor(next() * 3), rankTotal: RANK_TOTAL });
      }
      out.push(...ytd, ...ytd.map(({ rank: _r, rankTotal: _t, ...o }) => ({ ...o, unit: 'enforcement' })));
      continue;
    }
    // Trial indicators: per unit, and the court as the sum of its units' parts.
    const perUnit = TRIAL_UNITS.map((unit) => ({ unit, months: monthsFor(def, next, def.kind === 'per_capita' ? 1 : 1 / TRIAL_UNITS.length, last) }));
    const court = perUnit[0]!.months.map((m, i) => ({
      period: m.period,
      numerator: perUnit.reduce((s, u) => s + u.months[i]!.numerator, 0),
      denominator: perUnit.reduce((s, u) => s + u.months[i]!.denominator, 0),
    }));
    for (const u of perUnit) out.push(...cumulate(def, u.unit, u.months));
    out.push(...cumulate(def, COURT_UNIT, court));
  }
  return [...out, ...countsFor(next, out.filter((o) => o.metric === 'enf_amount_realized_rate' && o.unit === COURT_UNIT), last)];
}
