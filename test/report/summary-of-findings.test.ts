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

  it('says "not assessed" without a planned level, still naming imprecision', () => {
    const c = certaintyOf(undefined, rmdqRow(-4, -7, -1), 'en');
    expect(c.level).toBeNull();
    expect(certaintyText(c, 'en')).toBe('Certainty not rated in the plan (imprecision: the 95% CI crosses the MCID (−1 level))');
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

  it('GRADEpro columns: certainty with footnote letters, RR for yes/no rows, control risk or mean, absolute effect, verdict with its MCID', () => {
    const { table, notes } = summaryOfFindings(rows, ctx);
    expect(table.header).toEqual(['Outcome (importance)', 'Follow-up', 'Participants (studies)', 'Certainty of evidence (GRADE)', 'Relative effect (95% CI)', 'With usual care', 'Difference with app (95% CI)', 'Against the MCID']);
    rows.forEach((r, i) => {
      const cells = table.rows[i]!;
      if (r.row.relevance) expect(cells[7]).toBe(`${RELEVANCE_TEXT[r.row.relevance].en.replace(/ \(.*\)$/, '')}; MCID ${cells[7]!.split('MCID ')[1]}`);
      // Every critical outcome is assessed in the bundled plan (EQ-5D included).
      if (r.importance === 'critical') expect(cells[3]).toMatch(/^⊕/);
      expect(cells[3]).not.toContain('Not assessed');
      // Footnote letters point at notes that exist.
      for (const l of /\(([a-z, ]+)\)$/.exec(cells[3]!)?.[1]?.split(', ') ?? []) expect(notes.some((n) => n.startsWith(`${l}. `))).toBe(true);
      if (r.row.method === 'risk-difference') {
        const rr = r.row.riskRatio!;
        expect(cells[4]).toBe(`RR ${rr.estimate.toFixed(2)} (${rr.ciLower.toFixed(2)} to ${rr.ciUpper.toFixed(2)})`);
        expect(cells[5]).toBe(`${Math.round(1000 * r.row.risks!.control)} per 1,000`);
      } else {
        expect(cells[4]).toBe('—');
        const control = result.descriptives.find((d) => d.outcome === r.outcome && d.time === r.time && d.arm === 'control')!;
        expect(cells[5]).toContain(`mean ${control.mean!.toFixed(ctx.decimalsOf(r.outcome))}`);
      }
    });
    const rmdq = table.rows[0]!;
    expect(rmdq.slice(0, 3)).toEqual(['Disability (RMDQ 0–24) (critical; lower is better)', '3 months', `${rows[0]!.row.n.intervention + rows[0]!.row.n.control} (1 RCT)`]);
    expect(rmdq[3]).toBe('⊕⊕⊕◯ Moderate (a)');
    expect(rmdq[7]).toBe('Significant, but not clinically relevant; MCID 5 points');
    expect(notes[0]).toBe('a. Risk of bias: participants and outcome assessment not blinded.');
    // One footnote per distinct reason, however many rows share it.
    expect(new Set(notes).size).toBe(notes.length);
    expect(notes.length).toBeLessThan(4);
  });

  it('the readable footnote: "significant, not relevant" is explained as the rule decides it (the whole CI short of the MCID)', () => {
    expect(ANALYZE_FOOTNOTE.en).not.toContain('but not values below');
    expect(ANALYZE_FOOTNOTE.en.replace(/\n/g, ' ')).toContain('"Significant, but not clinically relevant": the whole 95% CI lies between 0 and the MCID');
    expect(ANALYZE_FOOTNOTE.en.replace(/\n/g, ' ')).toContain('"Significant, but a clinically relevant effect is not ruled out": the 95% CI excludes 0 and reaches the MCID');
    expect(ANALYZE_FOOTNOTE.da.replace(/\n/g, ' ')).toContain('"Signifikant, men ikke klinisk relevant": hele 95 %-KI ligger mellem 0 og MKRF');
    expect(ANALYZE_FOOTNOTE.da.replace(/\n/g, ' ')).toContain('"Signifikant, men klinisk relevans usikker": 95 %-KI udelukker 0 og når MKRF');
  });

  it('the target population\'s rows under the primary outcome, in Danish: målgruppe, "overført til målgruppen"', () => {
    const { trial: b, result: r } = { trial, result };
    const ctx = trialChartContext(b, 'da');
    const { table, notes } = summaryOfFindings(summaryOfFindingsRows(r, b.plan, 'ancova', 'da'), ctx, r.targetPopulation);
    const t = r.targetPopulation!;
    const target = table.rows.filter((x) => x[0]!.startsWith('I målgruppen ('));
    const raked = table.rows.filter((x) => x[0]!.startsWith('Overført til målgruppen (raking); effektiv stikprøvestørrelse '));
    expect(target).toHaveLength(b.plan.timepoints.length);
    expect(raked).toHaveLength(b.plan.timepoints.length);
    b.plan.timepoints.forEach((time, i) => {
      const e = t.effects.find((x) => x.outcome === b.plan.primary!.outcome && x.time === time && x.method === 'ancova')!;
      expect(target[i]![2]).toBe(`${e.n.intervention + e.n.control} (1 RCT)`);
      expect(target[i]![6]).toContain(Math.abs(e.difference!).toFixed(2).replace('.', ','));
      const m = t.transported!.find((x) => x.outcome === b.plan.primary!.outcome && x.time === time && x.weighting === 'raking')!;
      expect(raked[i]![0]).toBe(`Overført til målgruppen (raking); effektiv stikprøvestørrelse ${m.weights!.effectiveSampleSize.toFixed(0)}`);
      expect(raked[i]![2]).toBe(`${m.effect.n.intervention + m.effect.n.control} (1 RCT)`);
    });
    expect(notes.some((n) => n.includes('ikke nedgraderet for indirekthed'))).toBe(true);
  });

  it('the MMRM row of the sensitivity table shows the patients its model used', () => {
    const mmrm = { ...rows[0]!.row, method: 'mmrm' as const, details: { patientsInModel: 438 } };
    const t = sensitivityTable({ outcome: 'rmdq', time: '3m', rows: [rows[0]!.row, mmrm], tippingPoint: null, errors: [] }, 'en', 2);
    expect(t.rows[1]![1]).toBe('438 in the model');
    expect(t.rows[0]![1]).toBe(`${rows[0]!.row.n.intervention}/${rows[0]!.row.n.control}`);
  });
});
