/**
 * `--exclude-invalid` on a registry: the summary says what happens to the patient of an excluded
 * row, and the counts do what it says (docs/observational.md, rule 13). A review found the text
 * claiming the patient "stays in the export's count" while in a wide export (one row = one patient,
 * the usual register extract) the patient vanished: 900 → 890, none counted as missing a
 * confounder. Wide: the patient leaves every count; long: the patient's other rows still count,
 * and an analysis that needs the excluded row's value leaves the patient out.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const plan = (layout: 'wide' | 'long') => ({
  design: 'observational',
  observational: {
    exposure: { column: 'app', exposed: 'Ja', unexposed: 'Nej' },
    confounders: [{ name: 'age', type: 'numeric' }, { name: 'sex', type: 'categorical' }],
    estimand: 'ATE',
    baselineAsConfounder: false,
  },
  layout,
  timepoints: ['3m'],
  outcomes: [{ key: 'work', instrument: 'binary', direction: 'higher-is-better', answers: { Ja: 1, Nej: 0 } }],
});

/** The 300-patient export with an age written "44 år" (a unit) on 3 patients' rows; long: a baseline row each too, 3 more bad there. */
function files(layout: 'wide' | 'long') {
  const dir = tempDir();
  if (layout === 'wide') {
    const [head, ...rows] = readFileSync('test/fixtures/observational/follow-up-only.csv', 'utf8').trim().split('\n');
    writeFileSync(join(dir, 'reg.csv'), [head, ...rows.map((l, i) => (i < 3 ? l.replace(/^([^,]*,[^,]*,)(\d+)/, '$1$2 år') : l))].join('\n') + '\n');
  } else {
    const [head, ...rows] = readFileSync('test/fixtures/observational/follow-up-only-long.csv', 'utf8').trim().split('\n');
    const out = [head];
    rows.forEach((l, i) => {
      const c = l.split(',');
      const base = [...c];
      base[4] = 'baseline';
      if (i < 3) c[2] += ' år'; // the follow-up row, which carries the outcome
      if (i >= 3 && i < 6) base[2] += ' år'; // the baseline row only: the follow-up row still gives age
      out.push(base.join(','), c.join(','));
    });
    writeFileSync(join(dir, 'reg.csv'), out.join('\n') + '\n');
  }
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan(layout)));
  return { csv: join(dir, 'reg.csv'), plan: join(dir, 'plan.json') };
}

const total = (text: string) => {
  const m = /^patients: (\d+|suppressed) exposed, (\d+|suppressed) unexposed$/m.exec(text)!;
  return m[1] === 'suppressed' ? 'suppressed' : Number(m[1]) + Number(m[2]);
};

describe.each([
  // validate's summary counts the rows as a registry publishes counts: 3 is "fewer than 5" (rule 13).
  ['wide', 297, 3, 'fewer than 5'],
  // Long: all 300 stay, and 297 are analysed — so the export's counts are hidden, in validate as in
  // the report, where 300 − 297 gave the 3 patients (docs/observational.md, "Small counts", rules 2 and 14).
  ['long', 'suppressed', 6, '6'],
] as const)('--exclude-invalid on a %s registry export of 300 patients', (layout, inExport, rowsOut, rowsShown) => {
  it('says what happens to the patient, and the counts agree', async () => {
    const f = files(layout);
    const v = await runCli('validate', f.csv, '--plan', f.plan, '--exclude-invalid');
    expect(v.code, v.stderr).toBe(0);
    const line = v.stdout.split('\n').find((l) => l.startsWith(`excluded ${rowsShown} row(s)`))!;
    expect(line).toContain('in a wide export (one row per patient) the patient is left out of every count and every analysis, counted only among the excluded rows; in a long export the patient\'s other rows still count');
    expect(line).not.toMatch(/stays in the export's count/);
    // Wide: the 3 patients are gone from the export's count; long: all 300 stay (hidden: above).
    expect(total(v.stdout)).toBe(inExport);
    const a = await runCli('analyze', f.csv, '--plan', f.plan, '--exclude-invalid', '--json');
    expect(a.code, a.stderr).toBe(0);
    const [analysis] = JSON.parse(a.stdout).analyses;
    // Either way the 3 patients without a readable follow-up row are analysed by no analysis, and none is a "missing confounder".
    expect(analysis.patients.exposed + analysis.patients.unexposed).toBe(297);
    expect(analysis.excluded.missingConfounders).toBe(0);
  });

  it('in Danish too', async () => {
    const f = files(layout);
    const a = await runCli('analyze', f.csv, '--plan', f.plan, '--exclude-invalid', '--lang', 'da');
    const line = a.stderr.split('\n').find((l) => l.startsWith(`udelod ${rowsOut} række(r)`))!;
    expect(line).toContain('i bredt format (én række pr. patient) er patienten udeladt af alle optællinger og alle analyser og tælles kun blandt de udeladte rækker; i langt format tæller patientens andre rækker stadig med');
    expect(line).not.toMatch(/forbliver i eksportens optælling/);
  });
});
