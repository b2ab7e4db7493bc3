/**
 * `hta analyze` text on a tester's export drafted by `plan init` (Danish `;` export, 20 patients
 * per arm, one App patient missing the primary outcome at 3 months): the tipping point counts
 * one imputed value in the singular, the headers name both arms by the plan's labels, and the
 * Danish words follow docs/glossary-da.md ("effektmål", not "udfald").
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const dir = join(import.meta.dirname, '../fixtures/exports/plan-init-danish');
const analyze = (lang: 'en' | 'da') => runCli('analyze', join(dir, 'forsoeg.csv'), '--plan', join(dir, 'plan.json'), '--lang', lang);

describe('hta analyze text on a plan-init plan', () => {
  it('English', async () => {
    const run = await analyze('en');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('n (App/Control group)');
    expect(run.stdout).toMatch(/Tipping point: significance is lost if the one imputed App-arm value were \d+\.\d+ points worse/);
  });

  it('Danish', async () => {
    const run = await analyze('da');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('n (App/Kontrolgruppe)');
    expect(run.stdout).toContain('Følsomhedsanalyse for det primære effektmål: ');
    expect(run.stdout).toMatch(/Vippepunkt: signifikansen forsvinder, hvis den ene imputerede App-værdi er \d+,\d+ point dårligere/);
    expect(run.stdout).not.toMatch(/\budfald/);
  });
});
