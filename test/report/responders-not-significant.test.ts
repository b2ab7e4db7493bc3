/**
 * The responders chart named the arm a risk difference favours even when its 95% CI includes 0
 * ("+4.0 (−2.0 to 10.0) pp / favours app" for a non-significant difference). Such a difference
 * favours no arm: the chart says "95% CI includes 0" (Danish "95 %-KI omfatter 0",
 * docs/glossary-da.md); a CI that excludes 0 still names the arm.
 */
import { describe, expect, it } from 'vitest';
import type { EffectRow } from '../../src/analysis/results-schema.js';
import { respondersSpec } from '../../src/report/charts/responders.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { bundledTrial } from './trial-report-support.js';

/** The second line of each row of the risk-difference column. */
function favoursLines(effects: EffectRow[], ctx: ReturnType<typeof trialChartContext>): (string | undefined)[] {
  const spec = respondersSpec({ effects }, ctx) as unknown as { hconcat: { data: { values: { rd: string[] }[] } }[] };
  return spec.hconcat[2]!.data.values.map((v) => v.rd[1]);
}

describe.each([
  ['en', '95% CI includes 0', 'favours app', 'favours usual care'],
  ['da', '95 %-KI omfatter 0', 'til fordel for appen', 'til fordel for vanlig behandling'],
] as const)('responders chart (%s)', (lang, none, favoursApp, favoursControl) => {
  const { trial, result } = bundledTrial();
  const ctx = trialChartContext(trial, lang);
  const row = result.effects.find((e) => e.method === 'risk-difference' && e.risks !== undefined)!;
  const with_ = (difference: number, lo: number, hi: number, benefit: number): EffectRow => ({ ...row, difference, ciLower: lo, ciUpper: hi, benefit });

  it('a difference whose CI includes 0 favours no arm, whichever its sign', () => {
    expect(favoursLines([with_(0.04, -0.02, 0.1, 0.04), with_(-0.03, -0.09, 0.01, 0.03), with_(0.05, 0, 0.1, -0.05)], ctx)).toEqual([none, none, none]);
  });

  it('a limit that is 0 up to float noise (1e-13, printed "0.0") is 0, as in the verdicts (judge/float-noise.ts)', () => {
    expect(favoursLines([with_(0.05, 1e-13, 0.1, 0.05), with_(-0.05, -0.1, -1e-13, 0.05)], ctx)).toEqual([none, none]);
  });

  it('a difference whose CI excludes 0 names the arm it favours', () => {
    expect(favoursLines([with_(0.06, 0.01, 0.11, 0.06), with_(-0.06, -0.11, -0.01, -0.06)], ctx)).toEqual([favoursApp, favoursControl]);
  });
});
