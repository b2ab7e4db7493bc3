/**
 * Rule 13 (docs/observational.md, "Small counts"): the `input` block of a registry's
 * `hta analyze --json` — the recode counts and the rows `--exclude-invalid` left out — under the
 * small-count rules. A review found it printed unmasked: 3 "Ja" cells of a yes/no outcome as 3;
 * the outcome's recode counts summed to its filled cells, so (cells − the printed analysed counts)
 * gave the users' hidden export count and, with a printed analysed count, 3 deaths (rule 12
 * undone); and the excluded rows' line numbers and patients' ages ("72 år").
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';
import { observationalResultSchema } from '../../src/observational/observational-results-schema.js';

/** A registry of yes/no falls at 6, 12 and 24 months, as the review's R script made it (wide, ATT, no baseline). */
function registry(opts: { ja6?: number; noValue12Users?: number; noValue24?: boolean; ageWithUnit?: number } = {}): string {
  let seed = 3001;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const lines = ['id,app,age,sex,region,fall_6m,fall_12m,fall_24m'];
  let users = 0;
  let nonUsers = 0;
  let ja6 = 0;
  for (let i = 1; i <= 900; i++) {
    const app = rand() < 0.475 ? 'Ja' : 'Nej';
    const age = 40 + Math.floor(rand() * 45);
    const sex = rand() < 0.5 ? 'K' : 'M';
    const region = ['H', 'S', 'N', 'M', 'Sj'][Math.floor(rand() * 5)]!;
    const risk = 0.1 + (app === 'Ja' ? 0.05 : 0) + (age - 40) / 450;
    const fall = () => (rand() < risk ? 'Ja' : 'Nej');
    let f6 = fall();
    // At most `ja6` "Ja" at 6 months, all among the first users.
    if (opts.ja6 !== undefined) f6 = app === 'Ja' && ja6 < opts.ja6 ? 'Ja' : 'Nej';
    if (f6 === 'Ja') ja6++;
    let f12 = fall();
    if (app === 'Ja' && users < (opts.noValue12Users ?? 0)) f12 = '';
    // 9 users and 6 non-users (after those) with no 24-month value, as the review's reg2.csv.
    let f24 = fall();
    if (opts.noValue24 && ((app === 'Ja' && users >= 10 && users < 19) || (app === 'Nej' && nonUsers < 6))) f24 = '';
    if (app === 'Ja') users++;
    else nonUsers++;
    const written = i <= (opts.ageWithUnit ?? 0) ? `${age} år` : String(age);
    lines.push([`P${String(i).padStart(4, '0')}`, app, written, sex, region, f6, f12, f24].join(','));
  }
  return lines.join('\n') + '\n';
}

const plan = (timepoints: string[]) => ({
  design: 'observational',
  observational: {
    exposure: { column: 'app', exposed: 'Ja', unexposed: 'Nej' },
    confounders: [
      { name: 'age', type: 'numeric' },
      { name: 'sex', type: 'categorical' },
      { name: 'region', type: 'categorical' },
    ],
    estimand: 'ATT',
    baselineAsConfounder: false,
  },
  armLabels: { intervention: { en: 'App users', da: 'brugere af appen' }, control: { en: 'Non-users', da: 'ikke-brugere' } },
  layout: 'wide',
  timepoints,
  primary: { outcome: 'fall', time: '6m' },
  outcomes: [{ key: 'fall', instrument: 'binary', direction: 'lower-is-better', answers: { Ja: 1, Nej: 0 }, label: { en: 'Any fall', da: 'Fald' } }],
});

async function analyzeJson(csv: string, timepoints: string[], ...extra: string[]) {
  const dir = tempDir();
  writeFileSync(join(dir, 'reg.csv'), csv);
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan(timepoints)));
  const run = await runCli('analyze', join(dir, 'reg.csv'), '--plan', join(dir, 'plan.json'), '--json', ...extra);
  expect(readFileSync(join(dir, 'reg.csv'), 'utf8')).toBe(csv);
  return { run, json: JSON.parse(run.stdout) as Record<string, any> };
}

/** Every whole number of 1–4 under a key that counts patients, rows or cells, anywhere in the output. */
function smallCounts(v: unknown, path = ''): string[] {
  const countKeys = new Set(['count', 'rows', 'problems', 'exposed', 'unexposed', 'intervention', 'control', 'missingConfounders', 'trimmed', 'withoutOutcome', 'truncated', 'randomisedWithoutRows']);
  if (Array.isArray(v)) return v.flatMap((x, i) => smallCounts(x, `${path}[${i}]`));
  if (v && typeof v === 'object') {
    return Object.entries(v).flatMap(([k, x]) => {
      if (typeof x === 'number' && Number.isInteger(x) && x >= 1 && x <= 4 && countKeys.has(k) && !/risks|weights|propensity/.test(path)) return [`${path}.${k} = ${x}`];
      return smallCounts(x, `${path}.${k}`);
    });
  }
  return [];
}

/**
 * The review's attack: the outcome column's recode counts add up to its filled cells, every one
 * of which an analysis at its time counts (no baseline, no missing confounder here). With one
 * analysed count hidden, cells − the printed ones is that count; then a printed count of the same
 * group 1–4 below it gives the patients between them.
 */
function recodeAttack(json: Record<string, any>): string[] {
  const counts = (json.input.recoded ?? []).filter((r: any) => r.column === 'fall').map((r: any) => r.count);
  if (!counts.length || counts.some((c: unknown) => typeof c !== 'number')) return [];
  const cells = counts.reduce((a: number, b: number) => a + b, 0);
  const analysed = json.analyses.flatMap((a: any) => [
    { g: 'exposed', v: a.patients.exposed },
    { g: 'unexposed', v: a.patients.unexposed },
  ]);
  const hidden = analysed.filter((x: any) => typeof x.v !== 'number');
  if (hidden.length !== 1) return [];
  const recovered = cells - analysed.filter((x: any) => typeof x.v === 'number').reduce((s: number, x: any) => s + x.v, 0);
  return analysed.filter((x: any) => x.g === hidden[0].g && typeof x.v === 'number' && recovered - x.v >= 1 && recovered - x.v <= 4).map((x: any) => `${x.g}: ${recovered} − ${x.v} = ${recovered - x.v}`);
}

describe('a registry\'s analyze --json input block (rule 13)', () => {
  it('3 "Ja" cells of a yes/no outcome are not printed (as validate masks them)', async () => {
    const { run, json } = await analyzeJson(registry({ ja6: 3 }), ['6m']);
    expect(run.code).toBe(0);
    expect(json.input.recoded.map((r: any) => `${r.code}:${r.count}`).sort()).toEqual(['Ja:suppressed', 'Nej:suppressed']);
    expect(smallCounts(json)).toEqual([]);
  });

  it('the recode counts no longer undo rule 12: 3 users with no 12-month value stay hidden', async () => {
    const { run, json } = await analyzeJson(registry({ noValue12Users: 3, noValue24: true }), ['6m', '12m', '24m']);
    expect(run.code).toBe(0);
    // Rule 12 hid the users' export count (and their analysed count equal to it) for the 3 ...
    expect(json.input.patients.exposed).toBe('suppressed');
    expect(json.analyses.map((a: any) => a.patients.exposed).filter((v: unknown) => v === 'suppressed').length).toBeGreaterThan(0);
    // ... and the recode counts do not give them back.
    expect(recodeAttack(json)).toEqual([]);
    expect(json.input.recoded.every((r: any) => r.count === 'suppressed')).toBe(true);
    expect(smallCounts(json)).toEqual([]);
  });

  it('a registry where nothing is hidden keeps its recode counts', async () => {
    const { json } = await analyzeJson(registry(), ['6m', '12m', '24m']);
    expect(json.plan.suppression.suppressedCounts).toBe(0);
    const total = json.input.recoded.reduce((s: number, r: any) => s + r.count, 0);
    expect(total).toBe(2700);
  });

  it('--exclude-invalid: the rows left out are a count, hidden when small — no line numbers, no patients\' ages', async () => {
    const { run, json } = await analyzeJson(registry({ ageWithUnit: 3 }), ['6m', '12m', '24m'], '--exclude-invalid');
    expect(run.code).toBe(0);
    expect(json.input.excluded).toEqual({ rows: 'suppressed', patients: 'suppressed' });
    expect(() => observationalResultSchema.parse(json)).not.toThrow();
    expect(run.stdout).not.toMatch(/\d+ år/);
    expect(smallCounts(json)).toEqual([]);
    // The analyst still learns which lines, on stderr.
    expect(run.stderr).toMatch(/lines 2–4/);
  });

  it('--exclude-invalid on a registry: stderr (analyze) and the summary (validate) speak of exposure groups and no imputation, not randomisation', async () => {
    const { run } = await analyzeJson(registry({ ageWithUnit: 3 }), ['6m', '12m', '24m'], '--exclude-invalid');
    const dir = tempDir();
    writeFileSync(join(dir, 'reg.csv'), registry({ ageWithUnit: 3 }));
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan(['6m'])));
    const v = await runCli('validate', join(dir, 'reg.csv'), '--plan', join(dir, 'plan.json'), '--exclude-invalid');
    expect(v.code, v.stderr).toBe(0);
    // validate's summary counts the 3 rows as "fewer than 5" and says the lines on stderr, as analyze (rule 13).
    for (const [text, head] of [[run.stderr, 'excluded 3 row(s)'], [v.stderr, 'excluded 3 row(s)'], [v.stdout, 'excluded fewer than 5 row(s)']] as const) {
      const line = text.split('\n').find((l) => l.startsWith(head))!;
      expect(line).toContain('no imputation: an excluded row is read as absent — in a wide export (one row per patient) the patient is left out of every count and every analysis');
      expect(line).not.toMatch(/randomis|imputation imputes|intention to treat|\barm\b/);
    }
  });
});
