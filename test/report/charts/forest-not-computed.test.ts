/**
 * A trial too small for any continuous effect (one control patient): every row of the effects
 * forest and of the subgroup forests is "not computed", so no verdict is drawn. The charts still
 * draw, at a finite size, with no verdict legend — vega lays out a legend with an empty domain at
 * an infinite height, and `hta report` then stopped with "SVG has an invalid size".
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../../src/analysis/analyze-trial.js';
import { parseCsvText } from '../../../src/io/read-csv.js';
import { parsePlan } from '../../../src/plan/load-plan.js';
import { effectsForestSpec } from '../../../src/report/charts/effects-forest.js';
import { trialChartContext } from '../../../src/report/charts/trial-chart-context.js';
import { subgroupReport } from '../../../src/report/sections/subgroups.js';
import { renderSvg, svgToPng } from '../../../src/report/render/render-chart.js';
import { loadTrial } from '../../../src/trial/load-trial.js';

function tinyTrial() {
  const plan = JSON.parse(readFileSync('test/fixtures/subgroups/plan.json', 'utf8')) as Record<string, unknown>;
  delete plan.population;
  const lines = readFileSync('test/fixtures/subgroups/trial.csv', 'utf8').trimEnd().split('\n');
  const ids = (arm: string, k: number) => [...new Set(lines.slice(1).filter((l) => l.split(',')[1] === arm).map((l) => l.split(',')[0]))].slice(0, k);
  const keep = new Set([...ids('app', 6), ...ids('usual', 1)]);
  const csv = [lines[0]!, ...lines.slice(1).filter((l) => keep.has(l.split(',')[0]!))].join('\n') + '\n';
  return loadTrial(parseCsvText(csv, 'trial.csv'), parsePlan(plan));
}

async function drawnSize(spec: Parameters<typeof renderSvg>[0]): Promise<{ width: number; height: number; legend: boolean }> {
  const svg = await renderSvg(spec);
  const m = /<svg[^>]* width="([^"]+)" height="([^"]+)"/.exec(svg)!;
  expect(() => svgToPng(svg, 0.5)).not.toThrow();
  return { width: Number(m[1]), height: Number(m[2]), legend: svg.includes('role-legend') };
}

describe('forests with no verdict to draw', () => {
  const trial = tinyTrial();
  const result = analyzeTrial(trial, { version: 'test' });

  it('the effects forest draws at a finite size, without a verdict legend', async () => {
    const ctx = trialChartContext(trial, 'da');
    const forest = result.effects.filter((r) => r.method === ctx.primaryMethod && r.mcid !== null);
    expect(forest.length).toBeGreaterThan(0);
    expect(forest.every((r) => r.relevance === null)).toBe(true);
    const size = await drawnSize(effectsForestSpec(result, ctx));
    expect(size.height).toBeGreaterThan(50);
    expect(size.height).toBeLessThan(2000);
    expect(size.legend).toBe(false);
  });

  it('each subgroup forest draws at a finite size', async () => {
    const ctx = trialChartContext(trial, 'en');
    const { charts } = subgroupReport(result, trial.plan, ctx, () => 10);
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) {
      const size = await drawnSize(chart.spec);
      expect(size.height, chart.name).toBeLessThan(3000);
    }
  });
});
