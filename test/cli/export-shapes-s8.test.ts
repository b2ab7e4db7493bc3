/**
 * Five export shapes tried as a first-time user would (test/fixtures/exports/README.md): R's
 * write.csv with its unnamed row-names column, Castor EDC with user-missing codes, SurveyXact's
 * UTF-16 "Unicode text", SAS/Stata special missing values with E-notation numbers, and a registry
 * with Excel serial dates (and its SQL Server date-time twin). Each is read by `hta plan init`'s
 * draft and by the fixture's plan; `analyze --json` / `uptake --json` agree with expected.json,
 * which make-s8-fixtures.py computes from the raw bytes with its own parsing (numpy/scipy).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvBytes, readCsvFile } from '../../src/io/read-csv.js';
import { runCli, tempDir } from '../support/run-cli.js';
import { expectClose } from '../support/tolerance.js';

const FX = 'test/fixtures/exports';

interface Ref {
  outcome: string;
  time: string;
  method: string;
  n_intervention: number;
  n_control: number;
  difference: number;
  ciLower: number;
  ciUpper: number;
  pValue: number;
}

async function analyzeMatchesReference(name: string): Promise<void> {
  const dir = `${FX}/${name}`;
  const before = readFileSync(`${dir}/export.csv`);
  const a = await runCli('analyze', `${dir}/export.csv`, '--plan', `${dir}/plan.json`, '--json');
  expect(a.code, a.stderr).toBe(0);
  const effects = (JSON.parse(a.stdout) as { effects: (Ref & { n: { intervention: number; control: number } })[] }).effects;
  const refs = JSON.parse(readFileSync(`${dir}/expected.json`, 'utf8')) as Ref[];
  expect(refs.length).toBeGreaterThan(0);
  for (const ref of refs) {
    const row = effects.find((e) => e.outcome === ref.outcome && e.time === ref.time && e.method === ref.method);
    expect(row, `${ref.outcome} ${ref.time} ${ref.method}`).toBeDefined();
    expect(row!.n).toEqual({ intervention: ref.n_intervention, control: ref.n_control });
    for (const k of ['difference', 'ciLower', 'ciUpper', 'pValue'] as const) expectClose(row![k], ref[k]);
  }
  expect(readFileSync(`${dir}/export.csv`).equals(before)).toBe(true);
}

/** `hta plan init` on the fixture, then `validate --json` with the draft. */
async function draftAndValidate(name: string) {
  const csv = `${FX}/${name}/export.csv`;
  const out = join(tempDir(), 'plan.json');
  const init = await runCli('plan', 'init', csv, '--out', out);
  expect(init.code, init.stderr).toBe(0);
  const v = await runCli('validate', csv, '--plan', out, '--json');
  expect(v.code, v.stderr).toBe(0);
  return { init, plan: JSON.parse(readFileSync(out, 'utf8')), validation: JSON.parse(v.stdout) };
}

describe('R write.csv: an unnamed first column of row names', () => {
  it('is read (row names ignored), "NA" quoted or not is missing, and analyze agrees with numpy', async () => {
    await analyzeMatchesReference('r-write-csv');
  });
  it('plan init drafts from it, never takes the row names for the id, and says what column 1 is', async () => {
    const { init, plan, validation } = await draftAndValidate('r-write-csv');
    expect(plan.columns?.id).toBeUndefined(); // the default "id" column
    expect(init.stderr).toMatch(/not used: column 1, which has no name: row names/);
    expect(init.stderr).not.toMatch(/not used: ,/);
    expect(validation.patients).toEqual({ intervention: expect.any(Number), control: expect.any(Number) });
  });
  it('an empty name anywhere but column 1 is still an error', () => {
    expect(() => parseCsvBytes(Buffer.from('id,,arm\n1,2,a\n'), 'x.csv')).toThrow(/structural problem/);
    expect(parseCsvBytes(Buffer.from('"","id","arm"\n"1","a","b"\n'), 'x.csv').header).toEqual(['', 'id', 'arm']);
  });
});

describe('Castor EDC export', () => {
  it('reads ";"-quoted fields, dot decimals and ##USER_MISSING_9x## codes; analyze agrees with numpy', async () => {
    await analyzeMatchesReference('castor-edc');
  });
  it('plan init takes "Randomization Group Name" as the arm column; the user-missing codes are missing without a plan code', async () => {
    const { plan, init } = await draftAndValidate('castor-edc');
    expect(plan.columns).toMatchObject({ id: 'Participant Id', arm: 'Randomization Group Name' });
    expect(plan.arms).toEqual({ intervention: 'App', control: 'Usual care' });
    expect(plan.missingCodes).toBeUndefined();
    expect(init.stderr).toMatch(/missing by definition: \d+ cells written as Castor EDC user-missing codes \(##USER_MISSING_95##, ##USER_MISSING_96##, ##USER_MISSING_98##, ##USER_MISSING_99##\)/);
  });
});

describe('SurveyXact / Excel "Unicode text": UTF-16 LE with a BOM, tabs, CRLF', () => {
  it('is read as text, not refused as "not UTF-8"; Danish labels through the plan; analyze agrees with numpy', async () => {
    await analyzeMatchesReference('surveyxact-utf16');
    const t = readCsvFile(`${FX}/surveyxact-utf16/export.csv`, { chunkBytes: 7 });
    expect(t.dialect).toMatchObject({ delimiter: '\t', crlf: true, utf16: 'utf-16le' });
    expect(t.header).toEqual(['Respondent', 'Gruppe', 'Alder', 'Generet_baseline', 'Generet_3m', 'Smerte_baseline', 'Smerte_3m']);
    const whole = readCsvFile(`${FX}/surveyxact-utf16/export.csv`);
    // Tiny chunks split code units and surrogate pairs: the same cells and lines either way.
    expect([...t.records].map((r) => [r.line, ...r.cells])).toEqual([...whole.records].map((r) => [r.line, ...r.cells]));
  });
  it('big-endian, æøå and a character beyond the BMP read the same; a broken UTF-16 file is refused by name', () => {
    const text = 'id\tarm\tnavn\n1\tApp\tSøren Ærø 😀\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const bytes of [le, be]) expect(parseCsvBytes(bytes, 'u.csv').records[0]!.cells).toEqual(['1', 'App', 'Søren Ærø 😀']);
    expect(() => parseCsvBytes(Buffer.concat([le, Buffer.from([0x41])]), 'odd.csv')).toThrow(/odd\.csv is not valid UTF-16 text/);
  });
  it('plan init drafts from it ("Ved ikke" missing) and score writes UTF-8 with a BOM', async () => {
    const { plan } = await draftAndValidate('surveyxact-utf16');
    expect(plan.missingCodes).toEqual(['Ved ikke']);
    const out = join(tempDir(), 'scored.csv');
    const r = await runCli('score', `${FX}/surveyxact-utf16/export.csv`, '--plan', `${FX}/surveyxact-utf16/plan.json`, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toMatch(/^\uFEFFRespondent\tGruppe\t/);
  });
});

describe('SAS / Stata: .A, .B and . missing, numbers as 1.00000E+01', () => {
  it('analyze agrees with numpy', async () => {
    await analyzeMatchesReference('sas-special-missing');
  });
  it('plan init drafts no missing-value code for .A and .B: they are missing by definition', async () => {
    const { plan } = await draftAndValidate('sas-special-missing');
    expect(plan.missingCodes).toBeUndefined();
  });
  it('without them in "missingCodes", .A and .B are still missing (a note says so); another text is still a problem', async () => {
    const dir = tempDir();
    const plan = JSON.parse(readFileSync(`${FX}/sas-special-missing/plan.json`, 'utf8')) as Record<string, unknown>;
    delete plan.$schema;
    plan.missingCodes = [];
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const r = await runCli('validate', `${FX}/sas-special-missing/export.csv`, '--plan', join(dir, 'plan.json'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/cells written as SAS\/Stata special missing values \(\.A, \.B\) read as missing/);
    // A value that is no such code keeps the plain message.
    writeFileSync(join(dir, 'bad.csv'), readFileSync(`${FX}/sas-special-missing/export.csv`, 'utf8').replace(/\.A/g, 'x'));
    const bad = await runCli('validate', join(dir, 'bad.csv'), '--plan', join(dir, 'plan.json'));
    expect(bad.stderr).toMatch(/"x"/);
    expect(bad.stderr).not.toMatch(/"x"[^\n]*SAS/);
  });
});

describe('registry with Excel serial dates, and its SQL Server date-time twin', () => {
  const F = `${FX}/registry-excel-serial`;
  interface Metric { region: string; period: string; dimension: string; referrals: number; activations: number; activationRate: number; medianDaysToActivation: number; atRisk12w: number; retained12w: number }
  interface Expected {
    regions: string[];
    perRegion: { region: string; referrals: number; activations: number; rate: number; median_days: number; at_risk_12w: number; retained_12w: number }[];
    uptake: { region: string; year: number; activations: number; eligible: number; per1000: number; lower: number; upper: number }[];
  }
  const uptake = async (registry: string, planFile: string) => {
    const dir = tempDir();
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, JSON.stringify({ ...JSON.parse(readFileSync(`${F}/${planFile}`, 'utf8')), suppression: { threshold: 1, acknowledgeLowThreshold: true } }));
    return runCli('uptake', `${F}/${registry}`, '--eligible', `${F}/eligible.csv`, '--plan', plan, '--json');
  };
  it.each([
    ['registry.csv', 'uptake.plan.json'],
    ['registry-datetime.csv', 'datetime.plan.json'],
  ])('%s agrees with numpy/scipy (dates from serial + 1899-12-30)', async (registry, planFile) => {
    const r = await uptake(registry, planFile);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { metrics: Metric[]; uptake: { region: string; year: number; activations: number; eligible: number; per1000: number; ciLower: number; ciUpper: number }[] };
    const ref = JSON.parse(readFileSync(`${F}/expected.json`, 'utf8')) as Expected;
    const whole = json.metrics.filter((m) => m.period === 'all' && m.dimension === 'all');
    expect(whole.map((m) => m.region)).toEqual([...ref.regions, 'national']);
    for (const e of ref.perRegion) {
      const m = whole.find((x) => x.region === e.region)!;
      expect([m.referrals, m.activations, m.medianDaysToActivation, m.atRisk12w, m.retained12w]).toEqual([e.referrals, e.activations, e.median_days, e.at_risk_12w, e.retained_12w]);
      expectClose(m.activationRate, e.rate);
    }
    for (const u of ref.uptake) {
      const row = json.uptake.find((x) => x.region === u.region && x.year === u.year)!;
      expect([row.activations, row.eligible]).toEqual([u.activations, u.eligible]);
      expectClose(row.per1000, u.per1000);
      expectClose(row.ciLower, u.lower);
      expectClose(row.ciUpper, u.upper);
    }
  });
  it('with the default ISO plan, each is refused with the dateFormat that reads it', async () => {
    const serial = await uptake('registry.csv', 'datetime.plan.json');
    expect(serial.code).toBe(2);
    expect(serial.stderr).toMatch(/\(Henvist\): "\d{5}", .* — expected a real calendar date written YYYY-MM-DD.*\(this looks like an Excel serial day number: set "dateFormat": "excel-serial"/);
    const dir = tempDir();
    const plan = join(dir, 'iso.json');
    const { dateFormat: _, ...iso } = JSON.parse(readFileSync(`${F}/datetime.plan.json`, 'utf8'));
    writeFileSync(plan, JSON.stringify(iso));
    const dt = await runCli('uptake', `${F}/registry-datetime.csv`, '--eligible', `${F}/eligible.csv`, '--plan', plan);
    expect(dt.code).toBe(2);
    expect(dt.stderr).toMatch(/"2025-\d\d-\d\d 00:00:00\.000".* — expected a real calendar date written YYYY-MM-DD \(this is a date with a time of day: set "dateFormat": "iso-datetime"/);
  });
  it('plan init --uptake drafts "excel-serial" with a 1904-system warning, and a firstYear from the real years', async () => {
    const r = await runCli('plan', 'init', '--uptake', `${F}/registry.csv`);
    expect(r.code, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.dateFormat).toBe('excel-serial');
    // The referrals run from 2025 to 2026: the placeholder first year is the one after them (as for ISO dates).
    expect(plan.firstYear).toBe(2027);
    expect(r.stderr).toMatch(/Excel serial day numbers \(45993 = 2025-12-02.*1904 date system/);
    const dt = JSON.parse((await runCli('plan', 'init', '--uptake', `${F}/registry-datetime.csv`)).stdout);
    expect([dt.dateFormat, dt.firstYear]).toEqual(['iso-datetime', 2027]);
  });
});
