/**
 * A confounder level only non-users have (referrer "chiro") under ATT: not a positivity violation
 * for the effect among the users — those non-users resemble no user and weigh 0. It was refused as
 * "no overlap" for every estimand. Now ATT analyses it, with a warning, = R
 * (test/reference/observational-att-outside.R: the limit hta computes, and R's glm on every
 * patient, which agrees); ATE still refuses it, and ATT still refuses a level only users have.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { analyzeObservational, computeObservationalAnalyses } from '../../src/observational/analyze-observational.js';
import { diagnosticFindings, findingText } from '../../src/observational/diagnostic-findings.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';

interface Side { n: { exposed: number; unexposed: number }; essUnexposed: number; weightedRegression: { estimate: number; se: number }; aipw: { estimate: number; se: number } }
const ref = JSON.parse(readFileSync('test/reference/observational-att-outside.json', 'utf8')) as { limit: Side; everyPatient: Side };
const text = readFileSync('test/fixtures/observational/registry-att-outside.csv', 'utf8');

const plan = (estimand: 'ATT' | 'ATE', trim?: number) => parsePlan({
  design: 'observational',
  observational: {
    exposure: { column: 'app', exposed: 'Ja', unexposed: 'Nej' },
    confounders: [{ name: 'age', type: 'numeric' }, { name: 'sex', type: 'categorical' }, { name: 'referrer', type: 'categorical' }],
    estimand,
    ...(trim !== undefined ? { trim } : {}),
  },
  layout: 'wide',
  timepoints: ['3m'],
  outcomes: [{ key: 'rmdq', instrument: 'rmdq' }],
});
const analysis = (estimand: 'ATT' | 'ATE', csv = text) => computeObservationalAnalyses(loadTrial(parseCsvText(csv, 'registry.csv'), plan(estimand)))[0]!;

describe('a level only non-users have, under ATT', () => {
  const a = analysis('ATT');

  it('is analysed: weighted regression and AIPW = R', () => {
    expect(a.error).toBeUndefined();
    expect(a.patients).toEqual(ref.limit.n);
    expect(Math.abs((a.weights!.effectiveSampleSize.unexposed as number) - ref.limit.essUnexposed)).toBeLessThan(1e-8);
    const row = (m: string) => a.effects.find((e) => e.method === m)!;
    for (const [m, r] of [['weighted-regression', ref.limit.weightedRegression], ['aipw', ref.limit.aipw]] as const) {
      expect(Math.abs(row(m).difference - r.estimate), `${m} estimate`).toBeLessThan(1e-8);
      expect(Math.abs(row(m).se! - r.se), `${m} SE`).toBeLessThan(1e-8);
    }
    // R's glm on every patient (scores near 0, not 0) gives the same to 1e-6.
    expect(Math.abs(row('weighted-regression').difference - ref.everyPatient.weightedRegression.estimate)).toBeLessThan(1e-6);
    expect(Math.abs(row('aipw').difference - ref.everyPatient.aipw.estimate)).toBeLessThan(1e-6);
  });

  it('says so in results.json and a warning, naming the level as the no-overlap message would', () => {
    expect(a.outsideTarget).toEqual([{ confounder: 'referrer', levels: ['chiro'], unnamed: 0 }]);
    const result = analyzeObservational(loadTrial(parseCsvText(text, 'registry.csv'), plan('ATT')), { version: 'test' });
    expect(result.warnings.some((w) => w.startsWith('rmdq at 3m: confounder "referrer": level "chiro" only among the unexposed — no exposed patient is like them, so under ATT'))).toBe(true);
  });

  it('is still refused under ATE, where those non-users would need a comparable user', () => {
    expect(analysis('ATE').error).toMatch(/^no overlap: confounder "referrer" has level "chiro" only among the unexposed/);
  });

  it('a level only users have is still refused under ATT (the users are the target population)', () => {
    const usersOnly = text.split('\n').map((l) => (l.includes(',chiro,') ? l.replace(',Nej,', ',Ja,') : l)).join('\n');
    expect(analysis('ATT', usersOnly).error).toMatch(/^no overlap: confounder "referrer" has level "chiro" only among the exposed/);
  });

  it('with "trim", says they are trimmed (a score of 0 is below it), not counted in the crude difference', () => {
    const result = analyzeObservational(loadTrial(parseCsvText(text, 'registry.csv'), plan('ATT', 0.05)), { version: 'test' });
    const said = result.warnings.find((w) => w.includes('confounder "referrer"'))!;
    expect(said).toContain('they get weight 0 (propensity score 0); the score is below "trim" (0.05), so they are trimmed: no difference counts them');
    expect(said).not.toContain('crude difference');
    // Every chiro non-user is among the trimmed.
    const chiro = text.split('\n').filter((l) => l.includes(',chiro,')).length;
    expect(result.analyses[0]!.excluded!.trimmed).toBeGreaterThanOrEqual(chiro);
    const da = diagnosticFindings(result.analyses[0]!, 0.1, 0.05).map((f) => findingText(f, 'da')).find((w) => w.includes('"referrer"'))!;
    expect(da).toContain('scoren er under "trim" (0,05), så de er trimmet: ingen forskel medregner dem');
    expect(da).not.toContain('ujusterede');
    // The level is named as one ("niveauet"), as the English says "level".
    expect(da).toMatch(/^forstyrrende faktor "referrer": niveauet "chiro" findes kun blandt ikke-eksponerede — /);
  });

  it('the share of scores outside [0.05, 0.95] does not count them (score 0 by design), over every patient analysed', () => {
    // The inside patients' scores are those of the file without them (fitted without them either
    // way): their count outside [0.05, 0.95] is that file's share × its patients.
    const without = analysis('ATT', text.split('\n').filter((l) => !l.includes(',chiro,')).join('\n'));
    expect(without.outsideTarget).toBeUndefined();
    const insideOutside = (without.propensity!.outsideShare as number) * (without.patients!.exposed + without.patients!.unexposed);
    const total = a.patients!.exposed + a.patients!.unexposed;
    expect(Math.abs((a.propensity!.outsideShare as number) - insideOutside / total)).toBeLessThan(1e-12);
    // The warning, when the share is high, says they are not counted (en + da); trimmed, they are not analysed at all.
    const high = { ...a, propensity: { ...a.propensity!, outsideShare: 0.08 } };
    const said = (trim: number | null, lang: 'en' | 'da') => diagnosticFindings(high, 0.1, trim).filter((f) => f.kind === 'outside').map((f) => findingText(f, lang));
    expect(said(null, 'en')).toEqual(['poor overlap: 8.0% of patients have a propensity score outside the interval 0.05 to 0.95 (the non-users of levels no user has not counted: their score is 0 by design)']);
    expect(said(null, 'da')).toEqual(['dårligt overlap: 8,0 % af patienterne har en tilbøjelighedsscore uden for intervallet 0,05 til 0,95 (ikke-eksponerede med et niveau, som ingen blandt eksponerede har, er ikke talt med: deres score er 0 pr. konstruktion)']);
    expect(said(0.05, 'en')).toEqual(['poor overlap: 8.0% of patients have a propensity score outside the interval 0.05 to 0.95']);
  });

  it('the non-users\' score percentiles leave them out too: their zeros drew the box down to 0, an overlap problem that is none', () => {
    // Their scores are those of the file without them (above): so are both groups' percentiles.
    const without = analysis('ATT', text.split('\n').filter((l) => !l.includes(',chiro,')).join('\n'));
    const q = a.propensity!.quantiles;
    const qWithout = without.propensity!.quantiles;
    for (const g of ['exposed', 'unexposed'] as const) {
      const v = q[g] as number[];
      (qWithout[g] as number[]).forEach((x, i) => expect(Math.abs(v[i]! - x), `${g} percentile ${i}`).toBeLessThan(1e-12));
    }
    expect((q.unexposed as number[])[0]).toBeGreaterThan(0);
  });
});
