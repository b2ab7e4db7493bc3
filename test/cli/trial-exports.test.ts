/**
 * Issue #11, trial side: exports shaped the way REDCap, SPSS and Excel write them, each case of
 * the report reproduced (refused before) and shown fixed, with inputs left byte for byte; then
 * end to end on the fixtures of test/fixtures/exports/* (one folder per shape with its plan):
 * `validate` accepts each, and `analyze --json` agrees with R (test/reference/exports.R recodes
 * the raw CSVs itself) to 1e-6 relative. One file, so the analysis modules load once.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { validationJsonSchema } from '../../src/trial/validation-schema.js';
import { resultsJsonSchema } from '../../src/analysis/results-schema.js';
import { runCli, tempDir } from '../support/run-cli.js';
import { expectClose } from '../support/tolerance.js';

const items = (yes: number, codes: [string, string] = ['Ja', 'Nej']) => Array.from({ length: 24 }, (_, i) => (i < yes ? codes[0] : codes[1]));
const HEAD = ['id', 'arm', 'time', ...Array.from({ length: 24 }, (_, i) => `rmdq_${i + 1}`), 'pain'].join(',');

/** 12 patients, baseline and 3m, RMDQ items as Ja/Nej, pain averaged with decimals. */
function exportText(opts: { codes?: [string, string]; pain?: (i: number, t: number) => string; times?: string[] } = {}): string {
  const rows = [HEAD];
  const times = opts.times ?? ['baseline', '3m'];
  for (let i = 0; i < 12; i++) {
    const arm = i % 2 === 0 ? 'app' : 'usual';
    times.forEach((time, t) => rows.push([`SECRET${100 + i}`, arm, time, ...items((i * 3 + t * 5) % 20 + 2, opts.codes), opts.pain ? opts.pain(i, t) : `${(i * 7 + t * 3) % 9}.${(i + 3 * t) % 10}`].join(',')));
  }
  return rows.join('\n') + '\n';
}

const PLAN = {
  arms: { intervention: 'app', control: 'usual' },
  timepoints: ['3m'],
  missingCodes: [999, -9, 'Ved ikke'],
  instruments: { pain_avg10: { label: { en: 'Average pain (0–10, diary mean)' }, range: [0, 10], direction: 'lower-is-better', mcid: 1.5, decimals: true } },
  outcomes: [
    { key: 'rmdq', instrument: 'rmdq', answers: { Ja: 1, Nej: 0 } },
    { key: 'pain', instrument: 'pain_avg10' },
  ],
};

function setup(csv: string, plan: object | undefined = PLAN) {
  const dir = tempDir();
  writeFileSync(join(dir, 'in.csv'), csv);
  if (plan) writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  return { dir, csv: join(dir, 'in.csv'), plan: join(dir, 'plan.json'), out: (n: string) => join(dir, n) };
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validValidation = ajv.compile(validationJsonSchema() as object);
const validResults = ajv.compile(resultsJsonSchema() as object);

describe('codes and decimals from the plan', () => {
  it('Ja/Nej items and decimal pain are refused by a plain plan and read with the mapped one', async () => {
    const text = exportText();
    const f = setup(text);
    const plain = setup(text, { arms: PLAN.arms, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }, { key: 'pain', instrument: 'nrs' }] });
    const before = await runCli('validate', plain.csv, '--plan', plain.plan);
    expect(before.code).toBe(2);
    expect(before.stderr).toMatch(/576 × .*in\.csv:lines 2–25 \(rmdq_1, rmdq_2, rmdq_3, rmdq_4, … \(20 more\)\): "Ja", "Nej" — expected an answer from 0 to 1/);
    expect(before.stderr).toMatch(/\d+ × .*\(pain\): "3\.3", "7\.1", "1\.4", … — expected a whole number from 0 to 10/);
    const after = await runCli('validate', f.csv, '--plan', f.plan);
    expect(after.code).toBe(0);
    // Item 3 is "Nej" where the yes count is 2: patients 0 (baseline) and 5 (3m).
    expect(after.stdout).toContain(`rmdq_3: "Nej" → 0 × 2, "Ja" → 1 × 22`);
    expect(readFileSync(f.csv, 'utf8')).toBe(text);
  });
  it('999, -9 and "Ved ikke" are missing, counted in validate --json and analyze --json', async () => {
    const text = exportText({ pain: (i, t) => (i === 0 && t === 1 ? '999' : i === 1 ? '-9' : i === 2 && t === 0 ? 'Ved ikke' : `${(i * 5 + t) % 9}.5`) });
    const f = setup(text);
    const v = await runCli('validate', f.csv, '--plan', f.plan, '--json');
    expect(v.code).toBe(0);
    const s = JSON.parse(v.stdout);
    expect(validValidation(s)).toBe(true);
    expect(s.recoded.filter((r: { column: string }) => r.column === 'pain')).toEqual([
      { column: 'pain', code: '999', to: null, count: 1 },
      { column: 'pain', code: '-9', to: null, count: 2 },
      { column: 'pain', code: 'Ved ikke', to: null, count: 1 },
    ]);
    const a = await runCli('analyze', f.csv, '--plan', f.plan, '--json');
    expect(a.code).toBe(0);
    const r = JSON.parse(a.stdout);
    expect(validResults(r)).toBe(true);
    expect(r.input.recoded).toEqual(s.recoded);
    expect(r.input.excluded).toBeUndefined();
  });
});

describe('every problem, grouped, without patient ids', () => {
  it('reports all problems of a large file (no cap at 50), grouped with line ranges and a hint', async () => {
    const rows = [HEAD];
    // A typo, not a spelling in another case (`App` is the plan's `app`: trial/arm-spellings.ts).
    for (let i = 0; i < 130; i++) rows.push([`P${i}`, 'Appp', 'baseline', ...items(3), '2.5'].join(','));
    const r = await runCli('validate', setup(rows.join('\n')).csv, '--plan', setup('').plan);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has 130 problem(s) in 130 row(s)');
    expect(r.stderr).not.toMatch(/first 50/);
    expect(r.stderr).toMatch(/130 × .*:lines 2–131, column 2 \(arm\): "Appp" — expected an arm value.*; did you mean "app"\?/);
  });
  it('time values and column names get near-miss hints', async () => {
    // A name in another case is read (column-resolver.ts); a typo gets the hint.
    const text = exportText().replace(/,3m,/g, ',3 M,').replace('pain', 'Pian');
    const r = await runCli('validate', setup(text).csv, '--plan', setup('').plan);
    expect(r.stderr).toMatch(/\(pain|"pain" .*did you mean "Pian"\?/);
    const r2 = await runCli('validate', setup(exportText().replace(/,3m,/g, ',3 M,')).csv, '--plan', setup('').plan);
    expect(r2.stderr).toMatch(/12 × .*\(time\): "3 M" — expected a time point.*did you mean "3m"\?/);
  });
  it('duplicate rows and arm switches name lines, never the patient id', async () => {
    const lines = exportText().split('\n');
    lines[2] = lines[2]!.replace(',app,', ',usual,'); // patient 0's 3m row in the other arm
    const dup = [...lines.slice(0, -1), lines[1], ''].join('\n');
    const r = await runCli('validate', setup(dup).csv, '--plan', setup('').plan);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/this patient's "baseline" row is on line 2/);
    expect(r.stderr).toMatch(/this patient's line 2 has "app"/);
    expect(r.stderr).not.toMatch(/SECRET/);
  });
  it('validate --json on an invalid file prints { valid: false, problems } on stdout and exits 2', async () => {
    const text = exportText().replaceAll(',usual,3m,', ',Usul,3m,');
    const r = await runCli('validate', setup(text).csv, '--plan', setup('').plan, '--json');
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(validValidation(out)).toBe(true);
    expect(out.valid).toBe(false);
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]).toMatchObject({ field: 'arm', count: 6, values: ['Usul'], hint: 'did you mean "usual"?' });
    expect(r.stdout).not.toMatch(/SECRET/);
  });
});

describe('--exclude-invalid', () => {
  const bad = () => {
    const lines = exportText().split('\n');
    lines[3] = lines[3]!.replace(/,[^,]*$/, ',11.5'); // pain above 10
    lines[6] = lines[6]!.replace(',Ja,', ',Maybe,'); // an unknown answer code
    return lines.join('\n');
  };
  it('strict by default: one bad row blocks the run, and the message says how to go on', async () => {
    const f = setup(bad());
    const r = await runCli('analyze', f.csv, '--plan', f.plan, '--csv', f.out('effects.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/2 problem\(s\) in 2 row\(s\).*--exclude-invalid/);
    expect(existsSync(f.out('effects.csv'))).toBe(false);
  });
  it('drops the rows, says how many and why on stderr and in --json, and writes --excluded-out without ids', async () => {
    const text = bad();
    const f = setup(text);
    const r = await runCli('analyze', f.csv, '--plan', f.plan, '--json', '--exclude-invalid', '--excluded-out', f.out('excluded.csv'), '--csv', f.out('effects.csv'));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/excluded 2 row\(s\) with 2 problem\(s\) \(lines 4, 7\)/);
    const res = JSON.parse(r.stdout);
    expect(res.input.excluded).toMatchObject({ rows: 2, problems: 2, lines: [[4, 4], [7, 7]] });
    // Line 4 is patient 1's baseline (control) and line 7 patient 2's 3m visit (intervention):
    // each arm loses one complete case, so the ANCOVA has 5 + 5 of the 6 + 6 patients.
    const ancova = res.effects.find((e: { outcome: string; method: string }) => e.outcome === 'pain' && e.method === 'ancova');
    expect(ancova.n).toEqual({ intervention: 5, control: 5 });
    expect(readFileSync(f.out('excluded.csv'), 'utf8')).toBe(
      'line,column,field,problem\n4,28,pain,"expected a number from 0 to 10 (Average pain (0–10, diary mean))"\n' +
        '7,4,rmdq_1,"expected one of the answer codes of ""rmdq_1"" in the plan (""Ja"", ""Nej"") or a missing-value code"\n',
    );
    expect(readFileSync(f.out('effects.csv'), 'utf8').startsWith('#')).toBe(false);
    expect(r.stdout + r.stderr).not.toMatch(/SECRET/);
    expect(readFileSync(f.csv, 'utf8')).toBe(text);
  });
  it('--excluded-out is written as the export was: Danish Excel\'s ";", CRLF and Windows-1252 give ";", CRLF and a BOM', async () => {
    // The analyst opens the list beside the export: a comma file without a BOM opened in Danish
    // Excel is one column with "KÃ¸n" (explorer win, 6 December 2026). The plain UTF-8 comma
    // export above keeps its comma, LF and no BOM.
    const text = bad().replace(/,usual,/g, ',sædvanlig,').replace(/,/g, ';').replace(/\./g, ',').replace(/\n/g, '\r\n');
    const f = setup('', { ...PLAN, arms: { intervention: 'app', control: 'sædvanlig' } });
    writeFileSync(f.csv, Buffer.from(text, 'latin1'));
    const r = await runCli('validate', f.csv, '--plan', f.plan, '--exclude-invalid', '--excluded-out', f.out('excluded.csv'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Windows-1252/);
    expect(readFileSync(f.out('excluded.csv'), 'utf8')).toBe(
      '\uFEFFline;column;field;problem\r\n' +
        '4;28;pain;expected a number from 0 to 10 (Average pain (0–10, diary mean))\r\n' +
        '7;4;rmdq_1;"expected one of the answer codes of ""rmdq_1"" in the plan (""Ja"", ""Nej"") or a missing-value code"\r\n',
    );
  });
  it('score keeps the user\'s cells (Ja/Nej stay) and leaves the score of an excluded row empty', async () => {
    const text = bad();
    const f = setup(text);
    const r = await runCli('score', f.csv, '--plan', f.plan, '--out', f.out('scored.csv'), '--exclude-invalid');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/excluded 2 row\(s\)/);
    const out = readFileSync(f.out('scored.csv'), 'utf8').trimEnd().split('\n');
    const inLines = text.trimEnd().split('\n');
    // pain passes through the plan's missing codes, so its analysed value is recorded too.
    expect(out[0]).toBe(`${inLines[0]},rmdq,pain_score`);
    // Every input cell unchanged; rmdq counted from "Ja" on kept lines, empty on lines 4 and 7.
    out.slice(1).forEach((l, k) => expect(l.startsWith(inLines[k + 1]! + ',')).toBe(true));
    const yes = (line: string) => line.split(',').filter((c) => c === 'Ja').length;
    expect(out[1]!.split(',').at(-2)).toBe(String(yes(inLines[1]!)));
    expect(out[3]!.split(',').slice(-2)).toEqual(['', '']);
    expect(out[6]!.split(',').slice(-2)).toEqual(['', '']);
  });
  it('the plan can ask for it ("invalidRows": "exclude"), and validate text shows the groups', async () => {
    const f = setup(bad(), { ...PLAN, invalidRows: 'exclude' });
    const r = await runCli('validate', f.csv, '--plan', f.plan);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2 row\(s\) with problems excluded/);
    expect(r.stdout).toMatch(/in\.csv:4:28 \(pain\): "11\.5" — expected a number from 0 to 10/);
  });
});

describe('an export with only baseline visits', () => {
  it('validates without a plan and says that no follow-up visit was found; analyze explains how to name visits', async () => {
    const text = exportText({ codes: ['1', '0'], times: ['baseline'], pain: () => '4' }).replace(/,pain\n/, ',pain_avg\n');
    const f = setup(text, undefined);
    const v = await runCli('validate', f.csv);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/valid/);
    expect(v.stderr).toMatch(/no follow-up visit found in .*in\.csv: the plan lists no follow-up visit; column "time" holds only "baseline"/);
    expect(v.stderr).not.toMatch(/Too small|expected array/);
    const plan = setup(text, { arms: PLAN.arms, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }] });
    const a = await runCli('analyze', plan.csv, '--plan', plan.plan);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/the plan's follow-up visits \(3m\) do not occur.*"timeLabels"/);
    expect(readFileSync(f.csv, 'utf8')).toBe(text);
  });
});


interface Ref {
  fixture: string;
  outcome: string;
  time: string;
  method: 'ancova' | 'welch';
  n_intervention: number;
  n_control: number;
  difference: number;
  ciLower: number;
  ciUpper: number;
  pValue: number;
}
const REF = JSON.parse(readFileSync('test/reference/exports.json', 'utf8')) as Ref[];
// Shapes added later carry their own expected.json, computed from the raw file by
// test/fixtures/exports/make-more-fixtures.py (numpy/scipy, its own parsing and recoding).
const LATER = ['excel-semicolon-wide', 'redcap-events', 'redcap-arms'];
for (const name of LATER) {
  for (const r of JSON.parse(readFileSync(`test/fixtures/exports/${name}/expected.json`, 'utf8')) as Omit<Ref, 'fixture'>[]) REF.push({ fixture: name, ...r });
}
const FIXTURES = ['redcap-long', 'spss-danish', 'wide-coded', 'eq5d-danish', 'pain-diary', 'ved-ikke', 'stata-tab-wide', ...LATER];

describe.each(FIXTURES)('test/fixtures/exports/%s', (name) => {
  const dir = `test/fixtures/exports/${name}`;
  it('validates, and analyze --json matches R', async () => {
    const before = readFileSync(`${dir}/export.csv`);
    const v = await runCli('validate', `${dir}/export.csv`, '--plan', `${dir}/plan.json`, '--json');
    expect(v.code, v.stderr).toBe(0);
    const a = await runCli('analyze', `${dir}/export.csv`, '--plan', `${dir}/plan.json`, '--json');
    expect(a.code, a.stderr).toBe(0);
    const result = JSON.parse(a.stdout);
    const refs = REF.filter((r) => r.fixture === name);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const row = result.effects.find((e: { outcome: string; time: string; method: string }) => e.outcome === ref.outcome && e.time === ref.time && e.method === ref.method);
      expect(row, `${ref.outcome} ${ref.time} ${ref.method}`).toBeDefined();
      expect(row.n).toEqual({ intervention: ref.n_intervention, control: ref.n_control });
      for (const k of ['difference', 'ciLower', 'ciUpper', 'pValue'] as const) expectClose(row[k], ref[k]);
    }
    expect(readFileSync(`${dir}/export.csv`).equals(before)).toBe(true);
  });
});

describe('hta score records what the codes did', () => {
  it('adds the analysed value beside a coded score column (999 → empty) and lists the recodes on stderr', async () => {
    const dir = tempDir();
    const src = 'test/fixtures/exports/spss-danish/export.csv';
    const out = join(dir, 'scored.csv');
    const before = readFileSync(src);
    const run = await runCli('score', src, '--plan', 'test/fixtures/exports/spss-danish/plan.json', '--out', out);
    expect(run.code).toBe(0);
    expect(readFileSync(src).equals(before)).toBe(true);
    expect(run.stderr).toMatch(/RMDQ: "999" → missing × \d+/);
    const rows = readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/).map((l) => l.split(';'));
    const header = rows[0]!;
    const raw = header.indexOf('RMDQ');
    // Named apart from "RMDQ" in more than case (docs/plan-trial.md "The scored export keeps the user's cells").
    const analysed = header.indexOf('rmdq_score');
    expect(header).not.toContain('rmdq');
    expect(raw).toBeGreaterThanOrEqual(0);
    expect(analysed).toBeGreaterThan(raw);
    const coded = rows.slice(1).filter((r) => r[raw] === '999' || r[raw] === '-9');
    expect(coded.length).toBeGreaterThan(0);
    for (const r of coded) expect(r[analysed]).toBe('');
    for (const r of rows.slice(1).filter((r) => /^\d+$/.test(r[raw] ?? '') && r[raw] !== '999')) expect(r[analysed]).toBe(r[raw]);
  });
});

describe('an export whose header line is missing', () => {
  it('says the first line holds values and never prints that row (it carries a patient id)', async () => {
    const lines = readFileSync('data/synthetic/selfback-trial.csv', 'utf8').split('\n');
    const dir = tempDir();
    const csv = join(dir, 'noheader.csv');
    writeFileSync(csv, lines.slice(1, 40).join('\n') + '\n');
    const r = await runCli('validate', csv, '--plan', 'data/plans/selfback.plan.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/has no header line[\s\S]*the first line holds values/);
    const firstId = lines[1]!.split(',')[0]!;
    expect(r.stderr).not.toContain(firstId);
  });
});

describe('an export with a separator hta does not read', () => {
  it('says the first line is one column and does not print it', async () => {
    // `:` (no export writes it, and `|` is read: test/io/pipe-separated.test.ts).
    const lines = readFileSync('data/synthetic/selfback-trial.csv', 'utf8').split('\n').slice(0, 20).map((l) => l.replaceAll(',', ':'));
    const csv = join(tempDir(), 'colons.csv');
    writeFileSync(csv, lines.join('\n') + '\n');
    const r = await runCli('validate', csv, '--plan', 'data/plans/selfback.plan.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/read as a single column[\s\S]*commas, semicolons, tabs or "\|"/);
    expect(r.stderr).not.toContain('rmdq_1:');
  });
});
