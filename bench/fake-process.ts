// The fake Bot API in a process of its own, so that the bot being measured has its event loop
// to itself, as it would against the real Telegram. Driven by bench/throughput.bench.ts over IPC.
import { FakeTelegram } from '../tests/helpers/fake-telegram.ts';
import { textMessage, type TestUser } from '../tests/helpers/updates.ts';

export type FakeCommand = { kind: 'run'; count: number; batch: number; text: string; user: TestUser; repliesPerUpdate: number } | { kind: 'close' };
export type FakeReport = { kind: 'ready'; apiRoot: string; token: string } | { kind: 'done'; ms: number; sent: number; errors: string[]; cpuMicros: number };

const fake = await FakeTelegram.start();
const report = (r: FakeReport) => process.send!(r);

async function run(c: Extract<FakeCommand, { kind: 'run' }>): Promise<void> {
  const sentBefore = fake.sent.length;
  const callsBefore = fake.calls.length;
  const target = sentBefore + c.count * c.repliesPerUpdate;
  const started = performance.now();
  const cpu = process.cpuUsage();
  // Batches of `batch` updates, kept one batch ahead of the bot so that every poll finds a full one.
  for (let pushed = 0; pushed < c.count; ) {
    await fake.waitFor(() => fake.pendingUpdates <= c.batch || undefined, 120_000, 'the bot to fetch a batch');
    const n = Math.min(c.batch, c.count - pushed);
    for (let i = 0; i < n; i++) fake.pushUpdate(textMessage({ text: c.text, from: c.user }));
    pushed += n;
  }
  await fake.waitFor(() => fake.sent.length >= target, 120_000, `${c.count * c.repliesPerUpdate} replies`);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const errors = fake.calls.slice(callsBefore).filter((call) => call.error).map((call) => `${call.method}: ${call.error!.description}`);
  report({ kind: 'done', ms, sent: fake.sent.length - sentBefore, errors: [...new Set(errors)], cpuMicros: used.user + used.system });
}

process.on('message', (c: FakeCommand) => {
  if (c.kind === 'run') {
    run(c).catch((err: unknown) => report({ kind: 'done', ms: NaN, sent: 0, errors: [String(err)], cpuMicros: 0 }));
  } else {
    void fake.close().then(() => process.exit(0));
  }
});
report({ kind: 'ready', apiRoot: fake.apiRoot, token: fake.token });
