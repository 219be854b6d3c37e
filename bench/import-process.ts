// Child process of import.bench.ts: loads what the bot loads for an import (telegraf, the store's
// catalog, the worker), imports one file through the worker, and reports time, peak RSS and the
// longest event-loop stall meanwhile. Run alone: npx tsx bench/import-process.ts <file>
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import 'telegraf';
import { loadSeedUnits } from '../src/app.ts';
import { createImportWorker } from '../src/import/read-off-thread.ts';
import { loadSeedCatalog } from '../src/store/metrics-store.ts';

export interface ImportBenchResult {
  ms: number;
  peakRssMb: number;
  maxStallMs: number;
  outcome: string;
}

const file = process.argv[2]!;
const catalog = loadSeedCatalog();
const units = await loadSeedUnits();
const worker = createImportWorker();
// Warm the worker first, as a running bot has: the figure is the file's cost, not the worker's start.
await worker.run({ bytes: Buffer.from('指标,期间,数值\n终本率,2024-08,1\n'), fileName: 'warm.csv', catalog, units, maxYear: 2027 });
const bytes = readFileSync(file);
const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
const started = performance.now();
const result = await worker.run({ bytes, fileName: file, catalog, units, maxYear: 2027 });
const ms = performance.now() - started;
delay.disable();
await worker.close();
const outcome = 'plan' in result ? `${result.plan.observations.length} rows, ${result.plan.errors.length} errors` : `refused: ${result.table.ok ? '?' : result.table.error.code}`;
const report: ImportBenchResult = { ms, peakRssMb: process.resourceUsage().maxRSS / 1024, maxStallMs: delay.max / 1e6, outcome };
process.stdout.write(JSON.stringify(report) + '\n');
