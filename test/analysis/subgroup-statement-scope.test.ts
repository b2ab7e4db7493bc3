/**
 * A test for interaction run on the few levels with enough patients is a test between those
 * levels, not of the subgroup (docs/subgroups.md#too-few-patients-in-a-level): "the effect may
 * differ by clinic (p = 0.041)" came from 2 of 24 clinics, 29 of 170 patients. The statement names
 * what was tested, and withholds "may differ" when most patients are in levels left out.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText, readCsvFile } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';

/**
 * Two clinics of 6 + 6 patients, the app helping in Nord only, and 10 clinics of 2 + 2 patients:
 * 24 of 64 patients in the levels that can be tested (at least 5 per arm).
 */
function clinicExport(): string {
  const lines = ['id,arm,time,klinik,pain'];
  let k = 0;
  const add = (clinic: string, arm: 'app' | 'usual', gain: number) => {
    k++;
    const base = 6 + (k % 3);
    lines.push(`P${k},${arm},baseline,${clinic},${base}`, `P${k},${arm},3m,${clinic},${base - gain - (Math.floor(k / 3) % 3)}`);
  };
  for (let j = 0; j < 6; j++) add('Nord', 'app', 4), add('Nord', 'usual', 0), add('Syd', 'app', 0), add('Syd', 'usual', 0);
  for (let c = 1; c <= 10; c++) for (let j = 0; j < 2; j++) add(`Lille ${c}`, 'app', 1), add(`Lille ${c}`, 'usual', 0);
  return lines.join('\n') + '\n';
}

const statementOf = (minPerArm?: number) => {
  const plan = parsePlan({
    arms: { intervention: 'app', control: 'usual' },
    timepoints: ['3m'],
    outcomes: [{ key: 'pain', instrument: 'nrs', mcid: 2 }],
    methods: ['ancova'],
    missing: { sensitivity: false },
    subgroups: [{ column: 'klinik', label: { en: 'clinic', da: 'klinik' }, prespecified: false, ...(minPerArm === undefined ? {} : { minPerArm }) }],
  });
  const result = analyzeTrial(loadTrial(parseCsvText(clinicExport(), 'trial.csv'), plan), { version: 'test' });
  const g = result.subgroups!.find((s) => s.outcome === 'pain')!;
  return { g, statement: g.credibility.statement };
};

describe('an interaction found between 2 of 12 clinics, most patients left out', () => {
  it('names the levels and patients tested and draws no conclusion about clinic', () => {
    const { g, statement } = statementOf();
    expect(g.interaction.levelsTested).toEqual(['Nord', 'Syd']);
    expect(g.interaction.pValue!).toBeLessThan(0.05);
    expect(statement.en).toMatch(/^The interaction test between the 2 of 12 levels of clinic that could be tested \(24 of 64 patients\) gave p [=<] [\d.]+, but most patients are in levels left out: no conclusion about whether the effect differs by clinic; weigh its credibility: not prespecified, the only subgroup test in this run\. Left out of the test/);
    expect(statement.en).not.toMatch(/may differ/);
    expect(statement.da).toMatch(/^Interaktionstesten mellem de 2 af 12 niveauer af klinik, der kunne testes \(24 af 64 patienter\), gav p [=<] [\d,]+, men de fleste patienter er i udeladte niveauer: ingen konklusion om, hvorvidt effekten er forskellig efter klinik;/);
    expect(statement.da).not.toMatch(/kan være forskellig/);
  });

  it('names the scope when a few levels are left out and most patients tested (1 of 4 settings, 11 of 86 patients)', () => {
    const base = JSON.parse(readFileSync('test/fixtures/subgroups/plan.json', 'utf8'));
    const { population: _, ...rest } = base;
    const plan = parsePlan({ ...rest, subgroups: [{ ...base.subgroups[0], minPerArm: 7 }] });
    const g = analyzeTrial(loadTrial(readCsvFile('test/fixtures/subgroups/trial.csv'), plan), { version: 'test' }).subgroups!.find((s) => s.outcome === 'pain')!;
    expect(g.credibility.statement.en).toMatch(/ \(interaction p [=<] [\d.]+, between the 3 of 4 levels tested: 75 of 86 patients\)[.;]/);
    expect(g.credibility.statement.da).toMatch(/ \(interaktion p [=<] [\d,]+, mellem de 3 af 4 niveauer i testen: 75 af 86 patienter\)[.;]/);
  });

  it('says "may differ" with every level tested (no scope to name)', () => {
    const { g, statement } = statementOf(2);
    expect(g.interaction.levelsTooFew).toBeUndefined();
    expect(g.interaction.pValue!).toBeLessThan(0.05);
    expect(statement.en).toMatch(/^The effect may differ by clinic \(interaction p [=<] [\d.]+\); /);
  });
});
