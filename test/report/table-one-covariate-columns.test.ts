/**
 * Table 1 when the manifest lists a characteristic that is also a plan covariate, by its export
 * column ("Alder" for covariate alder): one row, with the manifest's label — before, the
 * characteristic came twice. A covariate without a label is named by its export column ("Køn"),
 * not by the key plan init spelled ("koen").
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvBytes } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { trialReportKind } from '../../src/report/kinds/trial-report.js';
import { readFileSync } from 'node:fs';
import { reportEnv } from '../support/report-env.js';
import { tempDir } from '../support/run-cli.js';

const SRC = 'test/fixtures/exports/spss-labels-da/export.csv';

async function tableOneRows(lang: 'en' | 'da', characteristics: { column: string; label?: { en: string; da?: string } }[]) {
  const dir = tempDir();
  copyFileSync(SRC, join(dir, 'data.csv'));
  const { plan } = draftPlan(parseCsvBytes(readFileSync(SRC), 'data.csv'), 'plan.schema.json');
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  const built = await trialReportKind.build({ id: 't', kind: 'trial', out: 't', lang, data: 'data.csv', plan: 'plan.json', characteristics } as never, reportEnv(dir, lang));
  const section = built.page.sections.find((s) => s.id === 'baseline')!;
  return section.tables![0]!.table.rows.map((r) => String(r[0]));
}

describe('Table 1: characteristics that are covariates', () => {
  it('one row per column, labelled by the manifest, and the export column for a covariate without a label', async () => {
    const rows = await tableOneRows('da', [{ column: 'Alder', label: { en: 'Age at inclusion (years)', da: 'Alder ved inklusion (år)' } }, { column: 'Køn' }, { column: 'Ryger' }]);
    expect(rows.filter((r) => /alder/i.test(r))).toEqual(['Alder ved inklusion (år), gns. (SD)']);
    expect(rows.filter((r) => /^(køn|koen)/i.test(r))).toEqual(['Køn, n (%)']);
    expect(rows.some((r) => r.startsWith('Ryger'))).toBe(true);
  });

  it('codes 1, 2 and 9 with no value labels in the plan are counted per code, not averaged', async () => {
    const rows = await tableOneRows('en', [{ column: 'Diabetes' }]);
    const at = rows.findIndex((r) => r.startsWith('Diabetes'));
    expect(rows[at]).toBe('Diabetes, n (%)');
    expect(rows.slice(at + 1, at + 4).map((r) => r.replace(/^\W+/, ''))).toEqual(['1', '2', '9']);
  });
});
