/**
 * `hta plan init`: a number drafted as a missing-value code from one column (SPSS's user-missing 99
 * of the NRS columns) that is a value of another column of numbers — one holding values on both
 * sides of it (weights 49–115 around 99 kg). Plan-wide, the code would make each such value
 * missing, and `hta validate` refuses that plan once the column is read (a covariate added by
 * hand: trial/number-code-values.ts). So such a code is drafted where it is a code — the outcome's
 * own "missingCodes", a covariate's "columnCodes" — never plan-wide
 * (docs/plan-trial.md#value-codes). A code below or above every other value of every column (999,
 * −9) stays plan-wide.
 */

/** A column of the export as plan init reads it: its stem (a wide export's visits together) and its numbers. */
export interface NumberColumn {
  stem: string;
  numbers: readonly number[];
}

/** A code that is a value somewhere: the column that shows it, and the columns where it is a code. */
export interface PlacedCode {
  code: number;
  /** The first column holding other values on both sides of the code, with their range. */
  valueIn: { stem: string; lo: number; hi: number };
  /** The columns holding the code at or beyond their other values: where it means "missing". */
  codeIn: string[];
}

/**
 * The numeric `codes` that lie inside some column's other values (its numbers that are no drafted
 * code), with where each is a code instead.
 */
export function placeNumberCodes(codes: ReadonlySet<string | number>, columns: readonly NumberColumn[]): PlacedCode[] {
  const numeric = [...codes].filter((c): c is number => typeof c === 'number');
  if (!numeric.length) return [];
  const isCode = new Set(numeric);
  const ranges = columns.map(({ stem, numbers }) => {
    let lo = Infinity;
    let hi = -Infinity;
    const held = new Set<number>();
    for (const n of numbers) {
      if (isCode.has(n)) held.add(n);
      else {
        if (n < lo) lo = n;
        if (n > hi) hi = n;
      }
    }
    return { stem, lo, hi, held };
  });
  const out: PlacedCode[] = [];
  for (const code of numeric.sort((a, b) => a - b)) {
    const inside = ranges.find((r) => r.lo < code && code < r.hi);
    if (!inside) continue;
    out.push({ code, valueIn: { stem: inside.stem, lo: inside.lo, hi: inside.hi }, codeIn: ranges.filter((r) => r.held.has(code) && !(r.lo < code && code < r.hi)).map((r) => r.stem) });
  }
  return out;
}
