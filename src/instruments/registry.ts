/**
 * All instruments by key, the one place plans look them up.
 */
import { editDistance } from '../edit-distance.js';
import { HtaError } from '../errors.js';
import { binary } from './binary.js';
import { eq5d3l, eq5d5l } from './eq5d.js';
import type { Instrument } from './instrument.js';
import { nrs } from './nrs.js';
import { pseq } from './pseq.js';
import { rmdq, rmdq23 } from './rmdq.js';
import { wai, was } from './work-ability.js';

export const instruments: Readonly<Record<string, Instrument>> = Object.freeze({
  rmdq,
  rmdq23,
  pseq,
  nrs,
  eq5d5l,
  eq5d3l,
  was,
  wai,
  binary,
});

/**
 * The instrument registered under `key`.
 * @throws HtaError('plan.invalid') naming the unknown key, suggesting the nearest known key
 *   (edit distance ≤ 2) and listing all known keys.
 */
export function getInstrument(key: string): Instrument {
  if (Object.hasOwn(instruments, key)) return instruments[key] as Instrument;
  const known = Object.keys(instruments);
  const suggestion = nearest(key, known);
  const hint = suggestion === undefined ? '' : ` Did you mean "${suggestion}"?`;
  throw new HtaError(
    'plan.invalid',
    `unknown instrument ${JSON.stringify(key)}.${hint} Known instruments: ${known.join(', ')}`,
  );
}

function nearest(key: string, known: readonly string[]): string | undefined {
  const needle = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3; // suggest only near misses: distance ≤ 2
  for (const candidate of known) {
    const d = editDistance(needle, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

