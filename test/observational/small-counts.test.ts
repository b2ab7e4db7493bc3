/**
 * Small counts in the registry (observational) outputs (docs/observational.md, "Small counts"):
 * no count of 1–4 patients is printed in JSON, text, CSV or the report page, and an attacker who
 * knows how the counts add up (input = analysed + not analysed; not analysed = missing
 * confounders + trimmed + lost) cannot narrow a hidden or unprinted small count to fewer than 5
 * values. The attacker here is written from the published JSON alone and solves LPs
 * (polytope-ranges.ts); it shares nothing with small-counts.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LinearRow } from '../../src/uptake/disclosure/linear-program.js';
import { PolytopeRanges } from '../../src/uptake/disclosure/polytope-ranges.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { armCounts } from '../../src/trial/trial-data.js';
import { analyzeObservational, computeObservationalAnalyses } from '../../src/observational/analyze-observational.js';
import { protectSmallCounts } from '../../src/observational/small-counts.js';
import { observationalText } from '../../src/observational/observational-text.js';
import { observationalResultSchema, type ObservationalResult } from '../../src/observational/observational-results-schema.js';
import { registryReportKind } from '../../src/report/kinds/registry-report.js';
import { completeRegistryRows, registryCsv } from '../support/registry-rows.js';
import { runCli, tempDir } from '../support/run-cli.js';

const basePlan = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')) as Record<string, unknown>;
const K = 5;

const completeRows = () => completeRegistryRows(200);
const toCsvText = registryCsv;

function analyse(csv: string, plan: Record<string, unknown> = basePlan) {
  const trial = loadTrial(parseCsvText(csv, 'registry.csv'), parsePlan(plan));
  return { trial, result: analyzeObservational(trial, { version: 'test' }), computed: computeObservationalAnalyses(trial) };
}

/**
 * The attacker: unknowns are every count printed as "suppressed" and every count never printed
 * (not analysed per group, lost); rows are the relations a reader knows. Returns the interval
 * width of each unknown, by name.
 */
function attack(pub: ObservationalResult): Map<string, number> {
  const names: string[] = [];
  const idx = (n: string) => (names.includes(n) ? names.indexOf(n) : names.push(n) - 1);
  const rows: LinearRow[] = [];
  // Σ coef·cell = 0, with printed cells moved to the right-hand side.
  const relation = (cells: [number | 'suppressed' | null, string, number][]) => {
    const terms: [number, number][] = [];
    let rhs = 0;
    for (const [v, n, c] of cells) {
      if (typeof v === 'number') rhs -= c * v;
      else terms.push([idx(n), c]);
    }
    rows.push({ terms, sense: '=', rhs });
  };
  for (const a of pub.analyses) {
    const at = `${a.outcome}@${a.time}`;
    for (const g of ['exposed', 'unexposed'] as const) relation([[pub.input.patients[g], `input.${g}`, 1], [a.patients[g], `${at}.analysed.${g}`, -1], [null, `${at}.notAnalysed.${g}`, -1]]);
    relation([
      [null, `${at}.notAnalysed.exposed`, 1],
      [null, `${at}.notAnalysed.unexposed`, 1],
      [a.excluded.missingConfounders, `${at}.missing`, -1],
      [a.excluded.trimmed, `${at}.trimmed`, -1],
      [null, `${at}.lost`, -1],
    ]);
    // The registry flow table's cells (registry-flow.ts): per group, why its patients were not
    // analysed — no outcome value, a missing confounder, trimmed — adding up to the group's
    // unanalysed patients, the groups' cells to the analysis's totals.
    if (a.flow) {
      for (const g of ['exposed', 'unexposed'] as const) {
        relation([[null, `${at}.notAnalysed.${g}`, 1], [a.flow[g].withoutOutcome, `${at}.flow.${g}.withoutOutcome`, -1], [a.flow[g].missingConfounders, `${at}.flow.${g}.missing`, -1], [a.flow[g].trimmed, `${at}.flow.${g}.trimmed`, -1]]);
      }
      relation([[a.excluded.missingConfounders, `${at}.missing`, 1], [a.flow.exposed.missingConfounders, `${at}.flow.exposed.missing`, -1], [a.flow.unexposed.missingConfounders, `${at}.flow.unexposed.missing`, -1]]);
      relation([[a.excluded.trimmed, `${at}.trimmed`, 1], [a.flow.exposed.trimmed, `${at}.flow.exposed.trimmed`, -1], [a.flow.unexposed.trimmed, `${at}.flow.unexposed.trimmed`, -1]]);
      relation([[null, `${at}.lost`, 1], [a.flow.exposed.withoutOutcome, `${at}.flow.exposed.withoutOutcome`, -1], [a.flow.unexposed.withoutOutcome, `${at}.flow.unexposed.withoutOutcome`, -1]]);
    }
  }
  const ranges = new PolytopeRanges({ variables: names.length, rows: rows.filter((r) => r.terms.length > 0), cap: 1e7 });
  const widths = ranges.variableIntervals(K).map((iv) => iv.upper - iv.lower);
  ranges.dispose();
  return new Map(names.map((n, j) => [n, widths[j]!]));
}

/** The flow cells printed as numbers (known to the attacker, so absent from its unknowns). */
function printedFlowCells(pub: ObservationalResult): string[] {
  return pub.analyses.flatMap((a) => (a.flow ? (['exposed', 'unexposed'] as const).flatMap((g) => (['withoutOutcome', 'missingConfounders', 'trimmed'] as const).filter((k) => typeof a.flow![g][k] === 'number').map((k) => `${a.outcome}@${a.time}.flow.${g}.${k}`)) : []));
}

/** The true value of every cell the attacker reasons about. */
function truth(trial: ReturnType<typeof analyse>['trial'], computed: ReturnType<typeof analyse>['computed']): Map<string, number> {
  const c = armCounts(trial);
  const input = { exposed: c.intervention, unexposed: c.control };
  const t = new Map<string, number>([['input.exposed', input.exposed], ['input.unexposed', input.unexposed]]);
  for (const a of computed) {
    const at = `${a.outcome}@${a.time}`;
    let notAnalysed = 0;
    for (const g of ['exposed', 'unexposed'] as const) {
      t.set(`${at}.analysed.${g}`, a.patients[g] as number);
      t.set(`${at}.notAnalysed.${g}`, input[g] - (a.patients[g] as number));
      notAnalysed += input[g] - (a.patients[g] as number);
    }
    t.set(`${at}.missing`, a.excluded.missingConfounders as number);
    t.set(`${at}.trimmed`, a.excluded.trimmed as number);
    t.set(`${at}.lost`, notAnalysed - (a.excluded.missingConfounders as number) - (a.excluded.trimmed as number));
    // The flow table's per-group cells (computed, never masked here).
    const flow = (a as { flow?: Record<'exposed' | 'unexposed', { withoutOutcome: number; missingConfounders: number; trimmed: number }> }).flow;
    if (flow) {
      for (const g of ['exposed', 'unexposed'] as const) {
        t.set(`${at}.flow.${g}.withoutOutcome`, flow[g].withoutOutcome);
        t.set(`${at}.flow.${g}.missing`, flow[g].missingConfounders);
        t.set(`${at}.flow.${g}.trimmed`, flow[g].trimmed);
      }
    }
  }
  return t;
}

/** Every small count is unknown to the attacker and at least K wide; so is every suppressed one. */
function expectProtected(d: ReturnType<typeof analyse>): void {
  const widths = attack(d.result);
  for (const [cell, v] of truth(d.trial, d.computed)) {
    if (v > 0 && v < K) {
      expect(widths.has(cell), `${cell} = ${v} can be read`).toBe(true);
      expect(widths.get(cell)!, `${cell} = ${v} is narrowed`).toBeGreaterThanOrEqual(K - 1e-6);
    }
  }
  // A hidden flow cell of a stage whose total is printed 0 (no patient trimmed) is 0 in both groups:
  // read so by anyone, and no small count (the rule protects 1–4). Every other hidden cell is ≥ K wide.
  const tv = truth(d.trial, d.computed);
  for (const [cell, w] of widths) if (!/notAnalysed|lost/.test(cell) && !(cell.includes('.flow.') && tv.get(cell) === 0)) expect(w, `suppressed ${cell} (true ${tv.get(cell)})`).toBeGreaterThanOrEqual(K - 1e-6);
  // The flow table is read: its cells are in the attacker's system whenever an analysis has them.
  if (d.result.analyses.some((a) => a.flow)) expect([...widths.keys(), ...printedFlowCells(d.result)].some((n) => n.includes('.flow.'))).toBe(true);
  expect(observationalResultSchema.safeParse(JSON.parse(JSON.stringify(d.result))).success).toBe(true);
}

describe('small counts in the registry outputs', () => {
  it('3 patients left out for a missing confounder: "suppressed" in JSON, text, warnings and the report, and not derivable', async () => {
    const d = completeRows();
    // Exactly three patients without an age, all with baseline and follow-up values.
    for (const r of d.rows.slice(10, 13)) r.age = '';
    const csv = toCsvText(d);
    const run = analyse(csv);
    expect(run.computed.every((a) => a.excluded.missingConfounders === 3)).toBe(true);
    for (const a of run.result.analyses) {
      expect(a.error).toBeUndefined();
      expect(a.excluded.missingConfounders).toBe('suppressed');
    }
    expect(run.result.plan.suppression.suppressedCounts).toBeGreaterThan(0);
    expectProtected(run);
    const json = JSON.stringify(run.result);
    expect(json).not.toMatch(/"(missingConfounders|trimmed|truncated)":\s*[1-4]\b/);
    expect(run.result.warnings.join('\n')).not.toMatch(/\b3 patient/);
    for (const lang of ['en', 'da'] as const) {
      const text = observationalText(run.result, lang);
      expect(text).toMatch(lang === 'en' ? /suppressed left out for missing confounders/ : /diskretioneret udeladt for manglende forstyrrende faktorer/);
      expect(text).not.toMatch(/\b3 (left out|udeladt)/);
    }
    // The report page (tables, notes, warnings) in both languages.
    const dir = tempDir();
    writeFileSync(join(dir, 'registry.csv'), csv);
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(basePlan));
    for (const lang of ['en', 'da'] as const) {
      const env = { input: (p: string) => join(dir, p), lang, version: 'test', memo: <T>(_k: string, f: () => T) => f() };
      const content = await registryReportKind.build({ id: 'r', kind: 'registry', out: 'r', lang, data: 'registry.csv', plan: 'plan.json' } as never, env as never);
      const page = JSON.stringify(content.page);
      expect(page).toContain(lang === 'en' ? 'Patients left out for a missing confounder value: suppressed' : 'Patienter udeladt for en manglende værdi af en forstyrrende faktor: diskretioneret');
      expect(page).not.toMatch(/\b3 patient/);
    }
  });

  it('3 app users without follow-up of one outcome: the input counts are hidden (input − analysed would give the 3)', () => {
    const d = completeRows();
    for (const r of d.rows.filter((x) => x.app === 'Ja').slice(0, 3)) r.rmdq_3m = '';
    const run = analyse(toCsvText(d));
    const rmdq = run.computed.find((a) => a.outcome === 'rmdq')!;
    expect(rmdq.excluded.missingConfounders).toBe(0);
    expect(run.result.input.patients).toEqual({ exposed: 'suppressed', unexposed: 'suppressed' });
    // The analysed counts (≥ 5) stay: they are in every effect row.
    expect(run.result.analyses.find((a) => a.outcome === 'rmdq')!.patients.exposed).toBe(rmdq.patients.exposed);
    expectProtected(run);
  });

  it('every split of up to 11 unanalysed patients into missing / trimmed / lost: nothing small is readable or narrowed', () => {
    // The rule on hand-made counts (one analysis, truncation and overlap aside); the same attacker.
    let cases = 0;
    for (const nE of [0, 3, 6]) {
      for (const nU of [0, 5]) {
        const total = nE + nU;
        for (let missing = 0; missing <= total; missing++) {
          for (let trimmed = 0; trimmed <= total - missing; trimmed++) {
            const raw = { outcome: 'o', label: 'o', time: 't', kind: 'continuous' as const, patients: { exposed: 40, unexposed: 30 }, excluded: { missingConfounders: missing, trimmed }, propensity: null, weights: null, balance: [], warnings: [], effects: [] };
            const input = { exposed: 40 + nE, unexposed: 30 + nU };
            const shown = protectSmallCounts(input, [raw], K);
            const pub = { input: { patients: shown.input }, analyses: shown.analyses } as unknown as ObservationalResult;
            const widths = attack(pub);
            const lost = total - missing - trimmed;
            const cells: [string, number][] = [['o@t.missing', missing], ['o@t.trimmed', trimmed], ['o@t.lost', lost], ['o@t.notAnalysed.exposed', nE], ['o@t.notAnalysed.unexposed', nU]];
            for (const [cell, v] of cells) {
              if (v > 0 && v < K) expect(widths.get(cell) ?? 0, `${cell} = ${v} (${JSON.stringify(shown.analyses[0]!.excluded)}, input ${JSON.stringify(shown.input)})`).toBeGreaterThanOrEqual(K - 1e-6);
            }
            for (const [cell, w] of widths) if (!/notAnalysed|lost/.test(cell)) expect(w, `suppressed ${cell}`).toBeGreaterThanOrEqual(K - 1e-6);
            cases++;
          }
        }
      }
    }
    expect(cases).toBeGreaterThan(100);
  });

  it('a level of a categorical confounder with 2 app users: every level of that confounder is suppressed in balance, and the love plot leaves it out', async () => {
    const d = completeRows();
    const users = d.rows.filter((r) => r.app === 'Ja').slice(0, 2);
    const nonUsers = d.rows.filter((r) => r.app === 'Nej').slice(0, 8);
    for (const r of [...users, ...nonUsers]) r.referrer = 'other';
    const run = analyse(toCsvText(d));
    const a = run.result.analyses.find((x) => x.outcome === 'rmdq')!;
    const referrer = a.balance.filter((b) => b.term.startsWith('referrer='));
    expect(referrer.length).toBe(4);
    for (const b of referrer) expect([b.smdBefore, b.smdAfter]).toEqual(['suppressed', 'suppressed']);
    expect(a.balance.find((b) => b.term === 'sex=K')!.smdBefore).toEqual(expect.any(Number));
    expectProtected(run);
    // The page: the table shows the marker, the love plot leaves the rows out and says how many.
    const dir = tempDir();
    writeFileSync(join(dir, 'registry.csv'), toCsvText(d));
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(basePlan));
    const env = { input: (p: string) => join(dir, p), lang: 'en', version: 'test', memo: <T>(_k: string, f: () => T) => f() };
    const content = await registryReportKind.build({ id: 'r', kind: 'registry', out: 'r', lang: 'en', data: 'registry.csv', plan: 'plan.json' } as never, env as never);
    const section = content.page.sections.find((x) => x.id === 'balance')!;
    expect(section.tables![0]!.table.rows.filter((r) => r[1] === 'suppressed').map((r) => r[0])).toEqual(['Referred by: general practice', 'Referred by: hospital', 'Referred by: other', 'Referred by: physiotherapist']);
    expect(section.notes).toEqual(['4 rows with suppressed values (a confounder level with too few patients in a group) are not drawn.']);
    expect(JSON.stringify(content.charts.find((c) => c.name === 'love-plot')!.spec)).not.toMatch(/referrer|Referred by/);
  });

  it('the text summary\'s balance maximum is of the terms shown, and "suppressed" when none is (never a 0.000 that reads as perfect balance)', () => {
    const d = completeRows();
    const users = d.rows.filter((r) => r.app === 'Ja').slice(0, 2);
    const nonUsers = d.rows.filter((r) => r.app === 'Nej').slice(0, 8);
    for (const r of [...users, ...nonUsers]) r.referrer = 'other';
    const run = analyse(toCsvText(d));
    const line = (result: ObservationalResult, lang: 'en' | 'da') => observationalText(result, lang).split('\n').find((l) => l.includes('|SMD|') && l.includes(result.analyses[0]!.label))!;
    expect(line(run.result, 'en')).toMatch(/max \|SMD\| \d\.\d{3} \(of the terms shown\) before, \d\.\d{3} \(of the terms shown\) after/);
    const allHidden = { ...run.result, analyses: run.result.analyses.map((a) => ({ ...a, balance: a.balance.map((b) => ({ ...b, smdBefore: 'suppressed', smdAfter: 'suppressed' })) })) } as ObservationalResult;
    expect(line(allHidden, 'en')).toContain('max |SMD| suppressed before, suppressed after');
    expect(line(allHidden, 'da')).toContain('maks. |SMD| diskretioneret før, diskretioneret efter');
  });

  it('a numeric 0/1 confounder held by 3 app users: its balance row (SMD and variance ratio would give the 3) is suppressed', () => {
    const d = completeRows();
    d.names.push('smoker');
    for (const r of d.rows) r.smoker = '0';
    for (const r of d.rows.filter((x) => x.app === 'Ja').slice(0, 3)) r.smoker = '1';
    for (const r of d.rows.filter((x) => x.app === 'Nej').slice(0, 10)) r.smoker = '1';
    const obs = basePlan.observational as { confounders: unknown[] };
    const run = analyse(toCsvText(d), { ...basePlan, observational: { ...obs, confounders: [...obs.confounders, { name: 'smoker', type: 'numeric' }] } });
    const a = run.result.analyses.find((x) => x.outcome === 'rmdq')!;
    const row = a.balance.find((b) => b.term === 'smoker')!;
    expect([row.smdBefore, row.smdAfter, row.varianceRatioBefore, row.varianceRatioAfter]).toEqual(['suppressed', 'suppressed', 'suppressed', 'suppressed']);
    expect(a.balance.find((b) => b.term === 'age')!.smdBefore).toEqual(expect.any(Number));
  });

  it('a responder outcome with 3 responders among non-users: no row of it is published (crude and adjusted would each give that count)', () => {
    const d = completeRows();
    // "Responder" = RMDQ improved by 100% (follow-up 0): 3 non-users and 10 users, nobody else.
    for (const r of d.rows) if (r.rmdq_3m === '0') r.rmdq_3m = '1';
    for (const r of d.rows.filter((x) => x.app === 'Nej' && x.rmdq_baseline !== '0').slice(0, 3)) r.rmdq_3m = '0';
    for (const r of d.rows.filter((x) => x.app === 'Ja' && x.rmdq_baseline !== '0').slice(0, 10)) r.rmdq_3m = '0';
    const plan = { ...basePlan, responders: [{ key: 'rmdq100', outcome: 'rmdq', percent: 100, label: { en: 'RMDQ 0 at follow-up' } }] };
    const run = analyse(toCsvText(d), plan);
    const resp = run.result.analyses.find((a) => a.outcome === 'rmdq100')!;
    expect(resp.error).toBeUndefined();
    expect(resp.effectsSuppressed).toBe(true);
    expect(resp.effects).toEqual([]);
    expect(run.result.warnings.some((w) => w.startsWith('rmdq100 at 3m: no difference is shown'))).toBe(true);
    // The continuous RMDQ analysis keeps its rows.
    expect(run.result.analyses.find((a) => a.outcome === 'rmdq')!.effects.map((e) => e.method)).toEqual(['crude', 'weighted-regression', 'aipw']);
  });

  it('fewer than 5 app users: nothing is analysed, no count is printed, and the message names none', async () => {
    const d = completeRows();
    const keepUsers = new Set(d.rows.filter((r) => r.app === 'Ja').slice(0, 4));
    d.rows = d.rows.filter((r) => r.app === 'Nej' || keepUsers.has(r));
    const run = analyse(toCsvText(d));
    for (const a of run.result.analyses) {
      expect(a.error).toMatch(/fewer than 5 exposed or unexposed/);
      expect(a.patients).toEqual({ exposed: 'suppressed', unexposed: 'suppressed' });
    }
    expect(run.result.input.patients).toEqual({ exposed: 'suppressed', unexposed: 'suppressed' });
    expect(JSON.stringify(run.result)).not.toMatch(/\b4 exposed/);
    // The CLI: exit 1, nothing small on stdout or stderr.
    const dir = tempDir();
    writeFileSync(join(dir, 'r.csv'), toCsvText(d));
    writeFileSync(join(dir, 'p.json'), JSON.stringify(basePlan));
    const r = await runCli('analyze', join(dir, 'r.csv'), '--plan', join(dir, 'p.json'));
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).not.toMatch(/\b[1-4] (exposed|unexposed|app users?|patient\(s\))/);
  });
});
