/**
 * The matrices of one observational analysis (outcome × time): the patients with a follow-up
 * value (and a baseline when it is a confounder) and every confounder (patients missing a confounder are left out and
 * counted: complete cases, no imputation), the propensity-model and outcome-model columns, and
 * the balance terms. Categorical confounders are coded like R's factor(): one indicator per
 * level but the first in sorted order. A level seen in one group only means the groups do not
 * overlap: that analysis stops with a clear message (docs/observational.md).
 */
import { HtaError } from '../errors.js';
import { analysisFailed } from '../stats/arm-size.js';
import type { OutcomePairs } from '../trial/outcome-pairs.js';
import type { BalanceTerm } from './covariate-balance.js';
import type { Confounder } from './observational-plan-schema.js';
import type { Estimand } from './balancing-weights.js';

export interface ObservationalDesign {
  /** Positions in the pairs of the patients analysed. */
  rows: number[];
  exposed: number[];
  y: number[];
  baseline: number[];
  /** Confounder columns (numeric values and level indicators), without intercept. */
  /** `confounder`: the plan's confounder the column codes (a categorical one has a column per level but the first). */
  confounderColumns: { name: string; confounder: string; values: number[]; inside: boolean }[];
  balanceTerms: BalanceTerm[];
  /**
   * Under ATT, per row: a level of a categorical confounder that no exposed patient has. No user
   * is like these non-users, so their ATT weight e/(1 − e) is 0 in the limit (R's glm drives their
   * score to 0): not a positivity violation for the effect among the exposed. The propensity model
   * and the weighted regression are fitted without them (`insideDesign`), their score is 0.
   * `inside` of a column: whether it enters those models (not an outside level, and not the first
   * level left, which becomes their reference).
   */
  outside: boolean[];
  /** The levels held by unexposed patients only, per confounder (under ATT; said in a note). */
  outsideLevels: { confounder: string; levels: OneSidedLevel[] }[];
}

/** The patients with every confounder present (the design's rows), in file order. */
export function completeConfounderRows(pairs: OutcomePairs, confounders: readonly Confounder[]): number[] {
  const rows: number[] = [];
  pairs.arm.forEach((_, i) => {
    if (confounders.every((c) => (pairs.covariates[c.name]?.[i] ?? null) !== null)) rows.push(i);
  });
  return rows;
}

/** `rows`: the complete-confounder patients when the caller has them already (completeConfounderRows). */
export function observationalDesign(pairs: OutcomePairs, confounders: readonly Confounder[], y: readonly number[], baselineAsConfounder: boolean, file: string, threshold: number, rows = completeConfounderRows(pairs, confounders), estimand: Estimand = 'ATE'): ObservationalDesign {
  const exposed = rows.map((i) => (pairs.arm[i] === 'intervention' ? 1 : 0));
  const outside = rows.map(() => false);
  const outsideLevels: ObservationalDesign['outsideLevels'] = [];
  const confounderColumns: ObservationalDesign['confounderColumns'] = [];
  const balanceTerms: BalanceTerm[] = [];
  const inGroup = (values: number[], a: number) => values.some((v, k) => v === 1 && exposed[k] === a);
  const baseline = rows.map((i) => pairs.baseline[i]!);
  for (const c of confounders) {
    const raw = rows.map((i) => pairs.covariates[c.name]![i]!);
    // The outcome's own baseline column named as a confounder (`ddd_opioid_bl` beside
    // "baselineAsConfounder"): the same term twice, which made the model singular. Entered once,
    // as the baseline, so the estimate is the one without it in the list (docs/observational.md,
    // "The outcome's baseline as a confounder"); for the other outcomes it is a confounder as any.
    if (baselineAsConfounder && raw.length > 0 && raw.every((v, k) => v === baseline[k])) continue;
    if (c.type === 'numeric') {
      const bad = raw.find((v) => typeof v !== 'number');
      if (bad !== undefined) {
        throw new HtaError('input.invalid', `${file}: confounder "${c.name}" is declared numeric, but the export has a value that is not a number`, [
          { file, field: `${c.column ?? c.name} (confounder ${c.name})`, value: String(bad), expected: 'a number, or "type": "categorical" for this confounder' },
        ]);
      }
      // A constant column is collinear with the intercept: IRLS may then diverge and the fit
      // read as separation (a 0/1 outcome's registry did), sending the user after a confounder
      // that separates nothing. Said as what it is, before any fit. (The message is one
      // src/report/failure-reasons.ts words in Danish; naming the confounder would need a pattern there.)
      if (raw.length > 0 && raw.every((v) => v === raw[0])) throw analysisFailed('the propensity model is singular: a confounder is constant or collinear with others');
      confounderColumns.push({ name: c.name, confounder: c.name, values: raw as number[], inside: true });
      balanceTerms.push({ term: c.name, binary: false, values: raw as number[] });
      continue;
    }
    const labels = raw.map(String);
    const levels = [...new Set(labels)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const oneSided: OneSidedLevel[] = [];
    const columns: { level: string; values: number[] }[] = [];
    levels.forEach((level, li) => {
      const values = labels.map((l) => (l === level ? 1 : 0));
      const one = inGroup(values, 1);
      if (one !== inGroup(values, 0)) oneSided.push({ level, group: one ? 'exposed' : 'unexposed', patients: values.reduce<number>((s, v) => s + v, 0) });
      if (li > 0) columns.push({ level, values });
      balanceTerms.push({ term: `${c.name}=${level}`, binary: true, confounder: c.name, values });
    });
    // Under ATT a level of non-users only is outside the target population, not a positivity
    // violation (ObservationalDesign.outside); a level of users only is one, for every estimand.
    const refused = estimand === 'ATT' ? oneSided.filter((l) => l.group === 'exposed') : oneSided;
    if (refused.length) throw analysisFailed(noOverlapMessage(c.name, refused, levels, threshold));
    const out = new Set(oneSided.map((l) => l.level));
    if (out.size) {
      outsideLevels.push({ confounder: c.name, levels: oneSided });
      labels.forEach((l, k) => {
        if (out.has(l)) outside[k] = true;
      });
    }
    const reference = levels.find((l) => !out.has(l));
    for (const col of columns) confounderColumns.push({ name: `${c.name}${col.level}`, confounder: c.name, values: col.values, inside: !out.has(col.level) && col.level !== reference });
  }
  // The outcome's own baseline is a confounder the user never listed ("baselineAsConfounder"): one
  // value for everyone (a register outcome whose baseline is "yes" for all, the people without an
  // event left empty, not 0; or 0 for all new users) made the model singular with "a confounder is
  // constant", sending the user through the plan's confounders for one it does not name.
  if (baselineAsConfounder && baseline.length > 0 && baseline.every((v) => v === baseline[0])) throw analysisFailed(constantBaselineMessage(baseline[0]!));
  if (baselineAsConfounder) balanceTerms.push({ term: 'baseline', binary: false, values: baseline });
  return { rows, exposed, y: rows.map((i) => y[i]!), baseline, confounderColumns, balanceTerms, outside, outsideLevels };
}

/** Why a baseline the same for every patient analysed cannot be a confounder, and what to do (failure-reasons.ts words it in Danish). */
export function constantBaselineMessage(value: number): string {
  return `the propensity model is singular: the outcome's baseline value, which "baselineAsConfounder" adds as a confounder, is ${value} for every patient analysed — a constant adjusts for nothing; if people without an event were left empty instead of 0, write 0 for them, else set "baselineAsConfounder": false`;
}

/**
 * The design without the `outside` rows and with the `inside` columns only: what the propensity
 * model and the weighted regression are fitted on (the limit of R's fit on every patient, whose
 * outside patients get a score and weight of 0). `rows`: each row's position in `d`. Without
 * outside rows, `d` itself.
 */
export function insideDesign(d: ObservationalDesign): { design: ObservationalDesign; rows: number[] } {
  const rows = d.exposed.map((_, k) => k).filter((k) => !d.outside[k]);
  if (rows.length === d.exposed.length && d.confounderColumns.every((c) => c.inside)) return { design: d, rows };
  const pick = <T>(v: readonly T[]) => rows.map((k) => v[k]!);
  return {
    design: {
      rows: pick(d.rows),
      exposed: pick(d.exposed),
      y: pick(d.y),
      baseline: pick(d.baseline),
      confounderColumns: d.confounderColumns.filter((c) => c.inside).map((c) => ({ ...c, values: pick(c.values) })),
      balanceTerms: [],
      outside: rows.map(() => false),
      outsideLevels: [],
    },
    rows,
  };
}

export interface OneSidedLevel {
  level: string;
  group: 'exposed' | 'unexposed';
  patients: number;
}

/** At most this many levels are named in a no-overlap message; the rest are counted. */
const NAMED_LEVELS = 3;

/**
 * Why a categorical confounder stops the analysis. The message is printed by `hta analyze` and on
 * the report page, so (docs/observational.md "Small counts") a level held by fewer than
 * `threshold` patients is never named — its value could single them out (an age of 87, an
 * inclusion date) — only counted, with the others not named, and without a patient count; of
 * the others, the first few are named,
 * so an age or date typed categorical gives one line, not every level. When most levels are
 * numbers, the column probably is one.
 */
export function noOverlapMessage(confounder: string, oneSided: readonly OneSidedLevel[], levels: readonly string[], threshold: number): string {
  const named = oneSided.filter((l) => l.patients >= threshold);
  const shown = named.slice(0, NAMED_LEVELS).map((l) => `"${l.level}" only among the ${l.group}`);
  // The unnamed levels, rare or not, in one count with no patient band: "held by fewer than 5"
  // beside a count of 1 level told that level's patients were 1–4.
  const unnamed = oneSided.length - shown.length;
  const levelsWord = (k: number) => (k === 1 ? 'level' : 'levels');
  const parts = [
    ...(shown.length ? [`level ${shown.join(', and ')}`] : []),
    ...(unnamed > 0 ? [`${unnamed}${shown.length ? ' more' : ''} ${levelsWord(unnamed)} in one group only (not named)`] : []),
  ];
  const numeric = levels.filter((l) => /^[-+]?\d+(?:[.,]\d+)?$/.test(l.trim())).length;
  const asNumber = levels.length > 10 && numeric > levels.length / 2 ? numberHint(levels) : '';
  return `no overlap: confounder "${confounder}" has ${parts.join(', and ')}, so those patients have no comparable patient in the other group; merge the level with another, or restrict the population${asNumber}`;
}

/** Whole-number levels filling less than this share of their range are codes, not amounts. */
const CODE_DENSITY = 0.5;

/**
 * What levels that are mostly numbers suggest. An amount (an age typed categorical: 25 … 69, nearly
 * every value taken) is a number: declare it numeric. Codes (municipality 101 … 860 with 51 of its
 * 760 values, education codes, region 1081 … 1085) are whole numbers spread thinly over their
 * range: read as a number they would adjust for "municipality 851 more than 101" as one slope — a
 * meaningless adjustment that then passes — so the advice is to merge them, never "numeric".
 */
function numberHint(levels: readonly string[]): string {
  const values = levels.map((l) => l.trim()).filter((l) => /^[-+]?\d+(?:[.,]\d+)?$/.test(l)).map((l) => Number(l.replace(',', '.')));
  const whole = values.every(Number.isInteger);
  const range = Math.max(...values) - Math.min(...values) + 1;
  if (whole && values.length < CODE_DENSITY * range) {
    return `; its ${levels.length} levels are whole numbers spread thinly over their range, as codes are (a municipality, an education code): merge them into fewer levels (municipalities into regions), not "type": "numeric", which would read the codes as amounts`;
  }
  return `; its ${levels.length} levels are mostly numbers: if it is a number, declare it "type": "numeric"`;
}

/**
 * The outside levels as the output names them (the no-overlap message's rule): up to three held by
 * at least `threshold` patients, the others only counted — a rarer level's value could single
 * those patients out.
 */
export function outsideTarget(d: ObservationalDesign, threshold: number): { confounder: string; levels: string[]; unnamed: number }[] {
  return d.outsideLevels.map((o) => {
    const levels = o.levels.filter((l) => l.patients >= threshold).slice(0, NAMED_LEVELS).map((l) => l.level);
    return { confounder: o.confounder, levels, unnamed: o.levels.length - levels.length };
  });
}

/** Rows [1, confounders…, (baseline)] of the propensity model, or [1, (exposure), (baseline), confounders…] of the outcome model. */
export function designRows(d: ObservationalDesign, keep: readonly number[], form: 'propensity' | 'outcome' | 'outcome-without-exposure', baselineAsConfounder: boolean): { X: number[][]; terms: string[] } {
  const terms = ['(Intercept)'];
  if (form === 'outcome') terms.push('exposed');
  if (form !== 'propensity' && baselineAsConfounder) terms.push('baseline');
  terms.push(...d.confounderColumns.map((c) => c.name));
  if (form === 'propensity' && baselineAsConfounder) terms.push('baseline');
  const X = keep.map((k) => {
    const row = [1];
    if (form === 'outcome') row.push(d.exposed[k]!);
    if (form !== 'propensity' && baselineAsConfounder) row.push(d.baseline[k]!);
    for (const c of d.confounderColumns) row.push(c.values[k]!);
    if (form === 'propensity' && baselineAsConfounder) row.push(d.baseline[k]!);
    return row;
  });
  return { X, terms };
}
