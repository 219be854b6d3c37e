import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lastMeetingBefore, parseWeekArg, updatesSince, weekByLabel, weeklyTimeOfCron, weekOf } from '../../../src/domain/progress/week.ts';
import type { ProgressUpdate } from '../../../src/domain/progress/types.ts';

const TZ = 'Asia/Shanghai';

describe('weeks in court time', () => {
  it('runs Monday 00:00 to the next Monday, court time', () => {
    // Sunday 2024-09-08 23:30 Shanghai = 15:30Z: still week 36.
    const w = weekOf(new Date('2024-09-08T15:30:00Z'), TZ);
    assert.equal(w.label, '2024-W36');
    assert.equal(w.start.toISOString(), '2024-09-01T16:00:00.000Z');
    assert.equal(w.end.toISOString(), '2024-09-08T16:00:00.000Z');
    // Monday 00:10 Shanghai is the next week although it is still Sunday in UTC.
    assert.equal(weekOf(new Date('2024-09-08T16:10:00Z'), TZ).label, '2024-W37');
  });
  it('finds last week and weeks by label, across a year end', () => {
    assert.equal(weekOf(new Date('2024-09-03T00:00:00Z'), TZ, -1).label, '2024-W35');
    assert.equal(weekByLabel('2025-W01', TZ)?.start.toISOString(), '2024-12-29T16:00:00.000Z');
    assert.equal(weekByLabel('2024-W53', TZ), undefined);
    assert.equal(weekByLabel('2020-W53', TZ)?.label, '2020-W53');
    assert.equal(parseWeekArg('上周', new Date('2024-09-03T00:00:00Z'), TZ)?.label, '2024-W35');
    assert.equal(parseWeekArg('soon', new Date('2024-09-03T00:00:00Z'), TZ), undefined);
  });
});

describe('meetings', () => {
  it('reads a weekly cron and falls back to Monday 08:00', () => {
    assert.deepEqual(weeklyTimeOfCron('0 8 * * 1'), { weekday: 1, hour: 8, minute: 0 });
    assert.deepEqual(weeklyTimeOfCron('30 9 * * 0'), { weekday: 7, hour: 9, minute: 30 });
    assert.deepEqual(weeklyTimeOfCron('0 8 * * 1-5'), { weekday: 1, hour: 8, minute: 0 });
  });
  it('finds the last meeting at or before now', () => {
    // Friday 2024-09-06 16:00 Shanghai → Monday 2024-09-02 08:00 Shanghai.
    assert.equal(lastMeetingBefore(new Date('2024-09-06T08:00:00Z'), TZ).toISOString(), '2024-09-02T00:00:00.000Z');
    // Monday 07:59 → the Monday before.
    assert.equal(lastMeetingBefore(new Date('2024-09-01T23:59:00Z'), TZ).toISOString(), '2024-08-26T00:00:00.000Z');
    assert.equal(lastMeetingBefore(new Date('2024-09-02T00:00:00Z'), TZ).toISOString(), '2024-09-02T00:00:00.000Z');
  });
  it('keeps visible updates since an instant, oldest first', () => {
    const base = { chatId: 1, messageId: 1, author: 1, authorName: 'a', unit: 'u', text: 't', source: 'command' as const };
    const updates: ProgressUpdate[] = [
      { ...base, id: 3, at: '2024-09-03T00:00:00.000Z' },
      { ...base, id: 1, at: '2024-08-30T00:00:00.000Z' },
      { ...base, id: 2, at: '2024-09-02T00:00:00.000Z' },
      { ...base, id: 4, at: '2024-09-04T00:00:00.000Z', removed: { at: '2024-09-04T01:00:00.000Z', by: 1 } },
    ];
    assert.deepEqual(updatesSince(updates, new Date('2024-09-02T00:00:00Z')).map((u) => u.id), [2, 3]);
  });
});
