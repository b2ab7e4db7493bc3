/**
 * Brent's root finder, a line-for-line port of R's `R_zeroin2` (src/library/stats/src/zeroin.c),
 * which `uniroot()` calls. Porting it rather than using another bracketing solver makes roots
 * found with R's loose default tolerance (metafor passes `tol = .Machine$double.eps^0.25`)
 * agree with R to the last digits, because the iterates are the same.
 *
 * Reference: Brent R.P. (1973), Algorithms for Minimization without Derivatives, ch. 4.
 *
 * Preconditions: f(lower) and f(upper) are given and of opposite sign (or one is 0).
 * `iterations` is −1 when `maxIter` was exhausted (R's `uniroot` then warns and still
 * returns the last iterate).
 */
export interface ZeroinResult {
  root: number;
  iterations: number;
  estimatedPrecision: number;
}

const EPSILON = 2.220446049250313e-16;

export function zeroin(
  f: (x: number) => number,
  lower: number,
  upper: number,
  fLower: number,
  fUpper: number,
  tol: number,
  maxIter: number,
): ZeroinResult {
  let a = lower;
  let b = upper;
  let fa = fLower;
  let fb = fUpper;
  let c = a;
  let fc = fa;
  let maxit = maxIter + 1;

  if (fa === 0) return { root: a, iterations: 0, estimatedPrecision: 0 };
  if (fb === 0) return { root: b, iterations: 0, estimatedPrecision: 0 };

  while (maxit--) {
    const prevStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolAct = 2 * EPSILON * Math.abs(b) + tol / 2;
    let newStep = (c - b) / 2;

    if (Math.abs(newStep) <= tolAct || fb === 0) {
      return { root: b, iterations: maxIter - maxit, estimatedPrecision: Math.abs(c - b) };
    }

    if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
      let p: number;
      let q: number;
      const cb = c - b;
      if (a === c) {
        const t1 = fb / fa;
        p = cb * t1;
        q = 1 - t1;
      } else {
        q = fa / fc;
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * q * (q - t1) - (b - a) * (t1 - 1));
        q = (q - 1) * (t1 - 1) * (t2 - 1);
      }
      if (p > 0) q = -q;
      else p = -p;

      if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs((prevStep * q) / 2)) {
        newStep = p / q;
      }
    }

    if (Math.abs(newStep) < tolAct) newStep = newStep > 0 ? tolAct : -tolAct;
    a = b;
    fa = fb;
    b += newStep;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  return { root: b, iterations: -1, estimatedPrecision: Math.abs(c - b) };
}
