/**
 * A Danish region's files as they really are (test/fixtures/exports/registry-dk-totals/, written
 * by make-totals-fixtures.py, whose expected.json counts the rows it wrote): `I alt` rows in the
 * eligible file, an Excel total row under the registry, the regional system's own column names
 * and codes (docs/input-registry.md "Total rows").
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';
import { expectClose } from '../support/tolerance.js';

const F = 'test/fixtures/exports/registry-dk-totals';
const EXPECTED = JSON.parse(readFileSync(`${F}/expected.json`, 'utf8')) as {
  referrals: number; activations: number; totalRowLine: number; perRegion: { region: string; referrals: number; activations: number }[];
  sexUnknown: number; referrerOther: number; eligible2025: number; per1000_2025: number;
  eligibleTotalLines: number[]; wrongTotalLine: number; wrongTotal: string; grandSum: string;
};

interface Json {
  metrics: { region: string; period: string; dimension: string; level: string; referrals: number; activations: number }[];
  uptake: { region: string; year: number; activations: number; eligible: number; per1000: number }[];
  excluded?: { rows: number };
}

/** The fixture's plan with threshold 1 (every count visible to compare) and `over`. */
function plan(over: Record<string, unknown> = {}): string {
  const p = { ...JSON.parse(readFileSync(`${F}/uptake.plan.json`, 'utf8')), suppression: { threshold: 1, acknowledgeLowThreshold: true }, ...over };
  const out = join(tempDir(), 'plan.json');
  writeFileSync(out, JSON.stringify(p));
  return out;
}

const uptake = (eligible: string, planFile: string, ...more: string[]) =>
  runCli('uptake', `${F}/registry.csv`, '--eligible', `${F}/${eligible}`, '--plan', planFile, ...more);

/** `--exclude-invalid --json` with the fixture's plan at threshold 1: three tests read this one run, made once for the file. */
let excludingRun: ReturnType<typeof runCli> | undefined;
const excluding = () => (excludingRun ??= uptake('eligible.csv', plan(), '--exclude-invalid', '--json'));

describe('the eligible file\'s total rows', () => {
  it('"I alt" rows equal to the regions\' sums are left out with a note: the whole country is counted once', async () => {
    const r = await excluding();
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as Json;
    const national = json.uptake.find((u) => u.region === 'national' && u.year === 2025)!;
    expect(national.eligible).toBe(EXPECTED.eligible2025);
    expectClose(national.per1000, EXPECTED.per1000_2025);
    expect(new Set(json.uptake.map((u) => u.region))).not.toContain('I alt');
    expect(r.stderr).toContain(`note: ${F}/eligible.csv: 3 total rows left out — ${EXPECTED.eligibleTotalLines.map((l, k) => `line ${l} ("I alt" ${2025 + k})`).join(', ')}`);
  });

  it('a total that is not the sum is refused naming its line, and nothing is written', async () => {
    const dir = join(tempDir(), 'out');
    const r = await uptake('eligible-wrong-total.csv', plan(), '--exclude-invalid', '--csv-dir', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`eligible-wrong-total.csv:${EXPECTED.wrongTotalLine}:1 (Region): "Total" — expected a region name: "Total" is a total row (its ${EXPECTED.wrongTotal} is not the sum of every region and year, ${EXPECTED.grandSum})`);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(() => readdirSync(dir)).toThrow();
  });
});

describe('the registry\'s Excel total row', () => {
  it('is refused by name with its line, not as a dozen bad values, and never with a patient id', async () => {
    const r = await uptake('eligible.csv', plan());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`registry.csv:${EXPECTED.totalRowLine}:1 (CPR-løbenr): "I alt" — expected a referral: this is a total row`);
    expect(r.stderr).toContain('has 1 invalid value(s) in 1 row(s)');
    expect(r.stderr).not.toMatch(/L1\d{3}/);
  });

  it('with --exclude-invalid it is left out, and the counts are those of the referral rows', async () => {
    const r = await excluding();
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as Json;
    expect(json.excluded?.rows).toBe(1);
    const whole = json.metrics.filter((m) => m.period === 'all' && m.dimension === 'all');
    expect(whole.map((m) => [m.region, m.referrals, m.activations])).toEqual([
      ...EXPECTED.perRegion.map((p) => [p.region, p.referrals, p.activations]),
      ['national', EXPECTED.referrals, EXPECTED.activations],
    ]);
  });

  it('dateFormat "auto" reads the dates of all the other rows (DD-MM-YYYY) in spite of it', async () => {
    const r = await uptake('eligible.csv', plan({ dateFormat: 'auto' }), '--exclude-invalid', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { dateFormatDetected: string }).dateFormatDetected).toBe('dd-mm-yyyy');
  });
});

describe('Danish codes are built in', () => {
  it('Køn "Ukendt" is the unknown sex, Henviser "Sygehus" and "Speciallæge" are "other", without a plan mapping', async () => {
    const r = await excluding();
    expect(r.code, r.stderr).toBe(0);
    const level = (dimension: string, lv: string) => (JSON.parse(r.stdout) as Json).metrics.find((m) => m.region === 'national' && m.period === 'all' && m.dimension === dimension && m.level === lv)!;
    expect(level('sex', 'unknown').referrals).toBe(EXPECTED.sexUnknown);
    expect(level('referrer', 'other').referrals).toBe(EXPECTED.referrerOther);
  });
});

describe('hta plan init --uptake on the regional system\'s files', () => {
  it('maps CPR-løbenr and Klinik/Praksis, detects DD-MM-YYYY past the total row and names its line', async () => {
    const r = await runCli('plan', 'init', '--uptake', `${F}/registry.csv`);
    expect(r.code, r.stderr).toBe(0);
    const draft = JSON.parse(r.stdout) as { columns: { registry: Record<string, string> }; dateFormat: string; firstYear: number; values?: unknown };
    const fixture = JSON.parse(readFileSync(`${F}/uptake.plan.json`, 'utf8')) as { columns: { registry: Record<string, string> } };
    expect(draft.columns.registry).toEqual(fixture.columns.registry);
    expect(draft.dateFormat).toBe('dd-mm-yyyy');
    expect(draft.values).toBeUndefined(); // `Egen læge` is built in
    expect(r.stderr).toContain(`line ${EXPECTED.totalRowLine} is a total row`);
    expect(r.stderr).not.toContain('codes not recognised');
    expect(draft.firstYear).toBe(2026);
    expect(r.stderr).toContain('firstYear 2026: scenario year 1 is the first year after the export\'s last referral year (2025)');
  });

  it('with --eligible it drafts columns.eligible, and the draft reads both files', async () => {
    const r = await runCli('plan', 'init', '--uptake', `${F}/registry.csv`, '--eligible', `${F}/eligible.csv`);
    expect(r.code, r.stderr).toBe(0);
    const draft = JSON.parse(r.stdout) as Record<string, unknown> & { columns: { eligible: Record<string, string> } };
    expect(draft.columns.eligible).toEqual({ year: 'År', eligible: 'Antal' });
    expect(r.stderr).toContain('3 total rows left out');
    expect(r.stderr).toContain('has no counts for 2028');
    const file = join(tempDir(), 'draft.json');
    writeFileSync(file, JSON.stringify({ ...draft, eligibleFill: 'carry-forward' }));
    const run = await uptake('eligible.csv', file, '--exclude-invalid', '--json');
    expect(run.code, run.stderr).toBe(0);
  });

  it('the registry error for missing columns names the mapping that reads the file', async () => {
    const r = await uptake('eligible.csv', plan({ columns: { eligible: { year: 'År', eligible: 'Antal' } } }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"columns": { "registry": { "id": "CPR-løbenr", "clinic": "Klinik/Praksis", "referred": "Henvisningsdato"');
  });
});
