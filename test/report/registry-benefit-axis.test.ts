/**
 * The registry effects chart plots each difference turned so that right favours the users ("3,52"
 * where Table 1 prints "−3,52" for a lower-is-better score). Its axis says so as the trial forest's
 * number column and the glossary word it (docs/glossary-da.md: "Effektforskel (95 %-KI)" with
 * "positiv: til fordel for appen"), not "Effektforskel (med fortegn)" — "with its sign", which read
 * as the table's signed difference beside numbers of the opposite sign.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ObservationalResult } from '../../src/observational/observational-results-schema.js';
import type { Lang } from '../../src/report/i18n.js';
import { registryReportKind } from '../../src/report/kinds/registry-report.js';
import type { ReportEnv } from '../../src/report/kinds/report-kind.js';
import { reportEnv } from '../support/report-env.js';

const memo = new Map<string, unknown>();
const env = (lang: Lang): ReportEnv => reportEnv(resolve('data'), lang, memo);

type Layer = { encoding?: { x?: { title?: unknown } } };

describe('registry effects chart: the axis says which sign the plotted numbers have', () => {
  it.each([
    ['en', ['Benefit (95% CI)', 'positive: favours app users']],
    ['da', ['Effektforskel (95 %-KI)', 'positiv: til fordel for brugere af appen']],
  ] as const)('(%s) "positive: favours the users" under the axis, where the table prints the difference as measured', async (lang, title) => {
    const entry = { id: 'r', kind: 'registry', out: 'r', lang, data: 'synthetic/registry-outcomes.csv', plan: 'plans/registry-outcomes.plan.json' };
    const content = await registryReportKind.build(entry as never, env(lang));
    const chart = content.charts.find((c) => c.name === 'effects')!;
    const layers = (chart.spec as unknown as { spec: { layer: Layer[] } }).spec.layer;
    const titles = layers.map((l) => l.encoding?.x?.title).filter((t) => t !== undefined);
    expect(titles).toEqual([title]);
    // Why it must: the plotted number and the table's difference differ in sign (RMDQ, lower is better).
    const rmdq = (content.results as ObservationalResult).analyses.find((a) => a.outcome === 'rmdq')!.effects.find((e) => e.method === 'crude')!;
    expect(Math.sign(rmdq.benefit!)).toBe(-Math.sign(rmdq.difference!));
  });
});
