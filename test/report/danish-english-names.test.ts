/**
 * The Danish pages name a method in the glossary's Danish only (docs/glossary-da.md), with no
 * English in parentheses: "tilbøjelighedsscoren", "forstyrrende faktorer", "simultan regression
 * (SUR)". A council reader found "Tilbøjelighedsscoren (propensity score)" and "forstyrrende
 * faktorer (confounding)" on the registry page, built here in process (charts not drawn).
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registryReportKind } from '../../src/report/kinds/registry-report.js';
import type { ReportEnv } from '../../src/report/kinds/report-kind.js';
import { danishReason } from '../../src/report/failure-reasons.js';

const ENGLISH_NAMES = /propensity|confounding|confounder|seemingly unrelated/i;

describe('English method names on a Danish page', () => {
  it('the registry page in Danish: its prose, tables and chart texts', async () => {
    const env: ReportEnv = { input: (p) => resolve('data', p), lang: 'da', version: 'test', memo: <T>(_k: string, compute: () => T) => compute() };
    const c = await registryReportKind.build({ id: 'r', kind: 'registry', out: 'r', lang: 'da', data: 'synthetic/registry-outcomes.csv', plan: 'plans/registry-outcomes.plan.json' } as never, env);
    const p = c.page;
    const text = [p.title, ...p.sections.flatMap((s) => [s.title, ...(s.intro ?? []), ...(s.notes ?? []), ...(s.tables ?? []).flatMap((t) => [t.caption ?? '', ...t.table.header, ...t.table.rows.flat()])]), ...c.charts.map((ch) => ch.alt)].join('\n');
    expect(text).toContain('Tilbøjelighedsscoren, dvs. sandsynligheden');
    expect(text.match(ENGLISH_NAMES)).toBeNull();
  });

  it('a Danish failure reason for too few patients for the propensity model', () => {
    const da = danishReason('40 patients are too few for a propensity model with 12 coefficients');
    expect(da).toBe('40 patienter er for få til en model for tilbøjelighedsscoren med 12 koefficienter');
  });
});
