// What a yes/no column's refused cell says (docs/plan-trial.md#yesno-outcomes, #adverse-events):
// Ja/Nej in a yes/no outcome without "answers" gets the answers to write; `nej` against the plan's
// "Nej" gets "did you mean"; an adverse-event column with "columnCodes" still reads the yes/no words
// (a cell "N" beside { "Ja": 1, "Muligvis": 1, "Nej": 0 }), and a cell it cannot read lists the codes.
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { patientLookup, readEventListing } from '../../src/trial/adverse-events.js';
import { loadTrial } from '../../src/trial/load-trial.js';

const lines = ['id;arm;time;medicin'];
for (let p = 1; p <= 8; p++) for (const t of ['baseline', '3m']) lines.push(`${p};${p % 2 ? 'A' : 'B'};${t};${(p + t.length) % 3 ? 'Ja' : 'Nej'}`);
const exportText = lines.join('\n') + '\n';
const base = { arms: { intervention: 'A', control: 'B' }, timepoints: ['3m'] };

function problemsOf(run: () => unknown) {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(HtaError);
    return (e as HtaError).problems;
  }
  throw new Error('expected a refusal');
}

describe('a yes/no outcome holding Ja/Nej', () => {
  it('without "answers": the hint gives the answers to write', () => {
    const plan = parsePlan({ ...base, outcomes: [{ key: 'medicin', instrument: 'binary', direction: 'lower-is-better' }] });
    const problems = problemsOf(() => loadTrial(parseCsvText(exportText, 'x.csv'), plan));
    expect(problems.length).toBe(16);
    expect(problems[0]!.hint).toBe('a yes/no answer written as a word: give outcome "medicin" "answers": { "Ja": 1, "Nej": 0 } (the spellings the export uses; docs/plan-trial.md#yesno-outcomes)');
  });

  it('lower-case ja/nej against "answers": { "Ja": 1, "Nej": 0 }: did you mean, with the spellings to add', () => {
    const plan = parsePlan({ ...base, outcomes: [{ key: 'medicin', instrument: 'binary', direction: 'lower-is-better', answers: { Ja: 1, Nej: 0 } }] });
    const problems = problemsOf(() => loadTrial(parseCsvText(exportText.replace(/;Ja\n/g, ';ja\n').replace(/;Nej\n/g, ';nej\n'), 'x.csv'), plan));
    expect(problems.length).toBe(16);
    expect(problems.every((p) => p.kind === 'code.unknown:medicin:case')).toBe(true);
    expect(problems[0]!.hint).toContain(`did you mean ${JSON.stringify(problems[0]!.value === 'ja' ? 'Ja' : 'Nej')}?`);
    expect(problems[0]!.hint).toContain('("ja": 1, "nej": 0)');
  });

  it('with the answers written as the export spells them, it reads', () => {
    const plan = parsePlan({ ...base, outcomes: [{ key: 'medicin', instrument: 'binary', direction: 'lower-is-better', answers: { Ja: 1, Nej: 0 } }] });
    expect(loadTrial(parseCsvText(exportText, 'x.csv'), plan).rows.length).toBe(16);
  });
});

describe('the answers advised are the column\'s own pair and spellings', () => {
  const plan = parsePlan({ ...base, outcomes: [{ key: 'medicin', instrument: 'binary', direction: 'lower-is-better' }] });
  const hintsFor = (first: string, other: string) => {
    const text = exportText.replace(/;Ja\n/g, `;${other}\n`).replace(/;Nej\n/g, `;${first}\n`);
    // The export's first cell is the no word: its pair was once the first list pair holding it.
    expect(text.split('\n')[1]!.endsWith(`;${first}`)).toBe(true);
    return new Set(problemsOf(() => loadTrial(parseCsvText(text, 'x.csv'), plan)).map((p) => p.hint));
  };

  it('Y/N: a cell "N" beside "Y" gives { "Y": 1, "N": 0 }, never J/N (which would refuse every Y)', () => {
    expect([...hintsFor('N', 'Y')]).toEqual(['a yes/no answer written as a word: give outcome "medicin" "answers": { "Y": 1, "N": 0 } (the spellings the export uses; docs/plan-trial.md#yesno-outcomes)']);
  });

  it('Norwegian Ja/Nei: "Ja" pairs with the "Nei" the column holds, not Danish "Nej"', () => {
    const text = exportText.replace(/;Nej\n/g, ';Nei\n');
    const hints = new Set(problemsOf(() => loadTrial(parseCsvText(text, 'x.csv'), plan)).map((p) => p.hint));
    expect([...hints]).toEqual(['a yes/no answer written as a word: give outcome "medicin" "answers": { "Ja": 1, "Nei": 0 } (the spellings the export uses; docs/plan-trial.md#yesno-outcomes)']);
  });

  it('every spelling the column uses is listed ("Ja" and "ja")', () => {
    const text = exportText.replace(/2;B;3m;Ja\n/, '2;B;3m;ja\n');
    expect(text).toContain('2;B;3m;ja');
    const hints = new Set(problemsOf(() => loadTrial(parseCsvText(text, 'x.csv'), plan)).map((p) => p.hint));
    expect([...hints]).toEqual(['a yes/no answer written as a word: give outcome "medicin" "answers": { "Ja": 1, "ja": 1, "Nej": 0 } (the spellings the export uses; docs/plan-trial.md#yesno-outcomes)']);
  });
});

describe('a scale outcome holding Ja/Nej', () => {
  it('is refused with the binary instrument and the answers to write, not only "a whole number from 0 to 10"', () => {
    const plan = parsePlan({ ...base, outcomes: [{ key: 'medicin', instrument: 'nrs' }] });
    const problems = problemsOf(() => loadTrial(parseCsvText(exportText, 'x.csv'), plan));
    expect(problems.length).toBe(16);
    expect(problems[0]!.expected).toBe('a whole number from 0 to 10 (Pain intensity (NRS 0–10))');
    expect(problems[0]!.hint).toBe('a yes/no answer in a 0–10 scale: if "medicin" is yes/no, make outcome "medicin" "instrument": "binary" with its "direction" and "answers": { "Ja": 1, "Nej": 0 } (the spellings the export uses; docs/plan-trial.md#yesno-outcomes)');
  });
});

describe('an adverse-event relatedness column with "columnCodes"', () => {
  const plan = parsePlan({
    ...base,
    outcomes: [{ key: 'medicin', instrument: 'binary', direction: 'lower-is-better', answers: { Ja: 1, Nej: 0 } }],
    adverseEvents: { file: 'ae.csv', id: 'id', related: 'Relateret', term: 'PT' },
    columnCodes: { Relateret: { answers: { Ja: 1, Muligvis: 1, Nej: 0 } } },
  });
  const trial = loadTrial(parseCsvText(exportText, 'x.csv'), plan);
  const read = (cells: string[]) =>
    readEventListing(parseCsvText(['id;PT;Relateret', ...cells.map((c, k) => `${(k % 8) + 1};Nausea;${c}`)].join('\n') + '\n', 'ae.csv'), { ...trial.plan, adverseEvents: trial.plan.adverseEvents! }, patientLookup(trial.patients)).data;

  it('still reads the yes/no words beside the codes ("N" is no, "Y" yes)', () => {
    expect(read(['Ja', 'Muligvis', 'Nej', 'N', 'Y']).events.map((e) => e.related)).toEqual([1, 1, 0, 0, 1]);
  });

  it('a cell it cannot read is refused, naming the codes the column accepts', () => {
    const problems = problemsOf(() => read(['Ja', 'X']));
    expect(problems[0]!.expected).toContain('one of the codes of "Relateret" in the plan\'s "columnCodes" ("Ja", "Muligvis", "Nej"), a yes/no word (Ja/Nej, Yes/No, Y/N)');
    // With codes given, 1/0 are no longer read as yes/no (1/2 coding): a 0 is refused.
    expect(problemsOf(() => read(['0']))[0]!.value).toBe('0');
  });
});

describe('a REDCap 0/1/2 relatedness column given "2": 1 alone', () => {
  const plan = parsePlan({
    ...base,
    outcomes: [{ key: 'medicin', instrument: 'binary', direction: 'lower-is-better', answers: { Ja: 1, Nej: 0 } }],
    adverseEvents: { file: 'ae.csv', id: 'id', related: 'ae_related', term: 'PT' },
    columnCodes: { ae_related: { answers: { '2': 1 } } },
  });
  const trial = loadTrial(parseCsvText(exportText, 'x.csv'), plan);
  const read = (p: typeof trial.plan, cells: string[]) =>
    readEventListing(parseCsvText(['id;PT;ae_related', ...cells.map((c, k) => `${(k % 8) + 1};Nausea;${c}`)].join('\n') + '\n', 'ae.csv'), { ...p, adverseEvents: p.adverseEvents! }, patientLookup(trial.patients)).data;

  it('refuses its 1s and 0s with one message giving the "0": 0, "1": 1 to add', () => {
    const problems = problemsOf(() => read(trial.plan, ['1', '2', '0', '1']));
    expect(problems.map((p) => p.value)).toEqual(['1', '0', '1']);
    expect(new Set(problems.map((p) => p.expected)).size).toBe(1);
    expect(problems[0]!.expected).toContain('once a column has answer codes every number in it must be listed');
    expect(problems[0]!.expected).toContain('"columnCodes": { "ae_related": { "answers": { "2": 1, "0": 0, "1": 1 } } }');
  });

  it('with the entries added as advised, the listing reads', () => {
    const fixed = parsePlan({ ...base, outcomes: [{ key: 'medicin', instrument: 'binary', direction: 'lower-is-better', answers: { Ja: 1, Nej: 0 } }], adverseEvents: { file: 'ae.csv', id: 'id', related: 'ae_related', term: 'PT' }, columnCodes: { ae_related: { answers: { '2': 1, '0': 0, '1': 1 } } } });
    expect(read(loadTrial(parseCsvText(exportText, 'x.csv'), fixed).plan, ['1', '2', '0', '1']).events.map((e) => e.related)).toEqual([1, 1, 0, 1]);
  });
});
