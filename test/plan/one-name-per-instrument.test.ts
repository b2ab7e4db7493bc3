/**
 * One name for one instrument across the bundled pages: the trial page said "Disability (RMDQ
 * 0–24)" and the English registry page "Physical function (RMDQ)". An outcome labelled with its
 * instrument's bracket ("(RMDQ …)") uses the instrument's name from the one place plan init drafts
 * labels from (OUTCOME_LABELS, src/plan/draft-plan.ts), or that name's bracket under a qualifying
 * name of its own ("Average pain (NRS 0–10)"; "EQ-5D-5L index, DK").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTCOME_LABELS } from '../../src/plan/draft-plan.js';

const plans = readdirSync('data/plans').filter((f) => f.endsWith('.json'));
const outcomesOf = (file: string) => ((JSON.parse(readFileSync(join('data/plans', file), 'utf8')) as { outcomes?: { key: string; instrument?: string; label?: { en: string; da?: string } }[] }).outcomes ?? []);
const bracket = (s: string) => /\(([^()]+)\)\s*$/.exec(s)?.[1];

describe('one name per instrument in the bundled plans', () => {
  it('the registry and trial plans name the RMDQ alike', () => {
    const rmdq = plans.flatMap((f) => outcomesOf(f).filter((o) => o.instrument === 'rmdq' && o.label).map((o) => o.label));
    expect(rmdq.length).toBeGreaterThanOrEqual(2);
    for (const label of rmdq) expect(label).toEqual(OUTCOME_LABELS.rmdq);
  });

  it.each(plans)('%s: a labelled outcome of a known instrument carries its bracket, in both languages', (file) => {
    for (const o of outcomesOf(file)) {
      const known = o.instrument ? OUTCOME_LABELS[o.instrument] : undefined;
      if (!known || !o.label) continue;
      // A value set may follow ("EQ-5D-5L index, DK").
      expect(bracket(o.label.en)?.startsWith(bracket(known.en)!), `${file}: ${o.key}: ${o.label.en}`).toBe(true);
      if (o.label.da) expect(bracket(o.label.da)?.startsWith(bracket(known.da)!), `${file}: ${o.key}: ${o.label.da}`).toBe(true);
    }
  });
});
