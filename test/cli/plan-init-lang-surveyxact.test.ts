// `hta plan init --lang da` on SurveyXact's "Dataudtræk" of three rounds (a Danish physiotherapy
// trial): the outcome line with its answer codes was half Danish ("effektmål "rmdq" (rmdq) fra
// spørgsmålene RMDQ_1…RMDQ_24 with answer codes …"), and the response id, the "not used" list of
// a question with "(0-10)" in its name, the prorating, the labelled ends, the "don't know" code,
// the EQ-5D labels and the 1/2 items stayed English behind a Danish heading (plan/draft-notes-da.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const DIR = 'test/fixtures/exports/surveyxact-rounds';

/** The listing's lines (guesses and checks), without the headings and the closing line. */
async function listing(file: string): Promise<string[]> {
  const r = await runCli('plan', 'init', join(DIR, file), '--lang', 'da', '--out', join(tempDir(), 'plan.json'));
  expect(r.code, r.stderr).toBe(0);
  return r.stderr.split('\n').filter((l) => /^ {2}/.test(l)).map((l) => l.replace(/^ {2}(- )?/, ''));
}

/** English words outside quoted names, codes, plan JSON and doc links. */
const ENGLISH = /(?<!\p{L})(?:with|from|items?|read as|lets|prorated|not the id|not used|labelled|drafted|check|answers are|are coded|hold|option|would)(?!\p{L})/u;
const unquoted = (l: string) => l.replace(/"[^"]*"/g, '""').replace(/\{[^{}]*\}/g, '{}').replace(/\([^()]*docs\/[^()]*\)/g, '').replace(/`[^`]*`/g, '');

describe('plan init --lang da on a SurveyXact export', () => {
  it('the labels export: every line Danish, the outcome with its answer codes whole', async () => {
    const lines = await listing('labels.csv');
    expect(lines).toContain('effektmål "rmdq" (rmdq) fra spørgsmålene RMDQ_1…RMDQ_24 med svarkoderne "Ja" → 1, "Nej" → 0');
    expect(lines).toContain('ikke patient-id: "Respondent-id", en ny værdi i hver række, mens "Besøg" har flere besøg: hver række ville tælle som en patient');
    expect(lines).toContain('ikke brugt: Respondent-id, Status, Besvarelsesdato, Hvor ondt har du i ryggen i gennemsnit? (0-10)');
    expect(lines).toContain('effektmål "rmdq": "maxMissingItems": 2 lader scoren opskalere fra de besvarede spørgsmål, når op til 2 mangler; angiv 0 for at kræve svar på hvert spørgsmål');
    expect(lines).toContain('kolonnerne PSEQ_1…PSEQ_10: "Ønsker ikke at svare" i udkastet som kode for manglende værdi ("ved ikke"): tjek, at den ikke er et svar');
    expect(lines.some((l) => l.startsWith('kolonnerne PSEQ_1…PSEQ_10: "Helt sikker" læst som 6, skalaens mærkede ende (skalaen 0–6; tallene fylder midten ud, og ingen celle har 6 som tal): tjek den i "answers"'))).toBe(true);
    expect(lines.some((l) => l.startsWith('EQ-5D: svarene er skrevet som deres tekst, læst som EQ-5D-5L-niveauerne 1–5: '))).toBe(true);
    for (const l of lines) expect(ENGLISH.test(unquoted(l)), l).toBe(false);
  });

  it('the codes export: the 1/2 items and the options counted from 1 in Danish', async () => {
    const lines = await listing('codes.csv');
    expect(lines).toContain('spørgsmålene RMDQ_1…RMDQ_24 er kodet 1/2: læst som 1 = ja, 2 = nej ("answers": { "1": 1, "2": 0 }); byt om, hvis spørgeskemaet koder dem omvendt');
    expect(lines).toContain('effektmål "pseq" (pseq) fra spørgsmålene PSEQ_1…PSEQ_10 med svarkoderne "1" → 0, "2" → 1, "3" → 2, "4" → 3, "5" → 4, "6" → 5, "7" → 6');
    expect(lines.some((l) => l.startsWith('kolonnerne PSEQ_1…PSEQ_10 har 1–7 og aldrig 0: læst som svarmuligheder nummereret fra 1'))).toBe(true);
    for (const l of lines) expect(ENGLISH.test(unquoted(l)), l).toBe(false);
  });
});

// The three rounds joined with `cat`, no visit column (the header repeated between them): plan init
// cannot decide the visits. Its lead, the repeated-header note, the refusal and what to write were
// English under Danish headings ("fejl: plan init could not decide the visits; nothing was written").
describe('plan init --lang da on SurveyXact rounds joined without their visit', () => {
  /** labels.csv's rounds as three files joined with cat: "Besøg" (and `drop`) left out, the header line before each round. */
  function joined(drop: string[]): string {
    const [head, ...rows] = readFileSync(join(DIR, 'labels.csv'), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l !== '');
    const names = head!.split(';');
    const at = names.indexOf('Besøg');
    const keep = names.map((n, i) => i !== at && !drop.includes(n));
    const cut = (l: string) => l.split(';').filter((_c, i) => keep[i]).join(';');
    const rounds = [...new Set(rows.map((r) => r.split(';')[at]!))];
    const file = join(tempDir(), 'samlet.csv');
    writeFileSync(file, rounds.flatMap((v) => [cut(head!), ...rows.filter((r) => r.split(';')[at] === v).map(cut)]).join('\r\n') + '\r\n');
    return file;
  }
  const ENGLISH_REFUSAL = /(?<!\p{L})(?:could not|nothing|written|holds|dates|visit|column|rows|ids|repeats?|header|joined|left out|expected|derived|each|file|events)(?!\p{L})/u;

  it.each([
    ['with the answer dates', [], 'plan init: kolonnen "Besvarelsesdato" indeholder datoer ("', 'forventet en besøgskolonne med navne ("Baseline", "6 uger", "3 mdr"): hver fils besøg føjet til dens rækker'],
    ['without a date column', ['Besvarelsesdato'], 'plan init: filen har 72 rækker for 24 id\'er i "Deltagernummer" og ingen besøgskolonne. Kom hvert besøg som sin egen fil', 'forventet en tidskolonne (time, tid, visit, besøg, tidspunkt, redcap_event_name, …) i langt format'],
  ])('%s: the lead, the note, the refusal and what to write in Danish, each whole', async (_what, drop, lead, write) => {
    const file = joined(drop);
    const r = await runCli('plan', 'init', file, '--lang', 'da', '--out', join(tempDir(), 'plan.json'));
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    expect(lines).toContain(`bemærk: ${file}: linjerne 26 og 51 gentager overskriftslinjen (filer sat sammen?): udeladt, ikke talt som ugyldige rækker — rækkerne under dem læses som de samme kolonner (docs/input-trial-export.md "Several exports joined")`);
    expect(lines.some((l) => l.startsWith(lead)), r.stderr).toBe(true);
    expect(lines).toContain('fejl: plan init kunne ikke afgøre besøgene; intet er skrevet');
    expect(lines.some((l) => l.startsWith(`  ${file}: — ${write}`)), r.stderr).toBe(true);
    // The names hta reads as a time column ("time, tid, visit, …") are names, not words.
    for (const l of lines) expect(ENGLISH_REFUSAL.test(unquoted(l.replace(file, '').replace(/\(time, tid, visit, [^()]*\)/, ''))), l).toBe(false);
  });
});
