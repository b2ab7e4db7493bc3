/**
 * A subgroup's Danish name (`subgroup_da`, docs/input-studies.md#danish-subgroup-names): shown
 * on Danish pages and by `--lang da`, the English name grouping the rows; refused when it has no
 * subgroup beside it or one subgroup has two Danish names.
 */
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { metaAnalyze } from '../../src/meta/meta-analyze.js';
import { parseStudies } from '../../src/meta/read-studies.js';
import { metaReportKind } from '../../src/report/kinds/meta-report.js';

const CSV = [
  'study,outcome,time,subgroup,subgroup_da,difference,ci_lower,ci_upper',
  'R,pseq,9m,high physical demands,høje fysiske krav,3.5,0.9,6.0',
  'R,pseq,9m,low physical demands,lave fysiske krav,2.8,0.3,5.3',
  'R,pain,3m,high physical demands,høje fysiske krav,-0.8,-1.3,-0.2',
].join('\n');

function problemsOf(text: string): string[] {
  try {
    parseStudies(parseCsvText(text, 'studies.csv'));
  } catch (err) {
    if (err instanceof HtaError) return (err.problems ?? []).map((p) => `${p.line}:${p.column} ${p.field}: ${p.expected}`);
    throw err;
  }
  return [];
}

describe('subgroup_da', () => {
  it('Danish output names the subgroups in Danish; English keeps the English names; the grouping is the same', () => {
    const table = parseStudies(parseCsvText(CSV, 'studies.csv'));
    const en = metaAnalyze(table, { version: 't' });
    const da = metaAnalyze(table, { version: 't', lang: 'da' });
    expect(en.studies.map((s) => s.subgroup)).toEqual(['high physical demands', 'low physical demands', 'high physical demands']);
    expect(da.studies.map((s) => s.subgroup)).toEqual(['høje fysiske krav', 'lave fysiske krav', 'høje fysiske krav']);
    expect(da.pooled.map((p) => [p.subgroup, p.model])).toEqual([
      ['høje fysiske krav', 'single-study'], ['lave fysiske krav', 'single-study'], [null, 'fixed'],
      ['høje fysiske krav', 'single-study'],
    ]);
    expect(da.subgroupTests[0]!.groups).toEqual(['høje fysiske krav', 'lave fysiske krav']);
    expect(da.pooled.map((p) => p.estimate)).toEqual(en.pooled.map((p) => p.estimate));
  });

  it('a Danish name without a subgroup, and two Danish names for one subgroup, are refused at the cell', () => {
    expect(problemsOf('study,outcome,time,subgroup,subgroup_da,difference,ci_lower,ci_upper\nR,pseq,9m,,høje fysiske krav,3.5,0.9,6.0')).toEqual([
      '2:5 subgroup_da: a subgroup (its English name, in the subgroup column) beside its Danish name',
    ]);
    expect(problemsOf('study,outcome,time,subgroup,subgroup_da,difference,ci_lower,ci_upper\nR,pseq,9m,high,høje krav,3.5,0.9,6.0\nR,pain,3m,high,høje fysiske krav,-0.8,-1.3,-0.2')).toEqual([
      '3:5 subgroup_da: one Danish name per subgroup: "high" is "høje krav" on line 2',
    ]);
  });

  it('the bundled Danish meta page says "høje fysiske krav", never the English name', async () => {
    const env = { input: (p: string) => p, lang: 'da' as const, version: 't', memo: <T>(_k: string, f: () => T): T => f() };
    const meta = await metaReportKind.build({ id: 'm', kind: 'meta', out: 'm', lang: 'da', data: 'data/published/selfback-studies.csv', plan: 'data/plans/selfback.plan.json', preset: 'metafor' }, env);
    const shown = JSON.stringify([meta.page, meta.charts.map((c) => c.spec), meta.results]);
    expect(shown).toContain('høje fysiske krav');
    expect(shown).toContain('subgruppe: høje fysiske krav');
    expect(shown).not.toContain('physical demands');
  });
});
