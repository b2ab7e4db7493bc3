/**
 * A register outcome derived by a left join that leaves a person without a redemption empty, not
 * 0: every patient with a value is "yes". The crude and adjusted differences are then 0 with an
 * SE of rounding noise (1.1e-17), which was published as "0.0 pp (0.0 to 0.0), no clinically
 * relevant difference" with p = 4e-98 (docs/observational.md, "The export").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { analyzeObservational } from '../../src/observational/analyze-observational.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { observationalWarningLines } from '../../src/cli/analyze-observational.js';
import { completeRegistryRows, registryCsv } from '../support/registry-rows.js';

/** The bundled registry with a Ja/Nej redemption outcome at 3 months; `value(i)` its cell ('' = empty). */
function run(value: (i: number) => string, observational: Record<string, unknown> = { baselineAsConfounder: false }, patients = 400, edit: (d: ReturnType<typeof completeRegistryRows>) => void = () => {}) {
  const d = completeRegistryRows(patients);
  edit(d);
  d.names.push('opioid_3m');
  d.rows.forEach((r, i) => { r.opioid_3m = value(i); });
  const json = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')) as Record<string, unknown> & { outcomes: unknown[]; observational: Record<string, unknown> };
  json.outcomes.push({ key: 'opioid', instrument: 'binary', answers: { Ja: 1, Nej: 0 }, direction: 'lower-is-better', mcid: 0.05, label: { en: 'Any opioid redemption', da: 'Mindst én opioidindløsning' } });
  Object.assign(json.observational, observational);
  delete json.responders;
  const trial = loadTrial(parseCsvText(registryCsv(d), 'registry.csv'), parsePlan(json));
  const result = analyzeObservational(trial, { version: 'test' });
  return Object.assign(result, { stderr: (lang: 'en' | 'da') => observationalWarningLines(result, trial, lang) });
}

describe('a yes/no outcome that is "yes" for every patient with a value', () => {
  it('is not analysed: an SE of rounding noise is no SE, in every row (no 0.0 pp verdict, no p-value)', () => {
    // Every second or third patient redeemed; the others were left empty by the join. Whether the
    // fit's SE comes out as exactly 0 or as 1e-17 depends on the group sizes: several registries.
    for (const patients of [300, 400, 500, 700]) {
      for (const every of [2, 3]) {
        const result = run((i) => (i % every === 0 ? 'Ja' : ''), { baselineAsConfounder: false }, patients);
        const a = result.analyses.find((x) => x.outcome === 'opioid')!;
        expect(a.effects, `${patients} patients, every ${every}`).toEqual([]);
        expect(a.error).toBe('the crude estimate has no standard error (the outcome does not vary enough)');
      }
    }
  });
});

describe('what the export\'s values of an outcome say, warned of beside the refusal', () => {
  it('all "yes": the trial side\'s single-answer warning, with the register hint (0, not empty), in results.json, both languages and stderr', () => {
    const result = run((i) => (i % 3 === 0 ? 'Ja' : ''));
    const a = result.analyses.find((x) => x.outcome === 'opioid')!;
    expect(a.singleAnswer).toBe('yes');
    const i = result.warningTexts!.findIndex((w) => w.outcome === 'opioid' && w.kind === 'single-answer');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(result.warnings[i]).toMatch(/^opioid at 3m: every patient with a value is "yes" \(has the event\), in both groups, .*empty instead of 0 gives this: write 0 for everyone without the event$/);
    expect(result.warningTexts![i]!.text.da).toMatch(/^Mindst én opioidindløsning, 3 måneder: alle patienter med en værdi står som "ja" \(har hændelsen\), i begge grupper/);
    expect(result.stderr('en').filter((l) => l.includes('is "yes"'))).toHaveLength(1);
    expect(result.stderr('da').filter((l) => l.startsWith('advarsel: Mindst én opioidindløsning, 3 måneder: alle patienter med en værdi står som "ja"'))).toHaveLength(1);
  });

  it('"yes" and "no" both present: no single-answer warning', () => {
    const result = run((i) => (i % 3 === 0 ? 'Ja' : 'Nej'));
    const a = result.analyses.find((x) => x.outcome === 'opioid')!;
    expect(a.singleAnswer).toBeUndefined();
    expect(a.error).toBeUndefined();
    expect(result.warningTexts!.some((w) => w.kind === 'single-answer' || w.kind === 'outcome-missing')).toBe(false);
  });

  it('an outcome missing for most of the export: the share and the published counts, on stderr and in results.json; none for a few missing', () => {
    // RMDQ at 3 months left empty for 4 patients in 5 (a count outcome derived without zeros looks so).
    // With the baseline a confounder every outcome needs its baseline column (outcome-baselines.ts): the opioid one too.
    const opioidBaseline = (d: ReturnType<typeof completeRegistryRows>) => {
      d.names.push('opioid_baseline');
      d.rows.forEach((r, i) => { r.opioid_baseline = i % 4 === 0 ? 'Ja' : 'Nej'; });
    };
    const most = run((i) => (i % 3 === 0 ? 'Ja' : 'Nej'), { baselineAsConfounder: true }, 400, (d) => { opioidBaseline(d); d.rows.forEach((r, i) => { if (i % 5 !== 0) r.rmdq_3m = ''; }); });
    const lines = most.warnings.filter((w) => w.startsWith('rmdq at 3m: ') && w.includes('of the patients in the export'));
    expect(lines).toEqual(['rmdq at 3m: 80% of the patients in the export (320 of 400) have no value of this outcome at baseline or at the time and are not analysed — in register data a person without an event must be 0, not empty; if the values are really missing (death, emigration), the result is about the others only']);
    expect(most.stderr('da').filter((l) => l.includes('80 % af patienterne i eksporten (320 af 400) har ingen værdi af effektmålet ved baseline eller på tidspunktet'))).toHaveLength(1);
    // The RMDQ is still analysed on the 80 left: a warning, not a refusal.
    expect(most.analyses.find((x) => x.outcome === 'rmdq')!.error).toBeUndefined();
    const few = run((i) => (i % 3 === 0 ? 'Ja' : 'Nej'), { baselineAsConfounder: true }, 400, (d) => { opioidBaseline(d); d.rows.forEach((r, i) => { if (i % 5 === 0) r.rmdq_3m = ''; }); });
    expect(few.warningTexts!.some((w) => w.outcome === 'rmdq' && w.kind === 'outcome-missing')).toBe(false);
  });
});

describe('an all-"yes" baseline of the outcome, a confounder by "baselineAsConfounder"', () => {
  it('is named as the constant confounder (not "a confounder is constant"), with why and what to do, in English and Danish', () => {
    // The baseline from the same join: "Ja" for those who redeemed in the year before, empty for the others.
    const result = run((i) => (i % 3 === 0 ? 'Ja' : ''), { baselineAsConfounder: true }, 400, (d) => {
      d.names.push('opioid_baseline');
      d.rows.forEach((r, i) => { r.opioid_baseline = i % 2 === 0 ? 'Ja' : ''; });
    });
    const a = result.analyses.find((x) => x.outcome === 'opioid')!;
    expect(a.error).toBe('the propensity model is singular: the outcome\'s baseline value, which "baselineAsConfounder" adds as a confounder, is 1 for every patient analysed — a constant adjusts for nothing; if people without an event were left empty instead of 0, write 0 for them, else set "baselineAsConfounder": false');
    const i = result.warningTexts!.findIndex((w) => w.outcome === 'opioid' && w.kind === 'not-analysed');
    expect(result.warningTexts![i]!.text.da).toBe('Mindst én opioidindløsning, 3 måneder: ikke analyseret: modellen for tilbøjelighedsscoren er singulær: effektmålets baselineværdi, som "baselineAsConfounder" tilføjer som forstyrrende faktor, er 1 for alle analyserede patienter — en konstant justerer ikke for noget; står personer uden hændelse tomme i stedet for 0, så skriv 0 for dem, ellers sæt "baselineAsConfounder": false');
  });
});
