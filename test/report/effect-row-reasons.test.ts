/**
 * A trial effect row that could not be computed says why in the page's language: real failures,
 * triggered through the real analysis functions on tiny inputs, land in the effects table's
 * verdict cell as "ikke beregnet: …" with no English left on a Danish page, and as
 * "not computed: <the analysis's own words>" on an English page (src/report/failure-reasons.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { binaryEffect } from '../../src/analysis/binary-effect.js';
import { row } from '../../src/analysis/judged-row.js';
import type { EffectRow } from '../../src/analysis/results-schema.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { effectsTable } from '../../src/report/effects-table.js';
import { sensitivityTable } from '../../src/report/sensitivity-table.js';
import { sofEffectText } from '../../src/report/summary-of-findings.js';
import { ancova } from '../../src/stats/ancova.js';
import { analysisFailed } from '../../src/stats/arm-size.js';
import { mmrm } from '../../src/stats/missing/mmrm.js';
import { welchDifference } from '../../src/stats/welch-difference.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { ENGLISH_WORDS as ENGLISH } from '../support/english-words.js';


/** The verdict cell (last column) of each row in the effects table, in both languages. */
function verdicts(rows: EffectRow[]): { en: string[]; da: string[] } {
  const cells = (lang: 'en' | 'da') => effectsTable(rows, lang, () => 10).rows.map((r) => r[r.length - 1] as string);
  return { en: cells('en'), da: cells('da') };
}

function expectDanishCells(rows: EffectRow[]): string[] {
  const failed = rows.filter((r) => r.error !== undefined);
  expect(failed.length).toBeGreaterThan(0);
  const { en, da } = verdicts(failed);
  failed.forEach((r, i) => {
    expect(en[i]).toBe(`not computed: ${r.error}`);
    expect(da[i]).toMatch(/^ikke beregnet: /);
    // A level's name stays as the data has it ('NO' is Norway).
    expect(da[i]!.replace(/'[^']*'/g, ''), r.error).not.toMatch(ENGLISH);
  });
  return da;
}

const base = { outcome: 'pain', label: 'Pain', time: '3m' } as const;
/** One effect row as analyzeTrial builds it (judged-row.ts keeps an analysis.failed reason as `error`). */
const rowOf = (method: EffectRow['method'], compute: Parameters<typeof row>[4]) => row({ ...base, method }, 0.95, 2, 'lower-is-better', compute);

describe('trial effect rows that could not be computed, in Danish', () => {
  it('through analyzeTrial: a tiny trial whose control arm has one patient', () => {
    const plan = JSON.parse(readFileSync('test/fixtures/subgroups/plan.json', 'utf8')) as Record<string, unknown>;
    delete plan.population;
    // Subgroups stay: with one control patient, most levels have patients in one arm only.
    plan.methods = ['ancova', 'welch'];
    const lines = readFileSync('test/fixtures/subgroups/trial.csv', 'utf8').trimEnd().split('\n');
    const header = lines[0]!;
    const ids = (arm: string, k: number) => [...new Set(lines.slice(1).filter((l) => l.split(',')[1] === arm).map((l) => l.split(',')[0]))].slice(0, k);
    const keep = new Set([...ids('app', 4), ...ids('usual', 1)]);
    const csv = [header, ...lines.slice(1).filter((l) => keep.has(l.split(',')[0]!))].join('\n') + '\n';
    const trial = loadTrial(parseCsvText(csv, 'trial.csv'), parsePlan(plan));
    const result = analyzeTrial(trial, { version: 'test' });
    const errors = result.effects.flatMap((r) => (r.error ? [r.error] : []));
    expect(errors).toContain('fewer than 2 patients with baseline and follow-up in the control arm (found 1)');
    expect(errors).toContain('fewer than 2 patients in the control arm (found 1)');
    const da = expectDanishCells(result.effects);
    expect(da).toContain('ikke beregnet: færre end 2 patienter med baseline og opfølgning i kontrolgruppen (fandt 1)');
    expect(da).toContain('ikke beregnet: færre end 2 patienter i kontrolgruppen (fandt 1)');
    const levelRows = (result.subgroups ?? []).flatMap((g) => g.levels.map((l) => l.effect));
    expect(levelRows.some((r) => /^level '.*' has patients in one arm only \(intervention \d+, control 0\)/.test(r.error ?? ''))).toBe(true);
    expect(expectDanishCells(levelRows).some((c) => /^ikke beregnet: niveauet '.*' har kun patienter i den ene gruppe \(interventionsgruppen \d+, kontrolgruppen 0\)/.test(c))).toBe(true);
  });

  it('through the statistics: no variation, a constant covariate, an empty arm, too little data for MMRM', () => {
    const rows = [
      rowOf('welch', () => {
        welchDifference([3, 3, 3], [3, 3, 3]);
        throw new Error('expected a failure');
      }),
      rowOf('ancova', () => {
        ancova({ outcome: [1, 2, 3, 4, 5, 7], baseline: [2, 2, 4, 3, 6, 5], treated: [1, 1, 1, 0, 0, 0], covariates: [{ name: 'country', values: ['DK', 'DK', 'DK', 'DK', 'DK', 'DK'] }] });
        throw new Error('expected a failure');
      }),
      rowOf('risk-difference', () => binaryEffect({ intervention: { events: 2, n: 5 }, control: { events: 0, n: 0 } }, 0.95)),
      rowOf('mmrm', () => {
        mmrm({ id: ['a', 'a', 'b', 'b'], time: ['3m', '9m', '3m', '9m'], treated: [1, 1, 0, 0], baseline: [5, 5, 6, 6], y: [4, 3, 6, 5] }, { timeLevels: ['3m', '9m'] });
        throw new Error('expected a failure');
      }),
    ];
    expect(rows.map((r) => r.error)).toEqual([
      'every patient has the same value in both arms, so the difference has no standard error',
      "covariate 'country' has only one level ('DK') among the patients analysed; drop it from the model",
      'control arm: the number of patients must be a whole number of at least 1, got 0',
      'MMRM: 4 observations are too few for 6 fixed effects and 3 covariance parameters.',
    ]);
    const da = expectDanishCells(rows);
    expect(da).toEqual([
      'ikke beregnet: alle patienter har samme værdi i begge grupper, så forskellen har ingen standardfejl',
      "ikke beregnet: kovariaten 'country' har kun ét niveau ('DK') blandt de analyserede patienter; udelad den af modellen",
      'ikke beregnet: kontrolgruppen: antallet af patienter skal være et helt tal på mindst 1, men er 0',
      'ikke beregnet: MMRM: 4 observationer er for få til 6 faste effekter og 3 kovariansparametre.',
    ]);
  });

  it("MMRM's non-convergence: each reason the optimiser gives", () => {
    const msg = (reason: string) =>
      `MMRM: REML did not converge after 7 iterations: ${reason}. An unstructured covariance needs 6 parameters; with 1586 patients and 3000 observations it may not be estimable (nlme::gls fails on such data too). Fewer visits or more patients are needed.`;
    const reasons = ['the iteration limit (200) was reached', 'the average-information matrix became singular', 'no step increased the REML log-likelihood (Σ is probably near singular, on the boundary)'];
    const rows = reasons.map((reason) => rowOf('mmrm', () => {
      throw analysisFailed(msg(reason));
    }));
    const da = expectDanishCells(rows);
    expect(da[0]).toMatch(/^ikke beregnet: MMRM: REML konvergerede ikke efter 7 iterationer: grænsen på 200 iterationer blev nået\. .* med 1\.586 patienter og 3\.000 observationer /);
    expect(new Set(da).size).toBe(3);
  });

  it('an unknown reason: a Danish lead and the English marked as English; the English page as the analysis worded it', () => {
    const r = rowOf('ancova', () => {
      throw analysisFailed('a reason nobody translated');
    });
    expect(verdicts([r])).toEqual({ en: ['not computed: a reason nobody translated'], da: ['ikke beregnet (på engelsk: a reason nobody translated)'] });
  });

  it('the sensitivity table and the summary of findings word it the same way', () => {
    const r = rowOf('mmrm', () => {
      mmrm({ id: ['a', 'a', 'b', 'b'], time: ['3m', '9m', '3m', '9m'], treated: [1, 1, 0, 0], baseline: [5, 5, 6, 6], y: [4, 3, 6, 5] }, { timeLevels: ['3m', '9m'] });
      throw new Error('expected a failure');
    });
    const danish = 'ikke beregnet: MMRM: 4 observationer er for få til 6 faste effekter og 3 kovariansparametre.';
    const sensitivityCell = (lang: 'en' | 'da') => sensitivityTable({ outcome: 'pain', time: '3m', rows: [r], tippingPoint: null }, lang, 2).rows[0]!.at(-1);
    expect(sensitivityCell('da')).toBe(danish);
    expect(sensitivityCell('en')).toBe(`not computed: ${r.error}`);
    const ctx = (lang: 'en' | 'da') => ({ lang, unitOf: () => 'points', decimalsOf: () => 2 });
    expect(sofEffectText(r, ctx('da'))).toBe(danish);
    expect(sofEffectText(r, ctx('en'))).toBe(`not computed: ${r.error}`);
  });
});
