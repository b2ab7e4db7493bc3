/**
 * Words on a registry page and in observational messages: a confounder named "referrer" without
 * a label reads "Henvist af" on a Danish page (balance table and methods), the methods' tally of
 * suppressed cells agrees with balance rows that read "diskretioneret", and a long export's
 * empty exposure cell speaks of an exposure value, not an arm value.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { registryReportKind } from '../../src/report/kinds/registry-report.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { completeRegistryRows, registryCsv } from '../support/registry-rows.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

interface Conf { name: string; type: string; label?: unknown; levelLabels?: unknown }
const basePlan = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')) as { observational: { confounders: Conf[] } };

async function page(csv: string, plan: object, lang: 'en' | 'da') {
  const dir = tempDir();
  writeFileSync(join(dir, 'registry.csv'), csv);
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  const env = { input: (p: string) => join(dir, p), lang, version: 'test', memo: <T>(_k: string, f: () => T) => f() };
  return registryReportKind.build({ id: 'r', kind: 'registry', out: 'r', lang, data: 'registry.csv', plan: 'plan.json' } as never, env as never);
}

describe('a registry page in Danish', () => {
  it('names an unlabelled "referrer" confounder in Danish, and counts suppressed balance rows in the methods', async () => {
    const plan = structuredClone(basePlan);
    const referrer = plan.observational.confounders.find((c) => c.name === 'referrer')!;
    delete referrer.label;
    delete referrer.levelLabels;
    const d = completeRegistryRows(200);
    // A level held by 2 users and 3 non-users: overlap, but its balance rows are suppressed.
    d.rows.filter((r) => r.app === 'Ja').slice(0, 2).forEach((r) => (r.referrer = 'kiro'));
    d.rows.filter((r) => r.app === 'Nej').slice(0, 3).forEach((r) => (r.referrer = 'kiro'));
    const content = await page(registryCsv(d), plan, 'da');
    const balance = content.page.sections.find((s) => s.id === 'balance')!;
    const terms = balance.tables![0]!.table.rows.map((r) => r[0]);
    expect(terms).toContain('Henvist af: gp');
    expect(terms.join('\n')).not.toMatch(/Referrer/);
    const methods = content.page.sections.find((s) => s.id === 'methods')!.intro!.join('\n');
    expect(methods).toContain('henvist af');
    const hidden = balance.tables![0]!.table.rows.filter((r) => r[1] === 'diskretioneret').length;
    expect(hidden).toBeGreaterThan(0);
    expect(methods).toContain(`rækker i balancetabellen her`);
    expect(methods).toMatch(new RegExp(`og ${hidden} rækker i balancetabellen her`));
  });
});

describe('a long registry export with an empty exposure cell', () => {
  it('says no other row of the patient has an exposure value', () => {
    const plan = parsePlan({
      design: 'observational',
      observational: { exposure: { column: 'app', exposed: 'Ja', unexposed: 'Nej' }, confounders: [{ name: 'age', type: 'numeric' }] },
      columns: { id: 'id', time: 'visit' },
      layout: 'long',
      timepoints: ['3m'],
      outcomes: [{ key: 'pain', instrument: 'nrs' }],
    });
    const csv = 'id;visit;app;age;pain\n1;baseline;Ja;50;6\n1;3m;Ja;50;4\n2;baseline;;60;5\n';
    let err: unknown;
    try {
      loadTrial(parseCsvText(csv, 'registry.csv'), plan);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HtaError);
    const expected = (err as HtaError).problems.map((p) => p.expected).join('\n');
    expect(expected).toContain('no other row of this patient has an exposure value of the plan');
    expect(expected).not.toMatch(/\barm\b/);
  });
});

describe('the groups in running text on a Danish registry page', () => {
  it('are written as the plan writes them mid-sentence (lower case), capitalised only as a label', async () => {
    const content = await page(registryCsv(completeRegistryRows(200)), basePlan, 'da');
    const effects = content.page.sections.find((s) => s.id === 'effects')!;
    const intro = effects.intro!.join('\n');
    expect(intro).toContain('Hver række: brugere af appen − ikke-brugere med 95 %-KI');
    // "Right" favours the group the forest's "Til fordel for brugere af appen →" names, not a fixed "appen".
    expect(intro).toContain('så højre er til fordel for brugere af appen;');
    // As a label (a table header) the name starts with a capital.
    const headers = content.page.sections.flatMap((s) => (s.tables ?? []).map((t) => t.table.header.join(' | '))).join('\n');
    expect(headers).toMatch(/Brugere af appen/);
  });
});
