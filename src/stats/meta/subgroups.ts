/**
 * Subgroup meta-analysis and the test for subgroup differences.
 *
 * Each subgroup is pooled on its own with the given options, so each has its own τ²
 * ("separate τ² per subgroup": the default of RevMan and of R's `meta` with `tau.common = FALSE`).
 * The subgroups are then compared with the RevMan test for subgroup differences, a
 * fixed-effect Q across the G subgroup estimates θ̂_g with their squared standard errors:
 *
 *   w_g = 1/SE_g²,  θ̄ = Σ w_g θ̂_g / Σ w_g,  Q_between = Σ w_g (θ̂_g − θ̄)²  on G − 1 df,
 *   I²_between = max(0, 100 (Q_between − (G − 1)) / Q_between)
 *
 * = `metafor::rma(est_g, sei = se_g, method = "FE")$QE` on the per-subgroup fits (Borenstein &
 * Higgins 2013, "Meta-analysis and subgroups", Prev Sci 14:134–143, doi:10.1007/s11121-013-0377-7;
 * Cochrane Handbook v6, ch. 10.11.3). SE_g is each subgroup's reported SE (the HKSJ SE when
 * `hksj` is on). A subgroup with one study contributes its own yi and √vi.
 * The overall fit pools all studies with the same options, ignoring subgroups.
 */
import type { MetaFit } from './meta-fit.js';
import { fixedEffect } from './fixed-effect.js';
import { randomEffects } from './random-effects.js';
import type { RandomEffectsOptions } from './random-effects.js';
import type { StudyEffect } from './study-effect.js';

export interface SubgroupStudy extends StudyEffect {
  group: string;
}

export interface SubgroupOptions extends RandomEffectsOptions {
  /** 'random' (default) or inverse-variance 'fixed' within subgroups. */
  model?: 'random' | 'fixed';
}

export interface SubgroupDifferenceTest {
  q: number;
  df: number;
  pValue: number;
  i2: number;
}

export interface SubgroupAnalysis {
  /** One fit per subgroup, in order of first appearance. */
  groups: { group: string; labels: string[]; fit: MetaFit }[];
  overall: MetaFit;
  /** Null with fewer than two subgroups. */
  test: SubgroupDifferenceTest | null;
  tau2Scope: 'separate';
  warnings: string[];
}

/** The test for subgroup differences on G ≥ 2 subgroup estimates and their SEs (formula above). */
export function subgroupDifferenceTest(estimates: readonly number[], ses: readonly number[]): SubgroupDifferenceTest {
  const between = fixedEffect(estimates, ses.map((se) => se * se));
  const q = between.q as number;
  return { q, df: estimates.length - 1, pValue: between.qPValue as number, i2: between.i2 as number };
}

export function subgroupAnalysis(studies: readonly SubgroupStudy[], options: SubgroupOptions = {}): SubgroupAnalysis {
  const fit = (ss: readonly StudyEffect[]): MetaFit => {
    const yi = ss.map((s) => s.yi);
    const vi = ss.map((s) => s.vi);
    return options.model === 'fixed' ? fixedEffect(yi, vi, { confLevel: options.confLevel }) : randomEffects(yi, vi, options);
  };
  const byGroup = new Map<string, SubgroupStudy[]>();
  for (const s of studies) {
    const list = byGroup.get(s.group);
    if (list) list.push(s);
    else byGroup.set(s.group, [s]);
  }
  const groups = [...byGroup].map(([group, ss]) => ({ group, labels: ss.map((s) => s.label), fit: fit(ss) }));
  const overall = fit(studies);
  const warnings = [
    ...overall.warnings.map((w) => `Overall: ${w}`),
    ...groups.flatMap((g) => g.fit.warnings.map((w) => `Subgroup ${g.group}: ${w}`)),
  ];

  const test = groups.length > 1 ? subgroupDifferenceTest(groups.map((g) => g.fit.estimate), groups.map((g) => g.fit.se)) : null;
  return { groups, overall, test, tau2Scope: 'separate', warnings };
}
