/**
 * `hta meta`, `hta uptake` and `hta analyze --exclude-invalid` under `--lang da`: the refusals a
 * Danish user meets typing a study sheet or exporting a registry by hand, and the trial's summary of
 * the rows left out, are Danish line by line (src/report/problem-text.ts, src/trial/exclusion-summary.ts):
 * no line of them may be English only — the English-words scan the Danish pages use
 * (test/support/english-words.ts), run on each line without its quoted names, paths and the
 * sheet's column names. The place (file, line, column, value) and the exit code are English's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGLISH_WORDS } from '../support/english-words.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const dir = tempDir();
/** A file of `lines` in the test's folder. */
function file(name: string, lines: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

const HEADER = 'study,outcome,time,measure,difference,ci_lower,ci_upper,n_intervention,n_control';
/** Study sheets typed by hand from papers, each with one kind of mistake. */
const SHEETS: Record<string, string[]> = {
  'tom.csv': [HEADER],
  'omdoebt.csv': ['study,outcome,time,diff,lower,upper', 'Sandal 2021,rmdq,3m,-0.79,-1.51,-0.06'],
  'median.csv': ['study,outcome,time,median_intervention,iqr_intervention,median_control,iqr_control,n_intervention,n_control', 'Hansen 2020,rmdq,3m,5,3-7,6,4-8,40,40'],
  'kun-n.csv': [HEADER, 'Sandal 2021,rmdq,3m,MD,,,,232,229'],
  'byttet.csv': [HEADER, 'Sandal 2021,rmdq,3m,MD,-0.79,-0.06,-1.51,232,229'],
  'uden-for.csv': [HEADER, 'Sandal 2021,rmdq,3m,MD,-3.5,-1.51,-0.06,232,229'],
  'to-gange.csv': [HEADER, 'Sandal 2021,rmdq,3m,MD,-0.79,-1.51,-0.06,232,229', 'Sandal et al. 2021,rmdq,3m,MD,-0.5,-1.2,0.1,100,100'],
  'stavet.csv': [HEADER, 'Sandal 2021,rmdq,3m,MD,-0.79,-1.51,-0.06,232,229', 'Hansen 2022,RMDQ,3m,MD,-0.5,-1.2,0.1,100,100', 'Hansen 2023,rmdq,3m,MD,-0.5,-1.2,0.1,100,100'],
  'ingen-slags.csv': ['study,outcome,time', 'Sandal 2021,rmdq,3m'],
  'dobbelt-kolonne.csv': [`${HEADER},n_control`, 'Sandal 2021,rmdq,3m,MD,-0.79,-1.51,-0.06,232,229,229'],
};

/** The bundled registry's first rows with a date typed wrong, an unknown sex code, and a copy missing columns. */
function registries(): { badCells: string; fewColumns: string } {
  const lines = readFileSync('data/synthetic/registry.csv', 'utf8').split('\n').slice(0, 41);
  const badCells = lines.map((l, i) => (i === 5 ? l.replace(/,2024-/, ',20X4-') : i === 8 ? l.replace(/,[mf],/, ',x,') : l));
  const fewColumns = lines.map((l) => l.split(',').slice(0, 4).join(','));
  return { badCells: file('register.csv', badCells), fewColumns: file('register-uden-kolonner.csv', fewColumns) };
}

/** A line of a Danish run without what is not prose: quoted names and values, the test's paths, column and plan names. */
function prose(line: string): string {
  return line
    .split(dir).join('')
    // The place and the column's name (`file:6:2 (arm):`, `file:linjer 2–3, kolonne 4 (median_intervention):`).
    .replace(/^ {2}(?:\d+ × )?\S*?:(?:\d+(?::\d+)?|linjer [\d–, …]+(?:\(\d+ intervaller mere\))?(?:, kolonne \d+)?)(?: \([^)]*\))?:/, '  ')
    .replace(/"[^"]*"/g, '""')
    .replace(/\b(?:ci_lower|ci_upper|n_intervention|n_control|difference|median_\w+|iqr_\w+|columns\.registry\.\w+|publish\.equity|values\.\w+)\b/g, '');
}

/** The refusal's lines (from "fejl:"/"error:" on) or the exclusion summary's (from "udelod"/"excluded" to the first prefixed line). */
function refusal(stderr: string): string[] {
  const lines = stderr.split('\n');
  const at = lines.findIndex((l) => /^(?:fejl|error): |^(?:udelod|excluded) \d/.test(l));
  if (at < 0) return [];
  const end = lines.findIndex((l, i) => i > at && !/^ {2}/.test(l));
  return lines.slice(at, end < 0 ? undefined : end).filter((l) => l !== '');
}

/** Each Danish line: no English-only words in its prose, and the place of the English line it stands for. */
function expectDanish(da: string[], en: string[]): void {
  expect(da.length).toBeGreaterThan(0);
  expect(da.length).toBe(en.length);
  da.forEach((line, i) => {
    expect(ENGLISH_WORDS.exec(prose(line))?.[0], line).toBeUndefined();
    // The place and value (`file:2:8 (n_intervention): "abc"`) as in English.
    const place = /^ {2}(?:\d+ × )?(\S+?:\d+(?::\d+)?)(?: \([^)]*\))?:(?: "[^"]*")?/.exec(en[i]!)?.[1];
    if (place) expect(line).toContain(place);
  });
}

describe('hta meta --lang da: a hand-typed study sheet refused in Danish, line by line', () => {
  it.each(Object.keys(SHEETS))('%s', async (name) => {
    const sheet = file(name, SHEETS[name]!);
    const [en, da] = [await runCli('meta', sheet), await runCli('meta', sheet, '--lang', 'da')];
    expect(en.code).toBe(2);
    expect(da.code).toBe(2);
    expectDanish(refusal(da.stderr), refusal(en.stderr));
  });

  it('a study sheet that does not exist', async () => {
    const missing = join(dir, 'studier.csv');
    const da = await runCli('meta', missing, '--lang', 'da');
    expect(da.code).toBe(2);
    expect(da.stderr).toContain(`fejl: kan ikke læse ${missing}: filen findes ikke`);
  });

  it('the words: a row of group sizes only, a median, a study entered twice under two spellings', async () => {
    const da = async (name: string) => (await runCli('meta', file(name, SHEETS[name]!), '--lang', 'da')).stderr;
    expect(await da('kun-n.csv')).toContain('— forventet et resultat ved siden af gruppestørrelserne: rækken angiver kun n_intervention og n_control; tilføj forskellen med dens 95 %-KI');
    expect(await da('median.csv')).toContain('— forventet gennemsnit og SD pr. gruppe eller en forskel med dens 95 %-KI: rækken angiver en median eller IQR (median_intervention, iqr_intervention, median_control, iqr_control)');
    expect(await da('to-gange.csv')).toContain('(study): "Sandal et al. 2021" — forventet én række pr. studie, effektmål, tidspunkt, mål og subgruppe (linje 2 har det samme ("Sandal 2021": navne, der kun afviger i "et al."');
  });
});

describe('hta meta --lang da: the notes on how the sheet was read, in Danish', () => {
  it('columns not read, a bound read under its usual name, a follow-up read as a time', async () => {
    const median = file('median-noter.csv', SHEETS['median.csv']!);
    expect((await runCli('meta', median, '--lang', 'da')).stderr).toContain(`bemærk: ${median}: kolonner, der ikke er læst: 4 "median_intervention", 5 "iqr_intervention", 6 "median_control", 7 "iqr_control"\n`);
    const bounds = file('graenser.csv', ['study,outcome,time,difference,95% CI lower,95% CI upper', 'Sandal 2021,rmdq,3 months,-0.79,-1.51,-0.06', 'Hansen 2022,rmdq,3m,-0.5,-1.2,0.1']);
    const [en, da] = [(await runCli('meta', bounds)).stderr, (await runCli('meta', bounds, '--lang', 'da')).stderr];
    expect(da).toContain(`bemærk: ${bounds}: kolonne 5 "95% CI lower" er læst som ci_lower\n`);
    expect(da).toContain(`bemærk: ${bounds}: opfølgning "3 months" (linje 2) er læst som 3m\n`);
    expect(en).toContain(`note: ${bounds}: column 5 "95% CI lower" read as ci_lower\n`);
    for (const line of da.split('\n').filter((l) => l.startsWith('bemærk: '))) expect(ENGLISH_WORDS.exec(prose(line))?.[0], line).toBeUndefined();
  });
});

describe('hta uptake --lang da: a registry refused in Danish, line by line', () => {
  const { badCells, fewColumns } = registries();
  const run = (registry: string, ...lang: string[]) => runCli('uptake', registry, '--plan', 'data/plans/uptake.plan.json', '--eligible', 'data/synthetic/eligible.csv', ...lang);

  it.each([
    ['a date typed wrong and an unknown sex code', badCells],
    ['columns missing', fewColumns],
  ])('%s', async (_what, registry) => {
    const [en, da] = [await run(registry), await run(registry, '--lang', 'da')];
    expect(en.code).toBe(2);
    expect(da.code).toBe(2);
    expectDanish(refusal(da.stderr), refusal(en.stderr));
  });

  it('the words: the invalid values, a date, the columns the plan can name', async () => {
    const bad = (await run(badCells, '--lang', 'da')).stderr;
    expect(bad).toContain(`fejl: ${badCells} har 2 ugyldige værdi(er) i 2 række(r) (--exclude-invalid udelader sådanne rækker og fortsætter)`);
    expect(bad).toContain('— forventet en gyldig kalenderdato skrevet YYYY-MM-DD');
    expect(bad).toMatch(/— forventet kvinde, mand eller ukendt \(.*\) eller en tom celle; knyt andre værdier til dem med optagsplanens "values\.sex"/);
    const few = (await run(fewColumns, '--lang', 'da')).stderr;
    expect(few).toContain(`fejl: ${fewColumns} mangler registerkolonner`);
    expect(few).toContain(`${fewColumns}:1 (activated): — forventet en kolonne med navnet "activated" — eller filens navn for den i optagsplanens columns.registry.activated (har: id, region, clinic, referred)`);
  });
});

describe('hta analyze --exclude-invalid --lang da: the rows left out, in Danish', () => {
  it('the summary and each problem line', async () => {
    const lines = readFileSync('data/synthetic/selfback-trial.csv', 'utf8').split('\n').slice(0, 400);
    const header = lines[0]!.split(',');
    const cells = (i: number) => lines[i]!.split(',');
    const arm = cells(5);
    arm[header.indexOf('arm')] = 'Appp';
    lines[5] = arm.join(',');
    const item = cells(9);
    item[header.indexOf('rmdq_1')] = '77';
    lines[9] = item.join(',');
    const trial = file('forsoeg.csv', lines);
    const args = ['analyze', trial, '--plan', 'data/plans/selfback.plan.json', '--exclude-invalid'];
    const [en, da] = [await runCli(...args), await runCli(...args, '--lang', 'da')];
    expect(da.code).toBe(en.code);
    const summary = refusal(da.stderr);
    expectDanish(summary, refusal(en.stderr));
    expect(summary[0]).toMatch(/^udelod 2 række\(r\) med 2 problem\(er\) \(linjer 6, 10\); deres værdier læses som manglende/);
    expect(summary[2]).toContain('(rmdq_1): "77" — forventet et svar fra 0 til 1 (spørgsmålene i Roland-Morris funktionsskema (24 spørgsmål))');
    expect(refusal(en.stderr)[0]).toMatch(/^excluded 2 row\(s\) with 2 problem\(s\) \(lines 6, 10\); their values are read as missing/);
  });
});
