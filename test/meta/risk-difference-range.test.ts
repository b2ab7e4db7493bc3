import { describe, expect, it } from 'vitest';
import { HtaError, formatProblem } from '../../src/errors.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parseStudies } from '../../src/meta/read-studies.js';

// A risk difference is a proportion in [−1, 1] (docs/input-studies.md, "A risk difference is a
// proportion"): `-12,5 [-20,1; -4,9]` is percentage points, and pooled as it stands it would be
// judged "clinically relevant" against an MCID of 0.1.
function problemsOf(text: string) {
  try {
    parseStudies(parseCsvText(text, 'rd.csv'));
  } catch (err) {
    expect(err).toBeInstanceOf(HtaError);
    expect((err as HtaError).exitCode).toBe(2);
    return (err as HtaError).problems;
  }
  throw new Error('expected an input error');
}

describe('a risk difference outside [−1, 1] is refused as percentage points', () => {
  it('refuses each row at its difference cell, asking for the value divided by 100', () => {
    const problems = problemsOf(['study;outcome;time;measure;difference;ci_lower;ci_upper', 'A 2019;med_use;3m;RD;-12,5;-20,1;-4,9', 'B 2022;med_use;3m;RD;-8,0;-16,2;0,2'].join('\n'));
    expect(problems.map((p) => [p.line, p.column, p.field])).toEqual([[2, 5, 'difference'], [3, 5, 'difference']]);
    const text = formatProblem(problems[0]!);
    expect(text).toMatch(/between −1 and 1/);
    expect(text).toMatch(/percentage points/);
    expect(text).toMatch(/-0\.125 for -12,5/);
  });

  it('refuses a bound or an SE outside the range even when the estimate is inside', () => {
    const bound = problemsOf(['study,outcome,time,measure,difference,ci_lower,ci_upper', 'A,med_use,3m,RD,0.5,-0.2,1.2'].join('\n'));
    expect(bound.map((p) => p.field)).toEqual(['ci_upper']);
    const se = problemsOf(['study,outcome,time,measure,difference,se', 'A,med_use,3m,RD,-0.5,4'].join('\n'));
    expect(se.map((p) => p.field)).toEqual(['se']);
  });

  it('reads a risk difference written as a proportion, and a mean difference of any size', () => {
    const ok = parseStudies(parseCsvText(['study,outcome,time,measure,difference,ci_lower,ci_upper', 'A,med_use,3m,RD,-0.125,-0.201,-0.049', 'B,rmdq,3m,MD,-12.5,-20.1,-4.9'].join('\n'), 'ok.csv'));
    expect(ok.records.map((r) => r.input.kind)).toEqual(['ci', 'ci']);
  });
});
