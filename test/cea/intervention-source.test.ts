// The intervention price's `source` in both languages, as a unit cost's may be: refused with
// `(interventionCost): "{…}" — expected an object { "price": … } or an object { "uptakePlan": …,
// "nationalVolume": … }, not an object`, which contradicted itself and never named `source`. Now
// accepted (each page its own language), and a union member that fails on an inner field names the
// field and what it expects. A threshold written as money ("300.000 kr.") is shown how to write it.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ceaReportKind } from '../../src/report/kinds/cea-report.js';
import type { ReportContent } from '../../src/report/report-page.js';
import { analyseCeaFiles } from '../../src/cea/analyze-cea-files.js';
import { formatError, HtaError } from '../../src/errors.js';
import { ceaFixture } from '../support/cea-fixture.js';

async function build(lang: 'en' | 'da', f: ReturnType<typeof ceaFixture>): Promise<ReportContent> {
  const env = { input: (p: string) => p, lang, version: 'test', memo: <T>(_k: string, compute: () => T) => compute() };
  return ceaReportKind.build({ id: 'x', kind: 'cea', out: 'x', lang, data: f.exportFile, plan: f.plan }, env);
}
const unitCostRows = (c: ReportContent) => c.page.sections.find((s) => s.id === 'unit-costs')!.tables![0]!.table.rows;
const run = (f: { exportFile: string; plan: string }) => analyseCeaFiles({ dataFile: f.exportFile, planFile: f.plan, version: 't', dataName: 'export.csv', planName: 'cea.json', replicates: 100 });

/** The plan's refusal as a user reads it. */
function refusal(f: { exportFile: string; plan: string }): string {
  try {
    run(f);
  } catch (e) {
    expect(e).toBeInstanceOf(HtaError);
    return formatError(e as HtaError);
  }
  throw new Error('not refused');
}

/** The fixture's plan written over with `edit` applied, as a user edits the file (indented, one key a line). */
function withPlan(edit: (plan: Record<string, unknown>) => void) {
  const f = ceaFixture();
  const plan = JSON.parse(readFileSync(f.plan, 'utf8')) as Record<string, unknown>;
  edit(plan);
  writeFileSync(f.plan, JSON.stringify(plan, null, 1));
  return f;
}

describe("the intervention price's source", () => {
  it('{ en, da } is accepted: results.json keeps the English, each page shows its own language', async () => {
    const f = withPlan((p) => (p.interventionCost = { price: 600, source: { en: "supplier's offer", da: 'leverandørens tilbud' } }));
    expect(run(f).result.interventionPrice).toEqual({ price: 600, source: "supplier's offer" });
    expect(unitCostRows(await build('da', f))[0]![3]).toBe('leverandørens tilbud');
    expect(unitCostRows(await build('en', f))[0]![3]).toBe("supplier's offer");
  });

  it('a value inside one form of interventionCost that is wrong is named, with what it expects', () => {
    const text = refusal(withPlan((p) => (p.interventionCost = { price: '600 kr.', source: 'tilbud' })));
    expect(text).toMatch(/cea\.json:\d+:\d+ \(interventionCost\): .* — expected an object \{ "price": … \} whose "price" is a number without quotes, currency or thousands separators: write 600, not "600 kr\."/);
    const src = refusal(withPlan((p) => (p.interventionCost = { price: 600, source: ['tilbud'] })));
    expect(src).toContain('expected an object { "price": … } whose "source" is a text in double quotes or an object { "en": … }, not a list');
  });

  it('an object fitting neither form still lists both forms', () => {
    const text = refusal(withPlan((p) => (p.interventionCost = { pris: 600 })));
    expect(text).toContain('expected an object { "price": … } or an object { "uptakePlan": …, "nationalVolume": … }, not an object');
  });

  it('a threshold written as money is shown as a number', () => {
    const text = refusal(withPlan((p) => ((p.wtp as { thresholds: unknown[] }).thresholds = ['300.000 kr.'])));
    expect(text).toContain('expected a number without quotes, currency or thousands separators: write 300000, not "300.000 kr."');
  });
});
