import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildAgenda, type AgendaInput } from '../../../src/domain/digests/agenda.ts';
import { buildSummary, SUMMARY_CORE, SUMMARY_COUNTS, summaryIndicators, type SummaryInput } from '../../../src/domain/digests/summary.ts';
import type { MetricDef, Observation } from '../../../src/domain/metrics/types.ts';
import type { Unit } from '../../../src/domain/org.ts';
import { loadSeedCatalog } from '../../../src/store/metrics-store.ts';

const def = (code: string): MetricDef => loadSeedCatalog().find((d) => d.code === code)!;

const agendaInput: AgendaInput = {
  unitName: '执行局',
  week: '2024-W36',
  weekStart: '2024-09-02',
  weekEnd: '2024-09-08',
  since: '2024-08-26',
  items: [
    { code: 'T1', title: '积案清理', owners: ['张三'], due: '2024-09-30', done: false },
    { code: 'T2', title: '终本案件核查', owners: ['李四', '王五'], due: '2024-08-31', done: false },
    { code: 'T3', title: '执行款发放', owners: ['赵六'], due: '2024-09-06', done: false },
    { code: 'T4', title: '已完成事项', owners: ['钱七'], done: true },
  ],
  updates: [
    { itemCode: 'T1', author: '张三', text: '清理 12 件', percent: 40, date: '2024-08-20' },
    { itemCode: 'T1', author: '张三', text: '又清理 8 件', percent: 60, date: '2024-08-28' },
    { itemCode: 'T3', author: '赵六', text: '已发放 3 笔', date: '2024-08-30' },
    { author: '孙八', text: '参加培训', date: '2024-08-29' },
  ],
  figures: [
    { def: def('first_enf_terminated_round_rate'), period: '2024-08', value: 31, previous: 29, change: { delta: 2 }, status: { kind: 'out_of_range', side: 'high', warning: false, ok: false }, outOfRange: true, worse: true },
    { def: def('enf_completion_rate'), period: '2024-08', value: 41, status: { kind: 'meets_target', warning: false, ok: true }, outOfRange: false, worse: false },
  ],
  topics: [{ text: '研究执行积案清理方案', by: '王书记' }],
};

void describe('weekly agenda builder', () => {
  const agenda = buildAgenda(agendaInput);

  void it('reports progress since the last meeting with the latest percent and update', () => {
    const t1 = agenda.progress.find((p) => p.code === 'T1')!;
    assert.equal(t1.percent, 60);
    assert.equal(t1.lastUpdate, '2024-08-28');
    assert.deepEqual(t1.updates.map((u) => u.text), ['又清理 8 件']);
    assert.equal(agenda.otherUpdates.length, 1);
    assert.ok(!agenda.progress.some((p) => p.code === 'T4'), 'a done item without updates is not listed');
  });

  void it('lists items without progress and overdue ones with their owners', () => {
    const t2 = agenda.stalled.find((s) => s.code === 'T2')!;
    assert.deepEqual({ overdue: t2.overdue, noProgress: t2.noProgress, owners: t2.owners }, { overdue: true, noProgress: true, owners: ['李四', '王五'] });
    assert.ok(!agenda.stalled.some((s) => s.code === 'T1'));
  });

  void it('keeps only figures out of range or worse, the members topics, and open items due soon', () => {
    assert.deepEqual(agenda.figures.map((f) => f.def.code), ['first_enf_terminated_round_rate']);
    assert.equal(agenda.topics[0]!.text, '研究执行积案清理方案');
    assert.deepEqual(agenda.assignments.map((a) => a.code), ['T3']);
    assert.equal(agenda.weekNumber, 36);
    assert.equal(agenda.study, undefined, 'no study item unless the secretary set one');
  });
});

void describe('enforcement summary builder', () => {
  const catalog = loadSeedCatalog();
  const ob = (metric: string, period: string, basis: 'ytd' | 'month', value: number, extra: Partial<Observation> = {}): Observation => ({ metric, unit: 'court', period, basis, value, ...extra });
  const units: Unit[] = [
    { code: 'court', nameZh: '本院', nameEn: 'Court', kind: 'court' },
    { code: 'enforcement', nameZh: '执行局', nameEn: 'Enforcement', kind: 'enforcement' },
    { code: 'branch_enf', nameZh: '执行局党支部', nameEn: 'Enforcement branch', kind: 'branch', covers: ['enforcement'] },
    { code: 'civil1', nameZh: '民一庭', nameEn: 'Civil 1', kind: 'division' },
  ];
  const input: SummaryInput = {
    courtName: '某区人民法院',
    period: '2024-08',
    catalog,
    units,
    observations: [
      ob('enf_cases_received', '2024-08', 'month', 320),
      ob('enf_cases_received', '2023-08', 'month', 300),
      ob('enf_first_cases', '2024-08', 'month', 250),
      ob('enf_resumed_cases', '2024-08', 'month', 70),
      ob('enf_cases_closed', '2024-08', 'month', 300),
      ob('enf_cases_closed', '2024-08', 'ytd', 1880),
      ob('enf_cases_pending', '2024-08', 'ytd', 512),
      ob('first_enf_terminated_round_rate', '2024-08', 'month', 9.8),
      ob('first_enf_terminated_round_rate', '2024-08', 'ytd', 10.47, { rank: 1, rankTotal: 16 }),
      ob('first_enf_terminated_round_rate', '2023-08', 'ytd', 12.0),
      ob('enf_avg_days', '2024-08', 'ytd', 98.5),
      ob('enf_amount_applied', '2024-08', 'ytd', 123_456_789),
      ob('enf_amount_realized', '2024-08', 'ytd', 99_765_432.1),
    ],
    items: [{ code: 'T2', title: '终本案件核查', unit: 'branch_enf' }, { code: 'T3', title: '民事调解', unit: 'civil1' }],
    updates: [
      { itemCode: 'T2', unit: 'civil1', author: '李四', text: '核查 40 件', date: '2024-08-12' },
      { unit: 'enforcement', author: '孙八', text: '其他', date: '2024-08-03' },
      { itemCode: 'T2', unit: 'branch_enf', author: '王五', text: '核查 20 件', date: '2024-08-05' },
      { itemCode: 'T3', unit: 'civil1', author: '赵六', text: '调解 5 件', date: '2024-08-06' },
      { unit: 'civil1', author: '钱七', text: '民事', date: '2024-08-07' },
    ],
  };
  const s = buildSummary(input)!;

  void it('returns numbers and judged values, never text', () => {
    const first = s.indicators[0]!;
    assert.equal(first.def.code, 'first_enf_terminated_round_rate');
    // No ranks in a bulletin unless the court turned them on (DIGEST_RANKS=on).
    assert.deepEqual({ month: first.month, ytd: first.ytd, rank: first.rank, rankTotal: first.rankTotal }, { month: 9.8, ytd: 10.47, rank: undefined, rankTotal: undefined });
    const ranked = buildSummary({ ...input, showRanks: true })!.indicators[0]!;
    assert.deepEqual({ rank: ranked.rank, rankTotal: ranked.rankTotal }, { rank: 1, rankTotal: 16 });
    assert.equal(first.yoy!.delta.toFixed(2), '-1.53');
    assert.equal(first.status!.kind, 'meets_target');
    assert.equal(s.indicators.find((i) => i.def.code === 'enf_avg_days')!.ytd, 98.5);
    assert.equal(s.amountApplied, 123_456_789);
    assert.equal(s.cases.closeRate!.toFixed(2), '78.60');
    assert.deepEqual({ received: s.cases.received, relative: s.cases.receivedYoy!.relative!.toFixed(4) }, { received: 320, relative: '0.0667' });
  });

  void it('lists the core indicators in order, then other enforcement indicators, never counts or amounts', () => {
    const codes = summaryIndicators(catalog).map((d) => d.code);
    assert.deepEqual(codes.slice(0, 6), [...SUMMARY_CORE]);
    assert.ok(!codes.some((c) => Object.values(SUMMARY_COUNTS).includes(c as never)));
    assert.ok(codes.every((c) => catalog.find((d) => d.code === c)!.group === 'enforcement'));
  });

  void it('keeps ranks out when the court says so', () => {
    const quiet = buildSummary({ ...input, showRanks: false })!;
    assert.equal(quiet.ranked, false);
    assert.equal(quiet.indicators[0]!.rank, undefined);
  });

  void it('groups the enforcement progress of the month by item, items first, oldest first; other units left out', () => {
    assert.deepEqual(s.groups.map((g) => g.itemCode ?? 'other'), ['T2', 'other']);
    assert.deepEqual(s.groups[0]!.updates.map((u) => u.author), ['王五', '李四']);
    assert.equal(s.groups[0]!.itemTitle, '终本案件核查');
    assert.deepEqual(s.groups[1]!.updates.map((u) => u.author), ['孙八']);
  });

  void it('has nothing to say for a month without enforcement figures', () => {
    assert.equal(buildSummary({ ...input, period: '2024-09' }), undefined);
  });
});
