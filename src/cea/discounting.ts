/**
 * Discounting of costs and QALYs that fall after the first year of follow-up
 * (docs/plan-cea.md#discounting).
 *
 * Annual (step) discounting, as the Danish Medicines Council's methods guide and NICE's reference
 * case apply it to trial-based analyses: a cost or a QALY accrued in year y of follow-up
 * (y = 0 for the first 12 months, 1 for the second, …) is weighted by
 *
 *   d(y) = (1 + r)^−y
 *
 * so nothing within the first year is discounted (Drummond MF et al. 2015, Methods for the
 * Economic Evaluation of Health Care Programmes, 4th ed., §4.3; Medicinrådet, Metodevejledning for
 * omkostningsanalyser, 2021: 3.5 % a year, following the Ministry of Finance).
 *
 * QALYs: the utility curve is linear between visits (the trapezoid rule of qaly-auc.ts), so a
 * trapezoid that crosses a year boundary is split there, at the interpolated utility, and each
 * part weighted by its year's d(y). Costs: the units of a period are known only in total, so they
 * are taken as spread evenly over the period: its cost is weighted by the average of d over the
 * period, Σ_y d(y)·(time of the period in year y) / (length of the period). The intervention's
 * price is paid at randomisation (year 0).
 *
 * Within one year every weight is exactly 1, and the arithmetic is the undiscounted one operation
 * for operation, so analyses of up to a year give the same bits as without discounting.
 */

/** Weight of year `y` (0 = the first year) at annual rate `rate`. */
export function yearWeight(rate: number, y: number): number {
  return y === 0 || rate === 0 ? 1 : (1 + rate) ** -y;
}

/**
 * Average weight of a period from `fromYears` to `toYears` (years since randomisation) whose
 * amount is spread evenly over it; a period of no length takes its year's weight.
 */
export function periodWeight(rate: number, fromYears: number, toYears: number): number {
  const y0 = Math.floor(fromYears);
  // Within one year (the end of year y belongs to year y: a 12-month visit closes the first year).
  if (toYears <= y0 + 1 || toYears <= fromYears) return yearWeight(rate, y0);
  let sum = 0;
  for (let y = y0; y < toYears; y++) {
    const a = Math.max(fromYears, y);
    const b = Math.min(toYears, y + 1);
    if (b > a) sum += yearWeight(rate, y) * (b - a);
  }
  return sum / (toYears - fromYears);
}

/**
 * Discounted area under a straight line from (t0, u0) to (t1, u1), t in years: the trapezoid split
 * at every year boundary it crosses. Within one year: the plain trapezoid times that year's weight.
 */
export function discountedTrapezoid(rate: number, t0: number, u0: number, t1: number, u1: number): number {
  const y0 = Math.floor(t0);
  if (t1 <= y0 + 1) {
    const area = ((t1 - t0) * (u0 + u1)) / 2;
    return area * yearWeight(rate, y0);
  }
  const at = (t: number) => u0 + ((u1 - u0) * (t - t0)) / (t1 - t0);
  let sum = 0;
  for (let y = y0; y < t1; y++) {
    const a = Math.max(t0, y);
    const b = Math.min(t1, y + 1);
    if (b > a) sum += yearWeight(rate, y) * (((b - a) * (at(a) + at(b))) / 2);
  }
  return sum;
}

/** Whether anything of a follow-up ending at `lastYears` falls after the first year (and so is discounted at a rate > 0). */
export function discountApplies(rate: number, lastYears: number): boolean {
  return rate > 0 && lastYears > 1;
}
