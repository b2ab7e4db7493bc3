import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const PLAN = 'data/plans/selfback.plan.json';
const TRIAL = 'data/synthetic/selfback-trial.csv';

const SMALL_PLAN = {
  arms: { intervention: 'app', control: 'usual' },
  timepoints: ['3m'],
  outcomes: [
    { key: 'rmdq', instrument: 'rmdq' },
    { key: 'eq5d', instrument: 'eq5d5l' },
  ],
};
const HEADER = ['id', 'arm', 'time', ...Array.from({ length: 24 }, (_, i) => `rmdq_${i + 1}`), 'eq5d_mo', 'eq5d_sc', 'eq5d_ua', 'eq5d_pd', 'eq5d_ad'];
const items = (yes: number) => Array.from({ length: 24 }, (_, i) => (i < yes ? '1' : '0'));
const SMALL = [
  HEADER.join(','),
  ['P1', 'app', 'baseline', ...items(12), '1', '1', '1', '2', '3'].join(','),
  ['P1', 'app', '3m', ...items(8), '1', '3', '2', '2', '4'].join(','),
  ['P2', 'usual', 'baseline', ...items(10), '5', '5', '5', '5', '5'].join(','),
].join('\n');

function setup(csv: string, plan: object = SMALL_PLAN) {
  const dir = tempDir();
  writeFileSync(join(dir, 'in.csv'), csv);
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  return { dir, csv: join(dir, 'in.csv'), plan: join(dir, 'plan.json'), out: join(dir, 'out.csv') };
}

describe('hta score', () => {
  it('appends computed scores and leaves the input untouched', async () => {
    const f = setup(SMALL);
    const r = await runCli('score', f.csv, '--plan', f.plan, '--out', f.out);
    expect(r.code).toBe(0);
    expect(readFileSync(f.csv, 'utf8')).toBe(SMALL);
    const lines = readFileSync(f.out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(`${HEADER.join(',')},rmdq,eq5d`);
    // 11123 → 0.761; 13224 → 0.439; 55555 → −0.758 (Danish 5L value set)
    expect(lines.slice(1).map((l) => l.split(',').slice(-2).join(','))).toEqual(['12,0.761', '8,0.439', '10,-0.758']);
  });

  it('writes back a semicolon + decimal-comma file with BOM and CRLF in its own dialect', async () => {
    const dk = '\uFEFF' + SMALL.replace(/,/g, ';').replace(/\n/g, '\r\n');
    const f = setup(dk);
    const r = await runCli('score', f.csv, '--plan', f.plan, '--out', f.out);
    expect(r.code).toBe(0);
    const out = readFileSync(f.out, 'utf8');
    expect(out.startsWith('\uFEFF')).toBe(true);
    expect(out.split('\r\n')[1]?.endsWith(';12;0,761')).toBe(true);
  });

  for (const [name, mutate, where] of [
    ['an out-of-range item (RMDQ item 2)', (s: string) => s.replace('P1,app,baseline,1', 'P1,app,baseline,2'), /in\.csv:2:4 \(rmdq_1\): "2" — expected an answer from 0 to 1/],
    ['an EQ-5D level 6', (s: string) => s.replace(/5,5,5,5,5$/, '5,5,6,5,5'), /in\.csv:4:30 \(eq5d_ua\): "6"/],
    ['an unknown arm', (s: string) => s.replace('P2,usual', 'P2,placebo'), /in\.csv:4:2 \(arm\): "placebo" — expected an arm value/],
    ['a duplicate row', (s: string) => s + '\n' + s.split('\n')[3], /in\.csv:5:1 \(id\): — expected one row per patient and time point \(this patient's "baseline" row is on line 4\)/],
  ] as const) {
    it(`rejects ${name}: exit 2, message with line and column, nothing written`, async () => {
      const f = setup(mutate(SMALL));
      const r = await runCli('score', f.csv, '--plan', f.plan, '--out', f.out);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(where);
      expect(existsSync(f.out)).toBe(false);
    });
  }

  it('refuses to overwrite its input', async () => {
    const f = setup(SMALL);
    const r = await runCli('score', f.csv, '--plan', f.plan, '--out', f.csv);
    expect(r.code).toBe(2);
    expect(readFileSync(f.csv, 'utf8')).toBe(SMALL);
  });
});

describe('hta validate', () => {
  it('summarises the bundled synthetic trial', async () => {
    const r = await runCli('validate', TRIAL, '--plan', PLAN, '--json');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.patients).toEqual({ intervention: 232, control: 229 });
    expect(s.outcomes.map((o: { key: string }) => o.key)).toEqual(['rmdq', 'pain_avg', 'pain_worst', 'pseq', 'eq5d', 'was', 'med_use']);
    expect(s.outcomes[0].from).toBe('items');
  });
  it('exits 2 for a missing file and for a bad plan', async () => {
    expect((await runCli('validate', 'no/such.csv')).code).toBe(2);
    const f = setup(SMALL, { arms: { intervention: 'app' }, timepoints: [], outcomes: [] });
    const r = await runCli('validate', f.csv, '--plan', f.plan);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/plan\.json:1:\d+ \(arms\.control\): — expected "control" is required/);
  });
});

describe('hta (top level)', () => {
  it('--help lists only working commands; --version prints the version', async () => {
    const h = await runCli('--help');
    expect(h.code).toBe(0);
    for (const c of ['validate', 'score', 'analyze', 'simulate', 'plan']) expect(h.stdout).toContain(c);
    const v = await runCli('--version');
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
  it('an unknown command is a usage error with a suggestion', async () => {
    const r = await runCli('valdate');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Did you mean validate/);
  });
});
