/**
 * `hta meta --lang da`: the mistakes typing a study sheet from papers meets most often — a group
 * size of 0, more events than patients, events not whole, an SE of 0, a repeated column (one
 * structural problem) — are refused in Danish line by line, and a Danish sheet's one "95% CI"
 * column and "1,375" read as thousands are noted in Danish (src/report/problem-text.ts,
 * src/meta/warnings-da.ts). Checked with the English-words scan the Danish pages use
 * (test/support/english-words.ts), on each line without its place, quoted values and column names.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGLISH_WORDS } from '../support/english-words.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const dir = tempDir();
function file(name: string, lines: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

/** A line without what is not prose: the test's folder, the place and column name, quoted values, the sheet's column names. */
function prose(line: string): string {
  return line
    .split(dir).join('')
    .replace(/^(?:fejl|bemærk): /, '')
    .replace(/^ {2}\S*?:\d+(?::\d+)?(?: \([^)]*\))?:/, '  ')
    .replace(/"[^"]*"/g, '""')
    // hta meta's own column names, as a note names what it read a column as ("er læst som outcome").
    .replace(/\b(?:study|outcome|time|difference|ci_lower|ci_upper|n_intervention|n_control|events_\w+)\b/g, '');
}

function expectDanish(lines: string[]): void {
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(ENGLISH_WORDS.exec(prose(line))?.[0], line).toBeUndefined();
}

/** The refusal's lines: from "fejl:" to the last problem line. */
function refusal(stderr: string): string[] {
  const lines = stderr.split('\n');
  const at = lines.findIndex((l) => l.startsWith('fejl: '));
  if (at < 0) return [];
  const end = lines.findIndex((l, i) => i > at && !l.startsWith('  '));
  return lines.slice(at, end < 0 ? undefined : end).filter((l) => l !== '');
}

const ARMS = 'study,outcome,time,mean_intervention,sd_intervention,n_intervention,mean_control,sd_control,n_control';
const EVENTS = 'study,outcome,time,events_intervention,n_intervention,events_control,n_control';

describe('hta meta --lang da: the common typing mistakes, refused in Danish', () => {
  it.each([
    ['a group size of 0', 'gruppe-0.csv', [ARMS, 'A 2020,pain,3m,5,2,40,6,2,40', 'B 2021,pain,3m,5,2,40,6,2,0'], ['(n_control): "0" — forventet en gruppestørrelse: et helt tal ≥ 1']],
    ['more events than patients, events not whole', 'haendelser.csv', [EVENTS, 'A 2020,ae,3m,50,40,6,40', 'B 2021,ae,3m,5.5,40,6,40'], ['(events_intervention): "50" — forventet et antal hændelser ≤ n_intervention (40)', '(events_intervention): "5.5" — forventet et antal hændelser: et helt tal ≥ 0']],
    ['an SE of 0', 'se-0.csv', ['study,outcome,time,difference,se', 'A 2020,pain,3m,-1,0'], ['(se): "0" — forventet en standardfejl > 0']],
  ])('%s', async (_what, name, lines, expected) => {
    const sheet = file(name, lines);
    const da = await runCli('meta', sheet, '--lang', 'da');
    expect(da.code).toBe(2);
    const refused = refusal(da.stderr);
    for (const e of expected) expect(da.stderr).toContain(e);
    expectDanish(refused);
  });

  it('one structural problem: "1 strukturelt problem"', async () => {
    const sheet = file('dobbelt.csv', ['study,outcome,time,measure,difference,ci_lower,ci_upper,n_intervention,n_control,n_control', 'Sandal 2021,rmdq,3m,MD,-0.79,-1.51,-0.06,232,229,229']);
    const da = await runCli('meta', sheet, '--lang', 'da');
    expect(da.code).toBe(2);
    expect(da.stderr).toContain(`fejl: ${sheet} har 1 strukturelt problem\n`);
  });
});

describe('hta meta --lang da: a Danish sheet\'s notes, in Danish', () => {
  it('one "95% CI" column read as the two bounds', async () => {
    const sheet = file('dk.csv', ['Studie,Effektmål,Tidspunkt,Forskel,95% CI,n_intervention,n_control', 'Sandal 2021,rmdq,3 mdr,-0.79,-1.51 to -0.06,232,229', 'Hansen 2022,rmdq,3 mdr,-0.5,-1.2 to 0.1,100,100']);
    const da = await runCli('meta', sheet, '--lang', 'da');
    expect(da.code, da.stderr).toBe(0);
    const notes = da.stderr.split('\n').filter((l) => l.startsWith('bemærk: '));
    expect(notes).toContain(`bemærk: ${sheet}: 95 %-KI i kolonne 5 "95% CI" er læst som ci_lower og ci_upper i 2 række(r) (linje 2: "-1.51 to -0.06" som -1.51 og -0.06)`);
    expectDanish(notes);
  });

  it('"1,375" read as thousands where the sheet shows the decimal point', async () => {
    const sheet = file('tusinder.csv', ['study,outcome,time,difference,ci_lower,ci_upper,n_intervention,n_control', 'A 2020,omkostninger,12m,"1,375",1000,2000,40,40', 'B 2021,omkostninger,12m,800.5,100,1500,50,50']);
    const [en, da] = [await runCli('meta', sheet), await runCli('meta', sheet, '--lang', 'da')];
    expect(en.stderr).toContain('were read as thousands (1375)');
    const note = da.stderr.split('\n').find((l) => l.startsWith(`bemærk: ${sheet}: kolonne "difference"`));
    expect(note, da.stderr).toContain('er læst som tusinder (1375)');
    expectDanish([note!.replace('"difference"', '""')]);
  });
});
