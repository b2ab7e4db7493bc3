/**
 * A registry's yes/no outcome read as GRADE reads it (docs/observational.md, "Relative and absolute
 * effects of yes/no outcomes"; src/observational/marginal-risks.ts): each adjusted row (weighted
 * regression, AIPW) carries the adjusted risks with and without the exposure and their risk ratio
 * with a log-scale delta-method CI from the estimator's own (co)variances. Before, the rows were a
 * risk difference only. Checked against R (lm + sandwich HC0 and g-computation, AIPW by hand:
 * test/reference/observational-risk-ratio.R) at 1e-6 relative, for ATE, ATT and ATO.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsvFile } from '../../src/io/read-csv.js';
import { analyzeObservational, computeObservationalAnalyses } from '../../src/observational/analyze-observational.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { registryRelativeCells } from '../../src/report/sof-registry-rows.js';

interface RefRow {
  method: string;
  rd: number;
  rdSe: number;
  risks: { exposed: number; unexposed: number };
  riskRatio: { estimate: number; ciLower: number; ciUpper: number };
}
const ref = JSON.parse(readFileSync('test/reference/observational-risk-ratio.json', 'utf8')) as { n: { exposed: number; unexposed: number }; estimands: Record<'ATE' | 'ATT' | 'ATO', RefRow[]> };

const plan = (estimand: 'ATE' | 'ATT' | 'ATO') =>
  parsePlan({
    design: 'observational',
    observational: {
      exposure: { column: 'app', exposed: 'Ja', unexposed: 'Nej' },
      confounders: [{ name: 'age', type: 'numeric' }, { name: 'sex', type: 'categorical' }, { name: 'henviser', type: 'categorical' }],
      estimand,
      baselineAsConfounder: false,
    },
    layout: 'wide',
    timepoints: ['3m'],
    outcomes: [{ key: 'opioid', instrument: 'binary', direction: 'lower-is-better', answers: { Ja: 1, Nej: 0 }, label: { en: 'Any opioid redemption' } }],
  });
const trialOf = (estimand: 'ATE' | 'ATT' | 'ATO') => loadTrial(readCsvFile('test/fixtures/observational/opioid-registry.csv'), plan(estimand));
const close = (got: number | undefined, want: number, what: string) => expect(Math.abs(got! - want), `${what}: ${got} vs ${want}`).toBeLessThanOrEqual(1e-6 * Math.abs(want));

describe.each(['ATE', 'ATT', 'ATO'] as const)('the adjusted rows of a yes/no outcome under %s', (estimand) => {
  const [a] = computeObservationalAnalyses(trialOf(estimand));

  it('carry the adjusted risks and the risk ratio with its delta-method CI, as R gives them', () => {
    expect(a!.error).toBeUndefined();
    expect(a!.patients).toEqual(ref.n);
    const rows = ref.estimands[estimand];
    expect(a!.effects.filter((e) => e.method !== 'crude').map((e) => e.method)).toEqual(rows.map((r) => r.method));
    for (const r of rows) {
      const e = a!.effects.find((x) => x.method === r.method)!;
      // The row's own risk difference and SE first: the risks below come from the same estimator.
      close(e.difference!, r.rd, `${r.method} RD`);
      close(e.se!, r.rdSe, `${r.method} SE`);
      close(e.risks?.intervention, r.risks.exposed, `${r.method} risk exposed`);
      close(e.risks?.control, r.risks.unexposed, `${r.method} risk unexposed`);
      close(e.risks!.intervention - e.risks!.control, r.rd, `${r.method} risks' difference`);
      close(e.riskRatio?.estimate, r.riskRatio.estimate, `${r.method} RR`);
      close(e.riskRatio?.ciLower, r.riskRatio.ciLower, `${r.method} RR lower`);
      close(e.riskRatio?.ciUpper, r.riskRatio.ciUpper, `${r.method} RR upper`);
    }
  });

  it('their E-value is of that risk ratio and its CI (the RR the yes/no table prints), not of a second RR from the weighted share', () => {
    for (const r of ref.estimands[estimand]) {
      const e = a!.effects.find((x) => x.method === r.method)!;
      const rr = r.riskRatio;
      // VanderWeele & Ding: RR + sqrt(RR(RR − 1)) of the RR turned away from 1; the CI limit nearer 1, or 1 when the CI holds it.
      const away = (v: number) => (rr.estimate < 1 ? 1 / v : v);
      const ev = (v: number) => away(v) + Math.sqrt(away(v) * (away(v) - 1));
      close(e.eValue!.riskRatio, away(rr.estimate), `${r.method} E-value's RR`);
      close(e.eValue!.estimate, ev(rr.estimate), `${r.method} E-value`);
      const limit = rr.ciLower <= 1 && rr.ciUpper >= 1 ? 1 : ev(rr.estimate > 1 ? rr.ciLower : rr.ciUpper);
      close(e.eValue!.ciLimit, limit, `${r.method} E-value's CI limit`);
      expect(e.eValue!.method).toBe('risk ratio of the adjusted risks');
    }
  });

  it('the crude row has none (it is no adjusted estimate)', () => {
    const crude = a!.effects.find((e) => e.method === 'crude')!;
    expect(crude.risks).toBeUndefined();
    expect(crude.riskRatio).toBeUndefined();
  });
});

describe('as published', () => {
  it('results.json gives the risks to 3 decimals and the RR to 2, as the page prints them', () => {
    const r = analyzeObservational(trialOf('ATE'), { version: 'test' });
    const wr = r.analyses[0]!.effects.find((e) => e.method === 'weighted-regression')!;
    const want = ref.estimands.ATE[0]!;
    expect(wr.risks).toEqual({ intervention: Number(want.risks.exposed.toFixed(3)), control: Number(want.risks.unexposed.toFixed(3)) });
    expect(wr.riskRatio).toMatchObject({ estimate: Number(want.riskRatio.estimate.toFixed(2)), ciLower: Number(want.riskRatio.ciLower.toFixed(2)), ciUpper: Number(want.riskRatio.ciUpper.toFixed(2)) });
    expect(wr.riskRatio!.method).toMatch(/delta-method/);
  });

  it('a continuous outcome has no risks', () => {
    const bundled = loadTrial(readCsvFile('data/synthetic/registry-outcomes.csv'), parsePlan(JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8'))));
    const r = analyzeObservational(bundled, { version: 'test' });
    const rmdq = r.analyses.find((x) => x.outcome === 'rmdq')!;
    expect(rmdq.effects.every((e) => e.risks === undefined && e.riskRatio === undefined)).toBe(true);
    const responder = r.analyses.find((x) => x.outcome === 'rmdq30')!;
    expect(responder.effects.filter((e) => e.riskRatio).map((e) => e.method)).toEqual(['weighted-regression', 'aipw']);
  });
});

describe('no patient of a group with the event', () => {
  it('no ratio ("Not estimable"): the weighted regression\'s risk among non-users is 0 only up to rounding', () => {
    // test/reference/observational-follow-up-only.R: 0 of the non-users at work; their risk is 0 and the RR infinite.
    const followUpOnly = parsePlan({
      design: 'observational',
      observational: { exposure: { column: 'app', exposed: 'Ja', unexposed: 'Nej' }, confounders: [{ name: 'age', type: 'numeric' }, { name: 'sex', type: 'categorical' }], estimand: 'ATE', baselineAsConfounder: false },
      layout: 'wide',
      timepoints: ['3m'],
      outcomes: [{ key: 'work', instrument: 'binary', direction: 'higher-is-better', answers: { Ja: 1, Nej: 0 } }],
    });
    const trial = loadTrial(readCsvFile('test/fixtures/observational/follow-up-only.csv'), followUpOnly);
    const [a] = computeObservationalAnalyses(trial);
    const wr = a!.effects.find((e) => e.method === 'weighted-regression')!;
    // The linear model's prediction without the exposure: not 0 exactly, but no risk a ratio can rest on.
    expect(wr.risks!.control).toBeGreaterThan(0);
    expect(wr.risks!.control).toBeLessThan(1e-3);
    for (const e of a!.effects.filter((x) => x.method !== 'crude')) {
      expect(e.riskRatio, e.method).toBeNull();
      expect(e.eValue, e.method).toBeNull();
    }
    const shown = analyzeObservational(trial, { version: 'test' }).analyses[0]!.effects.find((e) => e.method === 'weighted-regression')!;
    expect(registryRelativeCells(shown, 'en')!.relative).toBe('Not estimable');
    expect(registryRelativeCells(shown, 'da')!.relative).toBe('Kan ikke estimeres');
    expect(registryRelativeCells(shown, 'en')!.risk).toBe('0 per 1,000');
  });
});
