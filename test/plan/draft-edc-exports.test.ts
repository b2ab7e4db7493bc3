// Exports of Castor EDC's repeating data and of OpenClinica (CDISC ODM), shaped as the systems
// write them: plan init reads their visit, id, arm and outcome columns, and refuses ODM's
// item-level rows naming the pivot (docs/plan-trial.md "What plan init recognises",
// "Layouts plan init refuses").
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';

const draftOf = (text: string) => draftPlan(parseCsvText(text, 'export.csv'), 'plan.schema.json');
type Outcome = { key: string; instrument: string; column?: string };

describe('Castor EDC repeating-data export', () => {
  const visits = ['Baseline', 'Follow-up 3 months', 'Follow-up 12 months'];
  const lines = ['"Participant Id";"Participant Status";"Site Abbreviation";"Randomization Group";"Randomization Group Name";"Repeating data Name Custom";"age";"odi_score"'];
  for (let p = 1; p <= 8; p++) {
    for (const [k, v] of visits.entries()) lines.push(`"110-00${p}";"Completed";"${p % 3 ? 'CPH' : 'AAR'}";"${p % 2 ? 1 : 2}";"${p % 2 ? 'App' : 'Usual care'}";"${v}";"${30 + p}";"${40 - 3 * k + p}"`);
  }
  const d = draftOf(lines.join('\n'));
  it('reads "Repeating data Name Custom" as the visits, "Participant Id" as the id, "Randomization Group Name" as the arm', () => {
    expect(d.undecided).toEqual([]);
    expect(d.plan.columns).toMatchObject({ id: 'Participant Id', time: 'Repeating data Name Custom', arm: 'Randomization Group Name' });
    expect(d.plan.timeLabels).toEqual({ Baseline: 'baseline', 'Follow-up 3 months': '3m', 'Follow-up 12 months': '12m' });
    expect(d.plan.arms).toEqual({ intervention: 'App', control: 'Usual care' });
  });
  it('reads "Site Abbreviation" as the site, a covariate', () => {
    expect((d.plan.columns as { covariates?: Record<string, string> }).covariates).toMatchObject({ site_abbreviation: 'Site Abbreviation' });
    expect(d.guesses.join('\n')).not.toMatch(/not used:.*Site Abbreviation/);
  });
});

describe('OpenClinica / CDISC ODM', () => {
  it('an item-level export (ItemOID, Value) is refused, naming the layout and the pivot', () => {
    const text = 'StudyOID,SubjectKey,StudySubjectID,StudyEventOID,StudyEventRepeatKey,FormOID,ItemGroupOID,ItemGroupRepeatKey,ItemOID,Value\n'
      + 'S_KNAE,SS_DK001,DK001,SE_BASELINE,1,F_RANDO,IG_RANDO,1,I_RANDO_ARM,A\nS_KNAE,SS_DK001,DK001,SE_BASELINE,1,F_ODI,IG_ODI,1,I_ODI_TOTAL,25\n';
    const d = draftOf(text);
    expect(d.plan).toEqual({});
    expect(d.undecided).toHaveLength(1);
    expect(d.undecided[0]!.what).toContain('an OpenClinica/CDISC ODM item-level export (one row per subject, event and item: the item\'s code in ItemOID, its answer in Value)');
    expect(d.undecided[0]!.write).toContain('tidyr::pivot_wider(odm, id_cols = c(StudySubjectID, StudyEventOID, StudyEventRepeatKey), names_from = ItemOID, values_from = Value)');
    expect(d.undecided[0]!.write).toContain('PROC TRANSPOSE with BY StudySubjectID StudyEventOID StudyEventRepeatKey; ID ItemOID; VAR Value');
  });
  it('a Medidata Rave item-level listing (Subject, Folder, InstanceName, FieldOID, Data) gets the same pivot, by InstanceName', () => {
    const text = 'project,SiteNumber,Subject,Folder,InstanceName,DataPageName,RecordPosition,FieldOID,Data\n'
      + 'SELFBACK,101,SB1000,SCR,Screening,Randomisation,0,RANDGRP,SelfBACK\nSELFBACK,101,SB1000,V1,Baseline,RMDQ,0,RMDQ1,0\n';
    const d = draftOf(text);
    expect(d.plan).toEqual({});
    expect(d.undecided[0]!.what).toContain('a Medidata Rave item-level listing (one row per subject, event and item: the item\'s code in FieldOID, its answer in Data)');
    expect(d.undecided[0]!.write).toContain('tidyr::pivot_wider(odm, id_cols = c(Subject, InstanceName), names_from = FieldOID, values_from = Data)');
  });
  it('pivoted, a Rave listing\'s InstanceName is the visit column and RANDGRP the arm', () => {
    const lines = ['Subject,InstanceName,RANDGRP,RMDQ_TOTAL'];
    for (let p = 1; p <= 8; p++) for (const [k, e] of ['Baseline', 'Month 3'].entries()) lines.push(`SB100${p},${e},${p % 2 ? 'SelfBACK' : 'Kontrol'},${12 - 3 * k + p}`);
    const d = draftOf(lines.join('\n'));
    expect(d.undecided).toEqual([]);
    expect(d.plan.columns).toMatchObject({ id: 'Subject', time: 'InstanceName', arm: 'RANDGRP' });
    expect(d.plan.timeLabels).toEqual({ Baseline: 'baseline', 'Month 3': '3m' });
  });
  it('pivoted, its events are the visits, its item OIDs name the arm and outcomes, StudySubjectID the patient', () => {
    const lines = ['StudySubjectID,StudyEventOID,StudyEventRepeatKey,I_RANDO_ARM,I_ODI_TOTAL,I_NRS_PAIN,Q2_ODI'];
    for (let p = 1; p <= 8; p++) for (const [k, e] of ['SE_BASELINE', 'SE_3M', 'SE_12M'].entries()) lines.push(`DK00${p},${e},1,${p % 2 ? 'A' : 'B'},${30 - 4 * k + p},${(p + k) % 10},${28 - 3 * k + p}`);
    const d = draftOf(lines.join('\n'));
    expect(d.undecided).toEqual([]);
    expect(d.plan.columns).toMatchObject({ id: 'StudySubjectID', time: 'StudyEventOID', arm: 'I_RANDO_ARM' });
    expect(d.plan.timeLabels).toEqual({ SE_BASELINE: 'baseline', SE_3M: '3m', SE_12M: '12m' });
    const outcomes = d.plan.outcomes as Outcome[];
    // A total of values up to 50 is the ODI's raw sum, 0–50 (docs/plan-trial.md): its own instrument, its check says so.
    expect(outcomes.filter((o) => o.instrument === 'odi').map((o) => o.column)).toEqual(['Q2_ODI']);
    expect(outcomes.filter((o) => o.instrument === 'odi_raw').map((o) => o.column)).toEqual(['I_ODI_TOTAL']);
    expect(outcomes.find((o) => o.instrument === 'nrs')?.column).toBe('I_NRS_PAIN');
  });
});
