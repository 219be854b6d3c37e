import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { spawnMain } from '../helpers/spawn-main.ts';

describe('console with demo figures', () => {
  it('answers 终本率 with the published figure and imports the sample file with :run file', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'courtwall-console-'));
    try {
      const run = spawnMain({ DATA_DIR: dataDir }, [], ':run file\n终本率 2024年1-8月\n到位率 2024年1-8月\n:run file data/seed/sample-import.csv\n:1\n/trend 终本率\n');
      assert.equal(await run.exited, 0, run.stderr());
      const out = run.stdout();
      // Without a path: how to use it, not "no such file: <the current directory>".
      assert.match(out, /用法：:run file 文件路径/);
      assert.doesNotMatch(out, /找不到文件/);
      assert.match(out, /首执案件终本率 · 本院\n2024年1—8月\n10\.47%/);
      assert.match(out, /执行标的到位率 · 本院\n2024年1—8月\n80\.81%[^]*分子 49,496\.13万元 \/ 分母 61,250\.00万元/);
      assert.match(out, /排名：第1名\/共16家/);
      assert.match(out, /导入预览：sample-import\.csv/);
      assert.match(out, /已导入 5 条（新增 0，替换 5）/);
      // The chart is written where the newcomer can open it, and the console names the file.
      const saved = /\[图片\] 首执案件终本率.*（图片已保存：(.+\.png)）/.exec(out);
      assert.ok(saved, out);
      const png = await readFile(saved[1]!);
      assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
