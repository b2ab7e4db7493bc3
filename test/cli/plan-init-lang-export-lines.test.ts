// `hta plan init --lang da` (plan/draft-notes-da.ts): the lines that exports from REDCap, SPSS and
// Excel meet and that were English under a Danish heading (session 29's note) are Danish, each
// whole: visits without a unit or a time, the decimal mark kept or mixed, a third arm, REDCap
// checkboxes, adverse events from a REDCap repeating instrument, ids and cells shaped like CPR
// numbers, KOOS subscales. Each export is run in both languages through the CLI: no line of the
// Danish listing may be a line of the English one (a line the catalogue does not know is shown as
// made, in English — so a line left English is a line the two listings share).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

/** The listing's lines (guesses and checks) in `lang`, without the headings and the closing line. */
async function listing(file: string, lang: 'en' | 'da'): Promise<string[]> {
  const r = await runCli('plan', 'init', file, '--lang', lang, '--out', join(tempDir(), 'plan.json'));
  expect(r.code, r.stderr).toBe(0);
  return r.stderr.split('\n').filter((l) => /^ {2}/.test(l)).map((l) => l.replace(/^ {2}(- )?/, ''));
}

/** The Danish listing, checked to share no line with the English one (each line left English is named). */
async function danish(file: string): Promise<string[]> {
  const [en, da] = [await listing(file, 'en'), await listing(file, 'da')];
  expect(da.filter((l) => en.includes(l)), 'lines left English').toEqual([]);
  return da;
}

/** A REDCap export (raw codes) with an adverse-events repeating instrument, as REDCap writes it. */
function redcapWithAdverseEvents(): string {
  const lines = ['record_id,redcap_event_name,redcap_repeat_instrument,redcap_repeat_instance,gruppe,rmdq,ae_term,ae_serious,ae_related'];
  for (let i = 1; i <= 30; i++) {
    lines.push(`${i},baseline_arm_1,,,${i % 2 ? 1 : 2},${8 + (i % 5)},,,`, `${i},3_months_arm_1,,,,${6 + (i % 4)},,,`);
    const k = Math.floor((i - 1) / 2);
    if (k < 12) lines.push(`${i},3_months_arm_1,adverse_events,1,,,Hovedpine,${k < 5 ? 1 : 0},${['Ja', 'Nej', 'Ved ikke'][k % 3]}`);
  }
  const file = join(tempDir(), 'redcap_ae.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/**
 * An SPSS export saved as a Danish CSV (semicolons) whose ids are CPR numbers, with KOOS subscales
 * and a remarks column where a CPR number was typed on two rows. The numbers are made up.
 */
function spssWithCprAndKoos(): string {
  const days = ['010190', '150275', '230368', '110982', '050560', '280647', '190771', '121288'];
  const lines = ['cpr;gruppe;besoeg;KOOS_smerte;KOOS_symptomer;rmdq;bemaerkning'];
  for (let i = 0; i < 16; i++) {
    const id = `${days[i % 8]}-${String(1000 + i * 37).padStart(4, '0')}`;
    for (const visit of ['baseline', '3m']) {
      const remark = (i === 3 && visit === '3m') || (i === 5 && visit === 'baseline') ? '120366-1234' : '';
      lines.push(`${id};${i % 2 ? 'App' : 'Kontrol'};${visit};${30 + ((i * 7) % 60)};${35 + ((i * 11) % 55)};${(i * 5) % 25};${remark}`);
    }
  }
  const file = join(tempDir(), 'spss_koos.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

describe('plan init --lang da: the lines of REDCap, SPSS and Excel exports in Danish', () => {
  it('visits without a unit (an Excel export with suffixes _efter3, _efter6)', async () => {
    const da = await danish('test/fixtures/exports/excel-dk-visits/foer.csv');
    expect(da).toContain('besøgsendelserne _efter3, _efter6 angiver ingen enhed: læst som måneder (3m, 6m). Er de uger, så skriv {"efter3": "3w", "efter6": "6w"} i "timeLabels" (og de samme betegnelser i "timepoints" og "allTimepoints")');
  });

  it('visits with no time, mixed decimal marks and the rows the draft cannot read (an Excel export with T1, T2)', async () => {
    const file = 'test/fixtures/exports/decimal-mark-mix/semicolon-apostrophe-points.csv';
    const da = await danish(file);
    expect(da.some((l) => l.startsWith('besøgene "T1", "T2" angiver ingen tid, som hta kan læse: placeret efter rækkefølgen af hver patients rækker ("T1", "T2") — tjek rækkefølgen i "timepoints" og "allTimepoints"'))).toBe(true);
    expect(da).toContain('værdier som "2.5", "5.5", "1.5" har decimalpunktum, mens filens andre tal har decimalkomma: hta læser ét decimaltegn pr. fil, så disse er ikke tal — eksportér filen igen med ét decimaltegn (docs/input-trial-export.md#dialects)');
    // `'5.5` (Excel's text apostrophe) is no missing-value code (draft-plan.ts notACode): its rows are among those the draft cannot read, said in Danish.
    expect(da.some((l) => l.startsWith(`"'5.5" (kolonnen "smerte_gns", et tal bag Excels tekstapostrof): ikke tal, og ikke i udkastet som koder for manglende værdier`))).toBe(true);
    expect(da.some((l) => l.startsWith(`30 række(r) i ${file} har værdier, udkastet ikke kan læse (linjer 2–5, 16, 21, 31, 36, 43, … (20 intervaller mere)): \`hta validate ${file} --plan`))).toBe(true);
  });

  it('the decimal mark kept for a later export (an Excel export with a decimal comma)', async () => {
    const da = await danish('test/fixtures/exports/excel-dk-values/export.csv');
    expect(da).toContain('decimaltegn: "decimalMark": "," — kolonnen "Indkomst" viser det, og 14 tal kan læses begge veje (det første i kolonnen "Indkomst"; 1,250 = 1,25): planen gemmer tegnet til en senere eksport, der ikke viser det');
  });

  it('three arms in the arm column', async () => {
    const da = await danish('test/fixtures/exports/three-arms/three-arms.csv');
    expect(da).toContain('kolonnen "arm" har tre grupper ("App", "Sædvanlig", "App+telefon"); planen sammenligner to: "App" (intervention) med "Sædvanlig" (kontrol) og angiver "App+telefon" i "otherArms" — rækkerne analyseres ikke, patienterne tælles som randomiserede i patientflowet. Vil I sammenligne et andet par, så byt værdierne mellem "arms" og "otherArms" (og "armLabels"), én plan pr. sammenligning (docs/plan-trial.md#other-arms)');
  });

  it('a REDCap checkbox field (a label export: Checked/Unchecked)', async () => {
    const da = await danish('test/fixtures/exports/plan-init-shapes/redcap-labels-checkbox.csv');
    expect(da).toContain('ikke brugt: REDCap-afkrydsningsfeltet "Bruger du smertestillende medicin?" (Bruger du smertestillende medicin? (choice=Ja), Bruger du smertestillende medicin? (choice=Nej): én Checked/Unchecked-kolonne pr. svarmulighed)');
    expect(da).toContain('REDCap-afkrydsningsfeltet "Bruger du smertestillende medicin?": tilføj en svarmuligheds kolonne som et "binary"-effektmål eller en kovariat, hvis protokollen analyserer den, med "answers": { "Checked": 1, "Unchecked": 0 }');
  });

  it('adverse events from a REDCap repeating instrument', async () => {
    const da = await danish(redcapWithAdverseEvents());
    expect(da).toContain('uønskede hændelser ("adverseEvents"): de 24 rækker i det gentagne REDCap-skema "adverse_events", én hændelse pr. række; alvorlig "ae_serious", relateret "ae_related", term "ae_term"');
    expect(da.some((l) => l.startsWith('uønskede hændelser: tjek kolonnerne i "adverseEvents" ("ae_term", "ae_serious", "ae_related" er skemaets); en celle for alvorlighed eller relation'))).toBe(true);
  });

  it('ids and cells shaped like CPR numbers, and KOOS subscales (an SPSS export), none quoted', async () => {
    const file = spssWithCprAndKoos();
    const da = await danish(file);
    expect(da.some((l) => l.startsWith('patient-id\'erne i kolonnen "cpr" ligner CPR-numre (alle 16 id\'er har formen DDMMYY-NNNN'))).toBe(true);
    expect(da).toContain(`${file}:linjer 9, 12, kolonne 7 (bemaerkning): 2 celler ligner et CPR-nummer (DDMMYY-NNNN), et svensk personnummer eller et norsk fødselsnummer uden for id-kolonnen "cpr": ikke citeret og ikke i udkastet som besøg, gruppe, niveau eller kode for manglende værdi — hta validate og analyze afviser en sådan celle i enhver kolonne, planen læser (en forskudt linje eller den forkerte kolonne): ret eksporten`);
    expect(da).toContain('ikke i udkastet: "KOOS_smerte", KOOS smerte, 0–100, højere er bedre');
    expect(da.some((l) => l.startsWith('"KOOS_symptomer" er ikke blandt udkastets effektmål: KOOS symptomer er en knæscore fra 0 til 100, hvor højere er bedre') && l.endsWith('til "outcomes" med den MCID, jeres protokol angiver'))).toBe(true);
    expect(da.join('\n')).not.toMatch(/\d{6}-\d{4}/);
  });
});
