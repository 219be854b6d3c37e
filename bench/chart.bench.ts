// One /trend chart: the spec, the SVG and resvg's PNG with the bundled font, 12 months and three
// reference lines. PRODUCT.md: a chart renders in under 100 ms. Median of 30 after 3 warm-ups.
import { svgToPng } from '../src/chart/render-png.ts';
import { buildLineChartSvg } from '../src/chart/svg-line-chart.ts';
import { buildTrendChartSpec } from '../src/render/trend-chart.ts';
import type { MetricDef } from '../src/domain/metrics/types.ts';
import { translator } from '../src/text/i18n.ts';
import type { BenchRow } from './run.ts';

const def: MetricDef = {
  code: 'first_enf_terminated_round_rate', nameZh: '首执案件终本率', nameEn: 'first-enforcement cases terminated this round', aliases: [],
  group: 'enforcement', unit: '%', direction: 'down', kind: 'flow_ratio', reference: { min: 5, max: 30, target: 25 },
};
const points = Array.from({ length: 12 }, (_, i) => ({ period: `${i < 4 ? 2023 : 2024}-${String(((i + 8) % 12) + 1).padStart(2, '0')}`, value: i === 6 ? undefined : 12 - i * 0.13 }));

async function once(): Promise<number> {
  const start = performance.now();
  const spec = buildTrendChartSpec({ t: translator('zh'), lang: 'zh', def, scope: '本院', basis: 'ytd', points });
  await svgToPng(buildLineChartSvg(spec));
  return performance.now() - start;
}

export default async function chart(): Promise<BenchRow[]> {
  for (let i = 0; i < 3; i++) await once();
  const times: number[] = [];
  // CPU time too: on a shared 2-core machine the wall time mostly measures the neighbours.
  const cpu = process.cpuUsage();
  for (let i = 0; i < 30; i++) times.push(await once());
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000 / 30;
  times.sort((a, b) => a - b);
  const median = times[15]!;
  return [
    { name: 'trend chart (SVG → PNG, bundled CJK font), median', value: median, unit: 'ms', target: '< 100 ms', ok: median < 100 },
    { name: 'trend chart, p90', value: times[27]!, unit: 'ms', target: '—', ok: true },
    { name: 'trend chart, CPU time per chart', value: cpuMs, unit: 'ms', target: '< 100 ms', ok: cpuMs < 100 },
  ];
}
