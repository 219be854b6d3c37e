import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCalendar, dayKind, isWorkingDay, nextWorkingDay, parseCalendarYear } from '../../../src/domain/calendar/work-calendar.ts';
import { dueDigest, holidayShift } from '../../../src/domain/digests/periods.ts';
import { parseCron } from '../../../src/schedule/cron.ts';
import { loadShippedCalendar } from '../../../src/store/calendar-store.ts';

const calendar = buildCalendar(await loadShippedCalendar());
const TZ = 'Asia/Shanghai';

void describe('the court calendar (holidays and make-up working days)', () => {
  void it('ships 2025 and 2026 from the State Council notices', () => {
    assert.deepEqual([...calendar.years.keys()].sort(), [2025, 2026]);
    assert.equal(dayKind(calendar, '2025-10-01'), 'holiday');
    assert.equal(dayKind(calendar, '2025-10-08'), 'holiday');
    assert.equal(dayKind(calendar, '2025-10-11'), 'makeup', 'a Saturday that works');
    assert.equal(dayKind(calendar, '2025-09-28'), 'makeup', 'a Sunday that works');
    assert.equal(dayKind(calendar, '2025-10-12'), 'weekend');
    assert.equal(dayKind(calendar, '2025-10-09'), 'workday');
    assert.equal(dayKind(calendar, '2026-02-23'), 'holiday');
    assert.equal(calendar.off.get('2025-01-29'), '春节');
  });

  void it('finds the next working day: after National Day 2025 it is 9 October; a make-up Sunday counts', () => {
    assert.equal(nextWorkingDay(calendar, '2025-10-01'), '2025-10-09');
    assert.equal(nextWorkingDay(calendar, '2026-01-01'), '2026-01-04');
    assert.equal(isWorkingDay(calendar, '2026-01-04'), true);
    assert.equal(nextWorkingDay(calendar, '2026-02-15'), '2026-02-24');
    assert.equal(nextWorkingDay(calendar, '2024-10-04'), '2024-10-07', 'a year without data: weekends only');
  });

  void it('moves a fire on a holiday to the same time of the next working day, and leaves others alone', () => {
    assert.equal(holidayShift(new Date('2025-10-01T01:00:00Z'), calendar, TZ).toISOString(), '2025-10-09T01:00:00.000Z');
    assert.equal(holidayShift(new Date('2025-10-10T01:00:00Z'), calendar, TZ).toISOString(), '2025-10-10T01:00:00.000Z');
    assert.equal(holidayShift(new Date('2025-10-01T01:00:00Z'), undefined, TZ).toISOString(), '2025-10-01T01:00:00.000Z');
  });

  void it('makes a digest due on 2025-10-01 due on 2025-10-09, in the same delivery window', () => {
    const fields = parseCron('0 9 1 * *');
    const at = (now: string) => dueDigest({ kind: 'summary', fields, now: new Date(now), timeZone: TZ, calendar });
    assert.equal(at('2025-10-01T01:00:00Z'), undefined);
    assert.equal(at('2025-10-09T00:59:00Z'), undefined);
    assert.deepEqual(at('2025-10-09T01:00:00Z'), { period: '2025-09', dueAt: new Date('2025-10-09T01:00:00Z') });
    // Without the calendar it would have gone out on the holiday itself.
    assert.equal(dueDigest({ kind: 'summary', fields, now: new Date('2025-10-01T01:00:00Z'), timeZone: TZ })?.period, '2025-09');
  });

  void it('skips a weekly agenda whose whole week is a holiday, without calling it missed', () => {
    const fields = parseCron('0 8 * * 1');
    const base = { kind: 'agenda' as const, fields, timeZone: TZ, calendar };
    // Monday 16 Feb 2026 (春节) would move to Tuesday 24 Feb, past its own week.
    assert.equal(dueDigest({ ...base, now: new Date('2026-02-22T15:00:00Z') }), undefined);
    assert.equal(dueDigest({ ...base, now: new Date('2026-02-24T00:30:00Z'), offset: -1 }), undefined, 'not reported as missed');
    assert.equal(dueDigest({ ...base, now: new Date('2026-02-24T00:00:00Z') })?.period, '2026-W09');
  });

  void it('checks a year file before taking it', () => {
    const good = { year: 2027, source: 'x', holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }], workdays: ['2027-01-09'] };
    assert.equal(parseCalendarYear(good).ok, true);
    assert.equal(parseCalendarYear({ ...good, year: 'next' }).ok, false);
    assert.equal(parseCalendarYear({ ...good, workdays: ['2027-02-30'] }).ok, false);
    assert.equal(parseCalendarYear({ ...good, workdays: ['2027-01-02'] }).ok, false, 'a day cannot be off and working');
    assert.equal(parseCalendarYear({ ...good, holidays: [{ name: '长假', from: '2027-01-01', to: '2027-03-01' }] }).ok, false);
    assert.equal(parseCalendarYear([]).ok, false);
  });
});
