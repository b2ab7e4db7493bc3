/**
 * A chart with nothing to show is left out, and its section says why (index.html and
 * README.md); no spec or SVG ever carries Infinity or NaN.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assertFiniteChart, chartDataIsEmpty, dropEmptyCharts, nonFiniteNumbers } from '../../src/report/chart-data.js';
import { respondersSpec } from '../../src/report/charts/responders.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { REPORT_TEXT } from '../../src/report/i18n.js';
import { bundledTrial } from './trial-report-support.js';
import { trialReportFiles } from './report-files-support.js';

type PlanJson = Record<string, unknown> & { outcomes: { key: string }[] };
const bundledPlan = () => JSON.parse(readFileSync('data/plans/selfback.plan.json', 'utf8')) as PlanJson;

function expectFinite(files: Map<string, string>): void {
  for (const [f, text] of files) {
    expect(text.match(/Infinity|NaN/)?.[0], f).toBeUndefined();
    if (f.endsWith('.vl.json')) expect(nonFiniteNumbers(JSON.parse(text)), f).toEqual([]);
  }
}

describe('charts with nothing to show', () => {
  it('a plan without responders or yes/no outcomes has no responders section at all, and no note on pp rows', async () => {
    // An empty "Responders and yes/no outcomes" heading over "No chart: the plan has no …", and
    // "pp rows have no MCID" under a table with no pp row, were noise a new user asked about.
    const plan = { ...bundledPlan(), outcomes: bundledPlan().outcomes.filter((o) => o.key === 'rmdq'), responders: [], methods: ['ancova'], missing: { sensitivity: false } };
    const files = await trialReportFiles(plan, 'en');
    expect([...files.keys()].filter((f) => f.startsWith('responders'))).toEqual([]);
    expect(files.has('effects-forest.svg') && files.has('trajectories.svg') && files.has('participant-flow.svg')).toBe(true);
    expect(files.get('README.md')).not.toContain('Responders and yes/no outcomes');
    expect(files.get('README.md')).not.toContain(REPORT_TEXT.respondersEmpty.en);
    expect(files.get('README.md')).not.toContain('responders.svg');
    expect(files.get('index.html')).not.toContain('<section id="responders">');
    expect(files.get('README.md')).not.toContain('pp rows have no MCID');
    expect(files.get('README.md')).toContain('## All effect estimates');
    // The forest plot no longer points readers to a responders chart that is not there.
    expect(files.get('effects-forest.vl.json')).not.toContain('responders chart');
    expectFinite(files);
  });

  it('a plan with only a yes/no outcome (no MCID) has neither a forest plot nor trajectories (Danish)', async () => {
    const plan = { ...bundledPlan(), outcomes: bundledPlan().outcomes.filter((o) => o.key === 'med_use'), responders: [], primary: { outcome: 'med_use', time: '3m' }, methods: ['ancova'], missing: { sensitivity: false } };
    const files = await trialReportFiles(plan, 'da');
    expect([...files.keys()].filter((f) => f.endsWith('.svg')).sort()).toEqual(['participant-flow.svg', 'responders.svg']);
    const readme = files.get('README.md')!;
    expect(readme).toContain(REPORT_TEXT.forestEmpty.da);
    expect(readme).toContain(REPORT_TEXT.trajectoriesEmpty.da);
    expectFinite(files);
  });

  it('builders stay finite on empty input; empty data and non-finite numbers are recognised', () => {
    const { trial } = bundledTrial();
    const spec = respondersSpec({ effects: [] }, trialChartContext(trial, 'en'));
    expect(nonFiniteNumbers(spec)).toEqual([]);
    expect(chartDataIsEmpty(spec)).toBe(true);
    expect(chartDataIsEmpty({ layer: [{ data: { values: [{}] } }, { data: { values: [{ x: 1 }] } }] })).toBe(false);
    expect(chartDataIsEmpty({ hconcat: [{ data: { values: [] } }, { data: { values: [{}] } }] })).toBe(true);
    expect(nonFiniteNumbers({ width: Infinity, layer: [{ x: NaN }, { y: 2 }] })).toEqual(['width', 'layer.0.x']);
    expect(() => assertFiniteChart({ name: 'bad', alt: '', spec: { width: -Infinity } as never })).toThrow(/chart "bad".*not finite.*width/);
    const { charts, sections } = dropEmptyCharts(
      [{ name: 'a', alt: '', spec: { data: { values: [] } } as never }, { name: 'b', alt: '', spec: { data: { values: [{ v: 1 }] } } as never }],
      [{ id: 'a', title: 'A', chart: 'a' }, { id: 'b', title: 'B', chart: 'b' }],
      'nothing to draw',
    );
    expect(charts.map((c) => c.name)).toEqual(['b']);
    expect(sections).toEqual([{ id: 'a', title: 'A', intro: ['nothing to draw'] }, { id: 'b', title: 'B', chart: 'b' }]);
  });
});
