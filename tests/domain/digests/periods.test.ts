import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { digestWindow, dueDigest, latestFire, type CronFields } from '../../../src/domain/digests/periods.ts';
import { parseCron } from '../../../src/schedule/cron.ts';

const TZ = 'Asia/Shanghai';
const all = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const MONDAY_8: CronFields = { second: [0], minute: [0], hour: [8], dayOfMonth: all(1, 31), month: all(1, 12), dayOfWeek: [1] };
const FIRST_9: CronFields = { second: [0], minute: [0], hour: [9], dayOfMonth: [1], month: all(1, 12), dayOfWeek: all(0, 6) };

void describe('digest periods', () => {
  void it('puts a Monday in court time in its ISO week, even when it is still Sunday in UTC', () => {
    const w = digestWindow('agenda', new Date('2024-09-02T00:30:00Z'), TZ);
    assert.equal(w.period, '2024-W36');
    assert.equal(w.start.toISOString(), '2024-09-01T16:00:00.000Z');
    assert.equal(w.end.toISOString(), '2024-09-08T16:00:00.000Z');
    assert.equal(digestWindow('agenda', new Date('2024-09-01T15:59:00Z'), TZ).period, '2024-W35');
  });

  void it('gives the summary window of September the period August, and of January the December before', () => {
    assert.equal(digestWindow('summary', new Date('2024-09-01T01:00:00Z'), TZ).period, '2024-08');
    assert.equal(digestWindow('summary', new Date('2025-01-05T01:00:00Z'), TZ).period, '2024-12');
    assert.equal(digestWindow('summary', new Date('2025-01-05T01:00:00Z'), TZ, -1).period, '2024-11');
  });

  void it('finds the latest fire time of a cron within a range', () => {
    const to = new Date('2024-09-04T03:00:00Z');
    assert.equal(latestFire(MONDAY_8, new Date('2024-09-01T16:00:00Z'), to, TZ)?.toISOString(), '2024-09-02T00:00:00.000Z');
    assert.equal(latestFire(MONDAY_8, new Date('2024-09-02T00:00:01Z'), to, TZ), undefined);
    const everyTwoSeconds: CronFields = { ...MONDAY_8, second: all(0, 29).map((s) => s * 2), minute: all(0, 59), hour: all(0, 23), dayOfWeek: all(0, 6) };
    assert.equal(latestFire(everyTwoSeconds, new Date('2024-09-04T02:00:00Z'), new Date('2024-09-04T02:59:59.500Z'), TZ)?.toISOString(), '2024-09-04T02:59:58.000Z');
  });

  void it('is due on Monday from 08:00 court time, not before, and not for a chat bound after that', () => {
    const base = { kind: 'agenda' as const, fields: MONDAY_8, timeZone: TZ };
    assert.equal(dueDigest({ ...base, now: new Date('2024-09-01T23:59:00Z') }), undefined);
    assert.deepEqual(dueDigest({ ...base, now: new Date('2024-09-02T00:00:00Z') }), { period: '2024-W36', dueAt: new Date('2024-09-02T00:00:00Z') });
    assert.equal(dueDigest({ ...base, now: new Date('2024-09-05T00:00:00Z'), boundAt: '2024-09-03T00:00:00Z' }), undefined);
    assert.equal(dueDigest({ ...base, now: new Date('2024-09-05T00:00:00Z'), offset: -1 })?.period, '2024-W35');
  });

  void it('is due for the summary of August from 1 September 09:00', () => {
    const base = { kind: 'summary' as const, fields: FIRST_9, timeZone: TZ };
    assert.equal(dueDigest({ ...base, now: new Date('2024-09-01T00:59:00Z') }), undefined);
    assert.equal(dueDigest({ ...base, now: new Date('2024-09-01T01:00:00Z') })?.period, '2024-08');
    assert.equal(dueDigest({ ...base, now: new Date('2024-09-20T01:00:00Z') })?.period, '2024-08');
  });
  void it('honours every day token node-cron accepts (nth and last weekday, nearest weekday, days before the last)', () => {
    // September 2024: the 1st is a Sunday, the 15th a Sunday, the 30th a Monday.
    const due = (cron: string, now: string) => dueDigest({ kind: 'summary', fields: parseCron(cron), now: new Date(now), timeZone: TZ })?.dueAt.toISOString();
    assert.equal(due('0 9 * * 1#1', '2024-09-01T12:00:00Z'), undefined, 'the first Monday is the 2nd');
    assert.equal(due('0 9 * * 1#1', '2024-09-10T00:00:00Z'), '2024-09-02T01:00:00.000Z');
    assert.equal(due('0 9 15W * *', '2024-09-20T00:00:00Z'), '2024-09-16T01:00:00.000Z');
    assert.equal(due('0 9 * * 5L', '2024-09-30T12:00:00Z'), '2024-09-27T01:00:00.000Z');
    assert.equal(due('0 9 L-2 * *', '2024-09-30T12:00:00Z'), '2024-09-28T01:00:00.000Z');
    assert.equal(due('0 9 LW * *', '2024-09-30T12:00:00Z'), '2024-09-30T01:00:00.000Z');
  });
});
