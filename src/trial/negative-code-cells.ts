/**
 * An undeclared negative missing-value code in a trial's covariate (or an observational plan's
 * confounder): Castor EDC's −95 … −99, or −7, −8, −9, −999 (src/plan/negative-codes.ts), in a
 * column whose every other value is 0 or more. A hand-written plan without the code read a BMI of
 * −95 into Table 1 and the ANCOVA, and sex −96 as a third level, while `validate` said "valid"
 * (docs/plan-trial.md#negative-codes). Refused after the rows, as a nine-only code is
 * (observational/nine-codes.ts): the code is the plan's to declare, so `--exclude-invalid` does not
 * leave such rows out. A covariate the plan gives a "covariateRanges" entry is left to that range,
 * and a column holding other negative values (a change from baseline) may hold −96 as data.
 */
import type { Problem } from '../errors.js';
import { castorCodesText, isCastorOwnCode, isNegativeCode, NEGATIVE_CODES } from '../plan/negative-codes.js';
import { type ConfounderCell, pushOncePerCell } from '../observational/nine-codes.js';

/** The codes said as every system's, not Castor's own: "-7, -8, -9, -99, -999". */
const USUAL_CODES = [...NEGATIVE_CODES].filter((v) => !isCastorOwnCode(v)).join(', ');

/** Tallies, per covariate, the cells holding a negative code and whether any other value is negative. */
export class NegativeCodeCells {
  readonly #cells: ConfounderCell[][];
  readonly #otherNegative: boolean[];
  constructor(
    /** The covariate of each column checked (undefined: not checked). */
    private readonly names: readonly (string | undefined)[],
    private readonly noun: 'confounder' | 'covariate' = 'covariate',
  ) {
    this.#cells = names.map(() => []);
    this.#otherNegative = names.map(() => false);
  }

  /** Whether column `i` is checked. */
  checks(i: number): boolean {
    return this.names[i] !== undefined;
  }

  /** One read value of column `i`: kept when it is a code, remembered when it is another negative. */
  add(i: number, cell: ConfounderCell): void {
    if (cell.value >= 0 || this.#otherNegative[i]) return;
    if (!isNegativeCode(cell.value)) {
      this.#otherNegative[i] = true;
      return;
    }
    pushOncePerCell(this.#cells[i]!, cell);
  }

  /** The code cells of each column holding no other negative value, as problems. */
  problems(file: string): Problem[] {
    return this.#cells.flatMap((cells, i) => {
      const name = this.names[i];
      if (name === undefined || this.#otherNegative[i] || !cells.length) return [];
      return cells.map((c) => {
        const castor = castorCodesText([c.value]);
        return {
          file,
          line: c.line,
          column: c.column,
          field: name,
          value: c.text,
          expected: `a value of the ${this.noun} "${name}", not a missing-value code: ${c.value} is ${castor || `a usual code for "missing" (${USUAL_CODES})`}, and no other value of "${name}" is negative — if it means "missing", add it to the plan's "missingCodes"; if it is a real value, give "${name}" a "covariateRanges" entry that includes it`,
          kind: `${this.noun}.negative-code:${name}`,
        };
      });
    });
  }
}
