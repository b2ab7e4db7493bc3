/**
 * Plan values that name no value of the export (src/trial/plan-values-check.ts,
 * docs/subgroups.md "Values that match nothing"): a target-population criterion's value, a
 * subgroup level or a margin's share key. Before, a criterion typo ("Almen lægepraksis" for the
 * export's "Almen praksis") gave "too small to analyse: 0 patients" and a conclusion saying so; a
 * level typo dropped the level from the interaction test without a word; margin keys failed the
 * transported effect once per outcome × time. Now each is a plan error (exit 2) at its line.
 */
import { errorOf } from '../support/error-of.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlanFile } from '../../src/plan/load-plan.js';
import { checkPlanValues, planValueProblems } from '../../src/trial/plan-values-check.js';
import type { TrialPatient } from '../../src/trial/trial-data.js';
import { loadTrialInputs } from '../../src/cli/load-inputs.js';

const base = JSON.parse(readFileSync('data/plans/selfback.plan.json', 'utf8')) as Record<string, any>;
const dir = mkdtempSync(join(tmpdir(), 'hta-plan-values-'));

/** The bundled plan edited by `edit`, written pretty-printed so its values have lines of their own. */
function planFile(name: string, edit: (p: Record<string, any>) => void): string {
  const p = structuredClone(base);
  edit(p);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(p, null, 2));
  return file;
}

const lineOf = (file: string, text: string) => readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;

/** Patients of both arms with the given attribute values (the check reads only arm and attributes). */
function patients(rows: Record<string, string | number | null>[]): TrialPatient[] {
  return rows.map((attributes, i) => ({ id: `P${i}`, arm: i % 2 ? 'control' : 'intervention', covariates: {}, attributes }));
}

const thrown = errorOf;

const recruited = ['Fysioterapeut', 'Kiropraktor', 'Rygklinik', 'Almen praksis', 'Andet - Facebook'].map((r, i) => ({ recruited_by: r, age: 30 + 10 * i, symptom_weeks: 8, sex: i % 2 ? 'M' : 'F' }));

describe('a target-population criterion value the export does not hold', () => {
  const file = planFile('crit.json', (p) => {
    p.subgroups = [];
    p.population.criteria[2].values = ['Almen lægepraksis'];
  });
  const plan = loadPlanFile(file);

  it('is a plan error at the value\'s line, naming the values the column holds and the compound it was meant as', () => {
    const err = thrown(() => checkPlanValues({ plan, patients: patients(recruited) }, file));
    expect(err.code).toBe('plan.invalid');
    expect(err.exitCode).toBe(2);
    expect(err.problems).toHaveLength(1);
    const p = err.problems[0]!;
    expect(p).toMatchObject({ field: 'population.criteria.2.values.0', value: 'Almen lægepraksis', line: lineOf(file, '"Almen lægepraksis"'), hint: 'did you mean "Almen praksis"?' });
    expect(p.expected).toContain('column "recruited_by" holds "Fysioterapeut", "Kiropraktor", "Rygklinik", "Almen praksis", "Andet - Facebook"');
  });

  it('a value in another case or Unicode form names the export\'s value: no problem', () => {
    const ok = loadPlanFile(planFile('crit-case.json', (p) => {
      p.subgroups = [];
      p.population.criteria[2].values = ['almen PRAKSIS'.normalize('NFD')];
      delete p.population.margins;
    }));
    expect(planValueProblems({ plan: ok, patients: patients(recruited) })).toEqual([]);
  });

  it('"==" is checked too; a near miss within two edits is suggested', () => {
    const eq = loadPlanFile(planFile('crit-eq.json', (p) => {
      p.subgroups = [];
      p.population.criteria[2] = { column: 'recruited_by', op: '==', value: 'Rygklink', label: { en: 'spine clinic' } };
    }));
    expect(planValueProblems({ plan: eq, patients: patients(recruited) })).toMatchObject([{ field: 'population.criteria.2.value', hint: 'did you mean "Rygklinik"?' }]);
  });

  it('a prespecified category that recruited nobody, beside values that match and with no near miss, is kept; a list matching nothing is refused', () => {
    const kept = loadPlanFile(planFile('crit-absent.json', (p) => {
      p.subgroups = [];
      p.population.criteria[2].values = ['Almen praksis', 'Lægevagt'];
      delete p.population.margins;
    }));
    expect(planValueProblems({ plan: kept, patients: patients(recruited) })).toEqual([]);
    const none = loadPlanFile(planFile('crit-none.json', (p) => {
      p.subgroups = [];
      p.population.criteria[2].values = ['Lægevagt', 'Vagtlæge'];
      delete p.population.margins;
    }));
    expect(planValueProblems({ plan: none, patients: patients(recruited) }).map((x) => x.value)).toEqual(['Lægevagt', 'Vagtlæge']);
    // A subgroup level alike: one absent level beside matching ones is kept.
    const level = loadPlanFile(planFile('level-absent.json', (p) => {
      delete p.population;
      p.subgroups[0].levels = ['Fysioterapeut', 'Kiropraktor', 'Rygklinik', 'Almen praksis', 'Lægevagt'];
      p.subgroups[0].levelLabels = {};
    }));
    expect(planValueProblems({ plan: level, patients: patients(recruited) })).toEqual([]);
  });

  it('through the loader the CLI commands share (validate, analyze; report checks the same way): refused', () => {
    const bundled = planFile('crit-bundled.json', (p) => {
      p.population.criteria[2].values = ['gp practice'];
    });
    const err = thrown(() => loadTrialInputs('data/synthetic/selfback-trial.csv', bundled, { need: 'rows' }));
    expect(err.code).toBe('plan.invalid');
    expect(err.problems[0]).toMatchObject({ field: 'population.criteria.2.values.0', value: 'gp practice' });
    expect(err.problems[0]!.expected).toMatch(/column "recruited_by" holds .*"gp"/);
  });
});

describe('a subgroup level the export does not hold', () => {
  const file = planFile('level.json', (p) => {
    delete p.population;
    p.subgroups[0].levels = ['Fysioterapeut', 'Kiropraktor', 'Rygklinik', 'Almen lægepraksis'];
    p.subgroups[0].levelLabels = {};
  });
  const plan = loadPlanFile(file);

  it('is a plan error at the level\'s line (its patients were "another value" and the interaction lost a level)', () => {
    const err = thrown(() => checkPlanValues({ plan, patients: patients(recruited) }, file));
    expect(err.problems).toMatchObject([{ field: 'subgroups.0.levels.3', value: 'Almen lægepraksis', line: lineOf(file, '"Almen lægepraksis"'), hint: 'did you mean "Almen praksis"?' }]);
  });

  it('lists at most 12 values of a free-text column, and says how many more', () => {
    const many = patients(Array.from({ length: 20 }, (_, i) => ({ recruited_by: `Andet ${i}` })));
    const [p] = planValueProblems({ plan, patients: many });
    expect(p!.expected).toContain('"Andet 11" and 8 more');
  });
});

describe('target margins against the export', () => {
  it('share keys no value has (Danish words for the export\'s codes): one problem per key, not a warning per outcome × time', () => {
    const plan = loadPlanFile(planFile('mdanish.json', (p) => {
      p.subgroups = [];
      p.population.criteria = [p.population.criteria[0]];
      p.population.margins[0].shares = { Kvinde: 0.6, Mand: 0.4 };
    }));
    const problems = planValueProblems({ plan, patients: patients(recruited) });
    expect(problems.map((p) => p.field)).toEqual(['population.margins.0.shares.Kvinde', 'population.margins.0.shares.Mand']);
    expect(problems[0]!.expected).toContain('column "sex" holds "F", "M"');
  });

  it('a value of the column with no share', () => {
    const plan = loadPlanFile(planFile('muncovered.json', (p) => {
      p.subgroups = [];
      p.population.criteria = [p.population.criteria[0]];
      p.population.margins[0].shares = { F: 1 };
    }));
    expect(planValueProblems({ plan, patients: patients(recruited) })).toMatchObject([{ field: 'population.margins.0.shares', expected: expect.stringContaining('"M" has none') }]);
  });

  it('a cut level with a share that no randomised patient falls in', () => {
    const plan = loadPlanFile(planFile('mabsent.json', (p) => {
      p.subgroups = [];
      p.population.criteria = [p.population.criteria[0]];
      p.population.margins[1] = { column: 'age', cuts: [18, 40, 60], shares: { '<18': 0.05, '18–<40': 0.3, '40–<60': 0.4, '≥60': 0.25 } };
    }));
    expect(planValueProblems({ plan, patients: patients(recruited) })).toMatchObject([{ field: 'population.margins.1.shares.<18', expected: expect.stringContaining('no randomised patient has "age" <18 (its share is 0.05)') }]);
  });
});

describe('a subgroup by baseline severity on a questionnaire scored from items', () => {
  it('says the outcome key is not an export column and how to get its baseline score as a column (hta score)', () => {
    const file = planFile('rmdq.json', (p) => {
      delete p.population;
      p.subgroups = [{ column: 'rmdq', label: { en: 'baseline disability' }, cuts: [8, 14], prespecified: true }];
    });
    const err = thrown(() => loadTrialInputs('data/synthetic/selfback-trial.csv', file, { need: 'rows' }));
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]!.expected).toContain('a column "rmdq" named by the plan\'s "subgroups" or "population": "rmdq" is the key of one of the plan\'s outcomes, not a column of the export — to split by its baseline score, add the scores as columns with `hta score <export> --plan <plan> --out scored.csv`');
  });
});
