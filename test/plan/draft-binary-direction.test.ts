/**
 * plan init drafts "direction" on every yes/no outcome (docs/plan-trial.md#yesno-outcomes), so
 * `plan check` does not warn about init's own draft: lower-is-better for medication use,
 * higher-is-better for being back at work, and says so among the checks.
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { binaryDirectionOf, draftPlan } from '../../src/plan/draft-plan.js';

type Drafted = { key: string; instrument: string; direction?: string };

describe('plan init: the direction of yes/no outcomes', () => {
  it('medication use lower-is-better, back at work higher-is-better, both among the checks', () => {
    const csv = 'id,gruppe,tid,rmdq,medicin,rtw\n1,app,baseline,10,Ja,0\n1,app,3m,8,Nej,1\n2,kontrol,baseline,11,Nej,0\n2,kontrol,3m,9,Ja,0\n';
    const d = draftPlan(parseCsvText(csv, 'export.csv'), 'plan.schema.json');
    const outcomes = d.plan.outcomes as Drafted[];
    expect(outcomes.find((o) => o.key === 'medicin')).toMatchObject({ instrument: 'binary', direction: 'lower-is-better' });
    expect(outcomes.find((o) => o.key === 'rtw')).toMatchObject({ instrument: 'binary', direction: 'higher-is-better' });
    expect(outcomes.find((o) => o.key === 'rmdq')!.direction).toBeUndefined();
    const checks = d.checks.join('\n');
    expect(checks).toContain('outcome "medicin" (yes/no, column "medicin"): drafted "direction": "lower-is-better"');
    expect(checks).toContain('outcome "rtw" (yes/no, column "rtw"): drafted "direction": "higher-is-better"');
  });

  it('by name: medication lower, work higher, anything else lower (binary\'s default)', () => {
    expect(binaryDirectionOf('pain medication')).toBe('lower-is-better');
    expect(binaryDirectionOf('analgetika_3m')).toBe('lower-is-better');
    expect(binaryDirectionOf('Return to work')).toBe('higher-is-better');
    expect(binaryDirectionOf('i_arbejde')).toBe('higher-is-better');
    expect(binaryDirectionOf('bivirkning')).toBe('lower-is-better');
  });
});
