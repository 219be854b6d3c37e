import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addMonths, findPeriod, periodsEndingAt, previousPeriod, sameMonthLastYear } from '../../../src/domain/metrics/period.ts';

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
