/**
 * `--json` rewrites paths only in the fields that name a file or carry hta's messages
 * (src/cli/json-names.ts `publishedJson`): a label, code or level is the user's text. It had
 * rewritten every string, so a label with a path-shaped word lost it — "Seen at /home/visit or
 * clinic" read "Seen at visit or clinic" when the working folder lay under /home, and a label
 * holding a typed input path ("before/after.csv") read its last name — differently per machine.
 */
import { describe, expect, it } from 'vitest';
import { publishedJson } from '../../src/cli/json-names.js';

const cwd = '/home/anna/study';
const inputs = [{ path: 'before/after.csv' }, { path: '/home/anna/study/plan.json' }];

describe('publishedJson rewrites the path fields and messages, not labels', () => {
  const out = publishedJson(
    {
      file: '/home/anna/study/before/after.csv',
      plan: 'plan.json',
      error: '/home/anna/study/before/after.csv has 1 problem(s) in 1 row(s)',
      warnings: [
        'before/after.csv: 3 patients have no baseline row',
        { outcome: 'visit', label: 'Seen at /home/visit or clinic', text: { en: 'Seen at /home/visit or clinic, in /home/anna/study/before/after.csv: few values', da: 'i /home/anna/study/before/after.csv' } },
      ],
      excluded: { groups: [{ file: '/home/anna/study/before/after.csv', values: ['/home/x 0101501234'] }] },
      outcomes: [{ key: 'visit', label: { en: 'Seen at /home/visit or clinic', da: 'Set før/efter before/after.csv' } }],
      levels: [{ value: '(/home/anna)' }],
    },
    inputs,
    cwd,
  );

  it('names the inputs by their last names in path fields and messages', () => {
    expect(out.file).toBe('after.csv');
    expect(out.plan).toBe('plan.json');
    expect(out.error).toBe('after.csv has 1 problem(s) in 1 row(s)');
    expect(out.warnings[0]).toBe('after.csv: 3 patients have no baseline row');
    expect((out.warnings[1] as { text: { en: string; da: string } }).text).toEqual({ en: 'Seen at visit or clinic, in after.csv: few values', da: 'i after.csv' });
    expect(out.excluded.groups[0]!.file).toBe('after.csv');
  });

  it('leaves labels, keys and values as the user wrote them (CPR shapes still masked)', () => {
    expect(out.outcomes[0]!.label).toEqual({ en: 'Seen at /home/visit or clinic', da: 'Set før/efter before/after.csv' });
    expect((out.warnings[1] as { label: string }).label).toBe('Seen at /home/visit or clinic');
    expect(out.levels[0]!.value).toBe('(/home/anna)');
    expect(out.excluded.groups[0]!.values).toEqual(['/home/x DDMMYY-XXXX']);
  });
});
