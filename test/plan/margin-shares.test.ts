/**
 * Target margins typed from a published table (src/plan/margin-shares.ts, docs/subgroups.md
 * #transported-effect), checked when the plan is loaded: shares 0.001 off 1 are rescaled with a
 * note; percentages and counts are refused with their sum and what to divide by (before:
 * "expected shares that sum to 1" without the sum, and "a number of at most 1" per share); a cut
 * margin's ASCII keys "40-<60", ">=60" are its levels, and any other key is refused at its line
 * (before: a failed transport per outcome × time, ~18 identical warnings).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { parseJsonText } from '../../src/io/read-json.js';
import { parsePlan, planNotes } from '../../src/plan/load-plan.js';
import { cutLevelKey } from '../../src/plan/margin-shares.js';

const base = JSON.parse(readFileSync('data/plans/selfback.plan.json', 'utf8')) as Record<string, any>;

/** The bundled plan with these margins, parsed from pretty-printed text (so problems have lines). */
function withMargins(margins: unknown[]) {
  const p = structuredClone(base);
  p.population.margins = margins;
  const text = JSON.stringify(p, null, 2);
  try {
    return { plan: parsePlan(parseJsonText(text, 'p.json'), 'p.json'), text };
  } catch (err) {
    if (err instanceof HtaError) return { err, text };
    throw err;
  }
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
const sex = (shares: Record<string, number>) => ({ column: 'sex', shares });

describe('shares that do not sum to 1', () => {
  it('0.601 + 0.398 = 0.999 (a rounded table): rescaled to sum to 1, with a note saying so', () => {
    const { plan, err } = withMargins([sex({ F: 0.601, M: 0.398 })]);
    expect(err).toBeUndefined();
    const shares = plan!.population!.margins![0]!.shares;
    expect(shares.F).toBeCloseTo(0.601 / 0.999, 12);
    expect(shares.F! + shares.M!).toBeCloseTo(1, 12);
    expect(planNotes(plan!)).toEqual(['p.json: the shares of margin "sex" sum to 0.999, not 1 (rounded in the table they were typed from?): each is divided by 0.999 (docs/subgroups.md#transported-effect)']);
  });

  it('shares that sum to 1 are kept as given, without a note', () => {
    const { plan } = withMargins([sex({ F: 0.6, M: 0.4 })]);
    expect(plan!.population!.margins![0]!.shares).toEqual({ F: 0.6, M: 0.4 });
    expect(planNotes(plan!)).toEqual([]);
  });

  it('percentages: refused at the shares line with their sum and "divide by 100" (not "at most 1" per share)', () => {
    const { err, text } = withMargins([sex({ F: 60.1, M: 39.9 })]);
    expect(err!.exitCode).toBe(2);
    expect(err!.problems).toHaveLength(1);
    expect(err!.problems[0]).toMatchObject({ field: 'population.margins.0.shares', line: lineOf(text, '"shares"') });
    expect(err!.problems[0]!.expected).toMatch(/these sum to 100 — percentages\? Divide each by 100/);
  });

  it('counts: refused with their sum to divide by', () => {
    const { err } = withMargins([sex({ F: 6012, M: 4010 })]);
    expect(err!.problems).toHaveLength(1);
    expect(err!.problems[0]!.expected).toMatch(/these sum to 10022 — counts\? Divide each by 10022/);
  });

  it('all-zero shares: refused saying a level needs a positive share (not "divide each by 0")', () => {
    const { err } = withMargins([sex({ F: 0, M: 0 })]);
    expect(err!.problems[0]!.expected).toMatch(/these sum to 0 — at least one level needs a positive share$/);
  });

  it('0.6 + 0.3 (a share left out): refused, not rescaled', () => {
    const { err } = withMargins([sex({ F: 0.6, M: 0.3 })]);
    expect(err!.problems[0]!.expected).toMatch(/these sum to 0\.9 /);
  });
});

describe('a cut margin\'s keys', () => {
  it('the ASCII spellings "40-<60" and ">=60" are the levels "40–<60" and "≥60"', () => {
    const { plan, err } = withMargins([{ column: 'age', cuts: [40, 60], shares: { '<40': 0.35, '40-<60': 0.4, '>=60': 0.25 } }]);
    expect(err).toBeUndefined();
    expect(plan!.population!.margins![0]!.shares).toEqual({ '<40': 0.35, '40–<60': 0.4, '≥60': 0.25 });
    expect([cutLevelKey('40 - <60'), cutLevelKey('>= 60'), cutLevelKey('<40')]).toEqual(['40–<60', '≥60', '<40']);
  });

  it('a key that is no cut level is refused when the plan is loaded, at its line, with the levels', () => {
    const { err, text } = withMargins([{ column: 'age', cuts: [40, 60], shares: { '<40': 0.35, '40-60': 0.4, '≥60': 0.25 } }]);
    expect(err!.problems).toHaveLength(1);
    expect(err!.problems[0]).toMatchObject({ field: 'population.margins.0.shares.40-60', value: '40-60', line: lineOf(text, '"40-60"') });
    expect(err!.problems[0]!.expected).toBe('a cut level of "cuts" [40,60]: "<40", "40–<60", "≥60" (or in ASCII "40-<60", ">=60")');
  });

  it('one level given twice, once in ASCII: refused', () => {
    const { err } = withMargins([{ column: 'age', cuts: [40, 60], shares: { '<40': 0.35, '40–<60': 0.4, '≥60': 0.125, '>=60': 0.125 } }]);
    expect(err!.problems[0]).toMatchObject({ field: 'population.margins.0.shares.>=60' });
  });
});
