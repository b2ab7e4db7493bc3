// `hta plan init --lang da` (plan/draft-notes-da.ts): what was guessed and what to check in Danish,
// with Danish prefixes and closing line; the plan drafted is the same file as in English (its
// documented keys, byte for byte). A bad language is a usage error.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { draftLineDa } from '../../src/plan/draft-notes-da.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

/** A REDCap-shaped long export: 30 patients, NRS pain and a WAS score (no published MCID) at baseline and 3 months. */
function exportText(): string {
  const lines = ['record_id,gruppe,besoeg,alder,smerte,was'];
  for (let p = 1; p <= 30; p++) {
    const arm = p % 2 ? 'app' : 'usual';
    for (const [visit, k] of [['baseline', 0], ['3m', 1]] as const) lines.push(`${p},${arm},${visit},${30 + ((p * 7) % 40)},${(p * 3 + k * 5) % 11},${(p * 7 + k) % 11}`);
  }
  return lines.join('\n') + '\n';
}

describe('hta plan init --lang da', () => {
  it('lists the guesses and checks in Danish, and drafts the same plan', async () => {
    const dir = tempDir();
    const file = join(dir, 'redcap.csv');
    writeFileSync(file, exportText());
    const da = await runCli('plan', 'init', file, '--lang', 'da', '--out', join(dir, 'da.json'));
    expect(da.code, da.stderr).toBe(0);
    const en = await runCli('plan', 'init', file, '--out', join(dir, 'en.json'));
    expect(en.code, en.stderr).toBe(0);
    expect(readFileSync(join(dir, 'da.json'), 'utf8')).toBe(readFileSync(join(dir, 'en.json'), 'utf8'));
    expect(da.stderr).toMatch(/^gættet:\n/);
    expect(da.stderr).toContain('\ntjek før analysen:\n');
    expect(da.stderr).toContain('  kolonne med patient-id: "record_id"');
    expect(da.stderr).toContain('  effektmål "smerte" (nrs) fra kolonnen "smerte"');
    expect(da.stderr).toContain('  - tjek effektmålenes navne ("label" for hvert effektmål)');
    expect(da.stderr).toContain(`skrev ${join(dir, 'da.json')}; derefter: hta validate`);
    expect(da.stderr).not.toContain('guessed:');
    expect(da.stderr).not.toContain('check before analysing:');
    expect(en.stderr).toContain('  patient id column: "record_id"');
    // As many lines in both languages: the catalogue words lines, it drops none.
    expect(da.stderr.split('\n').length).toBe(en.stderr.split('\n').length);
  });

  it('refuses a language it does not have (exit 2)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.csv'), exportText());
    const r = await runCli('plan', 'init', join(dir, 'x.csv'), '--lang', 'de');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--lang "de": expected en or da');
  });

  it('keeps a line the catalogue does not know as made', () => {
    expect(draftLineDa('something new the draft says')).toBe('something new the draft says');
    expect(draftLineDa('not used: a, b')).toBe('ikke brugt: a, b');
  });
});
