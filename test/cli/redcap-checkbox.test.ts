/**
 * A REDCap checkbox option column as a yes/no outcome (docs/plan-trial.md#redcap-checkboxes):
 * REDCap writes 0 in every unticked box, also on a form never filled in, so a row with every
 * option of the field unticked is missing unless the plan says unticked means "no" and the form
 * was marked as filled in. The fixture is the tester's: three 12-month medication forms never
 * filled in (medicin___1 = medicin___2 = 0, opfoelgning_complete = 0).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

const DIR = 'test/fixtures/binary-outcomes';
const EXPORT = join(DIR, 'redcap2.csv');
type Outcome = Record<string, unknown> & { key: string };

function planWith(key: string, change: Record<string, unknown>): string {
  const plan = JSON.parse(readFileSync(join(DIR, 'redcap2.plan.json'), 'utf8')) as { outcomes: Outcome[] };
  plan.outcomes = plan.outcomes.map((o) => (o.key === key ? { ...o, ...change } : o));
  const file = join(tempDir(), 'plan.json');
  writeFileSync(file, JSON.stringify(plan, null, 2));
  return file;
}

/** The export with every form marked complete (2): the unticked rows are then forms filled in. */
function allFormsComplete(): string {
  const lines = readFileSync(EXPORT, 'utf8').trimEnd().split('\n');
  const file = join(tempDir(), 'redcap-complete.csv');
  writeFileSync(file, [lines[0], ...lines.slice(1).map((l) => l.replace(/,0$/, ',2'))].join('\n') + '\n');
  return file;
}

const medicin12 = (stdout: string) => stdout.split('\n').find((l) => l.startsWith('medicin') && l.includes('12 months'))!;

afterAll(removeTempDirs);

describe('a REDCap checkbox column as a yes/no outcome', () => {
  it('every option unticked is missing, not "no": 30/27 and −26.3 pp (p 0.047), not 30/30 and −20.0 pp', async () => {
    const r = await runCli('analyze', EXPORT, '--plan', join(DIR, 'redcap2.plan.json'));
    expect(r.code, r.stderr).toBe(0);
    expect(medicin12(r.stdout)).toMatch(/30\/27\s+−26\.3 pp \(−47\.7 to −0\.4\)\s+0\.047/);
    expect(r.stderr).toContain('note: test/fixtures/binary-outcomes/redcap2.csv: 3 answers of "medicin___1" (outcome "medicin") read as missing: every option of the REDCap checkbox "medicin" (medicin___1, medicin___2) unticked');
    expect(r.stderr).toContain('set "noneTicked": "no" on the outcome "medicin"');
  });

  it('analyze --json carries the note in its warnings, and the 12-month row its 27 control patients', async () => {
    const r = await runCli('analyze', EXPORT, '--plan', join(DIR, 'redcap2.plan.json'), '--json');
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as { warnings: string[]; effects: { outcome: string; time: string; n: { control: number } }[] };
    expect(result.warnings.some((w) => w.includes('3 answers of "medicin___1"'))).toBe(true);
    expect(result.effects.find((e) => e.outcome === 'medicin' && e.time === '12m')!.n.control).toBe(27);
  });

  it('"noneTicked": "no" still reads a form marked incomplete (opfoelgning_complete 0) as missing', async () => {
    const r = await runCli('analyze', EXPORT, '--plan', planWith('medicin', { noneTicked: 'no' }));
    expect(r.code, r.stderr).toBe(0);
    expect(medicin12(r.stdout)).toContain('30/27');
    expect(r.stderr).toContain('unticked on a form not marked as filled in (opfoelgning_complete 0 or empty)');
  });

  it('"noneTicked": "no" on forms marked complete: unticked is "no", and nothing is read as missing', async () => {
    const r = await runCli('analyze', allFormsComplete(), '--plan', planWith('medicin', { noneTicked: 'no' }));
    expect(r.code, r.stderr).toBe(0);
    expect(medicin12(r.stdout)).toMatch(/30\/30\s+−20\.0 pp/);
    expect(r.stderr).not.toContain('read as missing');
  });

  it('without "noneTicked", unticked is missing whatever the form status says', async () => {
    const r = await runCli('analyze', allFormsComplete(), '--plan', join(DIR, 'redcap2.plan.json'));
    expect(medicin12(r.stdout)).toContain('30/27');
  });

  it('"noneTicked" on an outcome that is no checkbox column is a plan error at its line', async () => {
    const r = await runCli('plan', 'check', planWith('rmdq', { noneTicked: 'no' }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/plan\.json:\d+:\d+ \(outcomes\.0\.noneTicked\): — expected no "noneTicked" here: it is for a yes\/no outcome read from a checkbox option column \(REDCap/);
  });

  it('a "formComplete" column the export lacks is refused, naming it', async () => {
    const r = await runCli('validate', EXPORT, '--plan', planWith('medicin', { noneTicked: 'no', formComplete: 'medicin_complete' }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"medicin_complete" — expected a column "medicin_complete" with the REDCap form status of outcome "medicin"');
  });

  it('a REDCap label export (Checked/Unchecked with "answers"): every option "Unchecked" is missing too — 30/27 and −26.3 pp, not 30/30', async () => {
    const lines = readFileSync(EXPORT, 'utf8').trimEnd().split('\n');
    const header = lines[0]!.split(',');
    const opts = header.flatMap((h, i) => (h.startsWith('medicin___') ? [i] : []));
    const labelled = join(tempDir(), 'redcap-labels.csv');
    const label = (c: string) => (c === '1' ? 'Checked' : c === '0' ? 'Unchecked' : c);
    writeFileSync(labelled, [lines[0], ...lines.slice(1).map((l) => l.split(',').map((c, i) => (opts.includes(i) ? label(c) : c)).join(','))].join('\n') + '\n');
    const r = await runCli('analyze', labelled, '--plan', planWith('medicin', { answers: { Checked: 1, Unchecked: 0 } }));
    expect(r.code, r.stderr).toBe(0);
    expect(medicin12(r.stdout)).toMatch(/30\/27\s+−26\.3 pp \(−47\.7 to −0\.4\)\s+0\.047/);
    expect(r.stderr).toContain('3 answers of "medicin___1" (outcome "medicin") read as missing');
  });

  it('a checkbox field with one option and no "noneTicked" is refused (exit 2), naming the field to add', async () => {
    const lines = readFileSync(EXPORT, 'utf8').trimEnd().split('\n');
    const drop = lines[0]!.split(',').indexOf('medicin___2');
    const single = join(tempDir(), 'redcap-one-option.csv');
    writeFileSync(single, lines.map((l) => l.split(',').filter((_, i) => i !== drop).join(',')).join('\n') + '\n');
    const r = await runCli('analyze', single, '--plan', join(DIR, 'redcap2.plan.json'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('"medicin___1" — expected "noneTicked" on the outcome "medicin": "medicin___1" is the only option of the REDCap checkbox "medicin"');
    expect(r.stderr).toContain('add "noneTicked": "no"');
    const ok = await runCli('analyze', single, '--plan', planWith('medicin', { noneTicked: 'no' }));
    expect(ok.code, ok.stderr).toBe(0);
  });

  it('a LABEL export\'s checkbox (`… (choice=Ja)`, Checked/Unchecked): a form with every option unticked is missing too (review: 8 unfilled forms were counted as "no")', async () => {
    const r = await runCli('analyze', join(DIR, 'redcap-labels-unfilled.csv'), '--plan', join(DIR, 'redcap-labels-unfilled.plan.json'));
    expect(r.stderr).toContain('10 answers of "Bruger du smertestillende medicin? (choice=Ja)" (outcome "medicin") read as missing: every option of the REDCap checkbox "Bruger du smertestillende medicin?"');
    const row = r.stdout.split('\n').find((l) => l.startsWith('medicin') && l.includes('12 months'))!;
    expect(row).toContain('25/25');
  });
});

