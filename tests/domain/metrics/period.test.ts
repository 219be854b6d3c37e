import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addMonths, endMonth, findPeriod, monthsOf, parsePeriodCode, periodOfMonth, periodsEndingAt, previousPeriod, sameMonthLastYear, startMonth } from '../../../src/domain/metrics/period.ts';

const TZ = 'Asia/Shanghai';
// 2024-09-01 01:00 in Shanghai, still August 31 in UTC.
const NOW = new Date('2024-08-31T17:00:00Z');

describe('period maths', () => {
  it('steps months across year ends', () => {
    assert.equal(previousPeriod('2024-01'), '2023-12');
    assert.equal(addMonths('2023-12', 1), '2024-01');
    assert.equal(sameMonthLastYear('2024-08'), '2023-08');
    assert.deepEqual(periodsEndingAt('2024-02', 3), ['2023-12', '2024-01', '2024-02']);
  });

  it('reads explicit periods', () => {
    assert.equal(findPeriod('执行到位率 2024-08', NOW, TZ)?.period, '2024-08');
    assert.equal(findPeriod('2024/8 终本率', NOW, TZ)?.period, '2024-08');
    assert.equal(findPeriod('2024年8月终本率', NOW, TZ)?.period, '2024-08');
    assert.equal(findPeriod('2023年12月末', NOW, TZ)?.period, '2023-12');
    assert.equal(findPeriod('closure rate Aug 2023', NOW, TZ)?.period, '2023-08');
  });

  it('reads a bare month as the latest one already over, in court time', () => {
    // In Shanghai it is already September, so 8月 is this year's August.
    assert.equal(findPeriod('8月 到位率', NOW, TZ)?.period, '2024-08');
    assert.equal(findPeriod('9月 到位率', NOW, TZ)?.period, '2023-09');
    assert.equal(findPeriod('12月', NOW, TZ)?.period, '2023-12');
    // In UTC it is still August: August is not over yet.
    assert.equal(findPeriod('8月', NOW, 'UTC')?.period, '2023-08');
    assert.equal(findPeriod('August', NOW, TZ)?.period, '2024-08');
  });

  it('reads relative months', () => {
    assert.equal(findPeriod('上月终本率', NOW, TZ)?.period, '2024-08');
    assert.equal(findPeriod('上个月', NOW, TZ)?.period, '2024-08');
    assert.equal(findPeriod('closure rate last month', NOW, TZ)?.period, '2024-08');
    assert.equal(findPeriod('本月', NOW, TZ)?.period, '2024-09');
    assert.equal(findPeriod('本月', NOW, 'UTC')?.period, '2024-08');
  });

  it('finds nothing in a plain name and rejects month 13', () => {
    assert.equal(findPeriod('终本率', NOW, TZ), undefined);
    assert.equal(findPeriod('decrease', NOW, TZ), undefined);
    assert.equal(findPeriod('2024-13', NOW, TZ), undefined);
  });
});

describe('quarters, half-years, years and year to date', () => {
  // 2026-12-01 09:00 in Shanghai.
  const now = new Date('2026-12-01T01:00:00Z');
  const find = (text: string) => {
    const m = findPeriod(text, now, TZ);
    return m ? { period: m.period, ...(m.basis ? { basis: m.basis } : {}) } : undefined;
  };

  it('reads quarters with and without a year', () => {
    assert.deepEqual(find('终本率 2024年第三季度'), { period: '2024-Q3', basis: 'month' });
    assert.deepEqual(find('2024Q3'), { period: '2024-Q3', basis: 'month' });
    assert.deepEqual(find('2024年三季度 终本率'), { period: '2024-Q3', basis: 'month' });
    assert.deepEqual(find('Q3 2024'), { period: '2024-Q3', basis: 'month' });
    assert.deepEqual(find('三季度'), { period: '2026-Q3', basis: 'month' });
    assert.deepEqual(find('第四季度'), { period: '2025-Q4', basis: 'month' });
    assert.deepEqual(find('本季度'), { period: '2026-Q4', basis: 'month' });
    assert.deepEqual(find('上季度'), { period: '2026-Q3', basis: 'month' });
  });

  it('reads half-years and years', () => {
    assert.deepEqual(find('2024H1'), { period: '2024-H1', basis: 'month' });
    assert.deepEqual(find('2024年上半年'), { period: '2024-H1', basis: 'month' });
    assert.deepEqual(find('上半年'), { period: '2026-H1', basis: 'month' });
    assert.deepEqual(find('下半年'), { period: '2025-H2', basis: 'month' });
    assert.deepEqual(find('2024年 结收比'), { period: '2024' });
    assert.deepEqual(find('2024年度'), { period: '2024' });
    assert.deepEqual(find('去年'), { period: '2025' });
    assert.deepEqual(find('closure rate 2024'), { period: '2024' });
  });

  it('reads year-to-date spans and full-width digits', () => {
    assert.deepEqual(find('2024年1-8月'), { period: '2024-08', basis: 'ytd' });
    assert.deepEqual(find('2024年1—8月 结收比'), { period: '2024-08', basis: 'ytd' });
    assert.deepEqual(find('1至10月'), { period: '2026-10', basis: 'ytd' });
    assert.deepEqual(find('2024年7-9月'), { period: '2024-Q3', basis: 'month' });
    assert.deepEqual(find('２０２４年第３季度'), { period: '2024-Q3', basis: 'month' });
    assert.deepEqual(find('２０２４Ｑ３'), { period: '2024-Q3', basis: 'month' });
    assert.equal(findPeriod('２０２４年８月', now, TZ)?.matched, '２０２４年８月');
    assert.deepEqual(find('2024年8月'), { period: '2024-08' });
  });

  it('steps and spans periods of every kind', () => {
    assert.equal(previousPeriod('2024-Q1'), '2023-Q4');
    assert.equal(previousPeriod('2024-H2'), '2024-H1');
    assert.equal(previousPeriod('2024'), '2023');
    assert.equal(sameMonthLastYear('2024-Q3'), '2023-Q3');
    assert.deepEqual(periodsEndingAt('2024-Q2', 3), ['2023-Q4', '2024-Q1', '2024-Q2']);
    assert.equal(endMonth('2024-Q3'), '2024-09');
    assert.equal(startMonth('2024-H2'), '2024-07');
    assert.equal(endMonth('2024'), '2024-12');
    assert.deepEqual(monthsOf('2024-Q1'), ['2024-01', '2024-02', '2024-03']);
    assert.equal(periodOfMonth('2024-08', 'quarter'), '2024-Q3');
    assert.equal(parsePeriodCode('2024-Q5'), undefined);
  });
});

describe('periods inside longer numbers', () => {
  it('reads no year out of a longer run of digits', () => {
    for (const text of ['99999999年', '99999999-08', '99992024H1', '2024年1-99月']) assert.equal(findPeriod(text, NOW, TZ), undefined, text);
    assert.equal(findPeriod('99999999年8月', NOW, TZ)?.matched, '8月');
    assert.equal(findPeriod('12345678年第三季度', NOW, TZ)?.matched, '第三季度');
    assert.equal(findPeriod('2024年', NOW, TZ)?.period, '2024');
  });
});
