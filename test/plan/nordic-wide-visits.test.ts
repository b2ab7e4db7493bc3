/**
 * Norwegian and Swedish visit suffixes of a wide export (`_6uker`, `_uke6`, `_6mndr`, `_6veckor`,
 * `_6v`, `_3mån`, `_1år`), and the guard behind them: a `<stem>_<suffix>` column whose stem is
 * measured at the visits is never an outcome of its own, read as one score at every visit
 * (docs/plan-trial.md#visits-of-a-wide-export, docs/input-trial-export.md "Wide"). Found by a
 * tester: `Smerte_6uker` beside `Smerte_bas`, `Smerte_3mnd`, `Smerte_12mnd` became outcome
 * "smerte_6uker", and its 6-week difference was printed under "3 months" and "12 months".
 */
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { namedVisit } from '../../src/plan/wide-visits.js';
import { runCli, tempDir } from '../support/run-cli.js';

/** An SPSS-style wide export as a Norwegian trial writes it: 20 patients per arm, `suffix` the 6-week visit. */
function w6(suffix: string): string {
  const rows = Array.from({ length: 40 }, (_, k) => {
    const arm = k % 2 ? 'Kontroll' : 'Intervensjon';
    return `P${String(k + 1).padStart(2, '0')};${arm};${(k * 7) % 11};${(k * 3 + (k % 2 ? 2 : 0)) % 11};${(k * 5) % 11};${(k * 2) % 11}`;
  });
  return [`id;Gruppe;Smerte_bas;Smerte_${suffix};Smerte_3mnd;Smerte_12mnd`, ...rows].join('\n') + '\n';
}

describe('Norwegian and Swedish visit suffixes', () => {
  it.each([
    ['6uker', '6w'], ['uke6', '6w'], ['26uker', '26w'], ['6veckor', '6w'], ['6v', '6w'], ['6mndr', '6m'], ['6mån', '6m'], ['6manader', '6m'],
    ['3månader', '3m'], ['1år', '1y'], ['1ar', '1y'], ['14dager', '14d'],
  ])('%s is the follow-up %s', (suffix, label) => {
    expect(namedVisit(suffix)).toMatchObject({ label, baseline: false, monthsGuessed: false });
  });

  it('"v2" stays visit 2, without a time (not 2 weeks); "baslinje" is the baseline', () => {
    expect(namedVisit('v2')).toMatchObject({ label: 'v2', baseline: false });
    expect(namedVisit('baslinje')).toMatchObject({ label: 'baseline', baseline: true });
  });

  it('plan init reads Smerte_6uker as Smerte at 6 weeks, not as an outcome of its own', () => {
    for (const suffix of ['6uker', 'uke6', '6veckor', '6v']) {
      const { plan } = draftPlan(parseCsvText(w6(suffix), 'w6.csv'), 'plan.schema.json');
      expect(plan.timepoints).toEqual(['6w', '3m', '12m']);
      expect(plan.timeLabels).toMatchObject({ [suffix]: '6w' });
      expect(plan.outcomes.map((o) => o.key)).toEqual(['smerte']);
    }
  });

  it('a suffix it cannot time on a measured stem is no outcome, and a check says what to write', () => {
    const { plan, checks } = draftPlan(parseCsvText(w6('6ukr'), 'w6.csv'), 'plan.schema.json');
    expect(plan.outcomes.map((o) => o.key)).toEqual(['smerte']);
    expect(plan.timepoints).toEqual(['3m', '12m']);
    expect(checks.join('\n')).toContain('column "Smerte_6ukr" looks like Smerte at a visit hta cannot time (_6ukr): not drafted as an outcome of its own, and not read — if it is a visit, add it to "timeLabels" with its time ("6ukr": "6w"');
  });

  it('a suffix without a number (Smerte_varighed) is no visit claimed: one value per line', () => {
    const { plan, checks } = draftPlan(parseCsvText(w6('varighed'), 'w6.csv'), 'plan.schema.json');
    expect(plan.outcomes.map((o) => o.key)).toEqual(['smerte']);
    expect(checks.join('\n')).toContain('column "Smerte_varighed" has one value per patient line (its name is Smerte with "_varighed", which is no visit)');
    expect(checks.join('\n')).not.toContain('Smerte at a visit hta cannot time (_varighed)');
  });

  it.each([['6_uker', '6w'], ['6mnd_oppf', '6m'], ['6wks', '6w'], ['6vk', '6w']])('a suffix %s (SPSS parts, English, short) is the visit %s', (suffix, label) => {
    const { plan } = draftPlan(parseCsvText(w6(suffix), 'w6.csv'), 'plan.schema.json');
    expect(plan.timeLabels).toMatchObject({ [suffix]: label });
    expect(plan.timepoints).toEqual(label === '6m' ? ['3m', '6m', '12m'] : [label, '3m', '12m']);
    expect(plan.outcomes.map((o) => o.key)).toEqual(['smerte']);
  });

  it('_oppf1 _oppf2 _oppf3 are follow-up numbers, not 1, 2 and 3 months; _opf3 _opf12 stay months, with a check', () => {
    const gen = (sufs: string[]) => [`id;Gruppe;${sufs.map((x) => `Smerte_${x}`).join(';')}`, ...Array.from({ length: 8 }, (_, k) => `P${k};${k % 2 ? 'A' : 'B'};${sufs.map((_, j) => (k + j) % 11).join(';')}`)].join('\n') + '\n';
    for (const word of ['oppf', 'uppf', 'opf']) {
      const { plan, checks } = draftPlan(parseCsvText(gen(['bas', `${word}1`, `${word}2`, `${word}3`]), 'o.csv'), 'plan.schema.json');
      expect(plan.timepoints).toEqual([`${word}1`, `${word}2`, `${word}3`]);
      expect(checks.join('\n')).toContain(`visit suffixes _${word}1, _${word}2, _${word}3 are visit (follow-up) numbers without a unit`);
    }
    const { plan, checks } = draftPlan(parseCsvText(gen(['bas', 'oppf3', 'oppf12']), 'o.csv'), 'plan.schema.json');
    expect(plan.timepoints).toEqual(['3m', '12m']);
    expect(checks.join('\n')).toContain('if a number counts the follow-ups (_oppf3 the follow-up number 3, _oppf12 the follow-up number 12)');
  });

  it('item columns at a visit (rmdq_1_3m) are never the total at a visit "1_3m"', () => {
    const lines = ['id;Gruppe;rmdq_bas;rmdq_3m;rmdq_1_bas;rmdq_1_3m', 'P1;A;5;4;1;0', 'P2;B;6;5;1;1'];
    const { plan } = draftPlan(parseCsvText(lines.join('\n') + '\n', 'r.csv'), 'plan.schema.json');
    expect(plan.timepoints).toEqual(['3m']);
  });

  it('an outcome column without a visit suffix is left out with a check, and the rest drafted (plan init exits 0)', async () => {
    const dir = tempDir();
    const csv = join(dir, 'u.csv');
    const rows = Array.from({ length: 20 }, (_, k) => `P${k + 1};${k % 2 ? 'Kontroll' : 'Intervensjon'};${40 + k};${k % 11};${(k * 3) % 11};${(k * 7) % 11};${k % 5};${(k * 9) % 100}`);
    const text = ['id;Gruppe;Alder;Smerte_bas;Smerte_3mnd;Smerte_12mnd;Tilfredshed;ODI', ...rows].join('\n') + '\n';
    writeFileSync(csv, text);
    const r = await runCli('plan', 'init', csv, '--out', join(dir, 'plan.json'));
    expect(r.code).toBe(0);
    const plan = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as { outcomes: { key: string }[]; instruments?: Record<string, unknown> };
    expect(plan.outcomes.map((o) => o.key)).toEqual(['smerte']);
    expect(plan.instruments?.odi).toBeUndefined();
    expect(r.stdout + r.stderr).toContain('"ODI" has one value per patient line in this wide export (no visit suffix such as _bas or _3mnd): not an outcome at every visit, so not drafted');
    expect(readFileSync(csv, 'utf8')).toBe(text);
  });

  it("the repository's own wide fixture (mi-aux, an unsuffixed yes/no column) drafts again", async () => {
    const dir = tempDir();
    const r = await runCli('plan', 'init', join('test', 'fixtures', 'mi-aux', 'trial.csv'), '--out', join(dir, 'plan.json'));
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')).outcomes.map((o: { key: string }) => o.key)).toEqual(['nrs']);
  });

  it('the 6-week analysis reads the 6-week column, and 3 and 12 months their own', async () => {
    const dir = tempDir();
    const csv = join(dir, 'w6.csv');
    writeFileSync(csv, w6('6uker'));
    expect((await runCli('plan', 'init', csv, '--out', join(dir, 'plan.json'))).code).toBe(0);
    const r = await runCli('analyze', csv, '--plan', join(dir, 'plan.json'), '--json');
    const effects = JSON.parse(r.stdout).effects as { outcome: string; time: string; method: string; difference: number }[];
    expect([...new Set(effects.map((x) => x.time))]).toEqual(['6w', '3m', '12m']);
    expect(new Set(effects.map((x) => x.outcome))).toEqual(new Set(['smerte']));
    // Each visit's Welch difference is the difference in means of its own column (4th, 5th, 6th).
    const lines = w6('6uker').trim().split('\n').slice(1).map((l) => l.split(';'));
    const meanOf = (arm: string, col: number) => {
      const xs = lines.filter((c) => c[1] === arm).map((c) => Number(c[col]));
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    for (const [time, col] of [['6w', 3], ['3m', 4], ['12m', 5]] as const) {
      const welch = effects.find((x) => x.time === time && x.method === 'welch')!;
      expect(welch.difference).toBeCloseTo(meanOf('Intervensjon', col) - meanOf('Kontroll', col), 10);
    }
  });

  it('validate refuses a plan whose outcome is one column of a wide export read at every visit', async () => {
    const dir = tempDir();
    const csv = join(dir, 'w6.csv');
    writeFileSync(csv, w6('6uker'));
    // The plan plan init drafted before: "Smerte_6uker" as an outcome beside the visits it knew.
    const plan = {
      $schema: 'plan.schema.json', layout: 'wide', arms: { intervention: 'Intervensjon', control: 'Kontroll' }, columns: { id: 'id', arm: 'Gruppe' },
      timepoints: ['3m', '12m'], allTimepoints: ['baseline', '3m', '12m'], timeLabels: { bas: 'baseline', '3mnd': '3m', '12mnd': '12m' },
      outcomes: [{ key: 'smerte', instrument: 'nrs', column: 'Smerte' }, { key: 'smerte_6uker', instrument: 'nrs', column: 'Smerte_6uker' }],
    };
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    for (const cmd of ['validate', 'analyze']) {
      const r = await runCli(cmd, csv, '--plan', join(dir, 'plan.json'), ...(cmd === 'analyze' ? ['--csv', join(dir, 'out.csv')] : []));
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('w6.csv:1:4: "Smerte_6uker" — expected a column for each visit for outcome "smerte_6uker" in this wide export (_bas, _3mnd, _12mnd): "Smerte_6uker" ends in none of the plan\'s visits, so it would be read as the same score at baseline and at every follow-up — if "Smerte_6uker" is Smerte at a visit, add "6uker" to "timeLabels"');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    // An outcome on a column measured once: the advice names this export's own stem.
    const once = { ...plan, outcomes: [{ key: 'rmdq', instrument: 'rmdq', column: 'RMDQ' }] };
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(once));
    writeFileSync(join(dir, 'r.csv'), w6('6uker').replace(/Smerte_/g, 'Ryg_').replace(/^(.*)\n/, '$1;RMDQ\n').replace(/\n(P[^\n]*)/g, '\n$1;5'));
    const r = await runCli('validate', join(dir, 'r.csv'), '--plan', join(dir, 'plan.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('name the outcome by the stem of its columns ("column": "Ryg" for Ryg_bas, Ryg_3mnd)');
    expect(existsSync(join(dir, 'out.csv'))).toBe(false);
    expect(readFileSync(csv, 'utf8')).toBe(w6('6uker'));
  });
});
