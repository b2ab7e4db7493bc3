/**
 * `hta uptake <registry.csv> --eligible <csv> --plan <plan> [--json] [--csv-dir <dir>]`:
 * regional uptake, equity, clinic variation and budget impact of the app from a registry export.
 *
 * Everything printed or written comes from `analyseUptake`, which has already applied small-cell
 * suppression: counts below the threshold arrive as "<5", complementary cells as "suppressed",
 * and this file only formats them — it never sees a raw small count or a patient id.
 */
import { join } from 'node:path';
import type { Command } from 'commander';
import { HtaError } from '../errors.js';
import { formatNumberForExport } from '../io/format-number.js';
import { writeFilesAtomic } from '../io/write-atomic.js';
import { toCsv, type CsvCell } from '../io/write-csv.js';
import { formatFixed, formatThousands, UPTAKE_TEXT, type Lang } from '../report/i18n.js';
import { renderTextTable, type Table } from '../report/text-table.js';
import { REGIONS } from '../uptake/referral.js';
import type { Scope } from '../uptake/aggregate.js';
import { SCENARIOS } from '../uptake/uptake-plan.js';
import { loadUptakePlanFile } from '../uptake/uptake-plan.js';
import type { UptakeAnalysis } from '../uptake/uptake-analysis.js';
import type { Masked, SuppressedMetricRow } from '../uptake/suppression.js';
import type { CliIo } from './io.js';
import { refuseToOverwriteInput } from './guard-output.js';

type Cell = Masked | null;
const SCOPES: readonly Scope[] = [...REGIONS, 'national'];

/** The phrase catalogue for one language. */
function phrases(lang: Lang) {
  return (key: keyof typeof UPTAKE_TEXT): string => UPTAKE_TEXT[key][lang];
}

/** How the summary writes masked values, counts, percentages and money. */
function formatters(lang: Lang) {
  const t = phrases(lang);
  const masked = (s: string) => (s === 'suppressed' ? t('suppressed') : s);
  const count = (v: Cell): string => (v === null ? '–' : typeof v === 'string' ? masked(v) : formatThousands(v, 0, lang));
  const pct = (v: Cell): string => (v === null ? '–' : typeof v === 'string' ? masked(v) : formatFixed(100 * v, 1, lang));
  const withCi = (est: Cell, lo: Cell, hi: Cell, f: (v: number) => string): string => {
    if (est === null) return '–';
    if (typeof est === 'string') return masked(est);
    if (typeof lo !== 'number' || typeof hi !== 'number') return f(est);
    return `${f(est)} (${f(lo)}–${f(hi)})`;
  };
  const pctCi = (est: Cell, lo: Cell, hi: Cell) => withCi(est, lo, hi, (v) => formatFixed(100 * v, 1, lang));
  const money = (v: Cell): string => (v === null ? '–' : typeof v === 'string' ? masked(v) : formatThousands(v, 0, lang));
  const scope = (s: Scope) => (s === 'national' ? t('national') : s);
  const days = (v: number) => formatFixed(v, Number.isInteger(v) ? 0 : 1, lang);
  return { t, count, pct, pctCi, withCi, money, scope, masked, days };
}

function metricRow(a: UptakeAnalysis, region: Scope, dimension = 'all', level = 'all'): SuppressedMetricRow | undefined {
  return a.metrics.find((m) => m.region === region && m.period === 'all' && m.dimension === dimension && m.level === level);
}

/** Activation, median delay and retention columns shared by the region and equity tables. */
function activationCells(m: SuppressedMetricRow, f: ReturnType<typeof formatters>): string[] {
  const retention = (rate: Cell, atRisk: Cell) => `${f.pct(rate)} (n ${f.count(atRisk)})`;
  return [
    f.count(m.referrals),
    f.count(m.activations),
    f.pctCi(m.activationRate, m.activationCiLower, m.activationCiUpper),
    typeof m.medianDaysToActivation === 'number' ? f.days(m.medianDaysToActivation) : f.count(m.medianDaysToActivation),
    retention(m.retention4w, m.atRisk4w),
    retention(m.retention12w, m.atRisk12w),
  ];
}

function section(title: string, table: Table): string {
  return `${title}\n\n${renderTextTable(table)}`;
}

/** The readable summary printed without --json. */
export function uptakeSummary(a: UptakeAnalysis, lang: Lang = 'en'): string {
  const f = formatters(lang);
  const { t } = f;
  const cur = a.budget.currency;
  const out: string[] = [];
  const right = (n: number, leftCols = 1): ('left' | 'right')[] => Array.from({ length: n }, (_, i) => (i < leftCols ? 'left' : 'right'));
  const activationHeader = [t('referrals'), t('activated'), t('activationRate'), t('medianDays'), t('retention4w'), t('retention12w')];

  out.push(`${t('title')} — ${t('exportDate')} ${a.exportDate}; ${f.count(a.rows)} ${t('referralsRead')}.`);
  out.push(t('suppressionNote').replaceAll('{k}', String(a.threshold)) + '\n');

  const regionRows = SCOPES.flatMap((s) => {
    const m = metricRow(a, s);
    return m ? [[f.scope(s), ...activationCells(m, f)]] : [];
  });
  out.push(section(t('activationTitle'), { header: [t('region'), ...activationHeader], rows: regionRows, align: right(7) }));

  const exportYear = Number(a.exportDate.slice(0, 4));
  const uptakeRows = a.uptake
    .filter((u) => u.year <= exportYear)
    .map((u) => [
      f.scope(u.region),
      u.year === exportYear ? `${u.year} (${t('partial')})` : String(u.year),
      f.count(u.activations),
      f.count(u.eligible),
      f.withCi(u.per1000, u.ciLower, u.ciUpper, (v) => formatFixed(v, 1, lang)),
    ]);
  out.push(section(t('uptakeTitle'), { header: [t('region'), t('year'), t('activated'), t('eligible'), t('per1000')], rows: uptakeRows, align: right(5, 2) }));

  const equityRows: string[][] = [];
  for (const dim of ['ageBand', 'sex', 'referrer'] as const) {
    for (const m of a.metrics) {
      if (m.region === 'national' && m.period === 'all' && m.dimension === dim) equityRows.push([t(dim), m.level, ...activationCells(m, f)]);
    }
  }
  out.push(section(t('equityTitle'), { header: [t('dimension'), t('level'), ...activationHeader], rows: equityRows, align: right(8, 2) }));

  const funnel = a.funnel;
  // A clinic whose rate is suppressed is not listed: "above the limit" would hint at its counts.
  const shown = new Set(funnel.rows.filter((r) => typeof r.rate === 'number').map((r) => r.clinic));
  const flagged = funnel.rows.filter((r) => r.outside95 !== null && shown.has(r.clinic));
  const out998 = funnel.outside998.filter((c) => shown.has(c));
  const limits = (lo: Cell, hi: Cell) => (typeof lo === 'number' && typeof hi === 'number' ? `${formatFixed(100 * Math.max(0, lo), 1, lang)}–${formatFixed(100 * Math.min(1, hi), 1, lang)}` : f.pct(lo));
  const funnelHead = `${t('funnelOverall')} ${typeof funnel.overallRate === 'number' ? `${f.pct(funnel.overallRate)} %` : f.masked(funnel.overallRate)} (${funnel.method}); ${t('outside95')}: ${flagged.length}; ${t('outside998')}: ${out998.length}${out998.length ? ` (${out998.join(', ')})` : ''}.`;
  if (flagged.length === 0) {
    out.push(`${t('funnelTitle')}\n\n${funnelHead}\n${t('funnelNone')}\n`);
  } else {
    const rows = flagged.map((r) => [
      r.clinic, r.region, f.count(r.referrals), f.count(r.activations), f.pct(r.rate),
      limits(r.lower95, r.upper95), limits(r.lower998, r.upper998),
      `${t(r.outside95 === 'below' ? 'below' : 'above')} ${r.outside998 !== null ? formatFixed(99.8, 1, lang) : '95'}%`,
    ]);
    out.push(`${t('funnelTitle')}\n\n${funnelHead}\n\n${renderTextTable({
      header: [t('clinic'), t('region'), t('referrals'), t('activated'), t('rate'), t('limits95'), t('limits998'), t('position')],
      rows, align: [...right(7, 2), 'left'],
    })}`);
  }

  out.push(`${t('priceModel')}: ${a.budget.mode}, ${t('volumeScope')} ${a.budget.volumeScope}.\n`);
  const observedRows = a.budget.observed.map((o) => [
    f.scope(o.region), o.partialYear ? `${o.year} (${t('partial')})` : String(o.year), f.count(o.activations), f.money(o.cost), f.money(o.averagePrice),
  ]);
  out.push(section(t('observedTitle'), {
    header: [t('region'), t('year'), t('activated'), `${t('cost')} (${cur})`, `${t('averagePrice')} (${cur})`], rows: observedRows, align: right(5, 2),
  }));

  const scenarioName = { low: t('scenarioLow'), base: t('scenarioBase'), high: t('scenarioHigh') } as const;
  const projectionRows = a.budget.projection
    .filter((p) => p.region === 'national')
    .sort((x, y) => x.year - y.year || SCENARIOS.indexOf(x.scenario) - SCENARIOS.indexOf(y.scenario))
    .map((p) => [String(p.year), scenarioName[p.scenario], formatFixed(100 * p.share, 1, lang), formatThousands(p.eligible, 0, lang), formatThousands(p.patients, 0, lang), formatThousands(p.cost, 0, lang)]);
  out.push(section(t('projectionTitle'), {
    header: [t('year'), t('scenario'), t('share'), t('eligible'), t('patients'), `${t('cost')} (${cur})`], rows: projectionRows, align: right(6, 2),
  }));

  const totals = new Map<string, number>();
  for (const p of a.budget.projection) totals.set(`${p.region}|${p.scenario}`, (totals.get(`${p.region}|${p.scenario}`) ?? 0) + p.cost);
  const years = a.budget.years;
  const horizon = years.length ? `${years[0]}–${years[years.length - 1]}` : '';
  const regionTotals = SCOPES.filter((s) => totals.has(`${s}|base`)).map((s) => [f.scope(s), ...SCENARIOS.map((sc) => formatThousands(totals.get(`${s}|${sc}`) ?? 0, 0, lang))]);
  out.push(section(`${t('projectionRegionTitle')} (${horizon}, ${cur})`, {
    header: [t('region'), ...SCENARIOS.map((s) => scenarioName[s])], rows: regionTotals, align: right(4),
  }));

  const sensRows = a.budget.sensitivity
    .filter((s) => s.region === 'national')
    .map((s) => [
      t(s.parameter), s.parameter === 'base' ? '' : `${s.change > 0 ? '+' : '−'}${formatFixed(100 * Math.abs(s.change), 0, lang)} %`,
      formatThousands(s.totalCost, 0, lang), s.parameter === 'base' ? '' : `${s.difference > 0 ? '+' : ''}${formatThousands(s.difference, 0, lang)}`,
    ]);
  out.push(section(`${t('sensitivityTitle')} (${horizon})`, {
    header: [t('parameter'), t('change'), `${t('totalCost')} (${cur})`, `${t('difference')} (${cur})`], rows: sensRows, align: right(4),
  }));
  return out.join('\n');
}

/** A masked value for CSV: numbers without float noise, "<5"/"suppressed" as given, null empty. */
function csvValue(v: unknown): CsvCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? formatNumberForExport(v) : null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

function tableCsv<T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[]): string {
  return toCsv(columns, rows.map((r) => columns.map((c) => csvValue(r[c]))));
}

/** One CSV per metric table of the analysis, keyed by file name. */
export function uptakeCsvFiles(a: UptakeAnalysis): Map<string, string> {
  const files = new Map<string, string>();
  files.set('activation-metrics.csv', tableCsv(a.metrics, [
    'region', 'period', 'periodType', 'dimension', 'level', 'referrals', 'activations', 'activationRate', 'activationCiLower', 'activationCiUpper',
    'medianDaysToActivation', 'atRisk4w', 'retained4w', 'retention4w', 'retention4wCiLower', 'retention4wCiUpper',
    'atRisk12w', 'retained12w', 'retention12w', 'retention12wCiLower', 'retention12wCiUpper',
  ]));
  files.set('uptake-per-1000.csv', tableCsv(a.uptake, ['region', 'year', 'activations', 'eligible', 'per1000', 'ciLower', 'ciUpper', 'method']));
  files.set('clinic-funnel.csv', tableCsv(a.funnel.rows, [
    'clinic', 'region', 'referrals', 'activations', 'rate', 'lower95', 'upper95', 'lower998', 'upper998', 'outside95', 'outside998',
  ]));
  files.set('budget-observed.csv', tableCsv(a.budget.observed, ['region', 'year', 'activations', 'cost', 'averagePrice', 'partialYear']));
  files.set('budget-projection.csv', tableCsv(a.budget.projection, ['scenario', 'region', 'year', 'yearIndex', 'share', 'eligible', 'eligibleYear', 'patients', 'cost']));
  files.set('budget-sensitivity.csv', tableCsv(a.budget.sensitivity, ['region', 'parameter', 'change', 'totalCost', 'difference']));
  return files;
}

export function registerUptake(program: Command, io: CliIo): void {
  program
    .command('uptake')
    .description('regional uptake, equity, clinic funnel and budget impact from a registry export (small counts suppressed)')
    .argument('<registry>', 'registry export CSV: id, region, clinic, referred, activated, last_active, age, sex, referrer')
    .requiredOption('--eligible <file>', 'denominator CSV: region, year, eligible')
    .requiredOption('--plan <file>', 'uptake plan (JSON: price tiers, scenarios, suppression threshold)')
    .option('--json', 'print the full analysis as JSON')
    .option('--csv-dir <dir>', 'also write one CSV per metric table into this folder')
    .option('--lang <lang>', 'language of the summary: en or da', 'en')
    .action(async (file: string, opts: { eligible: string; plan: string; json?: boolean; csvDir?: string; lang: string }) => {
      const { analyseUptake } = await import('../uptake/uptake-analysis.js');
      if (opts.lang !== 'en' && opts.lang !== 'da') throw new HtaError('usage.invalid', `--lang ${JSON.stringify(opts.lang)}: expected en or da`);
      const plan = loadUptakePlanFile(opts.plan);
      const analysis = await analyseUptake({ registryFile: file, eligibleFile: opts.eligible, plan });
      if (opts.csvDir !== undefined) {
        const dir = opts.csvDir;
        const out = new Map<string, string>();
        for (const [name, text] of uptakeCsvFiles(analysis)) {
          const path = join(dir, name);
          for (const input of [file, opts.eligible, opts.plan]) refuseToOverwriteInput(input, path);
          out.set(path, text);
        }
        writeFilesAtomic(out);
        io.stderr(`wrote ${out.size} CSV files to ${dir}\n`);
      }
      io.stdout(opts.json ? JSON.stringify(analysis, null, 2) + '\n' : uptakeSummary(analysis, opts.lang));
    });
}
