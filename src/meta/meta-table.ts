/**
 * The readable `hta meta` output: per outcome × time × measure a table of the studies (effect
 * [95% CI], weights), subgroup subtotals, the fixed and random rows, then the prediction
 * interval, heterogeneity, tests and the verdict in words. English only for now.
 */
import { formatFixed, formatP, RELEVANCE_TEXT, SHORT_RELEVANCE_TEXT } from '../report/i18n.js';
import { renderTextTable, type Table } from '../report/text-table.js';
import type { MetaOutcomeSetting, MetaPooledRow, MetaResults, MetaStudyRow, MetaSubgroupTest } from './meta-results-schema.js';
import { NO_SUBGROUP } from './meta-analyze.js';

export const MEASURE_NAME = {
  MD: 'mean difference',
  SMD: "standardized mean difference (Hedges' g)",
  RR: 'risk ratio',
  OR: 'odds ratio',
  RD: 'risk difference',
} as const;

export const TAU2_NAME = { REML: 'REML', DL: 'DerSimonian–Laird', PM: 'Paule–Mandel' } as const;

function decimals(measure: MetaOutcomeSetting['measure']): number {
  return measure === 'RD' ? 3 : 2;
}

/** "−0.79 [−1.51, −0.06]" on the display scale (ratios exponentiated). */
export function formatInterval(measure: MetaOutcomeSetting['measure'], est: number, lo: number | null, hi: number | null): string {
  const ratio = measure === 'RR' || measure === 'OR';
  const f = (x: number) => formatFixed(ratio ? Math.exp(x) : x, decimals(measure));
  if (lo === null || hi === null) return `${f(est)} [no interval reported]`;
  return `${f(est)} [${f(lo)}, ${f(hi)}]`;
}

/** "p = 0.012" or "p < 0.001". */
const pText = (p: number) => {
  const t = formatP(p);
  return t.startsWith('<') ? `p ${t.replace('<', '< ')}` : `p = ${t}`;
};

const pct = (w: number | null) => (w === null ? '' : `${formatFixed(w, 1)}%`);

export function modelName(r: Pick<MetaPooledRow, 'model' | 'poolingMethod' | 'tau2Method' | 'ciMethod' | 'k'>): string {
  if (r.model === 'fixed') return `Fixed effect (${r.poolingMethod === 'mantel-haenszel' ? 'Mantel–Haenszel' : 'inverse variance'})`;
  if (r.k === 1) return 'Random effects (k = 1)';
  return `Random effects (${r.tau2Method ? TAU2_NAME[r.tau2Method] : '—'}, ${r.ciMethod === 'hksj' ? 'HKSJ' : 'z'})`;
}

function studyRow(s: MetaStudyRow, withSubgroup: boolean): string[] {
  const cells = [s.study];
  if (withSubgroup) cells.push(s.subgroup ?? '');
  cells.push(
    formatInterval(s.measure, s.yi, s.ciLower, s.ciUpper),
    s.pooled ? pct(s.weightFixed) : 'not pooled',
    s.pooled ? pct(s.weightRandom) : '',
    s.relevance ? SHORT_RELEVANCE_TEXT[s.relevance].en : '',
  );
  return cells;
}

function pooledTableRow(r: MetaPooledRow, withSubgroup: boolean, label: string): string[] {
  const cells = [label];
  if (withSubgroup) cells.push(r.subgroup ?? 'all');
  cells.push(formatInterval(r.measure, r.estimate, r.ciLower, r.ciUpper), r.model === 'fixed' ? '100.0%' : '', r.model === 'random' ? '100.0%' : '', r.relevance ? SHORT_RELEVANCE_TEXT[r.relevance].en : '');
  return cells;
}

function heterogeneityLine(r: MetaPooledRow): string {
  const tau = r.tau2 === null ? '' : `τ² = ${formatFixed(r.tau2, 3)} (${r.tau2Method ? TAU2_NAME[r.tau2Method] : '—'}); `;
  return `Heterogeneity: ${tau}Q = ${formatFixed(r.q as number, 2)}, df = ${r.qDf} (${pText(r.qPValue as number)}); I² = ${formatFixed(r.i2 as number, 0)}%; H² = ${formatFixed(r.h2 as number, 2)}`;
}

function overallTestLine(r: MetaPooledRow): string {
  const stat = r.ciMethod === 'hksj' ? `t = ${formatFixed(r.statistic, 2)}, df = ${r.df}` : `z = ${formatFixed(r.statistic, 2)}`;
  return `Test for overall effect (${r.model}): ${stat} (${pText(r.pValue)})`;
}

function subgroupTestLine(t: MetaSubgroupTest): string {
  return `Test for subgroup differences (${t.model} effects within subgroups): Q = ${formatFixed(t.q, 2)}, df = ${t.df} (${pText(t.pValue)}), I² = ${formatFixed(t.i2, 0)}%`;
}

function percentText(p: number): string {
  if (p < 0.005) return '< 1%';
  if (p > 0.995) return '> 99%';
  return `${formatFixed(100 * p, 0)}%`;
}

function mcidText(s: MetaOutcomeSetting): string {
  if (s.mcid === null) return 'no MCID set';
  const src = s.mcidSource === 'plan' ? 'plan' : s.mcidSource === 'flag' ? '--mcid' : 'instrument default';
  const unit = s.measure === 'RR' || s.measure === 'OR' ? ` (ratio; judged as ±log ${s.mcid})` : s.measure === 'SMD' ? ' SD' : '';
  return `MCID ${s.mcid}${unit} (${src})`;
}

export function metaGroupText(results: MetaResults, s: MetaOutcomeSetting): string {
  const inGroup = <T extends { outcome: string; time: string; measure: string }>(x: T) => x.outcome === s.outcome && x.time === s.time && x.measure === s.measure;
  const studies = results.studies.filter(inGroup);
  const pooled = results.pooled.filter(inGroup);
  const tests = results.subgroupTests.filter(inGroup);
  const withSubgroup = studies.some((x) => x.subgroup !== null);
  const title = `${s.label ?? s.outcome} — ${s.outcome} at ${s.time}: ${MEASURE_NAME[s.measure]}${s.measure === 'RR' || s.measure === 'OR' ? '' : ', app − usual care'}`;
  const sub = `${mcidText(s)}; ${s.direction.replace(/-/g, ' ')}${s.directionSource === 'default' ? ' (assumed)' : ''}`;
  const header = ['Study', ...(withSubgroup ? ['Subgroup'] : []), `${s.measure} [95% CI]`, 'Weight fixed', 'Weight random', 'Verdict'];
  const rows: string[][] = [];
  const subgroups = [...new Set(pooled.filter((p) => p.subgroup !== null).map((p) => p.subgroup as string))];
  if (subgroups.length > 0) {
    for (const g of subgroups) {
      for (const st of studies.filter((x) => (x.subgroup ?? NO_SUBGROUP) === g)) rows.push(studyRow(st, true));
      const sr = pooled.find((p) => p.subgroup === g && p.model === 'random');
      if (sr && sr.k > 1) rows.push(pooledTableRow(sr, true, `  Subtotal (${modelName(sr)})`));
    }
    for (const st of studies.filter((x) => !subgroups.includes(x.subgroup ?? NO_SUBGROUP))) rows.push(studyRow(st, true));
  } else {
    for (const st of studies) rows.push(studyRow(st, withSubgroup));
  }
  const fixed = pooled.find((p) => p.subgroup === null && p.model === 'fixed');
  const random = pooled.find((p) => p.subgroup === null && p.model === 'random');
  const lines: string[] = [title, sub, ''];
  const single = random !== undefined && random.k === 1;
  if (fixed && random && !single) {
    rows.push(pooledTableRow(fixed, withSubgroup, modelName(fixed)), pooledTableRow(random, withSubgroup, modelName(random)));
  }
  const table: Table = { header, rows, align: header.map((h) => (h.startsWith('Weight') || h.includes('[95% CI]') ? 'right' : 'left')) };
  lines.push(renderTextTable(table).trimEnd());
  if (!random || !fixed) {
    lines.push('', 'Nothing pooled: no study reported an interval.');
    return lines.join('\n') + '\n';
  }
  lines.push('');
  if (single) {
    lines.push('Only one study: its estimate is shown as is (no pooling, no heterogeneity).');
  } else {
    if (random.piLower !== null && random.piUpper !== null) {
      const dist = random.piDf === null ? 'normal' : `t, df = ${random.piDf}`;
      lines.push(`Prediction interval (${dist}): ${formatInterval(random.measure, random.estimate, random.piLower, random.piUpper).replace(/^\S+ /, '')}`);
    } else {
      lines.push(`Prediction interval: not shown (preset ${random.preset ?? 'custom'})`);
    }
    if (random.probabilityBeyondMcid !== null) {
      lines.push(`Probability that the true effect in a new setting is beyond the MCID (benefit): ${percentText(random.probabilityBeyondMcid)}`);
    }
    lines.push(heterogeneityLine(random), overallTestLine(fixed), overallTestLine(random));
  }
  for (const t of tests.filter((x) => x.model === 'random')) lines.push(subgroupTestLine(t));
  for (const t of tests.filter((x) => x.model === 'fixed')) lines.push(subgroupTestLine(t));
  const verdict = random.relevance ? RELEVANCE_TEXT[random.relevance].en : 'no MCID: no relevance judgement';
  lines.push(`Verdict (${single ? 'single study' : 'random effects'}, ${mcidText(s)}): ${verdict}`);
  lines.push(`Methods: ${single ? 'single study, z interval' : `${modelName(random)}${random.piDf !== null ? `; PI on t(${random.piDf})` : ''}`}; preset ${random.preset ?? 'custom'}`);
  return lines.join('\n') + '\n';
}

export function metaText(results: MetaResults): string {
  return results.outcomes.map((s) => metaGroupText(results, s)).join('\n');
}
