/**
 * Every MCID a verdict is judged against has its source on the page: the note under the table of
 * all effect estimates names each in full (the instrument's reference, the range ÷ 20 rule of
 * thumb, or the plan's mcidSource), and the summary of findings' heading rows name it beside the
 * MCID ("MCID 5 points, Ostelo 2008"; page 1 has no room for a note). EQ-5D's 0.0879 was shown
 * with no hint that it is a rule of thumb, and the plan's "plan assumption: …" was dropped.
 */
import { describe, expect, it } from 'vitest';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { mcidSourcesNote, mcidSourceTag, mcidSourceText } from '../../src/report/mcid-sources.js';
import { summaryOfFindings, summaryOfFindingsRows } from '../../src/report/summary-of-findings.js';
import { bundledTrial } from './trial-report-support.js';

describe('MCID sources', () => {
  it.each([
    ['en', 'MCID sources: Disability (RMDQ 0–24), Average pain (NRS 0–10), Worst pain (NRS 0–10): Ostelo RW et al. 2008, Spine 33(1):90-94, doi:10.1097/BRS.0b013e31815e3a10; Pain self-efficacy (PSEQ 0–60): Chiarotto A et al. 2016, J Pain 17(6):707-718, doi:10.1016/j.jpain.2016.02.012; Quality of life (EQ-5D-5L index, DK): a rule of thumb (range / 20), not anchor-based; Work ability (WAS 0–10): the analysis plan: "plan assumption: no published MCID for the single-item Work Ability Score".'],
    ['da', 'Kilder til MKRF: Fysisk funktionsniveau (RMDQ 0–24), Smerteintensitet, gennemsnitlig (NRS 0–10), Smerteintensitet, værste smerte (NRS 0–10): Ostelo RW m.fl. 2008, Spine 33(1):90-94, doi:10.1097/BRS.0b013e31815e3a10; Handlekompetence, mestringstro (PSEQ 0–60): Chiarotto A m.fl. 2016, J Pain 17(6):707-718, doi:10.1016/j.jpain.2016.02.012; Helbredsrelateret livskvalitet (EQ-5D-5L-indeks, DK): en tommelfingerregel (spændvidde / 20), ikke ankerbaseret; Arbejdsevne (WAS 0–10): analyseplanen: "planens antagelse: der er ingen publiceret MKRF for arbejdsevnescoren (WAS), som har ét spørgsmål".'],
  ] as const)('(%s) the note under all effect estimates names every source in full', (lang, note) => {
    const { trial, result } = bundledTrial();
    const ctx = trialChartContext(trial, lang);
    const shown = new Set(result.effects.filter((e) => e.mcid !== null).map((e) => e.outcome));
    expect(mcidSourcesNote(trial.plan, shown, ctx.outcomeLabel, lang)).toEqual([note]);
    expect(mcidSourcesNote(trial.plan, new Set(), ctx.outcomeLabel, lang)).toEqual([]);
  });

  it.each([
    ['en', ['MCID 5 points, Ostelo 2008)', 'MCID 5.5 points, Chiarotto 2016)', 'MCID 0.0879 index points, rule of thumb)', "MCID 1 point, plan's source)"]],
    ['da', ['MKRF 5 point, Ostelo 2008)', 'MKRF 5,5 point, Chiarotto 2016)', 'MKRF 0,0879 indekspoint, tommelfingerregel)', 'MKRF 1 point, planens kilde)']],
  ] as const)('(%s) the summary of findings names each MCID\'s source in its heading row', (lang, ends) => {
    const { trial, result } = bundledTrial();
    const ctx = trialChartContext(trial, lang);
    const outcomes = new Map(trial.plan.outcomes.map((o) => [o.key, o]));
    const sof = summaryOfFindings(summaryOfFindingsRows(result, trial.plan, ctx.primaryMethod, lang), ctx, undefined, (k) => mcidSourceTag(outcomes.get(k)!, trial.plan, lang));
    const headings = sof.table.rows.filter((r) => r.slice(1).every((c) => c === '')).map((r) => r[0]!);
    for (const end of ends) expect(headings.some((h) => h.endsWith(end)), `${end}\n${headings.join('\n')}`).toBe(true);
  });

  it('an MCID the plan sets without a source, other than the instrument\'s, says so', () => {
    const { trial } = bundledTrial();
    const rmdq = trial.plan.outcomes.find((o) => o.key === 'rmdq')!;
    expect(mcidSourceText({ ...rmdq, mcid: 3 }, trial.plan, 'en')).toBe('set in the analysis plan, no source given');
    expect(mcidSourceText({ ...rmdq, mcid: 3 }, trial.plan, 'da')).toBe('angivet i analyseplanen uden kilde');
    // The instrument's published value adopted by the plan keeps its reference.
    expect(mcidSourceText(rmdq, trial.plan, 'en', true)).toBe('Ostelo 2008');
  });

  it('the plan\'s own source is on the Danish page as written (a citation is language-neutral), or its Danish text', () => {
    const { trial } = bundledTrial();
    const rmdq = trial.plan.outcomes.find((o) => o.key === 'rmdq')!;
    const cited = { ...rmdq, mcid: 3, mcidSource: 'Tamminga SJ et al. 2012, doi:10.1186/1471-2458-12-1' };
    for (const lang of ['en', 'da'] as const) {
      const note = mcidSourcesNote({ ...trial.plan, outcomes: [cited] }, new Set(['rmdq']), () => 'RMDQ', lang)[0]!;
      expect(note).toContain(lang === 'en' ? '"Tamminga SJ et al. 2012, doi:10.1186/1471-2458-12-1"' : '"Tamminga SJ m.fl. 2012, doi:10.1186/1471-2458-12-1"');
      expect(note).not.toMatch(/felt|field/);
    }
    // Short enough for page 1's heading row: named there too, in either language.
    expect(mcidSourceTag({ ...rmdq, mcid: 3, mcidSource: 'Tamminga 2012' }, trial.plan, 'da')).toBe('Tamminga 2012');
    // The { en, da } form: each page its own language; no Danish text, the English as written.
    const both = { ...rmdq, mcid: 3, mcidSource: { en: 'protocol assumption', da: 'protokollens antagelse' } };
    expect(mcidSourceText(both, trial.plan, 'en')).toBe('the analysis plan: "protocol assumption"');
    expect(mcidSourceText(both, trial.plan, 'da')).toBe('analyseplanen: "protokollens antagelse"');
    expect(mcidSourceText({ ...both, mcidSource: { en: 'protocol assumption' } }, trial.plan, 'da')).toBe('analyseplanen: "protocol assumption"');
  });
});
