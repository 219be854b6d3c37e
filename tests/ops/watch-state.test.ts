import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { judgeRestart, parseWatchFile, type InHandEntry, type WatchFile } from '../../src/ops/watch-state.ts';

const NOW = new Date('2026-12-01T12:00:00Z');
const entry = (key: string): InHandEntry => ({ key, kind: 'update', chatId: 1, userId: 1, since: '2026-12-01T11:00:00Z' });
const file = (state: WatchFile['state'], inHand: string[], suspects: [string, number][] = []): WatchFile => ({
  schemaVersion: 1,
  pid: 1,
  startedAt: '2026-12-01T10:00:00Z',
  beatAt: '2026-12-01T11:00:00Z',
  stallLimitMs: 30_000,
  state,
  inHand: inHand.map(entry),
  suspects: suspects.map(([key, strikes]) => ({ ...entry(key), strikes })),
  dropped: [],
});

describe('the drop rule', () => {
  it('a first stall or crash makes suspects of what was in hand; nothing is dropped', () => {
    for (const state of ['running', 'stalled'] as const) {
      const verdict = judgeRestart(file(state, ['u:1', 'u:2']), NOW);
      assert.deepEqual(verdict.suspects.map((s) => [s.key, s.strikes]), [['u:1', 1], ['u:2', 1]]);
      assert.deepEqual(verdict.drop, []);
      assert.equal(verdict.previous, state === 'running' ? 'crashed' : 'stalled');
    }
  });

  it('drops what was in hand at two consecutive stalls or crashes; clears suspects not in hand the second time', () => {
    const verdict = judgeRestart(file('stalled', ['u:1', 'u:3'], [['u:1', 1], ['u:2', 1]]), NOW);
    assert.deepEqual(verdict.drop.map((d) => d.key), ['u:1']);
    assert.deepEqual(verdict.suspects.map((s) => [s.key, s.strikes]), [['u:3', 1]]);
    assert.deepEqual(verdict.dropped.map((d) => d.key), ['u:1']);
  });

  it('a clean stop keeps the suspects and drops nothing', () => {
    const verdict = judgeRestart(file('stopped', [], [['u:1', 1]]), NOW);
    assert.deepEqual(verdict.suspects.map((s) => s.key), ['u:1']);
    assert.deepEqual(verdict.drop, []);
  });

  it('treats a missing, torn or foreign file as no history', () => {
    for (const text of [undefined, '', '{"schemaVersion":1,"inHand":[', '{"schemaVersion":2,"inHand":[],"suspects":[],"dropped":[]}', 'null']) {
      assert.equal(parseWatchFile(text), undefined);
    }
    assert.equal(judgeRestart(undefined, NOW).previous, 'none');
  });
});
