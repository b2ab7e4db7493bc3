// Medication columns (docs/plan-trial.md#yesno-outcomes): `Smertestillende` (painkillers, 0/1 or
// Ja/Nej) was drafted as a pain NRS 0–10 by its "smerte" — analysed as −0.24 points against an MCID
// of 2 where R gives −24.6 percentage points — and with Ja/Nej as missing-value codes every answer
// was missing. plan init now drafts medication columns as yes/no outcomes (or a day count), and the
// draft analysed gives R's risk differences (test/reference/medication-columns.R).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { medicationName, namesDaysUsed, namesMedication } from '../../src/plan/medication-names.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';

const dir = 'test/fixtures/medication-columns';
const reference = JSON.parse(readFileSync('test/reference/medication-columns.json', 'utf8')) as {
  riskDifferences: { file: string; column: string; visit: string; n1: number; n2: number; difference: number; ciLower: number; ciUpper: number; pValue: number }[];
};

interface Drafted { outcomes: { key: string; instrument: string; column?: string; answers?: Record<string, number>; direction?: string; label?: { en: string } }[]; missingCodes?: unknown[]; instruments?: Record<string, { range: number[]; unit?: { en: string } }>; timeLabels?: Record<string, string> }

function drafted(name: string) {
  const csv = parseCsvText(readFileSync(`${dir}/${name}`, 'utf8'), name);
  const draft = draftPlan(csv, 'plan.schema.json');
  return { csv, draft, plan: draft.plan as unknown as Drafted };
}

/** The drafted plan analysed in process, as `hta analyze` runs it: the risk-difference rows. */
function analysed(name: string) {
  const { csv, draft } = drafted(name);
  const trial = loadTrial(csv, parsePlan(draft.plan));
  return analyzeTrial(trial, { version: 'test' }).effects.filter((e) => e.method === 'risk-difference');
}

function expectAsR(name: string, effects: ReturnType<typeof analysed>, key: (column: string) => string) {
  const rows = reference.riskDifferences.filter((r) => r.file === name);
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) {
    const time = r.visit.startsWith('3') ? '3m' : '9m';
    const e = effects.find((x) => x.outcome === key(r.column) && x.time === time);
    expect(e, `${r.column} at ${time}`).toBeDefined();
    expect(e!.n).toEqual({ intervention: r.n1, control: r.n2 });
    expect(e!.difference).toBeCloseTo(r.difference, 10);
    expect(e!.ciLower).toBeCloseTo(r.ciLower, 10);
    expect(e!.ciUpper).toBeCloseTo(r.ciUpper, 10);
    expect(e!.pValue).toBeCloseTo(r.pValue, 10);
  }
}

describe('a REDCap 0/1 "smertestillende" column', () => {
  it('is drafted as a yes/no pain-medication outcome, not a pain NRS', () => {
    const { plan } = drafted('redcap-smertestillende.csv');
    expect(plan.outcomes).toHaveLength(1);
    expect(plan.outcomes[0]).toMatchObject({ key: 'smertestillende', instrument: 'binary', direction: 'lower-is-better', label: { en: 'Pain-medication use' } });
  });

  it('analysed with the draft, gives R\'s risk differences (−24.6 pp at 3 months)', () => {
    expectAsR('redcap-smertestillende.csv', analysed('redcap-smertestillende.csv'), (c) => c);
  });
});

describe('Danish Ja/Nej medication columns', () => {
  const { plan, draft } = drafted('medication-ja-nej.csv');

  it('are yes/no outcomes with Ja/Nej as answers, never missing-value codes', () => {
    expect(plan.missingCodes).toBeUndefined();
    expect(plan.outcomes.map((o) => [o.key, o.instrument, o.column, o.answers, o.direction])).toEqual([
      ['smertestillende', 'binary', 'Smertestillende', { Nej: 0, Ja: 1 }, 'lower-is-better'],
      ['opioid', 'binary', 'Opioid', { Nej: 0, Ja: 1 }, 'lower-is-better'],
    ]);
    // Two medication outcomes are told apart by their column.
    expect(plan.outcomes.map((o) => o.label?.en)).toEqual(['Pain-medication use: Smertestillende', 'Pain-medication use: Opioid']);
  });

  it('the days used in the last 7 are drafted as the documented day count; ATC codes are said, not drafted', () => {
    expect(plan.instruments?.dage_brugt_sidste_7).toMatchObject({ range: [0, 7], unit: { en: 'days' }, direction: 'lower-is-better' });
    expect(draft.checks.join('\n')).toContain('add { "key": "dage_brugt_sidste_7", "instrument": "dage_brugt_sidste_7", "column": "Dage brugt sidste 7", "mcid": <days> } to "outcomes"');
    expect(draft.guesses.join('\n')).toContain('not drafted: "ATC-koder", named as medication');
  });

  it('analysed with the draft, give R\'s risk differences for both columns', () => {
    expectAsR('medication-ja-nej.csv', analysed('medication-ja-nej.csv'), (c) => c.toLowerCase());
  });
});

describe('medication names', () => {
  it('say medication in Danish, Norwegian, English, by drug and by ATC code', () => {
    for (const n of ['Smertestillende', 'smertestillende_3m', 'analgetika', 'Analgesics', 'painkillers', 'pain medication', 'Pain_med', 'nrs_meds', 'Opioid', 'opioider', 'Medicin', 'smertemedicin', 'Legemiddelbruk', 'Medisin', 'meds_3m', 'med0', 'medUse', 'ATC-koder', 'N02BE01', 'paracetamol_brug']) {
      expect(namesMedication(n), n).toBe(true);
    }
  });
  it('leave pain scales, Danish "med" (with) between words and items alone', () => {
    for (const n of ['smerte', 'NRS_smerte', 'pain', 'vas_pain', 'dage_med_smerter', 'smerte_med_bevaegelse', 'Q12', 'eq5d_pd', 'median_pain', 'medial_pain', 'Q10a', 'q10b', 'Q11b', 'E10a', 'K12b']) {
      expect(namesMedication(n), n).toBe(false);
    }
  });
  it('days used, not days of sick leave', () => {
    expect(namesDaysUsed('Dage brugt sidste 7')).toBe(true);
    expect(namesDaysUsed('days_used')).toBe(true);
    expect(namesDaysUsed('dage_sygemeldt')).toBe(false);
    // Whole words only: "deltaget" (attended) holds "taget", "caused" holds "used".
    expect(namesDaysUsed('dage_deltaget')).toBe(false);
    expect(namesDaysUsed('days_caused')).toBe(false);
    expect(namesDaysUsed('dage taget')).toBe(true);
  });
  it('tell a name that holds the pain word (painkillers) from one beside it', () => {
    expect(medicationName('Smertestillende')).toBe('pain-medication');
    expect(medicationName('pain_medication')).toBe('pain-medication');
    expect(medicationName('smerte_uden_medicin')).toBe('medication');
    expect(medicationName('Med_smerter')).toBe('medication');
    expect(medicationName('N02BE01')).toBe('atc-code');
  });
});

describe('a pain NRS is still a pain NRS', () => {
  it('a "smerte" column of 0–10 answers beside a medication column', () => {
    const lines = ['id,arm,time,smerte,smertestillende'];
    for (let p = 1; p <= 12; p++) for (const t of ['baseline', '3m']) lines.push(`${p},${p % 2 ? 'A' : 'B'},${t},${(p * 3) % 11},${p % 3 ? 1 : 0}`);
    const plan = draftPlan(parseCsvText(lines.join('\n') + '\n', 'x.csv'), 'plan.schema.json').plan as unknown as Drafted;
    expect(plan.outcomes.map((o) => [o.key, o.instrument])).toEqual([['smerte', 'nrs'], ['smertestillende', 'binary']]);
  });

  // `median_pain` ("med"), `Med_smerter` (Danish "with pain"), `smerte_med`, `smerte_uden_medicin`
  // (pain without medication) hold 0–10 answers: pain scales, as they were before medication names
  // were read; items `Q10a`/`Q10b` are no ATC codes. Each was once a "Pain medication" count and
  // plan init exited 2 for want of an outcome.
  it('pain columns whose names hold "med" or "medicin", and items named like ATC codes', () => {
    const names = ['median_pain', 'smerte_uden_medicin', 'Med_smerter', 'smerte_med', 'Q10a', 'Q10b'];
    const lines = [['id', 'arm', 'time', ...names].join(',')];
    for (let p = 1; p <= 30; p++) for (const t of ['baseline', '3m']) lines.push([p, p % 2 ? 'A' : 'B', t, (p * 3) % 11, (p * 7) % 11, (p + 4) % 11, (p * 5 + 1) % 11, 1 + (p % 5), 1 + ((p * 2) % 5)].join(','));
    const draft = draftPlan(parseCsvText(lines.join('\n') + '\n', 'x.csv'), 'plan.schema.json');
    const plan = draft.plan as unknown as Drafted;
    expect(plan.outcomes.map((o) => [o.key, o.instrument, o.column])).toEqual([
      ['median_pain', 'nrs', undefined],
      ['smerte_uden_medicin', 'nrs', undefined],
      ['med_smerter', 'nrs', 'Med_smerter'],
      ['smerte_med', 'nrs', undefined],
    ]);
    expect(plan.instruments).toBeUndefined();
    expect(draft.guesses.join('\n')).toContain('not used: Q10a, Q10b');
  });

  it('a medication name beside the pain word holding yes/no answers or days is still medication', () => {
    const lines = ['id,arm,time,smerte,pain_med,smerte_medicin_dage'];
    for (let p = 1; p <= 12; p++) for (const t of ['baseline', '3m']) lines.push(`${p},${p % 2 ? 'A' : 'B'},${t},${(p * 3) % 11},${p % 3 ? 'Ja' : 'Nej'},${p % 8}`);
    const draft = draftPlan(parseCsvText(lines.join('\n') + '\n', 'x.csv'), 'plan.schema.json');
    const plan = draft.plan as unknown as Drafted;
    expect(plan.outcomes.map((o) => [o.key, o.instrument])).toEqual([['smerte', 'nrs'], ['pain_med', 'binary']]);
    expect(plan.instruments?.smerte_medicin_dage).toMatchObject({ unit: { en: 'days' } });
  });
});

describe('a day count\'s drafted range', () => {
  // Drafted as the observed 0–3, a count seen only at 0 and 3 read as a scale answered only at its
  // two ends (trial/two-value-scales.ts): the range is the period's days.
  it('is the week (0–7) or the period its name gives, not the values seen', () => {
    const lines = ['id,arm,time,nrs_smerte,analgetika_dage,Dage brugt sidste 14'];
    for (let p = 1; p <= 12; p++) for (const t of ['baseline', '3m']) lines.push(`${p},${p % 2 ? 'A' : 'B'},${t},${(p * 3) % 11},${p % 3 ? 0 : 3},${p % 11}`);
    const draft = draftPlan(parseCsvText(lines.join('\n') + '\n', 'x.csv'), 'plan.schema.json');
    const plan = draft.plan as unknown as Drafted;
    expect(plan.instruments?.analgetika_dage?.range).toEqual([0, 7]);
    expect(plan.instruments?.dage_brugt_sidste_14?.range).toEqual([0, 14]);
    expect(draft.checks.join('\n')).toContain('"analgetika_dage" holds numbers 0–3, not yes/no answers: drafted the instrument "analgetika_dage" (range 0–7, the days of the period its name gives');
  });
});

describe('a days-attended column', () => {
  it('is no count of medication days (whole words: "deltaget" holds "taget")', () => {
    const lines = ['id,arm,time,nrs_smerte,dage_deltaget'];
    for (let p = 1; p <= 12; p++) for (const t of ['baseline', '3m']) lines.push(`${p},${p % 2 ? 'A' : 'B'},${t},${(p * 3) % 11},${p % 8}`);
    const draft = draftPlan(parseCsvText(lines.join('\n') + '\n', 'x.csv'), 'plan.schema.json');
    expect(draft.plan.instruments).toBeUndefined();
    expect(JSON.stringify(draft)).not.toContain('Days with pain medication');
  });
});

describe('a medication column of drug names', () => {
  it('is not drafted (no yes/no outcome whose every cell is a missing-value code)', () => {
    const lines = ['id,arm,time,nrs_smerte,Medicin'];
    const drugs = ['Panodil', 'Ibumetin', 'Ingen'];
    for (let p = 1; p <= 12; p++) for (const t of ['baseline', '3m']) lines.push(`${p},${p % 2 ? 'A' : 'B'},${t},${(p * 3) % 11},${drugs[p % 3]}`);
    const draft = draftPlan(parseCsvText(lines.join('\n') + '\n', 'x.csv'), 'plan.schema.json');
    const plan = draft.plan as unknown as Drafted;
    expect(plan.outcomes.map((o) => [o.key, o.instrument])).toEqual([['nrs_smerte', 'nrs']]);
    expect(plan.missingCodes).toBeUndefined();
    expect(draft.guesses.join('\n')).toContain('not drafted: "Medicin", named as medication but holding neither yes/no answers nor a count');
  });
});

describe('a yes or no word in a scale column', () => {
  it('is never drafted as a missing-value code (it is an answer), and is said among the checks', () => {
    const lines = ['id,arm,time,smerte'];
    for (let p = 1; p <= 12; p++) for (const t of ['baseline', '3m']) lines.push(`${p},${p % 2 ? 'A' : 'B'},${t},${p === 4 && t === '3m' ? 'Nej' : (p * 3) % 11}`);
    const draft = draftPlan(parseCsvText(lines.join('\n') + '\n', 'x.csv'), 'plan.schema.json');
    expect((draft.plan as unknown as Drafted).missingCodes).toBeUndefined();
    expect(draft.checks.join('\n')).toContain('"Nej" (column "smerte", a yes/no answer in a 0–10 scale');
  });
});
