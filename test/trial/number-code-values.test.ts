/**
 * A plan-wide number code that is a value of a column of numbers. `plan init` drafted
 * `"missingCodes": [-9, 99, 999]` from an SPSS export's NRS and RMDQ columns (user-missing 99, −9,
 * 999); the statistician added the protocol covariate `vaegt` (kg), and each real weight of
 * exactly 99 kg became "missing": those patients left the ANCOVA (n 58/56 → 57/55) and Table 1's
 * mean, exit 0, validate "valid". Now a plan-wide number code lying among a column's other values
 * (weights on both sides of 99) is refused wherever hta reads the column, and plan init drafts such
 * a code where it is a code, never plan-wide (docs/plan-trial.md#value-codes;
 * src/trial/number-code-values.ts, src/plan/number-code-places.ts).
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ceaPatients } from '../../src/cea/cea-patients.js';
import { loadCeaPlanFile } from '../../src/cea/load-cea-plan.js';
import { formatError, HtaError } from '../../src/errors.js';
import { parseCsvText, readCsvFile } from '../../src/io/read-csv.js';
import { draftLineDa } from '../../src/plan/draft-notes-da.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { danishProblemText } from '../../src/report/problem-text.js';
import { characteristicsFromExport } from '../../src/trial/baseline-table.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { errorOf } from '../support/error-of.js';
import { tempDir } from '../support/run-cli.js';

/** Weights of the 40 patients: 59–104 kg, some exactly 99 (patients 7, 14 and 23), with 98 and 100 beside them. */
const weight = (p: number) => (p === 7 || p === 23 ? 99 : p === 8 ? 98 : p === 9 ? 100 : 58 + ((p * 13) % 47));
/** SPSS's "Save as CSV" in a Danish locale: `;`, decimal comma, F8.2 codes, a wide file with user-missing 99, −9 and 999 kept. */
function spssExport(): string {
  const out = ['løbenr;gruppe;koen;alder;vaegt;RMDQ_0;RMDQ_3m;smerte_0;smerte_3m'];
  for (let p = 1; p <= 40; p++) {
    const rmdq3 = p % 11 === 0 ? '999,00' : `${(p * 5) % 20},00`;
    const pain3 = p % 13 === 0 ? '99,00' : p === 20 ? '-9,00' : `${(p * 3) % 11},00`;
    out.push(`${p};${p % 2 ? '1,00' : '2,00'};${(p % 2) + 1},00;${25 + p};${weight(p)},00;${(p * 7) % 20},00;${rmdq3};${(p * 2) % 11},00;${pain3}`);
  }
  return out.join('\r\n') + '\r\n';
}
const csv = () => parseCsvText(spssExport(), 'p-weight.csv');

const plan = (extra: Record<string, unknown> = {}) =>
  parsePlan({
    arms: { intervention: '1,00', control: '2,00' },
    columns: { id: 'løbenr', arm: 'gruppe' },
    layout: 'wide',
    timepoints: ['3m'],
    timeLabels: { '0': 'baseline' },
    allTimepoints: ['baseline', '3m'],
    covariates: ['alder', 'vaegt'],
    missingCodes: [-9, 99, 999],
    methods: ['ancova'],
    missing: { sensitivity: false },
    outcomes: [
      { key: 'rmdq', instrument: 'rmdq', column: 'RMDQ' },
      { key: 'smerte', instrument: 'nrs' },
    ],
    ...extra,
  });

/** The weights that are not 99, as the refusal states their range. */
const weights = Array.from({ length: 40 }, (_, i) => weight(i + 1));
const others = weights.filter((w) => w !== 99);
const nines = weights.length - others.length;
const [lo, hi] = [Math.min(...others), Math.max(...others)];

describe('a plan-wide number code among a covariate\'s values', () => {
  it('is refused at its first cell (exit 2), with the range that shows it is a value and the codes to write', () => {
    expect(nines).toBeGreaterThan(1);
    expect(lo).toBeLessThan(99);
    expect(hi).toBeGreaterThan(99);
    const err = errorOf(() => loadTrial(csv(), plan()));
    expect(err).toBeInstanceOf(HtaError);
    expect(err.exitCode).toBe(2);
    const text = formatError(err);
    // Patient 7 is on line 8; vaegt is column 5.
    expect(text).toContain(`p-weight.csv:8:5 (vaegt): "99,00" — expected a value of covariate "vaegt", never a plan-wide missing-value code: "vaegt" holds values from ${lo} to ${hi} on both sides of 99 (${nines} cells hold 99), so 99 is a value there`);
    expect(text).toContain('write it where it means missing: an outcome\'s own "missingCodes" ("rmdq" or "smerte", whose scales it lies off), or "columnCodes" for a column; if 99 also means missing in "vaegt", write "columnCodes": { "vaegt": { "missing": [99] } }');
    // −9 and 999 lie beyond every weight: sentinels, not refused.
    expect(err.problems.map((p) => p.value)).toEqual(['99,00']);
    // In Danish, whole.
    const da = danishProblemText(err.problems[0]!.expected!)!;
    expect(da).toContain(`en værdi af kovariaten "vaegt", aldrig planens fælles kode for manglende værdi: "vaegt" har værdier fra ${lo} til ${hi} på begge sider af 99 (${nines} celler har 99)`);
    expect(da).toContain('i et effektmåls egne "missingCodes" ("rmdq" eller "smerte", hvis skalaer den ligger uden for)');
    expect(da).not.toMatch(/\b(?:the|value|never|holds|write|means)\b/);
  });

  it('reads the weights once 99 is the outcome\'s own code, and as missing when the column\'s own code says so', () => {
    const fixed = loadTrial(csv(), plan({ missingCodes: [-9, 999], outcomes: [{ key: 'rmdq', instrument: 'rmdq', column: 'RMDQ' }, { key: 'smerte', instrument: 'nrs', missingCodes: [99] }] }));
    const weighs = (t: typeof fixed, id: string) => t.patients.find((p) => p.id === id)!.covariates.vaegt;
    expect(weighs(fixed, '7')).toBe(99);
    expect(weighs(fixed, '23')).toBe(99);
    // The NRS's own 99 is still missing.
    expect(fixed.recoded.filter((r) => r.column === 'smerte' && r.code === '99').map((r) => r.count)).toEqual([3]);
    const own = loadTrial(csv(), plan({ columnCodes: { vaegt: { missing: [99] } } }));
    expect(weighs(own, '7')).toBeNull();
    expect(weighs(own, '8')).toBe(98);
  });

  it('is no problem when no column read holds values around it', () => {
    const t = loadTrial(csv(), plan({ covariates: ['alder'] }));
    expect(t.patients).toHaveLength(40);
  });

  it('is refused in a Table 1 characteristic, which would count those patients as missing', () => {
    const trial = loadTrial(csv(), plan({ covariates: ['alder'] }));
    const err = errorOf(() => characteristicsFromExport(csv(), trial, ['vaegt']));
    expect(err).toBeInstanceOf(HtaError);
    expect(formatError(err)).toContain(`(vaegt): "99,00" — expected a value of Table 1 characteristic "vaegt", never a plan-wide missing-value code: "vaegt" holds values from ${lo} to ${hi} on both sides of 99`);
    expect(formatError(err)).toContain('every patient with 99 would be counted as missing in Table 1');
  });
});

describe('a plan-wide number code among a resource-use column\'s counts', () => {
  it('is refused: 7 GP visits beside 6 and 8 are a count, not "missing"', () => {
    const src = 'test/fixtures/cea-discounting';
    const dir = tempDir();
    for (const f of ['cea-24m.plan.json', 'export.csv']) copyFileSync(join(src, f), join(dir, f));
    const trialPlan = JSON.parse(readFileSync(join(src, 'trial.plan.json'), 'utf8'));
    const run = (extra: Record<string, unknown>) => {
      writeFileSync(join(dir, 'trial.plan.json'), JSON.stringify({ ...trialPlan, ...extra }));
      const resolved = loadCeaPlanFile(join(dir, 'cea-24m.plan.json'));
      const export_ = readCsvFile(join(dir, 'export.csv'));
      return ceaPatients(loadTrial(export_, resolved.trialPlan), export_, resolved);
    };
    const err = errorOf(() => run({ missingCodes: [7] }));
    expect(err).toBeInstanceOf(HtaError);
    const text = formatError(err);
    expect(text).toMatch(/\(ru_gp\): "7" — expected a value of resource-use item "gp", never a plan-wide missing-value code: "ru_gp" holds values from 0 to \d+ on both sides of 7/);
    expect(text).toContain('every patient with 7 would be missing in the cost-effectiveness analysis');
    // Written for the columns where 7 means missing, the plan reads.
    expect(run({ columnCodes: { ru_gp: { missing: [7] }, ru_physio: { missing: [7] } } }).patients.length).toBeGreaterThan(0);
  });
});

describe('plan init', () => {
  it('drafts a code that is a value of another column where it is a code, never plan-wide', () => {
    const d = draftPlan(csv(), undefined);
    expect(d.plan.missingCodes).toEqual([-9, 999]);
    const smerte = (d.plan.outcomes as { key: string; missingCodes?: number[] }[]).find((o) => o.key === 'smerte')!;
    expect(smerte.missingCodes).toEqual([99]);
    const line = `missing-value code 99: drafted as outcome "smerte"'s own "missingCodes", not plan-wide — column "vaegt" holds values from ${lo} to ${hi}, on both sides of 99, so plan-wide it would read those values as missing`;
    expect(d.guesses).toContain(line);
    expect(draftLineDa(line)).toBe(`kode for manglende værdi 99: i udkastet som effektmålets egne "missingCodes" (effektmål "smerte"), ikke for hele planen — kolonnen "vaegt" har værdier fra ${lo} til ${hi} på begge sider af 99, så for hele planen ville den læse de værdier som manglende`);
    // The draft with the weight added as a covariate reads every weight.
    const drafted = d.plan as Record<string, unknown>;
    const t = loadTrial(csv(), parsePlan({ ...drafted, covariates: ['alder', 'vaegt'], covariateTypes: undefined, missing: { sensitivity: false } }));
    expect(t.patients.filter((p) => p.covariates.vaegt === null)).toEqual([]);
  });
});
