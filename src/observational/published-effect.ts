/**
 * An effect row as published (results.json, `--json`, `--csv`, the text table and the page):
 * its difference, SE, CI, p-value and benefit at the page's precision, not at 16 digits
 * (docs/observational.md, "Small counts", rule 8).
 *
 * Why: at full precision a whole-number outcome's crude row is a set of exact equations on the
 * counts. Each group's sum S is whole, so S₁·n₀ − S₀·n₁ = difference·n₁n₀ is a known whole
 * number, and with the HC0 SE (SE² = SS₁/n₁² + SS₀/n₀²) so is n₀²Q₁ + n₁²Q₀ (Q: sum of
 * squares). With coprime group sizes (199 and 121; the bundled registry's 662 and 379) that
 * leaves a handful of (S, Q) pairs per group. A difference printed to 2 decimals is only known
 * to ±0.005, which moves difference·n₁n₀ by ±120 there: the equations no longer pin anything.
 *
 * Each number is written with the digits the page prints it with, so the page reads the same
 * whichever it is drawn from: the difference as formatFixed prints it (a risk difference in
 * percentage points, 1 decimal), a CI limit as formatBound does (more digits where needed to keep
 * it off 0 and ±MCID: its verdict and the report's sentences read its side). The SE, not on the
 * page, carries the difference's decimals (2 significant digits at least); the p-value 3
 * decimals as the trial report prints it (more where needed to keep its side of alpha), and 2
 * significant digits below 0.001. A yes/no row's adjusted risks to 3 decimals (the page's per
 * 1,000) and its risk ratio to 2, a limit with the digits that keep it off 1.
 */
import { boundDecimals, differenceDecisions, formatBound, RATIO_DECISIONS } from '../report/interval-bound.js';
import { formatFixed } from '../report/i18n.js';
import { onDecision } from '../judge/float-noise.js';
import { decimalsOf } from './observational-text.js';
import type { ObservationalEffect } from './observational-results-schema.js';

/** The most digits a limit is given beyond the row's to keep its side: interval-bound.ts prints no more. */
const EXTRA = 4;

/** `v` (in the row's own units) as the decimal string `printed` (in printed units, `scale` per unit) says. */
const fromPrinted = (printed: string, scale: number): number => (scale === 100 ? Number(`${printed}e-2`) : Number(printed));

/** Whether `r` lies on the same side of each decision value (printed units) as `v`, or both on it. */
const sameSides = (v: number, r: number, decisions: readonly number[], scale: number) =>
  decisions.every((t) => (onDecision(v, t, scale) ? onDecision(r, t, scale) : Math.sign(v - t) === Math.sign(r - t) && !onDecision(r, t, scale)));

export function publishedEffect(e: ObservationalEffect): ObservationalEffect {
  const pp = e.kind === 'risk-difference';
  const scale = pp ? 100 : 1;
  // The page's decimals, in printed units: a risk difference in pp to 1, a score to 2 or 3.
  const shown = pp ? 1 : decimalsOf(e);
  const decisions = differenceDecisions(e.mcid, scale);

  const difference = (v: number): number => {
    const r = fromPrinted((scale * v).toFixed(shown), scale);
    // formatFixed of the rounded value gives the page's string (checked: test/observational/published-effect.test.ts).
    return formatFixed(scale * r, shown) === formatFixed(scale * v, shown) ? r : v;
  };
  const limit = (v: number): number => {
    const page = formatBound(scale * v, shown, 'en', decisions, scale);
    const first = boundDecimals(scale * v, shown, decisions, scale);
    for (let k = first; k <= shown + EXTRA; k++) {
      const r = fromPrinted((scale * v).toFixed(k), scale);
      if (sameSides(scale * v, scale * r, decisions, scale) && formatBound(scale * r, shown, 'en', decisions, scale) === page) return r;
    }
    // Within 10^−(shown + 4) of 0 or ±MCID (the page prints "<0.00"): its offset from that value to 2 significant digits.
    const t = decisions.reduce((best, x) => (Math.abs(scale * v - x) < Math.abs(scale * v - best) ? x : best));
    const r = (t + Number((scale * v - t).toPrecision(2))) / scale;
    return sameSides(scale * v, scale * r, decisions, scale) && formatBound(scale * r, shown, 'en', decisions, scale) === page ? r : v;
  };
  const se = (v: number): number => {
    const d = pp ? shown + 2 : shown;
    return v >= 10 ** (1 - d) ? Number(v.toFixed(d)) : Number(v.toPrecision(2));
  };
  // 1 − 0.95 is 0.050000000000000044: alpha as the plan writes it, so 0.0499 is not printed 0.050.
  const alpha = Number((1 - e.confLevel).toPrecision(12));
  const p = (v: number): number => (v < 0.001 ? Number(v.toPrecision(2)) : Number(v.toFixed(boundDecimals(v, 3, [alpha]))));

  const or = <T>(v: number | null, f: (x: number) => T) => (v === null ? null : f(v));
  // A yes/no row's adjusted risks as the page prints them per 1,000, its RR to 2 decimals (a limit
  // with the digits that keep it off 1, as formatBound prints it); formatFixed's toFixed digits.
  const risk = (v: number) => Number(v.toFixed(3));
  const ratioLimit = (v: number) => {
    const r = Number(v.toFixed(boundDecimals(v, 2, RATIO_DECISIONS)));
    return formatBound(r, 2, 'en', RATIO_DECISIONS) === formatBound(v, 2, 'en', RATIO_DECISIONS) ? r : v;
  };
  const relative = {
    ...(e.risks ? { risks: { intervention: risk(e.risks.intervention), control: risk(e.risks.control) } } : {}),
    ...(e.riskRatio ? { riskRatio: { ...e.riskRatio, estimate: Number(e.riskRatio.estimate.toFixed(2)), ciLower: ratioLimit(e.riskRatio.ciLower), ciUpper: ratioLimit(e.riskRatio.ciUpper) } } : {}),
  };
  const out = { ...e, ...relative, difference: or(e.difference, difference), se: or(e.se, se), ciLower: or(e.ciLower, limit), ciUpper: or(e.ciUpper, limit), pValue: or(e.pValue, p) };
  // The benefit is the difference turned so that positive favours the exposed (judge-effect.ts): the same numbers.
  const flip = e.direction === 'lower-is-better';
  const turn = (was: number | null, v: number | null) => (was === null || v === null ? was : flip ? -v || 0 : v);
  return { ...out, benefit: turn(e.benefit, out.difference), benefitCiLower: turn(e.benefitCiLower, flip ? out.ciUpper : out.ciLower), benefitCiUpper: turn(e.benefitCiUpper, flip ? out.ciLower : out.ciUpper) };
}
