/**
 * The report of a cluster-randomised trial (docs/plan-trial.md#cluster-randomised-trials): with
 * Welch or pooled t first in the plan, its rows are the unadjusted cluster-robust difference
 * ('cluster-difference'), and the summary, conclusion, forest and methods show that row as the
 * primary result (plan/primary-method.ts), not a Welch row that a clustered analysis never has.
 * Its yes/no and responder rows show their raw shares per arm, without a per-arm interval.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { primaryMethod } from '../../src/plan/primary-method.js';
import { trialReportKind } from '../../src/report/kinds/trial-report.js';
import { clusterExportLines } from '../support/cluster-export.js';
import { reportEnv } from '../support/report-env.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const basePlan = {
  arms: { intervention: 'app', control: 'usual' },
  timepoints: ['3m'],
  clusters: 'praksis',
  outcomes: [{ key: 'nrs', instrument: 'nrs', mcid: 2 }],
  primary: { outcome: 'nrs', time: '3m' },
};

/** The cluster export with a yes/no column: "Yes" for every third patient (by line). */
const exportLines = () => clusterExportLines().map((l, i) => `${l},${i === 0 ? 'med' : i % 3 === 0 ? 'Yes' : 'No'}`);

async function page(plan: object, lang: 'en' | 'da' = 'en', lines = exportLines()) {
  const dir = tempDir();
  writeFileSync(join(dir, 'export.csv'), lines.join('\n') + '\n');
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  const c = await trialReportKind.build({ id: 'r', kind: 'trial', out: 'r', lang, data: 'export.csv', plan: 'plan.json', characteristics: [] } as never, reportEnv(dir, lang));
  const text = (id: string) => JSON.stringify(c.page.sections.find((s) => s.id === id) ?? null);
  return { c, text };
}

describe('the primary method of a cluster-randomised trial', () => {
  it('is the clustered row of the first method that has one', () => {
    const clustered = (methods: string[]) => primaryMethod({ methods: methods as never, clusters: 'praksis' });
    expect(clustered(['welch'])).toBe('cluster-difference');
    expect(clustered(['pooled-t', 'ancova'])).toBe('cluster-difference');
    expect(clustered(['change', 'mmrm', 'ancova'])).toBe('ancova');
    expect(clustered(['mmrm', 'welch'])).toBe('cluster-difference');
    expect(primaryMethod({ methods: ['welch', 'ancova'], clusters: undefined })).toBe('welch');
  });

  it('with Welch first, the report shows the cluster-robust difference as the primary result', async () => {
    const { c, text } = await page({ ...basePlan, methods: ['welch'] });
    const row = (c.results as { effects: { method: string; outcome: string }[] }).effects.find((e) => e.outcome === 'nrs')!;
    expect(row.method).toBe('cluster-difference');
    expect(text('summary-of-findings')).toContain('unadjusted, cluster-robust');
    expect(text('summary-of-findings')).not.toContain('Welch');
    expect(text('conclusion')).not.toContain('names no primary');
    expect(text('conclusion')).toMatch(/primary/i);
    expect(text('effects')).not.toContain('no outcome has an MCID');
    expect(c.charts.some((ch) => ch.name === 'effects-forest')).toBe(true);
    expect(text('methods')).toContain('with 95% CIs: the difference in means (unadjusted, cluster-robust) for continuous outcomes');
    expect(text('methods')).not.toContain('Welch');
  });
});

describe('the responders of a cluster-randomised trial', () => {
  it('shows each arm\'s raw share (events/n) without an interval, and the cluster-robust risk difference', async () => {
    const plan = { ...basePlan, methods: ['ancova'], outcomes: [...basePlan.outcomes, { key: 'med', instrument: 'binary', answers: { No: 0, Yes: 1 } }], responders: [{ key: 'better', outcome: 'nrs', points: 2 }] };
    const { c, text } = await page(plan);
    // By hand from the export: the 3m rows' med values per arm, and each patient's nrs drop by ≥ 2.
    const rows = exportLines().slice(1).map((l) => l.split(','));
    const at3m = rows.filter((r) => r[6] === '3m');
    const share = (arm: string, yes: (r: string[]) => boolean) => {
      const inArm = at3m.filter((r) => r[5] === arm);
      return { events: inArm.filter(yes).length, n: inArm.length };
    };
    const medApp = share('app', (r) => r[8] === 'Yes');
    const medUsual = share('usual', (r) => r[8] === 'Yes');
    const baseOf = new Map(rows.filter((r) => r[6] === 'baseline').map((r) => [r[0], Number(r[7])]));
    const better = (r: string[]) => baseOf.get(r[0])! - Number(r[7]) >= 2;
    const effects = (c.results as { effects: { outcome: string; shares?: unknown; risks?: unknown }[] }).effects;
    expect(effects.find((e) => e.outcome === 'med')!.shares).toEqual({ intervention: medApp.events / medApp.n, control: medUsual.events / medUsual.n, eventsIntervention: medApp.events, eventsControl: medUsual.events });
    expect(effects.find((e) => e.outcome === 'med')!.risks).toBeUndefined();
    const b = { app: share('app', better), usual: share('usual', better) };
    expect(effects.find((e) => e.outcome === 'better')!.shares).toMatchObject({ eventsIntervention: b.app.events, eventsControl: b.usual.events });
    // The summary of findings bases a yes/no row on the control arm's share per 1,000, not a mean.
    expect(text('summary-of-findings')).toContain(`${Math.round((1000 * medUsual.events) / medUsual.n)} per 1,000`);
    const section = text('responders');
    expect(section).not.toContain('no responder definitions');
    const chart = c.charts.find((ch) => ch.name === 'responders')!;
    const numbers = JSON.stringify(chart.numbers);
    expect(numbers).toContain(`(${medApp.events}/${medApp.n})`);
    expect(numbers).toContain(`(${b.usual.events}/${b.usual.n})`);
    expect(numbers).toContain('none (clusters)');
    expect(numbers).not.toMatch(/Wilson/);
    expect(JSON.stringify(chart.spec)).toContain('without an interval (one that ignored the clusters would be too narrow)');
    expect(JSON.stringify(chart.spec)).toContain('linear probability model, cluster-robust');
  });
});

describe('the number of clusters on the page of a cluster-randomised trial', () => {
  /** The practices of each arm, counted from the export's rows. */
  const practicesPerArm = (lines: string[]) => {
    const per = new Map<string, Set<string>>();
    for (const r of lines.slice(1).map((l) => l.split(','))) per.set(r[5]!, (per.get(r[5]!) ?? new Set()).add(r[1]!));
    return { app: per.get('app')!.size, usual: per.get('usual')!.size };
  };
  const methods = (c: { page: { sections: { id: string; intro?: unknown }[] } }) => JSON.stringify(c.page.sections.find((s) => s.id === 'methods')!.intro);
  const flowLines = (c: { page: { sections: { id: string; textVersion?: unknown }[] } }) => JSON.stringify(c.page.sections.find((s) => s.id === 'flow')!.textVersion);

  it('gives the clusters and patients at allocation, the df of t and the few-clusters caveat, in English', async () => {
    const { c } = await page({ ...basePlan, methods: ['ancova'] });
    const k = practicesPerArm(exportLines());
    const r = c.results as { input: { clusters?: unknown; patients: { intervention: number; control: number } }; effects: { clusters?: number }[] };
    expect(r.input.clusters).toEqual({ column: 'praksis', intervention: k.app, control: k.usual });
    const g = r.effects[0]!.clusters!;
    expect(g).toBe(k.app + k.usual);
    const flow = flowLines(c);
    expect(flow).toContain(`Randomised: ${k.app + k.usual} clusters, n = ${r.input.patients.intervention + r.input.patients.control}`);
    expect(flow).toContain(`Allocated: ${k.app} clusters, n = ${r.input.patients.intervention}`);
    expect(flow).toContain(`Allocated: ${k.usual} clusters, n = ${r.input.patients.control}`);
    const m = methods(c);
    expect(m).toContain(`${k.app + k.usual} clusters, ${k.app} allocated to`);
    expect(m).toContain(`with t on ${g - 1} degrees of freedom`);
    expect(m).toContain(`With ${g} clusters, fewer than about 20–30, CR1 intervals can still be somewhat too narrow`);
    // The yes/no rows' method is said once, rightly: no Newcombe interval or risk ratio in a cluster trial.
    expect(m).toContain('the risk difference from the linear probability model for yes/no outcomes and responders');
    expect(m).not.toContain('Newcombe');
    expect(m).not.toContain('risk ratio');
  });

  it('says the same in Danish', async () => {
    const { c } = await page({ ...basePlan, methods: ['ancova'] }, 'da');
    const k = practicesPerArm(exportLines());
    const g = (c.results as { effects: { clusters?: number }[] }).effects[0]!.clusters!;
    expect(flowLines(c)).toContain(`Allokeret: ${k.app} klynger, n = `);
    expect(flowLines(c)).toContain(`Randomiseret: ${k.app + k.usual} klynger, n = `);
    const m = methods(c);
    expect(m).toContain(`med t på ${g - 1} frihedsgrader`);
    expect(m).toContain(`Med ${g} klynger, færre end omkring 20–30`);
    expect(m).toContain('risikodifference fra den lineære sandsynlighedsmodel for ja/nej-effektmål');
    expect(m).not.toContain('Newcombe');
  });

  it('leaves the caveat out with 30 clusters or more', async () => {
    // 32 practices of 3 patients, 16 per arm (the columns of exportLines: praksis second, arm sixth).
    const lines = ['id,praksis,site,alder,note,arm,time,nrs'];
    for (let p = 1; p <= 32; p++) {
      for (let j = 0; j < 3; j++) {
        const k = 3 * p + j;
        for (const [time, v] of [['baseline', (k * 7) % 11], ['3m', (k * 5 + p) % 11]] as const) lines.push(`S${k},P${p},x,50,y,${p <= 16 ? 'app' : 'usual'},${time},${v}`);
      }
    }
    const k = practicesPerArm(lines);
    expect(k.app + k.usual).toBeGreaterThanOrEqual(30);
    const { c } = await page({ ...basePlan, methods: ['ancova'] }, 'en', lines);
    const g = (c.results as { effects: { clusters?: number }[] }).effects[0]!.clusters!;
    expect(methods(c)).toContain(`with t on ${g - 1} degrees of freedom`);
    expect(methods(c)).not.toContain('fewer than about 20–30');
  });
});
