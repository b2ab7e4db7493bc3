// Session 16's knee-osteoarthritis / neck-pain exports (test/fixtures/exports/plan-init-s16/README.md):
// scales plan init must not read as pain by the word in their name, and common names it must read
// (docs/plan-trial.md "Scales plan init knows by name").
import { describe, expect, it } from 'vitest';
import { parseCsvText, readCsvFile } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';

const DIR = 'test/fixtures/exports/plan-init-s16/';
type Outcome = { key: string; instrument: string; column?: string };
const outcomesOf = (d: ReturnType<typeof draftPlan>) => (d.plan.outcomes as Outcome[]) ?? [];

/** A long export with one outcome column `name` of 0–100 values, and an NRS beside it. */
function withColumn(name: string): ReturnType<typeof draftPlan> {
  const rows = [`id,gruppe,tid,${name},nrs`];
  for (let p = 1; p <= 8; p++) for (const [k, t] of ['baseline', '3m'].entries()) rows.push(`${p},${p % 2 ? 'App' : 'Kontrol'},${t},${(p * 11 + k * 7) % 90 + 5},${(p + k) % 10}`);
  return draftPlan(parseCsvText(rows.join('\n'), 'e.csv'), 'plan.schema.json');
}

describe('KOOS (0–100, higher is better) is never drafted as pain on a VAS', () => {
  it('KOOSPAIN of a SAS file with a bare TRT arm column: left out with higher-is-better, no pain instrument, no Ostelo MCID', () => {
    const d = draftPlan(readCsvFile(`${DIR}sas-trt.csv`), 'plan.schema.json');
    expect(d.undecided).toEqual([]);
    expect(outcomesOf(d).map((o) => o.instrument)).toEqual(['nrs']);
    expect(d.plan.instruments).toBeUndefined();
    const checks = d.checks.join('\n');
    expect(checks).toContain('"KOOSPAIN" is not among the drafted outcomes: KOOS pain is a knee score of 0–100 where higher is better');
    expect(checks).toContain('"koos_pain": { "label": { "en": "KOOS pain (0–100)" }, "range": [0, 100], "direction": "higher-is-better" }');
    expect(checks).not.toMatch(/KOOSPAIN.*(lower-is-better|Ostelo)/);
    // Three arms: the comparator (usual care) is the control, the third arm not compared (draft-three-arms.test.ts).
    expect(d.guesses).toContain('arm column "TRT": "EXERCISE" = intervention, "USUAL CARE" = control');
  });
  it.each(['KOOS_smerte', 'koos_pain', 'KOOS smerte', 'KOOS_ADL', 'koos_qol', 'KOOS4', 'koos', 'HOOS_smerte'])('%s: not drafted, its direction higher-is-better', (name) => {
    const d = withColumn(name);
    expect(outcomesOf(d).map((o) => o.column ?? o.key)).toEqual(['nrs']);
    const check = d.checks.find((c) => c.startsWith(`"${name}" is not among the drafted outcomes`));
    expect(check).toContain('"direction": "higher-is-better"');
    expect(d.guesses.join('\n')).not.toMatch(/not used:.*koos/i);
  });
  it('other instruments whose name holds pain or whose direction varies get no guessed direction', () => {
    for (const [name, direction] of [['WOMAC_pain', undefined], ['sf36_bodily_pain', 'higher-is-better'], ['ndi', 'lower-is-better'], ['psfs', 'higher-is-better'], ['smertelindring', undefined], ['gpe', undefined]] as const) {
      const d = withColumn(name);
      expect(outcomesOf(d).map((o) => o.column ?? o.key), name).toEqual(['nrs']);
      const check = d.checks.find((c) => c.startsWith(`"${name}" is not among the drafted outcomes`))!;
      expect(check, name).toBeDefined();
      if (direction) expect(check, name).toContain(`"direction": "${direction}"`);
      else expect(check, name).not.toMatch(/"direction": "(lower|higher)-is-better"/);
    }
  });
  it('pain named as pain is still drafted as pain (0–100: the VAS instrument; 0–10: NRS)', () => {
    expect(outcomesOf(withColumn('smerte_vas')).map((o) => o.instrument)).toEqual(['vas_0_100', 'nrs']);
  });
});

describe('common names read', () => {
  it('a wide SPSS export with `_bas` baselines: KOOS_smerte_bas is the baseline of KOOS_smerte, not an outcome of its own', () => {
    const d = draftPlan(readCsvFile(`${DIR}spss-wide-bas.csv`), 'plan.schema.json');
    expect(d.undecided).toEqual([]);
    expect(d.plan.timeLabels).toMatchObject({ bas: 'baseline' });
    expect(outcomesOf(d).map((o) => o.key)).toEqual(['nrs', 'eq5d']);
  });
  it('`EQ-5D indeks` is the EQ-5D index; TRT, ARM, ARMCD are the arm', () => {
    const d = draftPlan(readCsvFile(`${DIR}excel-eq5d-indeks.csv`), 'plan.schema.json');
    expect(outcomesOf(d).find((o) => o.key === 'eq5d')).toMatchObject({ instrument: 'eq5d5l', column: 'EQ-5D indeks' });
    for (const name of ['EQ5D_indeks', 'eq-5d index']) expect(outcomesOf(withColumn(name)).find((o) => o.key === 'eq5d')?.column, name).toBe(name);
    for (const arm of ['TRT', 'ARM', 'ARMCD']) {
      const d2 = draftPlan(parseCsvText(`id,${arm},tid,nrs\n1,A,baseline,3\n1,A,3m,2\n2,B,baseline,4\n2,B,3m,5\n`, 'a.csv'), 'plan.schema.json');
      expect((d2.plan.columns as Record<string, string>).arm, arm).toBe(arm);
    }
  });
});
