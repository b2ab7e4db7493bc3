/**
 * SAS PROC EXPORT writes a special missing value without its dot (`.A` as `A`). `plan init` drafted
 * it plan-wide, `"missingCodes": ["A"]`, and the plan-wide code then read every patient at site A
 * (or, for `.M`, every man of a SEX column M/F) as missing: they left the ANCOVA without a word.
 * Now the draft writes the letter where it stands (the outcome's own "missingCodes", a numeric
 * covariate's "columnCodes"), and a plan-wide one-letter code that is a category of a column is
 * refused (docs/plan-trial.md "Codes: order and scope"; src/trial/letter-code-levels.ts).
 */
import { describe, expect, it } from 'vitest';
import { formatError, HtaError } from '../../src/errors.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftLineDa } from '../../src/plan/draft-notes-da.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { characteristicsFromExport } from '../../src/trial/baseline-table.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { errorOf } from '../support/error-of.js';

const SITES = ['A', 'B', 'C', 'D'];

/** 40 patients as PROC EXPORT writes them: upper-case names, SEX M/F, SITE A–D, a bare `letter` in some RMDQ and AGE cells. */
function sasExport(letter: string): string {
  const out = ['PATID,ARM,VISIT,SEX,SITE,AGE,RMDQ'];
  for (let p = 1; p <= 40; p++) {
    const arm = p % 2 ? 'App' : 'Usual care';
    const sex = p % 3 ? 'F' : 'M';
    const site = SITES[Math.floor((p - 1) / 10)]!;
    const age = p === 5 ? letter : String(30 + p);
    out.push(`SB${String(p).padStart(4, '0')},${arm},baseline,${sex},${site},${age},${p % 7 === 0 ? letter : (p * 5) % 25}`);
    out.push(`SB${String(p).padStart(4, '0')},${arm},3m,${sex},${site},${age},${p % 6 === 0 ? letter : (p * 3) % 25}`);
  }
  return out.join('\n') + '\n';
}

const plan = (extra: Record<string, unknown>) =>
  parsePlan({
    arms: { intervention: 'App', control: 'Usual care' },
    columns: { id: 'PATID', arm: 'ARM', time: 'VISIT', covariates: { sex: 'SEX', site: 'SITE', age: 'AGE' } },
    timepoints: ['3m'],
    methods: ['ancova'],
    missing: { sensitivity: false },
    covariates: ['sex', 'site', 'age'],
    outcomes: [{ key: 'rmdq', instrument: 'rmdq', column: 'RMDQ' }],
    ...extra,
  });

describe('plan init and a bare SAS letter', () => {
  it.each(['A', 'M'])('drafts %s for the outcome and the numeric covariate, never plan-wide', (letter) => {
    const d = draftPlan(parseCsvText(sasExport(letter), 'sas.csv'), undefined);
    expect(d.plan.missingCodes ?? []).not.toContain(letter);
    const rmdq = (d.plan.outcomes as { key: string; missingCodes?: string[] }[]).find((o) => o.key === 'rmdq')!;
    expect(rmdq.missingCodes).toEqual([letter]);
    expect(d.plan.columnCodes).toEqual({ AGE: { missing: [letter] } });
    const cells = sasExport(letter).split('\n').filter((l) => l.endsWith(`,${letter}`)).length;
    expect(d.guesses.join('\n')).toContain(`SAS special missing value .${letter} written without its dot ("${letter}", ${cells} cells of column "RMDQ", as PROC EXPORT writes it): drafted as outcome "rmdq"'s own "missingCodes", not plan-wide`);
    // In Danish too (plan init --lang da), whole.
    expect(d.guesses.filter((g) => g.startsWith('SAS special')).map(draftLineDa)).toEqual([
      `særlig manglende værdi .${letter} fra SAS skrevet uden punktum ("${letter}", ${cells} celler i kolonnen "RMDQ", som PROC EXPORT skriver den): i udkastet som effektmålets egne "missingCodes" (effektmål "rmdq"), ikke for hele planen — et enkelt bogstav er en værdi i andre kolonner (center "A", køn "M")`,
      `særlig manglende værdi .${letter} fra SAS skrevet uden punktum ("${letter}", 2 celler i kolonnen "AGE", som PROC EXPORT skriver den): i udkastet som "columnCodes": { "AGE": { "missing": ["${letter}"] } }, ikke for hele planen — et enkelt bogstav er en værdi i andre kolonner (center "A", køn "M")`,
    ]);
    // The draft keeps every site and both sexes: no patient leaves for their covariate.
    const trial = loadTrial(parseCsvText(sasExport(letter), 'sas.csv'), plan({ columnCodes: d.plan.columnCodes, outcomes: [{ key: 'rmdq', instrument: 'rmdq', column: 'RMDQ', missingCodes: rmdq.missingCodes }] }));
    expect(trial.patients.filter((p) => p.covariates.site === null || p.covariates.sex === null)).toEqual([]);
    expect(new Set(trial.patients.map((p) => p.covariates.site))).toEqual(new Set(SITES));
    expect(trial.patients.filter((p) => p.covariates.age === null).map((p) => p.id)).toEqual(['SB0005']);
  });
});

describe('a plan-wide one-letter code that is a category', () => {
  it('is refused in the covariate whose level it would empty, with the per-column codes to write', () => {
    const err = errorOf(() => loadTrial(parseCsvText(sasExport('A'), 'sas.csv'), plan({ missingCodes: ['A'] })));
    expect(err).toBeInstanceOf(HtaError);
    expect(err.exitCode).toBe(2);
    const text = formatError(err);
    // Site A's 10 patients, two rows each; the first on line 2.
    expect(text).toContain('sas.csv:2:5 (SITE): "A" — expected a category of covariate "site" ("SITE" holds "A" beside "B", "C", "D"; 20 cells), never a plan-wide missing-value code');
    expect(text).toContain('take "A" out of the plan-wide "missingCodes" and write it where it means missing — the outcome\'s own "missingCodes", or "columnCodes" for a column; if "A" also means missing in "SITE", write "columnCodes": { "SITE": { "missing": ["A"] } }');
    // AGE's "A" among numbers is SAS's .A: no problem there.
    expect(text).not.toContain('(AGE)');
  });

  it('names every man of SEX M/F for .M', () => {
    const text = formatError(errorOf(() => loadTrial(parseCsvText(sasExport('M'), 'sas.csv'), plan({ missingCodes: ['M'] }))));
    // Every third patient is a man (13 of 40), two rows each.
    expect(text).toContain('sas.csv:6:4 (SEX): "M" — expected a category of covariate "sex" ("SEX" holds "M" beside "F"; 26 cells)');
  });

  it('is read as written where the column says so, and among numbers', () => {
    const trial = loadTrial(parseCsvText(sasExport('A'), 'sas.csv'), plan({ missingCodes: ['A'], columnCodes: { SITE: { missing: ['A'] } } }));
    expect(trial.patients.filter((p) => p.covariates.site === null)).toHaveLength(10);
    const numbers = loadTrial(parseCsvText(sasExport('A'), 'sas.csv'), plan({ missingCodes: ['A'], covariates: ['age'], columns: { id: 'PATID', arm: 'ARM', time: 'VISIT', covariates: { age: 'AGE' } } }));
    expect(numbers.patients.find((p) => p.id === 'SB0005')!.covariates.age).toBeNull();
  });

  it('is refused in a Table 1 characteristic the plan does not adjust for', () => {
    const csv = parseCsvText(sasExport('M'), 'sas.csv');
    const p = plan({ missingCodes: ['M'], covariates: ['age'], columns: { id: 'PATID', arm: 'ARM', time: 'VISIT', covariates: { age: 'AGE' } } });
    const trial = loadTrial(csv, p);
    const text = formatError(errorOf(() => characteristicsFromExport(csv, trial, ['SEX'])));
    expect(text).toContain('(SEX): "M" — expected a category of Table 1 characteristic "SEX" ("SEX" holds "M" beside "F"; 26 cells), never a plan-wide missing-value code — the plan\'s "missingCodes" holds "M", and read as missing every patient with "M" would be counted as missing in Table 1');
  });
});

describe('a bare SAS letter in a score column the plan does not declare', () => {
  it('is refused saying what it is and the outcome\'s own code to write', () => {
    const p = plan({ covariates: ['age'], columns: { id: 'PATID', arm: 'ARM', time: 'VISIT', covariates: { age: 'AGE' } }, columnCodes: { AGE: { missing: ['A'] } } });
    const text = formatError(errorOf(() => loadTrial(parseCsvText(sasExport('A'), 'sas.csv'), p)));
    expect(text).toContain('column 7 (RMDQ): "A" — expected a whole number from 0 to 24 (Roland-Morris Disability Questionnaire (24 items)) — "A" is how SAS PROC EXPORT writes the special missing value .A (without its dot): if it means missing, give outcome "rmdq" its own "missingCodes": ["A"] (not the plan-wide "missingCodes": a lone letter is also a value of other columns, such as site "A" or sex "M"; --exclude-invalid would drop the whole row, with its other outcomes)');
  });
});

describe('a visit written as a missing value', () => {
  it('is quoted as written (".", ".A"), not as ""', () => {
    const lines = sasExport('A').split('\n');
    lines[2] = lines[2]!.replace(',3m,', ',.A,');
    lines[4] = lines[4]!.replace(',3m,', ',.,');
    const p = plan({ covariates: [], columns: { id: 'PATID', arm: 'ARM', time: 'VISIT' }, outcomes: [{ key: 'rmdq', instrument: 'rmdq', column: 'RMDQ', missingCodes: ['A'] }] });
    const text = formatError(errorOf(() => loadTrial(parseCsvText(lines.join('\n'), 'sas.csv'), p)));
    expect(text).toContain('sas.csv:lines 3, 5, column 3 (VISIT): ".A", "." — expected a time point of the plan (baseline, 3m); map other labels with "timeLabels", list the visit in "allTimepoints", or leave an unscheduled visit out with "ignoreTimepoints" (the cell is a missing value: every row needs its visit)');
  });
});
