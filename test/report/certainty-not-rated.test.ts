/**
 * A plan that rates no certainty (plan init's draft has none): the summary of findings' first
 * footnote and the methods say the certainty is not rated, never "GRADE as set in the analysis
 * plan" beside the footnote that says the plan must rate it (docs/plan-trial.md#certainty).
 * A plan that rates it keeps that sentence.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trialReportKind } from '../../src/report/kinds/trial-report.js';
import { tempDir } from '../support/run-cli.js';

const memo = new Map<string, unknown>();

async function page(lang: 'en' | 'da', rated: boolean) {
  const dir = tempDir();
  const plan = JSON.parse(readFileSync('data/plans/selfback.plan.json', 'utf8'));
  delete plan.$schema;
  plan.missing = { method: 'complete-case', sensitivity: false };
  plan.methods = ['ancova'];
  if (!rated) for (const o of plan.outcomes) delete o.certainty;
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  const input = (p: string) => (p === 'plan.json' ? join(dir, p) : join('data', p));
  const built = await trialReportKind.build({ id: 'r', kind: 'trial', out: 'r', lang, data: 'synthetic/selfback-trial.csv', plan: 'plan.json', characteristics: [] } as never, {
    input, lang, version: 'test',
    memo: <T>(key: string, compute: () => T): T => {
      const k = `${rated}\u0000${key}`;
      if (!memo.has(k)) memo.set(k, compute());
      return memo.get(k) as T;
    },
  });
  const sof = built.page.sections.find((s) => s.id === 'summary-of-findings')!;
  const methods = built.page.sections.find((s) => s.id === 'methods')!;
  return { sofNotes: sof.notes ?? [], methods: (methods.intro ?? []).join('\n') };
}

describe('the certainty footnote says what the plan gave', () => {
  it('Danish, no certainty in the plan: "ikke vurderet", not "som angivet i analyseplanen"', async () => {
    const { sofNotes, methods } = await page('da', false);
    expect(sofNotes[0]).toBe('Evidensens kvalitet: ikke vurderet — analyseplanen angiver ingen GRADE-vurdering af effektmålene.');
    expect(sofNotes.join('\n')).toContain('Evidensens kvalitet ikke angivet i planen: planen skal angive den');
    expect([...sofNotes, methods].join('\n')).not.toContain('som angivet i analyseplanen');
    expect(methods).toContain('Evidensens kvalitet: ikke vurderet');
  }, 60_000);

  it('English, no certainty in the plan: "not rated", not "as set in the analysis plan"', async () => {
    const { sofNotes, methods } = await page('en', false);
    expect(sofNotes[0]).toBe('Certainty of evidence: not rated — the analysis plan gives no GRADE rating of the outcomes.');
    expect([...sofNotes, methods].join('\n')).not.toContain('as set in the analysis plan');
  }, 60_000);

  it('a plan that rates the certainty keeps "GRADE as set in the analysis plan"', async () => {
    const { sofNotes, methods } = await page('da', true);
    expect(sofNotes[0]).toBe('Evidensens kvalitet: GRADE som angivet i analyseplanen, nedgraderet ét niveau for unøjagtighed, når 95 %-KI krydser MKRF.');
    expect(methods).toContain('GRADE som angivet i analyseplanen');
  }, 60_000);
});
