// An export whose EQ-5D answers read as the EQ-5D-3L got no draft at all: the 3L index has no
// built-in MCID, and plan init refused its own draft. It is now drafted without the MCID, a check
// says so, and validate and analyze refuse the plan until the user gives it — the usual message
// (docs/plan-trial.md "EQ-5D answers written as their labels"). The 5L is drafted as before.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

type Outcome = { key: string; instrument: string; mcid?: number; answers?: Record<string, number> };

/** 20 patients at baseline and 3 months, one answer per dimension column: its levels[(p + k + visit) % n]. */
function export_(columns: Record<string, readonly string[]>): string {
  const names = Object.keys(columns);
  const lines = [`id;Gruppe;Tidspunkt;${names.join(';')}`];
  for (let p = 1; p <= 20; p++) {
    ['Baseline', '3 måneder'].forEach((v, t) => {
      lines.push(`P${p};${p % 2 ? 'Intervensjon' : 'Kontroll'};${v};${names.map((c, k) => columns[c]![(p + k + t) % columns[c]!.length]).join(';')}`);
    });
  }
  return lines.join('\n') + '\n';
}

// The Norwegian EQ-5D-3L, each dimension's levels 1–3 in order.
const NORWEGIAN_3L = {
  EQ5D_gange: ['Jeg har ingen problemer med å gå omkring', 'Jeg har litt problemer med å gå omkring', 'Jeg er sengeliggende'],
  EQ5D_personlig_stell: ['Jeg har ingen problemer med personlig stell', 'Jeg har litt problemer med å vaske meg eller kle meg', 'Jeg er ute av stand til å vaske meg eller kle meg'],
  EQ5D_vanlige_gjoremal: ['Jeg har ingen problemer med å utføre mine vanlige gjøremål', 'Jeg har litt problemer med å utføre mine vanlige gjøremål', 'Jeg er ute av stand til å utføre mine vanlige gjøremål'],
  EQ5D_smerte: ['Jeg har verken smerter eller ubehag', 'Jeg har moderate smerter eller ubehag', 'Jeg har sterke smerter eller ubehag'],
  EQ5D_angst: ['Jeg er ikke engstelig eller deprimert', 'Jeg er noe engstelig eller deprimert', 'Jeg er svært engstelig eller deprimert'],
};
// The Norwegian EQ-5D-5L, levels 1–5.
const NORWEGIAN_5L = {
  EQ5D_gange: ['Jeg har ingen problemer med å gå omkring', 'Jeg har litt problemer med å gå omkring', 'Jeg har middels store problemer med å gå omkring', 'Jeg har store problemer med å gå omkring', 'Jeg er ute av stand til å gå omkring'],
  EQ5D_personlig_stell: ['Jeg har ingen problemer med å vaske meg eller kle meg', 'Jeg har litt problemer med å vaske meg eller kle meg', 'Jeg har middels store problemer med å vaske meg eller kle meg', 'Jeg har store problemer med å vaske meg eller kle meg', 'Jeg er ute av stand til å vaske meg eller kle meg'],
  EQ5D_vanlige_gjoremal: ['Jeg har ingen problemer med å utføre mine vanlige gjøremål', 'Jeg har litt problemer med å utføre mine vanlige gjøremål', 'Jeg har middels store problemer med å utføre mine vanlige gjøremål', 'Jeg har store problemer med å utføre mine vanlige gjøremål', 'Jeg er ute av stand til å utføre mine vanlige gjøremål'],
  EQ5D_smerte: ['Jeg har verken smerter eller ubehag', 'Jeg har litt smerter eller ubehag', 'Jeg har middels sterke smerter eller ubehag', 'Jeg har sterke smerter eller ubehag', 'Jeg har svært sterke smerter eller ubehag'],
  EQ5D_angst: ['Jeg er verken engstelig eller deprimert', 'Jeg er litt engstelig eller deprimert', 'Jeg er middels engstelig eller deprimert', 'Jeg er svært engstelig eller deprimert', 'Jeg er ekstremt engstelig eller deprimert'],
};

async function initAndValidate(columns: Record<string, readonly string[]>) {
  const dir = tempDir();
  const csv = join(dir, 'eq.csv');
  const plan = join(dir, 'plan.json');
  writeFileSync(csv, export_(columns));
  const init = await runCli('plan', 'init', csv, '--out', plan);
  const written = init.code === 0 ? (JSON.parse(readFileSync(plan, 'utf8')) as { outcomes: Outcome[] }) : undefined;
  const validate = init.code === 0 ? await runCli('validate', csv, '--plan', plan) : undefined;
  return { dir, csv, plan, init, written, validate };
}

describe('an EQ-5D-3L export (Norwegian official wording)', () => {
  it('is drafted, its EQ-5D outcome the 3L with its levels 1–3 and no MCID, and a check says to give one', async () => {
    const r = await initAndValidate(NORWEGIAN_3L);
    expect(r.init.code).toBe(0);
    const eq = r.written!.outcomes.find((o) => o.key === 'eq5d')!;
    expect(eq.instrument).toBe('eq5d3l');
    expect(eq.mcid).toBeUndefined();
    expect(eq.answers!['Jeg er sengeliggende']).toBe(3);
    expect(r.init.stderr).toContain('EQ-5D-3L has no published MCID (none is built into hta), so outcome "eq5d" is drafted without one: add "mcid": <index points> to it');
  });

  it('is refused by validate and analyze with the usual message until the MCID is given, then read', async () => {
    const r = await initAndValidate(NORWEGIAN_3L);
    expect(r.validate!.code).toBe(2);
    expect(r.validate!.stderr).toContain('(outcomes.0.mcid): — expected an MCID: EQ-5D-3L index (dk-3l-2009) has no published default, so the plan must set one');
    expect(r.validate!.stderr).not.toMatch(/\n\s+at /);
    const analyze = await runCli('analyze', r.csv, '--plan', r.plan);
    expect(analyze.code).toBe(2);
    expect(analyze.stderr).toContain('expected an MCID: EQ-5D-3L index');
    const withMcid = JSON.parse(readFileSync(r.plan, 'utf8')) as { outcomes: Outcome[] };
    withMcid.outcomes[0]!.mcid = 0.05;
    const fixed = join(r.dir, 'plan-mcid.json');
    writeFileSync(fixed, JSON.stringify(withMcid, null, 2));
    expect((await runCli('validate', r.csv, '--plan', fixed)).code).toBe(0);
  });
});

it('an EQ-5D-5L export is drafted as before: its built-in MCID, no such check, and validate reads the plan', async () => {
  const r = await initAndValidate(NORWEGIAN_5L);
  expect(r.init.code).toBe(0);
  expect(r.written!.outcomes.find((o) => o.key === 'eq5d')!.instrument).toBe('eq5d5l');
  expect(r.init.stderr).not.toContain('has no published MCID');
  expect(r.validate!.code).toBe(0);
});
