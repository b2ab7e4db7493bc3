// A plan whose missing-value codes are every answer of an outcome (plan init once drafted the 25
// Swedish EQ-5D answers so): validate said "valid" with 0/0 at every visit. Refused instead,
// naming the outcome and the codes (src/trial/all-coded-missing.ts); an outcome column that is
// simply empty stays a note (test/trial/empty-outcomes.test.ts).
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const words = ['Jeg har verken smerter eller ubehag', 'Jeg har litt smerter eller ubehag', 'Jeg har middels sterke smerter eller ubehag', 'Jeg har sterke smerter eller ubehag', 'Jeg har svært sterke smerter eller ubehag'];
const csv = (() => {
  const lines = ['id;Gruppe;Tidspunkt;Smerte;EQ5D_smerte'];
  for (let p = 1; p <= 12; p++) for (const [k, t] of ['Baseline', '3m'].entries()) lines.push(`P${p};${p % 2 ? 'Intervensjon' : 'Kontroll'};${t};${(p * 3 + k) % 11};${words[(p + k) % 5]}`);
  return lines.join('\n') + '\n';
})();
const plan = {
  arms: { intervention: 'Intervensjon', control: 'Kontroll' },
  columns: { id: 'id', arm: 'Gruppe', time: 'Tidspunkt' },
  baseline: 'Baseline',
  timepoints: ['3m'],
  methods: ['ancova', 'welch'],
  missingCodes: words,
  outcomes: [
    { key: 'smerte', instrument: 'nrs', column: 'Smerte' },
    { key: 'eq5d_smerte', instrument: 'nrs', column: 'EQ5D_smerte' },
  ],
};

it('validate refuses an outcome whose every cell the plan codes missing, naming it, its column and the codes', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'eq.csv'), csv);
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  const r = await runCli('validate', join(dir, 'eq.csv'), '--plan', join(dir, 'plan.json'));
  expect(r.code).toBe(2);
  expect(r.stdout).not.toContain('valid');
  expect(r.stderr).toContain('outcome "eq5d_smerte" has no value at any visit: the plan\'s missing-value codes emptied every filled cell');
  expect(r.stderr).toContain('(EQ5D_smerte)');
  expect(r.stderr).toContain('"Jeg har litt smerter eller ubehag"');
  expect(r.stderr).toContain('take them out of "missingCodes" and give each its number in the outcome\'s "answers"');
  expect(r.stderr).not.toMatch(/\n\s+at /);
});

it('analyze refuses it too, and writes nothing', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'eq.csv'), csv);
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  const r = await runCli('analyze', join(dir, 'eq.csv'), '--plan', join(dir, 'plan.json'), '--csv', join(dir, 'effects.csv'));
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('outcome "eq5d_smerte" has no value at any visit');
  expect(readdirSync(dir).sort()).toEqual(['eq.csv', 'plan.json']);
});

it('an outcome with some values left after its codes is valid', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'eq.csv'), csv);
  writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...plan, missingCodes: words.slice(0, 4), outcomes: [plan.outcomes[0], { ...plan.outcomes[1], answers: { [words[4]!]: 5 } }] }));
  const r = await runCli('validate', join(dir, 'eq.csv'), '--plan', join(dir, 'plan.json'));
  expect(r.code, r.stderr).toBe(0);
});
