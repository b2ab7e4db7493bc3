/**
 * An undeclared missing-value code in a numeric confounder (docs/observational.md, "Missing-value
 * codes and ranges of a confounder") or a trial's numeric covariate (docs/plan-trial.md): registries write "uoplyst" as 99 or 999, which read as a number would
 * enter the propensity and outcome models as a comorbidity count of 999 — the analysis ran, exit
 * 0, silently adjusted for nonsense. The rule is resource use's (src/cea/implausible-units.ts): a
 * value written only with nines, at least CODE_FACTOR times the largest other value of its column,
 * is taken for a code and refused, pointing to "missingCodes". A confounder the plan gives a
 * "covariateRanges" entry is left to that range (the user has said which values are real).
 */
import type { Problem } from '../errors.js';
import { nineCodes } from '../cea/implausible-units.js';

/** One numeric confounder cell: where it is and what it holds. */
export interface ConfounderCell {
  line: number;
  column: number;
  text: string;
  value: number;
}

/**
 * Appends `cell` unless it is the last one kept: a wide line is read once per visit, its
 * covariate cell once (NineCodeCells, trial/negative-code-cells.ts).
 */
export function pushOncePerCell(cells: ConfounderCell[], cell: ConfounderCell): void {
  const last = cells[cells.length - 1];
  if (last?.line === cell.line && last.column === cell.column) return;
  cells.push(cell);
}

/** Tallies the cells of the numeric confounders, one per line and column (a wide line is read once per visit). */
export class NineCodeCells {
  readonly #cells: ConfounderCell[][];
  constructor(
    private readonly names: readonly (string | undefined)[],
    /** What the plan calls the column: an observational plan's confounder, a trial's covariate. */
    private readonly noun: 'confounder' | 'covariate' = 'confounder',
  ) {
    this.#cells = names.map(() => []);
  }

  /** Whether confounder `i` is checked (numeric, no range in the plan). */
  checks(i: number): boolean {
    return this.names[i] !== undefined;
  }

  add(i: number, cell: ConfounderCell): void {
    pushOncePerCell(this.#cells[i]!, cell);
  }

  /** The cells taken for a code, as problems (grouped by column and text when printed). */
  problems(file: string): Problem[] {
    return this.#cells.flatMap((cells, i) => {
      const name = this.names[i];
      if (name === undefined) return [];
      const { top, isCode } = nineCodes(cells.map((c) => c.value));
      return cells
        .filter((c) => isCode(c.value))
        .map((c) => ({
          file,
          line: c.line,
          column: c.column,
          field: name,
          value: c.text,
          expected: `a value of the ${this.noun} "${name}", not a missing-value code: far above its other values (at most ${top}), so likely a code for "missing" — if it means "missing", add it to the plan's "missingCodes"${this.noun === 'confounder' ? ' (those patients are then left out and counted)' : ''}; if it is a real value, give "${name}" a "covariateRanges" entry that includes it`,
          kind: `${this.noun}.code:${name}`,
        }));
    });
  }
}
