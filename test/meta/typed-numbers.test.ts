/**
 * Study files typed from papers (docs/input-studies.md, "Thousands separators", "A ratio between
 * 0.01 and 100", "Numbers on the outcome's scale"): `33.125` in a decimal-comma file was read as
 * 33125 and pooled as a PSEQ difference of 2875 (i3.csv); an RR `1.250` as 1250 (j1.csv); a typed
 * RR `1250` accepted (k2.csv). Each is refused at its cell; counts keep their thousands separators.
 */
import { describe, expect, it } from 'vitest';
import { HtaError, formatProblem } from '../../src/errors.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { metaAnalyze } from '../../src/meta/meta-analyze.js';
import { parseStudies } from '../../src/meta/read-studies.js';
import { warningDa } from '../../src/meta/warnings-da.js';
import { loadPlanFile } from '../../src/plan/load-plan.js';

const read = (text: string, file = 'x.csv') => parseStudies(parseCsvText(text, file));

function problemsOf(run: () => unknown) {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(HtaError);
    expect((err as HtaError).exitCode).toBe(2);
    return (err as HtaError).problems;
  }
  throw new Error('expected an input error');
}

const ARMS = 'study;outcome;time;n_intervention;mean_intervention;sd_intervention;n_control;mean_control;sd_control';
const CI = 'study;outcome;time;measure;difference;ci_lower;ci_upper';

describe('only n and events may carry a thousands separator', () => {
  it('i3.csv: a mean written 33.125 in a decimal-comma file is refused with both readings', () => {
    const ps = problemsOf(() => read([ARMS, 'A 2019;pseq;3m;125;31,2;12,1;124;29,0;12,5', 'B 2021;pseq;3m;120;33.125;11,5;118;30,250;12,0'].join('\n'), 'i3.csv'));
    expect(ps).toHaveLength(1);
    const p = ps[0]!;
    expect([p.line, p.column, p.field, p.value, p.kind, p.detail]).toEqual([3, 5, 'mean_intervention', '33.125', 'meta.thousands-ambiguous', '33125 or 33,125']);
    expect(formatProblem(p)).toMatch(/without a thousands separator \(only n and events may carry one; the file writes decimals with a comma\)/);
    expect(p.hint).toMatch(/write 33,125 with the file's decimal comma if it has decimals, or 33125 if it is a whole number/);
  });

  it('i4.csv and j1.csv: a difference -1.250 and an RR 1.250 (with its bounds) are refused, not read as -1250 and 1250', () => {
    const i4 = problemsOf(() => read(['study;outcome;time;difference;ci_lower;ci_upper', 'A 2019;rmdq;3m;-0,8;-1,6;0,0', 'B 2021;rmdq;3m;-1.250;-2.100;-0,4'].join('\n')));
    expect(i4.map((p) => [p.field, p.detail])).toEqual([['difference', '-1250 or -1,250'], ['ci_lower', '-2100 or -2,100']]);
    const j1 = problemsOf(() => read([CI, 'A 2019;med_use;3m;RR;1.250;1.100;1.420', 'B 2021;med_use;3m;RR;1.125;1.010;1.253'].join('\n')));
    expect(j1.map((p) => `${p.line}:${p.field}`)).toEqual(['2:difference', '2:ci_lower', '2:ci_upper', '3:difference', '3:ci_lower', '3:ci_upper']);
    expect(j1.every((p) => p.kind === 'meta.thousands-ambiguous')).toBe(true);
  });

  it('i5.csv: the mirror, "33,125" in a comma file, says both readings too', () => {
    const ps = problemsOf(() => read('study,outcome,time,n_intervention,mean_intervention,sd_intervention,n_control,mean_control,sd_control\nB 2021,pseq,3m,120,"33,125",11.5,118,30.2,12.0'));
    expect([ps[0]!.kind, ps[0]!.detail]).toEqual(['meta.thousands-ambiguous', '33125 or 33.125']);
    expect(ps[0]!.hint).toMatch(/write 33\.125 with the file's decimal point/);
  });

  it('a grouping that reads one way (1.234,5) is refused too; a 95% CI column does not split such bounds', () => {
    const ps = problemsOf(() => read([ARMS, 'A 2019;cost;3m;40;1.234,5;450;40;1100;400'].join('\n')));
    expect([ps[0]!.field, ps[0]!.kind, ps[0]!.detail]).toEqual(['mean_intervention', 'meta.thousands-separator', 'read as 1234,5']);
    const ci = problemsOf(() => read(['study;outcome;time;measure;difference;95% KI', 'A 2019;med_use;3m;RR;1,25;1.100 til 1.420'].join('\n')));
    expect([ci[0]!.column, ci[0]!.value]).toEqual([6, '1.100 til 1.420']);
  });

  it('group sizes and events keep their thousands separators', () => {
    const t = read([ARMS, 'A 2019;rmdq;3m;1.234;5,1;2,0;1.100;6,2;2,1'].join('\n'));
    expect([t.records[0]!.nIntervention, t.records[0]!.nControl]).toEqual([1234, 1100]);
    const c = read('study,outcome,time,events_intervention,n_intervention,events_control,n_control\nA,med_use,3m,"1,050","2,400",900,"2,380"');
    expect(c.records[0]!.input).toEqual({ kind: 'events', table: { eventsIntervention: 1050, nIntervention: 2400, eventsControl: 900, nControl: 2380 } });
  });
});

describe('a risk or odds ratio between 0.01 and 100', () => {
  it('k2.csv: an RR typed 1250 is refused at the estimate', () => {
    const ps = problemsOf(() => read([CI, 'A 2019;med_use;3m;RR;1250;1100;1420', 'B 2021;med_use;3m;RR;0,8;0,6;1,1'].join('\n')));
    expect(ps.map((p) => [p.line, p.column, p.kind])).toEqual([[2, 5, 'meta.ratio-range']]);
    expect(formatProblem(ps[0]!)).toMatch(/expected a risk ratio between 0\.01 and 100.*decimal mark \(1\.250 typed as 1250\)/);
    expect(problemsOf(() => read([CI, 'A 2019;ae;3m;OR;0,005;0,001;0,02'].join('\n')))[0]!.kind).toBe('meta.ratio-range');
  });

  it('a bound alone beyond the range (a sparse trial) is pooled, with a warning', () => {
    const t = read([CI, 'A 2019;ae;3m;OR;5,0;0,21;120'].join('\n'));
    expect(t.records).toHaveLength(1);
    expect(t.warnings.filter((w) => /reaches /.test(w))).toEqual([
      "A 2019 (line 2), ae 3m: the odds ratio's 95% CI [0,21, 120] reaches above 100 (ci_upper): possible for a trial with very few events, but check the bounds against the paper (a decimal mark lost, 1.420 typed as 1420)",
    ]);
    // Both bounds out: each named with its own limit, in English and Danish.
    const both = read([CI, 'A 2019;ae;3m;OR;5,0;0,001;500'].join('\n')).warnings.filter((w) => /reaches /.test(w));
    expect(both).toEqual(["A 2019 (line 2), ae 3m: the odds ratio's 95% CI [0,001, 500] reaches below 0.01 (ci_lower) and above 100 (ci_upper): possible for a trial with very few events, but check the bounds against the paper (a decimal mark lost, 1.420 typed as 1420)"]);
    expect(both.map(warningDa)).toEqual(['A 2019 (linje 2), ae 3m: oddsratioens 95 %-KI (0,001 til 500) går under 0,01 (ci_lower) og over 100 (ci_upper): muligt i et forsøg med meget få hændelser, men kontrollér grænserne mod artiklen (et decimaltegn tabt, 1,420 skrevet som 1420)']);
  });
});

describe("numbers on the outcome's scale", () => {
  const plan = loadPlanFile('data/plans/selfback.plan.json');

  it('with the plan, a PSEQ (0–60) mean of 33125 and an SD of 120 are refused naming the scale; a change from baseline is not', () => {
    const t = read([ARMS, 'A 2019;pseq;3m;125;31,2;12,1;124;29,0;12,5', 'B 2021;pseq;3m;120;33125;11,5;118;-3,2;120'].join('\n'));
    const ps = problemsOf(() => metaAnalyze(t, { version: 't', plan }));
    expect(ps.map((p) => [p.line, p.column, p.field, p.value])).toEqual([[3, 5, 'mean_intervention', '33125'], [3, 9, 'sd_control', '120']]);
    expect(ps[0]!.expected).toBe('a mean on the scale PSEQ 0–60 (or a change from baseline, -60 to 60)');
    expect(ps[1]!.expected).toBe("an SD of at most the scale's width, 60 (PSEQ 0–60)");
  });

  it('a mean difference, a bound or an SE beyond the width is refused; without a plan too, when the outcome is an instrument key', () => {
    const t = read(['study;outcome;time;difference;ci_lower;ci_upper;se', 'A 2019;pseq;3m;2,2;-0,8;5,3;', 'B 2021;pseq;3m;2875;2872;2878;', 'C 2022;rmdq;3m;-1,2;;;30'].join('\n'));
    for (const options of [{ plan }, {}]) {
      const ps = problemsOf(() => metaAnalyze(t, { version: 't', ...options }));
      expect(ps.map((p) => `${p.line}:${p.field}`)).toEqual(['3:difference', '3:ci_lower', '3:ci_upper', '4:se']);
      expect(ps[0]!.expected).toBe('a mean difference within ±60, the width of the scale PSEQ 0–60');
    }
    // An outcome no instrument scores has no scale to check against.
    const other = read(['study;outcome;time;difference;ci_lower;ci_upper', 'A 2019;cost;3m;2875;2000;3750'].join('\n'));
    expect(metaAnalyze(other, { version: 't' }).pooled.length).toBeGreaterThan(0);
  });
});
