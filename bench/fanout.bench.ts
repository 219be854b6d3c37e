// One digest fanned out to 300 groups against the fake Bot API enforcing Telegram's limits
// (30 messages/s overall, 20/min per group). The floor is 300 / 30 = 10 s.
import { Telegram } from 'telegraf';
import { FakeTelegram } from '../tests/helpers/fake-telegram.ts';
import { parseConfig } from '../src/config.ts';
import { silentLogger } from '../src/logger.ts';
import { createDigestRunner } from '../src/schedule/jobs/digests.ts';
import { parseCron } from '../src/schedule/cron.ts';
import { createSender } from '../src/schedule/sender.ts';
import { openMemoryStore } from '../src/store/open-store.ts';
import type { BenchRow } from './run.ts';

const GROUPS = 300;
const LIMITS = { globalPerSecond: 30, groupPerMinute: 20 };

export default async function fanout(): Promise<BenchRow[]> {
  const fake = await FakeTelegram.start({ rateLimits: LIMITS });
  const store = await openMemoryStore();
  try {
    for (let i = 0; i < GROUPS; i++) {
      const id = -1_000_000_000 - i;
      fake.addChat(id);
      await store.org.saveChat({ id, title: `g${i}`, unit: 'enforcement', subscriptions: ['agenda'], active: true, boundBy: 1, boundAt: '2024-01-01T00:00:00Z' });
    }
    const config = parseConfig({ BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot });
    const sender = createSender({ telegram: new Telegram(fake.token, { apiRoot: fake.apiRoot }), org: store.org, logger: silentLogger });
    const html = '<b>【执行局 第36周支部会议议程】</b>\n' + '• T1 积案清理｜张三｜60%｜09-01\n'.repeat(20);
    const runner = createDigestRunner({
      config,
      store,
      sender,
      logger: silentLogger,
      parseCron,
      sources: { agenda: async () => html, summary: async () => undefined },
    });
    const started = performance.now();
    const report = await runner.run('agenda', { now: new Date('2024-09-02T00:00:00Z'), trigger: 'manual', period: '2024-W36' });
    const seconds = (performance.now() - started) / 1000;
    const minimum = GROUPS / LIMITS.globalPerSecond;
    const rejected = fake.callsOf('sendMessage').filter((c) => c.error?.code === 429).length;
    const unhandled = GROUPS - report.sent;
    return [
      { name: `digest to ${GROUPS} groups (limit floor ${minimum} s)`, value: seconds, unit: 's', target: `≤ ${(minimum * 1.1).toFixed(1)} s`, ok: seconds <= minimum * 1.1 },
      { name: 'fan-out time / floor', value: seconds / minimum, unit: '×', target: '≤ 1.10', ok: seconds / minimum <= 1.1 },
      { name: '429s received (all retried)', value: rejected, unit: '', target: 'info', ok: true },
      { name: '429s left unhandled (groups not delivered)', value: unhandled, unit: '', target: '0', ok: unhandled === 0 },
    ];
  } finally {
    await store.close();
    await fake.close();
  }
}
