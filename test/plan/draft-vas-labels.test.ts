// EQ VAS saved by SPSS with value labels: 100 written as `Bedst tænkelige helbred` among the numbers.
// validate refused it with "expected a number from 0 to 100" and no word on the labelled end,
// and plan init's EQ VAS outcome to paste did not read it (docs/plan-trial.md "A scale's labelled ends").
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

/** 24 patients, EQ VAS at baseline and 3 months, 100 written as `top` (or as 100). */
function export_(top: string | undefined): string {
  const lines = ['ID,Gruppe,NRS_base,NRS_3mdr,EQVAS_base,EQVAS_3mdr'];
  for (let p = 1; p <= 24; p++) {
    const vas = [40 + ((p * 7) % 61), p % 5 === 0 ? 100 : 50 + ((p * 11) % 50)];
    lines.push(`${p},${p % 2 ? 'App' : 'Kontrol'},${p % 11},${(p * 3) % 11},${vas.map((v) => (v === 100 && top !== undefined ? top : String(v))).join(',')}`);
  }
  return lines.join('\n') + '\n';
}

const TOP = 'Bedst tænkelige helbred';
const text = export_(TOP);
const d = draftPlan(parseCsvText(text, 'spss.csv'), 'plan.schema.json');
const EQ_VAS = { label: { en: 'Self-rated health (EQ VAS 0–100)', da: 'Selvvurderet helbred (EQ VAS 0–100)' }, range: [0, 100], direction: 'higher-is-better' };

async function validate(outcome: Record<string, unknown>) {
  const dir = tempDir();
  writeFileSync(join(dir, 'spss.csv'), text);
  const plan = { ...d.plan, instruments: { ...(d.plan.instruments as object), eq_vas: EQ_VAS }, outcomes: [...(d.plan.outcomes as object[]), outcome] };
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  return runCli('validate', join(dir, 'spss.csv'), '--plan', join(dir, 'plan.json'));
}

describe('EQ VAS\'s "Bedst tænkelige helbred"', () => {
  it('plan init\'s outcome to paste reads it as 100, with the column\'s numbers beside it', () => {
    const numbers = text.split('\n').slice(1).flatMap((l) => l.split(',').slice(4)).filter((c) => c && c !== TOP).map(Number);
    const checks = d.checks.join('\n');
    expect(checks).toContain(`{ "key": "eqvas", "instrument": "eq_vas", "column": "EQVAS", "answers": { "Bedst tænkelige helbred": 100, "${Math.min(...numbers)}": ${Math.min(...numbers)}, …, "${Math.max(...numbers)}": ${Math.max(...numbers)} }, "mcid": <points> }`);
    expect(checks).toContain('its cells hold "Bedst tænkelige helbred" (the labelled top, 100) beside the numbers');
  });
  it('validate refuses it without answers, saying it is the labelled top, 100, and how to write it', async () => {
    const r = await validate({ key: 'eqvas', instrument: 'eq_vas', column: 'EQVAS', mcid: 10 });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"Bedst tænkelige helbred" — expected a number from 0 to 100 (Self-rated health (EQ VAS 0–100)) — "Bedst tænkelige helbred" reads as the labelled top of the scale, 100 (SPSS saved with value labels writes an end as its label): give it its number in outcome "eqvas"\'s "answers", with every number the column holds beside it as itself ("answers": { "Bedst tænkelige helbred": 100, "1": 1, "2": 2, … }: answer codes refuse any other value)');
  });
  it('validate reads the file once the answers say so', async () => {
    const answers = Object.fromEntries([[TOP, 100], ...Array.from({ length: 100 }, (_, i) => [String(i), i])]);
    const r = await validate({ key: 'eqvas', instrument: 'eq_vas', column: 'EQVAS', mcid: 10, answers });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
