// The MMRM models every follow-up visit of `allTimepoints`, the ones without an effect row of
// their own too (docs/plan-trial.md, `allTimepoints`): a plan with one analysed follow-up and an
// interim visit in `allTimepoints` has 2 visits for "mmrm" and for the sensitivity table's MMRM
// row. A plan with one follow-up visit in all is refused with "mmrm" by `plan check`, `validate`
// and `analyze` alike (src/plan/follow-up-visits.ts; docs/limits.md).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

/** 15 patients per arm at baseline, 3 and 6 months; a few follow-ups missing; the scores vary. */
function exportText(): string {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines = ['id,arm,time,age,pain'];
  for (let p = 1; p <= 30; p++) {
    const arm = p % 2 === 0 ? 'A' : 'B';
    const age = 30 + Math.floor(next() * 40);
    const base = 4 + Math.floor(next() * 6);
    lines.push(`P${p},${arm},baseline,${age},${base}`);
    const s3 = Math.max(0, Math.min(10, base - (arm === 'A' ? 2 : 1) + Math.floor(next() * 4) - 1));
    if (p % 7 !== 3) lines.push(`P${p},${arm},3m,${age},${s3}`);
    const s6 = Math.max(0, Math.min(10, s3 - (arm === 'A' ? 1 : 0) + Math.floor(next() * 4) - 1));
    if (p % 5 !== 1) lines.push(`P${p},${arm},6m,${age},${s6}`);
  }
  return lines.join('\n') + '\n';
}

const BASE = {
  arms: { intervention: 'A', control: 'B' },
  covariates: ['age'],
  primary: { outcome: 'pain', time: '6m' },
  outcomes: [{ key: 'pain', instrument: 'nrs', mcid: 2 }],
};
/** One analysed follow-up (6m); 3m is an MMRM visit only. */
const INTERIM = { ...BASE, timepoints: ['6m'], allTimepoints: ['baseline', '3m', '6m'] };

interface Row { time: string; method: string; difference: number | null; se?: number; n: Record<string, number>; details?: { visitsInModel?: string[] } }

async function analyze(plan: object, text = exportText()) {
  const dir = tempDir();
  writeFileSync(join(dir, 'trial.csv'), text);
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan, null, 2));
  const r = await runCli('analyze', join(dir, 'trial.csv'), '--plan', join(dir, 'plan.json'), '--json');
  return { ...r, json: r.code < 2 ? (JSON.parse(r.stdout) as { effects: Row[]; sensitivity: { rows: Row[] } }) : undefined };
}

describe('MMRM with a follow-up visit only in "allTimepoints"', () => {
  it('"methods": ["mmrm"] is run on both visits: the 6-month estimate of the plan with 3m in "timepoints"', async () => {
    const interim = await analyze({ ...INTERIM, methods: ['ancova', 'mmrm'] });
    expect(interim.stderr).not.toMatch(/^error/m);
    expect(interim.code).toBe(0);
    const both = await analyze({ ...BASE, timepoints: ['3m', '6m'], methods: ['ancova', 'mmrm'] });
    const mmrmAt6 = (j: typeof interim.json) => j!.effects.find((e) => e.method === 'mmrm' && e.time === '6m')!;
    expect(mmrmAt6(interim.json).details?.visitsInModel).toEqual(['3m', '6m']);
    expect(mmrmAt6(interim.json).difference).toBe(mmrmAt6(both.json).difference);
    expect(mmrmAt6(interim.json).se).toBe(mmrmAt6(both.json).se);
    expect(interim.json!.effects.some((e) => e.time === '3m')).toBe(false);
  });

  it('the sensitivity table\'s MMRM row is computed, not skipped, when "mmrm" is not in "methods"', async () => {
    const r = await analyze(INTERIM);
    expect(r.stderr).not.toMatch(/MMRM needs at least 2 follow-up visits/);
    const row = r.json!.sensitivity.rows.find((x) => x.method === 'mmrm')!;
    expect(row.difference).toEqual(expect.any(Number));
    expect(row.details?.visitsInModel).toEqual(['3m', '6m']);
    expect(row.n.intervention + row.n.control).toBeGreaterThan(0);
  });
});

describe('"mmrm" with one follow-up visit in all', () => {
  it('is refused by plan check, validate and analyze alike, naming "methods" and the fix', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'trial.csv'), exportText());
    const { allTimepoints: _, ...oneVisit } = INTERIM;
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...oneVisit, methods: ['ancova', 'mmrm'] }, null, 2));
    const plan = join(dir, 'plan.json');
    const csv = join(dir, 'trial.csv');
    const runs = [await runCli('plan', 'check', plan), await runCli('validate', csv, '--plan', plan), await runCli('analyze', csv, '--plan', plan, '--json')];
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('(methods): "mmrm" — expected at least 2 follow-up visits for "mmrm", which models them jointly; the plan has 1 ("6m") — add the other follow-up visits to "timepoints", or to "allTimepoints"');
      expect(r.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
    }
  });

  it('an event before the baseline in "allTimepoints" (the screening plan init drafts) is no follow-up visit: refused alike, with exit 2', async () => {
    const dir = tempDir();
    // A screening row per patient before the baseline: arm and age, no score (docs/plan-trial.md "Screening and enrolment events").
    const text = exportText().split('\n');
    const withScreening = [text[0], ...text.slice(1).flatMap((l) => (l.includes(',baseline,') ? [l.replace(',baseline,', ',screening,').replace(/,[^,]*$/, ','), l] : l ? [l] : []))];
    writeFileSync(join(dir, 'trial.csv'), withScreening.join('\n') + '\n');
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...BASE, timepoints: ['6m'], allTimepoints: ['screening', 'baseline', '6m'], methods: ['ancova', 'mmrm'] }, null, 2));
    const plan = join(dir, 'plan.json');
    const csv = join(dir, 'trial.csv');
    const runs = [await runCli('plan', 'check', plan), await runCli('validate', csv, '--plan', plan), await runCli('analyze', csv, '--plan', plan, '--json')];
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('expected at least 2 follow-up visits for "mmrm", which models them jointly; the plan has 1 ("6m")');
    }
    // The same export with 3m as an MMRM visit is read, the screening rows no visit of the model.
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...BASE, timepoints: ['6m'], allTimepoints: ['screening', 'baseline', '3m', '6m'], methods: ['ancova', 'mmrm'] }, null, 2));
    writeFileSync(csv, exportText().split('\n').flatMap((l) => (l.includes(',baseline,') ? [l.replace(',baseline,', ',screening,').replace(/,[^,]*$/, ','), l] : l ? [l] : [])).join('\n') + '\n');
    const ok = await runCli('analyze', csv, '--plan', plan, '--json');
    expect(ok.code).toBe(0);
    const row = (JSON.parse(ok.stdout) as { effects: Row[] }).effects.find((e) => e.method === 'mmrm' && e.time === '6m')!;
    expect(row.details?.visitsInModel).toEqual(['3m', '6m']);
  });
});

describe('a trial with one follow-up visit whose plan does not ask for MMRM (the commonest design)', () => {
  // Before: an "MMRM (all visits, MAR) | 0/0 | — | — | not computed" row in the sensitivity table, a warning on stderr and a
  // page section "Warnings from the analysis" holding only that sentence, for a method the plan never asked for.
  const { allTimepoints: _, ...ONE } = INTERIM;
  /** The verdict-at-its-edge warning (another imputation seed may flip the MI verdict), in en and da. */
  const EDGE = /the verdict depends on the imputation|vurderingen afhænger af imputationen/;
  const otherWarnings = (stderr: string) => stderr.split('\n').filter((l) => /warning|advarsel/.test(l) && !EDGE.test(l));
  /** The page's warnings section ('' when it has none). */
  const warningsSection = (html: string) => /<section[^>]*id="warnings"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
  /** The export with baseline and 6 months only. */
  const twoVisits = () => exportText().split('\n').filter((l) => !l.includes(',3m,')).join('\n');

  it('analyze: the sensitivity table has no MMRM row, says why in "mmrmLeftOut", and warns of nothing', async () => {
    const r = await analyze(ONE, twoVisits());
    expect(r.code).toBe(0);
    // This export's MI p sits near 0.05, so the verdict-at-its-edge warning may be said (docs/plan-trial.md#verdict-at-its-edge); nothing else.
    expect(otherWarnings(r.stderr)).toEqual([]);
    const json = r.json as unknown as { warnings: string[]; sensitivity: { rows: Row[]; mmrmLeftOut?: { followUpVisits: string[] }; errors: string[] } };
    expect(json.sensitivity.rows.map((x) => x.method)).toEqual(['ancova', 'mi-ancova']);
    expect(json.sensitivity.mmrmLeftOut).toEqual({ followUpVisits: ['6m'] });
    expect(json.sensitivity.errors).toEqual([]);
    expect(json.warnings.filter((w) => !EDGE.test(w))).toEqual([]);
    // The terminal says why, under the table.
    const dir = tempDir();
    writeFileSync(join(dir, 'trial.csv'), twoVisits());
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(ONE));
    const text = await runCli('analyze', join(dir, 'trial.csv'), '--plan', join(dir, 'plan.json'));
    expect(text.stdout).toContain('No MMRM row: the plan has one follow-up visit (6 months)');
    expect(text.stdout).not.toMatch(/MMRM \(all visits/);
    // Two follow-ups: the MMRM row as before, and no "mmrmLeftOut".
    const two = await analyze(INTERIM);
    expect(two.json!.sensitivity.rows.map((x) => x.method)).toEqual(['ancova', 'mmrm', 'mi-ancova']);
    expect(two.json!.sensitivity).not.toHaveProperty('mmrmLeftOut');
  }, 60_000);

  it('report: the page says why there is no MMRM row, in English and Danish, and has no warnings section', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'trial.csv'), twoVisits());
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(ONE, null, 2));
    writeFileSync(join(dir, 'reports.json'), JSON.stringify({ reports: [{ id: 'en', kind: 'trial', out: 'en', lang: 'en', data: 'trial.csv', plan: 'plan.json' }, { id: 'da', kind: 'trial', out: 'da', lang: 'da', data: 'trial.csv', plan: 'plan.json' }] }));
    const run = await runCli('report', '--manifest', join(dir, 'reports.json'), '--out', join(dir, 'out'));
    expect(run.code, run.stderr).toBe(0);
    expect(otherWarnings(run.stderr)).toEqual([]);
    const page = (lang: string) => readFileSync(join(dir, 'out', lang, 'index.html'), 'utf8');
    const en = page('en');
    expect(en).not.toMatch(/MMRM \(all visits, MAR\)/);
    expect(en).toContain('No MMRM row: the plan has one follow-up visit (6 months), so there are no visits to model jointly');
    expect(en).toContain('missing follow-ups are examined in the sensitivity analysis (multiple imputation)');
    expect(warningsSection(en)).not.toMatch(/MMRM/);
    const da = page('da');
    expect(da).not.toMatch(/MMRM \(alle besøg, MAR\)/);
    expect(da).toContain('Ingen MMRM-række: planen har ét opfølgningsbesøg (6 måneder)');
    expect(warningsSection(da)).not.toMatch(/MMRM/);
  }, 60_000);
});
