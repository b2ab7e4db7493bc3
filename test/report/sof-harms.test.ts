/**
 * The plan's adverse events as rows of the summary of findings (src/report/sof-harm-rows.ts;
 * docs/report-trial.md#harms-in-the-summary-of-findings): a committee reads harms as it reads
 * benefits — RR with its 95% CI, the control risk per 1,000 and the absolute effect per 1,000 —
 * where before they stood only in their own table as a risk difference and p. Numbers checked
 * against metafor::escalc and prop.test (test/reference/sof-harms.R) at 1e-6 relative.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { trialReportKind } from '../../src/report/kinds/trial-report.js';
import { planWarnings } from '../../src/plan/plan-warnings.js';
import { reportEnv } from '../support/report-env.js';
import { errorOf } from '../support/error-of.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { sofAbsoluteEffect } from '../../src/report/sof-absolute-effect.js';
import { harmSofRows, HARMS_OUTCOME } from '../../src/report/sof-harm-rows.js';
import { summaryOfFindings, summaryOfFindingsRows } from '../../src/report/summary-of-findings.js';

interface RefRow { kind: string; rr: number; rrLower: number; rrUpper: number; controlPer1000: number; per1000: number; per1000Lower: number; per1000Upper: number; zeroCell: boolean }
const REF = (JSON.parse(readFileSync(new URL('../reference/sof-harms.json', import.meta.url), 'utf8')) as { rows: RefRow[] }).rows;

/** A REDCap export, 30 patients per arm, with an adverse-events repeating instrument: any 12 vs 6, serious 4 vs 2, related 3 vs 0. */
function redcapExport(): string {
  const lines = ['record_id,redcap_event_name,redcap_repeat_instrument,redcap_repeat_instance,gruppe,rmdq,ae_term,ae_serious,ae_related'];
  for (let i = 1; i <= 60; i++) {
    const app = i % 2 === 1;
    const k = Math.floor((i - 1) / 2);
    lines.push(`${i},baseline_arm_1,,,${app ? 1 : 2},${8 + (i % 5)},,,`);
    lines.push(`${i},3_months_arm_1,,,,${6 + (i % 4)},,,`);
    const [events, serious, related] = app ? [12, 4, 3] : [6, 2, 0];
    if (k < events) lines.push(`${i},3_months_arm_1,adverse_events,1,,,Hovedpine,${k < serious ? 'Ja' : 'Nej'},${k < related ? 'Ja' : 'Nej'}`);
  }
  return lines.join('\n');
}

afterAll(removeTempDirs);

const planInput = {
  arms: { intervention: '1', control: '2' },
  columns: { id: 'record_id', time: 'redcap_event_name', arm: 'gruppe' },
  timeLabels: { baseline_arm_1: 'baseline', '3_months_arm_1': '3m' },
  timepoints: ['3m'],
  outcomes: [{ key: 'rmdq', instrument: 'rmdq', mcid: 3, certainty: { level: 'moderate', reasons: ['risk of bias: not blinded'] } }],
  methods: ['welch'],
  missing: { sensitivity: false },
  adverseEvents: { instrument: 'adverse_events', serious: 'ae_serious', related: 'ae_related', term: 'ae_term' },
};
const plan = parsePlan(planInput);
const trial = loadTrial(parseCsvText(redcapExport(), 'redcap.csv'), plan);
const result = analyzeTrial(trial, { version: 'test' });
const close = (got: number, want: number) => expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(want)));

describe('adverse events in the summary of findings', () => {
  it('results.json holds each kind\'s risk ratio and risks per arm, as metafor::escalc gives them', () => {
    for (const ref of REF) {
      const r = result.adverseEvents!.rows.find((x) => x.kind === ref.kind)!;
      close(r.riskRatio!.estimate, ref.rr);
      close(r.riskRatio!.ciLower, ref.rrLower);
      close(r.riskRatio!.ciUpper, ref.rrUpper);
      close(1000 * r.risks!.control, ref.controlPer1000);
    }
  });

  it('gives each kind a row with the per-1,000 effect derived as for the other yes/no rows (zero cell: Newcombe RD)', () => {
    const rows = harmSofRows(result.adverseEvents, 'en');
    expect(rows.map((s) => s.time)).toEqual(['any', 'serious', 'related']);
    for (const ref of REF) {
      const s = rows.find((x) => x.time === ref.kind)!;
      const a = sofAbsoluteEffect(s.row)!;
      expect(a.basis).toBe(ref.zeroCell ? 'zero-cell' : 'risk-ratio');
      close(a.estimate, ref.per1000);
      close(a.lower, ref.per1000Lower);
      close(a.upper, ref.per1000Upper);
      expect(s.row.n).toEqual({ intervention: 30, control: 30 });
      // No MCID in the plan for harms: no verdict against one, no imprecision downgrade, no rating.
      expect(s.row.mcid).toBeNull();
      expect(s.certainty.level).toBeNull();
    }
  });

  it('prints them under their own heading, after the outcomes, in English and Danish', () => {
    const table = (lang: 'en' | 'da') => {
      const sof = summaryOfFindings([...summaryOfFindingsRows(result, plan, 'welch', lang), ...harmSofRows(result.adverseEvents, lang)], trialChartContext(trial, lang));
      // Spaces as a reader sees them (the participants cell keeps "60 (1 RCT)" together with a no-break space).
      return { rows: sof.table.rows.map((r) => r.map((c) => c.replace(/[\u00a0\u202f]/g, ' '))), notes: sof.notes };
    };
    const en = table('en');
    const at = en.rows.findIndex((r) => r[0] === 'Adverse events, patients with ≥ 1 (fewer is better; no MCID set)');
    expect(at).toBeGreaterThan(0);
    expect(en.rows[at + 1]).toEqual(['Any adverse event', '60 (1 RCT)', 'Certainty not rated in the plan', 'RR 2.00 (0.86 to 4.63)', '200 per 1,000', '200 more per 1,000 (27 fewer to 726 more)', 'No significant difference']);
    // Related: 3/30 vs 0/30, a zero cell: RR from 0.5 added to every cell (metafor's rule), per 1,000 the observed RD.
    const related = REF[2]!;
    expect(en.rows[at + 3]![3]).toBe(`RR ${related.rr.toFixed(2)} (${related.rrLower.toFixed(2)} to ${related.rrUpper.toFixed(2)})`);
    expect(en.rows[at + 3]![5]).toBe(`${Math.round(related.per1000)} more per 1,000 (${Math.round(-related.per1000Lower)} fewer to ${Math.round(related.per1000Upper)} more)`);
    expect(en.notes.some((n) => n.startsWith('Adverse events: patients with at least one event'))).toBe(true);
    // The note for unrated outcomes ("the plan must rate it") is not said of harms, which the plan cannot rate.
    expect(en.notes.some((n) => n.startsWith('Certainty not rated in the plan'))).toBe(false);
    const da = table('da');
    expect(da.rows.find((r) => r[0] === 'Enhver uønsket hændelse')).toEqual(['Enhver uønsket hændelse', '60 (1 RCT)', 'Evidensens kvalitet ikke angivet i planen', 'RR 2,00 (0,86 til 4,63)', '200 pr. 1.000', '200 flere pr. 1.000 (27 færre til 726 flere)', 'Ingen signifikant forskel']);
  });

  it('has no rows without the plan\'s adverse events', () => {
    expect(harmSofRows(undefined, 'en')).toEqual([]);
    expect(HARMS_OUTCOME).not.toMatch(/^[A-Za-z_]/);
  });
});

/**
 * The committee's GRADE rating of the harms evidence, the plan's `adverseEvents.certainty`
 * (docs/plan-trial.md#adverse-events): before, the plan had no such field (a plan with one was
 * refused as an unknown key) and every harm row read "Certainty not rated in the plan".
 */
describe('the certainty of the harms, as the plan rates it', () => {
  const rated = {
    ...planInput,
    adverseEvents: {
      ...planInput.adverseEvents,
      certainty: { level: 'low', reasons: [{ en: 'risk of bias: events self-reported in an open trial', da: 'risiko for bias: hændelser selvrapporteret i et åbent forsøg' }] },
    },
  };

  async function sofSection(p: object, lang: 'en' | 'da') {
    const dir = tempDir();
    writeFileSync(join(dir, 'redcap.csv'), redcapExport() + '\n');
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(p));
    const c = await trialReportKind.build({ id: 'r', kind: 'trial', out: 'r', lang, data: 'redcap.csv', plan: 'plan.json', characteristics: [] } as never, reportEnv(dir, lang));
    const s = c.page.sections.find((x) => x.id === 'summary-of-findings')!;
    const clean = (v: string) => v.replace(/[\u00a0\u202f]/g, ' ');
    return { rows: s.tables![0]!.table.rows.map((r) => r.map(clean)), notes: (s.notes ?? []).map(clean) };
  }

  it('is read by the plan and checked: a level outside GRADE\'s four is refused at its path', () => {
    expect(parsePlan(rated).adverseEvents?.certainty).toEqual(rated.adverseEvents.certainty);
    const problems = errorOf(() => parsePlan({ ...rated, adverseEvents: { ...rated.adverseEvents, certainty: { level: 'medium' } } }, 'plan.json')).problems;
    expect(problems.map((p) => p.field)).toEqual(['adverseEvents.certainty.level']);
  });

  it('shows on every harm row with its reasons as footnotes, in English and Danish; the note no longer says "not rated"', async () => {
    const en = await sofSection(rated, 'en');
    const at = en.rows.findIndex((r) => r[0]!.startsWith('Adverse events, patients with'));
    const harmRows = en.rows.slice(at + 1, at + 4);
    expect(harmRows.map((r) => r[0])).toEqual(['Any adverse event', 'Serious adverse event', 'Related to the intervention']);
    // Every row the same rating, its letters those of the plan's reason and of "imprecision not assessed" (no MCID).
    const cell = harmRows[0]![2]!;
    expect(cell).toMatch(/^⊕⊕◯◯ Low \([a-z], [a-z]\)$/);
    expect(harmRows.every((r) => r[2] === cell)).toBe(true);
    const [first, second] = /\(([a-z]), ([a-z])\)/.exec(cell)!.slice(1);
    expect(en.notes).toContain(`${first}. Risk of bias: events self-reported in an open trial.`);
    expect(en.notes.find((n) => n.startsWith(`${second}. `))).toMatch(/^[a-z]\. Imprecision not assessed: no MCID set/);
    expect(en.notes.some((n) => n.includes('their certainty is the plan\'s rating'))).toBe(true);
    expect(en.notes.join(' ')).not.toContain('their certainty is not rated');
    const da = await sofSection(rated, 'da');
    const row = da.rows.find((r) => r[0] === 'Enhver uønsket hændelse')!;
    expect(row[2]).toMatch(/^⊕⊕◯◯ Lav \([a-z], [a-z]\)$/);
    expect(da.notes.some((n) => n.includes('Risiko for bias: hændelser selvrapporteret i et åbent forsøg'))).toBe(true);
  });

  it('without it the rows read "not rated in the plan" and `hta plan check` warns, as for a critical outcome', async () => {
    const en = await sofSection(planInput, 'en');
    expect(en.rows.find((r) => r[0] === 'Any adverse event')![2]).toBe('Certainty not rated in the plan');
    const warned = planWarnings(parsePlan(planInput));
    expect(warned.filter((w) => w.startsWith('"adverseEvents" has no "certainty"'))).toHaveLength(1);
    expect(warned.join('\n')).toContain('Certainty not rated in the plan');
    expect(planWarnings(parsePlan(rated)).some((w) => w.includes('"adverseEvents"'))).toBe(false);
  });
});
