// SPSS "Save as CSV" with value labels writes a scale's END as its label among the bare numbers:
// NRS 10 as `Stærkest mulige smerte`, the EQ-5D index 1 as `Fuldt helbred`. Plan init once drafted
// such a word as a missing-value code for every column: analyze dropped every 10 (NRS at 3 months
// −0.69 on 63/60 for a true −1.14 on 67/71). Docs: docs/plan-trial.md "A scale's labelled ends".
import { afterAll, describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { scaleEndOf } from '../../src/plan/answer-words.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { freeEndLabel, namesAnAbsence } from '../../src/plan/free-end-label.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { removeTempDirs } from '../support/run-cli.js';
import { labelledAndDigits } from './analyze-draft.js';

afterAll(removeTempDirs);
type Outcome = { key: string; instrument: string; answers?: Record<string, number> };

/**
 * A wide SPSS-shaped export: 40 patients, NRS 0–10 (10 written as `top`, often at baseline) and an
 * EQ-5D index (1 written as `full`) at baseline and 3 months, and `Ved ikke` once.
 */
function export_(top: string | undefined, full: string | undefined = undefined): string {
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines = ['ID,Gruppe,Alder,NRS_base,NRS_3mdr,EQ5D_base,EQ5D_3mdr'];
  for (let p = 1; p <= 40; p++) {
    const app = p % 2 === 1;
    const nrs = [Math.min(10, Math.round(6 + next() * 5)), Math.max(0, Math.min(10, Math.round((app ? 4 : 6) + (next() - 0.5) * 10)))];
    const eq = [Math.round((0.4 + next() * 0.4) * 1000) / 1000, next() < 0.2 ? 1 : Math.round((0.5 + next() * 0.45) * 1000) / 1000];
    const n = nrs.map((v) => (v === 10 && top !== undefined ? top : String(v)));
    const e = eq.map((v) => (v === 1 && full !== undefined ? full : v.toFixed(3)));
    if (p === 9) n[1] = 'Ved ikke';
    lines.push(`${p},${app ? 'App' : 'Kontrol'},${30 + p},${n.join(',')},${e.join(',')}`);
  }
  return lines.join('\n') + '\n';
}

const draftOf = (text: string) => draftPlan(parseCsvText(text, 'spss.csv'), 'plan.schema.json');
const outcomeOf = (plan: Record<string, unknown>, key: string) => (plan.outcomes as Outcome[]).find((o) => o.key === key)!;

describe('a lone word of unknown wording where the scale\'s end never appears as a number', () => {
  // `Frygtelig smerte` ("terrible pain") is worded as no end plan init knows: it may be the 10, or
  // "unknown" (`Manglende` once became NRS 10: +1.475 on 20/20 for a true +0.795 on 17/20).
  const text = export_('Frygtelig smerte', 'Fuldt helbred');
  const d = draftOf(text);
  const count = text.split('\n').flatMap((l) => l.split(',')).filter((c) => c === 'Frygtelig smerte').length;
  it('is drafted neither into "answers" nor as a missing-value code: the checks ask whether it is the labelled 10, with its cells', () => {
    expect(outcomeOf(d.plan, 'nrs').answers).toBeUndefined();
    expect(d.plan.missingCodes).toEqual(['Ved ikke']);
    expect(count).toBeGreaterThan(5);
    expect(d.checks.join('\n')).toContain(`column "NRS": "Frygtelig smerte" — not drafted: it may be 10, the end of the 0–10 scale that no cell holds as a number (the column's other answers are numbers, 0–9; SPSS saved with value labels writes a labelled end as its label), or a code for "unknown". Looks like the labelled 10? Then give it that number in "answers", with every number the column holds beside it as itself ({ "Frygtelig smerte": 10, "1": 1, "2": 2, … }); if it means "unknown", add it to "missingCodes". Until then \`hta validate\` names its lines — it is ${count} of the 80 filled cells of these columns`);
  });
  it('is refused by validate on each of its lines until the user decides', () => {
    const lines = text.split('\n').flatMap((l, k) => (l.split(',').includes('Frygtelig smerte') ? [k + 1] : []));
    let problems: { line?: number; value?: string }[] = [];
    try {
      loadTrial(parseCsvText(text, 'spss.csv'), parsePlan(d.plan));
    } catch (e) {
      expect(e).toBeInstanceOf(HtaError);
      problems = (e as HtaError).problems;
    }
    expect(lines.length).toBeGreaterThan(5);
    expect([...new Set(problems.filter((p) => p.value === 'Frygtelig smerte').map((p) => p.line))]).toEqual(lines);
  });
  it('reads the EQ-5D index\'s "Fuldt helbred" as 1, its top, by its wording', () => {
    expect(outcomeOf(d.plan, 'eq5d').answers).toMatchObject({ 'Fuldt helbred': 1 });
    expect(d.checks.join('\n')).toContain('column "EQ5D": "Fuldt helbred" read as 1, the labelled end of the index (at most 1)');
  });
  it('names the EQ-5D index\'s free top as the index\'s, not a "-1–1 scale"', () => {
    const checks = draftOf(export_(undefined, 'Frygteligt')).checks.join('\n');
    expect(checks).toContain('column "EQ5D": "Frygteligt" — not drafted: it may be 1, the end of the index (at most 1) that no cell holds as a number');
    expect(checks).toContain('{ "Frygteligt": 1, "0.5": 0.5, … }');
  });
});

describe('SPSS\'s "Stærkest mulige smerte", a known end wording', () => {
  const text = export_('Stærkest mulige smerte');
  const d = draftOf(text);
  it('is drafted as NRS 10', () => {
    expect(outcomeOf(d.plan, 'nrs').answers).toMatchObject({ 'Stærkest mulige smerte': 10, '0': 0, '9': 9 });
    expect(d.plan.missingCodes).toEqual(['Ved ikke']);
    expect(d.checks.join('\n')).toContain('"Stærkest mulige smerte" read as 10, the labelled end of the 0–10 scale');
  });
  it('gives the numbers the same export written in digits gives', async () => {
    const { fromLabels, fromDigits } = await labelledAndDigits(text, export_(undefined), d.plan);
    const at3m = (r: typeof fromLabels) => r.effects.filter((e) => e.time === '3m');
    expect(at3m(fromLabels).length).toBeGreaterThanOrEqual(4);
    expect(at3m(fromLabels)).toEqual(at3m(fromDigits));
    // Only the "Ved ikke" patient has no 3-month pain score.
    expect(at3m(fromLabels).find((e) => e.outcome === 'nrs' && e.method === 'welch')!.n).toEqual({ intervention: 19, control: 20 });
  });
});

describe('a word for missing data where the top never appears as a number', () => {
  it.each(['Manglende', 'Missing data', 'Mangler svar', 'Saknas', 'Refused', 'Nægtet', 'Afbrudt', 'Syg', 'Excluded', 'NaN'])('%s is a missing-value code, never the scale\'s end', (w) => {
    const d = draftOf(export_(w, w));
    expect(outcomeOf(d.plan, 'nrs').answers).toBeUndefined();
    expect(outcomeOf(d.plan, 'eq5d').answers).toBeUndefined();
    expect(d.plan.missingCodes).toEqual([w, 'Ved ikke'].sort((a, b) => a.localeCompare(b)));
    expect(d.checks.join('\n')).not.toContain('not drafted: it may be');
  });
});

describe('a word worded as the low end, among cells holding 0 but never 10', () => {
  it.each(['Ingen smerte', 'Ingen data', 'Not at all'])('%s is never offered as the 10, nor drafted as a missing-value code that would drop the 0s it may be', (w) => {
    // 0 written as a digit somewhere: the lone word is not the free top.
    const text = export_(w).replace(/^(\d+,\w+,\d+,)\d+,/m, '$10,');
    expect(text).toMatch(/^\d+,\w+,\d+,0,/m);
    const d = draftOf(text);
    expect(outcomeOf(d.plan, 'nrs').answers).toBeUndefined();
    expect(d.checks.join('\n')).not.toContain(`${JSON.stringify(w)} — not drafted: it may be 10`);
    expect(d.plan.missingCodes).toEqual(['Ved ikke']);
    expect(d.checks.join('\n')).toContain(`column "NRS": ${JSON.stringify(w)} (worded as the bottom, 0, which cells also hold as a number) — not drafted: it may be that answer or a code for "unknown". Give it its number in "answers"`);
    expect(freeEndLabel([w], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [0, 10], 0, 10)).toBeUndefined();
  });
});

describe('a word that says the answer is absent', () => {
  it('stays a missing-value code, with a check saying how many cells of which columns it makes missing', () => {
    const text = export_('Udgået');
    const d = draftOf(text);
    expect(d.plan.missingCodes).toEqual(['Udgået', 'Ved ikke']);
    expect(outcomeOf(d.plan, 'nrs').answers).toBeUndefined();
    const [base, m3] = [3, 4].map((k) => text.split('\n').filter((l) => l.split(',')[k] === 'Udgået').length);
    expect(m3).toBeGreaterThan(0);
    expect(d.checks.join('\n')).toContain(`missing-value code "Udgået", a word and no "don't know": it makes ${base! + m3!} cells missing ("NRS_base" ${base}, "NRS_3mdr" ${m3}) — if it is an answer`);
  });
  it.each(['Ikke målt', 'Besvarede ikke', 'Not done', 'Withdrawn', 'Udgået', 'Død', 'Dropped out', 'Manglende', 'Missing data', 'Mangler svar', 'Saknas', 'Refused', 'Declined', 'Nægtet', 'Afbrudt', 'Syg', 'Excluded', 'NaN', 'NULL'])('%s', (w) => {
    expect(namesAnAbsence(w)).toBe(true);
  });
  it('but a scale\'s label does not', () => {
    expect(['Stærkest mulige smerte', 'Fuldt helbred', 'Frygtelig smerte', 'Helt sikker'].map(namesAnAbsence)).toEqual([false, false, false, false]);
  });
});

it('reads no end when both ends or neither are free, or two words could be one', () => {
  const inside = [1, 2, 3, 4, 5, 6, 7, 8, 9];
  expect(freeEndLabel(['Frygtelig'], [0, ...inside], [0, 10], 0, 10)).toEqual({ word: 'Frygtelig', at: 10 });
  expect(freeEndLabel(['Frygtelig'], inside, [0, 10], 0, 10)).toBeUndefined();
  expect(freeEndLabel(['Frygtelig'], [0, ...inside, 10], [0, 10], 0, 10)).toBeUndefined();
  expect(freeEndLabel(['Frygtelig', 'Moderat'], [0, ...inside], [0, 10], 0, 10)).toBeUndefined();
  expect(freeEndLabel(['Frygtelig'], [0, 1], [0, 10], 0, 10)).toBeUndefined();
});

it('reads a health label\'s end the way health runs: best is the top, worst the bottom', () => {
  expect(['Fuldt helbred', 'Bedst tænkelige helbred', 'Best imaginable health', 'Værst tænkelige helbred', 'Worst imaginable health', 'Værst tænkelige smerte', 'Stærkest mulige smerte', 'Helbred'].map(scaleEndOf))
    .toEqual(['high', 'high', 'high', 'low', 'low', 'high', 'high', undefined]);
});
