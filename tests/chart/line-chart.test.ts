import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PNG } from 'pngjs';
import { renderLineChart } from '../../src/chart/line-chart.ts';

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
