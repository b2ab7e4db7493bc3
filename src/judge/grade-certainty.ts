/**
 * Certainty of evidence (GRADE) for one outcome estimate: the level the plan assessed (risk of
 * bias, inconsistency, indirectness, publication bias are judgements a reviewer writes down),
 * downgraded one level for imprecision when the estimate's CI crosses the MCID or −MCID — the
 * one GRADE domain the numbers decide by themselves (GRADE handbook 5.2.4 Imprecision; Guyatt GH et al. 2011,
 * GRADE guidelines 6: rating the quality of evidence—imprecision, J Clin Epidemiol 64:1283–1293,
 * doi:10.1016/j.jclinepi.2011.01.012). Never below "very low". Without a planned level the
 * certainty is not assessed, but the imprecision is still reported.
 */

export const CERTAINTY_LEVELS = ['high', 'moderate', 'low', 'very-low'] as const;
export type CertaintyLevel = (typeof CERTAINTY_LEVELS)[number];

export interface CertaintyJudgement {
  /** null: the plan gives no GRADE assessment for this outcome. */
  level: CertaintyLevel | null;
  /** The CI crosses the MCID or −MCID (the row's `imprecise` flag). */
  imprecise: boolean;
  /** The level was lowered one step for imprecision. */
  downgradedForImprecision: boolean;
}

/** `imprecise`: the effect row's flag (`isImprecise`); null (no MCID, no estimate) counts as not imprecise. */
export function gradeCertainty(planned: CertaintyLevel | undefined, imprecise: boolean | null): CertaintyJudgement {
  const crosses = imprecise === true;
  if (planned === undefined) return { level: null, imprecise: crosses, downgradedForImprecision: false };
  const i = CERTAINTY_LEVELS.indexOf(planned);
  const level = CERTAINTY_LEVELS[Math.min(CERTAINTY_LEVELS.length - 1, i + (crosses ? 1 : 0))] as CertaintyLevel;
  return { level, imprecise: crosses, downgradedForImprecision: crosses && level !== planned };
}
