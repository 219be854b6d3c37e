import { localDate } from '../domain/time.ts';
import type { Clock } from '../schedule/clock.ts';
import type { Store } from '../store/open-store.ts';
import { DEMO_GROUP, DEMO_STAFF } from './demo-data.ts';

/** Made-up key work items and updates for the console, so /wall, /mine and /task show something. */
export async function seedDemoProgress(store: Store, clock: Clock, timeZone: string): Promise<void> {
  if (store.tasks.items().length > 0) return;
  const now = clock.now();
  const inDays = (days: number) => localDate(new Date(now.getTime() + days * 86_400_000), timeZone);
  const base = { unit: 'enforcement', status: 'open' as const, createdBy: 10004, createdAt: new Date(now.getTime() - 30 * 86_400_000).toISOString() };
  await store.tasks.create({ ...base, title: '首次执行案件终本率压降至 10% 以内', owners: [DEMO_STAFF.id], due: inDays(60) });
  await store.tasks.create({ ...base, title: '长期未结执行案件清理', owners: [DEMO_STAFF.id, 10004], due: inDays(-3) });
  await store.tasks.create({ ...base, title: '执行款物集中管理系统上线', owners: [10004], due: inDays(20) });
  const update = { chatId: DEMO_GROUP.id, author: DEMO_STAFF.id, authorName: DEMO_STAFF.first_name, unit: 'enforcement', source: 'tag' as const };
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000).toISOString();
  await store.progress.record({ ...update, messageId: 1, itemCode: 'T1', percent: 60, text: '完成 12 件案件的财产查控，冻结账户 5 个', at: hoursAgo(30) });
  await store.progress.record({ ...update, messageId: 2, text: '本周参加执行指挥中心值班两次', at: hoursAgo(5) });
}
