import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProgressUpdate, WorkItem } from '../../../src/domain/progress/types.ts';
import { buildMine, buildTaskHistory, buildWall, staleItems } from '../../../src/domain/progress/views.ts';

const TZ = 'Asia/Shanghai';
const item = (code: string, extra: Partial<WorkItem> = {}): WorkItem => ({
  code,
  title: `item ${code}`,
  owners: [7],
  unit: 'enforcement',
  status: 'open',
  createdBy: 1,
  createdAt: '2024-08-01T00:00:00.000Z',
  ...extra,
});
const update = (id: number, extra: Partial<ProgressUpdate> = {}): ProgressUpdate => ({
  id,
  chatId: 1,
  messageId: id,
  author: 7,
  authorName: '张',
  unit: 'enforcement',
  text: `u${id}`,
  source: 'tag',
  at: `2024-09-0${id}T02:00:00.000Z`,
  ...extra,
});

describe('progress views', () => {
  it('groups the wall by item in code order, general updates last', () => {
    const wall = buildWall({
      unit: 'enforcement',
      week: '2024-W36',
      updates: [update(1), update(2, { itemCode: 'T12', percent: 60 }), update(3, { itemCode: 'T2', editedAt: 'x' })],
      items: [item('T2'), item('T12')],
      timeZone: TZ,
    });
    assert.deepEqual(wall.groups.map((g) => g.code), ['T2', 'T12', undefined]);
    assert.equal(wall.groups[1]!.title, 'item T12');
    assert.deepEqual(wall.groups[1]!.entries[0], { id: 2, authorName: '张', when: { year: 2024, month: 9, day: 2, hour: 10, minute: 0, weekday: 1 }, percent: 60, text: 'u2', edited: false });
    assert.equal(wall.groups[0]!.entries[0]!.edited, true);
    assert.equal(wall.total, 3);
  });
  it('shows one’s open items with their last update, overdue first', () => {
    const items = [item('T1', { due: '2024-09-30' }), item('T2', { due: '2024-09-01' }), item('T3', { status: 'done' }), item('T4', { owners: [8] })];
    const mine = buildMine({ member: 7, items, updates: [update(1, { itemCode: 'T1' }), update(2, { itemCode: 'T1' })], today: '2024-09-05', timeZone: TZ });
    assert.deepEqual(mine.items.map((r) => [r.item.code, r.overdue, r.last?.id]), [['T2', true, undefined], ['T1', false, 2]]);
    assert.equal(mine.overdue, 1);
  });
  it('gives an item’s history and last percentage, and finds items with no update', () => {
    const h = buildTaskHistory({ item: item('T1'), updates: [update(1, { itemCode: 'T1', percent: 30 }), update(2, { itemCode: 'T1' }), update(3, { itemCode: 'T2' })], today: '2024-09-05', timeZone: TZ });
    assert.deepEqual(h.entries.map((e) => e.id), [1, 2]);
    assert.equal(h.lastPercent, 30);
    assert.deepEqual(staleItems([item('T1'), item('T2'), item('T3', { status: 'dropped' })], [update(1, { itemCode: 'T1' })]).map((i) => i.code), ['T2']);
  });
});
