/**
 * Two trial exports joined with `cat`: the second one's header line in the middle of the file
 * (a tester's registry-outcome export, 3 December 2026: "bommid.csv:302:3 (AppBruger):
 * "AppBruger" — expected an exposure value …; did you mean "Bruger"?", and with
 * --exclude-invalid it was dropped as a bad patient row). It is one problem naming its line, and
 * with --exclude-invalid it is left out with a note, not counted as an invalid row.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerRepeatTest } from '../../src/io/repeated-header.js';
import { runCli, tempDir } from '../support/run-cli.js';
import { trialPlanWithoutSensitivity } from '../support/trial-plan-without-sensitivity.js';

const EXPORT = 'data/synthetic/selfback-trial.csv';
const PLAN = 'data/plans/selfback.plan.json';

/** The bundled export cut in two after `at` data rows and joined again, the second part with its header (a BOM before it when asked). */
function joined(at: number, second = (h: string) => h): { file: string; line: number } {
  const [header, ...rows] = readFileSync(EXPORT, 'utf8').replace(/\n$/, '').split('\n');
  const file = join(tempDir(), 'joined.csv');
  writeFileSync(file, [header, ...rows.slice(0, at), second(header!), ...rows.slice(at)].join('\n') + '\n');
  return { file, line: at + 2 };
}

describe('a header line repeated inside a trial export (files joined)', () => {
  it('is one problem on its line, not a bad value in each cell (exit 2, nothing else reported)', async () => {
    const { file, line } = joined(300);
    const r = await runCli('validate', file, '--plan', PLAN, '--json');
    expect(r.code).toBe(2);
    const problems = r.stderr.split('\n').filter((l) => l.includes('joined.csv:'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`joined.csv:${line}:`);
    expect(problems[0]).toContain(`line ${line} repeats the header line (files joined?)`);
  });

  it('with --exclude-invalid is left out with a note, and the analysis is that of the export without it', async () => {
    const { file, line } = joined(300, (h) => `\ufeff${h}`);
    // How the export is read is compared: the sensitivity analyses would only slow both runs.
    const plan = trialPlanWithoutSensitivity();
    const clean = await runCli('analyze', EXPORT, '--plan', plan, '--json');
    const r = await runCli('analyze', file, '--plan', plan, '--json', '--exclude-invalid');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`line ${line} repeats the header line (files joined?): left out, not counted as an invalid row`);
    const a = JSON.parse(r.stdout), b = JSON.parse(clean.stdout);
    expect(a.results).toEqual(b.results);
    expect(a.input.excluded?.rows ?? 0).toBe(0);
  });

  it('in another column order is refused also with --exclude-invalid: the rows under it would be misread', async () => {
    const { file, line } = joined(100, (h) => h.split(',').reverse().join(','));
    const r = await runCli('analyze', file, '--plan', PLAN, '--exclude-invalid');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`line ${line} is the header line again, with the columns in another order than line 1`);
  });

  it('is told from a patient row by its names, compared as headers are (case, spaces, a byte-order mark)', () => {
    const fold = (s: string) => s.trim().toLowerCase();
    const headerAgain = (record: string[], header: string[], key: (s: string) => string) => headerRepeatTest(header, key)(record);
    expect(headerAgain(['\ufeffID', ' Arm ', 'rmdq'], ['id', 'arm', 'RMDQ'], fold)).toBe('same');
    expect(headerAgain(['arm', 'id', 'rmdq'], ['id', 'arm', 'rmdq'], fold)).toBe('reordered');
    expect(headerAgain(['1', 'app', '7'], ['id', 'arm', 'rmdq'], fold)).toBeUndefined();
    expect(headerAgain(['id', 'arm', ''], ['id', 'arm', 'rmdq'], fold)).toBeUndefined();
    // R's row-names column: an empty first name, and the first filled cell is what is compared first.
    expect(headerAgain(['', 'id', 'arm'], ['', 'id', 'arm'], fold)).toBe('same');
    expect(headerAgain(['7', 'id', 'arm'], ['', 'id', 'arm'], fold)).toBeUndefined();
  });
});
