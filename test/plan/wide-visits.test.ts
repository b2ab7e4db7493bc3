/**
 * Visit suffixes of a wide export as Danish and English researchers write them
 * (src/plan/wide-visits.ts, docs/plan-trial.md "Visits of a wide export").
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { namedVisit, unseparatedVisits, wideVisits } from '../../src/plan/wide-visits.js';

describe('wide visit suffixes', () => {
  it.each(['baseline', 'Baseline', 'BL', 'bl', 'basis', 'Basis', 'før', 'FØR', 'foer', 'start', 'Start', 'inklusion', 'Inklusion', 'inkl', 't0', 'T0', 'v0', 'pre', 'screening', '0m', '0mdr', 'uge0', 'randomisering'])('%s is the baseline', (suffix) => {
    expect(namedVisit(suffix)).toMatchObject({ label: 'baseline', baseline: true });
  });

  it.each([
    ['3mdr', '3m'], ['12mdr', '12m'], ['3M', '3m'], ['6m', '6m'], ['12mnd', '12m'], ['3maaneder', '3m'], ['3måneder', '3m'],
    ['6uger', '6w'], ['6u', '6w'], ['uge6', '6w'], ['12w', '12w'], ['26wk', '26w'], ['1år', '1y'], ['1aar', '1y'], ['14d', '14d'],
    ['efter3', '3m'], ['efter6mdr', '6m'], ['efter12uger', '12w'],
  ])('%s is the follow-up %s', (suffix, label) => {
    expect(namedVisit(suffix)).toMatchObject({ label, baseline: false });
  });

  it('a unit left unsaid ("efter3") is months, and says it was guessed', () => {
    expect(namedVisit('efter3')).toMatchObject({ label: '3m', monthsGuessed: true });
    expect(namedVisit('3mdr')).toMatchObject({ monthsGuessed: false });
  });

  it.each(['tot', 'gns', 'vaerst', 'mo', 'ua', 'name', 'timestamp', 'id', '5mg', 'kg'])('%s names no visit', (suffix) => {
    expect(namedVisit(suffix)).toBeUndefined();
  });

  it('bare numbers are visits only beside _0 (months), never item numbers', () => {
    expect(wideVisits(['id', 'Smerte_0', 'Smerte_3', 'Smerte_12', 'RMDQ_0', 'RMDQ_3', 'RMDQ_12'])).toEqual({
      numeric: true,
      baselines: ['0'],
      visits: [
        { suffix: '0', label: 'baseline', baseline: true, monthsGuessed: false },
        { suffix: '3', label: '3m', baseline: false, monthsGuessed: true },
        { suffix: '12', label: '12m', baseline: false, monthsGuessed: true },
      ],
    });
    const items = Array.from({ length: 24 }, (_, i) => `rmdq_${i + 1}`);
    expect(wideVisits(['id', ...items]).visits).toEqual([]);
    // A stem's numbers beside its own _0 are visits even where other stems have named ones: two
    // baselines (_basis, _0) are then for the user to settle, not guessed.
    expect(wideVisits(['id', 'rmdq_1_basis', 'rmdq_1_3mdr', 'rmdq_0', 'rmdq_3']).baselines).toEqual(['basis', '0']);
  });

  it('reads visits only from stems measured at two visits or more: a lone date column is no baseline', () => {
    // Found in review: "Dato_randomisering" before the outcomes made the randomisation date the baseline.
    const v = wideVisits(['id', 'gruppe', 'Dato_randomisering', 'Behandling_start', 'Smerte_basis', 'Smerte_3mdr', 'RMDQ_basis', 'RMDQ_3mdr']);
    expect(v.visits.map((x) => [x.suffix, x.label])).toEqual([['basis', 'baseline'], ['3mdr', '3m']]);
    expect(v.baselines).toEqual(['basis']);
  });

  it('reads a stem\'s bare numbers as visits beside its named baseline (rmdq_basis, rmdq_3)', () => {
    const v = wideVisits(['id', 'gruppe', 'rmdq_basis', 'rmdq_3', 'rmdq_12']);
    expect(v.visits.map((x) => [x.suffix, x.label])).toEqual([['basis', 'baseline'], ['3', '3m'], ['12', '12m']]);
    expect(v.numeric).toBe(true);
    // An item block beside a baseline stays items (more numbers than any trial has visits).
    expect(wideVisits(['id', 'rmdq_basis', ...Array.from({ length: 24 }, (_, i) => `rmdq_${i + 1}`)]).visits).toEqual([]);
  });
});

describe('visit numbers (rmdq_0 rmdq_1 rmdq_2): no time, kept as written', () => {
  // Found by a tester: drafted as 1m/2m and reported as "1 month", while the long layout with the
  // same numbers asks for their unit.
  it('follow-ups numbered 1, 2, … after _0 are visit numbers; _3, _12 still read as months', () => {
    expect(wideVisits(['id', 'arm', 'rmdq_0', 'rmdq_1', 'rmdq_2']).visits).toEqual([
      { suffix: '0', label: 'baseline', baseline: true, monthsGuessed: false },
      { suffix: '1', label: '1', baseline: false, monthsGuessed: false, visitNumber: true },
      { suffix: '2', label: '2', baseline: false, monthsGuessed: false, visitNumber: true },
    ]);
    expect(wideVisits(['id', 'rmdq_basis', 'rmdq_1']).visits.map((v) => [v.suffix, v.label])).toEqual([['basis', 'baseline'], ['1', '1']]);
    expect(unseparatedVisits(['id', 'rmdq0', 'rmdq1', 'rmdq2'])!.visits.map((v) => v.label)).toEqual(['baseline', '1', '2']);
    expect(unseparatedVisits(['id', 'rmdq0', 'rmdq3', 'rmdq12'])!.visits.map((v) => v.label)).toEqual(['baseline', '3m', '12m']);
  });

  it('plan init drafts them as the long layout does and asks for their time in "timeLabels", in good grammar', () => {
    const rows = Array.from({ length: 8 }, (_, k) => `P${k + 1};${k % 2 ? 'app' : 'usual'};${30 + k};${10 + k};${8 + (k % 3)};${6 + (k % 4)}`);
    const { plan, checks } = draftPlan(parseCsvText(['id;arm;age;rmdq_0;rmdq_1;rmdq_2', ...rows].join('\n'), 'w.csv'), 'plan.schema.json');
    expect(plan).toMatchObject({ layout: 'wide', timeLabels: { '0': 'baseline' }, timepoints: ['1', '2'], allTimepoints: ['baseline', '1', '2'] });
    const said = checks.join('\n');
    expect(said).toContain('visit suffixes _1, _2 are visit numbers without a unit: say their time in "timeLabels" (e.g. { "1": "1w" } if visit 1 is 1 week after the baseline, "1m" for 1 month;');
    expect(said).not.toContain('read as months');
    const long = ['id;arm;visit;rmdq', ...Array.from({ length: 4 }, (_, k) => [`P${k};app;0;9`, `P${k};app;1;7`, `P${k};app;2;5`]).flat()].join('\n').replace(/P([13]);app/g, 'P$1;usual');
    expect(draftPlan(parseCsvText(long, 'l.csv'), 'plan.schema.json').checks.join('\n')).toContain('visits "1", "2" are bare numbers: say their time in "timeLabels" (e.g. { "1": "1w" } if visit 1 is 1 week after the baseline');
  });
});
