/**
 * Under `--lang da` what hta prints on standard error is Danish: "bemærk:", "advarsel:" and
 * "fejl:" for "note:", "warning:" and "error:" (src/cli/stderr-language.ts), and the notes a Danish
 * user meets reading an Excel-resaved export (column spellings), a Windows-1252 file and a REDCap
 * export (rows not read) are in Danish; English stays the default and the exit codes do not change
 * (docs/cli.md "Danish output").
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTrialInputs, reportExclusion } from '../../src/cli/load-inputs.js';
import { danishPrefixes, requestedLang, stderrIn } from '../../src/cli/stderr-language.js';
import { regionCodesNote } from '../../src/uptake/regions.js';
import { observedScenarioYearsNote } from '../../src/uptake/run-uptake.js';
import { runCli, tempDir } from '../support/run-cli.js';

const EXPORTS = join(import.meta.dirname, '..', 'fixtures', 'exports');

/** Any line of stderr that starts (after a carriage return) with an English prefix. */
const ENGLISH_PREFIX = /^\r?(?:note|warning|error): /m;

describe('hta --lang da: Danish standard error', () => {
  const runs: [what: string, dir: string, said: RegExp][] = [
    ['header spellings of an Excel resave', 'excel-resave-lowercase', /kolonnen "Løbenr" er læst fra overskriften "løbenr" \(kolonne 1; store\/små bogstaver afviger\)/],
    ['a Windows-1252 export', 'excel-windows-1252', /er ikke UTF-8: den er indlæst som Windows-1252/],
    ['REDCap repeating-instrument rows', 'redcap-events', /12 række\(r\) er ikke læst: rækker fra gentagne REDCap-skemaer/],
  ];

  /** What `hta analyze` prints on reading the export (load-inputs.ts), through main.ts's stderr in `lang`: in-process, without the analysis. */
  async function readNotes(dir: string, lang: 'en' | 'da'): Promise<string> {
    let stderr = '';
    const io = stderrIn({ stdout: () => {}, stderr: (t) => (stderr += t) }, lang);
    const { trial } = loadTrialInputs(join(EXPORTS, dir, 'export.csv'), join(EXPORTS, dir, 'plan.json'), { lang });
    reportExclusion(trial, io, lang);
    return stderr;
  }

  for (const [what, dir, said] of runs) {
    it(`${what}: "bemærk:" and Danish words; "note:" and English without --lang da`, async () => {
      const da = await readNotes(dir, 'da');
      expect(da).toMatch(/^bemærk: /m);
      expect(da).toMatch(said);
      expect(da).not.toMatch(ENGLISH_PREFIX);
      expect(da).not.toMatch(/read from header|not read:|is not UTF-8/);
      expect(await readNotes(dir, 'en')).toMatch(/^note: .*(read from header|not read:|is not UTF-8)/m);
    });
  }

  it('hta analyze --lang da: the whole run\'s stderr has no English prefix; exit 0 as in English', async () => {
    const argv = ['analyze', join(EXPORTS, 'excel-resave-lowercase', 'export.csv'), '--plan', join(EXPORTS, 'excel-resave-lowercase', 'plan.json')];
    const da = await runCli(...argv, '--lang', 'da');
    expect(da.stderr).toMatch(/^bemærk: .*kolonnen "Løbenr"/m);
    expect(da.stderr).not.toMatch(ENGLISH_PREFIX);
    expect(da.code).toBe(0);
  });

  it('hta cea --lang da: the export\'s read notes in Danish too (a reviewer found them English)', async () => {
    const dir = tempDir();
    const csv = readFileSync('data/synthetic/selfback-trial.csv', 'utf8');
    writeFileSync(join(dir, 'export.csv'), csv.replace(/^id,/, 'ID,'));
    const da = await runCli('cea', join(dir, 'export.csv'), '--plan', 'data/plans/selfback.cea.json', '--replicates', '100', '--lang', 'da');
    expect(da.code).toBe(0);
    expect(da.stderr).toMatch(/^bemærk: .*kolonnen "id" er læst fra overskriften "ID"/m);
    expect(da.stderr).not.toMatch(/read from header/);
  });

  it('hta uptake --lang da: the notes on scenario years the export observed and on DAGI region codes in Danish', () => {
    // In-process words only: a whole uptake run starts the SQL engine (seconds); the CLI passes its --lang to runUptake.
    expect(observedScenarioYearsNote(2025, [2025], 'da')).toMatch(/^optagsscenarierne begynder i 2025, og udtrækket dækker hele 2025: budgettet viser en forventet udgift ved siden af den observerede for det år/);
    expect(observedScenarioYearsNote(2025, [2025])).toMatch(/^the uptake scenarios start in 2025/);
    expect(regionCodesNote('e.csv', new Map([['1081', 'Region Nordjylland']]), 'da')).toMatch(/^e\.csv: regionskoder læst som de danske regioner, de nummererer \(DAGI\) — 1081 som Region Nordjylland;/);
    expect(regionCodesNote('e.csv', new Map([['1081', 'Region Nordjylland']]))).toMatch(/^e\.csv: region codes read as the Danish regions they number \(DAGI\) — 1081 as Region Nordjylland;/);
  });

  it('a refusal: "fejl:" under --lang da (also --lang=da), "error:" without, exit 2 both ways', async () => {
    const argv = ['analyze', join(EXPORTS, 'repeated-rows', 'export.csv'), '--plan', join(EXPORTS, 'repeated-rows', 'plan.json')];
    const da = await runCli(...argv, '--lang', 'da');
    expect(da.code).toBe(2);
    expect(da.stderr).toMatch(/^fejl: /);
    expect(da.stderr).not.toMatch(ENGLISH_PREFIX);
    expect((await runCli(...argv, '--lang=da')).stderr).toMatch(/^fejl: /);
    const en = await runCli(...argv);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/^error: /);
  });

  it('only a line\'s own prefix changes, and only for --lang da before "--"', () => {
    expect(danishPrefixes('note: a\n  x: note: b\nwarning: c\nerror: d\n')).toBe('bemærk: a\n  x: note: b\nadvarsel: c\nfejl: d\n');
    expect(requestedLang(['analyze', 'x.csv', '--lang', 'da'])).toBe('da');
    expect(requestedLang(['analyze', 'x.csv', '--lang', 'en'])).toBe('en');
    expect(requestedLang(['analyze', '--', '--lang', 'da'])).toBe('en');
    expect(requestedLang(['meta', 'x.csv', '--lang', 'en', '--lang', 'da'])).toBe('en');
  });
});
