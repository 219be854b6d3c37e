// Child process of progress.bench.ts: opens the store over a prepared data directory and
// measures, in a process of its own, so peak RSS is the store's alone.
import { performance } from 'node:perf_hooks';
import { openStore } from '../src/store/open-store.ts';

export interface ProgressBenchResult {
  startupMs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  records: number;
  peakRssMb: number;
  indexed: number;
}

const [dataDir, countArg] = process.argv.slice(2);
const count = Number(countArg ?? 2000);

const started = performance.now();
const store = await openStore(dataDir!, { noLock: true });
const startupMs = performance.now() - started;

const times: number[] = [];
const at = new Date('2025-01-15T02:00:00Z');
for (let i = 0; i < count; i++) {
  const t0 = performance.now();
  await store.progress.record({
    chatId: -1001000000001,
    messageId: 10_000_000 + i,
    author: 10002,
    authorName: '张执行',
    unit: 'enforcement',
    itemCode: `T${(i % 40) + 1}`,
    percent: i % 101,
    text: `第 ${i} 条：完成财产查控，冻结账户 3 个 <script>&`,
    source: 'tag',
    at: new Date(at.getTime() + i * 1000).toISOString(),
  });
  times.push(performance.now() - t0);
}
const indexed = (await store.progress.between(new Date('2024-10-01T00:00:00Z'))).length;
await store.close();
times.sort((a, b) => a - b);
const pick = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
const result: ProgressBenchResult = {
  startupMs,
  p50Ms: pick(0.5),
  p99Ms: pick(0.99),
  maxMs: times.at(-1)!,
  records: count,
  // maxRSS is in kilobytes.
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  indexed,
};
process.send?.(result);
