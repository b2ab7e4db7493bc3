/**
 * The willingness-to-pay line of the CE plane (src/report/charts/ce-plane.ts) is Δcost = λ·ΔQALY
 * at both ends, and the points below it are the cost-effective ones: their share is the reported
 * P(cost-effective) at λ. Capping only the line's cost end at the plot edge drew the box's
 * diagonal instead (9,067 €/QALY on the bundled page for λ = 23,250).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseCeaFiles } from '../../src/cea/analyze-cea-files.js';
import type { CeaResult } from '../../src/cea/cea-results-schema.js';
import { defaultArmNames } from '../../src/report/arm-names.js';
import { cePlaneSpec } from '../../src/report/charts/ce-plane.js';
import { ceaFixture } from '../support/cea-fixture.js';

type Point = { dq: number; dc: number };
interface Layer { data?: { values?: Point[] }; mark: { type: string } }

function drawn(r: CeaResult): { line: Point[]; points: Point[] } {
  const spec = cePlaneSpec(r, 'en', defaultArmNames('en'), r.cloud.cost.length) as unknown as { layer: Layer[] };
  const values = (type: string) => spec.layer.find((l) => l.mark.type === type)!.data!.values!;
  return { line: values('line'), points: values('circle') };
}

function checkLine(r: CeaResult): void {
  const { threshold: lambda, probabilityCostEffective } = r.thresholds[0]!;
  const { line, points } = drawn(r);
  expect(line.length).toBeGreaterThanOrEqual(2);
  for (const p of line) expect(Math.abs(p.dc - lambda * p.dq)).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(p.dc), 1));
  // Below the drawn line (the side of −Δcost), by the line's own two ends.
  const [a, b] = [line[0]!, line[line.length - 1]!];
  const below = points.filter((p) => (b.dq - a.dq) * (p.dc - a.dc) - (b.dc - a.dc) * (p.dq - a.dq) < 0).length;
  expect(below / points.length).toBeCloseTo(probabilityCostEffective, 9);
}

describe('the CE plane willingness-to-pay line', () => {
  it('lies on Δcost = λ·ΔQALY for the bundled plan (λ = 23,250 EUR), and the points below it are P(cost-effective)', () => {
    const { result } = analyseCeaFiles({ dataFile: 'data/synthetic/selfback-trial.csv', planFile: 'data/plans/selfback.cea.json', version: 'test', dataName: 'x', planName: 'y', replicates: 200 });
    expect(result.thresholds[0]!.threshold).toBe(23250);
    checkLine(result);
  }, 60_000);

  it('lies on Δcost = λ·ΔQALY for a DKK plan at λ = 250,000', () => {
    const f = ceaFixture({
      utilityShift: 0.02,
      unitCostRows: ['gp,300,DKK,2021,takst'],
      planExtra: { currency: 'DKK', interventionCost: { price: 1200 }, wtp: { to: 500000, step: 50000, thresholds: [250000] } },
    });
    const { result } = analyseCeaFiles({ dataFile: f.exportFile, planFile: f.plan, version: 'test', dataName: 'x', planName: 'y' });
    expect(result.thresholds[0]!.threshold).toBe(250000);
    checkLine(result);
  });
});

describe('the CE plane\'s estimate and quadrant shares', () => {
  it('draws the estimate outlined in white and says what it is; a share below 1 % is "<1%", not "0%"', async () => {
    const base = JSON.parse(readFileSync('reports/selfback-cea/results.json', 'utf8'));
    const r = { ...base, cloud: { cost: [120, 260, -15], qaly: [0.02, 0.035, 0.03] }, quadrants: { NE: 0.995, NW: 0.001, SE: 0.004, SW: 0 } };
    for (const [lang, said, shares] of [['en', 'diamond: the estimate', 'NE >99%, NW <1%, SE <1%, SW 0%'], ['da', 'ruden: estimatet', 'NØ >99 %, NV <1 %, SØ <1 %, SV 0 %']] as const) {
      const spec = cePlaneSpec(r, lang) as unknown as { title: { subtitle: string[] }; layer: { mark: Record<string, unknown> }[] };
      const subtitle = spec.title.subtitle.join('\n');
      expect(subtitle).toContain(said);
      expect(subtitle).toContain(shares);
      const estimate = spec.layer.find((l) => l.mark.shape === 'diamond')!.mark;
      expect(estimate).toMatchObject({ fill: '#000000', stroke: '#FFFFFF', strokeWidth: 2 });
    }
  });
});
