/**
 * Shared input checks for two-arm statistics, phrased for the user. Every failure is an
 * `HtaError('analysis.failed')` carrying the arm sizes in `n`, so a caller can still report them.
 */
import { HtaError } from '../errors.js';

/** Number of patients per arm, as every effect row reports it. */
export interface ArmSizes {
  intervention: number;
  control: number;
}

/** An `analysis.failed` error that carries the arm sizes (read by `analysis/analyze-trial.ts`). */
export function analysisFailed(message: string, n?: ArmSizes): HtaError {
  const err = new HtaError('analysis.failed', message);
  return n ? Object.assign(err, { n }) : err;
}

/** Throws unless `confLevel` lies strictly between 0 and 1; returns it. */
export function requireConfLevel(confLevel: number): number {
  if (!(confLevel > 0 && confLevel < 1)) throw analysisFailed(`confidence level must lie strictly between 0 and 1, got ${confLevel}`);
  return confLevel;
}

/** Throws unless each arm has at least `min` patients and every value is a finite number. */
export function requireArms(intervention: readonly number[], control: readonly number[], min: number, what = 'patients'): ArmSizes {
  const n = { intervention: intervention.length, control: control.length };
  for (const [arm, values] of [['intervention', intervention], ['control', control]] as const) {
    if (values.length < min) {
      throw analysisFailed(`fewer than ${min} ${what} in the ${arm} arm (found ${values.length})`, n);
    }
    const bad = values.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) throw analysisFailed(`value ${String(values[bad])} in the ${arm} arm is not a finite number`, n);
  }
  return n;
}
