/**
 * MMRM codes a categorical covariate over its own patients (those observed at a follow-up visit),
 * as R's gls on the observed rows does, and refuses one left with a single level in the
 * complete-case ANCOVA's words instead of silently fitting without it
 * (docs/plan-trial.md#covariates). Reference: test/reference/mmrm-covariate-levels.R (nlme::gls,
 * unstructured covariance, REML; emmeans Satterthwaite df).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { expectMmrmAsR } from '../support/mmrm-as-r.js';

const csv = readFileSync(new URL('../fixtures/mmrm-levels/trial.csv', import.meta.url), 'utf8');
const ref = JSON.parse(readFileSync(new URL('../reference/mmrm-covariate-levels.json', import.meta.url), 'utf8')) as {
  nPatients: number;
  contrasts: { time: string; estimate: number; se: number; df: number; ciLower: number; ciUpper: number; p: number }[];
};
const plan = parsePlan({
  arms: { intervention: '1', control: '0' },
  layout: 'wide',
  timepoints: ['3m', '12m'],
  covariates: ['koen'],
  methods: ['ancova', 'mmrm'],
  outcomes: [{ key: 'nrs', instrument: 'nrs', mcid: 1 }],
});
const analyse = (text: string) => analyzeTrial(loadTrial(parseCsvText(text, 'trial.csv'), plan), { version: 'test' });

describe('MMRM and a categorical covariate', () => {
  it('a level held only by patients never seen after baseline: no all-zero column, the fit equals R gls on the observed rows', () => {
    const result = analyse(csv);
    for (const row of expectMmrmAsR(result.effects, ref.contrasts, ref.nPatients)) expect(row.covariates).toEqual(['arm × visit', 'baseline × visit', 'koen']);
  });

  it('a covariate of one level among the patients: refused as the ANCOVA refuses it, not left out of the model', () => {
    const result = analyse(csv.replace(/^(P\d+,\d,)[KMX](,)/gm, '$1K$2'));
    const said = "covariate 'koen' has only one level ('K') among the patients analysed; drop it from the model";
    for (const time of ['3m', '12m']) {
      expect(result.effects.find((e) => e.method === 'mmrm' && e.time === time)!.error).toBe(said);
      expect(result.effects.find((e) => e.method === 'ancova' && e.time === time)!.error).toBe(said);
    }
  });
});
