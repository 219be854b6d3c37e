import { parentPort } from 'node:worker_threads';
import { buildImportPlan } from '../domain/metrics/import-rows.ts';
import { readTableSync } from './read-table.ts';
import type { ImportJob, ImportJobResult } from './import-job.ts';

// One job at a time, in order; the parent replaces this worker if it dies or overruns.
parentPort?.on('message', (job: ImportJob) => {
  const table = readTableSync(job.bytes, job.fileName);
  let result: ImportJobResult;
  if (!table.ok) result = { id: job.id, table };
  else {
    const allowed = job.allowedUnits ? new Set(job.allowedUnits) : undefined;
    const plan = buildImportPlan(table.sheets, job.catalog, job.units, {
      maxYear: job.maxYear,
      ...(allowed ? { allowedUnit: (unit: string) => allowed.has(unit) } : {}),
    });
    result = { id: job.id, table: { ok: true, encoding: table.encoding }, plan };
  }
  parentPort?.postMessage(result);
});
