import { copyFile } from 'node:fs/promises';
import { Low, Memory, type Adapter } from 'lowdb';
import { JSONFile } from 'lowdb/node';

export interface Versioned {
  schemaVersion: number;
}

/** Turns a document of version `from` into version `from + 1`. */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

export interface DocSpec<T extends Versioned> {
  name: string;
  version: number;
  defaults: () => T;
  /** migrations[n] upgrades version n to n + 1. */
  migrations?: Record<number, Migration>;
  /** The structure the code relies on (after migrations): the first problem, or undefined. See doc-shape.ts. */
  validate?: (doc: unknown) => string | undefined;
  /**
   * The copy a change is made to (default structuredClone): must share nothing a change may
   * alter. A large document changed on every update (the update ledger) gives a cheaper one.
   */
  copy?(this: void, doc: T): T;
}

/**
 * What the store does with a document it opens, without touching any file: checks its
 * schemaVersion, migrates a copy to the current version and checks its structure. Throws an
 * Error naming the problem. Restore and `npm run check` call it too, so they refuse exactly
 * what the store would refuse at start.
 */
export function upgradeDoc<T extends Versioned>(spec: DocSpec<T>, raw: unknown): T {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('the file does not hold a JSON object');
  const found = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (found === undefined) throw new Error('schemaVersion is missing');
  if (typeof found !== 'number' || !Number.isSafeInteger(found) || found < 1) {
    throw new Error(`schemaVersion ${JSON.stringify(found)} is not a version courtwall writes (1 to ${spec.version})`);
  }
  if (found > spec.version) throw new Error(`written by a newer courtwall (schemaVersion ${found}, this one knows ${spec.version})`);
  let doc = structuredClone(raw) as Record<string, unknown>;
  for (let v = found; v < spec.version; v++) {
    const migrate = spec.migrations?.[v];
    if (!migrate) throw new Error(`no migration from schemaVersion ${v}`);
    try {
      doc = { ...migrate(doc), schemaVersion: v + 1 };
    } catch (err) {
      throw new Error(`cannot be upgraded from schemaVersion ${v} (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  const problem = spec.validate?.(doc);
  if (problem) throw new Error(problem);
  return doc as unknown as T;
}

export class CorruptDataError extends Error {
  constructor(
    readonly file: string,
    readonly keptAt: string | undefined,
    cause: unknown,
  ) {
    super(
      `data file ${file} cannot be read (${cause instanceof Error ? cause.message : String(cause)}). ` +
        (keptAt ? `A copy was kept at ${keptAt}. ` : '') +
        'courtwall will not start over it: restore it from a backup (npm run restore -- <backup>) or move it away to start empty.',
    );
    this.name = 'CorruptDataError';
  }
}

/**
 * One JSON document on disk. lowdb writes a temp file and renames it, so a killed
 * process leaves either the old or the new file, never half of one.
 *
 * What is in memory is what is on disk: a change is made to a copy, the copy is written, and
 * only then does it replace the data (a failed write, e.g. a full disk, leaves memory as it
 * was, so nothing unwritten rides along with a later write). Changes to one document run one
 * after another, each on the result of the one before.
 */
export class JsonDoc<T extends Versioned> {
  private changes = 0;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly db: Low<T>,
    private readonly copy: (doc: T) => T,
  ) {}

  get data(): Readonly<T> {
    return this.db.data;
  }

  /** Counts the changes written: what was built from `data` at one revision holds until the next. */
  get revision(): number {
    return this.changes;
  }

  /**
   * Changes a copy inside `change` (return false: nothing to write); resolves once the copy is
   * written and has replaced the data, rejects (data unchanged) when the write fails.
   */
  update(change: (data: T) => unknown): Promise<void> {
    const run = this.queue.then(async () => {
      const next = this.copy(this.db.data);
      if (change(next) === false) return;
      await this.db.adapter.write(next);
      this.db.data = next;
      this.changes++;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  static async openFile<T extends Versioned>(file: string, spec: DocSpec<T>): Promise<JsonDoc<T>> {
    const db = new Low<T>(new JSONFile<T>(file), spec.defaults());
    try {
      await db.read();
    } catch (err) {
      const keptAt = `${file}.corrupt-${Date.now()}`;
      const kept = await copyFile(file, keptAt).then(() => keptAt, () => undefined);
      throw new CorruptDataError(file, kept, err);
    }
    return JsonDoc.prepare(db, spec, file);
  }

  static async openMemory<T extends Versioned>(spec: DocSpec<T>): Promise<JsonDoc<T>> {
    return JsonDoc.openAdapter(new Memory<T>(), spec, `memory:${spec.name}`);
  }

  /** Over any lowdb adapter (tests hand in one whose writes fail). */
  static async openAdapter<T extends Versioned>(adapter: Adapter<T>, spec: DocSpec<T>, where: string): Promise<JsonDoc<T>> {
    const db = new Low<T>(adapter, spec.defaults());
    await db.read();
    return JsonDoc.prepare(db, spec, where);
  }

  private static async prepare<T extends Versioned>(db: Low<T>, spec: DocSpec<T>, where: string): Promise<JsonDoc<T>> {
    try {
      db.data = upgradeDoc(spec, db.data);
    } catch (err) {
      throw new CorruptDataError(where, undefined, err);
    }
    await db.write();
    return new JsonDoc(db, spec.copy ?? ((doc) => structuredClone(doc)));
  }
}
