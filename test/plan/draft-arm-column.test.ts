/**
 * plan init's arm column when the export has two: the arm as randomised (ITT) before the
 * treatment received, and for how many patients they differ (docs/plan-trial.md "Per-protocol
 * and ITT"; src/plan/arm-column.ts). A draft on `behandling` analysed 12 switched patients in
 * the arm they crossed to.
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';

/** 90 patients, two visits; patients 1–12 received the other arm than the one they were randomised to. */
function export2(received: string, randomised: string, code = (arm: string) => arm): string {
  const lines = [`id,${received},${randomised},visit,nrs`];
  for (let i = 1; i <= 90; i++) {
    const arm = i % 2 ? 'app' : 'usual';
    const got = i <= 12 ? (arm === 'app' ? 'usual' : 'app') : arm;
    for (const visit of ['baseline', '3m']) lines.push(`P${i},${got},${code(arm)},${visit},${(i % 7) + 2}`);
  }
  return lines.join('\n') + '\n';
}
const draft = (csv: string) => draftPlan(parseCsvText(csv, 'export.csv'), 'plan.schema.json');
const armOf = (d: ReturnType<typeof draft>) => ((d.plan.columns as { arm?: string }).arm ?? 'arm');

describe('plan init: the randomised arm column before the treatment received', () => {
  const pairs: [string, string][] = [
    ['behandling', 'randomisering'],
    ['behandling', 'allokering'],
    ['behandling', 'randomiseret_arm'],
    ['treatment', 'allocation'],
    ['treatment_received', 'randomised_arm'],
    ['treatment', 'allocated_arm'],
    ['TRT01A', 'TRT01P'],
    ['arm', 'rand_arm'],
    ['actual_treatment', 'Randomized arm'],
  ];
  for (const [received, randomised] of pairs) {
    it(`${received},${randomised}: drafts "${randomised}", says 12 of 90 patients differ — in either column order`, () => {
      for (const csv of [export2(received, randomised), export2(received, randomised).replace(/^id,(.*?),(.*?),/gm, 'id,$2,$1,').replace(/^(P\d+),(\w+),(\w+),/gm, '$1,$3,$2,')]) {
        const d = draft(csv);
        expect(armOf(d)).toBe(randomised);
        expect(d.undecided).toEqual([]);
        const check = d.checks.find((c) => c.includes('name different arms'));
        expect(check).toContain(`"${randomised}" and "${received}" name different arms for 12 of 90 patients`);
        expect(check).toContain('Per-protocol and ITT');
        expect(d.guesses).toContainEqual(expect.stringContaining(`not the arm: "${received}"`));
        expect(d.guesses.join('\n')).not.toMatch(/not used:.*(behandling|treatment|TRT01A|actual)/);
      }
    });
  }

  it('a code column beside a label column: the pairs most rows have are one arm, the others counted', () => {
    const csv = export2('behandling', 'randomisering', (arm) => (arm === 'app' ? '1' : '2'));
    const d = draft(csv);
    expect(armOf(d)).toBe('randomisering');
    expect(d.checks.join('\n')).toContain('name different arms for 12 of 90 patients');
  });

  it('two arm columns that agree for every patient: no check, the other column named as not the arm', () => {
    const csv = export2('behandling', 'randomisering').replace(/^(P\d+),\w+,(\w+),/gm, '$1,$2,$2,');
    const d = draft(csv);
    expect(armOf(d)).toBe('randomisering');
    expect(d.checks.join('\n')).not.toContain('name different arms');
    expect(d.guesses).toContainEqual(expect.stringContaining('not the arm: "behandling"'));
  });

  it('two columns named alike (arm, group): the first drafted, the other offered if it is the randomised arm', () => {
    const d = draft(export2('arm', 'group'));
    expect(armOf(d)).toBe('arm');
    expect(d.checks.join('\n')).toContain('if "group" holds the arm as randomised, write "columns": { "arm": "group" }');
  });

  it('only a column named for the treatment received: drafted, with a check that ITT needs the randomised arm', () => {
    const csv = export2('treatment_received', 'x').replace(/^(id|P\d+),(\w+),\w+,/gm, '$1,$2,');
    const d = draft(csv);
    expect(armOf(d)).toBe('treatment_received');
    expect(d.checks.join('\n')).toContain('"treatment_received" is named for the treatment received');
  });

  for (const [first, second] of [['TRTA', 'ACTARM'], ['TRT01A', 'ACTARM']]) {
    it(`two columns named for the treatment received (${first}, ${second}), agreeing: the first drafted, still with the ITT check`, () => {
      const lines = [`USUBJID,${first},${second},AVISIT,nrs`];
      for (let i = 1; i <= 40; i++) for (const visit of ['baseline', '3m']) lines.push(`P${i},${i % 2 ? 'app' : 'usual'},${i % 2 ? 'app' : 'usual'},${visit},${(i % 7) + 2}`);
      const d = draft(lines.join('\n') + '\n');
      expect(armOf(d)).toBe(first);
      expect(d.checks.join('\n')).toContain(`the arm column "${first}" is named for the treatment received: the primary analysis is intention to treat`);
    });
  }
});

