/**
 * What of a computed registry analysis is published (docs/observational.md, "Small counts",
 * rule 7): the propensity model's coefficients are never published. With categorical
 * confounders only the model is saturated: exp(intercept + level) is the level's users /
 * non-users exactly (20 users and 3 non-users print 6.666… = 20/3), and with the group sizes a
 * level's counts follow even when every balance row of the confounder is hidden; with more
 * confounders the score equations tie the joint cells (sex × referrer), which no table prints.
 * No page shows them; the analysis computes them (test/reference compares them with R).
 */
import type { ObservationalAnalysis } from './observational-results-schema.js';

export function publishedAnalysis(a: ObservationalAnalysis): ObservationalAnalysis {
  if (!a.propensity) return a;
  const { coefficients: _never, ...propensity } = a.propensity;
  return { ...a, propensity };
}
