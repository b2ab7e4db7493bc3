// `hta plan init --lang da` (plan/draft-notes-da.ts): every line of what was guessed and what to
// check is in one language — Danish where the catalogue words it whole, else English whole, never
// a Danish start on an English rest ("bredt format: besøg from column suffixes …"). On the
// Danish-shaped export (plan-init-danish) every line is in the catalogue.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

/** The listing's lines (guesses and checks), without the headings and the closing line. */
async function listing(file: string): Promise<string[]> {
  const r = await runCli('plan', 'init', file, '--lang', 'da', '--out', join(tempDir(), 'plan.json'));
  return r.stderr.split('\n').filter((l) => /^ {2}/.test(l)).map((l) => l.replace(/^ {2}(- )?/, ''));
}

/** Words only English writes here, and words only Danish does (quoted names and codes set aside). */
const ENGLISH = /\b(?:from|column|columns|visits|check|the|with|read|and|every|outcome|covariates|not drafted|not compared|missing-value)\b/;
const DANISH = /\b(?:fra|kolonnen|kolonnernes|besøg|tjek|effektmål|kovariater|gruppe|grupper|og|hvert|ikke|koder)\b|[æøå]/;
const unquoted = (l: string) => l.replace(/"[^"]*"/g, '""').replace(/\([^()]*docs\/[^()]*\)/g, '');

describe('plan init --lang da: no line half in each language', () => {
  it('the Danish-shaped export: every line Danish, among them the wide layout, covariates, arm names, decimals and "critical" lines', async () => {
    const lines = await listing('test/fixtures/exports/plan-init-danish/forsoeg.csv');
    expect(lines).toContain('bredt format: besøg fra kolonnernes endelser _baseline, _3mdr → 3m, _6mdr → 6m');
    expect(lines).toContain('kovariater: alder (kolonnen "Alder"), koen (kolonnen "Køn")');
    expect(lines).toContain('tjek gruppernes navne i "armLabels": hver tabel, figur og sætning i rapporterne kalder grupperne ved dem; "en" gentager eksportens egne navne ("App", "Kontrol"): skriv dem på engelsk til engelske rapporter ("Control group" i stedet for "Kontrol")');
    expect(lines).toContain('"Smerte" har decimaler (et gennemsnit?): læst med planens instrument "pain_0_10" (0–10, MCID 2): tjek skalaens spænd og MCID');
    expect(lines.some((l) => l.startsWith('hvert effektmål er "critical" (intet "importance" angivet): evidensprofilen og konklusionen vægter dem ens som kritiske effektmål'))).toBe(true);
    expect(lines.length).toBeGreaterThan(15);
    for (const l of lines) expect(ENGLISH.test(unquoted(l)), l).toBe(false);
  });

  it('the other exports of plan init\'s fixtures: a line is Danish or English, whole', async () => {
    const dirs = ['test/fixtures/exports/plan-init-s14', 'test/fixtures/exports/plan-init-s16'];
    let danish = 0;
    for (const dir of dirs) {
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.csv'))) {
        for (const l of await listing(join(dir, f))) {
          const u = unquoted(l);
          const da = DANISH.test(u.replace(/[æøå]/g, (c) => (/"[^"]*[æøå]/.test(l) ? '' : c)));
          if (da) danish++;
          expect(da && ENGLISH.test(u), `${f}: ${l}`).toBe(false);
        }
      }
    }
    // The arm not compared and the missing-value codes are among the Danish ones.
    expect(danish).toBeGreaterThan(10);
  });

  it('the English run is unchanged', async () => {
    const r = await runCli('plan', 'init', 'test/fixtures/exports/plan-init-danish/forsoeg.csv', '--out', join(tempDir(), 'plan.json'));
    expect(r.stderr).toContain('  wide layout: visits from column suffixes _baseline, _3mdr → 3m, _6mdr → 6m\n');
    expect(r.stderr).toContain('  covariates: alder (column "Alder"), koen (column "Køn")\n');
    void readFileSync;
  });
});
