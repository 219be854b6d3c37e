// (b) Metric-query throughput: courtwall against a bare telegraf echo bot, same machine, same run,
// both long polling the fake Bot API (in a process of its own) on loopback.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Telegraf } from 'telegraf';
import { createApp } from '../src/app.ts';
import { parseConfig } from '../src/config.ts';
import { silentLogger } from '../src/logger.ts';
import { systemClock } from '../src/schedule/clock.ts';
import type { Observation } from '../src/domain/metrics/types.ts';
import type { TestUser } from '../tests/helpers/updates.ts';
import type { FakeCommand, FakeReport } from './fake-process.ts';
import type { BenchRow } from './run.ts';

const UPDATES = Number(process.env.BENCH_UPDATES ?? 2000);
const BATCH = 100;
const ROUNDS = 3;
const TARGET = 0.8;
const STAFF: TestUser = { id: 777_001, first_name: '张执行', language_code: 'zh-hans' };
const QUERY = '终本率';
const QUERY_LABEL = 'metric query “终本率”';
const METRIC = 'first_enf_terminated_round_rate';

/** Two years of monthly figures for the court and its enforcement units, as an import would leave them. */
export function figures(): Observation[] {
  const out: Observation[] = [];
  for (let i = 0; i < 24; i++) {
    const period = `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    for (const [unit, base] of [['court', 400], ['enforcement', 300], ['branch_enf', 100]] as const) {
      const denominator = base + i * 10;
      const numerator = Math.round(denominator * (0.09 + (i % 5) / 100));
      out.push({ metric: METRIC, unit, period, basis: 'ytd', value: Math.round((numerator / denominator) * 10000) / 100, numerator, denominator, ...(unit === 'court' ? { rank: 1, rankTotal: 16 } : {}) });
    }
  }
  return out;
}

interface Contender {
  name: string;
  text: string;
  start(apiRoot: string, token: string): Promise<{ stop(): Promise<void> }>;
}

class FakeProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly apiRoot: string,
    readonly token: string,
  ) {}

  static async start(): Promise<FakeProcess> {
    const child = fork(new URL('./fake-process.ts', import.meta.url), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const ready = await FakeProcess.next(child);
    if (ready.kind !== 'ready') throw new Error('fake Bot API did not start');
    return new FakeProcess(child, ready.apiRoot, ready.token);
  }

  private static next(child: ChildProcess): Promise<FakeReport> {
    return new Promise((resolve, reject) => {
      child.once('message', (m: FakeReport) => resolve(m));
      child.once('exit', (code) => reject(new Error(`fake Bot API exited (${code})`)));
    });
  }

  async run(text: string, count: number, repliesPerUpdate: number): Promise<Extract<FakeReport, { kind: 'done' }>> {
    const done = FakeProcess.next(this.child);
    this.child.send({ kind: 'run', count, batch: BATCH, text, user: STAFF, repliesPerUpdate } satisfies FakeCommand);
    const report = await done;
    if (report.kind !== 'done') throw new Error('unexpected report');
    if (report.errors.length > 0) throw new Error(`the bot's calls failed: ${report.errors.join('; ')}`);
    return report;
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send({ kind: 'close' } satisfies FakeCommand);
    await exited;
  }
}

export const echo: Contender = {
  name: 'bare telegraf echo bot',
  text: QUERY,
  async start(apiRoot, token) {
    const bot = new Telegraf(token, { telegram: { apiRoot } });
    bot.on('text', (ctx) => ctx.reply(ctx.message.text));
    const launched = bot.launch();
    return {
      async stop() {
        bot.stop('bench');
        await launched;
      },
    };
  },
};

export const courtwall: Contender = {
  name: `courtwall, ${QUERY_LABEL}`,
  text: QUERY,
  async start(apiRoot, token) {
    const dataDir = await mkdtemp(join(tmpdir(), 'courtwall-bench-'));
    const config = parseConfig({ BOT_TOKEN: token, TELEGRAM_API_ROOT: apiRoot, DATA_DIR: dataDir });
    const app = await createApp(config, { clock: systemClock, logger: silentLogger, token });
    await app.store.metrics.saveObservations(figures());
    await app.store.org.saveMember({ id: STAFF.id, name: STAFF.first_name, role: 'staff', units: ['enforcement'], active: true, registeredAt: new Date().toISOString() });
    const launched = app.bot.launch();
    return {
      async stop() {
        app.bot.stop('bench');
        await launched;
        await app.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  },
};

interface Measured {
  perSecond: number;
  /** CPU time of this process (the bot; the fake runs elsewhere) per update: steadier than wall time on a busy machine. */
  cpuMicros: number;
  /** CPU time of the fake Bot API per update (it parses courtwall's HTML replies, not the echo's plain text). */
  fakeCpuMicros: number;
}

/** Updates handled per second, warm (a first run of a tenth of the updates is not counted). */
export async function measure(contender: Contender): Promise<Measured> {
  const fake = await FakeProcess.start();
  const bot = await contender.start(fake.apiRoot, fake.token);
  try {
    const probe = await fake.run(contender.text, 1, 1);
    const warm = Math.max(1, Math.round(UPDATES / 10));
    await fake.run(contender.text, warm, probe.sent);
    const cpu = process.cpuUsage();
    const timed = await fake.run(contender.text, UPDATES, probe.sent);
    const used = process.cpuUsage(cpu);
    return { perSecond: UPDATES / (timed.ms / 1000), cpuMicros: (used.user + used.system) / UPDATES, fakeCpuMicros: timed.cpuMicros / UPDATES };
  } finally {
    await bot.stop();
    await fake.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export default async function throughput(): Promise<BenchRow[]> {
  const echoRuns: Measured[] = [];
  const courtwallRuns: Measured[] = [];
  // Alternate, so that a slow moment of the machine does not land on one contender only.
  for (let round = 0; round < ROUNDS; round++) {
    const e = await measure(echo);
    const c = await measure(courtwall);
    echoRuns.push(e);
    courtwallRuns.push(c);
    process.stderr.write(
      `  round ${round + 1}: echo ${e.perSecond.toFixed(0)}/s, CPU/update ${e.cpuMicros.toFixed(0)} µs (fake ${e.fakeCpuMicros.toFixed(0)} µs); ` +
        `courtwall ${c.perSecond.toFixed(0)}/s, CPU/update ${c.cpuMicros.toFixed(0)} µs (fake ${c.fakeCpuMicros.toFixed(0)} µs)\n`,
    );
  }
  const e = median(echoRuns.map((r) => r.perSecond));
  const c = median(courtwallRuns.map((r) => r.perSecond));
  const eCpu = median(echoRuns.map((r) => r.cpuMicros));
  const cCpu = median(courtwallRuns.map((r) => r.cpuMicros));
  return [
    { name: `(b) ${echo.name}: updates/s (median of ${ROUNDS} × ${UPDATES})`, value: Math.round(e), unit: 'updates/s', target: '— (baseline)', ok: true },
    { name: `(b) ${courtwall.name}: updates/s`, value: Math.round(c), unit: 'updates/s', target: '—', ok: true },
    { name: '(b) metric-query throughput, courtwall ÷ echo bot', value: (c / e) * 100, unit: '%', target: '≥ 80 %', ok: c / e >= TARGET },
    { name: '(b) CPU per update, bot process: echo bot / courtwall', value: Math.round(eCpu), unit: `µs / ${Math.round(cCpu)} µs`, target: '— (diagnostic)', ok: true },
  ];
}
