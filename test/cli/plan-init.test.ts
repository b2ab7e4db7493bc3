/**
 * `hta plan init` drafts a plan from an export; after the edits it lists (applied here where
 * needed), the draft reads the file: validate exits 0. It never writes over a file without
 * --force, and never touches the export.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const FIXTURES = ['redcap-long', 'spss-danish', 'wide-coded', 'eq5d-danish', 'pain-diary', 'ved-ikke', 'stata-tab-wide', 'excel-semicolon-wide', 'redcap-events', 'redcap-labels', 'spss-labels-da', 'redcap-arms'];

/** The outcomes drafted with "maxMissingItems" (all 2), per fixture: those with partly blank questionnaires. */
const MAX_MISSING_ITEMS: Record<string, Record<string, number>> = {
  'ved-ikke': { pseq: 2 },
  'redcap-events': { rmdq: 2 },
  'redcap-arms': { rmdq: 2 },
};

describe('hta plan init', () => {
  it.each(FIXTURES)('drafts a plan for test/fixtures/exports/%s that validates the export', async (name) => {
    const csv = `test/fixtures/exports/${name}/export.csv`;
    const before = readFileSync(csv);
    const out = join(tempDir(), 'plan.json');
    const r = await runCli('plan', 'init', csv, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/guessed:[\s\S]*check before analysing:/);
    const plan = JSON.parse(readFileSync(out, 'utf8'));
    // A temporary folder is in no project: no "$schema" path of this machine (cli/schema-ref.ts), and a note says how to have one.
    expect(plan.$schema).toBeUndefined();
    expect(r.stderr).toContain('no "$schema" line');
    const v = await runCli('validate', csv, '--plan', out, '--json');
    expect(v.code, v.stderr).toBe(0);
    // A questionnaire left partly blank is drafted "maxMissingItems": 2 (listed among the checks),
    // and only then: the fixtures where some are, by design, and their hand-written plans say the same.
    const maxMissing = Object.fromEntries(plan.outcomes.map((d: { key: string; maxMissingItems?: number }) => [d.key, d.maxMissingItems]).filter(([, m]: [string, number | undefined]) => m !== undefined));
    expect(maxMissing).toEqual(MAX_MISSING_ITEMS[name] ?? {});
    // The draft reads the same patients as the fixture's hand-written plan, taken as it is.
    const handFile = `test/fixtures/exports/${name}/plan.json`;
    const hand = JSON.parse((await runCli('validate', csv, '--plan', handFile, '--json')).stdout);
    const drafted = JSON.parse(v.stdout);
    expect(drafted.patients).toEqual(hand.patients);
    // Visit labels may differ ("12" vs "12w"): compare the counts visit by visit.
    const counts = (s: { times: string[]; outcomes: { observed: Record<string, unknown> }[] }) => s.outcomes.map((o) => s.times.map((t) => o.observed[t]));
    expect(counts(drafted)).toEqual(counts(hand));
    expect(readFileSync(csv).equals(before)).toBe(true);
  });

  it('guesses codes from the values: Ja/Nej answers, 999 and -9 missing, wide suffixes', async () => {
    const redcap = JSON.parse((await runCli('plan', 'init', 'test/fixtures/exports/redcap-long/export.csv')).stdout);
    expect(redcap.columns).toEqual({ id: 'record_id', time: 'redcap_event_name', arm: 'gruppe' });
    expect(redcap.timeLabels).toEqual({ baseline_arm_1: 'baseline', '3_months_arm_1': '3m' });
    expect(redcap.outcomes[0]).toEqual({ key: 'rmdq', instrument: 'rmdq', label: { en: 'Disability (RMDQ 0–24)', da: 'Fysisk funktionsniveau (RMDQ 0–24)' }, answers: { Ja: 1, Nej: 0 } });
    const spss = JSON.parse((await runCli('plan', 'init', 'test/fixtures/exports/spss-danish/export.csv')).stdout);
    expect(spss.missingCodes).toEqual([-9, 999]);
    const wide = JSON.parse((await runCli('plan', 'init', 'test/fixtures/exports/wide-coded/export.csv')).stdout);
    expect(wide).toMatchObject({ layout: 'wide', timepoints: ['3m'], outcomes: [{ key: 'rmdq', items: 'q{i}', answers: { '1': 1, '2': 0 } }] });
  });

  it('lists the edits it cannot guess (WAS needs an MCID): WAS is left out with the outcome to add; applied, the plan validates', async () => {
    const dir = tempDir();
    const csv = join(dir, 'was.csv');
    writeFileSync(csv, ['id,arm,time,rmdq,was', 'a,app,baseline,10,5', 'a,app,3m,8,7', 'b,usual,baseline,12,4', 'b,usual,3m,11,4'].join('\n') + '\n');
    const r = await runCli('plan', 'init', csv, '--out', join(dir, 'plan.json'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('WAS has no published MCID, so "was" is not among the drafted outcomes: add {"key": "was", "instrument": "was", "mcid": <points>} to "outcomes"');
    expect((await runCli('validate', csv, '--plan', join(dir, 'plan.json'))).code).toBe(0);
    const plan = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8'));
    expect(plan.outcomes.map((o: { key: string }) => o.key)).toEqual(['rmdq']);
    plan.outcomes.push({ key: 'was', instrument: 'was', mcid: 1 });
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    expect((await runCli('validate', csv, '--plan', join(dir, 'plan.json'))).code).toBe(0);
  });

  it('writes nothing when WAS is the only outcome: a plan without its MCID would be refused', async () => {
    const dir = tempDir();
    const csv = join(dir, 'was.csv');
    writeFileSync(csv, ['id,arm,time,was', 'a,app,baseline,5', 'a,app,3m,7', 'b,usual,baseline,4', 'b,usual,3m,4'].join('\n') + '\n');
    const r = await runCli('plan', 'init', csv, '--out', join(dir, 'plan.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/could not decide the outcomes: the only one found is "was" \(WAS, which has no published MCID/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(existsSync(join(dir, 'plan.json'))).toBe(false);
  });

  it('never writes over an existing file unless --force', async () => {
    const dir = tempDir();
    const out = join(dir, 'plan.json');
    writeFileSync(out, 'mine');
    const r = await runCli('plan', 'init', 'test/fixtures/exports/ved-ikke/export.csv', '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/exists.*--force/);
    expect(readFileSync(out, 'utf8')).toBe('mine');
    expect((await runCli('plan', 'init', 'test/fixtures/exports/ved-ikke/export.csv', '--out', out, '--force')).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).outcomes[0].key).toBe('pseq');
    expect(existsSync(join(dir, '.plan.json.tmp'))).toBe(false);
  });

  it('the command it suggests after writing can be pasted: a path with spaces or æøå is quoted for the shell', async () => {
    const dir = tempDir();
    const csv = join(dir, 'forsøg æøå.csv');
    copyFileSync('test/fixtures/exports/redcap-long/export.csv', csv);
    const out = join(dir, 'min plan.json');
    const r = await runCli('plan', 'init', csv, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`then: hta validate '${csv}' --plan '${out}'`);
  });
});
