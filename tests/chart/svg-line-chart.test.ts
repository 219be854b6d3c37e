import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { PNG } from 'pngjs';
import { buildAxis } from '../../src/chart/axis.ts';
import { svgToPng } from '../../src/chart/render-png.ts';
import { buildLineChartSvg, type LineChartSpec } from '../../src/chart/svg-line-chart.ts';
import { REPO_ROOT } from '../helpers/bot-process.ts';

const spec = (over: Partial<LineChartSpec> = {}): LineChartSpec => ({
  title: '首执案件终本率（%）',
  subtitle: '本院 · 2023年9月—2024年8月 · 年初至月末累计',
  axisLabel: '单位：%',
  points: ['9月', '10月', '11月', '12月'].map((label, i) => ({ label, value: i === 2 ? undefined : 10 + i, valueText: (10 + i).toFixed(2) })),
  guides: [{ value: 25, label: '目标 25.00%', kind: 'target' }],
  tickText: (value, decimals) => value.toFixed(decimals),
  ...over,
});

/** Pixels darker than mid-grey inside a rectangle. */
function darkPixels(png: PNG, x0: number, y0: number, x1: number, y1: number): number {
  let dark = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * png.width + x) * 4;
      if (png.data[i]! + png.data[i + 1]! + png.data[i + 2]! < 3 * 100) dark++;
    }
  }
  return dark;
}

describe('SVG line chart → PNG', () => {
  it('renders a PNG of the chart size with the Chinese title drawn in the title region', async () => {
    const png = PNG.sync.read(await svgToPng(buildLineChartSvg(spec())));
    assert.equal(png.width, 1000);
    assert.equal(png.height, 560);
    // Title region (top left): the bundled font drew the characters.
    assert.ok(darkPixels(png, 30, 15, 500, 65) > 800, 'no title text');
    // Not blank overall, and nothing drawn where no text goes (top right corner).
    assert.ok(darkPixels(png, 0, 0, png.width, png.height) > 3000);
    assert.equal(darkPixels(png, 700, 0, 1000, 60), 0);
  });

  it('draws no title when the title is empty (the dark-pixel check can fail)', async () => {
    const png = PNG.sync.read(await svgToPng(buildLineChartSvg(spec({ title: '' }))));
    assert.equal(darkPixels(png, 30, 15, 500, 65), 0);
  });

  it('draws characters outside the small core font from the full subset (no empty boxes)', async () => {
    // 鑫 and 赟 are GB2312 characters that no catalog uses.
    const svg = buildLineChartSvg(spec({ title: '鑫赟鑫赟鑫赟' }));
    const png = PNG.sync.read(await svgToPng(svg));
    assert.ok(darkPixels(png, 30, 15, 500, 65) > 400);
  });

  it('escapes text and leaves gaps for missing periods', () => {
    const svg = buildLineChartSvg(spec({ title: '<b>&"' }));
    assert.match(svg, /&lt;b&gt;&amp;&quot;/);
    assert.equal((svg.match(/<polyline/g) ?? []).length, 1, 'points 1–2 joined, 3 gap, 4 alone');
    assert.equal((svg.match(/<circle/g) ?? []).length, 3);
  });

  it('keeps the axis bounded for near-constant, huge, tiny and non-finite values', () => {
    for (const values of [[612500000, 612500000.0000001], [1e9, 1e9 + 1e-7], [0, 0], [], [5e-300, 6e-300], [-1e308, 1e308], [NaN, Infinity, 3]]) {
      const axis = buildAxis(values);
      assert.ok(axis.ticks.length >= 2 && axis.ticks.length <= 13, `${values.join()}: ${axis.ticks.length} ticks`);
      assert.ok(new Set(axis.ticks).size === axis.ticks.length, `${values.join()}: repeated ticks`);
      for (const v of values.filter((x) => Math.abs(x) <= 1e300)) assert.ok(v >= axis.low && v <= axis.high, `${v} outside ${axis.low}…${axis.high}`);
    }
    const svg = buildLineChartSvg(spec({ points: [{ label: '1月', value: 1e9 }, { label: '2月', value: 1e9 + 1e-7 }], guides: [{ value: 612500000.0000001, label: '目标', kind: 'target' }] }));
    assert.ok(svg.length < 20_000);
  });
});

/**
 * Renders in a child process: a chart loop that never ends would otherwise freeze the test
 * runner itself instead of failing. The limit is a termination check, not a speed goal.
 */
function renderElsewhere(charts: [number[], number[]][]): { status: number | null; signal: string | null; stderr: string } {
  const code = `Promise.all([import('./src/chart/svg-line-chart.ts'), import('./src/chart/render-png.ts')]).then(async ([{ buildLineChartSvg }, { svgToPng }]) => {
    for (const [series, guides] of ${JSON.stringify(charts)}) {
      const points = series.map((value, i) => ({ label: String(i + 1), value, valueText: String(value) }));
      await svgToPng(buildLineChartSvg({ title: 't', subtitle: 's', axisLabel: 'a', tickText: (v, d) => v.toFixed(d), points, guides: guides.map((value) => ({ value, label: 'g', kind: 'target' })) }));
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

  it('ignores non-finite values instead of looping or throwing', async () => {
    const points = [Number.NaN, Infinity, 3].map((value, i) => ({ label: String(i), value }));
    const svg = buildLineChartSvg(spec({ points, guides: [{ value: -Infinity, label: 'x', kind: 'min' }, { value: Number.NaN, label: 'y', kind: 'max' }] }));
    assert.doesNotMatch(svg, /NaN|Infinity/);
    assert.equal(PNG.sync.read(await svgToPng(svg)).width, 1000);
  });
});
