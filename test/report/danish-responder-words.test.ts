/**
 * Responder rows in the glossary's words on the Danish pages (docs/glossary-da.md: responders with
 * ≥ 5 points improvement are "patienter med klinisk relevant forbedring (≥ 5 point)"): the bundled
 * plans label the MCID-based definitions "Klinisk relevant forbedring (RMDQ ≥ 5 point)" and
 * "… (PSEQ ≥ 5,5 point)", where they read "RMDQ forbedret ≥ 5 point"; English as it was.
 */
import { describe, expect, it } from 'vitest';
import { loadCeaPlanFile } from '../../src/cea/load-cea-plan.js';
import { outcomeLabel } from '../../src/plan/outcome-label.js';
import { loadPlanFile } from '../../src/plan/load-plan.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { bundledTrial } from './trial-report-support.js';

describe('responder rows on the Danish pages', () => {
  it('the trial plan\'s ≥ 5 points definition, on the page as in the plan', () => {
    const plan = loadPlanFile('data/plans/selfback.plan.json');
    expect(outcomeLabel(plan, 'rmdq_resp5', 'da')).toBe('Klinisk relevant forbedring (RMDQ ≥ 5 point)');
    expect(outcomeLabel(plan, 'rmdq_resp5', 'en')).toBe('RMDQ improved ≥ 5 points');
    const { trial } = bundledTrial();
    expect(trialChartContext(trial, 'da').outcomeLabel('rmdq_resp5')).toBe('Klinisk relevant forbedring (RMDQ ≥ 5 point)');
  });

  it('the CEA plan\'s PSEQ definition (its MCID, 5.5 points)', () => {
    const { plan, trialPlan } = loadCeaPlanFile('data/plans/selfback.cea.json');
    const pseq = plan.responders.find((r) => r.key === 'pseq_resp')!;
    // The trial plan it reads labels the RMDQ definition so too (the CEA page's Table 4).
    expect(outcomeLabel(trialPlan, 'rmdq_resp5', 'da')).toBe('Klinisk relevant forbedring (RMDQ ≥ 5 point)');
    expect(pseq.label).toEqual({ en: 'PSEQ improved ≥ 5.5 points', da: 'Klinisk relevant forbedring (PSEQ ≥ 5,5 point)' });
  });
});
