/**
 * One time-axis convention across reports (docs/report-trial.md): the trial's mean-score chart
 * plots weeks since baseline and the cost-effectiveness utility chart weeks, or months past about
 * six months of follow-up (docs/plan-cea.md), with a tick at each visit's true time — for the CEA,
 * the plan's own visit times — named as the tables name the visit ("6 weeks", "3 months" /
 * "6 uger", "3 mdr."), never a bare number.
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
  it.each([['selfback', 'selfback-cea', 'en'], ['selfback-da', 'selfback-cea-da', 'da']] as const)('%s and %s: weeks (the CEA\'s 9 months: months) since baseline, ticks at the visits', (trial, cea, lang) => {
    const plan = JSON.parse(readFileSync('data/plans/selfback.cea.json', 'utf8')) as { visitTimes: { unit: string; times: Record<string, number> } };
    expect(plan.visitTimes.unit).toBe('weeks');
    const planWeeks = Object.values(plan.visitTimes.times);

    // The cost-effectiveness chart follows 39 weeks (past about six months) in months, ticks at the visits' months.
    const planMonths = planWeeks.map((w) => Number(((w * 7) / (365.25 / 12)).toFixed(1)));
    const utilities = xAxes(spec(`reports/${cea}/utilities.vl.json`));
    expect(utilities).toEqual([{ title: lang === 'en' ? 'Months since baseline' : 'Måneder efter baseline', values: planMonths }]);
    // The points sit at those months: the last visit at the plan's last time.
    const points = (spec(`reports/${cea}/utilities.vl.json`) as { data: { values: { months: number; visit: string }[] } }).data.values;
    for (const p of points) expect(p.months).toBeCloseTo((plan.visitTimes.times[p.visit]! * 7) / (365.25 / 12), 3);

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
      // The cost-effectiveness chart names baseline as its Table 3 does.
      for (const labels of axes) expect(labels, file).toEqual(file.includes(cea) ? ['Baseline', ...names.slice(1)] : names);
    }
  });
});
