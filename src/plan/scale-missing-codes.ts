/**
 * A plan-wide missing-value code that is a valid answer on an outcome's scale: `"missingCodes":
 * [9]` written for EQ-5D's user-missing 9,000 (or a sex code 9) also made every RMDQ 9 (× 23) and
 * NRS 9 (× 43) missing, and validate called the file valid. Plan-wide codes apply to every column
 * the tool reads (docs/plan-trial.md#codes-order-and-scope), so `hta plan check` warns, and
 * `hta validate` names the cells it changed (trial/scale-missing-codes.ts): such a code belongs in
 * "columnCodes" of the columns where it means "missing".
 */
import { planCodeNumber } from '../io/parse-number.js';
import type { Plan, PlanOutcome } from './plan-schema.js';
import { scaleOf } from './outcome-instrument.js';

/** An outcome whose scale holds a plan-wide code, with that scale's ends. */
export interface ScaleHit {
  key: string;
  lo: number;
  hi: number;
}

/**
 * A numeric code's number (`9`, `"9"`, `"9,0"`), else undefined: read as the trial reader matches
 * it against the cells, with the file's decimal mark (`"9,999"` is 9999 in a decimal-point file,
 * 9.999 in a decimal-comma one; io/parse-number.ts `planCodeNumber`). Without a file (`hta plan
 * check`, `decimalComma` undefined) a code that reads both ways is no number.
 */
export function codeNumber(code: string | number, decimalComma?: boolean): number | undefined {
  if (typeof code === 'number') return code;
  return planCodeNumber(code, decimalComma);
}

/** The range a cell of the outcome is checked against: its items' when read from items, else the score's. */
function cellScale(o: PlanOutcome, plan: Pick<Plan, 'instruments'>): { lo: number; hi: number; integer: boolean } | undefined {
  const inst = scaleOf(o, plan);
  if (!inst) return undefined;
  if (o.items !== undefined && inst.items) return { lo: inst.items.min, hi: inst.items.max, integer: inst.items.integer === true };
  return { lo: inst.range[0], hi: inst.range[1], integer: inst.integer === true };
}

/** The outcomes on whose scale `value` is an answer, and whose own answer codes do not claim it. */
export function scalesHolding(value: number, plan: Pick<Plan, 'outcomes' | 'instruments'>, decimalComma?: boolean): ScaleHit[] {
  const hits: ScaleHit[] = [];
  for (const o of plan.outcomes) {
    const s = cellScale(o, plan);
    if (!s || value < s.lo || value > s.hi || (s.integer && !Number.isInteger(value))) continue;
    // An answer code wins over a missing code: the outcome reads its own meaning of the value.
    if (Object.keys(o.answers ?? {}).some((k) => codeNumber(k, decimalComma) === value)) continue;
    hits.push({ key: o.key, lo: s.lo, hi: s.hi });
  }
  return hits;
}

/**
 * The outcomes whose scale `value` lies off (99 off NRS 0–10): where a plan-wide code is a
 * sentinel, and so where its own "missingCodes" can hold it (trial/number-code-values.ts).
 */
export function scalesOff(value: number, plan: Pick<Plan, 'outcomes' | 'instruments'>): string[] {
  return plan.outcomes.flatMap((o) => {
    const s = cellScale(o, plan);
    return s && (value < s.lo || value > s.hi) ? [o.key] : [];
  });
}

/** `outcome "rmdq" (0–24) and outcome "nrs" (0–10)` */
export function scalesText(hits: readonly ScaleHit[]): string {
  const each = hits.map((h) => `outcome "${h.key}" (${h.lo}–${h.hi})`);
  return each.length > 1 ? `${each.slice(0, -1).join(', ')} and ${each[each.length - 1]}` : each[0]!;
}

/** `hta plan check`'s warnings: one per plan-wide numeric code that an outcome's scale holds. */
export function scaleCodeWarnings(plan: Pick<Plan, 'outcomes' | 'instruments' | 'missingCodes'>): string[] {
  const out: string[] = [];
  for (const code of plan.missingCodes ?? []) {
    const value = codeNumber(code);
    if (value === undefined) continue;
    const hits = scalesHolding(value, plan);
    if (!hits.length) continue;
    out.push(`"missingCodes" holds ${JSON.stringify(code)}, a valid answer on the scale of ${scalesText(hits)}: every ${value} in ${hits.length > 1 ? 'their columns' : 'its columns'} is read as missing — if ${value} means "missing" only in some columns (EQ-5D's user-missing 9,000, a sex code 9), list it for those in "columnCodes": { "<column>": { "missing": [${value}] } } and take it out of "missingCodes" (docs/plan-trial.md#codes-order-and-scope)`);
  }
  return out;
}
