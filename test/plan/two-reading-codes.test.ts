// `hta plan check` and a code that reads differently under the two decimal marks: "9,000" is 9000
// with the decimal point and 9 with the comma (EQ-5D's user-missing 9,000 from Danish SPSS). The
// check once warned of it (as 9 on the NRS); since a code reading both ways is read with the
// export's mark, plan check, which has no export, said nothing. It warns again, naming the code,
// both readings and the mark that decides (src/plan/two-reading-codes.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const PLAN = { title: { en: 'T', da: 'T' }, arms: { intervention: 'app', control: 'usual' }, baseline: 'baseline', allTimepoints: ['baseline', '3m'], timepoints: ['3m'], primary: { outcome: 'pain', time: '3m' }, covariates: ['age'], outcomes: [{ key: 'pain', instrument: 'nrs', label: { en: 'Pain', da: 'Smerte' }, mcid: 2, certainty: { level: 'moderate', reasons: ['imprecision'] } }] };

function planFile(extra: object): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...PLAN, ...extra }));
  return join(dir, 'plan.json');
}

/** A Danish Excel export (";", decimal comma: an age 45,5 shows it). */
function danishExport(): string {
  const lines = ['id;arm;time;age;pain'];
  for (let i = 1; i <= 20; i++) for (const t of ['baseline', '3m']) lines.push([`P${i}`, i % 2 ? 'app' : 'usual', t, `${30 + i},5`, String((i * 3 + (t === '3m' ? 2 : 0)) % 11)].join(';'));
  const dir = tempDir();
  writeFileSync(join(dir, 'dk.csv'), lines.join('\r\n') + '\r\n');
  return join(dir, 'dk.csv');
}

describe('hta plan check and a code that reads two ways', () => {
  it('without a mark: names the code, both readings, and that the export\'s mark decides', async () => {
    const plan = planFile({ missingCodes: ['9,000'] });
    const r = await runCli('plan', 'check', plan);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`warning: ${plan}: "missingCodes" holds "9,000", which reads two ways: 9000 with a decimal point (its comma a thousands separator) and 9 with a decimal comma; the export's decimal mark decides which (no "decimalMark" in the plan; --export names a file to say it) — as 9 it is also a valid answer on the scale of outcome "pain" (0–10), whose every 9 would be read as missing. Write the number you mean (9000 or 9)`);
  });

  it('with the plan\'s "decimalMark": the reading it gives', async () => {
    const plan = planFile({ missingCodes: ['9,000'], decimalMark: '.' });
    const r = await runCli('plan', 'check', plan);
    expect(r.stderr).toContain(`"missingCodes" holds "9,000", which reads two ways: 9000 with a decimal point (its comma a thousands separator) and 9 with a decimal comma; the plan's "decimalMark" declares the decimal point, so it is read as 9000. Write it as 9000 (a number)`);
  });

  it('with --export: the export\'s mark, once', async () => {
    const plan = planFile({ columnCodes: { pain: { missing: ['9,000'] } } });
    const data = danishExport();
    const r = await runCli('plan', 'check', plan, '--export', data);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`"columnCodes" of "pain" ("missing") holds "9,000", which reads two ways: 9000 with a decimal point (its comma a thousands separator) and 9 with a decimal comma; the export ${data} writes the decimal comma, so it is read as 9.`);
    expect(r.stderr.match(/reads two ways/g)).toHaveLength(1);
  });

  it('a code written with a point ("9.000", Danish SPSS\'s 9000): its point is the thousands separator of the comma reading', async () => {
    const plan = planFile({ missingCodes: ['9.000'] });
    const r = await runCli('plan', 'check', plan);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`"missingCodes" holds "9.000", which reads two ways: 9 with a decimal point and 9000 with a decimal comma (its point a thousands separator); the export's decimal mark decides which`);
    expect(r.stderr).not.toContain('its comma a thousands separator');
  });

  it('a code that reads one way ("9", "9,5", 9000) is no such warning', async () => {
    const r = await runCli('plan', 'check', planFile({ missingCodes: ['9', '9,5', 9000, '1,234.5'] }));
    expect(r.stderr).not.toContain('reads two ways');
  });
});
