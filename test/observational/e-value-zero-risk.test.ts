/**
 * A yes/no outcome no non-user has (test/fixtures/observational/follow-up-only.csv: R counts 0
 * events among the 195 non-users, test/reference/observational-follow-up-only.R): the risk ratio
 * (p₀ + RD)/p₀ is infinite, so no E-value exists. Each row says why — results.json
 * `eValueMissing`, the table cell, a warning, the page's E-value section — instead of a blank.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvText, readCsvFile } from '../../src/io/read-csv.js';
import { analyzeObservational } from '../../src/observational/analyze-observational.js';
import { eValueOfRiskDifference, noRiskRatioReason } from '../../src/observational/e-value.js';
import { observationalText } from '../../src/observational/observational-text.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { registryReportKind } from '../../src/report/kinds/registry-report.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const ref = JSON.parse(readFileSync('test/reference/observational-follow-up-only.json', 'utf8')) as { eventsUnexposed: number; weightedRiskUnexposed: number };
const planJson = {
  design: 'observational',
  observational: {
    exposure: { column: 'app', exposed: 'Ja', unexposed: 'Nej' },
    confounders: [{ name: 'age', type: 'numeric' }, { name: 'sex', type: 'categorical' }],
    baselineAsConfounder: false,
  },
  layout: 'wide',
  timepoints: ['3m'],
  outcomes: [{ key: 'work', instrument: 'binary', direction: 'higher-is-better', answers: { Ja: 1, Nej: 0 } }],
};
const file = 'test/fixtures/observational/follow-up-only.csv';

describe('no E-value when no non-user has the event', () => {
  const result = analyzeObservational(loadTrial(readCsvFile(file), parsePlan(planJson)), { version: 'test' });
  const a = result.analyses[0]!;

  it('every row carries the reason in results.json, and a warning says it', () => {
    expect(ref.eventsUnexposed).toBe(0);
    expect(a.effects).toHaveLength(3);
    for (const e of a.effects) {
      expect(e.eValue).toBeNull();
      expect(e.eValueMissing?.reason).toBe('unexposed-risk-zero');
      expect(e.eValueMissing?.text).toMatch(/risk ratio is infinite/);
    }
    expect(result.warnings).toContain('work at 3m: no E-value (crude, weighted regression, AIPW): no non-user has the event (a risk of 0), so the risk ratio is infinite and the E-value has no finite value');
  });

  it('the text table says "none (RR infinite)" in the E-value column', () => {
    // The effects table (the yes/no table below it has rows of its own: the next test).
    const rows = observationalText(result, 'en').split('\n\n')[0]!.split('\n').filter((l) => l.startsWith('work '));
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r.trimEnd()).toMatch(/none \(RR infinite\)$/);
    expect(observationalText(result, 'da')).toContain('ingen (RR uendelig)');
  });

  it('the yes/no table below it reads "Not estimable" for the RR, as the page\'s does', () => {
    const yesNo = observationalText(result, 'en').split('\n\n').find((p) => p.startsWith('Yes/no outcomes'))!.split('\n').filter((l) => l.startsWith('work '));
    // The adjusted rows (the crude row has no adjusted risks).
    expect(yesNo).toHaveLength(2);
    for (const r of yesNo) expect(r).toMatch(/ Not estimable /);
    expect(observationalText(result, 'da')).toMatch(/ Kan ikke estimeres /);
  });

  it('the page\'s E-value section and table say why', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'r.csv'), readFileSync(file));
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(planJson));
    const env = { input: (p: string) => join(dir, p), lang: 'en', version: 'test', memo: <T>(_k: string, f: () => T) => f() };
    const content = await registryReportKind.build({ id: 'r', kind: 'registry', out: 'r', lang: 'en', data: 'r.csv', plan: 'plan.json' } as never, env as never);
    const sections = content.page.sections as { id: string; intro?: string[]; tables?: { table: { rows: string[][] } }[] }[];
    const notes = sections as { id: string; notes?: string[] }[];
    // Said once, in the E-value section (every row without one named), in the words results.json and the CLI use.
    expect(sections.find((s) => s.id === 'e-values')!.intro!.join(' ')).toContain('(crude, weighted regression (doubly robust), AIPW (doubly robust)): no E-value — no non-user has the event (a risk of 0), so the risk ratio is infinite and the E-value has no finite value.');
    expect((notes.find((s) => s.id === 'warnings')?.notes ?? []).join(' ')).not.toContain('E-value');
    expect(sections.find((s) => s.id === 'effects')!.tables![0]!.table.rows.map((r) => r.at(-1))).toEqual(['none (RR infinite)', 'none (RR infinite)', 'none (RR infinite)']);
  });

  it('an exposed risk of 0 or below has no E-value either, for its own reason', () => {
    expect(noRiskRatioReason(-0.2, 0.2, 10)).toBe('exposed-risk-zero');
    expect(eValueOfRiskDifference(-0.2, -0.3, -0.1, 0.2)).toBeNull();
    expect(noRiskRatioReason(0.1, 0, 0)).toBe('unexposed-risk-zero');
    expect(noRiskRatioReason(0.1, 0, 6)).toBe('unexposed-weighted-risk-zero');
    expect(noRiskRatioReason(0.1, 0.2, 10)).toBeUndefined();
  });
});

/**
 * Under ATT, non-users of a level no user has weigh 0 (att-outside-level.test.ts). When they are
 * the only non-users with the event, the weighted risk among non-users is 0 while the crude one is
 * not: the adjusted rows have no E-value, and the reason is the weights, not "no non-user has the
 * event" (6 of them have it).
 */
describe('no E-value when the non-users with the event weigh 0', () => {
  // registry-att-outside.csv with a yes/no outcome: every "chiro" non-user (the level no user has)
  // back at work, no other non-user; users by their 3-month RMDQ.
  const rows = readFileSync('test/fixtures/observational/registry-att-outside.csv', 'utf8').trim().split(/\r?\n/);
  const csv = [`${rows[0]},work_3m`, ...rows.slice(1).map((l) => {
    const [, app, , , referrer, , rmdq] = l.split(',');
    return `${l},${(app === 'Nej' ? referrer === 'chiro' : Number(rmdq) < 6) ? 'Ja' : 'Nej'}`;
  })].join('\n');
  const plan = parsePlan({
    ...planJson,
    observational: { ...planJson.observational, confounders: [...planJson.observational.confounders, { name: 'referrer', type: 'categorical' }], estimand: 'ATT' },
  });
  const result = analyzeObservational(loadTrial(parseCsvText(csv, 'registry.csv'), plan), { version: 'test' });
  const a = result.analyses[0]!;
  const row = (m: string) => a.effects.find((e) => e.method === m)!;

  it('the adjusted rows say the weighted risk is 0; the crude row keeps its E-value', () => {
    expect(a.error).toBeUndefined();
    expect(a.outsideTarget?.[0]?.levels).toEqual(['chiro']);
    for (const m of ['weighted-regression', 'aipw']) {
      expect(row(m).eValue, m).toBeNull();
      expect(row(m).eValueMissing?.reason, m).toBe('unexposed-weighted-risk-zero');
      expect(row(m).eValueMissing?.text, m).toBe('the weighted risk among non-users is 0 (those with the event weigh 0), so the risk ratio is infinite and the E-value has no finite value');
    }
    // The crude risk among non-users: 6 of the 498 with the event.
    expect(row('crude').eValue).not.toBeNull();
    expect(result.warnings).toContain('work at 3m: no E-value (weighted regression, AIPW): the weighted risk among non-users is 0 (those with the event weigh 0), so the risk ratio is infinite and the E-value has no finite value');
    expect(result.warnings.join('\n')).not.toContain('no non-user has the event');
  });
});
