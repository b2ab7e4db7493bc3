/**
 * An outcome measured at fewer visits than the plan (docs/plan-trial.md#outcome-timepoints): ODI at
 * baseline and 6 months, RMDQ at every visit. With ODI's own "timepoints" its rows, missingness,
 * MMRM and sensitivity keep to 6 months — no "not computed" row at 3 months, nothing counted in the
 * conclusion — and the 6-month numbers are those of the plan without them. A visit the plan does not
 * analyse is refused.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { trialReportKind } from '../../src/report/kinds/trial-report.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { refusalText } from '../support/error-of.js';
import { reportEnv } from '../support/report-env.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const file = new URL('../fixtures/exports/outcome-visits/export.csv', import.meta.url);
const csv = readFileSync(file, 'utf8');
const planJson = (odi: object = {}) => ({
  arms: { intervention: 'App', control: 'Usual care' },
  columns: { id: 'record_id', time: 'redcap_event_name', arm: 'randomisering' },
  timepoints: ['3m', '6m'],
  timeLabels: { '3_months': '3m', '6_months': '6m' },
  covariates: ['alder', 'koen'],
  instruments: { odi: { label: { en: 'Oswestry Disability Index (0–100)' }, range: [0, 100], direction: 'lower-is-better', mcid: 10 } },
  outcomes: [{ key: 'rmdq', instrument: 'rmdq' }, { key: 'odi', instrument: 'odi', ...odi }],
  primary: { outcome: 'odi', time: '6m' },
  methods: ['ancova', 'welch', 'mmrm'],
});
const analyse = (plan: object) => analyzeTrial(loadTrial(parseCsvText(csv, 'export.csv'), parsePlan(plan)), { version: 'test' });

describe('an outcome measured at some of the plan\'s visits', () => {
  const own = analyse(planJson({ timepoints: ['6m'] }));
  const planWide = analyse(planJson());

  it('has rows at its own visits only, and the 6-month numbers of the plan-wide analysis', () => {
    // Without its own timepoints, the 3-month rows are "not computed": the export has no ODI there.
    expect(planWide.effects.filter((e) => e.outcome === 'odi' && e.time === '3m').every((e) => e.error !== undefined)).toBe(true);
    expect(own.effects.filter((e) => e.outcome === 'odi').map((e) => e.time)).not.toContain('3m');
    expect(own.effects.filter((e) => e.error)).toEqual([]);
    for (const method of ['ancova', 'welch'] as const) {
      const a = own.effects.find((e) => e.outcome === 'odi' && e.time === '6m' && e.method === method)!;
      const b = planWide.effects.find((e) => e.outcome === 'odi' && e.time === '6m' && e.method === method)!;
      expect(a.estimate).toBe(b.estimate);
      expect(a.ciLower).toBe(b.ciLower);
    }
    // RMDQ keeps every visit, MMRM included.
    expect(own.effects.filter((e) => e.outcome === 'rmdq' && e.method === 'mmrm').map((e) => e.time)).toEqual(['3m', '6m']);
  });

  it('is not counted missing at a visit it is not measured at, and has no MMRM with one follow-up', () => {
    expect(own.missingness.filter((m) => m.outcome === 'odi').map((m) => m.time)).not.toContain('3m');
    expect(own.missingness.filter((m) => m.outcome === 'rmdq').map((m) => m.time)).toContain('3m');
    expect(own.effects.some((e) => e.outcome === 'odi' && e.method === 'mmrm')).toBe(false);
    expect(own.sensitivity?.mmrmLeftOut).toEqual({ followUpVisits: ['6m'] });
    expect(own.sensitivity?.rows.map((r) => r.method)).toEqual(['ancova', 'mi-ancova']);
    expect(own.warnings.filter((w) => w.includes('odi') && w.includes('3m'))).toEqual([]);
  });

  it('leaves the summary of findings and the conclusion without a "not computed" result', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'export.csv'), csv);
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(planJson({ timepoints: ['6m'] })));
    const c = await trialReportKind.build({ id: 'r', kind: 'trial', out: 'r', lang: 'da', data: 'export.csv', plan: 'plan.json', characteristics: [] } as never, reportEnv(dir, 'da'));
    const text = JSON.stringify(c.page.sections.filter((s) => ['conclusion', 'summary-of-findings', 'sensitivity'].includes(s.id)));
    expect(text).not.toContain('ikke beregnet');
    expect(text).not.toMatch(/ODI[^"]*3 måneder/);
    expect(text).toContain('måles ved ét opfølgningsbesøg (6 måneder)');
  });

  it('refuses a visit the plan does not analyse, and a primary visit the outcome is not measured at', () => {
    expect(refusalText(() => parsePlan(planJson({ timepoints: ['12m'] }), 'plan.json'))).toContain(`(outcomes.1.timepoints.0): "12m" — expected one of the plan's "timepoints" (3m, 6m)`);
    expect(refusalText(() => parsePlan({ ...planJson({ timepoints: ['6m'] }), primary: { outcome: 'odi', time: '3m' } }, 'plan.json'))).toContain('expected a visit at which outcome "odi" is measured (its "timepoints": 6m)');
  });
});

describe('plan init drafts an outcome\'s own timepoints', () => {
  /** The fixture's rows, wide: one row per patient, `<column>_<visit>`; `odi_3m` left out when `noColumn`. */
  const wide = (noColumn: boolean) => {
    const [header, ...rows] = csv.trim().split('\n').map((l) => l.split(','));
    const at = (name: string) => header!.indexOf(name);
    const visits = ['baseline', '3_months', '6_months'] as const;
    const label = { baseline: 'baseline', '3_months': '3m', '6_months': '6m' } as const;
    const cols = ['id', 'arm', 'alder', 'koen', ...visits.map((v) => `rmdq_${label[v]}`), ...visits.filter((v) => !(noColumn && v === '3_months')).map((v) => `odi_${label[v]}`)];
    const ids = [...new Set(rows.map((r) => r[0]!))];
    const cell = (id: string, visit: string, col: string) => rows.find((r) => r[0] === id && r[1] === visit)?.[at(col)] ?? '';
    const lines = ids.map((id) => [id, cell(id, 'baseline', 'randomisering'), cell(id, 'baseline', 'alder'), cell(id, 'baseline', 'koen'), ...visits.map((v) => cell(id, v, 'rmdq')), ...visits.filter((v) => !(noColumn && v === '3_months')).map((v) => cell(id, v, 'odi'))].join(','));
    return [cols.join(','), ...lines].join('\n') + '\n';
  };

  for (const [shape, text] of [['long (no ODI value at 3 months)', csv], ['wide, odi_3m empty', wide(false)], ['wide, no odi_3m column', wide(true)]] as const) {
    it(`${shape}: ODI at 6m only, said among the checks, and analyze computes every row`, async () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'export.csv'), text);
      const init = await runCli('plan', 'init', join(dir, 'export.csv'), '--out', join(dir, 'plan.json'));
      expect(init.code).toBe(0);
      const plan = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as { timepoints: string[]; outcomes: { key: string; timepoints?: string[] }[] };
      expect(plan.timepoints).toEqual(['3m', '6m']);
      expect(plan.outcomes.find((o) => o.key === 'odi')!.timepoints).toEqual(['6m']);
      expect(plan.outcomes.find((o) => o.key === 'rmdq')!.timepoints).toBeUndefined();
      expect(init.stderr).toContain('outcome "odi" has no value in');
      expect(init.stderr).toContain('drafted as measured at 6m only (its own "timepoints")');
      const run = await runCli('analyze', join(dir, 'export.csv'), '--plan', join(dir, 'plan.json'), '--json');
      expect(run.code).toBe(0);
      expect((JSON.parse(run.stdout) as { effects: { error?: string }[] }).effects.filter((e) => e.error)).toEqual([]);
    });
  }
});
