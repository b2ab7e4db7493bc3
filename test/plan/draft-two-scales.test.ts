// Two pain scales in one column: one site recorded NRS 0–100, the others 0–10
// (test/fixtures/exports/plan-init-s14/site-nrs-0-100.csv; docs/plan-trial.md "Two scales in one
// column"). Read as one 0–100 scale the 9-month ANCOVA is −5.17 (−10.34 to 0.01), "no clinically
// relevant difference"; R on the answers put on one scale (the 0–10 ones ×10): −13.0 (−21.0 to −5.0).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvText, readCsvFile } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';
import { analyzeDraft } from './analyze-draft.js';

afterAll(removeTempDirs);
const FILE = 'test/fixtures/exports/plan-init-s14/site-nrs-0-100.csv';
type Outcome = { key: string; instrument: string; oneScaleChecked?: boolean };

const writePlan = (plan: Record<string, unknown>) => {
  const path = join(tempDir(), 'plan.json');
  writeFileSync(path, JSON.stringify(plan));
  return path;
};

describe('a 0–100 pain column holding 0–10 answers at one site', () => {
  const d = draftPlan(readCsvFile(FILE), 'plan.schema.json');
  it('plan init says so among the checks, naming the sites', () => {
    expect((d.plan.outcomes as Outcome[])[0]!.instrument).toBe('vas_0_100');
    expect(d.checks.join('\n')).toContain('"smerte_gns" is drafted as a 0–100 scale, but at site "Odense" (40 patients) no patient answers above 10, while at "Aarhus" 20 of 20 do: two scales in one column');
  });
  it('without a site column, by the patients: most never above 10 while others are', () => {
    const text = readFileSync(FILE, 'utf8').split('\n').map((l) => l.replace(/,"[^"]*"$/, '')).join('\n');
    const nosite = draftPlan(parseCsvText(text, 'nosite.csv'), 'plan.schema.json');
    expect(nosite.checks.join('\n')).toContain('but 40 of 60 patients never answer above 10 at any visit, while 20 do');
  });
  it('validate refuses it (exit 2) naming the site and the lines, until the outcome says "oneScaleChecked": true or the answers are on one scale', async () => {
    const refused = await runCli('validate', FILE, '--plan', writePlan(d.plan));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('"smerte_gns" looks like two scales in one column (0–10 and 0–100)');
    expect(refused.stderr).toContain('(smerte_gns): "Odense" — expected one scale in outcome "smerte_gns" (0–100): at site "Odense" (40 patients) no patient answers above 10, while at "Aarhus" 20 of 20 do (answers above 10 on lines 8–10,');
    const outcomes = (d.plan.outcomes as Outcome[]).map((o) => ({ ...o, oneScaleChecked: true }));
    expect((await runCli('validate', FILE, '--plan', writePlan({ ...d.plan, outcomes }))).code).toBe(0);
    // Put on one scale as the message says: R's −13.0 (−21.0 to −5.0) at 9 months, and no refusal.
    const lines = readFileSync(FILE, 'utf8').trimEnd().split('\n');
    const rescaled = [lines[0], ...lines.slice(1).map((l) => {
      const cells = l.split(',');
      if (cells[7] === '"Odense"' && cells[5] !== '' && cells[5] !== 'NA') cells[5] = String(Number(cells[5]) * 10);
      return cells.join(',');
    })].join('\n');
    const path = join(tempDir(), 'rescaled.csv');
    writeFileSync(path, rescaled);
    const { effects } = await analyzeDraft(path, d.plan);
    const a = effects.find((e) => e.method === 'ancova' && e.time === '9m')!;
    expect([a.difference, a.ciLower, a.ciUpper].map((x) => x.toFixed(1))).toEqual(['-13.0', '-21.0', '-5.0']);
  });
});
