/**
 * A responder definition without a label (as docs/plan-trial.md's example writes it) is named
 * from its outcome and threshold on every page, never by its key.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/load-plan.js';
import { outcomeLabel } from '../../src/plan/outcome-label.js';

const bundled = JSON.parse(readFileSync('data/plans/selfback.plan.json', 'utf8')) as Record<string, unknown>;

describe('outcome and responder labels', () => {
  it('name a responder without a label by its outcome and threshold, in each language', () => {
    const plan = parsePlan({ ...bundled, responders: [{ key: 'rmdq30', outcome: 'rmdq', percent: 30 }, { key: 'pseq55', outcome: 'pseq', points: 5.5 }] });
    expect(outcomeLabel(plan, 'rmdq30', 'en')).toBe(`${outcomeLabel(plan, 'rmdq', 'en')} improved ≥ 30%`);
    expect(outcomeLabel(plan, 'rmdq30', 'da')).toBe(`${outcomeLabel(plan, 'rmdq', 'da')} forbedret ≥ 30 %`);
    expect(outcomeLabel(plan, 'pseq55', 'da')).toBe(`${outcomeLabel(plan, 'pseq', 'da')} forbedret ≥ 5,5 point`);
    expect(outcomeLabel(plan, 'pseq55', 'en')).not.toContain('pseq55');
  });
  it('keep the plan\'s own label, and the key of an unknown name', () => {
    const plan = parsePlan(bundled);
    expect(outcomeLabel(plan, 'rmdq_resp30', 'da')).toBe('RMDQ forbedret ≥ 30 %');
    expect(outcomeLabel(plan, 'nothing', 'en')).toBe('nothing');
  });
});
