import { describe, expect, it } from 'vitest';
import type { EffectRow } from '../../src/analysis/results-schema.js';
import { judgeDifference } from '../../src/judge/judge-effect.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { ANALYZE_FOOTNOTE, RELEVANCE_TEXT } from '../../src/report/i18n.js';
import { sensitivityTable } from '../../src/report/sensitivity-table.js';
import { certaintyOf, certaintyText, sofEffectText, summaryOfFindings, summaryOfFindingsRows } from '../../src/report/summary-of-findings.js';
import { bundledTrial } from './trial-report-support.js';

/** An ANCOVA row for RMDQ (lower is better, MCID 5) with a given difference and CI. */
function rmdqRow(difference: number, ciLower: number, ciUpper: number): EffectRow {
  const j = judgeDifference(difference, ciLower, ciUpper, 5, 'lower-is-better');
  return {
    outcome: 'rmdq', label: 'RMDQ', time: '3m', method: 'ancova', n: { intervention: 100, control: 90 }, difference, se: 1, df: 187,
    ciLower, ciUpper, confLevel: 0.95, ciMethod: 't', pValue: 0.01, mcid: 5, direction: 'lower-is-better',
    benefit: j.benefit, benefitCiLower: j.benefitCiLower, benefitCiUpper: j.benefitCiUpper, significant: j.significant, imprecise: j.imprecise, relevance: j.relevance,
  };
}

describe('GRADE certainty in the summary of findings', () => {
  const moderate = { level: 'moderate' as const, reasons: ['risk of bias: not blinded'] };

  it('keeps the planned level when the CI does not cross the MCID', () => {
    const c = certaintyOf(moderate, rmdqRow(-1, -2, -0.2), 'en');
    expect(c).toEqual({ level: 'moderate', reasons: ['risk of bias: not blinded'], imprecise: false, downgradedForImprecision: false });
  });

  it('downgrades one level and adds the reason when the CI crosses the MCID', () => {
    const row = rmdqRow(-4, -7, -1); // benefit 4 [1, 7] crosses MCID 5
    expect(row.imprecise).toBe(true);
    const c = certaintyOf(moderate, row, 'en');
    expect(c.level).toBe('low');
    expect(c.reasons).toEqual(['risk of bias: not blinded', 'imprecision: the 95% CI crosses the MCID (−1 level)']);
    expect(certaintyText(c, 'en')).toBe('⊕⊕◯◯ Low (risk of bias: not blinded; imprecision: the 95% CI crosses the MCID (−1 level))');
    expect(certaintyText(certaintyOf(moderate, row, 'da'), 'da')).toContain('Lav');
  });

  it('also downgrades when the CI crosses −MCID, and never below very low', () => {
    const harmCrossing = rmdqRow(3, 1, 7); // benefit −3 [−7, −1] crosses −5
    expect(certaintyOf({ level: 'high', reasons: [] }, harmCrossing, 'en').level).toBe('moderate');
    expect(certaintyOf({ level: 'very-low', reasons: [] }, harmCrossing, 'en').level).toBe('very-low');
  });

  it('words a reason given in both languages in the page\'s language, and a plain one as written', () => {
    const planned = { level: 'moderate' as const, reasons: [{ en: 'risk of bias: not blinded', da: 'risiko for bias: ikke blindet' }, 'indirectness'] };
    expect(certaintyOf(planned, rmdqRow(-1, -2, -0.2), 'da').reasons).toEqual(['risiko for bias: ikke blindet', 'indirectness']);
    expect(certaintyOf(planned, rmdqRow(-1, -2, -0.2), 'en').reasons).toEqual(['risk of bias: not blinded', 'indirectness']);
    expect(certaintyOf({ level: 'low', reasons: [{ en: 'only English' }] }, rmdqRow(-1, -2, -0.2), 'da').reasons).toEqual(['only English']);
  });

  it('says "not rated in the plan" without a planned level, with no downgrade footnote (nothing was rated to downgrade)', () => {
    const c = certaintyOf(undefined, rmdqRow(-4, -7, -1), 'en');
    expect(c.level).toBeNull();
    expect(c.reasons).toEqual([]);
    expect(certaintyText(c, 'en')).toBe('Certainty not rated in the plan');
  });

  it.each(['en', 'da'] as const)('an unrated row: no imprecision letter in its cell; the note says the plan must rate it (%s)', (lang) => {
    const { trial, result } = bundledTrial();
    const plan = { ...trial.plan, outcomes: trial.plan.outcomes.map((o) => ({ ...o, certainty: undefined })) };
    const ctx = trialChartContext({ ...trial, plan }, lang);
    // Disability's CIs made to cross its MCID: the rows that were given "(a)" before.
    const imprecise = { ...result, effects: result.effects.map((e) => (e.outcome === 'rmdq' ? { ...e, imprecise: true } : e)) };
    const rows = summaryOfFindingsRows(imprecise, plan, 'ancova', lang);
    expect(rows.some((r) => r.row.imprecise)).toBe(true);
    const { table, notes } = summaryOfFindings(rows, ctx);
    const unrated = lang === 'en' ? 'Certainty not rated in the plan' : 'Evidensens kvalitet ikke angivet i planen';
    expect(table.rows.filter((r) => r[2]!.startsWith(unrated)).every((r) => r[2] === unrated)).toBe(true);
    expect(notes.join(' ')).not.toMatch(/imprecision:|unøjagtighed:/i);
    expect(notes).toContain(lang === 'en'
      ? 'Certainty not rated in the plan: the plan must rate it (the outcome\'s "certainty": level and reasons), as "hta plan check" warns; imprecision is judged only on a rated certainty.'
      : 'Evidensens kvalitet ikke angivet i planen: planen skal angive den (effektmålets "certainty": niveau og begrundelser), som "hta plan check" advarer om; unøjagtighed vurderes kun for en angivet kvalitet.');
  });

  it('phrases effects as GRADE tables do, in the outcome units, Danish with decimal comma', () => {
    const { trial } = bundledTrial();
    const en = trialChartContext(trial, 'en');
    const da = trialChartContext(trial, 'da');
    expect(sofEffectText(rmdqRow(-0.81, -1.47, -0.15), en)).toBe('MD 0.81 points lower (1.47 lower to 0.15 lower)');
    expect(sofEffectText(rmdqRow(-0.56, -1.41, 0.28), en)).toBe('MD 0.56 points lower (1.41 lower to 0.28 higher)');
    expect(sofEffectText(rmdqRow(-0.56, -1.41, 0.28), da)).toBe('MD 0,56 point lavere (1,41 lavere til 0,28 højere)');
    const rd = { ...rmdqRow(0.0996, 0.0074, 0.1892), method: 'risk-difference' as const, outcome: 'rmdq_resp5' };
    expect(sofEffectText(rd, en)).toBe('100 more per 1,000 (7 more to 189 more)');
  });
});

describe('summary of findings on the bundled trial', () => {
  const { trial, result } = bundledTrial();
  const ctx = trialChartContext(trial, 'en');
  const rows = summaryOfFindingsRows(result, trial.plan, 'ancova', 'en');

  it('one row per outcome and responder × planned follow-up, primary method for continuous outcomes', () => {
    const expected = (trial.plan.outcomes.length + trial.plan.responders.length) * trial.plan.timepoints.length;
    expect(rows).toHaveLength(expected);
    for (const r of rows) expect(['ancova', 'risk-difference']).toContain(r.row.method);
  });

  it('GRADEpro columns: a heading row per outcome with its MCID, certainty with footnote letters, RR for yes/no rows, control risk or mean, absolute effect, verdict', () => {
    const { table, notes } = summaryOfFindings(rows, ctx);
    expect(table.header).toEqual(['Outcome, follow-up', 'Participants (studies)', 'Certainty (GRADE)', 'Relative effect (95% CI)', 'With usual care', 'Difference with app (95% CI)', 'Against the MCID']);
    // Heading rows (the outcome, said once) have one cell; every other row is one SofRow, in order.
    const headings = table.rows.filter((c) => c.slice(1).every((x) => x === ''));
    const data = table.rows.filter((c) => !headings.includes(c));
    expect(headings).toHaveLength(new Set(rows.map((r) => r.outcome)).size);
    expect(data).toHaveLength(rows.length);
    rows.forEach((r, i) => {
      const cells = data[i]!;
      expect(cells[0]).toBe(ctx.timeLabel(r.time));
      if (r.row.relevance) expect(cells[6]).toBe(RELEVANCE_TEXT[r.row.relevance].en.replace(/ \(.*\)$/, ''));
      // Every critical outcome is assessed in the bundled plan (EQ-5D included).
      if (r.importance === 'critical') expect(cells[2]).toMatch(/^⊕/);
      expect(cells[2]).not.toContain('Not assessed');
      // Footnote letters point at notes that exist.
      for (const l of /\(([a-z, ]+)\)$/.exec(cells[2]!)?.[1]?.split(', ') ?? []) expect(notes.some((n) => n.startsWith(`${l}. `))).toBe(true);
      if (r.row.method === 'risk-difference') {
        const rr = r.row.riskRatio!;
        // A limit is not rounded onto 1 (no effect): "0.997", not "1.00" (interval-bound.ts).
        const limit = (v: number) => { let d = 2; while (v !== 1 && Math.sign(Number(v.toFixed(d)) - 1) !== Math.sign(v - 1)) d++; return v.toFixed(d); };
        expect(cells[3]).toBe(`RR ${rr.estimate.toFixed(2)} (${limit(rr.ciLower)} to ${limit(rr.ciUpper)})`);
        expect(cells[4]).toBe(`${Math.round(1000 * r.row.risks!.control)} per 1,000`);
        expect(cells[6]).toMatch(/^(No significant|Significant) difference$/);
      } else {
        expect(cells[3]).toBe('—');
        const control = result.descriptives.find((d) => d.outcome === r.outcome && d.time === r.time && d.arm === 'control')!;
        expect(cells[4]).toContain(`mean ${control.mean!.toFixed(ctx.decimalsOf(r.outcome))}`);
      }
    });
    expect(table.rows[0]![0]).toBe('Disability (RMDQ 0–24) (critical; lower is better; MCID 5 points)');
    expect(headings.find((h) => h[0]!.startsWith('Pain-medication use'))![0]).toBe('Pain-medication use (important; fewer is better; no MCID set)');
    const rmdq = table.rows[1]!;
    // "(1 RCT)" does not break: the narrow column wraps after the number.
    expect(rmdq.slice(0, 2)).toEqual(['3 months', `${rows[0]!.row.n.intervention + rows[0]!.row.n.control} (1\u00a0RCT)`]);
    expect(rmdq[2]).toBe('⊕⊕⊕◯ Moderate (a)');
    expect(rmdq[6]).toBe('Significant, but not clinically relevant');
    expect(notes[0]).toBe('a. Risk of bias: participants and outcome assessment not blinded.');
    // One footnote per distinct reason, however many rows share it.
    expect(new Set(notes).size).toBe(notes.length);
    expect(notes.length).toBeLessThan(5); // a, b, "imprecision not assessed" (no MCID) and the per-1,000 note
  });

  it('the readable footnote: "significant, not relevant" is explained as the rule decides it (the whole CI short of the MCID)', () => {
    expect(ANALYZE_FOOTNOTE.en).not.toContain('but not values below');
    expect(ANALYZE_FOOTNOTE.en.replace(/\n/g, ' ')).toContain('"Significant, but not clinically relevant": the whole 95% CI lies between 0 and the MCID');
    expect(ANALYZE_FOOTNOTE.en.replace(/\n/g, ' ')).toContain('"Significant, but a clinically relevant effect is not ruled out": the 95% CI excludes 0 and reaches the MCID');
    expect(ANALYZE_FOOTNOTE.da.replace(/\n/g, ' ')).toContain('"Signifikant, men ikke klinisk relevant": hele 95 %-KI ligger mellem 0 og MKRF');
    expect(ANALYZE_FOOTNOTE.da.replace(/\n/g, ' ')).toContain('"Signifikant, men klinisk relevans usikker": 95 %-KI udelukker 0 og når MKRF');
  });

  it('the target population\'s rows under the primary outcome, in Danish: målgruppe, "omvægtet" as the section says, no English "raking"', () => {
    const { trial: b, result: r } = { trial, result };
    const ctx = trialChartContext(b, 'da');
    const { table, notes } = summaryOfFindings(summaryOfFindingsRows(r, b.plan, 'ancova', 'da'), ctx, r.targetPopulation);
    const t = r.targetPopulation!;
    const target = table.rows.filter((x) => x[0] === '  I målgruppen');
    const raked = table.rows.filter((x) => x[0]!.startsWith('  Omvægtet, eff. n '));
    // Under the primary follow-up only (the Target population section has every follow-up).
    expect(target).toHaveLength(1);
    expect(raked).toHaveLength(1);
    const time = b.plan.primary!.time;
    const e = t.effects.find((x) => x.outcome === b.plan.primary!.outcome && x.time === time && x.method === 'ancova')!;
    expect(table.rows[table.rows.indexOf(target[0]!) - 1]![0]).toBe(ctx.timeLabel(time));
    expect(target[0]![1]).toBe(`${e.n.intervention + e.n.control} (1\u00a0RCT)`);
    expect(target[0]![5]).toContain(Math.abs(e.difference!).toFixed(2).replace('.', ','));
    const m = t.transported!.find((x) => x.outcome === b.plan.primary!.outcome && x.time === time && x.weighting === 'raking')!;
    expect(raked[0]![0]).toBe(`  Omvægtet, eff. n ${m.weights!.effectiveSampleSize.toFixed(0)}`);
    expect(raked[0]![1]).toBe(`${m.effect.n.intervention + m.effect.n.control} (1\u00a0RCT)`);
    // The footnote names the population (its label left the rows) and says what the rows answer.
    expect(notes.some((n) => n.includes('ikke nedgraderet for indirekte evidens') && n.includes('patienter i almen praksis på 15 år eller derover'))).toBe(true);
  });

  it('the MMRM row of the sensitivity table shows the patients its model used', () => {
    const mmrm = { ...rows[0]!.row, method: 'mmrm' as const, details: { patientsInModel: 438 } };
    const t = sensitivityTable({ outcome: 'rmdq', time: '3m', rows: [rows[0]!.row, mmrm], tippingPoint: null, errors: [] }, 'en', 2);
    expect(t.rows[1]![1]).toBe('438 in the model');
    expect(t.rows[0]![1]).toBe(`${rows[0]!.row.n.intervention}/${rows[0]!.row.n.control}`);
  });

  it('a possibly relevant sensitivity row whose CI includes 0 is marked not statistically significant, as in the effects table', () => {
    const base = rows[0]!.row;
    const possibly = { ...base, relevance: 'possibly-relevant-benefit' as const, significant: false };
    const significant = { ...possibly, significant: true };
    for (const lang of ['en', 'da'] as const) {
      const t = sensitivityTable({ outcome: 'rmdq', time: '3m', rows: [possibly, significant], tippingPoint: null, errors: [] }, lang, 2);
      expect(t.rows[0]!.at(-1)).toMatch(lang === 'en' ? /, not statistically significant$/ : /, ikke statistisk signifikant$/);
      expect(t.rows[1]!.at(-1)).not.toMatch(/signifikant$|significant$/);
    }
  });
});
