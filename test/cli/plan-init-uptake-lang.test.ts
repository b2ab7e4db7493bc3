// `hta plan init --uptake registry.csv --lang da` (plan/draft-notes-da.ts uptakeDraftLineDa): the
// uptake draft's common notes in Danish, each line whole (glossary-da.md: "filen med antal
// berettigede", "diskretioneret", "den månedlige serie / klinikkernes tragtplot"); a note the
// catalogue does not know stays English whole; the plan drafted is the same in both languages.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

/** A small Danish registry export with four-digit day-first dates. */
function registry(): string {
  const lines = ['id,region,clinic,referred,activated,last_active,age,sex,referrer'];
  for (let i = 0; i < 30; i++) {
    const m = (i % 12) + 1, d = ((i * 7) % 25) + 1;
    const act = i % 3 ? `${d + 1}/${m}/2024` : '';
    lines.push(`R${i},${i % 2 ? 'Hovedstaden' : 'Sjælland'},H00${i % 4},${d}/${m}/2024,${act},${act ? `${d + 3}/${m}/2024` : ''},${30 + i},${i % 2 ? 'm' : 'f'},gp`);
  }
  return lines.join('\n') + '\n';
}

it('the common notes of the uptake draft in Danish, whole; the plan the same as in English', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'registry.csv'), registry());
  const da = await runCli('plan', 'init', '--uptake', join(dir, 'registry.csv'), '--lang', 'da');
  const en = await runCli('plan', 'init', '--uptake', join(dir, 'registry.csv'));
  expect(da.code, da.stderr).toBe(0);
  expect(da.stdout).toBe(en.stdout);
  expect(da.stderr).toContain('bemærk: priceModel og scenarios er pladsholdere (nævnt i "placeholders"): erstat dem med leverandørens prismodel');
  expect(da.stderr).toContain('bemærk: regioner set i alle 30 rækker: Sjælland, Hovedstaden — filen med antal berettigede skal nævne hver af dem');
  expect(da.stderr).toContain('bemærk: filen med antal berettigede skal have kolonnerne region, year og eligible');
  expect(da.stderr).toContain('bemærk: registret er lille (30 rækker, under 2.000): udkastet udelader den månedlige serie, klinikkernes tragtplot og opdelingerne');
  for (const english of ['are placeholders', 'regions seen in', 'the eligible file needs', 'the registry is small']) expect(da.stderr).not.toContain(english);
  expect(en.stderr).toContain('note: priceModel and scenarios are placeholders');
  // Every Danish line is Danish to its end: none keeps an English tail.
  const texts = da.stderr.split('\n').map((l) => l.replace(/^(?:bemærk|advarsel): /, ''));
  for (const text of texts.filter((t) => /æ|ø|å/.test(t.replace(/"[^"]*"/g, '').replace(/Sjælland/g, '')))) expect(text, text).not.toMatch(/\b(?:the|and|with|from|rows)\b/);
});

it('the exportDate note, drafted for nearly every registry (one not ending on 31 December), in Danish whole: the column by its Danish name', async () => {
  const dir = tempDir();
  // The latest date a last-active date; then, with no activation at all, a referral date.
  const noActivation = registry().split('\n').map((l, i) => (i === 0 || l === '' ? l : l.split(',').map((c, j) => (j === 4 || j === 5 ? '' : c)).join(','))).join('\n');
  for (const [file, text, word] of [['registry.csv', registry(), 'datoen for sidste aktivitet'], ['referred.csv', noActivation, 'henvisningsdatoen']] as const) {
    writeFileSync(join(dir, file), text);
    const en = await runCli('plan', 'init', '--uptake', join(dir, file));
    const da = await runCli('plan', 'init', '--uptake', join(dir, file), '--lang', 'da');
    expect(da.code, da.stderr).toBe(0);
    const m = /note: exportDate (\S+) drafted from the latest date in the file \(the [a-z -]+ on line (\d+)\): the registry ends within (\d{4})/.exec(en.stderr);
    expect(m, en.stderr).not.toBeNull();
    expect(da.stderr).toContain(`bemærk: exportDate ${m![1]}: udkastet har filens seneste dato (${word} på linje ${m![2]}): registret slutter inden for ${m![3]}; blev udtrækket lavet senere, så angiv den dag, det blev lavet — fastholdelsen censureres ved udtrækkets dato, og ingen dato efter den accepteres\n`);
    expect(da.stderr).not.toContain('drafted from the latest date');
  }
});
