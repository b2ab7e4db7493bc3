// EQ-5D-3L drafts: columns named as the 3L (`eq5d3l_mo` … `eq5d3l_ad`) holding 1–3 were drafted as
// the 5L and scored with the 5L value set (a wrong index); the `guessed:` line said "EQ-5D-5L" for
// a 3L draft; a Norwegian or Swedish 3L got the Danish 3L value set without a word; and `hta
// score`, which judges nothing, refused a 3L plan without its MCID (docs/plan-trial.md "EQ-5D
// answers written as their labels").
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

type Outcome = { key: string; instrument: string; mcid?: number };

/** 20 patients at baseline and 3 months, one answer per dimension column: its levels[(p + k + visit) % n]. */
function export_(columns: Record<string, readonly string[]>): string {
  const names = Object.keys(columns);
  const lines = [`id;arm;visit;${names.join(';')}`];
  for (let p = 1; p <= 20; p++) {
    ['baseline', '12m'].forEach((v, t) => {
      lines.push(`P${p};${p % 2 ? 'A' : 'B'};${v};${names.map((c, k) => columns[c]![(p + 2 * k + t) % columns[c]!.length]).join(';')}`);
    });
  }
  return lines.join('\n') + '\n';
}

const NUMBERS = ['1', '2', '3'];
const NUMBERED_3L = { eq5d3l_mo: NUMBERS, eq5d3l_sc: NUMBERS, eq5d3l_ua: NUMBERS, eq5d3l_pd: NUMBERS, eq5d3l_ad: NUMBERS };
const DANISH_3L = {
  EQ5D_bevaegelighed: ['Jeg har ingen problemer med at gå omkring', 'Jeg har nogle problemer med at gå omkring', 'Jeg er bundet til sengen'],
  EQ5D_personlig_pleje: ['Jeg har ingen problemer med min personlige pleje', 'Jeg har nogle problemer med at vaske mig eller klæde mig på', 'Jeg kan ikke vaske mig eller klæde mig på'],
  EQ5D_saedvanlige_aktiviteter: ['Jeg har ingen problemer med at udføre mine sædvanlige aktiviteter', 'Jeg har nogle problemer med at udføre mine sædvanlige aktiviteter', 'Jeg kan ikke udføre mine sædvanlige aktiviteter'],
  EQ5D_smerter: ['Jeg har ingen smerter eller ubehag', 'Jeg har moderate smerter eller ubehag', 'Jeg har ekstreme smerter eller ubehag'],
  EQ5D_angst: ['Jeg er ikke ængstelig eller deprimeret', 'Jeg er moderat ængstelig eller deprimeret', 'Jeg er ekstremt ængstelig eller deprimeret'],
};
const SWEDISH_3L = {
  EQ5D_rorlighet: ['Jag går utan svårigheter', 'Jag kan gå men med viss svårighet', 'Jag är sängliggande'],
  EQ5D_hygien: ['Jag behöver ingen hjälp med min dagliga hygien, mat eller påklädning', 'Jag har vissa problem att tvätta eller klä mig själv', 'Jag kan inte tvätta eller klä mig själv'],
  EQ5D_aktiviteter: ['Jag klarar av mina huvudsakliga aktiviteter', 'Jag har vissa problem att klara av mina huvudsakliga aktiviteter', 'Jag klarar inte av mina huvudsakliga aktiviteter'],
  EQ5D_smarta: ['Jag har varken smärtor eller besvär', 'Jag har måttliga smärtor eller besvär', 'Jag har svåra smärtor eller besvär'],
  EQ5D_oro: ['Jag är inte orolig eller nedstämd', 'Jag är orolig eller nedstämd i viss utsträckning', 'Jag är i högsta grad orolig eller nedstämd'],
};
const VALUE_SET_CHECK = 'EQ-5D-3L: the only 3L value set in hta is the Danish one (dk-3l-2009), and the draft applies it';

async function init(columns: Record<string, readonly string[]>) {
  const dir = tempDir();
  const csv = join(dir, 'eq.csv');
  const plan = join(dir, 'plan.json');
  writeFileSync(csv, export_(columns));
  const r = await runCli('plan', 'init', csv, '--out', plan);
  expect(r.code).toBe(0);
  const eq = (JSON.parse(readFileSync(plan, 'utf8')) as { outcomes: Outcome[] }).outcomes.find((o) => o.key === 'eq5d')!;
  return { dir, csv, plan, stderr: r.stderr, eq };
}

it('columns named eq5d3l_* holding 1–3 are the 3L, drafted without an MCID, said in the guess and the checks', async () => {
  const r = await init(NUMBERED_3L);
  expect(r.eq.instrument).toBe('eq5d3l');
  expect(r.eq.mcid).toBeUndefined();
  expect(r.stderr).toContain('outcome "eq5d" (EQ-5D-3L, Danish 3L value set) from mo = eq5d3l_mo');
  expect(r.stderr).toContain('EQ-5D: the columns are named as the EQ-5D-3L ("eq5d3l_mo", "eq5d3l_sc", "eq5d3l_ua", "eq5d3l_pd", "eq5d3l_ad") and hold the levels 1–3');
  expect(r.stderr).toContain('EQ-5D-3L has no published MCID');
  expect(r.stderr).toContain(VALUE_SET_CHECK);
  expect(r.stderr).not.toContain('EQ-5D-5L');
});

it('the Danish 3L: the guess names the 3L, and no value-set check; the Swedish 3L: the check says the Danish 3L value set is applied', async () => {
  const da = await init(DANISH_3L);
  expect(da.eq.instrument).toBe('eq5d3l');
  expect(da.stderr).toContain('outcome "eq5d" (EQ-5D-3L, Danish 3L value set) from mo = EQ5D_bevaegelighed');
  expect(da.stderr).not.toContain(VALUE_SET_CHECK);
  const sv = await init(SWEDISH_3L);
  expect(sv.eq.instrument).toBe('eq5d3l');
  expect(sv.stderr).toContain('outcome "eq5d" (EQ-5D-3L, Danish 3L value set) from mo = EQ5D_rorlighet');
  expect(sv.stderr).toContain(`${VALUE_SET_CHECK}: the index is the Danish 3L index of these Swedish answers`);
});

it('hta score reads the 3L plan without its MCID (it computes no verdict); validate refuses it, as the check says', async () => {
  const r = await init(DANISH_3L);
  expect(r.stderr).toContain('until then `hta validate`, `hta plan check`, `hta analyze`, `hta report`, `hta cea` and `hta meta` refuse the plan ("expected an MCID"); `hta score`, which judges nothing, reads it as it is');
  const out = join(r.dir, 'scored.csv');
  const score = await runCli('score', r.csv, '--plan', r.plan, '--out', out);
  expect(score.stderr).not.toContain('expected an MCID');
  expect(score.code).toBe(0);
  expect(existsSync(out)).toBe(true);
  expect(readFileSync(out, 'utf8').split('\n')[0]).toMatch(/;eq5d$/);
  const validate = await runCli('validate', r.csv, '--plan', r.plan);
  expect(validate.code).toBe(2);
  expect(validate.stderr).toContain('expected an MCID: EQ-5D-3L index');
});
