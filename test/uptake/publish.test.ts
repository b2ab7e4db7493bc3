/**
 * The uptake plan's `publish` (docs/plan-uptake.md "What is published"): a breakdown left out is
 * in no output — text, JSON, CSV, report page and charts — and not in the cell model the
 * suppression protects, so on a small registry the totals stay visible; the audit still finds
 * nothing narrow; above half suppressed the outputs say why and point to the setting.
 *
 * Expected counts come from the raw registry CSV, counted here line by line (not from hta).
 * LP solves are slow: one 400-row registry shared by the tests, small random ones in the property.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulateEligible, simulateRegistry } from '../../src/simulate/registry.js';
import { uptakeAudit, uptakeCsvFiles, uptakeSummary } from '../../src/cli/uptake.js';
import { runUptake } from '../../src/uptake/run-uptake.js';
import type { UptakeRun } from '../../src/uptake/uptake-analysis.js';
import { parseUptakePlan, type UptakePlan } from '../../src/uptake/uptake-plan.js';
import { uptakeResultsSchema } from '../../src/uptake/uptake-results-schema.js';
import { uptakeReportKind } from '../../src/report/kinds/uptake-report.js';
import { draftUptakePlan } from '../../src/uptake/draft-uptake-plan.js';
import { tempDir } from '../support/run-cli.js';
import { reportEnv } from '../support/report-env.js';
import { uptakeEquitySpec } from '../../src/report/charts/uptake-equity.js';

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const LONG = Number(process.env.HTA_DISCLOSURE_RUNS ?? 0);
const basePlan = () => JSON.parse(readFileSync(root('data/plans/uptake.plan.json'), 'utf8')) as Record<string, unknown>;

let dir: string;
const files = () => ({ registryFile: join(dir, 'registry.csv'), eligibleFile: join(dir, 'eligible.csv') });
const planWith = (publish: unknown, over: Record<string, unknown> = {}): UptakePlan => {
  const { $schema: _s, ...plan } = basePlan();
  return parseUptakePlan({ ...plan, ...(publish === undefined ? {} : { publish }), ...over });
};
const run = (plan: UptakePlan) => runUptake({ ...files(), plan });

/** The whole country's referrals and activations, straight from the CSV lines. */
function rawTotals(csv: string): { referrals: number; activations: number } {
  const [head, ...lines] = csv.trim().split('\n');
  const col = head!.split(',').indexOf('activated');
  return { referrals: lines.length, activations: lines.filter((l) => l.split(',')[col] !== '').length };
}

const national = (r: UptakeRun) => r.analysis.metrics.find((m) => m.region === 'national' && m.period === 'all' && m.dimension === 'all')!;

// Shared: the 400-row registry of the observation, published in full and reduced.
let full: UptakeRun;
let regionYear: UptakeRun;
beforeAll(async () => {
  dir = tempDir();
  writeFileSync(join(dir, 'registry.csv'), simulateRegistry({ rows: 400, seed: 1 }));
  writeFileSync(join(dir, 'eligible.csv'), simulateEligible({ seed: 1 }));
  full = await run(planWith(undefined));
  regionYear = await run(planWith({ months: false, clinics: false, equity: [] }));
}, 60_000);

describe('publish: what is left out is in no output', () => {
  it('months, clinics and two equity breakdowns off: absent from JSON, CSV, text and the report page (en, da)', async () => {
    const plan = planWith({ months: false, clinics: false, equity: ['sex'] });
    const r = await run(plan);
    const a = r.analysis;
    const json = JSON.parse(JSON.stringify(a)) as Record<string, unknown>;
    expect(uptakeResultsSchema.safeParse(json).success).toBe(true);
    expect(json.leftOut).toEqual(['months', 'clinics', 'ageBand', 'referrer']);
    expect(json.funnel).toBeUndefined();
    expect(a.metrics.some((m) => m.periodType === 'month')).toBe(false);
    expect(a.metrics.some((m) => m.periodType === 'year')).toBe(true);
    expect(new Set(a.metrics.map((m) => m.dimension))).toEqual(new Set(['all', 'sex']));

    const csv = uptakeCsvFiles(a);
    expect(csv.has('clinic-funnel.csv')).toBe(false);
    const metricsCsv = csv.get('activation-metrics.csv')!;
    expect(metricsCsv).not.toMatch(/,\d{4}-\d{2},month,/);
    expect(metricsCsv).not.toMatch(/,ageBand,|,referrer,/);
    expect(metricsCsv).toMatch(/,sex,/);

    const text = uptakeSummary(a);
    expect(text).toContain('Not published (the uptake plan\'s "publish" leaves them out of every table, chart and file, and out of the disclosure control): the monthly series, the clinic funnel and the age band and referrer breakdowns.');
    expect(text).toContain('Not published: the uptake plan\'s "publish" leaves the clinic funnel out.');
    expect(text).not.toMatch(/Overall activation rate|Age band|Referred by/);
    expect(text).toMatch(/Sex/);

    const entry = { id: 'x', kind: 'uptake', out: 'x', registry: 'registry.csv', eligible: 'eligible.csv', plan: 'plan.json' };
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...basePlan(), $schema: undefined, publish: { months: false, clinics: false, equity: ['sex'] } }));
    // One memo for both pages, as `hta report` has: the analysis is computed once.
    const memo = new Map<string, unknown>();
    for (const lang of ['en', 'da'] as const) {
      const content = await uptakeReportKind.build({ ...entry, lang } as never, reportEnv(dir, lang, memo) as never);
      const names = content.charts.map((c) => c.name);
      expect(names).not.toContain('uptake-over-time');
      expect(names).not.toContain('clinic-funnel');
      // At 400 rows every rate by sex is suppressed: the chart is left out, and its section says why.
      expect(names).not.toContain('equity');
      expect(content.page.sections.find((x) => x.id === 'equity')!.intro!.join('\n')).toContain(lang === 'en' ? 'No chart: every number it would draw is suppressed' : 'Ingen figur: alle tal, den ville vise, er diskretioneret');
      // The chart it would draw names only the published breakdown.
      const equity = JSON.stringify(uptakeEquitySpec(content.results as never, { lang, dimensions: ['sex'] }));
      expect(equity).not.toMatch(lang === 'en' ? /Age band|Referred by/ : /Aldersgruppe|Henvist af/);
      expect(equity).toContain(lang === 'en' ? 'Activation rate by sex — Whole country' : 'Aktiveringsrate efter køn — Hele landet');
      expect(content.page.sections.find((x) => x.id === 'equity')!.title).toBe(lang === 'en' ? 'Equity: activation by sex' : 'Lighed: aktivering efter køn');
      const page = JSON.stringify(content.page);
      expect((content.results as Record<string, unknown>).leftOut).toEqual(['months', 'clinics', 'ageBand', 'referrer']);
      const intro = (id: string) => content.page.sections.find((s) => s.id === id)!.intro!.join('\n');
      if (lang === 'en') {
        // One sentence names every table left out, the monthly series among them (not a second one for it).
        expect(intro('about-data')).toMatch(/^Not published \(the uptake plan's "publish" leaves them out of every table, chart and file, and out of the disclosure control\): the monthly series, /m);
        expect(intro('about-data').match(/Not published/g)).toHaveLength(1);
        expect(intro('clinics')).toContain('Not published: the uptake plan\'s "publish" leaves the clinic funnel out.');
        expect(page).not.toContain('No chart: there are no data to draw.');
      } else {
        expect(intro('about-data')).toMatch(/^Ikke offentliggjort \(optagsplanens "publish" udelader dem af alle tabeller, figurer og filer og af diskretioneringen\): den månedlige serie, /m);
        expect(intro('about-data').match(/Ikke offentliggjort/g)).toHaveLength(1);
        expect(intro('clinics')).toContain('Ikke offentliggjort: optagsplanens "publish" udelader klinikkernes tragtplot.');
        expect(page).not.toMatch(/Not published|monthly series|clinic funnel|Most counts/);
      }
    }
  }, 60_000);

  it('the plan refuses months without years, and an unknown breakdown', () => {
    const { $schema: _s, ...plan } = basePlan();
    expect(() => parseUptakePlan({ ...plan, publish: { years: false } })).toThrow(/valid uptake plan/);
    expect(() => parseUptakePlan({ ...plan, publish: { equity: ['region'] } })).toThrow(/valid uptake plan/);
    expect(parseUptakePlan({ ...plan, publish: { years: false, months: false } }).publish).toEqual({ months: false, years: false, clinics: true, equity: ['ageBand', 'sex', 'referrer'] });
  });
});

describe('publish on the 400-row registry of the observation', () => {
  it('region × year without the clinic funnel: fewer cells suppressed, the whole country\'s referred and activated shown', () => {
    const raw = rawTotals(readFileSync(files().registryFile, 'utf8'));
    // In full, the totals are hidden (the observation); reduced, they are the raw counts.
    expect(national(full).referrals).toBe('suppressed');
    expect(national(full).activations).toBe('suppressed');
    expect(national(regionYear).referrals).toBe(raw.referrals);
    expect(national(regionYear).activations).toBe(raw.activations);
    expect(regionYear.analysis.rows).toBe(raw.referrals);
    const share = (r: UptakeRun) => r.analysis.suppression.suppressedCells / r.analysis.suppression.countCells;
    expect(share(full)).toBeGreaterThan(0.5);
    expect(share(regionYear)).toBeLessThan(0.5);
    expect(regionYear.analysis.suppression.suppressedCells).toBeLessThan(full.analysis.suppression.suppressedCells / 10);
  });

  it('the audit finds nothing narrow with months and clinics off', async () => {
    // One equity breakdown (all three: ~1,300 cells and ~8 s of audit LPs; the full plan's audit is below).
    const r = await run(planWith({ months: false, clinics: false, equity: ['sex'] }));
    expect(r.analysis.leftOut).toEqual(['months', 'clinics', 'ageBand', 'referrer']);
    const { audit } = await uptakeAudit(r);
    expect(audit.suppressedCells).toBe(r.analysis.suppression.suppressedCells);
    expect(audit.narrow).toEqual([]);
    expect(audit.disclosedDifferences).toEqual([]);
  }, 60_000);

  it('above half suppressed the summary and the page say why and point to "publish"; below, not', async () => {
    const text = uptakeSummary(full.analysis);
    expect(text).toContain('Most counts are hidden: the referrals of this registry, spread over 24 months, 57 clinics and the age band, sex and referrer breakdowns, leave most cells below 5, and hiding a small count hides the totals that would reveal it.');
    expect(text).toContain('Leaving out the monthly series and the clinic funnel ("publish" in the uptake plan) keeps more totals visible.');
    // The referrals are suppressed: their number is not in the sentence.
    expect(text).not.toMatch(/Most counts are hidden: \d/);
    const da = uptakeSummary(full.analysis, 'da');
    expect(da).toContain('De fleste antal er diskretioneret: dette registers henvisninger fordelt på 24 måneder, 57 klinikker og opdelingen efter aldersgruppe, køn og henviser');
    expect(da).toContain('Udelades den månedlige serie og klinikkernes tragtplot ("publish" i optagsplanen), kan flere totaler vises.');
    expect(uptakeSummary(regionYear.analysis)).not.toContain('Most counts are hidden');

    // The page: the same sentences at the top.
    // Built on the analysis `full` already holds (the same registry and plan: the page's memo key
    // is that of its analysis), so the 400-row suppression is not solved a second time.
    writeFileSync(join(dir, 'full.plan.json'), JSON.stringify({ ...basePlan(), $schema: undefined }));
    const memo = new Map<string, unknown>();
    const env = reportEnv(dir, 'en', memo);
    const content = await uptakeReportKind.build(
      { id: 'x', kind: 'uptake', out: 'x', lang: 'en', registry: 'registry.csv', eligible: 'eligible.csv', plan: 'full.plan.json' } as never,
      { ...env, memo: <T>(key: string, compute: () => T): T => (key.startsWith('uptake\u0000') ? (Promise.resolve(full.analysis) as T) : env.memo(key, compute)) } as never,
    );
    expect(content.page.sections.find((s) => s.id === 'about-data')!.intro!.join('\n')).toContain('Leaving out the monthly series and the clinic funnel ("publish" in the uptake plan)');
  }, 60_000);

  it('the hint prints the number of referrals when it is published, and never a count below the threshold', async () => {
    // Region × year: forced over half here, the sentence names the published total; 2 referral
    // years (below the threshold) are not counted out.
    const a = { ...regionYear.analysis, suppression: { ...regionYear.analysis.suppression, suppressedCells: regionYear.analysis.suppression.countCells } };
    const text = uptakeSummary(a);
    const raw = rawTotals(readFileSync(files().registryFile, 'utf8')).referrals;
    expect(text).toContain(`Most counts are hidden: ${raw} referrals, spread over the referral years, leave most cells below 5`);
    const hint = text.split('\n').find((l) => l.startsWith('Most counts'))!;
    for (const n of hint.match(/\d+/g) ?? []) expect(Number(n)).toBeGreaterThanOrEqual(5);
  });
});

describe('property: random small registries with random publish settings', () => {
  it('the audit finds nothing narrow', async () => {
    const { $schema: _s, ...base } = basePlan();
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          rows: LONG ? fc.integer({ min: 50, max: 2000 }) : fc.integer({ min: 50, max: 80 }),
          seed: fc.integer({ min: 1, max: 1_000_000 }),
          months: LONG ? fc.integer({ min: 2, max: 24 }) : fc.integer({ min: 2, max: 4 }),
          threshold: fc.integer({ min: 3, max: 6 }),
          zerosSensitive: fc.boolean(),
          publish: fc.record({
            years: fc.boolean(), monthsIfYears: fc.boolean(), clinics: fc.boolean(),
            equity: fc.subarray(['ageBand', 'sex', 'referrer'] as const),
          }),
        }),
        async ({ rows, seed, months, threshold, zerosSensitive, publish }) => {
          const d = tempDir();
          const reg = join(d, 'registry.csv'), elig = join(d, 'eligible.csv');
          writeFileSync(reg, simulateRegistry({ rows, seed, startDate: '2025-01-01', years: months / 12 }));
          writeFileSync(elig, simulateEligible({ seed }));
          const plan = parseUptakePlan({
            ...base, firstYear: 2025, eligibleFill: 'carry-forward', suppression: { threshold, zerosSensitive },
            publish: { years: publish.years, months: publish.years && publish.monthsIfYears, clinics: publish.clinics, equity: publish.equity },
          });
          const r = await runUptake({ registryFile: reg, eligibleFile: elig, plan });
          expect(uptakeResultsSchema.safeParse(JSON.parse(JSON.stringify(r.analysis))).success).toBe(true);
          const { audit } = await uptakeAudit(r);
          expect(audit.narrow).toEqual([]);
          expect(audit.disclosedDifferences).toEqual([]);
        },
      ),
      { numRuns: LONG || 2 },
    );
  }, LONG ? 3_600_000 : 60_000);
});

describe('audit: a short zero-sensitive publication', () => {
  it('a 50-row, 2-month export with zeros sensitive and every breakdown: nothing pinned, no difference disclosed', async () => {
    // Found by the property below on the full publication: regions whose first referral month is
    // under 12 weeks before the export date have nobody at risk at 12 weeks by definition.
    // Two months, not three (the audit's LPs grow with the months printed: ~1 s, was ~4 s of CPU),
    // every breakdown still published. Since zero-sensitive publications print every region from
    // the country's first month, a region's own first month is the country's here: with the
    // country's put back in the audit (attacker-audit.ts firstOfRow) this passes, as the 3-month
    // export did (checked): it no longer guards that rule (reachable now only for files published
    // before the zero rows; no test builds one), only that a short zero-sensitive publication with every breakdown leaves nothing narrow.
    const d = tempDir();
    writeFileSync(join(d, 'registry.csv'), simulateRegistry({ rows: 50, seed: 1, startDate: '2025-01-01', years: 2 / 12 }));
    writeFileSync(join(d, 'eligible.csv'), simulateEligible({ seed: 1 }));
    const { $schema: _s, ...base } = basePlan();
    const plan = parseUptakePlan({ ...base, firstYear: 2025, eligibleFill: 'carry-forward', suppression: { threshold: 3, zerosSensitive: true } });
    const r = await runUptake({ registryFile: join(d, 'registry.csv'), eligibleFile: join(d, 'eligible.csv'), plan });
    const { audit } = await uptakeAudit(r);
    expect(audit.narrow).toEqual([]);
    expect(audit.disclosedDifferences).toEqual([]);
    // Room for a loaded machine: the fixed levels no patient has are printed too (zero-rows.ts).
  }, 150_000);
});

describe('plan init --uptake on a small registry', () => {
  it('drafts publish with months, clinics and equity off and says so; a large one publishes everything', () => {
    const small = draftUptakePlan(join(dir, 'registry.csv'));
    expect(small.plan.publish).toEqual({ months: false, clinics: false, equity: [] });
    expect(small.notes.join('\n')).toContain('the draft leaves the monthly series, the clinic funnel and the equity breakdowns out ("publish": { "months": false, "clinics": false, "equity": [] })');
    // The draft is a valid plan.
    expect(parseUptakePlan(small.plan).publish).toMatchObject({ months: false, clinics: false, equity: [], years: true });
    const bigFile = join(tempDir(), 'big.csv');
    writeFileSync(bigFile, simulateRegistry({ rows: 2500, seed: 2 }));
    const big = draftUptakePlan(bigFile);
    expect(big.plan.publish).toBeUndefined();
    expect(big.notes.join('\n')).not.toContain('"publish"');
  });
});
