/**
 * plan init drafts no "importance" (which outcomes a committee weighs most is the protocol's):
 * every outcome is then "critical", the default, and the checks say so, naming the yes/no
 * outcomes (medication use), which are usually "important" (docs/plan-trial.md#certainty).
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';

describe('plan init: importance', () => {
  it('a Danish export with a score and a yes/no medication column: the check names both the default and the yes/no outcome', () => {
    const rows = ['Deltager-ID;Gruppe;Besøg;RMDQ total;Smertestillende'];
    for (let i = 1; i <= 6; i++) for (const v of ['Baseline', '3 mdr.']) rows.push(`P${i};${i % 2 ? 'App' : 'Vanlig behandling'};${v};${(i * 3) % 20};${i % 3 ? 'Ja' : 'Nej'}`);
    const d = draftPlan(parseCsvText(`${rows.join('\n')}\n`, 'forsoeg.csv'), 'plan.schema.json');
    const keys = (d.plan.outcomes as { key: string; instrument: string; importance?: string }[]);
    expect(keys.length).toBe(2);
    expect(keys.every((o) => o.importance === undefined)).toBe(true);
    const yesNo = keys.find((o) => o.instrument === 'binary')!.key;
    const check = d.checks.find((c) => c.startsWith('every outcome is "critical"'));
    expect(check).toBeDefined();
    expect(check).toContain(`give the secondary ones "importance": "important" (medication use and adverse events usually are: "${yesNo}"?)`);
  });

  it('one outcome: nothing to weigh against, no check', () => {
    const d = draftPlan(parseCsvText('id;gruppe;tid;rmdq\n1;App;baseline;3\n2;Vanlig behandling;baseline;4\n1;App;3m;3\n2;Vanlig behandling;3m;4\n', 'one.csv'), 'plan.schema.json');
    expect(d.checks.join('\n')).not.toContain('every outcome is "critical"');
  });
});
