import type { BoundChat, StaffMember } from '../domain/org.ts';
import type { Clock } from '../schedule/clock.ts';
import type { Store } from '../store/open-store.ts';
import { buildDemoObservations } from './demo-metrics.ts';
import { currentPeriod, previousPeriod } from '../domain/metrics/period.ts';

/** Synthetic people and chats for the console; no real names or case data. */
export const DEMO_ADMIN = { id: 10001, first_name: '演示管理员', username: 'demo_admin', language_code: 'zh-hans' } as const;
export const DEMO_STAFF = { id: 10002, first_name: '张执行', username: 'demo_staff', language_code: 'zh-hans' } as const;
export const DEMO_GROUP = { id: -1001000000001, title: '执行局党支部（演示）', type: 'supergroup' } as const;

export async function seedDemoOrg(store: Store, clock: Clock): Promise<void> {
  const at = clock.now().toISOString();
  const members: StaffMember[] = [
    { id: DEMO_ADMIN.id, name: DEMO_ADMIN.first_name, username: DEMO_ADMIN.username, role: 'admin', units: ['enforcement', 'tmo'], active: true, registeredAt: at },
    { id: DEMO_STAFF.id, name: DEMO_STAFF.first_name, username: DEMO_STAFF.username, role: 'staff', units: ['enforcement'], active: true, registeredAt: at },
    { id: 10003, name: '李庭长', role: 'manager', units: ['devzone'], active: true, registeredAt: at },
    { id: 10004, name: '王书记', role: 'manager', units: ['enforcement', 'branch_enf'], active: true, registeredAt: at },
  ];
  for (const member of members) await store.org.saveMember(member);
  const group: BoundChat = {
    id: DEMO_GROUP.id,
    title: DEMO_GROUP.title,
    unit: 'enforcement',
    subscriptions: ['agenda', 'summary'],
    active: true,
    boundBy: DEMO_ADMIN.id,
    boundAt: at,
  };
  await store.org.saveChat(group);
}

/** A year of synthetic figures (plus the two published ones), stamped as imported by the demo admin. */
export async function seedDemoMetrics(store: Store, clock: Clock): Promise<void> {
  const importedAt = clock.now().toISOString();
  // Up to the month before the console's clock (court time), so the summary and board have this month's figures.
  const last = previousPeriod(currentPeriod(clock.now(), 'Asia/Shanghai'));
  const observations = buildDemoObservations(store.metrics.catalog(), last).map((o) => ({ ...o, importedBy: DEMO_ADMIN.id, importedAt, source: 'demo' }));
  await store.metrics.saveObservations(observations);
}
