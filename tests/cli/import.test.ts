import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/spawn-main.ts';

/** `npm run import` as an operator runs it: the same localised preview and errors as the bot. */
describe('npm run import', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'courtwall-cli-import-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', ...args], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: join(dir, 'data'), DEFAULT_LANG: 'zh', BOT_TOKEN: '', ADMIN_IDS: '', LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('previews with the hint, writes with --yes and then drops the hint', async () => {
    const file = join(dir, 'figures.csv');
    await writeFile(file, '指标,单位,期间,数值\n终本率,本院,2024年1-8月,10.47%\n');
    const preview = run(file);
    assert.equal(preview.code, 0, preview.err);
    assert.match(preview.out, /导入预览：figures\.csv/);
    assert.match(preview.out, /第 2 行 · 首执案件终本率 · 本院 · 2024年1—8月 · 10\.47%/);
    assert.match(preview.out, /仅预览；加 --yes 写入数据目录/);
    const applied = run(file, '--yes');
    assert.equal(applied.code, 0, applied.err);
    assert.doesNotMatch(applied.out, /仅预览/);
    assert.match(applied.out, /已导入 1 条/);
  });

  it('names the bad row and refuses an .xls with how to save it, in words, not codes', async () => {
    const bad = join(dir, 'bad.csv');
    await writeFile(bad, '指标,单位,期间,数值\n终本率,本院,2024-08,10.47%\n到位率,本院,2024-08,180.81%\n');
    const refused = run(bad);
    assert.equal(refused.code, 1);
    assert.match(refused.out, /第 3 行：数值“180\.81%”不可能出现/);
    const xls = join(dir, 'old.xls');
    await writeFile(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const old = run(xls);
    assert.equal(old.code, 1);
    assert.match(old.err, /另存为/);
    assert.doesNotMatch(old.err, /[{}]|unsupported_type/);
  });
});
