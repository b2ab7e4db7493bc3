/**
 * `hta plan init --uptake` on a registry whose dates are Excel's short date with a two-digit year
 * (`3/19/24`): the reader reads them once "dateFormat" names the order ("mm/dd/yy", "dd/mm/yy"),
 * but the draft named none, so it read no referral date (firstYear next year, no exportDate).
 * Now the draft sets the order the cells show, or says it is undecidable with example cells. A
 * registry column named twice, which the reader refuses, is said in the reader's words, as a
 * warning (its own "warning:" prefix, not a note).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftUptakePlan } from '../../src/uptake/draft-uptake-plan.js';
import { runCli, tempDir } from '../support/run-cli.js';

/** 30 referrals in 2024, every third never activated; `date(m, d)` writes a date, `extra` adds a column. */
function registry(date: (m: number, d: number) => string, extra?: { name: string; cell: (i: number) => string }): string {
  const lines = [`id,region,clinic,referred,activated,last_active,age,sex,referrer${extra ? `,${extra.name}` : ''}`];
  for (let i = 0; i < 30; i++) {
    const m = (i % 12) + 1, d = ((i * 7) % 25) + 1;
    const act = i % 3 ? date(m, d + 1) : '';
    lines.push(`R${i},Hovedstaden,H00${i % 4},${date(m, d)},${act},${act ? date(m, d + 3) : ''},${30 + i},${i % 2 ? 'm' : 'f'},gp${extra ? `,${extra.cell(i)}` : ''}`);
  }
  return lines.join('\n') + '\n';
}

/** An eligible file for the registry's one region, 2024–2027. */
function eligibleFile(dir: string): string {
  const file = join(dir, 'eligible.csv');
  writeFileSync(file, 'region,year,eligible\n' + [2024, 2025, 2026, 2027].map((y) => `Hovedstaden,${y},40000`).join('\n') + '\n');
  return file;
}

function draftOf(text: string) {
  const file = join(tempDir(), 'registry.csv');
  writeFileSync(file, text);
  return { file, ...draftUptakePlan(file) };
}

describe('two-digit-year slash dates', () => {
  it('month first (Excel\'s US short date): drafted "mm/dd/yy", naming the cell that decides, and the dates are read', () => {
    const d = draftOf(registry((m, d) => `${m}/${d}/24`));
    expect(d.plan.dateFormat).toBe('mm/dd/yy');
    expect(d.plan.firstYear).toBe(2025);
    expect(d.plan.exportDate).toMatch(/^2024-/);
    expect(d.notes.join('\n')).toContain('drafted as "dateFormat": "mm/dd/yy": "3/15/24" on line 4 is month first');
  });

  it('day first: drafted "dd/mm/yy"', () => {
    const d = draftOf(registry((m, d) => `${d}/${m}/24`));
    expect(d.plan.dateFormat).toBe('dd/mm/yy');
    expect(d.notes.join('\n')).toContain('"15/3/24" on line 4 is day first');
  });

  it('every date with both parts ≤ 12: no format drafted, the note names example cells and both formats', () => {
    const d = draftOf(registry((m, d) => `${m}/${Math.min(d, 12)}/24`));
    expect(d.plan.dateFormat).toBeUndefined();
    const notes = d.notes.join('\n');
    expect(notes).toContain('dates are written with slashes and two-digit years (such as "1/1/24" on line 2, "2/8/24" on line 3, "2/9/24" on line 3)');
    expect(notes).toContain('month first ("dateFormat": "mm/dd/yy", Excel\'s US short date) and day first ("dd/mm/yy") cannot be told apart');
  });

  it('the drafted plan runs: hta uptake reads the registry with it', async () => {
    const d = draftOf(registry((m, d) => `${m}/${d}/24`));
    const dir = tempDir();
    const plan = join(dir, 'uptake.json');
    writeFileSync(plan, JSON.stringify(d.plan));
    const r = await runCli('uptake', d.file, '--plan', plan, '--eligible', eligibleFile(dir));
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('30 referrals read');
  });
});

it('a registry column named twice: the draft warns in the words hta uptake refuses it with', async () => {
  const d = draftOf(registry((m, d) => `2024-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, { name: 'activated', cell: () => '' }));
  const warning = d.warnings.find((n) => n.includes('names a registry column twice'))!;
  expect(warning).toBeDefined();
  expect(d.notes.join('\n')).not.toContain('names a registry column twice');
  const dir = tempDir();
  const plan = join(dir, 'uptake.json');
  writeFileSync(plan, JSON.stringify(d.plan));
  const r = await runCli('uptake', d.file, '--plan', plan, '--eligible', eligibleFile(dir));
  expect(r.code).toBe(2);
  const refusal = r.stderr.split('\n').find((l) => l.includes('expected one header column'))!.trim();
  expect(warning).toContain(refusal);
  expect(readFileSync(d.file, 'utf8')).toContain(',activated\n');
});

// It was pushed among the notes as "warning: …" and printed "note: warning: …".
it('a registry column named twice is printed as a warning of its own, never "note: warning:"', async () => {
  const d = draftOf(registry((m, d) => `2024-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, { name: 'activated', cell: () => '' }));
  const r = await runCli('plan', 'init', '--uptake', d.file);
  expect(r.code).toBe(0);
  expect(r.stderr).not.toContain('note: warning');
  const lines = r.stderr.split('\n').filter((l) => l.includes('names a registry column twice'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^warning: ${d.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} names a registry column twice, and hta uptake refuses it`));
});
