/**
 * A categorical confounder's rare level is never named (docs/observational.md, "Small counts",
 * rule 5): an index date held by 2 users and 2 non-users read "startdato=17APR2024" in the
 * balance table of the page, README.md and results.json (its values "suppressed"), telling the
 * reader that someone started on that day. Such levels share one unnamed row, in every output
 * alike, and the propensity model's terms do not name them either.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completeRegistryRows, registryCsv } from '../support/registry-rows.js';
import { runCli, tempDir } from '../support/run-cli.js';

const basePlan = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')) as { observational: { confounders: unknown[] } } & Record<string, unknown>;

/** 200 simulated registry patients with a SAS-style index date: four common days, and 17APR2024 held by 2 users and 2 non-users. */
function withIndexDate(): string {
  const d = completeRegistryRows(200);
  d.names.push('startdato');
  const days = ['04MAR2024', '05MAR2024', '06MAR2024', '07MAR2024'];
  d.rows.forEach((r, i) => (r.startdato = days[i % days.length]!));
  const rare = [...d.rows.filter((r) => r.app === 'Ja').slice(0, 2), ...d.rows.filter((r) => r.app === 'Nej').slice(0, 2)];
  for (const r of rare) r.startdato = '17APR2024';
  return registryCsv(d);
}

describe('rare levels of a categorical confounder in the registry report', () => {
  it('17APR2024 (2 users, 2 non-users) is in no output; one "other levels" row stands for it in the page, README, results.json and the love plot', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'registry.csv'), withIndexDate());
    const plan = { ...basePlan, observational: { ...basePlan.observational, confounders: [...basePlan.observational.confounders, { name: 'startdato', type: 'categorical', label: { en: 'Index date', da: 'Startdato' } }] } };
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const reports = [{ id: 'en', kind: 'registry', out: 'en', lang: 'en', data: 'registry.csv', plan: 'plan.json' }, { id: 'da', kind: 'registry', out: 'da', lang: 'da', data: 'registry.csv', plan: 'plan.json' }];
    writeFileSync(join(dir, 'reports.json'), JSON.stringify({ reports }));
    const run = await runCli('report', '--manifest', join(dir, 'reports.json'), '--out', join(dir, 'out'));
    expect(run.code, run.stderr).toBe(0);
    for (const lang of ['en', 'da'] as const) {
      const folder = join(dir, 'out', lang);
      const texts = readdirSync(folder).filter((f) => /\.(html|md|json|svg)$/.test(f));
      expect(texts).toEqual(expect.arrayContaining(['index.html', 'README.md', 'results.json', 'love-plot.vl.json']));
      for (const f of texts) expect(readFileSync(join(folder, f), 'utf8'), `${lang}/${f}`).not.toContain('17APR2024');
      const results = JSON.parse(readFileSync(join(folder, 'results.json'), 'utf8')) as { analyses: { balance: { term: string; smdBefore: unknown }[]; propensity: { terms: string[] } }[] };
      for (const a of results.analyses) {
        const rows = a.balance.filter((b) => b.term.startsWith('startdato='));
        // The four common days by name, the rare one pooled; all "suppressed" (a level of 1–4 in a group: rule 5).
        expect(rows.map((b) => b.term)).toEqual(['startdato=04MAR2024', 'startdato=05MAR2024', 'startdato=06MAR2024', 'startdato=07MAR2024', 'startdato=']);
        expect(rows.every((b) => b.smdBefore === 'suppressed')).toBe(true);
        expect(a.propensity.terms.filter((t) => t.startsWith('startdato'))).toEqual(['startdato05MAR2024', 'startdato06MAR2024', 'startdato07MAR2024', 'startdato=']);
      }
      const other = lang === 'en' ? 'Index date: other levels (each with fewer patients than the suppression threshold)' : 'Startdato: øvrige niveauer (hver med færre patienter end diskretioneringsgrænsen)';
      expect(readFileSync(join(folder, 'README.md'), 'utf8')).toContain(other);
      expect(readFileSync(join(folder, 'index.html'), 'utf8')).toContain(other);
    }
  }, 60_000);
});
