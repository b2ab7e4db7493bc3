// A yes/no outcome's χ² p-value on expected counts below 5 (6 patients an arm, 0/6 vs 4/6: p =
// 0.014 beside "Significant difference", no hint) is warned of, as R's prop.test warns "Chi-squared
// approximation may be incorrect": in the results, on stderr and on the page, in English and
// Danish, naming the outcome and visit (docs/plan-trial.md#yesno-outcomes).
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';

/** `perArm` patients an arm at baseline and 3 months; `surgery` 1 for the first `yes.intervention` / `yes.control` of each arm at 3 months. */
function analysed(perArm: number, yes: { intervention: number; control: number }) {
  const lines = ['id,arm,time,surgery'];
  for (const [arm, name] of [['intervention', 'App'], ['control', 'Usual care']] as const) {
    for (let k = 0; k < perArm; k++) {
      const id = `${arm[0]}${k}`;
      lines.push(`${id},${name},baseline,0`, `${id},${name},3m,${k < yes[arm] ? 1 : 0}`);
    }
  }
  const plan = parsePlan({
    arms: { intervention: 'App', control: 'Usual care' },
    timepoints: ['3m'],
    outcomes: [{ key: 'surgery', instrument: 'binary', direction: 'lower-is-better', label: { en: 'Back surgery', da: 'Rygoperation' } }],
  });
  return analyzeTrial(loadTrial(parseCsvText(lines.join('\n') + '\n', 'small.csv'), plan), { version: 'test' });
}

/** The smallest expected count of the row's 2×2 table, from its own counts (Pearson: row total × column total / N). */
function smallestExpectedOf(r: ReturnType<typeof analysed>) {
  const e = r.effects.find((x) => x.outcome === 'surgery' && x.method === 'risk-difference')!;
  const { eventsIntervention: a, eventsControl: c } = e.risks!;
  const { intervention: n1, control: n2 } = e.n;
  const n = n1 + n2;
  return Math.min(...[n1, n2].flatMap((arm) => [a + c, n - a - c].map((col) => (arm * col) / n)));
}

describe('a χ² p-value on expected counts below 5', () => {
  it('is a warning of the results naming the outcome, the visit, the smallest expected count and the counts', () => {
    const r = analysed(6, { intervention: 0, control: 4 });
    const least = smallestExpectedOf(r);
    expect(least).toBeLessThan(5);
    const w = r.warnings.filter((x) => x.includes('χ²'));
    expect(w).toEqual([
      `surgery at 3m: the χ² p-value rests on expected counts below 5 (the smallest is ${least}; 0 of 6 against 4 of 6 with the event), where the chi-squared approximation may be incorrect, as R's prop.test warns — the row's verdict reads the Newcombe interval of the risk difference, not the p-value: read the interval, and check the p-value with an exact test (Fisher's, which hta does not compute)`,
    ]);
  });

  it('is on the page in either language, the Danish naming the outcome and visit by their labels', () => {
    const r = analysed(6, { intervention: 0, control: 4 });
    const text = r.warningTexts.find((t) => t.text.en.includes('χ²'))!;
    expect(text).toMatchObject({ outcome: 'surgery', time: '3m', method: 'risk-difference' });
    // English keeps the analysis's words, as the single-answer warning beside it does (failure-reasons.ts).
    expect(text.text.en).toBe(r.warnings.find((x) => x.includes('χ²')));
    expect(text.text.da).toBe('Rygoperation, 3 måneder: χ²-testets p-værdi hviler på forventede antal under 5 (det mindste er 2; 0 af 6 mod 4 af 6 med hændelsen), hvor chi²-tilnærmelsen kan være forkert, som prop.test i R advarer om — rækkens vurdering bygger på Newcombe-intervallet for risikodifferencen, ikke på p-værdien: læs intervallet, og kontrollér p-værdien med en eksakt test (Fishers, som hta ikke beregner)');
  });

  it('is not said when every expected count is 5 or more, nor when there is no p-value (no events in either arm)', () => {
    const large = analysed(30, { intervention: 10, control: 20 });
    expect(smallestExpectedOf(large)).toBeGreaterThanOrEqual(5);
    expect(large.warnings.some((x) => x.includes('χ²'))).toBe(false);
    const none = analysed(6, { intervention: 0, control: 0 });
    expect(none.effects.find((x) => x.outcome === 'surgery')!.pValue).toBeNull();
    expect(none.warnings.some((x) => x.includes('χ²'))).toBe(false);
  });
});
