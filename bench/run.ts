// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and prints one table.
// Never part of `npm test`: figures depend on the machine.
import { readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** PRODUCT.md's target, as text, e.g. "< 20 ms". */
  target: string;
  ok: boolean;
}

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const rows: BenchRow[] = [];
for (const file of files) {
  process.stderr.write(`running ${file} …\n`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<BenchRow[]> };
  rows.push(...(await mod.default()));
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`courtwall bench — ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
console.log('| measure | value | target | met |');
console.log('| --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.name} | ${Number.isInteger(r.value) ? r.value : r.value.toFixed(2)} ${r.unit} | ${r.target} | ${r.ok ? 'yes' : 'NO'} |`);
