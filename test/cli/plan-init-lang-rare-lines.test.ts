// `hta plan init --lang da` (plan/draft-notes-da.ts): the rarer lines that user-shaped exports
// and the bundled trial export meet are Danish too, each whole — the EQ-5D outcome and a count
// column drafted as an instrument (the bundled export), the arm names with a capital kept, a
// REDCap form status, no id-like column, a column with one value, R's row names, "don't know"
// codes and arm codes (each was English behind a Danish heading).
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { draftLineDa } from '../../src/plan/draft-notes-da.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

/** The listing's lines (guesses and checks), without the headings and the closing line. */
async function listing(file: string): Promise<string[]> {
  const r = await runCli('plan', 'init', file, '--lang', 'da', '--out', join(tempDir(), 'plan.json'));
  expect(r.code, r.stderr).toBe(0);
  return r.stderr.split('\n').filter((l) => /^ {2}/.test(l)).map((l) => l.replace(/^ {2}(- )?/, ''));
}

/** English words of the lines this test is about, outside quoted names, codes and plan JSON. */
const ENGLISH = /\b(?:from|holds|drafted|the|value set|not used|keeps|which|was taken|codes, not names|check that none)\b/;
const unquoted = (l: string) => l.replace(/"[^"]*"/g, '""').replace(/\{[^{}]*\}/g, '{}').replace(/\([^()]*docs\/[^()]*\)/g, '');

describe('plan init --lang da: the rarer lines in Danish', () => {
  it('the bundled trial export: every line Danish, the EQ-5D outcome and the count of medication days among them', async () => {
    const lines = await listing('data/synthetic/selfback-trial.csv');
    expect(lines).toContain('effektmål "eq5d" (EQ-5D-5L, dansk værdisæt) fra mo = eq5d_mo, sc = eq5d_sc, ua = eq5d_ua, pd = eq5d_pd, ad = eq5d_ad');
    expect(lines).toContain('ikke i udkastet som effektmål: "ru_medication" indeholder hele tal 0–16, et antal snarere end ja/nej — planens instrument "ru_medication" er lavet til den');
    expect(lines.some((l) => l.startsWith('"ru_medication" indeholder tallene 0–16, ikke ja/nej-svar: udkastet har instrumentet "ru_medication" (spænd 0–16 som observeret, lower-is-better; spændet er kun det, denne fil indeholder: sæt det til det, effektmålet kan antage'))).toBe(true);
    for (const l of lines) expect(ENGLISH.test(unquoted(l)), l).toBe(false);
  });

  it('a Danish export whose arm names keep their capital, and a REDCap export with a form status', async () => {
    const arms = await listing('test/fixtures/exports/decimal-mark-mix/comma-file-quoted-commas.csv');
    expect(arms).toContain(
      'tjek gruppernes navne i "armLabels": hver tabel, figur og sætning i rapporterne kalder grupperne ved dem; "en" gentager eksportens egne navne ("SelfBACK", "Kontrol"): skriv dem på engelsk til engelske rapporter ("Control group" i stedet for "Kontrol"); "da" "SelfBACK" beholder eksportens store begyndelsesbogstav, så siderne skriver det sådan midt i en sætning ("til fordel for SelfBACK"): skriv "da" med små bogstaver, hvis det er et fællesnavn og ikke et navn (docs/plan-trial.md#arm-names)',
    );
    const redcap = await listing('test/fixtures/exports/plan-init-shapes/redcap-form-status.csv');
    expect(redcap).toContain('ikke brugt: "rmdq_complete", en REDCap-skemastatus (0 Incomplete, 1 Unverified, 2 Complete), ikke et svar');
  });

  it('the lines of rarer shapes, each whole in Danish (and an unknown line English whole)', () => {
    const cases: [string, string][] = [
      ['no column is named like a patient id; "Løbenr" (the first column) was taken: set "columns": { "id": … }', 'ingen kolonne hedder som et patient-id; "Løbenr" (den første kolonne) er taget: angiv "columns": { "id": … }'],
      ['not used: "land", the same value in every row: no covariate (there is nothing to adjust for)', 'ikke brugt: "land", samme værdi i alle rækker: ingen kovariat (der er intet at justere for)'],
      ['not used: column 1, which has no name: row names, as R\'s write.csv and pandas write them', 'ikke brugt: kolonne 1, som ikke har noget navn: rækkenavne, som R\'s write.csv og pandas skriver dem'],
      ['column "uddannelse": "Ved ikke", "Vil ikke svare" drafted as missing-value codes ("don\'t know"), not a category of its own in the ANCOVA and Table 1: check that none is an answer', 'kolonnen "uddannelse": "Ved ikke", "Vil ikke svare" er i udkastet koder for manglende værdi ("ved ikke"), ikke en kategori for sig i ANCOVA og tabel 1: tjek, at ingen af dem er et svar'],
      ['the arm values "1" and "2" are codes, not names: the reports will call the arms "Intervention" and "Control" until you name them. Add to the plan: "armLabels": { "intervention": { "en": "<name of arm 1>" }, "control": { "en": "<name of arm 2>" } }', 'gruppeværdierne "1" og "2" er koder, ikke navne: rapporterne kalder grupperne "Intervention" og "Control", indtil I navngiver dem. Tilføj i planen: "armLabels": { "intervention": { "en": "<name of arm 1>" }, "control": { "en": "<name of arm 2>" } }'],
    ];
    for (const [en, da] of cases) expect(draftLineDa(en)).toBe(da);
    const unknown = 'a line of a shape the catalogue has never seen: kept whole in English';
    expect(draftLineDa(unknown)).toBe(unknown);
  });
});
