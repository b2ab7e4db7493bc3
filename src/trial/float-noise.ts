/**
 * Float rounding noise in whole-number scores: pandas (and other programs that compute a score
 * in binary floating point and print it in full) writes an ODI of 28 as `28.000000000000007` and
 * an NRS of 7 as `7.000000000000001`. Where a whole number is expected, a value within a relative
 * 1e-9 of one is read as that whole number, and the run says so once; a real decimal (`28.5`,
 * `28.001`) is as far from it as data ever is and is still refused.
 * docs/input-trial-export.md#float-noise.
 */

/** Largest relative distance from a whole number read as float rounding (digits 10 and beyond). */
export const FLOAT_NOISE_TOLERANCE = 1e-9;

/** The whole number `v` is float noise away from, if it is (undefined for a whole number or a real decimal). */
export function wholeNumberUnderNoise(v: number): number | undefined {
  if (!Number.isFinite(v) || Number.isInteger(v)) return undefined;
  const whole = Math.round(v);
  return Math.abs(v - whole) <= FLOAT_NOISE_TOLERANCE * Math.max(1, Math.abs(whole)) ? whole : undefined;
}

/** The cells read so, each once (a wide line's cells may be read once per visit), for the run's note. */
export class FloatNoiseTally {
  readonly #cells = new Set<string>();
  #example: { text: string; whole: number } | undefined;

  add(line: number, column: number, text: string, whole: number): void {
    const key = `${line}:${column}`;
    if (this.#cells.has(key)) return;
    this.#cells.add(key);
    this.#example ??= { text, whole };
  }

  get count(): number {
    return this.#cells.size;
  }

  /** Once per run: how many cells, one example (a score, never an id), and why; undefined when none. */
  note(file: string, lang: 'en' | 'da' = 'en'): string | undefined {
    const n = this.#cells.size;
    const e = this.#example;
    if (n === 0 || e === undefined) return undefined;
    if (lang === 'da') return `${file}: ${n === 1 ? '1 celle' : `${n} celler`} med hele scorer eller svar har afrundingsstøj fra det program, der skrev filen (fx ${e.text}): læst som hele tal (${e.whole}) — docs/input-trial-export.md#float-noise`;
    return `${file}: ${n === 1 ? '1 cell' : `${n} cells`} of whole-number scores or answers ${n === 1 ? 'holds' : 'hold'} float rounding from the program that wrote the file (e.g. ${e.text}): read as whole numbers (${e.whole}) — docs/input-trial-export.md#float-noise`;
  }
}
