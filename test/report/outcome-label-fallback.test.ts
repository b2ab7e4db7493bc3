// An outcome without a label is named by its instrument (built-in name or plan instrument label),
// never by its key; the summary of findings names a plan's short MCID source as the note under
// the table does; a title-case name keeps its capitals in running text.
import { describe, expect, it } from 'vitest';
import { labelOf } from '../../src/analysis/judged-row.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { outcomeLabel } from '../../src/plan/outcome-label.js';
import { lowerFirst } from '../../src/report/i18n.js';
import { runningName } from '../../src/report/conclusion-others.js';
import { mcidSourcesNote, mcidSourceTag } from '../../src/report/mcid-sources.js';

const plan = parsePlan({
  arms: { intervention: 'A', control: 'B' },
  timepoints: ['3m'],
  instruments: { sickdays: { label: { en: 'Sick-leave days last 3 months', da: 'Sygedage sidste 3 mdr.' }, unit: { en: 'days', da: 'dage' }, range: [0, 92], direction: 'lower-is-better', mcid: 5, mcidSource: 'plan assumption' } },
  outcomes: [
    { key: 'wai', instrument: 'was', mcid: 1, mcidSource: 'plan assumption' },
    { key: 'sygedage', instrument: 'sickdays' },
    { key: 'pain', instrument: 'nrs' },
    { key: 'worst', instrument: 'nrs' },
    { key: 'med', instrument: 'binary', direction: 'lower-is-better' },
  ],
});

describe('an outcome without a label', () => {
  it("is named by its instrument, in results.json's label and on the page", () => {
    expect(outcomeLabel(plan, 'wai', 'en')).toBe('Work Ability Score');
    expect(outcomeLabel(plan, 'wai', 'da')).toBe('Arbejdsevnescore (WAS)');
    expect(outcomeLabel(plan, 'sygedage', 'da')).toBe('Sygedage sidste 3 mdr.');
    expect(labelOf(plan.outcomes[1]!, plan)).toBe('Sick-leave days last 3 months');
    // Two outcomes of one instrument keep their keys apart; a yes/no outcome's key stays.
    expect(outcomeLabel(plan, 'worst', 'en')).toMatch(/: worst$/);
    expect(outcomeLabel(plan, 'med', 'en')).toBe('med');
  });

  it('keeps a title-case name as written in running text', () => {
    expect(runningName('Work Ability Score')).toBe('Work Ability Score');
    expect(lowerFirst('Work Ability Score')).toBe('Work Ability Score');
    expect(runningName('Disability (RMDQ 0–24)')).toBe('disability');
  });
});

describe("a plan's MCID source", () => {
  it('reads the same in the summary of findings and in the note of sources', () => {
    const wai = plan.outcomes[0]!;
    expect(mcidSourceTag(wai, plan, 'en')).toBe('plan assumption');
    expect(mcidSourcesNote(plan, new Set(['wai']), (k) => k, 'en').join()).toContain('plan assumption');
    expect(mcidSourceTag({ ...wai, mcidSource: 'Ilmarinen J. The Work Ability Index (WAI). Occup Med 2007;57:160' }, plan, 'en')).toBe("plan's source");
  });
});
