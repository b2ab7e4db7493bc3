/**
 * An index date as a confounder, as the research machine's SAS writes it (`D_INDDTO` with DATE9.,
 * `24MAR2023`) or R writes it (`2023-03-24`). It was refused cell by cell — "expected a number,
 * or "type": "categorical"", every date quoted, with the --exclude-invalid advice that would drop
 * every row — and as "categorical" the analyses failed for no overlap, naming inclusion dates. Now
 * the column is refused once at its header, saying it holds dates and to export the date as a
 * number (the SAS date value), no date quoted (docs/observational.md, "Missing-value codes and
 * ranges of a confounder").
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const CSV = 'test/fixtures/observational/dst-missing-age.csv';
const PLAN = 'test/fixtures/observational/dst-missing-age.plan.json';
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** A SAS date value (days since 1 January 1960) as DATE9. or ISO writes it. */
function written(days: number, as: 'date9' | 'iso'): string {
  const d = new Date(Date.UTC(1960, 0, 1) + days * 86_400_000);
  const dd = String(d.getUTCDate()).padStart(2, '0');
  if (as === 'date9') return `${dd}${MONTHS[d.getUTCMonth()]}${d.getUTCFullYear()}`;
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${dd}`;
}

/** The DST export with D_INDDTO (column 4) written as dates; the plan's type of it. */
function files(as: 'date9' | 'iso', type: 'numeric' | 'categorical') {
  const dir = tempDir();
  const [head, ...rows] = readFileSync(CSV, 'latin1').split('\r\n');
  const out = [head, ...rows.map((l) => { if (!l) return l; const c = l.split(';'); c[3] = written(Number(c[3]), as); return c.join(';'); })];
  writeFileSync(join(dir, 'reg.csv'), out.join('\r\n'), 'latin1');
  const plan = JSON.parse(readFileSync(PLAN, 'utf8'));
  plan.observational.confounders.find((c: { name: string }) => c.name === 'D_INDDTO').type = type;
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  return { csv: join(dir, 'reg.csv'), plan: join(dir, 'plan.json') };
}

/** Any date of either shape in a text. */
const ANY_DATE = /\b\d{1,2}(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\d{4}\b|\b\d{4}-\d{2}-\d{2}\b/;

describe('a confounder column of dates', () => {
  it.each([
    ['date9', 'numeric', 'written as SAS writes them with the DATE9. format (ddMONyyyy)', 'the SAS date value (days since 1 January 1960'],
    ['iso', 'numeric', 'written in digits (yyyy-mm-dd, dd.mm.yyyy or the like)', 'days since a fixed date'],
  ] as const)('%s, declared %s: one problem at the header, what to do, no date quoted', async (as, type, shape, how) => {
    const f = files(as, type);
    for (const command of ['validate', 'analyze']) {
      const r = await runCli(command, f.csv, '--plan', f.plan);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('has 1 problem(s); nothing was written');
      expect(r.stderr).toContain(`reg.csv:1:4 (D_INDDTO): "D_INDDTO" — expected a confounder hta can read: "D_INDDTO" holds dates, ${shape}, and hta reads no dates`);
      expect(r.stderr).toContain(how);
      expect(r.stderr).toContain('give the confounder "D_INDDTO" "type": "numeric"');
      // Leaving the rows out would leave out every patient; a date beside a line is one person's.
      expect(r.stderr).not.toContain('--exclude-invalid');
      expect(r.stderr).not.toMatch(ANY_DATE);
      expect(r.stdout).not.toMatch(ANY_DATE);
    }
  });

  it('declared categorical: read as levels, as before (the rare ones pooled, not named: docs/observational.md rule 5)', async () => {
    const f = files('date9', 'categorical');
    const r = await runCli('validate', f.csv, '--plan', f.plan);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/D_INDDTO: \d+ levels: .*other levels \(each with fewer than 5 patients; not named\)/);
  });

  it('the SAS date value itself (the fixture as it is) is read as a number', async () => {
    const r = await runCli('validate', CSV, '--plan', PLAN);
    expect(r.code, r.stderr).toBe(0);
  });
});
