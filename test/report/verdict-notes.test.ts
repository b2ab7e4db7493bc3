/**
 * Session 14, point 7: "Possibly clinically relevant benefit" (src/judge/relevance.ts rule 3: the
 * estimate beyond the MCID, checked before significance) was given to rows whose CI includes 0
 * and was not defined under the table, where only three verdicts were. Every verdict on the page
 * is defined in the notes (English and Danish), and beside a "possibly" verdict whose CI includes 0
 * the page says "not statistically significant". The verdict rules themselves are unchanged.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EffectRow } from '../../src/analysis/results-schema.js';
import { relevanceOf } from '../../src/judge/relevance.js';
import { effectsTable } from '../../src/report/effects-table.js';
import { verdictNotes, withSignificance } from '../../src/report/verdict-notes.js';
import { sharedBuilds, trialReportFiles } from './report-files-support.js';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ');

describe('a possibly clinically relevant benefit whose CI includes 0', () => {
  // Benefit 2.2 against an MCID of 2, CI −0.05 to 4.45 (Welch p ≈ 0.055): rule 3 holds.
  const row = { relevance: relevanceOf(2.2, -0.05, 4.45, 2), significant: false } as Pick<EffectRow, 'relevance' | 'significant'>;

  it('keeps its verdict (the rules are unchanged) and says beside it that it is not statistically significant', () => {
    expect(row.relevance).toBe('possibly-relevant-benefit');
    expect(withSignificance('Possibly clinically relevant benefit', row, 'en')).toBe('Possibly clinically relevant benefit, not statistically significant');
    expect(withSignificance('Muligvis klinisk relevant gavn', row, 'da')).toBe('Muligvis klinisk relevant gavn, ikke statistisk signifikant');
    expect(withSignificance('Possibly clinically relevant benefit', { ...row, significant: true }, 'en')).toBe('Possibly clinically relevant benefit');
  });

  it('in the table of all effect estimates', () => {
    const r = { outcome: 'nrs', time: '3m', method: 'welch', n: { intervention: 40, control: 40 }, difference: -2.2, ciLower: -4.45, ciUpper: 0.05, pValue: 0.055, mcid: 2, relevance: 'possibly-relevant-benefit', significant: false, imprecise: true, error: null } as unknown as EffectRow;
    expect(effectsTable([r], 'da', () => 10, 'short').rows[0]!.at(-1)).toBe('Muligvis klinisk relevant gavn, ikke statistisk signifikant');
  });

  it.each(['en', 'da'] as const)('every verdict is defined in the notes (%s)', (lang) => {
    const notes = verdictNotes(['possibly-relevant-benefit', 'inconclusive', 'relevant-harm', 'significant-harm-not-relevant'], lang);
    expect(notes).toHaveLength(4);
    expect(notes[1]).toMatch(lang === 'en' ? /^"Possibly clinically relevant benefit": the estimate lies beyond the MCID, the whole 95% CI does not; where the CI includes 0 the difference is not statistically significant/ : /^"Muligvis klinisk relevant gavn": estimatet ligger ud over MKRF, men ikke hele 95 %-KI; hvor KI omfatter 0, er forskellen ikke statistisk signifikant/);
  });
});

describe('the trial page defines every verdict it shows', () => {
  // An MCID of 0.5 for disability: its estimates lie beyond it, their CIs not.
  const plan = JSON.parse(readFileSync('data/plans/selfback.plan.json', 'utf8')) as { outcomes: { key: string; mcid?: number }[] };
  plan.outcomes.find((o) => o.key === 'rmdq')!.mcid = 0.5;
  // Both pages from one analysis, as `hta report` makes them.
  const builds = sharedBuilds();

  it.each(['en', 'da'] as const)('%s', async (lang) => {
    const files = await trialReportFiles(plan, lang, undefined, builds);
    const html = text(files.get('index.html')!);
    const md = files.get('README.md')!;
    expect(html).toContain(lang === 'en' ? 'Possibly clinically relevant benefit' : 'Muligvis klinisk relevant gavn');
    for (const page of [html, md]) {
      expect(page).toContain(lang === 'en' ? '"Possibly clinically relevant benefit": the estimate lies beyond the MCID' : '"Muligvis klinisk relevant gavn": estimatet ligger ud over MKRF');
    }
    // The verdicts the page does not show are not defined.
    expect(html).not.toContain(lang === 'en' ? '"Clinically relevant harm":' : '"Klinisk relevant skade":');
  }, 60_000);
});
