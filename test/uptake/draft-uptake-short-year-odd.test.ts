/**
 * `hta plan init --uptake`, two-digit years: one odd cell among the short dates (a typo
 * `13/13/24`, a four-digit `3/19/2024`) made the draft give up — no "dateFormat", firstYear next
 * year, no exportDate, the cell not named. Now the format of the many is drafted and the odd cell
 * named by line, as the auto path does. Dot and dash short dates (`28.11.23`, `28-11-23`, Excel's
 * short date in Nordic settings) are always day first: drafted "dd.mm.yy", "dd-mm-yy".
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { draftUptakePlan } from '../../src/uptake/draft-uptake-plan.js';
import { runCli, tempDir } from '../support/run-cli.js';

/** 30 referrals in 2024, every third never activated; `date(m, d, i)` writes a date. */
function registry(date: (m: number, d: number, i: number) => string): string {
  const lines = ['id,region,clinic,referred,activated,last_active,age,sex,referrer'];
  for (let i = 0; i < 30; i++) {
    const m = (i % 12) + 1, d = ((i * 7) % 25) + 1;
    const act = i % 3 ? date(m, d + 1, i) : '';
    lines.push(`R${i},Hovedstaden,H00${i % 4},${date(m, d, i)},${act},${act ? date(m, d + 3, i) : ''},${30 + i},${i % 2 ? 'm' : 'f'},gp`);
  }
  return lines.join('\n') + '\n';
}

function draftOf(text: string) {
  const dir = tempDir();
  const file = join(dir, 'registry.csv');
  writeFileSync(file, text);
  return { dir, file, ...draftUptakePlan(file) };
}

it('one typo among US short dates: "mm/dd/yy" drafted, the dates read, the typo named by its line', () => {
  const d = draftOf(registry((m, d, i) => (i === 5 ? '13/13/24' : `${m}/${d}/24`)));
  expect(d.plan.dateFormat).toBe('mm/dd/yy');
  expect(d.plan.firstYear).toBe(2025);
  expect(d.plan.exportDate).toMatch(/^2024-/);
  expect(d.notes.join('\n')).toContain('not in that format: "13/13/24" on line 7 — correct it in the export');
});

it('one four-digit year among them: drafted, and the cell named', () => {
  const d = draftOf(registry((m, d, i) => (i === 3 ? `${m}/${d}/2024` : `${m}/${d}/24`)));
  expect(d.plan.dateFormat).toBe('mm/dd/yy');
  expect(d.notes.join('\n')).toContain('not in that format: "4/22/2024" on line 5');
});

it.each([
  ['dots', '.', 'dd.mm.yy'],
  ['dashes', '-', 'dd-mm-yy'],
])('short dates with %s: day first, drafted, and hta uptake reads the registry with the plan', async (_what, sep, format) => {
  const d = draftOf(registry((m, d) => `${d}${sep}${m}${sep}24`));
  expect(d.plan.dateFormat).toBe(format);
  expect(d.plan.firstYear).toBe(2025);
  expect(d.plan.exportDate).toMatch(/^2024-/);
  expect(d.notes.join('\n')).toContain(`drafted as "dateFormat": "${format}" (day first, as such dates always are)`);
  const plan = join(d.dir, 'uptake-plan.json');
  writeFileSync(plan, JSON.stringify(d.plan, null, 2));
  const eligible = join(d.dir, 'eligible.csv');
  writeFileSync(eligible, 'region,year,eligible\n' + [2024, 2025, 2026, 2027].map((y) => `Hovedstaden,${y},40000`).join('\n') + '\n');
  const r = await runCli('uptake', d.file, '--plan', plan, '--eligible', eligible);
  expect(r.stderr).not.toMatch(/^error/m);
  expect(r.code).toBe(0);
});

// Many of each (`3/4/25` and `3/4/2025`): the note for two-digit years alone said to set
// "mm/dd/yy" or "dd/mm/yy", which refuses every four-digit cell, and "mm/dd/yyyy" the others.
it('two- and four-digit years in larger numbers: no format drafted, the note names example cells of each kind', async () => {
  const d = draftOf(registry((m, d, i) => (i % 3 === 0 ? `${m}/${d}/2024` : `${m}/${d}/24`)));
  expect(d.plan.dateFormat).toBeUndefined();
  const notes = d.notes.join('\n');
  expect(notes).toContain('dates are written with two-digit years (');
  expect(notes).toContain('"2/9/24" on line 3');
  expect(notes).toContain('and four-digit years (');
  expect(notes).toContain('"1/1/2024" on line 2');
  expect(notes).toContain('no one "dateFormat" reads both, so none is drafted');
  expect(notes).not.toContain('which auto does not guess');
  expect(notes).not.toContain('set "dateFormat": "mm/dd/yy"');
  // And hta uptake, given either short-year format, refuses the other kind's cells by line: never read half.
  const plan = join(d.dir, 'uptake-plan.json');
  writeFileSync(plan, JSON.stringify({ ...d.plan, dateFormat: 'mm/dd/yy' }, null, 2));
  const eligible = join(d.dir, 'eligible.csv');
  writeFileSync(eligible, 'region,year,eligible\n' + [2024, 2025, 2026, 2027].map((y) => `Hovedstaden,${y},40000`).join('\n') + '\n');
  const r = await runCli('uptake', d.file, '--plan', plan, '--eligible', eligible);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('registry.csv:lines 2, 5, 8');
  expect(r.stderr).toContain('"1/1/2024"');
});

// A third kind of cell beside the mix (a typo, or ISO dates from a merged file) brought back the
// note for two-digit years alone, whose "mm/dd/yy"/"dd/mm/yy" refuses every four-digit cell.
it('the mix with one typo besides: still the mixed-years note, the typo named by its line', () => {
  const d = draftOf(registry((m, d, i) => (i === 4 ? '31/02/2x' : i % 3 === 0 ? `${m}/${d}/2024` : `${m}/${d}/24`)));
  expect(d.plan.dateFormat).toBeUndefined();
  const notes = d.notes.join('\n');
  expect(notes).toContain('and four-digit years (');
  expect(notes).toContain('in neither kind: "31/02/2x" on line 6 (correct it too)');
  expect(notes).not.toContain('set "dateFormat": "mm/dd/yy"');
});

it('two-digit years mixed with ISO dates (a merged file): the mixed-years note, the ISO cells as the four-digit kind', () => {
  const iso = (m: number, d: number) => `2024-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const d = draftOf(registry((m, d, i) => (i % 3 === 0 ? iso(m, d) : `${m}/${d}/24`)));
  expect(d.plan.dateFormat).toBeUndefined();
  const notes = d.notes.join('\n');
  expect(notes).toContain('and four-digit years (');
  expect(notes).toContain('"2024-01-01" on line 2');
  expect(notes).not.toContain('set "dateFormat": "mm/dd/yy"');
});

// hta uptake with a four-digit format on such a column refused every two-digit cell saying to set
// "mm/dd/yy" or "dd/mm/yy" — which moves the refusal to the four-digit cells. Said as the mix.
it('hta uptake, "mm/dd/yyyy" on a column of both: the two-digit cells refused as a mix of years, not told to set "mm/dd/yy"', async () => {
  const d = draftOf(registry((m, d, i) => (i % 3 === 0 ? `${m}/${d}/2024` : `${m}/${d}/24`)));
  const eligible = join(d.dir, 'eligible.csv');
  writeFileSync(eligible, 'region,year,eligible\n' + [2024, 2025, 2026, 2027].map((y) => `Hovedstaden,${y},40000`).join('\n') + '\n');
  const plan = join(d.dir, 'uptake-plan.json');
  writeFileSync(plan, JSON.stringify({ ...d.plan, dateFormat: 'mm/dd/yyyy' }, null, 2));
  const r = await runCli('uptake', d.file, '--plan', plan, '--eligible', eligible);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('"2/9/24"');
  expect(r.stderr).toContain('(two- and four-digit years mixed: this date\'s year has two digits, other dates of the file were read with four, and no one "dateFormat" reads both');
  expect(r.stderr).not.toContain('set "dateFormat": "mm/dd/yy"');
  // Only two-digit years: the advice to name the two-digit format stands.
  const only = draftOf(registry((m, d) => `${m}/${d}/24`));
  const plan2 = join(only.dir, 'uptake-plan.json');
  writeFileSync(plan2, JSON.stringify({ ...only.plan, dateFormat: 'mm/dd/yyyy' }, null, 2));
  const r2 = await runCli('uptake', only.file, '--plan', plan2, '--eligible', eligible);
  expect(r2.code).toBe(2);
  expect(r2.stderr).toContain('set "dateFormat": "mm/dd/yy"');
  expect(r2.stderr).not.toContain('years mixed');
});
