/**
 * A count of one reads in the singular on the page, in English and Danish (src/report/count-words.ts
 * `countNoun`): the subgroup section's ICEMAN credibility line of a run with one test for
 * interaction ("1 subgroup test in this run", "én subgruppetest i denne analyse" — it said "1
 * subgroup tests"), and the responders' note on one patient with a baseline of 0 (it said "1
 * patients … they count as non-responders").
 * The Danish count of tests is one style in the ICEMAN line and the statement under the same forest
 * ("to subgruppetests i denne analyse", "én af to subgruppetests": it said "én af 2"), and the
 * small-counts note and the uptake page's count cells agree with a count of one ("1 of the 3 levels
 * shows", "1 of 40 count cells is suppressed").
 */
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import type { EffectRow } from '../../src/analysis/results-schema.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { defaultArmNames } from '../../src/report/arm-names.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { subgroupReport } from '../../src/report/sections/subgroups.js';
import { uptakeTables } from '../../src/report/uptake-tables.js';
import { bundledAnalysis } from './charts/uptake-chart-support.js';
import { zeroBaselineNotes } from '../../src/report/zero-baseline-note.js';
import { loadTrial } from '../../src/trial/load-trial.js';

/** Two clinics of 8 + 8 patients, pain at baseline and 3 months: one subgroup, one outcome, one visit — one test. */
function clinicExport(): string {
  const lines = ['id,arm,time,klinik,pain'];
  let k = 0;
  for (const clinic of ['Nord', 'Syd'])
    for (let j = 0; j < 8; j++)
      for (const arm of ['app', 'usual']) {
        k++;
        const base = 5 + (k % 4);
        lines.push(`P${k},${arm},baseline,${clinic},${base}`, `P${k},${arm},3m,${clinic},${base - (arm === 'app' ? 2 : 0) - (k % 3)}`);
      }
  return lines.join('\n') + '\n';
}

/** Every English noun a count of 1 must not be followed by in the plural; the Danish likewise. */
const ONE_PLURAL = { en: /\b1 (subgroup tests|patients|tests|levels|clinics)\b/, da: /(\b1|én|ét|et) (subgruppetests|patienter|niveauer|klinikker)\b/ } as const;

describe('a count of one in the singular', () => {
  const plan = parsePlan({
    arms: { intervention: 'app', control: 'usual' },
    timepoints: ['3m'],
    outcomes: [{ key: 'pain', instrument: 'nrs', mcid: 2 }],
    methods: ['ancova'],
    missing: { sensitivity: false },
    subgroups: [{ column: 'klinik', label: { en: 'clinic', da: 'klinik' }, prespecified: false }],
  });
  const trial = loadTrial(parseCsvText(clinicExport(), 'trial.csv'), plan);
  const result = analyzeTrial(trial, { version: 'test' });

  it.each([
    ['en', 'Credibility (ICEMAN): not prespecified; 1 subgroup test in this run; no direction predicted.'],
    ['da', 'Troværdighed (ICEMAN): ikke forhåndsspecificeret; én subgruppetest i denne analyse; ingen retning forudsagt.'],
  ] as const)('the ICEMAN line of a run with one test for interaction (%s)', (lang, line) => {
    expect(result.subgroups!.map((g) => g.credibility.subgroupTestsInRun)).toEqual([1]);
    const { sections } = subgroupReport(result, plan, trialChartContext(trial, lang), () => undefined);
    const text = JSON.stringify(sections);
    expect(text).toContain(line);
    expect(text).not.toMatch(ONE_PLURAL[lang]);
  });

  it.each([
    ['en', 'r30 at 3 months: 1 patient (1 app, 0 usual care) had a baseline of 0; under a percent rule the patient cannot improve by a share of it and counts as a non-responder, staying in the denominator.'],
    ['da', 'r30 efter 3 måneder: 1 patient (1 app, 0 vanlig behandling) havde 0 ved baseline; med en regel i procent kan patienten ikke forbedres med en andel af det, så patienten tælles uden klinisk relevant forbedring og indgår i nævneren.'],
  ] as const)('the responders\' note on one patient with a baseline of 0 (%s)', (lang, note) => {
    const row = { outcome: 'r30', time: '3m', atZeroBaseline: { intervention: 1, control: 0 } } as unknown as EffectRow;
    const notes = zeroBaselineNotes([row], lang, defaultArmNames(lang), (k) => k);
    expect(notes).toEqual([note]);
    expect(notes[0]).not.toMatch(ONE_PLURAL[lang]);
  });
});

/**
 * Clinics Nord and Syd of 8 + 8 patients, the app helping in Nord only (a strong interaction), and
 * Vest with 2 + 2 (fewer than 5 in an arm: left out of the test); pain and sleep at baseline and 3
 * months — two tests for interaction in the run.
 */
function interactionExport(): string {
  const lines = ['id,arm,time,klinik,pain,sleep'];
  let k = 0;
  for (const [clinic, n] of [['Nord', 8], ['Syd', 8], ['Vest', 2]] as const)
    for (let j = 0; j < n; j++)
      for (const arm of ['app', 'usual']) {
        k++;
        const base = 5 + (k % 4);
        const gain = arm === 'app' && clinic === 'Nord' ? 4 : 0;
        lines.push(`P${k},${arm},baseline,${clinic},${base},${base}`, `P${k},${arm},3m,${clinic},${base - gain - (k % 3)},${base - gain - ((k + 1) % 3)}`);
      }
  return lines.join('\n') + '\n';
}

describe('counts said one way in Danish, and agreeing with one in English', () => {
  const plan = parsePlan({
    arms: { intervention: 'app', control: 'usual' },
    timepoints: ['3m'],
    outcomes: [{ key: 'pain', instrument: 'nrs', mcid: 2 }, { key: 'sleep', instrument: 'nrs', mcid: 2 }],
    methods: ['ancova'],
    missing: { sensitivity: false },
    subgroups: [{ column: 'klinik', label: { en: 'clinic', da: 'klinik' }, prespecified: false }],
  });
  const trial = loadTrial(parseCsvText(interactionExport(), 'trial.csv'), plan);
  const result = analyzeTrial(trial, { version: 'test' });
  const notes = (lang: 'en' | 'da') => subgroupReport(result, plan, trialChartContext(trial, lang), () => undefined).sections.flatMap((s) => (s as { notes?: string[] }).notes ?? []);

  it('the ICEMAN line and the statement under one forest count the tests alike: "to subgruppetests", "én af to subgruppetests"', () => {
    expect(result.subgroups!.map((g) => g.credibility.subgroupTestsInRun)).toEqual([2, 2]);
    const da = notes('da');
    expect(da).toContain('Troværdighed (ICEMAN): ikke forhåndsspecificeret; to subgruppetests i denne analyse; ingen retning forudsagt.');
    const statements = da.filter((n) => n.includes('vurdér troværdigheden'));
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) {
      expect(s).toContain('én af to subgruppetests i denne analyse');
      expect(s).not.toMatch(/af \d+ subgruppetests/);
    }
    // English keeps its digits: "one of 2 subgroup tests".
    expect(notes('en').filter((n) => n.includes('weigh its credibility')).every((n) => n.includes('one of 2 subgroup tests in this run'))).toBe(true);
  });

  it.each([
    ['en', 'The counts are printed as they are, not suppressed: 1 of the 3 levels shows fewer than 5 patients in an arm'],
    ['da', 'Antallene vises, som de er, ikke diskretioneret: ét af de tre niveauer har færre end 5 patienter i en gruppe'],
  ] as const)('one level of three with fewer than 5 patients in an arm (%s)', (lang, note) => {
    expect(notes(lang).filter((n) => n.startsWith(note.slice(0, 40)))).toEqual([expect.stringContaining(note)]);
  });

  it.each([
    ['en', 1, '1 of 40 count cells is suppressed.'],
    ['en', 2, '2 of 40 count cells are suppressed.'],
    ['da', 1, '1 af 40 antalsceller er diskretioneret.'],
  ] as const)('the uptake page\'s disclosure note with %s suppressed cell(s) (%s)', async (lang, n, sentence) => {
    const a = await bundledAnalysis();
    const preamble = uptakeTables({ ...a, suppression: { ...a.suppression, suppressedCells: n, countCells: 40 } }, lang).preamble.join(' ');
    expect(preamble).toContain(sentence);
  });
});
