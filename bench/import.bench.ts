// (d) An import of 20,000 rows, or any hostile file: time, peak RSS of the process (worker included)
// and the longest event-loop stall meanwhile. PRODUCT.md: never more than 300 MB, never blocks others.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ordinaryRow, ordinaryRows } from '../tests/helpers/hostile-xlsx.ts';
import type { ImportBenchResult } from './import-process.ts';
import type { BenchRow } from './run.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../tests/fixtures/import/${name}`, import.meta.url));

function measure(file: string): Promise<ImportBenchResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./import-process.ts', import.meta.url)), file], { maxBuffer: 1 << 20 }, (err, stdout) => {
      if (err) reject(new Error(`import bench child failed: ${err.message}`));
      else resolve(JSON.parse(stdout.trim().split('\n').pop()!) as ImportBenchResult);
    });
  });
}

export default async function run(): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'courtwall-import-bench-'));
  try {
    const rows20k = join(dir, 'rows-20000.xlsx');
    await writeFile(rows20k, await ordinaryRows(20_000));
    const csv20k = join(dir, 'rows-20000.csv');
    const lines = Array.from({ length: 20_000 }, (_, i) => ordinaryRow(i).join(','));
    await writeFile(csv20k, `指标,单位,期间,数值\n${lines.join('\n')}\n`);
    const cases: [string, string][] = [
      ['20,000-row XLSX', rows20k],
      ['20,000-row CSV', csv20k],
      ['XLSX cell inflating to 300 MB', fixture('hostile-bomb-cell.xlsx')],
      ['same, directory lying about sizes', fixture('hostile-bomb-cell-lying.xlsx')],
      ['XLSX of 1,000,000 rows', fixture('hostile-million-rows.xlsx')],
      ['same, directory lying about sizes', fixture('hostile-million-rows-lying.xlsx')],
      ['XLSX with 730 MB of shared strings', fixture('hostile-shared-strings.xlsx')],
    ];
    const rows: BenchRow[] = [];
    for (const [name, file] of cases) {
      const r = await measure(file);
      process.stderr.write(`  ${name}: ${r.outcome}, ${r.ms.toFixed(0)} ms, peak RSS ${r.peakRssMb.toFixed(0)} MB, longest stall ${r.maxStallMs.toFixed(0)} ms\n`);
      rows.push(
        { name: `(d) import ${name}: time (${r.outcome})`, value: r.ms, unit: 'ms', target: '< 5 s', ok: r.ms < 5000 },
        { name: `(d) import ${name}: peak RSS`, value: r.peakRssMb, unit: 'MB', target: '< 300 MB', ok: r.peakRssMb < 300 },
        { name: `(d) import ${name}: longest event-loop stall`, value: r.maxStallMs, unit: 'ms', target: '< 100 ms', ok: r.maxStallMs < 100 },
      );
    }
    return rows;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
