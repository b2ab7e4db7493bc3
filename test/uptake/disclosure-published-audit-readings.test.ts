/**
 * How the audit of a published file reads it with an earlier one when their numbers do not fit
 * together (docs/disclosure-control.md "Audit", "Hidden before, hidden again"). Hand-built files
 * of one region, activations only:
 *
 * - P1 (31 October 2025) hid March's and April's 2024 activations (3 + 6: the 2024 row, 27, less
 *   May's 10 and June's 8). P2 (30 November) prints March as 10 (late activations of an old
 *   cohort) and hides April and June (6 + 8). P2's own audit reads P1's prints as earlier parts of
 *   its counts (they grew: the LP holds). The earlier-file check reads P1 with its hidden, settled
 *   counts taken from P2 (March 10: April would be −1), at half a year and at a year after the
 *   period: neither fits, so that check is not run and the audit says so ("not checked against
 *   P1.json"). A real publication reaches it the same way: made without --previous, or with a
 *   cohort's activations registered late.
 * - A file whose own numbers contradict each other (a year row smaller than its printed months
 *   with one hidden): no table of counts gives them, and the audit refuses it (exit 2).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditPublishedFile } from '../../src/uptake/disclosure/published-audit.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

type Count = number | 'suppressed';
const row = (period: string, referrals: number, activations: Count) => ({ region: 'A', period, dimension: 'all', level: 'all', referrals, activations });
/** Four months of 2024 with 20 referrals each (March `march` instead), their year and the whole export. */
const file = (exportDate: string, activations: Record<string, Count>, march = 20) => ({
  exportDate, rows: 60 + march,
  suppression: { threshold: 5, protectionLevel: 5, zerosSensitive: false },
  metrics: [...['2024-03', '2024-04', '2024-05', '2024-06'].map((m) => row(m, m === '2024-03' ? march : 20, activations[m]!)), row('2024', 60 + march, activations['2024']!), row('all', 60 + march, activations['2024']!)],
  uptake: [], budget: { observed: [] },
});
const P1 = file('2025-10-31', { '2024-03': 'suppressed', '2024-04': 'suppressed', '2024-05': 10, '2024-06': 8, '2024': 27 });

function write(dir: string, name: string, json: unknown): string {
  const f = join(dir, name);
  writeFileSync(f, JSON.stringify(json, null, 1));
  return f;
}

describe('an earlier file that its hidden counts, read from this file, contradict', () => {
  it('is named as not checked, and the rest of the audit runs', async () => {
    const dir = tempDir();
    const p1 = write(dir, 'P1.json', P1);
    const p2 = write(dir, 'P2.json', file('2025-11-30', { '2024-03': 10, '2024-04': 'suppressed', '2024-05': 10, '2024-06': 'suppressed', '2024': 34 }));
    const r = auditPublishedFile(p2, [p1]);
    expect(r.earlierDisagree).toEqual([p1]);
    expect(r.earlierPinned).toEqual([]);
    // P2's own audit still ran: April and June (6 + 8; June at least P1's 8) each open.
    expect(r.audit.narrow).toEqual([]);
    expect(r.audit.intervals.map((i) => `${i.cell}: ${i.lower} … ${i.upper}`)).toEqual(['activations · A · 2024-04 · all=all: 0 … 6', 'activations · A · 2024-06 · all=all: 8 … 14']);
    const cli = await runCli('uptake', '--audit', '--published', p2, '--previous', p1);
    expect(cli.stderr).toBe('');
    expect(cli.code, cli.stdout).toBe(1);
    expect(cli.stdout).toContain(`(not checked against ${p1}: a settled count there differs here in a period this file does not list as changed`);
  });

  it('the same counts as P1 had them (April 6 printed): checked, and P1\'s hidden March pinned', () => {
    const dir = tempDir();
    const p1 = write(dir, 'P1.json', P1);
    const p2 = write(dir, 'P2.json', file('2025-11-30', { '2024-03': 'suppressed', '2024-04': 6, '2024-05': 10, '2024-06': 8, '2024': 27 }));
    const r = auditPublishedFile(p2, [p1]);
    expect(r.earlierDisagree).toEqual([]);
    // P2's 6 for April, read into P1, pins P1's hidden March at 3.
    expect(r.earlierPinned).toEqual([{ file: p1, cell: 'activations · A · 2024-03 · all=all', lower: 3, upper: 3 }]);
  });
});

describe('an earlier file read with this file\'s counts of a period that changed unlisted', () => {
  it('does not take them for the same counts: no false pin', () => {
    // P1 hid March's and April's activations (7 + 8). P2, made without --previous, prints March's
    // referrals as 21 (P1: 20, final): a late registration, activated (March's activations 8).
    // Read as P1's March, the 8 would pin P1's hidden April at 33 − 8 − 10 − 8 = 7 (it was 8).
    const dir = tempDir();
    const p1 = write(dir, 'P1.json', file('2025-10-31', { '2024-03': 'suppressed', '2024-04': 'suppressed', '2024-05': 10, '2024-06': 8, '2024': 33 }));
    const p2 = write(dir, 'P2.json', file('2025-11-30', { '2024-03': 8, '2024-04': 'suppressed', '2024-05': 10, '2024-06': 'suppressed', '2024': 34 }, 21));
    const r = auditPublishedFile(p2, [p1]);
    expect(r.audit.disclosedDifferences.map((d) => d.cell)).toContain('referrals · A · 2024-03 · all=all published on 2025-10-31 − the same count now (a closed period changed)');
    expect(r.earlierPinned).toEqual([]);
    expect(r.earlierDisagree).toEqual([]);
  });
});

describe('a file whose own numbers contradict each other', () => {
  it('is refused: exit 2, the message on stderr, nothing on stdout', async () => {
    const dir = tempDir();
    // March hidden, April 6, May 10 and June 8 printed, the year 20: March would be −4.
    const edited = write(dir, 'edited.json', file('2025-11-30', { '2024-03': 'suppressed', '2024-04': 6, '2024-05': 10, '2024-06': 8, '2024': 20 }));
    const cli = await runCli('uptake', '--audit', '--published', edited);
    expect(cli.code).toBe(2);
    expect(cli.stdout).toBe('');
    // The file read is named (review: the message named none).
    expect(cli.stderr).toContain(`the audit cannot read the published numbers of ${edited} together: they contradict each other`);
    expect(cli.stderr).not.toMatch(/\n\s+at /);
  });
});
