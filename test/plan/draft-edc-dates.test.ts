// EDC exports whose columns hold dates or name their visits otherwise, shaped as the systems write
// them: REDCap's survey timestamps (`rmdq_timestamp`), Castor's survey export (`Survey Package
// Name`, `Survey Completed On`), OpenClinica 3's wide extract (`RMDQ_TOTAL_E2_C2`). A column of
// date-times is never an outcome, its cells never missing-value codes, and no message quotes a
// patient's date (docs/plan-trial.md "What plan init recognises"; docs/output-safety.md).
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { danishLine, UNDECIDED_LEADS_DA } from '../../src/plan/undecided-da.js';
import { draftLineDa as danishDraftNote } from '../../src/plan/draft-notes-da.js';

const draftOf = (text: string, file = 'export.csv') => draftPlan(parseCsvText(text, file), 'plan.schema.json');
const pad = (n: number) => String(n).padStart(2, '0');

/** REDCap raw, longitudinal: a survey timestamp beside each survey instrument, `[not completed]` where one was not. */
function redcapRaw(): string {
  const lines = ['record_id,redcap_event_name,redcap_data_access_group,randomisering,alder,randomisering_complete,rmdq_timestamp,rmdq_score,rmdq_complete,smerte_timestamp,smerte_nrs,smerte_complete'];
  const events = [['baseline_arm_1', '03'], ['3_mdr_arm_1', '06'], ['12_mdr_arm_1', '09']] as const;
  for (let r = 1; r <= 12; r++) {
    for (const [k, [event, month]] of events.entries()) {
      const stamp = r === 5 && k === 1 ? '[not completed]' : `2022-${month}-${pad(r + 1)} 10:${pad(r)}:12`;
      const first = k === 0;
      lines.push(`${r},${event},${r % 2 ? 'odense' : 'aarhus'},${first ? (r % 2) + 1 : ''},${first ? 40 + r : ''},${first ? 2 : ''},${stamp},${(r + 3 * k) % 24},2,${stamp},${(r + k) % 10},2`);
    }
  }
  return lines.join('\n') + '\n';
}

/** Castor's survey export: one row per participant and survey package, with the dates it was created, sent and completed. */
function castorSurveys(packages: readonly string[], column = 'Survey Package Name'): string {
  const lines = [`Survey Instance Id;Participant Id;Survey creation date;Survey sent date;Survey Progress;Survey Completed On;Survey Parent;${column};Survey Package Id;Randomization Group;odi_total;nrs_pain`];
  for (let p = 1; p <= 10; p++) {
    packages.forEach((pkg, k) => {
      lines.push(`A0${p}F${k}-795B;1100${pad(p)};01-01-2022 09:00:00;01-01-2022 09:00:05;100;${pad(p + 1)}-${pad(2 + 3 * k)}-2022 12:00:00;Survey Package;${pkg};PKG-${k};${p % 2 ? 'App' : 'Usual care'};${30 - 5 * k + p};${(8 - k + p) % 11}`);
    });
  }
  return lines.join('\n') + '\n';
}

describe('REDCap survey timestamps', () => {
  const d = draftOf(redcapRaw(), 'redcap_raw.csv');
  const outcomes = d.plan.outcomes as { key: string; column?: string; label?: { en: string } }[];

  it('are not drafted as outcomes: "<instrument>_timestamp" is listed as a survey timestamp, not used', () => {
    expect(outcomes.map((o) => o.column ?? o.key)).toEqual(['rmdq_score', 'smerte_nrs']);
    expect(d.guesses).toContain('not used: "rmdq_timestamp", a REDCap survey timestamp (when the survey was completed), not an answer');
    expect(d.guesses).toContain('not used: "smerte_timestamp", a REDCap survey timestamp (when the survey was completed), not an answer');
  });

  it('never drafts a date-time (or "[not completed]") as a missing-value code, nor prints one', () => {
    expect(d.plan.missingCodes).toBeUndefined();
    expect([...d.guesses, ...d.checks].join('\n')).not.toMatch(/2022-\d\d-\d\d|not completed/);
  });

  it('leaves each outcome the one of its instrument, labelled without its column', () => {
    expect(outcomes.map((o) => o.label?.en)).toEqual(['Disability (RMDQ 0–24)', 'Pain intensity (NRS 0–10)']);
  });

  it('the timestamp line is Danish with --lang da', () => {
    expect(danishDraftNote('not used: "rmdq_timestamp", a REDCap survey timestamp (when the survey was completed), not an answer')).toBe('ikke brugt: "rmdq_timestamp", et REDCap-tidsstempel for spørgeskemaet (hvornår det blev udfyldt), ikke et svar');
  });
});

describe('a date among a column\'s answers', () => {
  const text = ['id,gruppe,tid,smerte,alder', '1,A,baseline,5,40', '1,A,3m,2022-03-02,40', '2,B,baseline,6,41', '2,B,3m,4,05.01.1981', '3,A,baseline,5,40', '3,A,3m,3,40', '4,B,baseline,6,41', '4,B,3m,4,50'].join('\n');
  const d = draftOf(text);
  it('is no missing-value code and no quoted value: said by its column, with a count', () => {
    expect(d.plan.missingCodes).toBeUndefined();
    const all = [...d.guesses, ...d.checks].join('\n');
    expect(all).not.toMatch(/2022-03-02|05\.01\.1981/);
    expect(d.checks).toContain('column "smerte": a value is a date (not quoted: a date is a patient\'s): not a number, and not drafted as a missing-value code — correct the export (a shifted line, or the wrong column?); `hta validate` names its line');
    expect(d.checks.some((c) => c.startsWith('column "alder": a value is a date'))).toBe(true);
    expect(danishDraftNote(d.checks.find((c) => c.startsWith('column "smerte": a value is a date'))!)).toMatch(/^kolonnen "smerte": en værdi er en dato \(ikke citeret: en dato er en patients\)/);
  });
});

describe('Castor survey export', () => {
  it('reads "Survey Package Name" as the visits, the package names by the time they name', () => {
    const d = draftOf(castorSurveys(['Baseline questionnaires', '3 months questionnaires', '12 months questionnaires']));
    expect(d.undecided).toEqual([]);
    expect(d.plan.columns).toMatchObject({ id: 'Participant Id', time: 'Survey Package Name', arm: 'Randomization Group' });
    expect(d.plan.timeLabels).toEqual({ 'Baseline questionnaires': 'baseline', '3 months questionnaires': '3m', '12 months questionnaires': '12m' });
    expect(d.plan.timepoints).toEqual(['3m', '12m']);
  });

  it('reads the packages\' other usual names: a visit code before the time, the visit in brackets', () => {
    const coded = draftOf(castorSurveys(['T0 - Baseline', 'T1 - 3 months', 'T2 - 12 months']));
    expect(coded.plan.timeLabels).toEqual({ 'T0 - Baseline': 'baseline', 'T1 - 3 months': '3m', 'T2 - 12 months': '12m' });
    const bracketed = draftOf(castorSurveys(['Visit 1 (baseline)', 'Visit 2 (3 months)']));
    expect(bracketed.plan.timeLabels).toEqual({ 'Visit 1 (baseline)': 'baseline', 'Visit 2 (3 months)': '3m' });
  });

  it('packages named otherwise: the refusal names the package column, and the dates only by their shape', () => {
    const d = draftOf(castorSurveys(['Pakke A', 'Pakke B', 'Pakke C'], 'Pakke'));
    const u = d.undecided.find((x) => x.what === 'the visits')!;
    expect(u.lead).toContain('column "Survey Completed On" holds dates (written dd-mm-yyyy hh:mm:ss), and hta reads no dates');
    expect(u.lead).toContain('Column "Pakke" holds 3 values, each once per patient ("Pakke A", "Pakke B", "Pakke C"): if they name the visits, write the plan by hand with "columns": { "time": "Pakke" } and each value\'s visit in "timeLabels" ({ "Pakke A": "baseline", "Pakke B": "<its time, e.g. 3m>" }) (docs/plan-trial.md).');
    expect(JSON.stringify(d)).not.toMatch(/\d\d-\d\d-2022/);
    expect(danishLine(u.lead!, UNDECIDED_LEADS_DA)).toContain('indeholder datoer (skrevet dd-mm-åååå tt:mm:ss), og hta læser ingen datoer');
    expect(danishLine(u.lead!, UNDECIDED_LEADS_DA)).toContain('Kolonnen "Pakke" har 3 værdier, hver én gang pr. patient');
  });
});

describe('OpenClinica 3 wide extract', () => {
  const header = ['SubjID', 'Subject Status', 'Sex', 'Event Status_E1', 'RANDO_ARM_E1_C1', 'RMDQ_TOTAL_E1_C2', 'NRS_PAIN_E1_C2', 'Event Status_E2', 'RMDQ_TOTAL_E2_C2', 'NRS_PAIN_E2_C2', 'Event Status_E3', 'RMDQ_TOTAL_E3_C2', 'NRS_PAIN_E3_C2'];
  const lines = [header.join('\t')];
  for (let p = 1; p <= 10; p++) lines.push([`DK-0${pad(p)}`, p === 4 ? 'removed' : p === 7 ? 'auto-removed' : 'signed', p % 2 ? 'm' : 'f', 'completed', (p % 2) + 1, 13 - (p % 5), 8 - (p % 4), 'completed', 10 - (p % 5), 6 - (p % 4), 'completed', 7 - (p % 5), 4 - (p % 3)].join('\t'));
  const d = draftOf(lines.join('\n') + '\n', 'oc3_extract.tsv');

  it('the refusal of the visits names the event suffixes and the "timeLabels" that make them visits', () => {
    const u = d.undecided.find((x) => x.what === 'the visits')!;
    expect(u.lead).toBe('the columns end in OpenClinica 3\'s event and CRF numbers (_E1_C2, _E2_C2, _E3_C2 on RMDQ_TOTAL, NRS_PAIN), which give the events\' order, not their times: write the plan by hand with "layout": "wide", each suffix\'s visit in "timeLabels" ({ "E1_C2": "baseline", "E2_C2": "<its time, e.g. 3m>", … }), those visits in "timepoints" and "allTimepoints", and each outcome\'s "column" without the suffix ("RMDQ_TOTAL") (docs/input-trial-export.md "Notes above the header")');
    expect(danishLine(u.lead!, UNDECIDED_LEADS_DA)).toMatch(/^kolonnerne ender på OpenClinica 3's hændelses- og CRF-numre \(_E1_C2, _E2_C2, _E3_C2 på RMDQ_TOTAL, NRS_PAIN\)/);
  });

  it('says which lines are subjects OpenClinica removed, which hta would analyse as the others', () => {
    expect(d.checks).toContain('oc3_extract.tsv:lines 5, 8 (Subject Status): 2 lines say "removed" or "auto-removed" — OpenClinica 3\'s subject removed from the study, its data invalidated; hta reads no subject status, so they are analysed as the others: delete those lines from the export if the subjects are to be left out');
    expect(danishDraftNote(d.checks.find((c) => c.startsWith('oc3_extract.tsv:lines 5, 8'))!)).toBe('oc3_extract.tsv:linjer 5, 8 (Subject Status): 2 linjer siger "removed" eller "auto-removed" — en patient fjernet fra forsøget i OpenClinica 3, data ugyldiggjort; hta læser ingen patientstatus, så de analyseres som de andre: slet de linjer fra eksporten, hvis patienterne skal udelades');
  });
});

describe('minor wording of the draft', () => {
  it('one yes/no column coded 1/2 is called a column, not "items X…X"', () => {
    const lines = ['ExternalReference,gruppe,tid,smertestillende'];
    for (let p = 1; p <= 8; p++) for (const t of ['baseline', '3m']) lines.push(`P${p},${p % 2 ? 'App' : 'Usual care'},${t},${(p + (t === '3m' ? 1 : 0)) % 2 ? 1 : 2}`);
    const d = draftOf(lines.join('\n') + '\n');
    expect(d.checks).toContain('column "smertestillende" is coded 1/2: read as 1 = yes, 2 = no ("answers": { "1": 1, "2": 0 }); swap if the questionnaire codes it the other way');
    expect(d.checks.join('\n')).not.toMatch(/items smertestillende…smertestillende/);
    // An English export's "App" is the Danish word too: both arms have "da", and no check says a Danish report falls back to "en".
    expect(d.plan.armLabels).toEqual({ intervention: { en: 'App', da: 'app' }, control: { en: 'Usual care', da: 'vanlig behandling' } });
    expect(d.checks.join('\n')).not.toContain('a Danish report uses "en" where there is no "da"');
  });
});
