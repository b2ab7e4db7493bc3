/**
 * `hta report` says how it read a trial export, as `hta analyze` does: an explorer's report run
 * over a Stata export with 11 `.a`/`.b`/`.r` cells and an `ARM` header for the plan's `arm`
 * printed only an MMRM warning. The read notes go to stderr, once per input however many reports
 * read it, and the special missing values are said on the page (English and Danish), where a
 * committee reads that Stata's "refused" and "not applicable" were analysed as missing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const FIXTURE = 'test/fixtures/stata-wide';

describe('hta report and how the export was read', () => {
  it('prints the read notes once on stderr, and says the special missing values on the page, en and da', async () => {
    const dir = tempDir();
    // The export with its arm column's header in capitals, as a Stata user may name it.
    writeFileSync(join(dir, 'trial.csv'), readFileSync(`${FIXTURE}/trial.csv`, 'utf8').replace(/^id,arm,/, 'id,ARM,'));
    writeFileSync(join(dir, 'plan.json'), readFileSync(`${FIXTURE}/plan.json`));
    const entry = { kind: 'trial', data: 'trial.csv', plan: 'plan.json' };
    writeFileSync(join(dir, 'reports.json'), JSON.stringify({ reports: [{ id: 'en', out: 'en', lang: 'en', ...entry }, { id: 'da', out: 'da', lang: 'da', ...entry }] }));
    const run = await runCli('report', '--manifest', join(dir, 'reports.json'), '--out', join(dir, 'out'));
    expect(run.code, run.stderr).toBe(0);
    const notes = run.stderr.split('\n').filter((l) => l.startsWith('note: '));
    expect(notes.filter((n) => n.includes('11 cells written as SAS/Stata special missing values (.a, .b, .r) read as missing'))).toHaveLength(1);
    expect(notes.filter((n) => /column "arm" read from header "ARM"/.test(n))).toHaveLength(1);
    const en = readFileSync(join(dir, 'out/en/index.html'), 'utf8');
    const da = readFileSync(join(dir, 'out/da/index.html'), 'utf8');
    expect(en).toContain('11 cells of the export were written as SAS/Stata special missing values (.a, .b, .r) and were read as missing: the analysis treats them as any other missing value, whatever reason the code stands for.');
    expect(da).toContain('11 celler i forsøgets eksport er skrevet som særlige manglende værdier fra SAS/Stata (.a, .b, .r) og er læst som manglende: analysen behandler dem som andre manglende værdier, uanset hvilken årsag koden står for.');
    expect(readFileSync(join(dir, 'out/en/README.md'), 'utf8')).toContain('special missing values (.a, .b, .r)');
  }, 120_000);
});
