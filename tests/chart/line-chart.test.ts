import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { PNG } from 'pngjs';
import { chartTicks, renderLineChart } from '../../src/chart/line-chart.ts';
import { REPO_ROOT } from '../helpers/bot-process.ts';

describe('line chart', () => {
  it('renders a valid, non-blank PNG of the requested size', () => {
    const points = ['2023-09', '2023-10', '2023-11', '2023-12', '2024-01', '2024-02'].map((period, i) => ({ period, value: i === 3 ? undefined : 10 + i * 1.5 }));
    const buffer = renderLineChart(points, { width: 640, height: 360, guides: [12] });
    assert.deepEqual([...buffer.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const png = PNG.sync.read(buffer);
    assert.equal(png.width, 640);
    assert.equal(png.height, 360);
    let nonWhite = 0;
    const colours = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4) {
      const rgb = (png.data[i]! << 16) | (png.data[i + 1]! << 8) | png.data[i + 2]!;
      colours.add(rgb);
      if (rgb !== 0xffffff) nonWhite++;
    }
    assert.ok(nonWhite > 3000, `only ${nonWhite} drawn pixels`);
    assert.ok(colours.size >= 5, `only ${colours.size} colours`);
    // The series colour is present.
    assert.ok(colours.has((25 << 16) | (99 << 8) | 196));
  });

  it('draws a single point and a flat series without failing', () => {
    const one = PNG.sync.read(renderLineChart([{ period: '2024-08', value: 10.47 }]));
    assert.equal(one.width, 800);
    const flat = renderLineChart([{ period: '2024-07', value: 5 }, { period: '2024-08', value: 5 }]);
    assert.ok(flat.length > 1000);
  });
});

/**
 * Renders in a child process: a chart loop that never ends would otherwise freeze the test
 * runner itself instead of failing. The limit is a termination check, not a speed goal.
 */
function renderElsewhere(charts: [number[], number[]][]): { status: number | null; signal: string | null; stderr: string } {
  const code = `import('./src/chart/line-chart.ts').then(({ renderLineChart }) => {
    for (const [series, guides] of ${JSON.stringify(charts)}) {
      renderLineChart(series.map((value, i) => ({ period: '2024-' + String(i + 1).padStart(2, '0'), value })), { guides });
    }
  });`;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: REPO_ROOT, timeout: 30_000, encoding: 'utf8' });
  return { status: result.status, signal: result.signal, stderr: result.stderr };
}

describe('line chart on hostile series', () => {
  it('terminates for a near-constant series whose range is below the float resolution', () => {
    const run = renderElsewhere([
      [[1e9, 1e9 + 1e-7], []],
      [[612500000, 612500000], [612500000.0000001]],
      [[1e300, -1e300, 5], []],
      [[Number.MAX_VALUE, 0], [Number.MIN_VALUE]],
    ]);
    assert.equal(run.signal, null, 'a chart did not finish');
    assert.equal(run.status, 0, run.stderr);
  });

  it('ignores non-finite values instead of looping or throwing', () => {
    const png = PNG.sync.read(renderLineChart([{ period: '2024-07', value: Number.NaN }, { period: '2024-08', value: Infinity }, { period: '2024-09', value: 3 }], { guides: [-Infinity, Number.NaN] }));
    assert.equal(png.width, 800);
  });

  it('keeps the y axis to a handful of distinct ticks', () => {
    for (const series of [[1e9, 1e9 + 1e-7], [0.1, 0.1000000001], [-5, 5], [0, 1e-300]]) {
      const ticks = chartTicks(Math.min(...series), Math.max(...series));
      assert.ok(ticks.length >= 2 && ticks.length <= 12, `${ticks.length} ticks for ${series.join(', ')}`);
      for (let i = 1; i < ticks.length; i++) assert.ok(ticks[i]! > ticks[i - 1]!, `ticks not increasing: ${ticks.join(', ')}`);
      assert.ok(ticks[0]! <= Math.min(...series) && ticks.at(-1)! >= Math.max(...series), `ticks ${ticks.join(', ')} do not cover ${series.join(', ')}`);
    }
  });
});
