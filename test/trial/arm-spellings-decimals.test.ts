// The loader reads an arm written another way than the plan's (`selfback ` for `SelfBACK`) as the
// plan's arm, with a note; a score with decimals on the built-in NRS says what to do
// (docs/input-trial-export.md "Arm values", docs/plan-trial.md "Generic instruments").
import { describe, expect, it } from 'vitest';
import { HtaError, formatProblem } from '../../src/errors.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';

const plan = (arms: { intervention: string; control: string }, instrument = 'nrs') =>
  parsePlan({ arms, timepoints: ['3m'], ...(instrument === 'nrs' ? {} : { instruments: { pain: { label: { en: 'Pain' }, range: [0, 10], direction: 'lower-is-better', mcid: 2, decimals: false } } }), outcomes: [{ key: 'pain', instrument }] });
const CSV = 'id,arm,time,pain\nP1,SelfBACK,baseline,5\nP1,SelfBACK,3m,4\nP2,"selfback ",baseline,6\nP2,"selfback ",3m,5\nP3," SELFBACK",baseline,6\nP3," SELFBACK",3m,5\nP4,Kontrol,baseline,7\nP4,Kontrol,3m,7\n';

describe('arm values differing from the plan\'s in case or blanks', () => {
  it('are the plan\'s arm, said in a note counting rows', () => {
    const t = loadTrial(parseCsvText(CSV, 'trial.csv'), plan({ intervention: 'SelfBACK', control: 'Kontrol' }));
    expect(t.patients.map((p) => p.arm)).toEqual(['intervention', 'intervention', 'intervention', 'control']);
    // The blanks inside the quotes are padding, read past and said apart (docs/input-trial-export.md#quoted-padding).
    expect(t.spellingNotes).toEqual(['trial.csv: column "arm": arm values that differ from the plan\'s only in case, blanks or zero decimals are read as the plan\'s arm: "selfback" as "SelfBACK" (2 rows), "SELFBACK" as "SelfBACK" (2 rows)']);
    expect(t.readNotes).toContain('trial.csv: 4 quoted cells had blanks at their ends ("arm"), as SAS, SPSS and Stata pad a text variable to its width ("6w      "): read without them, as unquoted cells are (docs/input-trial-export.md#quoted-padding)');
  });
  it('in a wide export, counted by lines: one patient\'s line of three visits is "1 line", not "3 rows"', () => {
    // A Danish wide export where one line has the control arm in lower case (found by a new user).
    const csv = '\uFEFFLøbenr;Gruppe;NRS_baseline;NRS_3m;NRS_9m\r\nP001;Intervention;7;5;4\r\nP002;kontrol;8;9;10\r\nP003;Kontrol;5;4;3\r\n';
    const p = parsePlan({ columns: { id: 'Løbenr', arm: 'Gruppe' }, layout: 'wide', arms: { intervention: 'Intervention', control: 'Kontrol' }, timepoints: ['3m', '9m'], outcomes: [{ key: 'nrs', instrument: 'nrs', column: 'NRS' }] });
    const t = loadTrial(parseCsvText(csv, 'mytrial.csv'), p);
    expect(t.patients.map((x) => x.arm)).toEqual(['intervention', 'control', 'control']);
    expect(t.spellingNotes).toEqual(['mytrial.csv: column "Gruppe": arm values that differ from the plan\'s only in case, blanks or zero decimals are read as the plan\'s arm: "kontrol" as "Kontrol" (1 line)']);
  });
  it('agree with the plan\'s spelling in another visit column of a wide line', () => {
    const csv = 'id,gruppe_baseline,gruppe_3m,pain_baseline,pain_3m\nP1,SelfBACK,selfback,5,4\nP2,Kontrol,KONTROL,6,5\n';
    const p = parsePlan({ columns: { id: 'id', arm: 'gruppe' }, layout: 'wide', arms: { intervention: 'SelfBACK', control: 'Kontrol' }, timepoints: ['3m'], outcomes: [{ key: 'pain', instrument: 'nrs' }] });
    expect(loadTrial(parseCsvText(csv, 'w.csv'), p).patients.map((x) => x.arm)).toEqual(['intervention', 'control']);
  });
  it('include SPSS\'s numeric codes with zero decimals (`1,00` for the plan\'s `1`), not other decimals', () => {
    const spss = 'id;gruppe;time;pain\nP1;1,00;baseline;5\nP1;1,00;3m;4\nP2;2,00;baseline;6\nP2;2,00;3m;5\nP3;2.0;baseline;6\nP3;2.0;3m;5\n';
    const p = parsePlan({ columns: { arm: 'gruppe' }, arms: { intervention: '1', control: '2' }, timepoints: ['3m'], outcomes: [{ key: 'pain', instrument: 'nrs' }] });
    const t = loadTrial(parseCsvText(spss, 'spss.csv'), p);
    expect(t.patients.map((x) => x.arm)).toEqual(['intervention', 'control', 'control']);
    expect(t.spellingNotes).toEqual(['spss.csv: column "gruppe": arm values that differ from the plan\'s only in case, blanks or zero decimals are read as the plan\'s arm: "1,00" as "1" (2 rows), "2,00" as "2" (2 rows), "2.0" as "2" (2 rows)']);
    try {
      loadTrial(parseCsvText(spss.replace(/2\.0/g, '1,50'), 'spss.csv'), p);
      expect.unreachable('1,50 is no arm');
    } catch (e) {
      expect((e as HtaError).problems.map((x) => x.value)).toEqual(['1,50', '1,50']);
    }
  });
  it('stay apart when the plan\'s own arms differ only so (`A`, `a`)', () => {
    const csv = 'id,arm,time,pain\nP1,A,baseline,5\nP1,A,3m,4\nP2,a,baseline,6\nP2,a,3m,5\n';
    const t = loadTrial(parseCsvText(csv, 'trial.csv'), plan({ intervention: 'A', control: 'a' }));
    expect(t.patients.map((p) => p.arm)).toEqual(['intervention', 'control']);
  });
});

describe('a score with decimals on a whole-number scale', () => {
  const problems = (instrument: string) => {
    try {
      loadTrial(parseCsvText('id,arm,time,pain\nP1,A,baseline,5.5\nP1,A,3m,4\nP2,B,baseline,6\nP2,B,3m,5\n', 'trial.csv'), plan({ intervention: 'A', control: 'B' }, instrument));
    } catch (e) {
      if (e instanceof HtaError) return e.problems.map(formatProblem).join('\n');
      throw e;
    }
    return '';
  };
  it('on the built-in nrs: points to a plan instrument with "decimals": true', () => {
    expect(problems('nrs')).toContain('"5.5" — expected a whole number from 0 to 10 (Pain intensity (NRS 0–10)) — the built-in "nrs" takes whole numbers only; for a score with decimals (an average), define a plan instrument of the same range with "decimals": true');
  });
  it('on a plan instrument: points to its "decimals"', () => {
    expect(problems('pain')).toContain('set "decimals": true in the plan\'s "instruments.pain"');
  });
});
