/**
 * FieldReader.width: a cell's length as written, read without making its string, so the trial
 * loader passes over cells too short to hold a CPR number (trial/cpr-cells.ts CPR_MIN_WIDTH:
 * ten characters) without testing them (docs/architecture.md#the-cost-of-a-cold-regeneration).
 * A CPR number of exactly ten characters, or with blanks around it, is still refused.
 */
import { describe, expect, it } from 'vitest';
import { FieldReader, parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { HtaError } from '../../src/errors.js';

describe('FieldReader.width', () => {
  it('is the length of the cell as written, blanks included; 0 beyond the record; -1 for a quoted record', () => {
    const t = parseCsvText('id;a;b;c\nP1;  7 ;;0101011234\nP2;"x;y";1;2\n', 'w.csv');
    const f = new FieldReader();
    f.load(t.records[0]!);
    expect([0, 1, 2, 3, 4, -1].map((i) => f.width(i))).toEqual([2, 4, 0, 10, 0, 0]);
    expect(f.cell(1)).toBe('7');
    f.load(t.records[1]!);
    expect(f.width(1)).toBe(-1);
    expect(f.cell(1)).toBe('x;y');
  });
});

describe('CPR numbers outside the id column, at the shortest', () => {
  const plan = parsePlan({ arms: { intervention: 'A', control: 'B' }, timepoints: ['3m'], outcomes: [{ key: 'pain', instrument: 'nrs' }], methods: ['ancova'] });
  /** 12 patients; `cell` replaces patient 3's 3m pain score. */
  const exportWith = (cell: string) => {
    const lines = ['id,arm,time,pain'];
    for (let id = 1; id <= 12; id++) {
      const arm = id % 2 ? 'A' : 'B';
      lines.push(`${id},${arm},baseline,${(id % 5) + 4}`, `${id},${arm},3m,${id === 3 ? cell : String((id % 4) + 1)}`);
    }
    return parseCsvText(lines.join('\n') + '\n', 'e.csv');
  };
  const refusal = (cell: string) => {
    try {
      loadTrial(exportWith(cell), plan);
      return undefined;
    } catch (e) {
      return e instanceof HtaError ? e.message : String(e);
    }
  };

  it('ten characters (and with blanks around) are refused; nine are read as the value they are', () => {
    for (const cpr of ['2308748804', ' 2308748804', '230874-8804 ']) expect(refusal(cpr), JSON.stringify(cpr)).toContain('that look like CPR numbers');
    expect(refusal('230874880')).not.toContain('CPR');
  });
});
