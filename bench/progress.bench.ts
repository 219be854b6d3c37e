// (a) 1,000,000 stored progress updates: start-up, time to record one more (p50/p99), peak memory.
import { fork } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProgressEvent } from '../src/domain/progress/types.ts';
import type { ProgressBenchResult } from './progress-store-process.ts';
import type { BenchRow } from './run.ts';

const TOTAL = Number(process.env.BENCH_PROGRESS_TOTAL ?? 1_000_000);
/** Four years of monthly partitions, 2021-01 … 2024-12: about 20,800 updates a month, several times a real court's rate. */
const MONTHS = 48;
const RECORDS = Number(process.env.BENCH_PROGRESS_RECORDS ?? 2000);

/** Writes the partition files directly (as years of appends would have left them), without holding them in memory. */
async function generate(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const perMonth = Math.ceil(TOTAL / MONTHS);
  let id = 0;
  for (let m = 0; m < MONTHS && id < TOTAL; m++) {
    const year = 2021 + Math.floor(m / 12);
    const month = (m % 12) + 1;
    const name = `${year}-${String(month).padStart(2, '0')}`;
    const out = createWriteStream(join(dir, `${name}.jsonl`));
    let chunk = '';
    for (let i = 0; i < perMonth && id < TOTAL; i++) {
      id += 1;
      const day = 1 + (i % 28);
      const event: ProgressEvent = {
        op: 'add',
        update: {
          id,
          chatId: -1001000000000 - (id % 40),
          messageId: id,
          author: 100_000 + (id % 300),
          authorName: `干警${id % 300}`,
          unit: ['enforcement', 'civil1', 'civil2', 'criminal', 'devzone'][id % 5]!,
          ...(id % 3 === 0 ? {} : { itemCode: `T${id % 400}`, percent: id % 101 }),
          text: `本周完成财产查控 ${id % 17} 件，执行到位 ${id % 9} 万元；下周继续推进 <跟进>&`,
          source: id % 2 === 0 ? 'tag' : 'command',
          at: `${name}-${String(day).padStart(2, '0')}T0${i % 10}:00:00.000Z`,
        },
      };
      chunk += JSON.stringify(event) + '\n';
      if (chunk.length > 1 << 20) {
        if (!out.write(chunk)) await once(out, 'drain');
        chunk = '';
      }
    }
    out.end(chunk);
    await once(out, 'finish');
  }
}

function measure(dataDir: string): Promise<ProgressBenchResult> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./progress-store-process.ts', import.meta.url), [dataDir, String(RECORDS)], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: ProgressBenchResult | undefined;
    child.on('message', (m) => (result = m as ProgressBenchResult));
    child.on('error', reject);
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`progress bench child exited with ${code}`))));
  });
}

export default async function progressBench(): Promise<BenchRow[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'courtwall-bench-progress-'));
  try {
    await generate(join(dataDir, 'progress'));
    const r = await measure(dataDir);
    const label = `${(TOTAL / 1e6).toLocaleString('en')}M progress updates`;
    return [
      { name: `${label}: start-up (open store, index last 3 months)`, value: r.startupMs, unit: 'ms', target: '< 2000 ms', ok: r.startupMs < 2000 },
      { name: `${label}: record one more, p50 (${r.records} records, fsync each)`, value: r.p50Ms, unit: 'ms', target: '—', ok: true },
      { name: `${label}: record one more, p99`, value: r.p99Ms, unit: 'ms', target: '< 20 ms', ok: r.p99Ms < 20 },
      { name: `${label}: peak RSS of the store process`, value: r.peakRssMb, unit: 'MB', target: '< 512 MB', ok: r.peakRssMb < 512 },
    ];
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
