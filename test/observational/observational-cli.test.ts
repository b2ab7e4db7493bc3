/** `hta analyze` with an observational plan: the errors a registry analysis must state clearly. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { observationalResultSchema } from '../../src/observational/observational-results-schema.js';
import { simulateRegistryOutcomes } from '../../src/simulate/registry-outcomes.js';
import { runCli, tempDir } from '../support/run-cli.js';

const planText = readFileSync('data/plans/registry-outcomes.plan.json', 'utf8');
const basePlan = JSON.parse(planText) as Record<string, unknown>;
const csv = simulateRegistryOutcomes({ patients: 200, seed: 3 });

function files(data: string, plan: unknown = basePlan): { data: string; plan: string } {
  const dir = tempDir();
  writeFileSync(join(dir, 'registry.csv'), data);
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan, null, 2));
  return { data: join(dir, 'registry.csv'), plan: join(dir, 'plan.json') };
}

/** The CSV with one column's cell replaced per row by f(cells of that row). */
function mapColumn(text: string, column: string, f: (cells: Record<string, string>) => string): string {
  const [header, ...lines] = text.trimEnd().split('\n');
  const names = header!.split(',');
  const j = names.indexOf(column);
  return [header, ...lines.map((l) => {
    const cells = l.split(',');
    cells[j] = f(Object.fromEntries(names.map((n, i) => [n, cells[i]!])));
    return cells.join(',');
  })].join('\n') + '\n';
}

describe('hta analyze, observational design', () => {
  it('--json matches the published results schema, with low-certainty flags and E-values on every estimate', async () => {
    const f = files(csv);
    const r = await runCli('analyze', f.data, '--plan', f.plan, '--json');
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    // The zod schema the published one is generated from (test/cli/analyze.test.ts checks the committed file is current).
    const parsed = observationalResultSchema.safeParse(json);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
    expect(json.design).toBe('observational');
    const effects = json.analyses.flatMap((a: { effects: unknown[] }) => a.effects);
    expect(effects.length).toBe(9);
    for (const e of effects) {
      expect(e.certainty.start).toBe('low');
      expect(e.eValue.estimate).toBeGreaterThanOrEqual(1);
    }
    expect(r.stdout).not.toMatch(/R0\d{4}/);
  });

  it('missing confounder values: those patients are left out and counted', async () => {
    // Every tenth patient without an age, so the count is above the small-count threshold (a
    // small one is "suppressed": small-counts.test.ts).
    const data = mapColumn(csv, 'age', (c) => (Number(c.id.slice(1)) % 10 === 0 ? '' : c.age));
    const f = files(data);
    const r = await runCli('analyze', f.data, '--plan', f.plan, '--json');
    const json = JSON.parse(r.stdout);
    // Independent count: rows with baseline and 3-month RMDQ but no age.
    const rows = data.trimEnd().split('\n').slice(1).map((l) => l.split(','));
    const expected = rows.filter((c) => c[2] === '' && c[5] !== '' && c[6] !== '').length;
    expect(expected).toBeGreaterThanOrEqual(5);
    const rmdq = json.analyses.find((a: { outcome: string }) => a.outcome === 'rmdq');
    expect(rmdq.excluded.missingConfounders).toBe(expected);
    expect(r.stderr).toContain(`Disability (RMDQ 0–24), 3 months: ${expected} patients with a missing confounder value left out`);
  });

  it('no overlap (a confounder level among the exposed only): a clear message and exit 1, no estimate', async () => {
    const data = mapColumn(csv, 'referrer', (c) => (c.app === 'Ja' && c.referrer === 'hospital' ? 'spine-clinic' : c.referrer));
    const f = files(data);
    const r = await runCli('analyze', f.data, '--plan', f.plan, '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    const parsed = observationalResultSchema.safeParse(json);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
    for (const a of json.analyses) {
      expect(a.error).toMatch(/no overlap: confounder "referrer" has level "hospital" only among the unexposed, and "spine-clinic" only among the exposed/);
      expect(a.effects).toEqual([]);
      // No sample was formed: the counts are left out, not published as 0 exposed / 0 unexposed.
      expect(a.patients).toBeNull();
      expect(a.excluded).toBeNull();
    }
    // The export's counts are real and still published.
    expect(json.input.patients.exposed + json.input.patients.unexposed).toBe(200);
    expect(r.stderr).toContain('no overlap');
    expect(r.stderr).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('a bad exposure value or an empty id in the wide export: one problem per cell, though the line gives a row per time point', async () => {
    // Line 4 (the third patient): exposure "Maybe"; line 6: no id.
    const data = mapColumn(mapColumn(csv, 'app', (c) => (c.id === 'R00003' ? 'Maybe' : c.app)), 'id', (c) => (c.id === 'R00005' ? '' : c.id));
    const f = files(data);
    const r = await runCli('analyze', f.data, '--plan', f.plan, '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('has 2 problem(s) in 2 row(s)');
    expect(r.stderr).toMatch(/\n {2}\S*registry\.csv:4:2 \(app\): "Maybe" — expected an exposure value/);
    expect(r.stderr).toMatch(/\n {2}\S*registry\.csv:6:1 \(id\): "" — expected a patient id/);
    expect(r.stderr).not.toMatch(/\d+ × registry\.csv:[46]:/);
  });

  it('a perfectly predicting confounder (separation): a clear message and exit 1', async () => {
    const data = mapColumn(csv, 'age', (c) => (c.app === 'Ja' ? String(20 + (Number(c.id.slice(1)) % 30)) : String(60 + (Number(c.id.slice(1)) % 30))));
    const f = files(data);
    const r = await runCli('analyze', f.data, '--plan', f.plan);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('separation');
    expect(r.stderr).toMatch(/warning: Disability \(RMDQ 0–24\), 3 months: the propensity model cannot be fitted: the confounders predict exposure \(almost\) perfectly/);
  });

  it.each([
    ['missing', { method: 'mi' }, 'multiple imputation, MMRM and the tipping point'],
    ['methods', ['ancova', 'mmrm'], 'trial-only option'],
    ['subgroups', [{ column: 'sex', label: { en: 'sex' }, prespecified: true }], 'trial-only option'],
    ['arms', { intervention: 'Nej', control: 'Ja' }, 'observational.exposure'],
    ['columns', { arm: 'gruppe' }, 'observational.exposure.column'],
  ])('a plan mixing the observational design with the trial-only "%s" is refused (exit 2, nothing analysed)', async (key, value, words) => {
    const f = files(csv, { ...basePlan, [key]: value });
    const r = await runCli('analyze', f.data, '--plan', f.plan);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`(${key}`);
    expect(r.stderr).toContain(words);
  });

  it('the plan `hta plan check` prints (every default filled in) loads again', async () => {
    const f = files(csv);
    const checked = await runCli('plan', 'check', f.plan);
    expect(checked.code, checked.stderr).toBe(0);
    const again = files(csv, JSON.parse(checked.stdout));
    const r = await runCli('analyze', again.data, '--plan', again.plan, '--json');
    expect(r.code, r.stderr).toBe(0);
  });

  it('a randomised plan without arms, or with an observational section, is refused', async () => {
    const { design: _d, observational, ...rest } = basePlan;
    let f = files(csv, rest);
    let r = await runCli('analyze', f.data, '--plan', f.plan);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(arms)');
    f = files(csv, { ...rest, arms: { intervention: 'Ja', control: 'Nej' }, observational });
    r = await runCli('analyze', f.data, '--plan', f.plan);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('add "design": "observational"');
  });

  it('prints the table in Danish with --lang da', async () => {
    const f = files(csv);
    const r = await runCli('analyze', f.data, '--plan', f.plan, '--lang', 'da');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('E-værdi (KI)');
    expect(r.stdout).toContain('vægtet regression (DR)');
    expect(r.stdout).toMatch(/−\d+,\d\d \(−\d+,\d\d til /);
  });

  it('a long registry export (one row per patient per visit) gives the same estimates as the wide one', async () => {
    const [header, ...lines] = csv.trimEnd().split('\n');
    const names = header!.split(',');
    const long = ['id,app,age,sex,referrer,time,rmdq,pain'];
    for (const l of lines) {
      const c = Object.fromEntries(l.split(',').map((v, i) => [names[i], v]));
      for (const t of ['baseline', '3m']) long.push([c.id, c.app, c.age, c.sex, c.referrer, t, c[`rmdq_${t}`], c[`pain_${t}`]].join(','));
    }
    const wide = files(csv);
    const longFiles = files(long.join('\n') + '\n', { ...basePlan, layout: 'long' });
    const a = JSON.parse((await runCli('analyze', wide.data, '--plan', wide.plan, '--json')).stdout);
    const r = await runCli('analyze', longFiles.data, '--plan', longFiles.plan, '--json');
    expect(r.code, r.stderr).toBe(0);
    const b = JSON.parse(r.stdout);
    expect(b.input.layout).toBe('long');
    expect(b.analyses).toEqual(a.analyses);
  });

  it('hta validate speaks of the exposure groups with the plan\'s labels, never of intervention and control', async () => {
    const f = files(csv);
    let r = await runCli('validate', f.data, '--plan', f.plan);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^patients: \d+ App users \(exposed\), \d+ Non-users \(unexposed\)$/m);
    expect(r.stdout).toContain('observed scores per time point (App users / Non-users):');
    expect(r.stdout).not.toMatch(/intervention|control|\barm/);
    // A value that is neither exposure value, and an export with one group only.
    const bad = files(mapColumn(csv, 'app', (c) => (c.id === 'R00002' ? 'Maybe' : c.app)));
    r = await runCli('validate', bad.data, '--plan', bad.plan);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected an exposure value: "Ja" for App users (exposed) or "Nej" for Non-users (unexposed), as in the plan\'s "observational.exposure"');
    expect(r.stderr).not.toMatch(/intervention|control|\barm/);
    const one = files(mapColumn(csv, 'app', () => 'Ja'));
    r = await runCli('analyze', one.data, '--plan', one.plan);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has no patients in the unexposed group');
    expect(r.stderr).toContain('rows of the Non-users (unexposed) group');
    expect(r.stderr).not.toMatch(/intervention|control|\barm/);
  });

  it('a confounder declared numeric whose values are not numbers is bad input (exit 2)', async () => {
    const obs = basePlan.observational as { confounders: { name: string; type: string }[] };
    const plan = { ...basePlan, observational: { ...obs, confounders: obs.confounders.map((c) => (c.name === 'sex' ? { ...c, type: 'numeric' } : c)) } };
    const f = files(csv, plan);
    const r = await runCli('analyze', f.data, '--plan', f.plan);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('confounder "sex" is declared numeric');
    expect(r.stderr).toMatch(/"[KM]" — expected a number, or "type": "categorical"/);
  });

  it('poor overlap and extreme weights are warned about, and trimming is stated and applied', async () => {
    // Exposure nearly decided by age: most patients have a propensity score near 0 or 1.
    const data = mapColumn(csv, 'app', (c) => (c.age === '' ? c.app : Number(c.age) < 45 ? (Number(c.id.slice(1)) % 12 === 0 ? 'Nej' : 'Ja') : Number(c.id.slice(1)) % 12 === 0 ? 'Ja' : 'Nej'));
    let f = files(data);
    let r = await runCli('analyze', f.data, '--plan', f.plan, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: Disability \(RMDQ 0–24\), 3 months: poor overlap: \d+\.\d% of patients have a propensity score outside the interval 0\.05 to 0\.95/);
    expect(r.stderr).toMatch(/warning: Disability \(RMDQ 0–24\), 3 months: extreme weights: at least one (un)?exposed weight is more than 10 times the group mean \(the 5 largest average \d+\.\d times it\)/);
    const obs = basePlan.observational as Record<string, unknown>;
    f = files(data, { ...basePlan, observational: { ...obs, trim: 0.05 } });
    r = await runCli('analyze', f.data, '--plan', f.plan, '--json');
    const rmdq = JSON.parse(r.stdout).analyses.find((a: { outcome: string }) => a.outcome === 'rmdq');
    expect(rmdq.excluded.trimmed).toBeGreaterThan(0);
    expect(JSON.parse(r.stdout).plan.trim).toBe(0.05);
    expect(rmdq.propensity.quantiles.exposed[0]).toBeGreaterThanOrEqual(0.05);
  });
});
