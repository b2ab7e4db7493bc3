/**
 * The target margins' shares as typed from a published table (docs/subgroups.md#transported-effect):
 * checked when the plan is loaded, so a typo is one problem at its line, not a failed transport
 * per outcome × time.
 *
 * - A cut margin's keys are the cut levels ("<40", "40–<60", "≥60"); the ASCII spellings "40-<60"
 *   and ">=60" are read as those (what a keyboard types), any other key is refused with the levels.
 * - Shares that sum to 1 within ±0.002 (rounded table percentages: 0.601 + 0.398) are divided by
 *   their sum, with a note; further off — percentages (sum ≈ 100), counts — is refused with the sum
 *   and what to divide by, because a silent rescale of a wrong table would hide the mistake.
 */
import type { Problem } from '../errors.js';
import { cutLabels } from '../analysis/subgroup-levels.js';
import type { Plan } from './plan-schema.js';

/** How far from 1 a sum of rounded shares may be and still be rescaled (three-decimal rounding of two or three levels). */
export const SHARE_SUM_TOLERANCE = 0.002;

/** A cut level typed in ASCII, as the level hta names it: "40-<60" → "40–<60", ">=60" → "≥60". */
export function cutLevelKey(key: string): string {
  return key
    .replace(/\s+/g, '')
    .replace(/^>=/, '≥')
    .replace(/^(-?[\d.]+)[-−—–](<)/, '$1–$2');
}

const round = (x: number) => Number(x.toPrecision(12));

/** Checks (and where it is safe, rewrites) the margins in place; returns the problems and the notes. */
export function marginShareChecks(plan: Plan, file: string): { problems: Problem[]; notes: string[] } {
  const problems: Problem[] = [];
  const notes: string[] = [];
  (plan.population?.margins ?? []).forEach((m, i) => {
    const field = `population.margins.${i}.shares`;
    if (m.cuts) {
      const levels = cutLabels(m.cuts);
      const shares: Record<string, number> = {};
      let bad = false;
      for (const [key, share] of Object.entries(m.shares)) {
        const level = cutLevelKey(key);
        if (!levels.includes(level)) {
          problems.push({ file, field: `${field}.${key}`, value: key, expected: `a cut level of "cuts" ${JSON.stringify(m.cuts)}: ${levels.map((l) => JSON.stringify(l)).join(', ')} (or in ASCII "40-<60", ">=60")` });
          bad = true;
        } else if (Object.hasOwn(shares, level)) {
          problems.push({ file, field: `${field}.${key}`, value: key, expected: `each cut level once: ${JSON.stringify(key)} is the level ${JSON.stringify(level)}, given already` });
          bad = true;
        } else shares[level] = share;
      }
      if (bad) return;
      m.shares = shares;
    }
    const values = Object.values(m.shares);
    const sum = round(values.reduce((a, b) => a + b, 0));
    if (Math.abs(sum - 1) < 1e-6) return;
    const shown = JSON.stringify(m.shares);
    if (Math.abs(sum - 1) <= SHARE_SUM_TOLERANCE && values.every((v) => v <= 1)) {
      for (const k of Object.keys(m.shares)) m.shares[k] = (m.shares[k] as number) / sum;
      notes.push(`${file}: the shares of margin "${m.column}" sum to ${sum}, not 1 (rounded in the table they were typed from?): each is divided by ${sum} (docs/subgroups.md#transported-effect)`);
      return;
    }
    const percent = sum >= 98 && sum <= 102;
    const how = sum <= 0
      ? 'at least one level needs a positive share'
      : percent
      ? `percentages? Divide each by ${sum} (their sum) to give shares of 1`
      : sum > 1 && values.every((v) => Number.isInteger(v))
        ? `counts? Divide each by ${sum} (their sum) to give shares`
        : `divide each by ${sum} (their sum) if they are in the right proportions`;
    problems.push({ file, field, value: shown, expected: `shares that sum to 1 (within ±${SHARE_SUM_TOLERANCE}, which is rescaled); these sum to ${sum} — ${how}` });
  });
  return { problems, notes };
}
