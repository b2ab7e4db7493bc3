// hta uptake with "dateFormat": "dd/mm/yy" on a column of both kinds (cells typed one way and
// another in the spreadsheet): a refused four-digit-year cell (`3/1/2024`) is said as the mix of
// years it is, with a two-digit cell read as the example — as a refused two-digit cell under a
// four-digit format already is (uptake/read-registry.ts mixedFourDigitAdvice).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { draftUptakePlan } from '../../src/uptake/draft-uptake-plan.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

/** A Danish registry export, day first: every third referral typed with a four-digit year. */
function registry(date: (d: number, m: number, i: number) => string): string {
  const lines = ['id,region,clinic,referred,activated,last_active,age,sex,referrer'];
  for (let i = 0; i < 30; i++) {
    const m = (i % 12) + 1, d = ((i * 7) % 25) + 1;
    const act = i % 3 ? date(d + 1, m, i) : '';
    lines.push(`R${i},Hovedstaden,H00${i % 4},${date(d, m, i)},${act},${act ? date(d + 3, m, i) : ''},${30 + i},${i % 2 ? 'm' : 'f'},gp`);
  }
  return lines.join('\n') + '\n';
}

async function uptake(text: string): Promise<{ code: number; stderr: string }> {
  const dir = tempDir();
  writeFileSync(join(dir, 'registry.csv'), text);
  writeFileSync(join(dir, 'eligible.csv'), 'region,year,eligible\n' + [2024, 2025].map((y) => `Hovedstaden,${y},40000`).join('\n') + '\n');
  // The plan as drafted from the export, with the two-digit format its many cells have.
  writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...draftUptakePlan(join(dir, 'registry.csv')).plan, dateFormat: 'dd/mm/yy' }, null, 2));
  return runCli('uptake', join(dir, 'registry.csv'), '--plan', join(dir, 'plan.json'), '--eligible', join(dir, 'eligible.csv'));
}

it('"dd/mm/yy" on a column of both: a four-digit cell refused as a mix of years, with a two-digit cell as the example', async () => {
  const r = await uptake(registry((d, m, i) => (i % 3 === 0 ? `${d}/${m}/2024` : `${d}/${m}/24`)));
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('"1/1/2024"');
  // Line 3 (patient R1) is the first with a two-digit date read: "8/2/24".
  expect(r.stderr).toContain('(two- and four-digit years mixed: this date\'s year has four digits, other dates of the file were read with two, such as "8/2/24" on line 3, and no one "dateFormat" reads both — format the date columns in Excel as one date format with a four-digit year');
  expect(r.stderr).not.toMatch(/\n\s+at /);
});

it('only four-digit years under "dd/mm/yy": no mix is claimed', async () => {
  const r = await uptake(registry((d, m) => `${d}/${m}/2024`));
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('"1/1/2024"');
  expect(r.stderr).not.toContain('years mixed');
});

it('the same with Excel\'s time of day after every date ("1/1/2024 00:00", "8/2/24 00:00"; and "12:00 AM")', async () => {
  for (const time of [' 00:00', ' 12:00 AM', ' 00:00:00']) {
    const r = await uptake(registry((d, m, i) => (i % 3 === 0 ? `${d}/${m}/2024${time}` : `${d}/${m}/24${time}`)));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`"1/1/2024${time}"`);
    expect(r.stderr).toContain(`(two- and four-digit years mixed: this date's year has four digits, other dates of the file were read with two, such as "8/2/24${time}" on line 3`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }
  // Only four-digit years, with times: still no mix claimed.
  const only = await uptake(registry((d, m) => `${d}/${m}/2024 00:00`));
  expect(only.code).toBe(2);
  expect(only.stderr).not.toContain('years mixed');
});
