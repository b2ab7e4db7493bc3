/**
 * A wide Danish export whose scores pass through the plan's missing-value codes (`999`, `Ved
 * ikke`): `hta score` added the values analysed as `rmdq_3m` beside the export's `RMDQ_3m`, a
 * copy differing only in case, and `hta plan init` on that file drafted a second outcome
 * `rmdq_3` without its column, so the draft failed its own validate ("the plan drafted … does
 * not pass hta validate") and nothing was written. Found by a new user (docs explorer, s30).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { runCli, tempDir } from '../support/run-cli.js';

const FIXTURES = 'test/fixtures/docs-recipes';

describe('hta score: no added column that is an input column but for case', () => {
  it('the values analysed of RMDQ_3m go to rmdq_3m_score, not to a second rmdq_3m', async () => {
    const out = join(tempDir(), 'scored.csv');
    const r = await runCli('score', `${FIXTURES}/mytrial-wide.csv`, '--plan', `${FIXTURES}/mytrial.plan.json`, '--out', out);
    expect(r.code).toBe(0);
    const { header, records } = parseCsvText(readFileSync(out, 'utf8'), 'scored.csv');
    const lower = header.map((h) => h.toLowerCase());
    expect(new Set(lower).size).toBe(header.length);
    expect(header.slice(10)).toEqual(['rmdq_baseline_score', 'rmdq_3m_score', 'rmdq_9m_score', 'nrs_baseline_score', 'nrs_3m_score', 'nrs_9m_score']);
    // P007's 3-month RMDQ is the code 999: the copy holds the value analysed (none); its 9-month 3 stays 3.
    const p007 = records.find((rec) => rec.raw[0] === 'P007')!;
    expect([p007.raw[5], p007.raw[11], p007.raw[6], p007.raw[12]]).toEqual(['999', '', '3', '3']);
  });
});

describe('hta plan init on a scored export', () => {
  it('one outcome per score when an earlier score wrote case-only copies (rmdq_3m beside RMDQ_3m)', async () => {
    const out = join(tempDir(), 'plan.json');
    const r = await runCli('plan', 'init', `${FIXTURES}/scored-by-hta-0.1-s29.csv`, '--out', out);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    const plan = JSON.parse(readFileSync(out, 'utf8')) as { outcomes: { key: string }[] };
    expect(plan.outcomes.map((o) => o.key)).toEqual(['rmdq', 'nrs']);
    expect(r.stderr).toContain('not drafted: "rmdq", the column "RMDQ" but for case (one score, drafted once)');
  });

  it('a second column drafted as the same instrument under a new key names its column (rmdq_total, then rmdq)', async () => {
    const dir = tempDir();
    const csv = join(dir, 'export.csv');
    writeFileSync(csv, ['id,arm,time,rmdq_total,rmdq', '1,app,baseline,12,11', '1,app,3m,8,8', '2,usual,baseline,14,13', '2,usual,3m,12,12', '3,app,baseline,9,9', '3,app,3m,4,5', '4,usual,baseline,10,10', '4,usual,3m,10,9', ''].join('\n'));
    const out = join(dir, 'plan.json');
    const r = await runCli('plan', 'init', csv, '--out', out);
    expect(r.stderr).not.toMatch(/error/);
    const plan = JSON.parse(readFileSync(out, 'utf8')) as { outcomes: { key: string; column?: string }[] };
    expect(plan.outcomes).toMatchObject([{ key: 'rmdq', column: 'rmdq_total' }, { key: 'rmdq_2', column: 'rmdq' }]);
    expect((await runCli('validate', csv, '--plan', out)).code).toBe(0);
  });
});
