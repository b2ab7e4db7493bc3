/**
 * The reader's check of a reported `difference, ci_lower, ci_upper` row against the shape its
 * measure's interval has (interval-shape.ts; docs/input-studies.md, "An estimate off the centre of
 * its interval"):
 *
 *   - no measure given, all three > 0, lopsided beyond rounding but symmetric on the log scale:
 *     a risk or odds ratio typed without its measure, which would be pooled as a mean difference
 *     — refused, asking for the measure (whatever ci_method says: it is about the measure);
 *   - a row whose ci_method names an asymmetric interval (bootstrap, Newcombe, exact): no more;
 *   - the estimate nearly at an end of its interval (leastShare > REFUSE_SHARE): a typo — refused,
 *     except for a risk difference, whose interval is often not a Wald one (Newcombe, exact) and
 *     is squeezed near ±1: a warning that says it is most likely a typo;
 *   - beyond rounding and more than WARN_SHARE: a warning naming the row.
 */
import { type Digits, intervalShape, REFUSE_SHARE, WARN_SHARE } from './interval-shape.js';
import { isRatioMeasure, type MetaMeasure } from './read-studies.js';

const WHAT: Record<MetaMeasure, string> = {
  MD: 'a mean difference',
  SMD: 'a standardised mean difference',
  RD: 'a risk difference',
  RR: 'a risk ratio',
  OR: 'an odds ratio',
};

export interface CentreFinding {
  refuse: boolean;
  kind: string;
  /** For a refusal, what was expected; for a warning, what was found. */
  expected: string;
  hint: string;
}

interface Values {
  estimate: number;
  lower: number;
  upper: number;
}

/** A distance as the message shows it: one digit more than the file's most precise value, at least 2. */
function show(x: number, digits: Digits): string {
  const d = Math.max(2, ...[digits.estimate, digits.lower, digits.upper].map((v) => (v ?? 2) + 1));
  return String(Number(x.toFixed(Math.min(d, 4))));
}

/** What a refusal or warning offers when the paper's interval is asymmetric by construction. */
const DECLARE = 'if the paper\'s interval is asymmetric by construction (a bootstrap, Newcombe/Wilson or exact interval), name its method in a ci_method column (bootstrap, newcombe, exact, …): the row is then pooled with SE = (upper − lower) / 3.92, as for any interval';

export function checkCentre(
  v: Values,
  digits: Digits,
  texts: { estimate: string; lower: string; upper: string },
  measure: MetaMeasure,
  measureGiven: boolean,
  asymmetricDeclared = false,
): CentreFinding | null {
  const ratio = isRatioMeasure(measure);
  const shape = intervalShape(v.estimate, v.lower, v.upper, digits, ratio ? 'log' : 'identity');
  if (!shape.beyondRounding) return null;
  // As the file writes them; "; " between bounds with a decimal comma, so "[-1,51; -0,06]" reads as two numbers.
  const sep = /,/.test(texts.lower + texts.upper) ? '; ' : ', ';
  const written = `${texts.estimate} [${texts.lower}${sep}${texts.upper}]`;
  if (!measureGiven && !ratio && v.estimate > 0 && v.lower > 0 && v.upper > 0 && !intervalShape(v.estimate, v.lower, v.upper, digits, 'log').beyondRounding) {
    return {
      refuse: true,
      kind: 'meta.ratio-without-measure',
      expected:
        `a measure for ${written}: with none given it is read as a mean difference, whose interval is symmetric, but it is ${show(shape.below, digits)} below the estimate and ` +
        `${show(shape.above, digits)} above — lopsided, and symmetric on the log scale, as a risk or odds ratio's interval is`,
      hint: 'if it is a ratio, add a measure column with RR or OR (the ratio and its CI as published); if it is a mean difference, check the numbers against the paper',
    };
  }
  if (asymmetricDeclared || shape.share <= WARN_SHARE) return null;
  const middle = ratio ? Math.sqrt(v.lower * v.upper) : (v.lower + v.upper) / 2;
  const scale = ratio ? ' on the log scale' : '';
  const sides = `${show(shape.below, digits)} from the lower bound and ${show(shape.above, digits)} from the upper${scale} (rounding to the digits given explains up to ${show(shape.tolerance, digits)})`;
  const nearEnd = shape.leastShare > REFUSE_SHARE;
  if (nearEnd && measure !== 'RD') {
    return {
      refuse: true,
      kind: 'meta.off-centre',
      expected: `a difference near the middle of its 95% CI (${WHAT[measure]}'s interval is symmetric${scale}, so about ${show(middle, digits)}), but ${written} is ${sides}: nearly at an end of its interval`,
      hint: `is the difference or a bound mistyped, or taken from another row? ${DECLARE.replace(/^i/, 'I')}`,
    };
  }
  // A risk difference's interval is often a Newcombe or exact one, not symmetric by construction.
  const shapeOf = measure === 'RD' ? "a risk difference's Wald interval is symmetric, a Newcombe or exact one need not be" : `${WHAT[measure]}'s interval is symmetric${scale}`;
  return {
    refuse: false,
    kind: 'meta.off-centre',
    expected: nearEnd
      ? `${written} is nearly at an end of its 95% CI, most likely a typo: ${sides}; ${shapeOf}`
      : `${written} is off the centre of its 95% CI: ${sides}; ${shapeOf}`,
    hint: `check the estimate and the bounds against the paper; ${DECLARE}`,
  };
}
