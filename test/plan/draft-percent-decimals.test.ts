// ODI written with a per-cent sign (`56,6 %`, Excel's percentage format, a Swedish export): plan
// init drafted "decimals": false since it read no `%` cell, and validate then asked for "a whole
// number … without the % sign (56,6, not 56,6 %)" — a value its own first words forbid.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

/** 20 patients at baseline and 3 months; ODI cells written by `cell`. */
function export_(cell: (p: number, k: number) => string): string {
  const lines = ['id;Grupp;Tidpunkt;ODI (%);Ålder'];
  for (let p = 1; p <= 20; p++) for (const [k, t] of ['Baseline', '3m'].entries()) lines.push(`P${p};${p % 2 ? 'Interventionsgrupp' : 'Kontrollgrupp'};${t};${cell(p, k)};${30 + p}`);
  return lines.join('\n') + '\n';
}
const decimalPercent = export_((p, k) => `${10 + ((p * 7 + k * 3) % 60)},${(p + k) % 10} %`);
const wholePercent = export_((p, k) => `${10 + ((p * 7 + k * 3) % 60)} %`);
const draft = (text: string) => draftPlan(parseCsvText(text, 'odi.csv'), 'plan.schema.json');

it('plan init decides "decimals" from the numbers with their % sign removed', () => {
  const instruments = (text: string) => (draft(text).plan.instruments as Record<string, { decimals?: boolean }>).odi!;
  expect(instruments(decimalPercent).decimals).toBe(true);
  expect(instruments(wholePercent).decimals).toBe(false);
});

const plan = (decimals: boolean) => ({
  arms: { intervention: 'Interventionsgrupp', control: 'Kontrollgrupp' },
  columns: { id: 'id', arm: 'Grupp', time: 'Tidpunkt' },
  baseline: 'Baseline',
  timepoints: ['3m'],
  methods: ['ancova', 'welch'],
  instruments: { odi: { label: { en: 'Oswestry Disability Index (0–100)', da: 'Oswestry Disability Index (0–100)' }, range: [0, 100], direction: 'lower-is-better', mcid: 10, mcidSource: 'Ostelo et al. 2008', decimals } },
  outcomes: [{ key: 'odi', instrument: 'odi', column: 'ODI (%)' }],
});

async function validate(text: string, decimals: boolean) {
  const dir = tempDir();
  writeFileSync(join(dir, 'odi.csv'), text);
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan(decimals)));
  return runCli('validate', join(dir, 'odi.csv'), '--plan', join(dir, 'plan.json'));
}

it('validate on a whole-number instrument never says "a whole number" beside a decimal example: it says to allow decimals', async () => {
  const r = await validate(decimalPercent, false);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/expected a number from 0 to 100 \(Oswestry Disability Index \(0–100\)\), without the % sign \(\d+,\d, not \d+,\d %\)/);
  // Only the cells whose number is whole (`16,0 %`) are grouped under "a whole number".
  for (const line of r.stderr.split('\n').filter((l) => /"\d+,[1-9] %"/.test(l))) expect(line).not.toContain('a whole number');
  expect(r.stderr).toContain('set "decimals": true in the plan\'s "instruments.odi"');
});

it('a whole per-cent value keeps "a whole number" and no decimals advice', async () => {
  const r = await validate(wholePercent, false);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/expected a whole number from 0 to 100 .*without the % sign \(\d+, not \d+ %\)/);
  expect(r.stderr).not.toContain('"decimals": true');
});

// ODI is mostly whole (2 × the sum), with decimals only where an item is missing: the first cell
// `33 %` gave the whole group "a whole number", and `54,5 %` got no decimals advice.
it('whole and decimal per-cent cells in one column: the decimal ones are told to allow decimals', async () => {
  const mixed = export_((p, k) => (p === 1 && k === 0 ? '33 %' : `${10 + ((p * 7 + k * 3) % 60)},5 %`));
  const r = await validate(mixed, false);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/"\d+,5 %".* — expected a number from 0 to 100 \(Oswestry Disability Index \(0–100\)\), without the % sign \(\d+,5, not \d+,5 %\).*set "decimals": true/);
  expect(r.stderr).toMatch(/"33 %" — expected a whole number from 0 to 100/);
});
