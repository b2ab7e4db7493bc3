/**
 * What a Danish run (`--lang da`) still printed in English until session 34 (docs/cli.md "Danish
 * output"): a trial export's footnote, SAS/Stata special missing values, "1,375" read as thousands,
 * a covariate varying within a patient, an ADaM derived visit or rows, a REDCap checkbox read as
 * missing and the quoted-decimal-comma notes; the refusal of a covariate's undeclared Castor or
 * 999 code and plan init's Castor check; pandas' melt() and tuple-header refusals (validate and
 * plan init); the notes on a killed run's leftovers; "… changed while it was being read". Each line
 * is checked with the English-words scan the Danish pages use, without its file, quoted values,
 * code and the docs anchor, and a few exactly; the English stays as it was.
 */
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkboxNote, type CheckboxSource } from '../../src/instruments/binary-checkbox.js';
import { quotedCommaNote, thousandsPointNote } from '../../src/io/decimal-mark.js';
import { changedWhileReadMessage } from '../../src/io/file-identity.js';
import { asideName, onStaleStagingNote, sayLeftovers, stagingName } from '../../src/io/stale-staging.js';
import { writeFileAtomic, writeFilesAtomic } from '../../src/io/write-atomic.js';
import { danishErrorMessage } from '../../src/report/problem-text.js';
import { derivedRowsNote } from '../../src/trial/adam-derived-rows.js';
import { ENGLISH_WORDS } from '../support/english-words.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

/** A line without what is not prose: the prefix, the file, quoted values, code, JSON keys and the docs anchor. */
function prose(line: string): string {
  return line
    .replace(/^\s*(?:bemærk|fejl|- )?:? ?/, '')
    .replace(/^\S+?: /, '')
    .replace(/^\S+?:(?:\d+|linjer [\d–, ]+)(?::\d+|, kolonne \d+)? (?:\(\S+\))?: ?/, '')
    .replace(/"[^"]*"/g, '""')
    .replace(/\((?:docs\/\S+|docs\/\S+ "")\)|docs\/\S+/g, '')
    .replace(/df\.\S+ = \[.*?\]|df\.pivot\(.*?\)\.to_csv\(.*?\)|tidyr::pivot_wider\([^)]*\)|str\(c\)|\('rmdq', '3m'\)/g, '')
    .replace(/\b(?:MultiIndex|melt|pandas|noneTicked|missingCodes|covariateRanges|derivedRows|ignoreTimepoints)\b/g, '');
}

function expectDanish(lines: readonly (string | undefined)[]): void {
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    expect(line).toBeDefined();
    expect(ENGLISH_WORDS.exec(prose(line!))?.[0], line).toBeUndefined();
  }
}

const notesOf = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('bemærk: '));
const PLAN = (extra: object = {}) => ({ arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq', mcid: 5 }], methods: ['welch'], ...extra });

/** A long export of 12 patients; `cell(p, visit)` gives each row's extra cells after id, arm, time and rmdq. */
function exportOf(dir: string, name: string, header: string, cell: (p: number, visit: string) => string, tail: string[] = []): string {
  const rows = [`id,arm,time,rmdq${header}`];
  for (let p = 1; p <= 12; p++) for (const t of ['baseline', '3m']) rows.push(`P${p},${p % 2 ? 'app' : 'usual'},${t},${p === 2 && t === '3m' ? '.A' : t === '3m' ? 6 + ((p * 3) % 7) : 10 + (p % 4)}${cell(p, t)}`);
  const file = join(dir, name);
  writeFileSync(file, [...rows, ...tail].join('\n') + '\n');
  return file;
}

describe('the last English notes and refusals of a Danish run', () => {
  it('validate --lang da: a footnote, a special missing value, "1,375" read as thousands, a covariate varying within a patient', async () => {
    const dir = tempDir();
    const file = exportOf(dir, 'noter.csv', ',bmi,income', (p, t) => `,${p === 4 && t === '3m' ? 30 : 20 + p},${p === 1 ? '"1,375"' : 900 + p}`, ['', 'Kilde: Danmarks Statistik']);
    const plan = join(dir, 'p.json');
    writeFileSync(plan, JSON.stringify(PLAN({ covariates: ['bmi', 'income'] })));
    const da = await runCli('validate', file, '--plan', plan, '--lang', 'da');
    expect(da.code, da.stderr).toBe(0);
    const notes = notesOf(da.stderr);
    expect(notes).toContain(`bemærk: ${file}: linje 27 efter den sidste række er en fodnote (en tekstlinje, fx "Kilde: …"): udeladt, ingen række`);
    expect(notes).toContain(`bemærk: ${file}: 1 celle skrevet som en særlig manglende værdi fra SAS/Stata (.A) er læst som manglende — SAS, Stata og Castor EDC skriver dem for en værdi, der mangler (docs/input-trial-export.md)`);
    expect(notes.some((n) => n.includes('kolonne "income": værdier med ét komma og tre cifre efter det, som "1,375", er læst som tusinder (1375)'))).toBe(true);
    expect(notes.some((n) => n.includes('kolonnen "bmi" har forskellige værdier i rækkerne for én og samme patient hos 1 patient'))).toBe(true);
    expect(notes.length).toBeGreaterThanOrEqual(4);
    expectDanish(notes);
    // The English as it was.
    const en = await runCli('validate', file, '--plan', plan);
    expect(en.stderr).toContain(`note: ${file}: line 27 after the last row is a footnote (a line of text, such as "Kilde: …"): left out, no row`);
    expect(en.stderr).toContain(`note: ${file}: 1 cell written as a SAS/Stata special missing value (.A) read as missing — SAS, Stata and Castor EDC write them for a value that is missing (docs/input-trial-export.md)`);
    expect(en.stderr).toContain(`note: ${file}: column "bmi" holds different values on one patient's rows for 1 patient: each patient's value`);
  });

  it('validate --lang da: an ADaM derived visit in the plan', async () => {
    const dir = tempDir();
    const file = join(dir, 'adam.csv');
    writeFileSync(file, ['USUBJID,TRT01P,AVISIT,RMDQ', ...[1, 2, 3, 4, 5, 6].flatMap((p) => ['baseline', '3m', 'ENDPOINT'].map((t) => `P${p},${p % 2 ? 'app' : 'usual'},${t},${5 + p}`))].join('\n') + '\n');
    const plan = join(dir, 'p.json');
    writeFileSync(plan, JSON.stringify({ ...PLAN(), columns: { id: 'USUBJID', arm: 'TRT01P', time: 'AVISIT' }, timepoints: ['3m', 'ENDPOINT'], outcomes: [{ key: 'rmdq', column: 'RMDQ', instrument: 'rmdq', mcid: 5 }] }));
    const da = await runCli('validate', file, '--plan', plan, '--lang', 'da');
    const note = notesOf(da.stderr).find((n) => n.includes('ENDPOINT'));
    expect(note).toContain('planen analyserer besøget "ENDPOINT", der er navngivet som et udledt ADaM-besøg');
    expectDanish([note]);
  });

  it("validate --lang da refuses a covariate's undeclared Castor code and 999 in Danish; plan init's Castor check too", async () => {
    const dir = tempDir();
    const castor = exportOf(dir, 'castor.csv', ',bmi', (p) => `,${p === 3 ? -95 : 20 + p}`);
    const nine = exportOf(dir, 'nine.csv', ',bmi', (p) => `,${p === 3 ? 999 : 20 + p}`);
    const plan = join(dir, 'p.json');
    writeFileSync(plan, JSON.stringify(PLAN({ covariates: ['bmi'] })));
    const refused = await runCli('validate', castor, '--plan', plan, '--lang', 'da');
    expect(refused.code).toBe(2);
    const line = refused.stderr.split('\n')[1]!;
    expect(line).toContain('— forventet en værdi af kovariaten "bmi", ikke en kode for manglende værdi: -95 er Castor EDC\'s kode for "måling mislykkedes"');
    const nines = await runCli('validate', nine, '--plan', plan, '--lang', 'da');
    expect(nines.code).toBe(2);
    const nineLine = nines.stderr.split('\n')[1]!;
    expect(nineLine).toContain('forventet en værdi af kovariaten "bmi", ikke en kode for manglende værdi: langt over dens andre værdier (højst 32)');
    expectDanish([line, nineLine]);
    expect((await runCli('validate', castor, '--plan', plan)).stderr).toContain('— expected a value of the covariate "bmi", not a missing-value code: -95 is Castor EDC\'s code for "measurement failed"');
    const init = await runCli('plan', 'init', castor, '--lang', 'da');
    const said = init.stderr.split('\n').filter((l) => /Castor|koder for manglende/.test(l));
    expect(said).toContain('  koder for manglende værdier: -95');
    expect(said.some((l) => l.startsWith("  - Castor EDC's numeriske koder for brugerdefinerede manglende værdier er i udkastet som koder for manglende værdier, ikke som værdier: kolonnen \"bmi\" -95 (måling mislykkedes)"))).toBe(true);
    expectDanish(said);
  }, 30_000);

  it("validate and plan init --lang da refuse pandas' melt() and a header of tuples in Danish", async () => {
    const dir = tempDir();
    const melted = join(dir, 'melted.csv');
    writeFileSync(melted, ['id,arm,time,variable,value', ...[1, 2, 3, 4].flatMap((p) => ['baseline', '3m'].map((t) => `P${p},${p % 2 ? 'app' : 'usual'},${t},rmdq,${5 + p}`))].join('\n') + '\n');
    const tuples = join(dir, 'tuples.csv');
    writeFileSync(tuples, [`id,arm,"('rmdq', 'baseline')","('rmdq', '3m')"`, ...[1, 2, 3, 4].map((p) => `P${p},${p % 2 ? 'app' : 'usual'},${5 + p},${3 + p}`)].join('\n') + '\n');
    const plan = join(dir, 'p.json');
    writeFileSync(plan, JSON.stringify(PLAN()));
    const lines: string[] = [];
    for (const file of [melted, tuples]) {
      const v = await runCli('validate', file, '--plan', plan, '--lang', 'da');
      expect(v.code).toBe(2);
      const init = await runCli('plan', 'init', file, '--lang', 'da');
      expect(init.code).toBe(2);
      lines.push(...v.stderr.trimEnd().split('\n'), ...init.stderr.trimEnd().split('\n').filter((l) => !/^(gættet|tjek før analysen):$/.test(l)));
    }
    expect(lines).toContain(`fejl: ${melted}: pandas' melt() (én række pr. patient, besøg og mål: effektmålets navn i kolonnen "variable", dets værdi i "value"), hvor hta læser én kolonne pr. effektmål; planens kolonner for effektmålene er ikke i den`);
    expect(lines.some((l) => l.startsWith('fejl: plan init kunne ikke afgøre kolonnenavnene: pandas-tupler ('))).toBe(true);
    expect(lines.some((l) => l.includes('— forventet én kolonne pr. effektmål: pivotér filen tilbage i pandas'))).toBe(true);
    expect(lines.length).toBe(10);
    expectDanish(lines);
  }, 30_000);

  it("a killed run's leftovers, said in Danish (plan init --out --lang da, and each note)", async () => {
    const dir = tempDir();
    const dead = 2 ** 30;
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    const leave = (name: string, text = 'SB0001,app\n', old = true) => {
      writeFileSync(join(dir, name), text, { mode: 0o600 });
      if (old) utimesSync(join(dir, name), hourAgo, hourAgo);
    };
    const file = exportOf(dir, 'forsøg.csv', '', () => '');
    leave(stagingName('plan.json', dead));
    const init = await runCli('plan', 'init', file, '--out', join(dir, 'plan.json'), '--lang', 'da');
    expect(init.code, init.stderr).toBe(0);
    const removed = notesOf(init.stderr).find((n) => n.includes('midlertidig fil'));
    expect(removed).toMatch(/^bemærk: fjernede \S+, en midlertidig fil efterladt under skrivningen af plan\.json af en hta-kørsel, der blev stoppet uden at rydde op \(proces 1073741824, kører ikke længere; fx stoppet med kill -9\)$/);
    // Every kind of note, by the channel main.ts sets.
    writeFileSync(join(dir, 'b.csv'), 'mine\n');
    leave(stagingName('a.csv', dead));
    leave(stagingName('a.csv', dead), 'x', false);
    leave(`.a.csv.0123456789abcdef.tmp`);
    leave(asideName('a.csv', dead), 'someone else\'s a.csv\n');
    leave(asideName('b.csv', dead), 'a,b\n');
    for (const t of ['c.csv', 'd.csv']) leave(stagingName(t, dead));
    const notes: string[] = [];
    onStaleStagingNote((t) => notes.push(t), 'da');
    try {
      await writeFileAtomic(join(dir, 'a.csv'), 'a,b\n');
      await writeFileAtomic(join(dir, 'b.csv'), 'a,b\n', { replace: true });
      sayLeftovers();
      await writeFilesAtomic(new Map(['c.csv', 'd.csv'].map((t) => [join(dir, t), 'a,b\n'])));
      sayLeftovers();
    } finally {
      onStaleStagingNote(() => {});
    }
    expect(notes.length).toBeGreaterThanOrEqual(5);
    expect(notes.some((n) => /^note: fjernede 2 midlertidige filer efterladt i /.test(n))).toBe(true);
    expectDanish(notes.map((n) => n.replace(/^note: /, '').replace(/\S*\/\S+/g, '').trimEnd()));
  });

  it('each note and message function words its Danish whole, its English as before', () => {
    const cb: CheckboxSource = { field: 'medicin', system: 'REDCap', options: ['medicin___1', 'medicin___2'], optionIndexes: [4, 5], completeColumn: 'opf_complete', completeIndex: 6, noneMeansNo: false };
    const derived = { rows: 3, column: 'DTYPE', values: [['LOCF', 3]] as [string, number][], lines: [4], otherLines: [], index: 5 } as never;
    const dialect = { delimiter: ',', decimalComma: true, thousandsPoints: 2, shownMark: { basis: 'quoted', first: { line: 3, column: 4, field: 'bmi', value: '"24,5"' } } } as never;
    const da = [
      checkboxNote('t.csv', 'medicin', 'medicin___1', cb, 4, 'da'),
      checkboxNote('t.csv', 'medicin', 'medicin___1', { ...cb, noneMeansNo: true }, 1, 'da'),
      derivedRowsNote('t.csv', derived, 'da'),
      quotedCommaNote('t.csv', dialect, false, 'da'),
      thousandsPointNote('t.csv', dialect, undefined, 'da'),
      danishErrorMessage(changedWhileReadMessage('t.csv')),
    ];
    expectDanish(da);
    expect(da[0]).toBe('t.csv: 4 svar i "medicin___1" (effektmål "medicin") er læst som manglende: ingen af svarmulighederne i REDCap-afkrydsningsfeltet "medicin" (medicin___1, medicin___2) er afkrydset, hvilket REDCap også skriver for et skema, der aldrig er udfyldt; betyder et ikke-afkrydset "medicin___1" "nej", så angiv "noneTicked": "no" for effektmålet "medicin" (et skema med opf_complete 0 eller tom forbliver manglende) (docs/plan-trial.md#redcap-checkboxes)');
    expect(da[3]).toContain('(det første på linje 3, kolonne 4 (bmi); som LibreOffice og Google Sheets skriver dem med danske indstillinger)');
    expect(da.at(-1)).toBe('t.csv blev ændret, mens den blev læst; kør kommandoen igen');
    expect(checkboxNote('t.csv', 'medicin', 'medicin___1', cb, 4)).toBe('t.csv: 4 answers of "medicin___1" (outcome "medicin") read as missing: every option of the REDCap checkbox "medicin" (medicin___1, medicin___2) unticked, which REDCap also writes for a form never filled in; if an unticked "medicin___1" means "no", set "noneTicked": "no" on the outcome "medicin" (a form with opf_complete 0 or empty stays missing) (docs/plan-trial.md#redcap-checkboxes)');
    expect(derivedRowsNote('t.csv', derived)).toBe('t.csv: 3 ADaM derived rows ("LOCF" 3 in column "DTYPE") not read, as the plan\'s "derivedRows": "leave-out" says: the visits they filled are missing in every analysis');
    expect(changedWhileReadMessage('t.csv')).toBe('t.csv changed while it was being read; run the command again');
  });
});
