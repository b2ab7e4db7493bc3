/**
 * An MCID as large as the instrument's whole range can never be reached by a difference between
 * the arms, so every verdict is fixed before any data is read (RMDQ 0–24 with `"mcid": 30`; NRS
 * 0–10 with 20). It is refused, naming the outcome, the range and the likely mix-up: a percentage
 * of the range, or millimetres of a 0–100 mm scale written for a 0–10 one. Yes/no outcomes refuse
 * an MCID ≥ 1 in binary-outcome-checks.ts. docs/plan-trial.md "MCID and the instrument's range".
 */
import type { Problem } from '../errors.js';

/** A plan number as a message writes it: at most six decimals, no trailing zeros (also responder-points.ts). */
export const plain = (v: number) => String(Number(v.toFixed(6)));

/** The problem with `mcid` on a scale of `range`, or undefined when it is smaller than the range's width. */
export function mcidRangeProblem(mcid: number, range: readonly [number, number], what: string, field: string, file: string): Problem | undefined {
  const width = range[1] - range[0];
  if (!(width > 0) || mcid < width) return undefined;
  const guesses: string[] = [];
  if (mcid <= 100) guesses.push(`a percentage (${plain(mcid)}% of the range is ${plain((mcid / 100) * width)})`);
  if (width === 10 && mcid <= 100) guesses.push(`millimetres of a 0–100 mm scale (${plain(mcid)} mm is ${plain(mcid / 10)} on 0–10)`);
  return {
    file,
    field,
    value: plain(mcid),
    expected: `an MCID smaller than the whole range of ${what}: its scale ${plain(range[0])}–${plain(range[1])} spans ${plain(width)}, so a difference between the arms can never reach ${plain(mcid)} and every verdict would be fixed before any data is read${guesses.length ? `; is it ${guesses.join(', or ')}?` : ''}`,
  };
}
