/**
 * `plan init` on an EHR extract whose only visit column holds dates (docs/limits.md: hta reads
 * no dates): it says so, and that a visit label column must be derived first, before the ~30 lines
 * of advice for a plan it does not write; nothing is written (exit 2).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { runCli, tempDir } from '../support/run-cli.js';

/** 12 patients, 3 visits each, dated dd.mm.yyyy; a birth date per patient too. */
function extract(visitColumn = 'Besøgsdato', dated = true): string {
  const lines = [`CPR;Gruppe;${visitColumn};Fødselsdato;RMDQ_sum`];
  for (let k = 1; k <= 12; k++) {
    const arm = k % 2 ? 'App' : 'Vanlig behandling';
    ['Baseline', '6 uger', '3 mdr'].forEach((label, j) => {
      const when = dated ? `${String(3 + j * 7 + (k % 5)).padStart(2, '0')}.${String(1 + j * 2).padStart(2, '0')}.2024` : label;
      lines.push(`P${k};${arm};${when};${String(k).padStart(2, '0')}.03.1969;${(k * 3 + j * 5) % 24}`);
    });
  }
  return lines.join('\n') + '\n';
}

describe('an export whose only visit column holds dates', () => {
  it('is undecided for the visits, saying hta reads no dates and to derive a visit column first', () => {
    const d = draftPlan(parseCsvText(extract(), 'gp.csv'), 'plan.schema.json');
    const u = d.undecided.find((x) => x.what === 'the visits')!;
    expect(u.lead).toContain('column "Besøgsdato" holds dates ("');
    expect(u.lead).toContain('hta reads no dates (docs/limits.md)');
    expect(u.lead).toContain('derive a visit column from the dates first');
    expect(u.write).toContain('derived from the dates of "Besøgsdato" before plan init');
  });

  it('plan init says it first, before the other advice, and writes nothing (exit 2)', async () => {
    const dir = tempDir();
    const file = join(dir, 'gp.csv');
    writeFileSync(file, extract());
    const out = join(dir, 'plan.json');
    const r = await runCli('plan', 'init', file, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(/^plan init: column "Besøgsdato" holds dates \("\d\d\.\d\d\.2024"\), and hta reads no dates/);
    expect(r.stderr.indexOf('hta reads no dates')).toBeLessThan(r.stderr.indexOf('guessed:'));
    expect(existsSync(out)).toBe(false);
  });

  it('says nothing of dates when the visit column holds labels, or only a birth date holds dates', () => {
    const d = draftPlan(parseCsvText(extract('Besøg', false), 'gp.csv'), 'plan.schema.json');
    expect(d.undecided.some((x) => x.lead)).toBe(false);
    // No visit column at all: nothing of dates (three rows per id may be read as a file of events to aggregate first).
    const noVisits = extract('Note', false).replace(/;(Baseline|6 uger|3 mdr);/g, ';x;');
    expect(draftPlan(parseCsvText(noVisits, 'gp.csv'), 'plan.schema.json').undecided.some((x) => /dates/.test(x.lead ?? ''))).toBe(false);
  });
});
