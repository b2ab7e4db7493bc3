// SAS upcases character values: a price list exported from SAS names its items `GP`, `PHYSIO`
// for the plan's `gp`, `physio`. The headers were read in any case, the items refused ("rename the
// row to the plan's key"); now an item differing only in case is the plan's, with a note
// (docs/plan-cea.md#unit-costs).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { readUnitCostFile } from '../../src/cea/load-cea-plan.js';
import type { PlanNote } from '../../src/cea/load-cea-plan.js';
import { formatError } from '../../src/errors.js';
import { errorOf } from '../support/error-of.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const item = (key: string, column: string) => ({ key, column, category: 'primary-care' as const });

function priceList(rows: string[]): string {
  const file = join(tempDir(), 'unit-costs.csv');
  writeFileSync(file, ['ITEM,UNIT_COST,CURRENCY,PRICE_YEAR,SOURCE', ...rows].join('\n') + '\n');
  return file;
}

it('reads SAS upper-case item names as the plan\'s keys, said in a note', () => {
  const file = priceList(['GP,165.23,DKK,2024,Takstkort', 'PHYSIO,301.5,DKK,2024,Takstkort']);
  const notes: PlanNote[] = [];
  const costs = readUnitCostFile(file, { currency: 'DKK', priceYear: 2024, resourceUse: [item('gp', 'RU_GP'), item('physio', 'RU_PHYSIO')] }, (n) => notes.push(n));
  expect(costs).toEqual({ gp: { cost: 165.23, source: 'Takstkort' }, physio: { cost: 301.5, source: 'Takstkort' } });
  expect(notes.map((n) => (typeof n === 'string' ? n : n.en))).toContain(`${file}: item names that differ from the plan's keys only in case are read as the plan's: "GP" as "gp", "PHYSIO" as "physio"`);
});

it('keeps case where two plan keys differ only by it', () => {
  const file = priceList(['GP,165.23,DKK,2024,Takstkort', 'gp,100,DKK,2024,Takstkort']);
  // "gp" is the plan's gp exactly; "GP" is neither "Gp" nor "gp": the row for "Gp" is missing.
  const text = formatError(errorOf(() => readUnitCostFile(file, { currency: 'DKK', priceYear: 2024, resourceUse: [item('Gp', 'A'), item('gp', 'B')] })));
  expect(text).toContain('expected a row for resource item "Gp" of the plan; the file\'s other items are "GP" — rename the row to the plan\'s key');
});
