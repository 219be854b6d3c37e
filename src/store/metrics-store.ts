import { readFileSync } from 'node:fs';
import type { MetricDef, Observation, ObservationFilter } from '../domain/metrics/types.ts';
import { BASES, kindFromLegacy, observationKey } from '../domain/metrics/types.ts';
import { JsonDoc, type DocSpec } from './json-doc.ts';
import { doc as shape, fields, list, num, oneOf, text } from './doc-shape.ts';
import type { MetricsRepo } from './ports.ts';

export interface MetricsDoc {
  schemaVersion: number;
  catalog: MetricDef[];
  observations: Observation[];
}

/** Version 2: kinds split by how a figure is counted (ratio → flow_ratio, per_capita, …); counts have no direction. */
function splitKinds(doc: Record<string, unknown>): Record<string, unknown> {
  const catalog = (doc.catalog as Record<string, unknown>[] | undefined) ?? [];
  return {
    ...doc,
    catalog: catalog.map((def) => {
      const kind = kindFromLegacy(def.kind as string | undefined, def.unit as string, def.code as string);
      const counted = kind === 'count' || kind === 'stock_count' || kind === 'amount';
      return { ...def, kind, ...(counted ? { direction: 'none' } : {}) };
    }),
  };
}

export const METRICS_DOC: DocSpec<MetricsDoc> = {
  name: 'metrics',
  version: 2,
  defaults: () => ({ schemaVersion: 2, catalog: [], observations: [] }),
  migrations: { 1: splitKinds },
  validate: shape({
    catalog: list(fields({ code: text, aliases: list(text) })),
    observations: list(fields({ metric: text, unit: text, period: text, basis: oneOf(BASES), value: num })),
  }),
};

export const SEED_CATALOG_FILE = new URL('../../data/seed/metric-catalog.json', import.meta.url);

/** The shipped catalog (data, not code): `{ metrics: MetricDef[] }`. */
export function loadSeedCatalog(file: string | URL = SEED_CATALOG_FILE): MetricDef[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { metrics: MetricDef[] };
  return parsed.metrics;
}

function matches(o: Observation, f: ObservationFilter): boolean {
  return (
    (f.metric === undefined || o.metric === f.metric) &&
    (f.unit === undefined || o.unit === f.unit) &&
    (f.period === undefined || o.period === f.period) &&
    (f.basis === undefined || o.basis === f.basis)
  );
}

/**
 * Catalog and observations in one small document: a court imports a few thousand figures a
 * year, so the whole set stays in memory. Keyed by (metric, unit, period, basis).
 */
export async function createMetricsRepo(doc: JsonDoc<MetricsDoc>, seed: MetricDef[] = loadSeedCatalog()): Promise<MetricsRepo> {
  if (doc.data.catalog.length === 0 && seed.length > 0) {
    await doc.update((d) => {
      d.catalog = structuredClone(seed);
    });
  } else if (seed.some((s) => !doc.data.catalog.some((d) => d.code === s.code))) {
    // Indicators added to the shipped catalog later (首执结案数, 员额法官人数) join an existing one.
    await doc.update((d) => {
      for (const s of seed) if (!d.catalog.some((def) => def.code === s.code)) d.catalog.push(structuredClone(s));
    });
  }
  // Queries ask for one indicator at a time: keep each indicator's figures at hand, rebuilt
  // after each written change (the document is replaced by a written copy then).
  const index = new Map<string, number>();
  const byMetric = new Map<string, Observation[]>();
  let indexed = -1;
  const current = () => {
    if (indexed === doc.revision) return;
    index.clear();
    byMetric.clear();
    doc.data.observations.forEach((o, i) => {
      index.set(observationKey(o), i);
      const list = byMetric.get(o.metric);
      if (list) list.push(o);
      else byMetric.set(o.metric, [o]);
    });
    indexed = doc.revision;
  };
  const candidates = (f: ObservationFilter): readonly Observation[] => {
    current();
    return f.metric === undefined ? doc.data.observations : (byMetric.get(f.metric) ?? []);
  };
  return {
    catalog: () => doc.data.catalog,
    revision: () => doc.revision,
    metric: (code) => doc.data.catalog.find((m) => m.code === code),
    saveMetric: (def) =>
      doc.update((d) => {
        const at = d.catalog.findIndex((m) => m.code === def.code);
        if (at >= 0) d.catalog[at] = def;
        else d.catalog.push(def);
      }),
    saveMetrics: (defs) =>
      doc.update((d) => {
        for (const def of defs) {
          const at = d.catalog.findIndex((m) => m.code === def.code);
          if (at >= 0) d.catalog[at] = def;
          else d.catalog.push(def);
        }
      }),
    observations: (filter = {}) => candidates(filter).filter((o) => matches(o, filter)),
    observation: (key) => {
      current();
      const at = index.get(observationKey(key));
      return at === undefined ? undefined : doc.data.observations[at];
    },
    periods: (filter = {}) => [...new Set(candidates(filter).filter((o) => matches(o, filter)).map((o) => o.period))].sort(),
    latestPeriod(filter = {}) {
      let latest: string | undefined;
      for (const o of candidates(filter)) if (matches(o, filter) && (latest === undefined || o.period > latest)) latest = o.period;
      return latest;
    },
    async saveObservations(list) {
      let added = 0;
      let replaced = 0;
      await doc.update((d) => {
        current();
        const at = new Map(index);
        for (const o of list) {
          const key = observationKey(o);
          const found = at.get(key);
          if (found === undefined) {
            at.set(key, d.observations.length);
            d.observations.push(o);
            added++;
          } else {
            d.observations[found] = o;
            replaced++;
          }
        }
      });
      return { added, replaced };
    },
  };
}
