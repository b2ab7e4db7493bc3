/**
 * The trajectories chart with visits hta cannot place on a weeks scale (an eCRF's "Opfølgning 1 (12
 * uger)" kept as written): the ordinal axis wraps each visit's name within its band, as the forest
 * and flow charts wrap theirs, and the y-axis title fits the panel's height. Found by a tester:
 * the names printed over each other ("BaselineOpfølgning 1 (12uger)Opfølgning 2 (36 uger)"), and
 * the Danish y titles ran past the plot. Checked on the drawn SVG, by the chart font's widths.
 */
import { describe, expect, it } from 'vitest';
import { trajectoriesSpec } from '../../../src/report/charts/trajectories.js';
import { trialChartContext } from '../../../src/report/charts/trial-chart-context.js';
import { chartTextWidth } from '../../../src/report/render/text-metrics.js';
import { renderChart } from '../../support/render-chart.js';
import { bundledTrial } from '../trial-report-support.js';

/** The drawn lines of each text in the SVG groups of `role`, with where it is placed. */
function texts(svg: string, role: string): { group: number; x: number; y: number; rotated: boolean; lines: string[]; size: number }[] {
  const groups = [...svg.matchAll(new RegExp(`<g class="mark-text ${role}"[^>]*>(.*?)</g>`, 'g'))].map((m) => m[1]!);
  return groups.flatMap((g, group) =>
    [...g.matchAll(/<text[^>]*transform="translate\(([-\d.]+),([-\d.]+)\)( rotate\(-90\))?[^"]*"[^>]*font-size="([\d.]+)px"[^>]*>(.*?)<\/text>/g)].map((m) => ({
      group,
      x: Number(m[1]),
      y: Number(m[2]),
      rotated: m[3] !== undefined,
      size: Number(m[4]),
      lines: m[5]!.includes('<tspan') ? [...m[5]!.matchAll(/<tspan[^>]*?(?:\/>|>([^<]*)<\/tspan>)/g)].map((t) => t[1] ?? '') : [m[5]!],
    })),
  );
}

describe('trajectories with visits it cannot time', () => {
  const { trial, result } = bundledTrial();
  const base = trialChartContext(trial, 'da');
  const names = new Map(base.visits.map((v, k) => [v, k === 0 ? v : `Opfølgning ${k} (${k * 12} uger)`]));
  const ctx = { ...base, visits: base.visits.map((v) => names.get(v)!) };
  const renamed = { ...result, descriptives: result.descriptives.map((d) => ({ ...d, time: names.get(d.time) ?? d.time })) };

  it('wraps the visit names so no two labels of the x axis overlap', async () => {
    const { svg } = await renderChart('t', trajectoriesSpec(renamed, ctx));
    const labels = texts(svg, 'role-axis-label').filter((t) => t.lines.some((l) => l.startsWith('Opfølgning')) || t.lines[0] === 'baseline');
    expect(labels.some((l) => l.lines.length > 1)).toBe(true);
    // One panel's labels are one SVG group; each line of a label spans its width around the label's x, on
    // its own level (a staggered label starts with empty lines): no two may meet on one level.
    const rows = new Map<string, { from: number; to: number }[]>();
    for (const l of labels) {
      l.lines.forEach((line, level) => {
        if (line.replace(/\u200b/g, '').trim() === '') return;
        const w = chartTextWidth({ fontSize: l.size }, line);
        const key = `${l.group}|${level}`;
        rows.set(key, [...(rows.get(key) ?? []), { from: l.x - w / 2, to: l.x + w / 2 }]);
      });
    }
    expect(labels.flatMap((l) => l.lines).filter((line) => line.includes('…'))).toEqual([]);
    for (const spans of rows.values()) {
      const sorted = spans.sort((a, b) => a.from - b.from);
      for (let k = 1; k < sorted.length; k++) expect(sorted[k]!.from).toBeGreaterThan(sorted[k - 1]!.to);
    }
    expect(labels.map((l) => l.lines.join(' '))).toContain('baseline');
  });

  it('fits each y-axis title within the panel height', async () => {
    const { svg } = await renderChart('t', trajectoriesSpec(renamed, ctx));
    const titles = texts(svg, 'role-axis-title').filter((t) => t.rotated);
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.some((t) => t.lines.join(' ').includes('højere er bedre') || t.lines.join(' ').includes('lavere er bedre'))).toBe(true);
    // The panel is 128 px high; its title may overhang by a few px at each end, never run to the x-axis title.
    for (const t of titles) for (const line of t.lines) expect(chartTextWidth({ fontSize: t.size }, line)).toBeLessThanOrEqual(128 + 16);
  });
});
