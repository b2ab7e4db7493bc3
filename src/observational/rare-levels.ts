/**
 * A categorical confounder's rare levels are never named in the balance rows
 * (docs/observational.md, "Small counts", rule 5): a level held by fewer than the suppression
 * threshold of the analysed patients (an index date held by 2 users and 2 non-users, a
 * municipality code) would tell the reader that so few patients have that value, though its
 * numbers read "suppressed" — the same reason the no-overlap message never names such a level
 * (observational-design.ts). Such levels share one unnamed row, `name=` (an empty level: no
 * export cell can be one, an empty cell being a missing value), which the page labels "other
 * levels (each with fewer patients than the suppression threshold)" (balance-term-label.ts).
 */
import { SUPPRESSED } from '../suppressed-marker.js';
import type { BalanceTerm } from './covariate-balance.js';
import type { ObservationalAnalysis } from './observational-results-schema.js';

type Row = ObservationalAnalysis['balance'][number];

/** The term of a confounder's pooled rare levels: its name with an empty level. */
export const otherLevelsTerm = (confounder: string): string => `${confounder}=`;

/** The level terms ("name=level") held by fewer than `threshold` of the analysed patients (`keep`). */
export function rareLevels(terms: readonly BalanceTerm[], keep: readonly number[], threshold: number): Set<string> {
  return new Set(terms.filter((t) => t.binary && t.confounder !== undefined && keep.reduce((s, k) => s + t.values[k]!, 0) < threshold).map((t) => t.term));
}

/**
 * The propensity model's terms as published (`propensity.terms`): a rare level's column
 * (`name` + level, R's way) is `name=` once, where the first of them was; its value is the level.
 * Only the names change (the coefficients are never published: rule 7).
 */
export function pooledModelTerms(terms: readonly string[], columns: readonly { name: string; confounder: string }[], rare: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const t of terms) {
    const col = columns.find((c) => c.name === t && c.name !== c.confounder);
    const level = col ? `${col.confounder}=${t.slice(col.confounder.length)}` : undefined;
    if (level === undefined || !rare.has(level)) out.push(t);
    else if (!out.includes(otherLevelsTerm(col!.confounder))) out.push(otherLevelsTerm(col!.confounder));
  }
  return out;
}

/**
 * `rows` one for one with `terms` (as computed and protected); `keep` the analysed patients'
 * indices into the terms' values. Returns the rows with each confounder's rare levels (fewer than
 * `threshold` analysed patients, both groups together) pooled into one row at the place of the
 * first: its values "suppressed" where any pooled level's are (always so for a level of 1 …
 * threshold − 1: one group holds 1–4 of it, and rule 5 hides the confounder), else null; its
 * imbalance verdict set when any pooled level's is.
 */
export function poolRareLevels(rows: readonly Row[], terms: readonly BalanceTerm[], keep: readonly number[], threshold: number): Row[] {
  const rareTerms = rareLevels(terms, keep, threshold);
  const rare = terms.map((t) => rareTerms.has(t.term));
  const out: Row[] = [];
  const pooledAt = new Map<string, number>();
  rows.forEach((r, i) => {
    if (!rare[i]) {
      out.push(r);
      return;
    }
    const c = terms[i]!.confounder!;
    const at = pooledAt.get(c);
    const value = (v: Row['smdBefore']): Row['smdBefore'] => (v === SUPPRESSED ? SUPPRESSED : null);
    if (at === undefined) {
      pooledAt.set(c, out.length);
      out.push({ term: otherLevelsTerm(c), type: 'level', smdBefore: value(r.smdBefore), smdAfter: value(r.smdAfter), varianceRatioBefore: null, varianceRatioAfter: null, ...(r.imbalanced !== undefined ? { imbalanced: r.imbalanced } : {}) });
      return;
    }
    const p = out[at]!;
    const either = (a: Row['smdBefore'], b: Row['smdBefore']) => (a === SUPPRESSED || b === SUPPRESSED ? SUPPRESSED : null);
    const imbalanced = p.imbalanced === true || r.imbalanced === true;
    out[at] = { ...p, smdBefore: either(p.smdBefore, r.smdBefore), smdAfter: either(p.smdAfter, r.smdAfter), ...(p.imbalanced !== undefined || r.imbalanced !== undefined ? { imbalanced } : {}) };
  });
  return out;
}
