import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDue, parseItemCode, parseTaskAdd, parseTaskEdit, resolveOwners } from '../../../src/domain/progress/task-args.ts';
import type { StaffMember } from '../../../src/domain/org.ts';

const TZ = 'Asia/Shanghai';
// 2024-09-02 10:00 in Shanghai
const NOW = new Date('2024-09-02T02:00:00Z');

describe('parseDue', () => {
  it('refuses date-shaped tokens that name no usable day instead of taking them into the title', () => {
    for (const token of ['99999999年12月31日', '2024-99-99', '99999999-12-31', '12月99日', '9999-12-31', '1900-01-01', '2024年2月30日']) assert.equal(parseDue(token, NOW, TZ), null, token);
    assert.equal(parseDue('2024年9月30日', NOW, TZ), '2024-09-30');
    assert.equal(parseDue('1.2.3', NOW, TZ), undefined, 'a version number stays title text');
  });
  it('reads the three ways staff write a date', () => {
    assert.equal(parseDue('2024-09-30', NOW, TZ), '2024-09-30');
    assert.equal(parseDue('9月30日', NOW, TZ), '2024-09-30');
    assert.equal(parseDue('9/30', NOW, TZ), '2024-09-30');
  });
  it('puts a past month-day into next year', () => {
    assert.equal(parseDue('3月1日', NOW, TZ), '2025-03-01');
    assert.equal(parseDue('9/2', NOW, TZ), '2024-09-02');
  });
  it('says null for a date-shaped token that is no day, undefined for a word', () => {
    assert.equal(parseDue('2024-02-30', NOW, TZ), null);
    assert.equal(parseDue('13/40', NOW, TZ), null);
    assert.equal(parseDue('查控', NOW, TZ), undefined);
  });
});

describe('parseTaskAdd', () => {
  it('takes title, owners by @username or id, due and unit', () => {
    const r = parseTaskAdd('清理 积案 @zhang 10002 9月30日 unit:enforcement', NOW, TZ);
    assert.deepEqual(r, {
      ok: true,
      value: { title: '清理 积案', owners: [{ username: 'zhang' }, { id: 10002 }], due: '2024-09-30', unit: 'enforcement' },
    });
  });
  it('needs a title and a real date', () => {
    assert.deepEqual(parseTaskAdd('', NOW, TZ), { ok: false, error: 'noTitle' });
    assert.deepEqual(parseTaskAdd('标题 2024-13-01', NOW, TZ), { ok: false, error: 'badDate', detail: '2024-13-01' });
  });
});

describe('resolveOwners', () => {
  const members: StaffMember[] = [
    { id: 10002, name: '张', username: 'Zhang', role: 'staff', units: ['enforcement'], active: true, registeredAt: '' },
    { id: 10009, name: '旧', role: 'staff', units: ['enforcement'], active: false, registeredAt: '' },
  ];
  it('finds active members and lists the unknown ones', () => {
    assert.deepEqual(resolveOwners([{ username: 'zhang' }, { id: 10002 }, { id: 10009 }, { username: 'nobody' }], members), {
      owners: [10002],
      unknown: ['10009', '@nobody'],
    });
  });
});

describe('parseTaskEdit and parseItemCode', () => {
  it('reads each kind of edit', () => {
    assert.deepEqual(parseTaskEdit(['t12', 'title', '新', '标题'], NOW, TZ), { ok: true, value: { code: 'T12', edit: { field: 'title', title: '新 标题' } } });
    assert.deepEqual(parseTaskEdit(['T12', 'due', '10/8'], NOW, TZ), { ok: true, value: { code: 'T12', edit: { field: 'due', due: '2024-10-08' } } });
    assert.deepEqual(parseTaskEdit(['T12', 'drop'], NOW, TZ), { ok: true, value: { code: 'T12', edit: { field: 'status', status: 'dropped' } } });
    assert.deepEqual(parseTaskEdit(['T12', 'owners', '@li_ming'], NOW, TZ), { ok: true, value: { code: 'T12', edit: { field: 'owners', owners: [{ username: 'li_ming' }] } } });
    assert.equal(parseTaskEdit(['T12', 'colour', 'red'], NOW, TZ).ok, false);
    assert.equal(parseTaskEdit(['X1', 'drop'], NOW, TZ).ok, false);
  });
  it('normalises item codes', () => {
    assert.equal(parseItemCode('#t012'), 'T12');
    assert.equal(parseItemCode('T'), undefined);
  });
});
