import type { ImportPlan } from '../domain/metrics/import-rows.ts';
import type { MetricDef } from '../domain/metrics/types.ts';
import type { Unit } from '../domain/org.ts';
import type { TableError } from './table-types.ts';

/** A file to read and check, as sent to the import worker. */
export interface ImportJob {
  id: number;
  bytes: Uint8Array;
  fileName: string;
  catalog: readonly MetricDef[];
  units: readonly Unit[];
  maxYear: number;
  /** Unit codes (`court` for the whole court) the sender may import; absent: all. */
  allowedUnits?: readonly string[];
}

export type ImportJobResult =
  | { id: number; table: { ok: false; error: TableError } }
  | { id: number; table: { ok: true; encoding: string }; plan: ImportPlan };
