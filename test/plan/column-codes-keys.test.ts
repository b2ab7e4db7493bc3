/**
 * A "columnCodes" key that reaches no column did nothing, silently: keyed by a wide export's visit
 * column (`NRS_3mdr` for the plan's `NRS`, session 22) or mistyped (`Koen` for `Køn`), its missing
 * code 9 was read as an answer of 9. Such keys are refused with the key to write
 * (docs/plan-trial.md#codes-order-and-scope). A key naming a column of the export the plan does not
 * read passes: Table 1 and the cost-effectiveness analysis apply the codes to their own columns.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const dir = tempDir();
const PLAN = {
  arms: { intervention: 'App', control: 'Kontrol' },
  timepoints: ['3m'],
  timeLabels: { '3mdr': '3m', '0': 'baseline' },
  outcomes: [{ key: 'nrs', instrument: 'nrs', column: 'NRS' }],
  covariates: ['Køn'],
  methods: ['welch'],
};
/** A wide export: 12 patients, NRS at 0 and 3mdr (a 9 at 3mdr), Køn 1/2, højde (Table 1 only). */
const rows = Array.from({ length: 12 }, (_, i) => [`P${i + 1}`, i % 2 ? 'App' : 'Kontrol', 1 + (i % 2), 170 + i, 5 + (i % 3), i === 3 ? 9 : 3 + (i % 4)].join(';'));
const exportFile = join(dir, 'wide.csv');
writeFileSync(exportFile, ['id;arm;Køn;højde;NRS_0;NRS_3mdr', ...rows].join('\n') + '\n');

async function validate(columnCodes: object) {
  const plan = join(dir, `p${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(plan, JSON.stringify({ ...PLAN, columnCodes }));
  return runCli('validate', exportFile, '--plan', plan);
}

describe('columnCodes keys, checked against the export', () => {
  it('a key with a visit suffix in a wide export is refused, naming the column to write, and nothing is read', async () => {
    const r = await validate({ NRS_3mdr: { missing: [9] } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('without its visit suffix: "NRS" — a column\'s codes apply at every visit');
  });

  it('a near miss of a column of the export gets "did you mean"', async () => {
    const r = await validate({ Koen: { missing: [9] } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"columnCodes" keyed by a column of the export (did you mean "Køn"?); as written the codes apply to no column');
  });

  it('keys naming the plan\'s columns, or a column only Table 1 reads, pass', async () => {
    const r = await validate({ NRS: { missing: [9] }, Køn: { missing: [9] }, højde: { missing: [999] } });
    expect(r.stderr).not.toContain('columnCodes');
    expect(r.code).toBe(0);
  });
});
