/**
 * Two kinds of problem line a Danish user meets first, English under `--lang da` until session 34
 * (docs/cli.md "Danish output"): a plan naming columns the export does not have (id, arm, a
 * covariate, an outcome, a visit's suffix), and a registry date in another format than the plan's
 * ("20-apr-2024" under DD-MM-YYYY, with the hint of which "dateFormat" reads it). Each line must be
 * Danish as a whole — its frame ("forventet", "linjer", "kolonne") follows only when every part of
 * it has a Danish wording (problem-groups.ts) — and the English stays as it was.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATE_FORMAT_EXAMPLE, type DateFormat } from '../../src/uptake/registry-dates.js';
import { registryDateExpectedDa } from '../../src/uptake/registry-dates-da.js';
import { danishErrorMessage } from '../../src/report/problem-text.js';
import { ENGLISH_WORDS } from '../support/english-words.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

/** A problem line without what is not prose: its place, quoted names, JSON and the format's letters. */
const prose = (line: string) =>
  line
    .replace(/^\s*(?:\d+ × )?\S+?:(?:\d+|linjer [\d–, …]+(?:\(\d+ intervaller mere\))?)(?::\d+|, kolonne \d+)?(?: \(\S+\))?: /, '')
    .replace(/"[^"]*"/g, '""')
    // The export's own column names, listed as they are.
    .replace(/\(kolonnerne er: [^)]*\)/g, '()')
    .replace(/\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/g, '{}')
    .replace(/\b(?:columns|covariates|items|column|timeLabels|timepoints|baseline|dateFormat|auto|iso-datetime|Oracle|Qlik|Excel|SAS|Stata|DATE\d*\.|DATETIME\d*\.|DDMMYY10\.|YYMMDDN8\.|UTC)\b/g, '');

function expectDanish(line: string): void {
  expect(line).toContain('— forventet ');
  expect(ENGLISH_WORDS.exec(prose(line))?.[0], line).toBeUndefined();
}

const problemLines = (stderr: string) => stderr.split('\n').filter((l) => /^\s+\S/.test(l));

describe('a plan naming columns the export does not have, under --lang da', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'export.csv'), 'record_id,arm,sex,age,rmdq_0,rmdq_3m\n1,1,1,40,12,8\n2,2,2,51,14,9\n');
  const plan = {
    arms: { intervention: '1', control: '2' },
    columns: { id: 'pid', arm: 'gruppe' },
    layout: 'wide',
    timepoints: ['6m'],
    allTimepoints: ['baseline', '6m'],
    timeLabels: { '0': 'baseline' },
    covariates: ['alder'],
    outcomes: [{ key: 'rmdq', instrument: 'rmdq', mcid: 5, column: 'rmdqq' }],
    methods: ['welch'],
  };
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));

  it('says every missing column in Danish, and in English as before', async () => {
    const da = await runCli('validate', join(dir, 'export.csv'), '--plan', join(dir, 'plan.json'), '--lang', 'da');
    expect(da.code).toBe(2);
    const lines = problemLines(da.stderr);
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) expectDanish(line);
    expect(da.stderr).toContain('"pid" — forventet en kolonne med patient-id ved navn "pid" (kolonnerne er: record_id, arm, sex, age, rmdq_0, rmdq_3m); angiv den i planens "columns": { "id": … }');
    expect(da.stderr).toContain('"gruppe" — forventet en kolonne med gruppen ved navn "gruppe"');
    expect(da.stderr).toContain('"alder" — forventet en kolonne "alder" til kovariaten "alder" (kolonnerne er: record_id, arm, sex, age, rmdq_0, rmdq_3m); angiv dens kolonne i "columns": { "covariates": { "alder": "…" } }');
    expect(da.stderr).toContain('"rmdqq" — forventet en kolonne "rmdqq" til effektmålet "rmdq" eller dets spørgsmålskolonner rmdqq_1…rmdqq_24; angiv "column" (eller "items") i planen, hvis den hedder noget andet');
    const en = await runCli('validate', join(dir, 'export.csv'), '--plan', join(dir, 'plan.json'));
    expect(en.stderr).toContain('"pid" — expected a patient id column named "pid" (columns are: record_id, arm, sex, age, rmdq_0, rmdq_3m); name it in the plan\'s "columns": { "id": … }');
    expect(en.stderr).toContain('"alder" — expected a column "alder" for covariate "alder" (columns are: record_id, arm, sex, age, rmdq_0, rmdq_3m); map it in "columns": { "covariates": { "alder": "…" } }');
  });

  it('says a visit suffix the export does not have in Danish, with the export\'s visits', async () => {
    const fixed = { ...plan, columns: { id: 'record_id', arm: 'arm' }, covariates: [], outcomes: [{ key: 'rmdq', instrument: 'rmdq', mcid: 5, column: 'rmdq' }] };
    writeFileSync(join(dir, 'plan-visits.json'), JSON.stringify(fixed));
    const da = await runCli('validate', join(dir, 'export.csv'), '--plan', join(dir, 'plan-visits.json'), '--lang', 'da');
    expect(da.code).toBe(2);
    const lines = problemLines(da.stderr);
    expect(lines).toEqual([
      `  ${join(dir, 'export.csv')}:1: "_6m" — forventet kolonner, der ender på "_6m", til planens besøg "6m"; eksportens besøg: _0, _3m — sæt "baseline" og "timepoints" til eksportens besøg, eller knyt dem til planens med "timeLabels"`,
    ]);
    expectDanish(lines[0]!);
  });
});

describe('registry dates in another format, under --lang da', () => {
  it('says the format, the "dateFormat" that reads the cell and "or empty" in Danish', async () => {
    const dir = tempDir();
    const rows = readFileSync('data/synthetic/registry.csv', 'utf8').split('\n').slice(0, 400);
    const months = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
    // Oracle's DD-MON-YYYY, as an SPSS or Oracle export writes it, under a plan that says DD-MM-YYYY.
    const oracle = rows.map((r, i) => (i === 0 ? r : r.replace(/(\d{4})-(\d{2})-(\d{2})/g, (_m, y: string, m: string, d: string) => `${d}-${months[Number(m) - 1]}-${y}`)));
    writeFileSync(join(dir, 'registry.csv'), oracle.join('\n') + '\n');
    const plan = JSON.parse(readFileSync('data/plans/uptake.plan.json', 'utf8')) as Record<string, unknown>;
    delete plan.$schema;
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...plan, dateFormat: 'dd-mm-yyyy' }));
    const da = await runCli('uptake', join(dir, 'registry.csv'), '--eligible', 'data/synthetic/eligible.csv', '--plan', join(dir, 'plan.json'), '--lang', 'da');
    expect(da.code).toBe(2);
    const lines = problemLines(da.stderr).filter((l) => l.includes('kalenderdato') || l.includes('calendar date'));
    expect(lines.length).toBe(3);
    for (const line of lines) expectDanish(line);
    expect(lines[0]).toContain('— forventet en gyldig kalenderdato skrevet DD-MM-YYYY (det er en dato med en månedsforkortelse, som Oracle, Qlik og SPSS skriver den: sæt "dateFormat": "dd-mon-yyyy" eller "auto" i optagsplanen)');
    expect(lines[1]).toContain('— forventet en gyldig kalenderdato skrevet DD-MM-YYYY eller tom (det er en dato med en månedsforkortelse');
    const en = await runCli('uptake', join(dir, 'registry.csv'), '--eligible', 'data/synthetic/eligible.csv', '--plan', join(dir, 'plan.json'));
    expect(en.stderr).toContain('— expected a real calendar date written DD-MM-YYYY (this is a date with a month abbreviation, as Oracle, Qlik and SPSS write it: set "dateFormat": "dd-mon-yyyy" or "auto" in the uptake plan)');
  });

  it('words every format, with "or empty" and a time-of-day fault, and leaves a text of unknown parts English', () => {
    for (const format of Object.keys(DATE_FORMAT_EXAMPLE) as DateFormat[]) {
      const written = `a real calendar date ${format === 'excel-serial' ? '' : 'written '}${DATE_FORMAT_EXAMPLE[format]}`;
      for (const text of [written, `${written}, or empty`]) {
        const da = registryDateExpectedDa(text);
        expect(da, text).toBeDefined();
        expect(ENGLISH_WORDS.exec(prose(`x:1: — forventet ${da!}`))?.[0], da).toBeUndefined();
      }
    }
    expect(registryDateExpectedDa('a real calendar date written DD.MM.YYYY — its date part reads, but its time of day "25.00.00" is out of range (hours 00–23, minutes and seconds 00–59)')).toBe(
      'en gyldig kalenderdato skrevet DD.MM.YYYY — datoen kan læses, men klokkeslættet "25.00.00" er uden for det gyldige (timer 00–23, minutter og sekunder 00–59)',
    );
    expect(registryDateExpectedDa('a real calendar date written YYYY-MM-DD — a date with a time of day, as "dateFormat": "iso-datetime" reads, but its time of day is out of range (hours 00–23, minutes and seconds 00–59)')).toContain(
      'en dato med et klokkeslæt, som "dateFormat": "iso-datetime" læser, men dens klokkeslæt er uden for det gyldige',
    );
    // A tail this module does not know: the whole text stays English (the line is then English as a whole).
    expect(registryDateExpectedDa('a real calendar date written YYYY-MM-DD (month names not recognised: "febbraio" is no month name hta knows)')).toBeUndefined();
  });
});

describe('an output name that is taken, under --lang da', () => {
  it('says in Danish that hta does not write over it, and leaves the file as it was', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'export.csv'), 'record_id,arm,rmdq_0,rmdq_3m\n1,1,12,8\n2,2,14,9\n');
    writeFileSync(join(dir, 'plan.json'), 'the user\'s own file');
    const da = await runCli('plan', 'init', join(dir, 'export.csv'), '--out', join(dir, 'plan.json'), '--lang', 'da');
    expect(da.code).toBe(2);
    expect(da.stderr).toBe(`fejl: ${join(dir, 'plan.json')} findes allerede; hta skriver ikke over en fil — vælg et andet navn, eller tilføj --force for at erstatte den\n`);
    expect(readFileSync(join(dir, 'plan.json'), 'utf8')).toBe("the user's own file");
    expect(danishErrorMessage('out/x.csv appeared while hta was writing it (it was not there when this run began): another program wrote it meanwhile — if another hta run is writing the same folder, let it finish, then run this again; hta does not write over a file')).toBe(
      'out/x.csv dukkede op, mens hta skrev den (den fandtes ikke, da kørslen begyndte): et andet program skrev den imens — skriver en anden hta-kørsel i samme mappe, så lad den blive færdig, og kør så denne igen; hta skriver ikke over en fil',
    );
  });
});
