import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Memory } from 'lowdb';
import { AGENDA_DOC, createAgendaRepo } from '../../src/store/agenda-store.ts';
import { CALENDAR_DOC, createCalendarRepo } from '../../src/store/calendar-store.ts';
import { createDeliveryRepo, DELIVERY_DOC } from '../../src/store/delivery-store.ts';
import { JsonDoc, type DocSpec, type Versioned } from '../../src/store/json-doc.ts';
import { createMeetingRepo, MEETING_DOC } from '../../src/store/meeting-store.ts';
import { createMetricsRepo, METRICS_DOC } from '../../src/store/metrics-store.ts';
import { createOrgRepo, ORG_DOC } from '../../src/store/org-store.ts';
import { createReminderLog, createTaskRepo, REMINDER_DOC, TASK_DOC } from '../../src/store/task-store.ts';
import { createUpdateLedger, LEDGER_DOC } from '../../src/store/update-ledger.ts';
import { createWallPageRepo, WALLPAGE_DOC } from '../../src/store/wallpage-store.ts';
import type { Observation } from '../../src/domain/metrics/types.ts';
import type { WorkItem } from '../../src/domain/progress/types.ts';

/** A memory adapter whose writes fail with ENOSPC while `full`; `stored` is what reached "disk". */
class FullDisk<T> extends Memory<T> {
  full = false;
  stored: T | undefined;
  override write(data: T): Promise<void> {
    if (this.full) return Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
    this.stored = structuredClone(data);
    return super.write(data);
  }
}

async function open<T extends Versioned>(spec: DocSpec<T>) {
  const disk = new FullDisk<T>();
  const doc = await JsonDoc.openAdapter(disk, spec, `test:${spec.name}`);
  return { disk, doc };
}

/**
 * The rule for every repository: with the disk full the change rejects and memory is as before;
 * once the disk has room, the next change writes only itself (the failed one never rides along).
 */
async function failsCleanly<T extends Versioned>(
  opened: { disk: FullDisk<T>; doc: JsonDoc<T> },
  failing: () => Promise<unknown>,
  readers: () => unknown,
  later: () => Promise<unknown>,
  marker: string,
) {
  const before = JSON.stringify(opened.doc.data);
  const read = JSON.stringify(readers());
  opened.disk.full = true;
  await assert.rejects(failing(), /ENOSPC/);
  opened.disk.full = false;
  assert.equal(JSON.stringify(opened.doc.data), before, 'memory changed by a failed write');
  assert.equal(JSON.stringify(readers()), read, 'a reader sees the failed change');
  await later();
  assert.ok(!JSON.stringify(opened.disk.stored).includes(marker), `the failed change (${marker}) was written later`);
}

const unit = (code: string) => ({ code, nameZh: code, nameEn: code, kind: 'division' as const });
const obs = (value: number, source: string): Observation => ({ metric: 'm1', unit: 'court', period: '2024-08', basis: 'ytd', value, source });

describe('a failed write leaves memory as it was (every repository)', () => {
  it('org: units, members (/lang), chats, invites', async () => {
    const o = await open(ORG_DOC);
    const org = createOrgRepo(o.doc);
    await org.saveMember({ id: 1, name: 'a', role: 'staff', units: [], active: true, registeredAt: 'x', lang: 'zh' });
    await org.saveChat({ id: -1, title: 't', unit: 'u', subscriptions: [], active: true, boundBy: 1, boundAt: 'x' });
    const reads = () => [org.units(), org.members(), org.chats(), org.member(1), org.chat(-1), org.chat(-2)];
    await failsCleanly(o, () => org.saveMember({ ...org.member(1)!, lang: 'en', name: 'FAILED-LANG' }), reads, () => org.saveUnit(unit('ok')), 'FAILED-LANG');
    assert.equal(org.member(1)?.lang, 'zh');
    await failsCleanly(o, () => org.saveUnit(unit('FAILED-UNIT')), reads, () => org.saveUnit(unit('ok2')), 'FAILED-UNIT');
    await failsCleanly(o, () => org.moveChat(-1, -2), reads, () => org.saveUnit(unit('ok3')), '-2');
    await failsCleanly(o, () => org.removeChat(-1), reads, () => org.saveUnit(unit('ok4')), 'NEVER');
    assert.ok(org.chat(-1));
    await failsCleanly(o, () => org.saveInvite({ code: 'FAILED-INV', role: 'staff', createdBy: 1, createdAt: 'x', expiresAt: 'y' }), () => org.invite('FAILED-INV'), () => org.saveUnit(unit('ok5')), 'FAILED-INV');
  });

  it('metrics: an import and the catalog', async () => {
    const o = await open(METRICS_DOC);
    const metrics = await createMetricsRepo(o.doc, []);
    await metrics.saveObservations([obs(1, 'first.csv')]);
    const revision = metrics.revision();
    const reads = () => [metrics.observations(), metrics.observation(obs(0, '')), metrics.periods(), metrics.catalog()];
    await failsCleanly(o, () => metrics.saveObservations([obs(99, 'FAILED-IMPORT'), { ...obs(5, 'FAILED-IMPORT'), period: '2024-09' }]), reads, () => metrics.saveMetric({ code: 'other' } as never), 'FAILED-IMPORT');
    assert.equal(metrics.observation(obs(0, ''))?.value, 1);
    assert.equal(metrics.latestPeriod(), '2024-08');
    assert.ok(metrics.revision() > revision, 'the successful write afterwards moves the revision');
    await failsCleanly(o, () => metrics.saveMetric({ code: 'FAILED-DEF' } as never), () => metrics.metric('FAILED-DEF'), () => metrics.saveObservations([obs(2, 'ok.csv')]), 'FAILED-DEF');
    assert.deepEqual(await metrics.saveObservations([obs(3, 'again.csv'), { ...obs(4, 'n.csv'), unit: 'x' }]), { added: 1, replaced: 1 });
  });

  it('tasks and reminders: a failed create takes no number', async () => {
    const o = await open(TASK_DOC);
    const tasks = createTaskRepo(o.doc);
    const item = { title: 'FAILED-TASK' } as unknown as Omit<WorkItem, 'code'>;
    await failsCleanly(o, () => tasks.create(item), () => tasks.items(), () => tasks.create({ title: 'ok' } as never), 'FAILED-TASK');
    assert.equal(tasks.items()[0]?.code, 'T1');
    await failsCleanly(o, () => tasks.save({ ...tasks.items()[0]!, title: 'FAILED-SAVE' }), () => tasks.items(), () => tasks.create({ title: 'ok' } as never), 'FAILED-SAVE');
    const r = await open(REMINDER_DOC);
    const reminders = createReminderLog(r.doc);
    await failsCleanly(r, () => reminders.markSent('FAILED-KEY', '2024-09-02T00:00:00Z'), () => reminders.wasSent('FAILED-KEY'), () => reminders.markSent('ok', '2024-09-02T00:00:00Z'), 'FAILED-KEY');
  });

  it('agenda, meetings, calendar, wall page', async () => {
    const a = await open(AGENDA_DOC);
    const agenda = createAgendaRepo(a.doc);
    const topic = { unit: 'u', week: 'w', text: 'FAILED-TOPIC', by: 1, byName: 'a', at: 'x' };
    await failsCleanly(a, () => agenda.addTopic(topic), () => agenda.topics('u', 'w'), () => agenda.setStudy({ unit: 'u', week: 'w', text: 'ok', by: 1, at: 'x' }), 'FAILED-TOPIC');
    await failsCleanly(a, () => agenda.setStudy({ unit: 'u', week: 'w', text: 'FAILED-STUDY', by: 1, at: 'x' }), () => agenda.study('u', 'w'), () => agenda.addTopic({ ...topic, text: 'ok' }), 'FAILED-STUDY');

    const m = await open(MEETING_DOC);
    const meetings = createMeetingRepo(m.doc);
    await failsCleanly(m, () => meetings.ensure('FAILED-UNIT', '2024-W36', '2024-09-02'), () => meetings.list('FAILED-UNIT'), () => meetings.ensure('u', '2024-W36', '2024-09-02'), 'FAILED-UNIT');
    await failsCleanly(m, () => meetings.setNextOrdinal('u', 2024, 777), () => meetings.peekOrdinal('u', '2024-W40', '2024-10-01'), () => meetings.ensure('u', '2024-W37', '2024-09-09'), '777');
    await failsCleanly(m, () => meetings.setAttendance('u', '2024-W36', { FAILED: true } as never), () => meetings.get('u', '2024-W36'), () => meetings.ensure('u', '2024-W38', '2024-09-16'), 'FAILED');

    const c = await open(CALENDAR_DOC);
    const calendar = createCalendarRepo(c.doc);
    const year = { year: 2031, holidays: [], workdays: [], source: 'FAILED-YEAR' } as never;
    await failsCleanly(c, () => calendar.saveYear(year), () => calendar.years(), () => c.doc.update(() => undefined), 'FAILED-YEAR');

    const w = await open(WALLPAGE_DOC);
    const wall = createWallPageRepo(w.doc);
    await wall.addLink({ id: 'keep', hash: 'h', createdBy: 1, createdAt: 'x' });
    const reads = () => [wall.links(), wall.isPublic()];
    await failsCleanly(w, () => wall.addLink({ id: 'FAILED-LINK', hash: 'h', createdBy: 1, createdAt: 'x' }), reads, () => wall.setPublic(false), 'FAILED-LINK');
    await failsCleanly(w, () => wall.revoke(undefined), reads, () => wall.setPublic(false), 'NEVER');
    await failsCleanly(w, () => wall.setPublic(true), reads, () => wall.addLink({ id: 'ok', hash: 'h', createdBy: 1, createdAt: 'x' }), '"public":true');
  });

  it('deliveries: a failed claim, progress or finish is not in memory; the caller keeps its entry as written', async () => {
    const o = await open(DELIVERY_DOC);
    const deliveries = createDeliveryRepo(o.doc);
    const entry = (await deliveries.claim('summary', '2024-08', -1, 'a', () => false))!;
    const reads = () => [deliveries.list(), deliveries.get('summary', '2024-08', -1), deliveries.get('summary', 'FAILED', -1), deliveries.runs()];
    await failsCleanly(o, () => deliveries.claim('summary', 'FAILED', -1, 'a', () => false), reads, () => deliveries.recordRun('ok', { at: 'a', ok: true, sent: 0, failed: 0 }), 'FAILED');
    await failsCleanly(o, () => deliveries.progress(entry, 7, 'FAILED-AT'), reads, () => deliveries.recordRun('ok', { at: 'b', ok: true, sent: 0, failed: 0 }), 'FAILED-AT');
    assert.equal(entry.partsSent, 0);
    await failsCleanly(o, () => deliveries.finish(entry, 'sent', 'FAILED-AT'), reads, () => deliveries.recordRun('ok', { at: 'c', ok: true, sent: 0, failed: 0 }), 'FAILED-AT');
    assert.equal(entry.status, 'sending');
    await failsCleanly(o, () => deliveries.noteOnce('FAILED-NOTE', 'a'), reads, () => deliveries.recordRun('ok', { at: 'd', ok: true, sent: 0, failed: 0 }), 'FAILED-NOTE');
    assert.equal(await deliveries.noteOnce('FAILED-NOTE', 'a'), true, 'a note whose write failed is not taken as noted');
    await failsCleanly(o, () => deliveries.recordRun('FAILED-JOB', { at: 'a', ok: true, sent: 0, failed: 0 }), reads, () => deliveries.progress(entry, 1, 'e'), 'FAILED-JOB');
    await failsCleanly(o, () => deliveries.moveChat(-1, -2), reads, () => deliveries.progress(entry, 1, 'f'), '-2');
    await failsCleanly(o, () => deliveries.prune('z'), reads, () => deliveries.progress(entry, 1, 'g'), 'NEVER');
    assert.equal(entry.partsSent, 1, 'a written progress reaches the caller’s entry');
    await deliveries.finish(entry, 'sent', 'h');
    assert.equal(deliveries.get('summary', '2024-08', -1)?.status, 'sent');
  });

  it('deliveries: two overlapping claims never both win', async () => {
    const { doc } = await open(DELIVERY_DOC);
    const deliveries = createDeliveryRepo(doc);
    const [a, b] = await Promise.all([deliveries.claim('s', 'p', -1, 'a', () => false), deliveries.claim('s', 'p', -1, 'a', () => false)]);
    assert.equal([a, b].filter(Boolean).length, 1);
  });

  it('update ledger: a failed write rejects; the ids go to disk with the next write', async () => {
    const o = await open(LEDGER_DOC);
    const ledger = createUpdateLedger(o.doc, { groupWaitMs: 1 });
    o.disk.full = true;
    await assert.rejects(ledger.markDone(41), /ENOSPC/);
    o.disk.full = false;
    assert.deepEqual(o.doc.data.done, []);
    assert.ok(ledger.isDone(41), 'the handled update is not handled again in this process');
    await ledger.markDone(42);
    assert.deepEqual(o.disk.stored?.done, [41, 42]);
  });
});
