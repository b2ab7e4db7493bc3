/**
 * Quality-adjusted life years as the area under the utility curve (docs/plan-cea.md#qalys):
 *
 *   QALY = Σₖ (tₖ₊₁ − tₖ) · (uₖ + uₖ₊₁) / 2,   t in years since randomisation
 *
 * the trapezoid rule over the visits (Matthews JNS et al. 1990, BMJ 300:230–235,
 * doi:10.1136/bmj.300.6719.230; Manca A et al. 2005, Health Econ 14:487–496,
 * doi:10.1002/hec.944, who add the baseline utility to the regression rather than subtracting it).
 * With `observedOnly`, missing interior visits are skipped (the trapezoid joins the observed
 * neighbours, i.e. linear interpolation); the first and last visits must still be observed,
 * because an area cannot be extrapolated. Otherwise any missing visit makes the QALY missing
 * (null), for multiple imputation. QALYs after the first year are discounted at `discountRate`
 * (discounting.ts; within the first year the arithmetic is the plain trapezoid's).
 */
import { discountedTrapezoid } from './discounting.js';

/** Years per unit of the plan's visit times. */
export const YEARS_PER_UNIT = { days: 1 / 365.25, weeks: 7 / 365.25, months: 1 / 12 } as const;

export function qalyAuc(timesInYears: readonly number[], utilities: readonly (number | null)[], observedOnly: boolean, discountRate = 0): number | null {
  if (timesInYears.length !== utilities.length) throw new RangeError(`qalyAuc: ${timesInYears.length} times for ${utilities.length} utilities`);
  const first = utilities[0];
  const last = utilities[utilities.length - 1];
  if (first === null || first === undefined || last === null || last === undefined) return null;
  if (!observedOnly && utilities.some((u) => u === null)) return null;
  let area = 0;
  let prev = 0;
  for (let k = 1; k < utilities.length; k++) {
    const u = utilities[k];
    if (u === null || u === undefined) continue;
    area += discountedTrapezoid(discountRate, timesInYears[prev]!, utilities[prev]!, timesInYears[k]!, u);
    prev = k;
  }
  return area;
}
