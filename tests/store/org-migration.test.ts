import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { JsonDoc } from '../../src/store/json-doc.ts';
import { METRICS_DOC } from '../../src/store/metrics-store.ts';
import { ORG_DOC } from '../../src/store/org-store.ts';
import { tempDataDirsPerTest } from '../helpers/harness.ts';

const tempDir = tempDataDirsPerTest(afterEach);

describe('stored documents written by an older courtwall', () => {
  it('gives org units a parent, aliases and branch coverage (schemaVersion 1 → 2)', async () => {
    const dir = await tempDir();
    const file = join(dir, 'org.json');
    const units = [
      { code: 'court', nameZh: '本院', nameEn: 'The court', kind: 'court' },
      { code: 'civil1', nameZh: '民事审判一庭', nameEn: 'First Civil Division', kind: 'division' },
      { code: 'branch_civil', nameZh: '民事审判党支部', nameEn: 'Civil Trial Party Branch', kind: 'branch' },
    ];
    await writeFile(file, JSON.stringify({ schemaVersion: 1, units, members: [], chats: [], invites: [] }));
    const doc = await JsonDoc.openFile(file, ORG_DOC);
    assert.equal(doc.data.units.find((u) => u.code === 'court')?.parent, undefined);
    assert.equal(doc.data.units.find((u) => u.code === 'civil1')?.parent, 'court');
    assert.deepEqual(doc.data.units.find((u) => u.code === 'civil1')?.aliases, ['民一庭', '民一']);
    assert.deepEqual(doc.data.units.find((u) => u.code === 'branch_civil')?.covers, ['civil1', 'civil2']);
    await doc.update(() => undefined);
    assert.equal((JSON.parse(await readFile(file, 'utf8')) as { schemaVersion: number }).schemaVersion, 2);
  });

  it('splits indicator kinds and takes the direction off counts (schemaVersion 1 → 2)', async () => {
    const dir = await tempDir();
    const file = join(dir, 'metrics.json');
    const catalog = [
      { code: 'judge_avg_closures', nameZh: '法官人均结案数', nameEn: 'x', aliases: [], group: 'efficiency', unit: 'cases', direction: 'up', kind: 'ratio', reference: {} },
      { code: 'enf_cases_pending', nameZh: '执行未结案件数', nameEn: 'y', aliases: [], group: 'enforcement', unit: 'cases', direction: 'down', kind: 'stock', reference: {} },
      { code: 'avg_disposition_days', nameZh: '平均审理天数', nameEn: 'z', aliases: [], group: 'efficiency', unit: 'days', direction: 'down', kind: 'ratio', reference: {} },
    ];
    await writeFile(file, JSON.stringify({ schemaVersion: 1, catalog, observations: [] }));
    const doc = await JsonDoc.openFile(file, METRICS_DOC);
    assert.deepEqual(doc.data.catalog.map((d) => [d.kind, d.direction]), [['per_capita', 'up'], ['stock_count', 'none'], ['flow_average', 'down']]);
  });
});
