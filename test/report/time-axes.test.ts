/**
 * One time-axis convention across reports (docs/report-trial.md): the trial's mean-score chart
 * and the cost-effectiveness utility chart both plot weeks since baseline, with a tick at each
 * visit's true week — for the CEA, the plan's own visit times — named as the tables name the
 * visit ("6 weeks", "3 months" / "6 uger", "3 mdr."), never a bare week number.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPORT_TEXT } from '../../src/report/i18n.js';

type Axis = { title?: string; values?: number[] };
function xAxes(spec: unknown): Axis[] {
  const out: Axis[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const x = (o.encoding as Record<string, { title?: string; axis?: Axis }> | undefined)?.x;
      if (x && (x.title || x.axis?.title)) out.push({ title: x.axis?.title ?? x.title, values: x.axis?.values });
      Object.values(o).forEach(walk);
    }
  };
  walk(spec);
  return out;
}
const spec = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as unknown;

describe('one time axis across reports', () => {
  it.each([['selfback', 'selfback-cea', 'en'], ['selfback-da', 'selfback-cea-da', 'da']] as const)('%s and %s: weeks since baseline, ticks at the visits\' weeks', (trial, cea, lang) => {
    const plan = JSON.parse(readFileSync('data/plans/selfback.cea.json', 'utf8')) as { visitTimes: { unit: string; times: Record<string, number> } };
    expect(plan.visitTimes.unit).toBe('weeks');
    const planWeeks = Object.values(plan.visitTimes.times);

    const utilities = xAxes(spec(`reports/${cea}/utilities.vl.json`));
    expect(utilities).toEqual([{ title: REPORT_TEXT.weeksAxis[lang], values: planWeeks }]);
    // The points sit at those weeks: the last visit at the plan's last time.
    const points = (spec(`reports/${cea}/utilities.vl.json`) as { data: { values: { weeks: number; visit: string }[] } }).data.values;
    for (const p of points) expect(p.weeks).toBeCloseTo(plan.visitTimes.times[p.visit]!, 6);

    const trajectories = xAxes(spec(`reports/${trial}/trajectories.vl.json`));
    expect(trajectories.length).toBeGreaterThan(0);
    for (const a of trajectories) expect(a).toEqual({ title: REPORT_TEXT.weeksAxis[lang], values: planWeeks });

    // The drawn tick labels, in order under each panel: the visits' names.
    const names = lang === 'da' ? ['baseline', '6 uger', '3 mdr.', '6 mdr.', '9 mdr.'] : ['baseline', '6 weeks', '3 months', '6 months', '9 months'];
    const xLabels = (svg: string) => [...svg.matchAll(/<g class="mark-text role-axis-label"[^>]*>([\s\S]*?)<\/g>/g)]
      .map((g) => [...g[1]!.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((t) => t[1]!.replace(/<[^>]+>/g, '')))
      .filter((labels) => !labels.every((l) => /^[\d.,−-]+$/.test(l)));
    for (const file of [`reports/${cea}/utilities.svg`, `reports/${trial}/trajectories.svg`]) {
      const axes = xLabels(readFileSync(file, 'utf8'));
      expect(axes.length, file).toBeGreaterThan(0);
      for (const labels of axes) expect(labels, file).toEqual(names);
    }
  });
});
