/**
 * The notes on how an input was read, under `--lang da` (docs/cli.md "Danish output"): a header
 * line repeated (files joined) or underlined (SQL Server Management Studio), SSMS's closing lines,
 * an eligible file's total rows, years as columns, a pivot caption and year cells with a thousands
 * mark, a registry column read by hta's default name beside another name for it, and day numbers
 * read as dates. Until 6 December 2026 each was printed in English after a Danish "bemærk:".
 * Checked with the English-words scan the Danish pages use, on each note without quoted values,
 * the plan's JSON and the docs section it names.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGLISH_WORDS } from '../support/english-words.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';
import { eligiblePivotCaptionNote, eligibleTotalsNote, eligibleWideNote, eligibleYearMarkNote } from '../../src/uptake/read-registry.js';
import { unreadSynonymNotes } from '../../src/uptake/registry-column-names.js';
import { dayNumberFormat } from '../../src/uptake/registry-dates.js';
import { ssmsTrailerNote } from '../../src/io/ssms-trailer.js';
import { headerUnderlineNote, repeatedHeaderNote } from '../../src/uptake/repeated-header.js';

afterAll(removeTempDirs);

/** A note without what is not prose: the prefix, the file, quoted values, JSON and the docs section. */
function prose(note: string): string {
  return note
    .replace(/^(?:bemærk|note): /, '')
    .replace(/^\S+?: /, '')
    .replace(/\{.*\}/g, '{}')
    .replace(/"[^"]*"/g, '""')
    .replace(/\(docs\/\S+ ""\)|docs\/\S+ ""/g, '')
    .replace(/\bdateFormat\b/g, '');
}

function expectDanish(notes: readonly (string | undefined)[]): void {
  expect(notes.length).toBeGreaterThan(0);
  for (const note of notes) {
    expect(note).toBeDefined();
    expect(ENGLISH_WORDS.exec(prose(note!))?.[0], note).toBeUndefined();
  }
}

const notesOf = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('bemærk: '));

describe('read notes in Danish', () => {
  it('each note function words its Danish whole (and its English as before)', () => {
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    const sas = dayNumberFormat({ min: 23513, max: 23590, example: '23513' }, day('2000-01-01'), day('2025-11-30'), 'da');
    expect('note' in sas && sas.format).toBe('sas-day');
    const da = [
      'note' in sas ? sas.note : undefined,
      ssmsTrailerNote('r.csv', [304, 306], 'da'),
      repeatedHeaderNote('r.csv', [22], 'da'),
      repeatedHeaderNote('r.csv', [22, 40], 'da'),
      headerUnderlineNote('r.csv', [2], 'da'),
      eligibleTotalsNote('e.csv', [{ line: 7, label: 'I alt', year: 2024 }] as never, 'da'),
      eligibleWideNote('e.csv', { years: [2024, 2025], totalColumns: ['Total'] }, 'da'),
      eligiblePivotCaptionNote('e.csv', 'Sum af Antal', 'da'),
      eligibleYearMarkNote('e.csv', { count: 5, example: '2.024' }, 'da'),
      ...unreadSynonymNotes('r.csv', ['clinic', 'Praksisnavn'], { clinic: 0 }, {}, 'da'),
    ];
    expectDanish(da);
    expect(da[2]).toBe('r.csv: linje 22 gentager overskriftslinjen (filer sat sammen?): udeladt, ikke talt som en ugyldig henvisning — rækkerne under den læses som de samme kolonner (docs/input-registry.md "Several exports")');
    expect(da[3]).toContain('linjerne 22 og 40 gentager overskriftslinjen (filer sat sammen?): udeladt, ikke talt som ugyldige henvisninger — rækkerne under dem');
    expect(da.at(-1)).toContain('"columns": { "registry": { "clinic": "Praksisnavn" } }');
    // The English stays as it was.
    expect(repeatedHeaderNote('r.csv', [22])).toBe('r.csv: line 22 repeats the header line (files joined?): left out, not counted as an invalid referral — the rows under it are read as the same columns (docs/input-registry.md "Several exports")');
    expect(headerUnderlineNote('r.csv', [2])).toBe('r.csv: line 2 underlines the header (SQL Server Management Studio text output): left out, not counted as an invalid referral');
  });

  it('hta uptake --lang da: an SSMS registry (underline, footnotes) and a joined one, an eligible file with years as columns', async () => {
    const S = 'test/fixtures/exports/registry-ssms';
    const F = 'test/fixtures/exports/registry-dk-sql-shapes';
    const dir = tempDir();
    const plan = (from: string) => {
      const out = join(dir, `${from.replace(/\W/g, '')}.json`);
      writeFileSync(out, JSON.stringify({ ...JSON.parse(readFileSync(`${from}/uptake.plan.json`, 'utf8')), suppression: { threshold: 1, acknowledgeLowThreshold: true } }));
      return out;
    };
    const ssms = await runCli('uptake', `${S}/registry.csv`, '--eligible', `${S}/eligible.csv`, '--plan', plan(S), '--json', '--exclude-invalid', '--lang', 'da');
    expect(ssms.code, ssms.stderr).toBe(0);
    expect(ssms.stderr).toContain('registry.csv: linje 2 understreger overskriftslinjen (SQL Server Management Studios tekstoutput): udeladt, ikke talt som en ugyldig henvisning');
    const joined = await runCli('uptake', `${F}/joined.csv`, '--eligible', `${F}/eligible-wide.csv`, '--plan', plan(F), '--json', '--exclude-invalid', '--lang', 'da');
    expect(joined.code, joined.stderr).toBe(0);
    expect(joined.stderr).toContain('joined.csv: linje 22 gentager overskriftslinjen');
    expect(joined.stderr).toContain('eligible-wide.csv: årstal som kolonner (2024, 2025, 2026, 2027)');
    const notes = [...notesOf(ssms.stderr), ...notesOf(joined.stderr)];
    expect(notes.length).toBeGreaterThanOrEqual(4);
    expectDanish(notes);
  }, 60_000);

  it('hta plan init --lang da and hta analyze --lang da: a trial export with the header line repeated', async () => {
    const [header, ...rows] = readFileSync('data/synthetic/selfback-trial.csv', 'utf8').replace(/\n$/, '').split('\n');
    const file = join(tempDir(), 'joined.csv');
    writeFileSync(file, [header, ...rows.slice(0, 300), header, ...rows.slice(300, 600)].join('\n') + '\n');
    const init = await runCli('plan', 'init', file, '--lang', 'da');
    expect(init.stderr).toContain('joined.csv: linje 302 gentager overskriftslinjen (filer sat sammen?): udeladt, ikke talt som en ugyldig række');
    const validate = await runCli('validate', file, '--plan', 'data/plans/selfback.plan.json', '--exclude-invalid', '--lang', 'da');
    expect(validate.code, validate.stderr).toBe(0);
    const note = notesOf(validate.stderr).find((l) => l.includes('overskriftslinjen'));
    expectDanish([note]);
  }, 60_000);
});
