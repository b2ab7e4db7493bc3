/**
 * Distribution functions used for inference.
 *
 * Thin, typed wrappers over @stdlib (agrees with R's qt/pt/qnorm/pnorm/pchisq to ~1e-15).
 * simple-statistics' probit and normal CDF are table-based and must not be used for inference.
 */
// The per-function packages, not the umbrella ones: they load a fraction of the code. Built,
// they come as one bundle (dist/stats/stdlib.cjs, written by scripts/bundle-stdlib.mjs after tsc):
// the packages are ~700 small CommonJS files, and resolving, reading and compiling each one cost
// ~0.25 CPU-s in every thread that analyses (the main thread and the analysis workers), the bundle
// ~0.03 (docs/architecture.md#the-cost-of-a-cold-regeneration). The bundle is the packages' code,
// its arithmetic untouched (test/stats/stdlib-bundle.test.ts compares the bits). From the
// TypeScript sources (tests) there is no bundle, and the packages load themselves.
// Each function is loaded (bundle: evaluated) on first use: the t and beta functions are a large
// share of the code, which a command that never calls them (e.g. `hta uptake`, docs/limits.md)
// should not pay.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type tQuantileFn from '@stdlib/stats-base-dists-t-quantile';
import type tCdfFn from '@stdlib/stats-base-dists-t-cdf';
import type normalQuantileFn from '@stdlib/stats-base-dists-normal-quantile';
import type normalCdfFn from '@stdlib/stats-base-dists-normal-cdf';
import type chisqQuantileFn from '@stdlib/stats-base-dists-chisquare-quantile';
import type gammaincFn from '@stdlib/math-base-special-gammainc';
import type betaincFn from '@stdlib/math-base-special-betainc';
import type gammalnFn from '@stdlib/math-base-special-gammaln';

/** The @stdlib functions used here, by the name the bundle exports them under. */
interface Stdlib {
  tQuantile: typeof tQuantileFn;
  tCdf: typeof tCdfFn;
  normalQuantile: typeof normalQuantileFn;
  normalCdf: typeof normalCdfFn;
  chisqQuantile: typeof chisqQuantileFn;
  gammainc: typeof gammaincFn;
  betainc: typeof betaincFn;
  gammaln: typeof gammalnFn;
}

/** Each function's package: what scripts/bundle-stdlib.mjs bundles (it reads this list from dist). */
export const STDLIB_PACKAGES: Readonly<Record<keyof Stdlib, string>> = {
  tQuantile: '@stdlib/stats-base-dists-t-quantile',
  tCdf: '@stdlib/stats-base-dists-t-cdf',
  normalQuantile: '@stdlib/stats-base-dists-normal-quantile',
  normalCdf: '@stdlib/stats-base-dists-normal-cdf',
  chisqQuantile: '@stdlib/stats-base-dists-chisquare-quantile',
  gammainc: '@stdlib/math-base-special-gammainc',
  betainc: '@stdlib/math-base-special-betainc',
  gammaln: '@stdlib/math-base-special-gammaln',
};

const require = createRequire(import.meta.url);
const BUNDLE = fileURLToPath(new URL('./stdlib.cjs', import.meta.url));
let stdlib: Stdlib | undefined;
/** The bundle when it was built beside this module, else the packages (each required on first access). */
function stdlibFunctions(): Stdlib {
  if (existsSync(BUNDLE)) return require(BUNDLE) as Stdlib;
  const packages = {} as Stdlib;
  for (const [name, id] of Object.entries(STDLIB_PACKAGES)) Object.defineProperty(packages, name, { get: () => require(id) as unknown });
  return packages;
}
/** `f(...)` calls the @stdlib function `name`, loading it the first time. */
function onUse<K extends keyof Stdlib>(name: K): Stdlib[K] {
  type Fn = (...args: never[]) => number;
  let impl: Fn | undefined;
  return ((...args: never[]) => (impl ??= (stdlib ??= stdlibFunctions())[name] as Fn)(...args)) as Stdlib[K];
}
const tQuantileImpl = onUse('tQuantile');
const tCdfImpl = onUse('tCdf');
const normalQuantileImpl = onUse('normalQuantile');
const normalCdfImpl = onUse('normalCdf');
const chisqQuantileImpl = onUse('chisqQuantile');
const gammainc = onUse('gammainc');
const betainc = onUse('betainc');
const gammalnImpl = onUse('gammaln');

/**
 * Computed t quantiles by p, then df. An analysis asks for the same few again and again (every
 * OLS coefficient, every cell and subgroup at the same confidence level and residual df: 779
 * calls for 105 distinct values on the bundled trial), and one costs ~0.1 ms (an inverse
 * incomplete beta function). A pure function of (p, df), so a cached value is the same number.
 * Bounded: cleared when it holds CACHE_LIMIT values (Rubin's df take any real value).
 */
const quantileCache = new Map<number, Map<number, number>>();
const CACHE_LIMIT = 4096;
let quantilesCached = 0;

/** Quantile of Student's t with `df` degrees of freedom (= R `qt(p, df)`). */
export function tQuantile(p: number, df: number): number {
  // Map keys do not tell −0 from +0: those (degenerate) arguments are not cached.
  if (p === 0 || df === 0) return tQuantileImpl(p, df);
  let byDf = quantileCache.get(p);
  const hit = byDf?.get(df);
  if (hit !== undefined) return hit;
  const q = tQuantileImpl(p, df);
  if (quantilesCached >= CACHE_LIMIT) {
    quantileCache.clear();
    quantilesCached = 0;
    byDf = undefined;
  }
  if (!byDf) quantileCache.set(p, (byDf = new Map()));
  byDf.set(df, q);
  quantilesCached++;
  return q;
}

/** CDF of Student's t (= R `pt(x, df)`). */
export function tCdf(x: number, df: number): number {
  return tCdfImpl(x, df);
}

/** Two-sided p-value for a t statistic (= R `2 * pt(-abs(t), df)`). */
export function tTwoSidedP(t: number, df: number): number {
  return 2 * tCdfImpl(-Math.abs(t), df);
}

/** Standard normal quantile (= R `qnorm(p)`). */
export function normalQuantile(p: number): number {
  return normalQuantileImpl(p, 0, 1);
}

/** Standard normal CDF (= R `pnorm(x)`). */
export function normalCdf(x: number): number {
  return normalCdfImpl(x, 0, 1);
}

/** Two-sided p-value for a z statistic (= R `2 * pnorm(-abs(z))`). */
export function zTwoSidedP(z: number): number {
  return 2 * normalCdfImpl(-Math.abs(z), 0, 1);
}

/** A confidence interval and two-sided test for an estimate with a known SE. */
export interface WaldInterval {
  ciLower: number;
  ciUpper: number;
  /** estimate / se */
  statistic: number;
  pValue: number;
}

/** estimate ± t(1 − α/2, df)·se, with t = estimate/se and its two-sided p (= R `confint`, `summary` of lm/gls). */
export function tInterval(estimate: number, se: number, df: number, confLevel: number): WaldInterval {
  const q = tQuantile(1 - (1 - confLevel) / 2, df);
  const statistic = estimate / se;
  return { ciLower: estimate - q * se, ciUpper: estimate + q * se, statistic, pValue: tTwoSidedP(statistic, df) };
}

/**
 * `fields` and tInterval(estimate, se, df, confLevel) as one object (keys: fields', statistic,
 * pValue, ciLower, ciUpper), the p-value computed when first read (an enumerable getter, so JSON
 * and spreads see the number): for a table of coefficients whose callers
 * read one row's p-value (the arm's) and seldom the others'. A p-value is an incomplete beta
 * function, ~15 µs in a cold process, the quantile is cached (above); the number read is
 * tInterval's (docs/architecture.md#the-cost-of-a-cold-regeneration).
 */
export function withTInterval<T extends object>(fields: T, estimate: number, se: number, df: number, confLevel: number): T & WaldInterval {
  const q = tQuantile(1 - (1 - confLevel) / 2, df);
  const statistic = estimate / se;
  let p: number | undefined;
  const out = { ...fields, statistic, pValue: 0, ciLower: estimate - q * se, ciUpper: estimate + q * se };
  return Object.defineProperty(out, 'pValue', { get: () => (p ??= tTwoSidedP(statistic, df)), enumerable: true, configurable: true });
}

/** estimate ± z(1 − α/2)·se, with z = estimate/se and its two-sided p (= metafor's `test = "z"`). */
export function zInterval(estimate: number, se: number, confLevel: number): WaldInterval {
  const q = normalQuantile(1 - (1 - confLevel) / 2);
  const statistic = estimate / se;
  return { ciLower: estimate - q * se, ciUpper: estimate + q * se, statistic, pValue: zTwoSidedP(statistic) };
}

/**
 * Upper tail of chi-square (= R `pchisq(x, df, lower.tail = FALSE)`), computed as the
 * regularized upper incomplete gamma Q(df/2, x/2) so tiny p-values keep their digits.
 * Precondition: df ≤ ~1600. @stdlib's incomplete gamma loses accuracy (~1 %) for shapes above
 * ~1000 (checked against R and mpmath); the heterogeneity and subgroup tests here have df = k − 1.
 */
export function chisqUpper(x: number, df: number): number {
  if (x <= 0) return 1;
  return gammainc(x / 2, df / 2, true, true);
}

/** Chi-square quantile (= R `qchisq(p, df)`); same df precondition as `chisqUpper`. */
export function chisqQuantile(p: number, df: number): number {
  return chisqQuantileImpl(p, df);
}

/**
 * Upper tail of Fisher's F with (df1, df2) degrees of freedom (= R `pf(f, df1, df2, lower.tail =
 * FALSE)`), as the regularized incomplete beta I_x(df2/2, df1/2) at x = df2/(df2 + df1·f), so
 * small p-values keep their digits (1 − CDF would lose them).
 */
export function fUpper(f: number, df1: number, df2: number): number {
  if (!(f > 0)) return 1;
  return betainc(df2 / (df2 + df1 * f), df2 / 2, df1 / 2, true, false);
}

/**
 * ln Γ(x) (= R `lgamma(x)`), from the same bundle: a module that needs it imports it here rather
 * than the package, so that it is not loaded twice (once as the bundle, once as ~50 files).
 */
export function lnGamma(x: number): number {
  return gammalnImpl(x);
}
