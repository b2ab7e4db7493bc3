/**
 * A yes/no (two-valued) outcome with 1–4 patients with, or without, the event in a group: no
 * estimate of it is published — crude, weighted regression or AIPW, under ATT and ATE — because
 * each gives that count (docs/observational.md, "Small counts", rule 6). Under ATT with no events
 * among the non-users, AIPW's estimate was exactly the users' proportion 3/40 and its SE
 * √(p(1 − p)/40). Counts of 0 or of at least the threshold are published.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/load-plan.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { analyzeObservational } from '../../src/observational/analyze-observational.js';
import { observationalText } from '../../src/observational/observational-text.js';
import { registryReportKind } from '../../src/report/kinds/registry-report.js';
import { completeRegistryRows, registryCsv, type RegistryRows } from '../support/registry-rows.js';
import { tempDir } from '../support/run-cli.js';

/** The tester's plan: ATT, no baseline, a yes/no outcome at 3 months (wide column op_3m). */
const plan = (estimand: 'ATT' | 'ATE' | 'ATO', extra: Record<string, unknown> = {}) => ({
  design: 'observational',
  observational: {
    exposure: { column: 'app', exposed: 'Ja', unexposed: 'Nej' },
    confounders: [{ name: 'age', type: 'numeric' }, { name: 'sex', type: 'categorical' }],
    estimand,
    baselineAsConfounder: false,
  },
  armLabels: { intervention: { en: 'App users', da: 'Brugere' }, control: { en: 'Non-users', da: 'Ikke-brugere' } },
  layout: 'wide',
  timepoints: ['3m'],
  primary: { outcome: 'op', time: '3m' },
  outcomes: [
    { key: 'op', instrument: 'binary', answers: { Ja: 1, Nej: 0 }, direction: 'lower-is-better', mcid: 0.05, label: { en: 'Surgery', da: 'Operation' } },
    { key: 'pain', instrument: 'nrs', label: { en: 'Pain', da: 'Smerte' } },
  ],
  ...extra,
});

/** 120 simulated patients; `events` users and non-users answer "Ja" to op, the others "Nej". */
function registry(events: { users: number; nonUsers: number }): RegistryRows {
  const d = completeRegistryRows(120);
  d.names.push('op_3m');
  for (const r of d.rows) r.op_3m = 'Nej';
  for (const r of d.rows.filter((x) => x.app === 'Ja').slice(0, events.users)) r.op_3m = 'Ja';
  for (const r of d.rows.filter((x) => x.app === 'Nej').slice(0, events.nonUsers)) r.op_3m = 'Ja';
  return d;
}

const users = (d: RegistryRows) => d.rows.filter((r) => r.app === 'Ja').length;

function analyse(d: RegistryRows, p: Record<string, unknown>) {
  return analyzeObservational(loadTrial(parseCsvText(registryCsv(d), 'registry.csv'), parsePlan(p)), { version: 'test' });
}

async function page(d: RegistryRows, p: Record<string, unknown>, lang: 'en' | 'da') {
  const dir = tempDir();
  writeFileSync(join(dir, 'registry.csv'), registryCsv(d));
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(p));
  const env = { input: (f: string) => join(dir, f), lang, version: 'test', memo: <T>(_k: string, f: () => T) => f() };
  return registryReportKind.build({ id: 'r', kind: 'registry', out: 'r', lang, data: 'registry.csv', plan: 'plan.json' } as never, env as never);
}

describe('a yes/no outcome with a small count of events (or non-events) in a group', () => {
  it("the tester's case (ATT, 3 users with the event, none among non-users): no row of the outcome is published, each says why", async () => {
    const d = registry({ users: 3, nonUsers: 0 });
    const r = analyse(d, plan('ATT'));
    const op = r.analyses.find((a) => a.outcome === 'op')!;
    expect(op.error).toBeUndefined();
    expect(op.effects).toEqual([]);
    expect(op.effectsSuppressed).toBe(true);
    // Nothing in the JSON is 3/n₁ (the AIPW difference was exactly that).
    const p = 3 / users(d);
    expect(JSON.stringify(r)).not.toContain(String(p).slice(0, 6));
    expect(r.warnings).toContain('op at 3m: no difference is shown (crude, weighted regression or AIPW): in a group the number of patients with (or without) the event is below the suppression threshold, and each difference would reveal that number');
    // The other outcome is untouched.
    expect(r.analyses.find((a) => a.outcome === 'pain')!.effects.map((e) => e.method)).toEqual(['crude', 'weighted-regression', 'aipw']);
    // The text table: three rows reading the marker, in both languages.
    const en = observationalText(r, 'en').split('\n').filter((l) => /^Surgery\s+3 months\s/.test(l));
    expect(en.map((l) => l.replace(/\s+/g, ' ').trim())).toEqual([
      `Surgery 3 months crude ${users(d)} ${120 - users(d)} suppressed`,
      `Surgery 3 months weighted regression (DR) ${users(d)} ${120 - users(d)} suppressed`,
      `Surgery 3 months AIPW (DR) ${users(d)} ${120 - users(d)} suppressed`,
    ]);
    const da = observationalText(r, 'da').split('\n').filter((l) => /^Surgery\s+3 måneder\s/.test(l));
    expect(da.map((l) => l.replace(/\s+/g, ' ').trim().split(' ').slice(3).join(' '))).toEqual([
      `ujusteret ${users(d)} ${120 - users(d)} diskretioneret`,
      `vægtet regression (DR) ${users(d)} ${120 - users(d)} diskretioneret`,
      `AIPW (DR) ${users(d)} ${120 - users(d)} diskretioneret`,
    ]);
    // The footer's tally counts the withheld estimates too: "(0 counts here)" stood beside three rows reading the marker.
    expect(observationalText(r, 'en')).toMatch(/read "suppressed" \(\d+ counts here; 3 estimates of the table\)/);
    expect(observationalText(r, 'da')).toMatch(/står som "diskretioneret" \(\d+ antal her; 3 estimater i tabellen\)/);
  });

  it('the report page (en, da): the rows read "suppressed", a note says why, no effects chart, results.json has no estimate', async () => {
    const d = registry({ users: 3, nonUsers: 0 });
    for (const [lang, marker, note] of [
      ['en', 'suppressed', 'No difference is shown for Surgery, 3 months (every row reads "suppressed"): in a group fewer than 5 patients had (or did not have) the event, and the crude and the adjusted differences would each reveal that number.'],
      ['da', 'diskretioneret', 'Ingen forskel vises for Operation, 3 måneder (hver række står som "diskretioneret"): i en gruppe havde færre end 5 patienter hændelsen (eller havde den ikke), og både den ujusterede og de justerede forskelle ville afsløre det antal.'],
    ] as const) {
      const content = await page(d, plan('ATT'), lang);
      // The methods' tally counts the withheld estimates too: "(0 counts here)" stood beside three rows reading the marker.
      const methods = content.page.sections.find((s) => s.id === 'methods')!.intro!.join('\n');
      expect(methods).toContain(lang === 'en' ? '; 3 estimates of the effects table)' : '; 3 estimater i effekttabellen)');
      const effects = content.page.sections.find((s) => s.id === 'effects')!;
      const rows = effects.tables![0]!.table.rows.filter((row) => row[0] === (lang === 'en' ? 'Surgery' : 'Operation'));
      expect(rows.map((row) => row[5])).toEqual([marker, marker, marker]);
      expect(rows.flat().join(' ')).not.toMatch(/\d[.,]\d/);
      expect(effects.notes).toContain(note);
      // The pain rows are still drawn.
      expect(content.charts.map((c) => c.name)).toContain('effects');
      expect(JSON.stringify(content.charts.find((c) => c.name === 'effects')!.spec)).not.toMatch(/Surgery|Operation/);
      const results = content.results as { analyses: { outcome: string; effects: unknown[] }[] };
      expect(results.analyses.find((a) => a.outcome === 'op')!.effects).toEqual([]);
    }
    // The outcome alone: the page is still written (the analysis was done), without an empty chart.
    const alone = { ...plan('ATT'), outcomes: [plan('ATT').outcomes[0]] };
    const content = await page(d, alone, 'en');
    expect(content.charts.map((c) => c.name)).not.toContain('effects');
    expect(content.page.sections.find((s) => s.id === 'e-values')).toBeUndefined();
  });

  it('ATE, and ATO: the same rows are withheld', () => {
    for (const estimand of ['ATE', 'ATO'] as const) {
      const op = analyse(registry({ users: 3, nonUsers: 0 }), plan(estimand)).analyses.find((a) => a.outcome === 'op')!;
      expect(op.effects, estimand).toEqual([]);
      expect(op.effectsSuppressed).toBe(true);
    }
  });

  it('ATE with events in both groups, 2 of them among the non-users; and 3 users without the event: withheld', () => {
    const both = analyse(registry({ users: 12, nonUsers: 2 }), plan('ATE')).analyses.find((a) => a.outcome === 'op')!;
    expect(both.effects).toEqual([]);
    const d = registry({ users: 0, nonUsers: 10 });
    const n1 = users(d);
    for (const r of d.rows.filter((x) => x.app === 'Ja').slice(0, n1 - 3)) r.op_3m = 'Ja';
    const nonEvents = analyse(d, plan('ATT')).analyses.find((a) => a.outcome === 'op')!;
    expect(nonEvents.effects).toEqual([]);
  });

  it('counts of 0 or at least 5 in every cell: every row is published (ATT and ATE)', () => {
    for (const estimand of ['ATT', 'ATE'] as const) {
      for (const events of [{ users: 10, nonUsers: 0 }, { users: 5, nonUsers: 12 }]) {
        const op = analyse(registry(events), plan(estimand)).analyses.find((a) => a.outcome === 'op')!;
        expect(op.effectsSuppressed, `${estimand} ${JSON.stringify(events)}`).toBeUndefined();
        expect(op.effects.map((e) => e.method)).toEqual(['crude', 'weighted-regression', 'aipw']);
      }
    }
  });

  it('a score outcome that takes two values only (0 or 10, 3 users at 10): withheld like a yes/no one', () => {
    const d = registry({ users: 10, nonUsers: 10 });
    for (const r of d.rows) r.pain_3m = '0';
    for (const r of d.rows.filter((x) => x.app === 'Ja').slice(0, 3)) r.pain_3m = '10';
    for (const r of d.rows.filter((x) => x.app === 'Nej').slice(0, 20)) r.pain_3m = '10';
    const r = analyse(d, plan('ATE'));
    expect(r.analyses.find((a) => a.outcome === 'pain')!.effects).toEqual([]);
    expect(r.analyses.find((a) => a.outcome === 'op')!.effects.length).toBe(3);
  });

  it('a numeric confounder with two values other than 0 and 1 (1 or 2; 3 users at 2): its balance row is suppressed', () => {
    const d = registry({ users: 10, nonUsers: 10 });
    d.names.push('smoker');
    for (const r of d.rows) r.smoker = '1';
    for (const r of d.rows.filter((x) => x.app === 'Ja').slice(0, 3)) r.smoker = '2';
    for (const r of d.rows.filter((x) => x.app === 'Nej').slice(0, 10)) r.smoker = '2';
    const p = plan('ATE');
    const r = analyse(d, { ...p, observational: { ...p.observational, confounders: [...p.observational.confounders, { name: 'smoker', type: 'numeric' }] } });
    const row = r.analyses.find((a) => a.outcome === 'op')!.balance.find((b) => b.term === 'smoker')!;
    expect([row.smdBefore, row.smdAfter, row.varianceRatioBefore, row.varianceRatioAfter]).toEqual(['suppressed', 'suppressed', 'suppressed', 'suppressed']);
  });
});

describe('hta analyze --csv of a withheld outcome', () => {
  it('keeps one row per withheld outcome saying why, with no estimate or count', async () => {
    const { runCli } = await import('../support/run-cli.js');
    const d = registry({ users: 3, nonUsers: 0 });
    const dir = tempDir();
    writeFileSync(join(dir, 'registry.csv'), registryCsv(d));
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan('ATT')));
    const r = await runCli('analyze', join(dir, 'registry.csv'), '--plan', join(dir, 'plan.json'), '--csv', join(dir, 'out.csv'));
    expect(r.code, r.stderr).toBe(0);
    const { readFileSync } = await import('node:fs');
    const lines = readFileSync(join(dir, 'out.csv'), 'utf8').trim().split(/\r?\n/);
    const op = lines.filter((l) => l.startsWith('op,'));
    expect(op).toEqual([`op,3m,withheld: a count below the threshold${','.repeat(20)}`]);
    expect(lines.some((l) => l.startsWith('pain,'))).toBe(true);
  });
});
