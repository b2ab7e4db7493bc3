/**
 * An outcome that does not apply to some patients at a visit ("notApplicableCodes": work ability
 * of a patient not working) is never imputed: multiple imputation at a visit runs among the
 * patients to whom it applies there, as mice on those rows (test/reference/missing-mice-not-applicable.R),
 * and the patients it does not apply to are counted apart from the missing ones
 * (docs/plan-trial.md#not-applicable).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { trialReportKind } from '../../src/report/kinds/trial-report.js';
import { markdownPage } from '../../src/report/markdown-page.js';
import { reportEnv } from '../support/report-env.js';

interface Pooled { columns: string[]; n: { intervention: number; control: number }; missing: number; estimate: number; se: number }
const fixture = JSON.parse(readFileSync(new URL('../reference/missing-mice-not-applicable.json', import.meta.url), 'utf8')) as {
  export: { id: number; arm: number; age: number; wai_baseline: string; wai_3m: string; wai_9m: string }[];
  notApplicable: Record<'baseline' | '3m' | '9m', number>;
  at3m: Pooled;
  at9m: Pooled;
};

const csv = (() => {
  const lines = ['id,arm,time,age,wai'];
  for (const r of fixture.export) for (const t of ['baseline', '3m', '9m'] as const) lines.push(`${r.id},${r.arm},${t},${r.age},${r[`wai_${t}`]}`);
  return lines.join('\n') + '\n';
})();

const planOf = (codes: object) =>
  parsePlan({
    arms: { intervention: '1', control: '0' },
    timepoints: ['3m', '9m'],
    covariates: ['age'],
    methods: ['ancova'],
    missing: { method: 'mi', m: 50, seed: 3 },
    outcomes: [{ key: 'wai', instrument: 'was', mcid: 1, ...codes }],
  });

describe('"notApplicableCodes": never imputed, counted apart from missing', () => {
  const trial = loadTrial(parseCsvText(csv, 'work.csv'), planOf({ notApplicableCodes: ['Ikke i arbejde'] }));
  const result = analyzeTrial(trial, { version: 'test' });

  for (const [time, ref] of [['3m', fixture.at3m], ['9m', fixture.at9m]] as const) {
    it(`MI + ANCOVA at ${time}: the patients to whom it applies (n as mice's rows), estimate within 0.25 SE of mice`, () => {
      const mi = result.effects.find((e) => e.time === time && e.method === 'mi-ancova')!;
      expect(mi.error).toBeUndefined();
      expect(mi.n).toEqual(ref.n);
      // m = 50 here, 200 in R: Monte Carlo SD of the difference ≈ 0.1 SE at this share missing.
      expect(Math.abs(mi.difference! - ref.estimate)).toBeLessThan(0.25 * ref.se);
      expect(Math.abs(mi.se! / ref.se - 1)).toBeLessThan(0.1);
    });
  }

  it('counts the patients it does not apply to apart from the missing ones', () => {
    const row = (time: string) => result.missingness.filter((m) => m.outcome === 'wai' && m.time === time);
    for (const time of ['baseline', '3m', '9m'] as const) {
      const rows = row(time);
      expect(rows.reduce((s, r) => s + r.notApplicable!, 0)).toBe(fixture.notApplicable[time]);
      for (const r of rows) expect(r.observed + r.notApplicable! + r.missing).toBe(r.randomised);
    }
    expect(trial.recoded).toEqual([expect.objectContaining({ column: 'wai', code: 'Ikke i arbejde', to: null, notApplicable: true })]);
  });

  it('as a missing-value code the same cells are imputed (the wrong number the option prevents), and the results warn', () => {
    const asMissing = analyzeTrial(loadTrial(parseCsvText(csv, 'work.csv'), planOf({ missingCodes: ['Ikke i arbejde'] })), { version: 'test' });
    const mi = asMissing.effects.find((e) => e.time === '9m' && e.method === 'mi-ancova')!;
    expect(mi.n.intervention + mi.n.control).toBeGreaterThan(fixture.at9m.n.intervention + fixture.at9m.n.control);
    expect(asMissing.missingness.every((m) => m.notApplicable === undefined)).toBe(true);
    expect(asMissing.warnings.join('\n')).toMatch(/the missing-value code "Ikke i arbejde" made \d+ of the \d+ cells of outcome "wai".*"notApplicableCodes"/);
    expect(result.warnings.join('\n')).not.toMatch(/Ikke i arbejde/);
  });
});

describe('"notApplicableCodes" on the report page', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hta-na-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'work.csv'), csv);
  const plan = (codes: object) => ({
    arms: { intervention: '1', control: '0' },
    timepoints: ['3m', '9m'],
    covariates: ['age'],
    methods: ['ancova'],
    missing: { method: 'mi', m: 3, seed: 3 },
    primary: { outcome: 'wai', time: '9m' },
    outcomes: [{ key: 'wai', instrument: 'was', mcid: 1, ...codes }],
  });
  writeFileSync(join(dir, 'na.json'), JSON.stringify(plan({ notApplicableCodes: ['Ikke i arbejde'] })));
  writeFileSync(join(dir, 'missing.json'), JSON.stringify(plan({ missingCodes: ['Ikke i arbejde'] })));
  const build = async (planFile: string, lang: 'en' | 'da') => {
    const content = await trialReportKind.build({ id: 'r', kind: 'trial', out: 'r', lang, data: 'work.csv', plan: planFile, characteristics: [] } as never, reportEnv(dir, lang));
    return { content, readme: markdownPage(content.page, new Map(content.charts.map((c) => [c.name, c]))) };
  };
  const perArm = (time: 'baseline' | '9m', arm: number) => fixture.export.filter((r) => r.arm === arm && r[`wai_${time}`] === 'Ikke i arbejde').length;

  it('Table 1 and the flow count them as not applicable, and the methods say what the estimand is', async () => {
    const { readme } = await build('na.json', 'en');
    expect(readme).toContain(`; not applicable ${perArm('baseline', 1)} | `);
    expect(readme).toMatch(new RegExp(`9 months — Observed: n = \\d+; Missing: n = \\d+; Not applicable: n = ${perArm('9m', 1)};`));
    expect(readme).toMatch(new RegExp(`9 months — Observed: n = \\d+; Missing: n = \\d+; Not applicable: n = ${perArm('9m', 0)};`));
    expect(readme).toContain('a patient whose answer was "Ikke i arbejde" at a visit is one to whom the outcome does not apply there');
    const da = (await build('na.json', 'da')).readme;
    expect(da).toContain(`; ikke aktuelt ${perArm('baseline', 1)} | `);
    expect(da).toContain(`Ikke aktuelt: n = ${perArm('9m', 0)}`);
  });

  it('as a missing-value code, the page and its results.json warn as analyze does', async () => {
    const { content } = await build('missing.json', 'en');
    const warnings = (content.results as { warnings: string[] }).warnings.join('\n');
    expect(warnings).toMatch(/the missing-value code "Ikke i arbejde" made \d+ of the \d+ cells of outcome "wai"/);
    expect(markdownPage(content.page, new Map())).toContain('the missing-value code "Ikke i arbejde" made');
  });
});
