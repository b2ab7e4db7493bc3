/**
 * Rule 12 (docs/observational.md, "Small counts"): a count of 1–4 read off two analyses. Register
 * outcomes' analysed sets are nested — windows censored by death at different days, an outcome
 * with no missing value equal to the whole export — so an explorer subtracted 257 − 254 = 3
 * deaths from the effects table while the export counts read "suppressed" and the page said no
 * count of 1–4 could be derived. The printed analysed counts of a group must never be 1–4 apart,
 * nor print the group's hidden export count.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/load-plan.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { armCounts } from '../../src/trial/trial-data.js';
import { analyzeObservational, computeObservationalAnalyses } from '../../src/observational/analyze-observational.js';
import { printedValues, protectSmallCounts } from '../../src/observational/small-counts.js';
import { observationalText } from '../../src/observational/observational-text.js';
import { observationalResultSchema, type ObservationalResult } from '../../src/observational/observational-results-schema.js';
import { registryReportKind } from '../../src/report/kinds/registry-report.js';
import { completeRegistryRows, registryCsv } from '../support/registry-rows.js';
import { runCli, tempDir } from '../support/run-cli.js';

const basePlan = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')) as Record<string, unknown>;
/** The bundled registry plan with a 9-month follow-up too, as a register extract has several windows. */
const plan = { ...basePlan, timepoints: ['3m', '9m'] };
const groups = ['exposed', 'unexposed'] as const;

/**
 * The explorer's shape: 3 users die between the 3-month pain and RMDQ windows, so they have a
 * 3-month pain value but no 3-month RMDQ; every 9-month value is there (a register window read
 * as 0 when nothing was recorded).
 */
function registerExtract(): string {
  const d = completeRegistryRows(300);
  d.names.push('rmdq_9m', 'pain_9m');
  for (const r of d.rows) {
    r.rmdq_9m = r.rmdq_3m!;
    r.pain_9m = r.pain_3m!;
  }
  for (const r of d.rows.filter((x) => x.app === 'Ja').slice(0, 3)) r.rmdq_3m = '';
  return registryCsv(d);
}

function analyse(csv: string, p: Record<string, unknown> = plan) {
  const trial = loadTrial(parseCsvText(csv, 'registry.csv'), parsePlan(p));
  const c = armCounts(trial);
  return { result: analyzeObservational(trial, { version: 'test' }), computed: computeObservationalAnalyses(trial), input: { exposed: c.intervention, unexposed: c.control } };
}

/** Every analysed count of a group a reader sees: the analyses' `patients`, the effect rows' n, and an effective sample size equal to it (ATT users). */
function printedCounts(r: ObservationalResult, g: 'exposed' | 'unexposed'): number[] {
  const key = g === 'exposed' ? 'intervention' : 'control';
  return r.analyses.flatMap((a) => [a.patients?.[g], ...a.effects.map((e) => e.n[key])].filter((v): v is number => typeof v === 'number'));
}

/** The subtraction attack: any two printed counts of a group (or the export's, when printed) 1–4 apart. */
function smallDifferences(r: ObservationalResult): string[] {
  const found: string[] = [];
  for (const g of groups) {
    const shown = [...new Set([...printedCounts(r, g), ...(typeof r.input.patients[g] === 'number' ? [r.input.patients[g] as number] : [])])];
    for (const x of shown) for (const y of shown) if (x - y > 0 && x - y < 5) found.push(`${g}: ${x} − ${y} = ${x - y}`);
  }
  return found;
}

describe('counts of 1–4 between analyses (rule 12)', () => {
  it('the explorer\'s 257 − 254: the subtraction gives nothing, the export count is printed nowhere, and only what must go goes', async () => {
    const csv = registerExtract();
    const { result, computed, input } = analyse(csv);
    // As computed, the deaths are there to read: I − 3 for the 3-month RMDQ and its responder, I elsewhere.
    const rawExposed = computed.map((a) => `${a.outcome}@${a.time}:${a.patients!.exposed as number}`);
    expect(rawExposed.sort()).toEqual([`pain@3m:${input.exposed}`, `pain@9m:${input.exposed}`, `rmdq30@3m:${input.exposed - 3}`, `rmdq30@9m:${input.exposed}`, `rmdq@3m:${input.exposed - 3}`, `rmdq@9m:${input.exposed}`]);
    // The attack of the explorer's finding: before the fix it found exposed 3 (I − (I − 3)).
    expect(smallDifferences(result)).toEqual([]);
    expect(result.input.patients).toEqual({ exposed: 'suppressed', unexposed: 'suppressed' });
    // The hidden export count of the users (hidden for the 3) appears as no analysed count.
    expect(printedCounts(result, 'exposed')).not.toContain(input.exposed);
    // Without hiding more than needed: the 3-month RMDQ users and every non-user count stay.
    expect(Object.fromEntries(result.analyses.map((a) => [`${a.outcome}@${a.time}`, a.patients!.exposed]))).toEqual({ 'rmdq@3m': input.exposed - 3, 'rmdq30@3m': input.exposed - 3, 'pain@3m': 'suppressed', 'rmdq@9m': 'suppressed', 'pain@9m': 'suppressed', 'rmdq30@9m': 'suppressed' });
    expect(result.analyses.every((a) => a.patients!.unexposed === input.unexposed)).toBe(true);
    // The estimates stay; the effect rows carry the marker for the users' n, the flow of a hidden count goes.
    const pain = result.analyses.find((a) => a.outcome === 'pain' && a.time === '3m')!;
    expect(pain.effects.map((e) => e.method)).toEqual(['crude', 'weighted-regression', 'aipw']);
    expect(pain.effects.every((e) => e.n.intervention === 'suppressed' && e.n.control === input.unexposed)).toBe(true);
    expect(pain.flow).toEqual({ exposed: { withoutOutcome: 'suppressed', missingConfounders: 'suppressed', trimmed: 'suppressed' }, unexposed: { withoutOutcome: 'suppressed', missingConfounders: 'suppressed', trimmed: 'suppressed' } });
    expect(pain.weights!.effectiveSampleSize.exposed).toBe('suppressed');
    // The share outside [0.05, 0.95] is k/N: at full precision it gives N, so it goes unless it is 0.
    const rawPain = computed.find((a) => a.outcome === 'pain' && a.time === '3m')!;
    expect(pain.propensity!.outsideShare).toBe(rawPain.propensity!.outsideShare === 0 ? 0 : 'suppressed');
    expect(observationalResultSchema.safeParse(JSON.parse(JSON.stringify(result))).success).toBe(true);
    // The text table and the report page: the users' export count is in no cell of the n columns.
    for (const lang of ['en', 'da'] as const) {
      const rows = observationalText(result, lang).split('\n').filter((l) => /3 (months|måneder)|9 (months|måneder)/.test(l) && /crude|ujusteret|AIPW|regression/.test(l));
      expect(rows.length).toBeGreaterThan(0);
      for (const l of rows) expect(l).not.toMatch(new RegExp(`\\s${input.exposed}\\s`));
    }
    const dir = tempDir();
    writeFileSync(join(dir, 'registry.csv'), csv);
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    for (const lang of ['en', 'da'] as const) {
      const env = { input: (p: string) => join(dir, p), lang, version: 'test', memo: <T>(_k: string, f: () => T) => f() };
      const content = await registryReportKind.build({ id: 'r', kind: 'registry', out: 'r', lang, data: 'registry.csv', plan: 'plan.json' } as never, env as never);
      const cells = content.page.sections.flatMap((s) => (s.tables ?? []).flatMap((t) => t.table.rows.flat()));
      expect(cells).not.toContain(String(input.exposed));
      expect(cells).toContain(String(input.exposed - 3));
      // The note on small counts says that differences between analyses are covered.
      const methods = JSON.stringify(content.page.sections.find((s) => s.id === 'methods'));
      expect(methods).toMatch(lang === 'en' ? /differ from another analysis's count of the group by 1 to 4/ : /afviger med 1 til 4 fra antallet i gruppen i en anden analyse/);
    }
    // --csv: the marker in the n column.
    writeFileSync(join(dir, 'p.json'), JSON.stringify(plan));
    const run = await runCli('analyze', join(dir, 'registry.csv'), '--plan', join(dir, 'p.json'), '--csv', join(dir, 'out.csv'));
    expect(run.code).toBe(0);
    const csvOut = readFileSync(join(dir, 'out.csv'), 'utf8');
    expect(csvOut).toMatch(/^pain,3m,crude,suppressed,\d+,/m);
    expect(csvOut).not.toMatch(new RegExp(`,${input.exposed},`));
  });

  it('under ATT the users\' effective sample size is their count (all weights 1): hidden with it', () => {
    const att = { ...plan, observational: { ...(plan.observational as object), estimand: 'ATT' } };
    const { result, computed, input } = analyse(registerExtract(), att);
    const raw = computed.find((a) => a.outcome === 'pain' && a.time === '3m')!;
    expect(raw.weights!.effectiveSampleSize.exposed).toBeCloseTo(input.exposed, 9);
    const pain = result.analyses.find((a) => a.outcome === 'pain' && a.time === '3m')!;
    expect(pain.patients!.exposed).toBe('suppressed');
    expect(pain.weights!.effectiveSampleSize.exposed).toBe('suppressed');
    expect(smallDifferences(result)).toEqual([]);
    expect(JSON.stringify(result)).not.toMatch(new RegExp(`"effectiveSampleSize":\\{"exposed":${input.exposed}(\\.0)?,`));
  });

  it('the share outside [0.05, 0.95] of a hidden count goes (k/N gives N), a share of 0 stays', () => {
    const analysis = (exposed: number, outsideShare: number) => ({
      outcome: `o${exposed}`, label: 'o', time: 't', kind: 'continuous' as const, patients: { exposed, unexposed: 60 }, excluded: { missingConfounders: 0, trimmed: 0 },
      propensity: { model: 'logistic (IRLS)', terms: [], iterations: 5, quantiles: { exposed: [0.1, 0.2, 0.3, 0.4, 0.5], unexposed: [0.1, 0.2, 0.3, 0.4, 0.5] }, outsideShare },
      weights: { estimand: 'ATE' as const, effectiveSampleSize: { exposed: exposed - 10, unexposed: 50 }, max: { exposed: 2, unexposed: 2 }, maxOf: 5, extreme: { exposed: false, unexposed: false }, truncatedAt: null, truncated: 0 },
      balance: [], warnings: [], effects: [],
    });
    // Users analysed 40 in one outcome and 43 in the other (export 50: shown, every gap to it ≥ 5): the 40 goes (a tie: the larger stays).
    const shown = protectSmallCounts({ exposed: 50, unexposed: 60 }, [analysis(40, 7 / 100), analysis(43, 0)], 5);
    expect(shown.input).toEqual({ exposed: 50, unexposed: 60 });
    expect(shown.analyses.map((a) => a.patients!.exposed)).toEqual(['suppressed', 43]);
    expect(shown.analyses[0]!.propensity!.outsideShare).toBe('suppressed');
    expect(shown.analyses[0]!.weights!.effectiveSampleSize).toEqual({ exposed: 'suppressed', unexposed: 50 });
    expect(shown.analyses[1]!.propensity!.outsideShare).toBe(0);
    const zero = protectSmallCounts({ exposed: 50, unexposed: 60 }, [analysis(40, 0), analysis(43, 0)], 5);
    expect(zero.analyses[0]!.propensity!.outsideShare).toBe(0);
  });

  it('which counts are printed: the most analyses, no two 1–4 apart, the larger on a tie', () => {
    // 4 analyses at 254 and 6 at 257 (no export count hidden): the 6 stay.
    expect([...printedValues([254, 254, 254, 254, 257, 257, 257, 257, 257, 257], 5)]).toEqual([257]);
    // A chain 100, 103, 106: the ends are 6 apart and both stay; the middle goes.
    expect([...printedValues([100, 103, 106], 5)].sort()).toEqual([100, 106]);
    // A tie: the larger.
    expect([...printedValues([100, 103], 5)]).toEqual([103]);
    // Apart by the threshold or more, or equal: all stay.
    expect([...printedValues([100, 100, 105, 200], 5)].sort()).toEqual([100, 105, 200]);
  });
});
