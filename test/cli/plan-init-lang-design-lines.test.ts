// `hta plan init --lang da` (plan/draft-notes-da.ts): the lines that exports of other designs and
// SPSS codes met in English behind a Danish heading — sex coded 1/2/9, ODI's MCID, EQ-5D's VAS left
// out, a site column of numbers, a stratification factor, an outcome missing at a visit, the
// treatment received beside the randomised arm, an unscheduled visit, arms from REDCap's event
// names, clusters, fractions of 1 and items taken by their count — each now whole in Danish.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';
import { ENGLISH_WORDS } from '../support/english-words.js';

afterAll(removeTempDirs);

/** The listing's lines (guesses and checks), without the headings and the closing line. */
async function listing(file: string, lang: 'en' | 'da'): Promise<string[]> {
  const r = await runCli('plan', 'init', file, '--lang', lang, '--out', join(tempDir(), 'plan.json'));
  expect(r.code, r.stderr).toBe(0);
  return (r.stdout + r.stderr).split('\n').filter((l) => /^ {2}/.test(l)).map((l) => l.replace(/^ {2}(- )?/, ''));
}

/** A line's prose: quoted names and codes, plan JSON, docs references and file paths left out. */
const prose = (l: string) =>
  l.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\{[^{}]*\}/g, '{}').replace(/\{[^{}]*\}/g, '{}').replace(/\([^()]*docs\/[^()]*\)/g, '').replace(/\S+\.csv/g, '');

/** The English lines this catalogue now words in Danish (draft-plan.ts, arm-column.ts, place-covariates.ts, cli/plan.ts). */
const FAMILIES: [string, RegExp][] = [
  ['codes 1/2/9', /has only the values .* looks like SPSS's user-missing code/],
  ['ODI MCID', /^ODI: the draft uses MCID 10 points/],
  ['VAS not drafted', /^not drafted: ".*" \(EQ-5D's visual analogue scale/],
  ['VAS paste', /is not among the drafted outcomes: EQ-5D's visual analogue scale/],
  ['place', /names a place and holds/],
  ['stratification factor', /names a stratification factor: drafted as a categorical covariate/],
  ['no value at a visit', /^outcome ".*" has no value in .* drafted as measured at/],
  ['not the arm', /^not the arm: /],
  ['treatment received', /name different arms for \d+ of \d+ patients/],
  ['unscheduled guess', /named as unscheduled$/],
  ['unscheduled check', /taken as unscheduled and drafted in "ignoreTimepoints"/],
  ['REDCap event layout', /\(event names without their REDCap arm\)/],
  ['REDCap event arms', /^arms from the REDCap arms in the event names/],
  ['REDCap arm check', /^check which REDCap arm is the intervention/],
  ['clusters guess', /^clusters: ".*" — its \d+ values each lie wholly in one arm/],
  ['clusters check', /^"clusters": ".*": check that whole groups/],
  ['fractions of 1', /every one of its \d+ values lies from 0 to 1/],
  ['items by count', /^items \S+ were taken as \S+ from their count/],
];

const EXPORTS = [
  'test/fixtures/exports/plan-init-design-da/export.csv',
  'test/fixtures/exports/odi-fractions/export.csv',
  'test/fixtures/exports/outcome-visits/export.csv',
  'test/fixtures/exports/redcap-arms/export.csv',
  'test/fixtures/exports/redcap-labels-forms/export.csv',
  'test/fixtures/exports/wide-coded/export.csv',
];

describe('plan init --lang da: the lines of other designs in Danish, each whole', () => {
  it('every such line of these exports is Danish, with no English word in its prose', async () => {
    const seen = new Set<string>();
    for (const file of EXPORTS) {
      const en = await listing(file, 'en');
      const da = await listing(file, 'da');
      expect(da.length, file).toBe(en.length);
      en.forEach((line, i) => {
        const family = FAMILIES.find(([, re]) => re.test(line));
        if (!family) return;
        seen.add(family[0]);
        expect(da[i], `${file}: ${line}`).not.toBe(line);
        expect(prose(da[i]!), `${file}: ${da[i]}`).not.toMatch(ENGLISH_WORDS);
      });
    }
    // Every family met at least once: a fixture that stopped showing one would leave it untested.
    expect([...seen].sort()).toEqual(FAMILIES.map(([name]) => name).sort());
  });

  it('the cluster export reads its counts, codes and names into the Danish lines', async () => {
    const da = await listing('test/fixtures/exports/plan-init-design-da/export.csv', 'da');
    expect(da).toContain('klynger: "practice" — dens seks værdier ligger hver helt i én gruppe (3 intervention, 3 kontrol): et klyngerandomiseret forsøg, analyseret med klyngerobuste standardfejl ("clusters": "practice")');
    expect(da).toContain('"koen" har kun værdierne 1, 2, 9: i udkastet som tre kategorier ("covariateTypes": "categorical"); er de en skala (én hældning i ANCOVA), så skriv "numeric" — men 9, ud over 1 og 2, ligner SPSS\' kode for en brugerdefineret manglende værdi ("ukendt"), ikke et tredje køn: skriv i så fald "columnCodes": { "koen": { "missing": [9] } } (ikke en "missingCodes" 9 for hele planen: effektmålet "rmdq" har svaret 9 på sin skala)');
    expect(da.some((l) => l.startsWith('"randomisering" og "actual_treatment" angiver forskellige grupper for 3 af 24 patienter: planen analyserer dem efter "randomisering"'))).toBe(true);
  });
});
