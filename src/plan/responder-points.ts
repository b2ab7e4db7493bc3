/**
 * A responder threshold in points (`"points": 30`) larger than the whole range of the outcome's
 * scale can never be met: no patient improves by more than the scale spans (RMDQ 0–24), so every
 * patient would count as a non-responder and the responder analysis would report 0 % in both arms
 * as if that were a finding. It is refused with the range, and the likely mix-up — a percentage
 * meant as `"percent"`. docs/plan-trial.md "Responders".
 */
import type { Problem } from '../errors.js';
import type { Instrument } from '../instruments/instrument.js';
import { plain } from './mcid-range.js';

/** The problem with `points` on `instrument`'s scale, or undefined when a patient can improve by it. */
export function responderPointsProblem(points: number | undefined, instrument: Instrument | undefined, outcome: string, field: string, file: string): Problem | undefined {
  if (points === undefined || instrument === undefined || instrument.kind !== 'continuous') return undefined;
  const [min, max] = instrument.range;
  const width = max - min;
  if (!(width > 0) || points <= width) return undefined;
  return {
    file,
    field,
    value: plain(points),
    expected: `an improvement of at most ${plain(width)} points: the scale of outcome "${outcome}" (${instrument.name.en}) runs ${plain(min)}–${plain(max)}, so no patient can improve by ${plain(points)} and every patient would count as a non-responder${points <= 100 ? `; for ${plain(points)}% of the baseline value write "percent": ${plain(points)} instead` : ''}`,
  };
}
