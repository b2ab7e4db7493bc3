/**
 * `hta validate` on an observational plan lists each categorical confounder's levels with their
 * patients (a count below the threshold masked), and notes levels that look like one thing coded
 * two ways — `K`/`M` beside `Kvinde`/`Mand` from appended cuts (src/observational/confounder-levels.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { confounderLevelLines, confounderLevels, lookalikeNotes, maskedRecodes } from '../../src/observational/confounder-levels.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { completeRegistryRows, registryCsv } from '../support/registry-rows.js';

const basePlan = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8'));

function levelsOf(edit: (rows: Record<string, string>[]) => void) {
  const d = completeRegistryRows(200);
  edit(d.rows);
  return confounderLevels(loadTrial(parseCsvText(registryCsv(d), 'registry.csv'), parsePlan(basePlan)));
}

describe('the categorical confounders in validate', () => {
  it('K/M beside Kvinde/Mand (a second cut appended) are listed and noted as two codings', () => {
    const all = levelsOf((rows) => rows.slice(100).forEach((r) => (r.sex = r.sex === 'K' ? 'Kvinde' : 'Mand')));
    const sex = all.find((c) => c.name === 'sex')!;
    expect(sex.levels.map((l) => l.value)).toEqual(['K', 'Kvinde', 'M', 'Mand']);
    expect(sex.lookalikes).toEqual([['K', 'Kvinde'], ['M', 'Mand']]);
    const notes = lookalikeNotes('registry.csv', all, (n) => n);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('confounder "sex" has levels that look like one thing written two ways: "K" beside "Kvinde", "M" beside "Mand"');
    expect(notes[0]).toContain('"columnCodes"');
    // The referrer levels (gp, hospital, physio) are not taken for codings of one another.
    expect(all.find((c) => c.name === 'referrer')!.lookalikes).toEqual([]);
  });

  it('levels differing in punctuation are noted; a level of fewer than 5 patients is neither named nor counted', () => {
    const all = levelsOf((rows) => {
      rows.slice(0, 3).forEach((r) => (r.referrer = 'g.p.'));
    });
    const referrer = all.find((c) => c.name === 'referrer')!;
    // The rare level unnamed (null), the common one it resembles named: what to look for in the export.
    expect(referrer.lookalikes).toEqual([['gp', null]]);
    expect(referrer.levels.map((l) => l.value)).not.toContain('g.p.');
    expect(referrer.levels.at(-1)).toEqual({ value: '', patients: 'suppressed', pooled: 1 });
    const line = confounderLevelLines(all, 5).find((l) => l.startsWith('referrer'))!;
    expect(line).toContain('1 other level (each with fewer than 5 patients; not named) suppressed');
    expect(line).not.toContain('g.p.');
    const notes = lookalikeNotes('registry.csv', all, (n) => n);
    expect(notes[0]).toContain('"gp" beside a level with fewer patients than the suppression threshold (not named)');
    expect(notes[0]).not.toContain('g.p.');
  });

  it('a hidden count cannot be derived from the total: the smallest other level is hidden with it', () => {
    const all = levelsOf((rows) => {
      rows.slice(0, 3).forEach((r) => (r.referrer = 'g.p.'));
    });
    const referrer = all.find((c) => c.name === 'referrer')!;
    const shown = referrer.levels.filter((l) => l.patients !== 'suppressed').map((l) => l.patients as number);
    const hiddenValues = referrer.levels.filter((l) => l.patients === 'suppressed').map((l) => l.value);
    // The rare levels together ("") and the smallest named level with them.
    expect(hiddenValues.length).toBeGreaterThanOrEqual(2);
    // What a reader derives from the total (every patient has a referrer here): the hidden levels' sum, never below 5.
    expect(200 - shown.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(5);
    // Without a small level nothing is hidden.
    expect(levelsOf(() => {}).find((c) => c.name === 'referrer')!.levels.every((l) => l.patients !== 'suppressed')).toBe(true);
  });

  it('recode counts (validate\'s "recoded by the plan\'s codes") are masked per column: a small count hides its column\'s every count', () => {
    const r = (column: string, code: string, count: number) => ({ column, code, to: 1, count });
    const masked = maskedRecodes([r('referrer', 'g.p.', 3), r('referrer', 'gp', 601), r('referrer', 'hospital', 283), r('sex', 'K', 40), r('sex', 'M', 44)], 5);
    // "gp" 601 printed beside the level "1" 604 would give "g.p." back as 3.
    expect(masked.map((m) => m.count)).toEqual(['suppressed', 'suppressed', 'suppressed', 40, 44]);
  });

  it('a level count less the printed codes of that level leaves no hidden count of 1–4 (the codes are hidden against the levels beside them)', () => {
    const r = (code: string, to: number, count: number) => ({ column: 'sex', code, to, count });
    // Every code ≥ 5, but "0" 480 − "K" 477 = 3 cells of the level no printed code accounts for.
    const printed = new Map([['sex', new Map([['0', 480], ['1', 417]])]]);
    expect(maskedRecodes([r('K', 0, 477), r('M', 1, 417)], 5, printed).map((m) => m.count)).toEqual(['suppressed', 'suppressed']);
    // 480 − 475 = 5: nothing to hide.
    expect(maskedRecodes([r('K', 0, 475), r('M', 1, 417)], 5, new Map([['sex', new Map([['0', 480], ['1', 417]])]])).map((m) => m.count)).toEqual([475, 417]);
  });

  it('validate: "K" → 0 beside the level "0" no longer gives 3 "Kvinde" back (the review\'s regK)', async () => {
    const { runCli, tempDir } = await import('../support/run-cli.js');
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const d = completeRegistryRows(200);
    let kvinde = 0;
    for (const row of d.rows) if (row.sex === 'K' && kvinde++ < 3) row.sex = 'Kvinde';
    const dir = tempDir();
    writeFileSync(join(dir, 'reg.csv'), registryCsv(d));
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...basePlan, columnCodes: { ...basePlan.columnCodes, sex: { answers: { K: 0, Kvinde: 0, M: 1 } } } }));
    const run = await runCli('validate', join(dir, 'reg.csv'), '--plan', join(dir, 'plan.json'));
    expect(run.code, run.stderr).toBe(0);
    const levels = new Map([.../"([01])" (\d+)/g[Symbol.matchAll](/^ {2}sex: .*levels: (.*)$/m.exec(run.stdout)![1]!)].map((m) => [m[1]!, Number(m[2])]));
    expect([...levels.keys()]).toEqual(['0', '1']);
    const codes = /^ {2}sex: (".*→.*)$/m.exec(run.stdout)![1]!;
    // Each level less the codes printed for it: 0 (all printed) or at least 5, never the 3.
    for (const [level, n] of levels) {
      const shown = [...codes.matchAll(new RegExp(`"[^"]*" → ${level} × (\\d+)`, 'g'))].reduce((a, m) => a + Number(m[1]), 0);
      const rest = n - shown;
      expect(rest === 0 || rest >= 5, `level ${level}: ${n} − ${shown}`).toBe(true);
    }
    expect(codes).toContain('"Kvinde" → 0 × suppressed');
  });

  it('a randomised plan has none', () => {
    const trialPlan = { arms: { intervention: 'Ja', control: 'Nej' }, columns: { id: 'id', arm: 'app' }, covariates: ['sex'], layout: 'wide', timepoints: ['3m'], outcomes: [{ key: 'pain', instrument: 'nrs' }] };
    const d = completeRegistryRows(40);
    expect(confounderLevels(loadTrial(parseCsvText(registryCsv(d), 'registry.csv'), parsePlan(trialPlan)))).toEqual([]);
  });
});
