import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { CorruptDataError, JsonDoc, type DocSpec } from '../../src/store/json-doc.ts';

interface NotesV2 {
  schemaVersion: number;
  notes: { text: string; lang: string }[];
}

const SPEC: DocSpec<NotesV2> = {
  name: 'notes',
  version: 2,
  defaults: () => ({ schemaVersion: 2, notes: [] }),
  migrations: {
    1: (doc) => ({ ...doc, notes: (doc.notes as string[]).map((text) => ({ text, lang: 'zh' })) }),
  },
};

describe('JsonDoc', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'courtwall-doc-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates the file with its schemaVersion and keeps writes across reopen', async () => {
    const file = join(dir, 'notes.json');
    const doc = await JsonDoc.openFile(file, SPEC);
    await doc.update((d) => d.notes.push({ text: '<b>&', lang: 'en' }));
    const again = await JsonDoc.openFile(file, SPEC);
    assert.deepEqual(again.data, { schemaVersion: 2, notes: [{ text: '<b>&', lang: 'en' }] });
  });

  it('leaves no temp file behind after a write', async () => {
    const doc = await JsonDoc.openFile(join(dir, 'notes.json'), SPEC);
    await doc.update((d) => d.notes.push({ text: 'x', lang: 'zh' }));
    assert.deepEqual(await readdir(dir), ['notes.json']);
  });

  it('migrates an older document and writes the new version', async () => {
    const file = join(dir, 'notes.json');
    await writeFile(file, JSON.stringify({ schemaVersion: 1, notes: ['旧记录'] }));
    const doc = await JsonDoc.openFile(file, SPEC);
    assert.deepEqual(doc.data.notes, [{ text: '旧记录', lang: 'zh' }]);
    assert.equal(JSON.parse(await readFile(file, 'utf8')).schemaVersion, 2);
  });

  it('refuses a document from a newer version', async () => {
    const file = join(dir, 'notes.json');
    await writeFile(file, JSON.stringify({ schemaVersion: 9, notes: [] }));
    await assert.rejects(JsonDoc.openFile(file, SPEC), /newer courtwall/);
  });

  for (const [what, content] of [
    ['an empty file', ''],
    ['a truncated file', '{"schemaVersion":2,"notes":[{"te'],
    ['a file that is not an object', '[1,2,3]'],
  ] as const) {
    it(`keeps ${what} aside and refuses to start over it`, async () => {
      const file = join(dir, 'notes.json');
      await writeFile(file, content);
      const err = await JsonDoc.openFile(file, SPEC).then(
        () => assert.fail('expected a CorruptDataError'),
        (e: unknown) => e,
      );
      assert.ok(err instanceof CorruptDataError);
      assert.match(err.message, /notes\.json/);
      assert.equal(await readFile(file, 'utf8'), content, 'the original is untouched');
      if (err.keptAt) assert.equal(await readFile(err.keptAt, 'utf8'), content);
    });
  }
});
