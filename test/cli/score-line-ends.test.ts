/**
 * `hta score` writes its copy with the input's own line ends: a file from Excel for old Macs
 * ("CSV (Macintosh)") ends its lines in CR alone, and its copy did in LF (found by a tester;
 * docs/input-trial-export.md says score keeps the input's dialect).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { runCli, tempDir } from '../support/run-cli.js';

// A missing-value code on the score column: score adds the column of values analysed.
const ROWS = ['id;gruppe;tid;rmdq', '1;app;baseline;12', '1;app;3m;999', '2;usual;baseline;9'];
const PLAN = { arms: { intervention: 'app', control: 'usual' }, columns: { arm: 'gruppe', time: 'tid' }, timepoints: ['3m'], missingCodes: [999], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }] };

describe('score keeps the line ends', () => {
  it('CR alone (old Mac Excel) in, CR alone out; CRLF and LF as before', async () => {
    for (const eol of ['\r', '\r\n', '\n']) await scoreWith(eol);
  });
});

/** Scores the rows written with `eol` and checks the copy has the same line ends. */
async function scoreWith(eol: string): Promise<void> {
  const dir = tempDir();
  const csv = join(dir, 'in.csv');
  writeFileSync(csv, ROWS.join(eol) + eol);
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(PLAN));
  const out = join(dir, 'out.csv');
  const r = await runCli('score', csv, '--plan', join(dir, 'plan.json'), '--out', out);
  expect(r.stderr).not.toMatch(/error/);
  const text = readFileSync(out, 'utf8');
  expect(text.split(eol)).toEqual([...ROWS.map((row, i) => `${row};${['rmdq_score', '12', '', '9'][i]}`), '']);
  if (eol !== '\n') expect(text.replaceAll(eol, '')).not.toMatch(/[\r\n]/);
  expect(parseCsvText(ROWS.join(eol), 'x.csv').dialect.cr).toBe(eol === '\r' ? true : undefined);
}
