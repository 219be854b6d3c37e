import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildAgenda, type AgendaInput } from '../../../src/domain/digests/agenda.ts';
import { formatPercent, formatPp, formatWan } from '../../../src/domain/digests/format.ts';
import { buildSummary, type SummaryInput } from '../../../src/domain/digests/summary.ts';

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
    { name: '首执案件终本率', value: '31.00%', previous: '29.00%', outOfRange: true, worse: true },
    { name: '执行完毕率', value: '41.00%', outOfRange: false, worse: false },
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
    assert.deepEqual(agenda.figures.map((f) => f.name), ['首执案件终本率']);
    assert.equal(agenda.topics[0]!.text, '研究执行积案清理方案');
    assert.deepEqual(agenda.assignments.map((a) => a.code), ['T3']);
    assert.equal(agenda.weekNumber, 36);
    assert.equal(agenda.study, undefined, 'no study item unless the secretary set one');
  });
});

void describe('enforcement summary builder', () => {
  const input: SummaryInput = {
    courtName: '某区人民法院',
    period: '2024-08',
    cases: { received: 320, receivedFirst: 250, receivedResumed: 70, closed: 300, closeRate: 78.456, pending: 512, receivedLastYear: 300 },
    indicators: [
      { code: 'first_enf_terminated_round_rate', name: '首执案件终本率', unit: '%', month: 9.8, ytd: 10.47, ytdLastYear: 12.0, rank: 1, rankTotal: 16, reference: '≤25.00%', status: 'in' },
      { code: 'enf_avg_days', name: '执行结案平均用时', unit: 'days', ytd: 98.5, status: 'near' },
    ],
    amountApplied: 123_456_789,
    amountRealised: 99_765_432.1,
    updates: [
      { itemCode: 'T2', itemTitle: '终本案件核查', author: '李四', text: '核查 40 件', date: '2024-08-12' },
      { author: '孙八', text: '其他', date: '2024-08-03' },
      { itemCode: 'T2', itemTitle: '终本案件核查', author: '王五', text: '核查 20 件', date: '2024-08-05' },
    ],
  };
  const s = buildSummary(input);

  void it('formats rates with two decimals, changes in ±0.00 points and amounts in 万元', () => {
    assert.equal(s.rows[0]!.ytd, '10.47%');
    assert.equal(s.rows[0]!.month, '9.80%');
    assert.equal(s.rows[0]!.yoy, '-1.53');
    assert.equal(s.rows[0]!.rank, '1/16');
    assert.equal(s.rows[1]!.ytd, '98.50');
    assert.equal(s.rows[1]!.yoy, '—');
    assert.equal(s.amountApplied, '12345.68');
    assert.equal(s.amountRealised, '9976.54');
    assert.equal(s.cases.closeRate, '78.46%');
    assert.equal(s.cases.yoy, '+20');
  });

  void it('groups the month progress by item, items first, oldest first', () => {
    assert.deepEqual(s.groups.map((g) => g.itemCode ?? 'other'), ['T2', 'other']);
    assert.deepEqual(s.groups[0]!.updates.map((u) => u.author), ['王五', '李四']);
  });

  void it('formats numbers as court reports do', () => {
    assert.equal(formatPercent(10.47), '10.47%');
    assert.equal(formatPp(0), '±0.00');
    assert.equal(formatPp(1.5), '+1.50');
    assert.equal(formatPp(-0.004), '±0.00');
    assert.equal(formatWan(10_000), '1.00');
  });
});
