// `hta cea --exclude-invalid` / "invalidRows": "exclude" (docs/plan-cea.md#inputs): a row the trial
// reader leaves out is left out of the resource use too. Read, a patient's 3-month row dropped for
// an invalid EQ-5D index still added its units: its cost without its utility (Δc 7,062 DKK instead
// of −889.5 in the reviewer's export).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseCeaFiles } from '../../src/cea/analyze-cea-files.js';
import { ceaFixture } from '../support/cea-fixture.js';
import { ceaReportKind } from '../../src/report/kinds/cea-report.js';
import { noteIn } from '../../src/cea/load-cea-plan.js';
import { ENGLISH_WORDS } from '../support/english-words.js';

/** The fixture with P3's 3-month row given an EQ-5D index of 7 and 40 GP visits, and a copy without that row. */
function withInvalidRow() {
  const f = ceaFixture();
  const tp = join(f.dir, 'trial.plan.json');
  writeFileSync(tp, JSON.stringify({ ...JSON.parse(readFileSync(tp, 'utf8')), invalidRows: 'exclude' }));
  const lines = readFileSync(f.exportFile, 'utf8').trim().split('\n');
  const at = lines.findIndex((l) => l.startsWith('P3,') && l.split(',')[2] === '3m');
  const bad = lines.map((l, i) => (i === at ? l.split(',').map((c, j) => (j === 3 ? '7' : j === 5 ? '40' : c)).join(',') : l));
  writeFileSync(f.exportFile, bad.join('\n') + '\n');
  const deleted = join(f.dir, 'deleted.csv');
  writeFileSync(deleted, lines.filter((_, i) => i !== at).join('\n') + '\n');
  return { ...f, deleted };
}

const run = (dataFile: string, planFile: string) => analyseCeaFiles({ dataFile, planFile, version: 't', dataName: 'export.csv', planName: 'cea.json', replicates: 100 });

describe('rows left out as invalid in a cost-effectiveness analysis', () => {
  it('costs nothing of an excluded row: the same incremental cost as with the row deleted, and says a visit row was left out', () => {
    const f = withInvalidRow();
    const left = run(f.exportFile, f.plan);
    const deleted = run(f.deleted, f.plan);
    expect(left.result.incrementalCost.estimate).toBe(deleted.result.incrementalCost.estimate);
    expect(left.result.totalCost).toEqual(deleted.result.totalCost);
    expect(left.result.patients.leftOutVisitRows).toEqual({ rows: 1, patients: 1, notAnalysed: 0 });
    expect(left.result.warnings.join('\n')).toContain("1 visit row of 1 patient left out (--exclude-invalid): those periods' costs and QALYs are imputed");
    expect(deleted.result.patients.leftOutVisitRows).toBeUndefined();
  });

  it('a patient every row of whom is left out is not analysed (the trial still counts them randomised, for its flow and harms)', () => {
    const f = withInvalidRow();
    const lines = readFileSync(f.deleted, 'utf8').trim().split('\n');
    // Every row of P3 given an EQ-5D index of 7; the other copy has no P3 at all.
    writeFileSync(f.exportFile, lines.map((l) => (l.startsWith('P3,') ? l.split(',').map((c, j) => (j === 3 ? '7' : c)).join(',') : l)).join('\n') + '\n');
    writeFileSync(f.deleted, lines.filter((l) => !l.startsWith('P3,')).join('\n') + '\n');
    const left = run(f.exportFile, f.plan);
    const deleted = run(f.deleted, f.plan);
    expect(left.result.patients.leftOutVisitRows).toMatchObject({ patients: 1, notAnalysed: 1 });
    expect(left.result.incrementalCost.estimate).toBe(deleted.result.incrementalCost.estimate);
    expect(left.result.totalCost).toEqual(deleted.result.totalCost);
  });

  it('says so on the report page too, in English and Danish', async () => {
    const f = withInvalidRow();
    const memos = new Map<string, unknown>();
    const memo = <T>(key: string, compute: () => T): T => (memos.has(key) ? memos.get(key) : memos.set(key, compute()).get(key)) as T;
    const page = async (lang: 'en' | 'da') => JSON.stringify(await ceaReportKind.build({ id: 'x', kind: 'cea', out: 'x', lang, data: f.exportFile, plan: f.plan }, { input: (p: string) => p, lang, version: 'test', memo }));
    expect(await page('en')).toContain("1 visit row of 1 patient left out as invalid (--exclude-invalid): those periods' costs and QALYs are imputed");
    expect(await page('da')).toContain('1 besøgsrække for 1 patient er udeladt som ugyldige');
  });

  it("words the trial's exclusion summary in the run's language: Danish for a Danish run, not the English block", () => {
    // The report's analysis is stored once for its en and da pages; the summary is printed in the run's language (noteIn).
    const f = withInvalidRow();
    const { notes } = run(f.exportFile, f.plan);
    const summary = (lang: 'en' | 'da') => notes.map((n) => noteIn(n, lang)).find((n) => /^(excluded|udelod) /.test(n));
    expect(summary('en')).toMatch(/^excluded 1 row\(s\) with 1 problem\(s\) \(lines? \d+\)/);
    const da = summary('da');
    expect(da).toMatch(/^udelod 1 række\(r\) med 1 problem\(er\) \(linjer? \d+\); deres værdier læses som manglende/);
    expect(da!.split('\n')[0]).not.toMatch(ENGLISH_WORDS);
  });
});
