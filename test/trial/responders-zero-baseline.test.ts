/**
 * A percent responder rule at the floor: a baseline of 0 cannot improve by a percentage of
 * itself, so the patient counts as a non-responder and stays in the denominator
 * (src/trial/responders.ts). With 20 of 60 patients at 0 that hid a floor effect; the results
 * (`atZeroBaseline`) and the report's responders section now say how many per arm
 * (docs/plan-trial.md#responders).
 */
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import type { EffectRow } from '../../src/analysis/results-schema.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { defaultArmNames } from '../../src/report/arm-names.js';
import { zeroBaselineNotes } from '../../src/report/zero-baseline-note.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { countResponders } from '../../src/trial/responders.js';

const pairs = (baseline: number[], followUp: number[], arm: ('intervention' | 'control')[]) => ({ ids: baseline.map((_, i) => `p${i}`), arm, baseline, followUp, covariates: {} });

describe('countResponders at a baseline of 0', () => {
  it('a percent rule: baseline-0 patients counted per arm, none of them responders, all in n', () => {
    const p = pairs([0, 0, 0, 5, 5, 0], [0, 3, 0, 2, 5, 1], ['intervention', 'intervention', 'control', 'intervention', 'control', 'control']);
    const c = countResponders(p, { percent: 30 }, 'lower-is-better');
    expect(c.atZeroBaseline).toEqual({ intervention: 2, control: 2 });
    expect(c.intervention).toEqual({ events: 1, n: 3 });
    expect(c.control).toEqual({ events: 0, n: 3 });
  });
  it('higher is better: 0 → 8 is no response under a percent rule, and is counted', () => {
    const c = countResponders(pairs([0, 4], [8, 8], ['intervention', 'control']), { percent: 30 }, 'higher-is-better');
    expect(c.intervention.events).toBe(0);
    expect(c.control.events).toBe(1);
    expect(c.atZeroBaseline).toEqual({ intervention: 1, control: 0 });
  });
  it('a rule in points has no such patients', () => {
    const c = countResponders(pairs([0, 0], [3, 0], ['intervention', 'control']), { points: 2 }, 'higher-is-better');
    expect(c.atZeroBaseline).toEqual({ intervention: 0, control: 0 });
    expect(c.intervention.events).toBe(1);
  });
});

describe('the analysis and the report say it', () => {
  // 60 patients, 30 per arm; patients 1–20 at baseline 0, 10 per arm.
  const lines = ['id,arm,time,nrs'];
  for (let i = 1; i <= 60; i++) {
    const arm = i % 2 ? 'app' : 'usual';
    const b = i <= 20 ? 0 : 3 + (i % 6);
    lines.push(`P${i},${arm},baseline,${b}`, `P${i},${arm},3m,${Math.max(0, b - (i % 4))}`);
  }
  const plan = parsePlan({ arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], outcomes: [{ key: 'nrs', instrument: 'nrs', mcid: 1 }], responders: [{ key: 'r30', outcome: 'nrs', percent: 30 }, { key: 'r2', outcome: 'nrs', points: 2 }] });
  const result = analyzeTrial(loadTrial(parseCsvText(lines.join('\n') + '\n', 'floor.csv'), plan), { version: 'test' });
  const r30 = result.effects.find((e) => e.outcome === 'r30')!;

  it('the percent rule\'s row carries the count per arm; the points rule\'s none', () => {
    expect(r30.n).toEqual({ intervention: 30, control: 30 });
    expect(r30.atZeroBaseline).toEqual({ intervention: 10, control: 10 });
    expect(result.effects.find((e) => e.outcome === 'r2')!.atZeroBaseline).toBeUndefined();
  });

  it.each(['en', 'da'] as const)('a note under the responders (%s)', (lang) => {
    const notes = zeroBaselineNotes(result.effects, lang, defaultArmNames(lang), (k) => k);
    expect(notes).toEqual([
      lang === 'en'
        ? 'r30 at 3 months: 20 patients (10 app, 10 usual care) had a baseline of 0; under a percent rule they cannot improve by a share of it, so they count as non-responders and stay in the denominator.'
        : 'r30 efter 3 måneder: 20 patienter (10 app, 10 vanlig behandling) havde 0 ved baseline; med en regel i procent kan de ikke forbedres med en andel af det, så de tælles uden klinisk relevant forbedring og indgår i nævneren.',
    ]);
  });

  it('names a visit as the plan labels it, lowering only its first capital ("week 12 (EOT)", not "week 12 (eot)")', () => {
    const row = { outcome: 'r30', time: 'Week 12 (EOT)', atZeroBaseline: { intervention: 3, control: 4 } } as unknown as EffectRow;
    expect(zeroBaselineNotes([row], 'en', defaultArmNames('en'), (k) => k)[0]).toMatch(/^r30 at week 12 \(EOT\): 7 patients/);
  });
});

