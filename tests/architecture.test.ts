import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { tempDataDirsPerTest } from './helpers/harness.ts';

const SCRIPT = new URL('../scripts/check-cycles.mjs', import.meta.url).pathname;
const tempDir = tempDataDirsPerTest(afterEach);

function check(root: string) {
  const result = spawnSync(process.execPath, [SCRIPT, root], { encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

async function files(root: string, contents: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(contents)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), text);
  }
}

describe('import structure of src/', () => {
  it('has no import cycle and no import that runs back up a layer', () => {
    const { status, output } = check('src');
    assert.equal(status, 0, output);
  });

  it('reports a cycle through type-only imports, with the loop', async () => {
    const root = await tempDir();
    await files(root, {
      'bot/a.ts': "import type { B } from './b.ts';\nexport type A = B;\n",
      'bot/b.ts': "import { type A } from './a.ts';\nexport type B = A | 1;\n",
      'bot/c.ts': "export { b } from './b.ts';\n",
    });
    const { status, output } = check(root);
    assert.equal(status, 1);
    assert.match(output, /import cycle of 2 file\(s\): .*bot\/a\.ts → .*bot\/b\.ts → .*bot\/a\.ts/);
    assert.doesNotMatch(output, /c\.ts/);
  });

  it('reports an import from a lower layer into a higher one', async () => {
    const root = await tempDir();
    await files(root, {
      'domain/rule.ts': "import type { Feature } from '../bot/feature.ts';\nexport type Rule = Feature;\n",
      'bot/feature.ts': "import type { Rule } from '../domain/other.ts';\nexport type Feature = Rule;\n",
      'domain/other.ts': 'export type Rule = 1;\n',
    });
    const { status, output } = check(root);
    assert.equal(status, 1);
    assert.match(output, /import runs back up: .*domain\/rule\.ts → .*bot\/feature\.ts \(domain is below bot\)/);
  });

  it('keeps every feature file under 150 lines', async () => {
    const dir = new URL('../src/bot/features/', import.meta.url);
    const long: string[] = [];
    for (const name of await readdir(dir)) {
      const lines = (await readFile(new URL(name, dir), 'utf8')).split('\n').length - 1;
      if (lines >= 150) long.push(`${name}: ${lines} lines`);
    }
    assert.deepEqual(long, []);
  });
});
