/**
 * A plan-wide missing-value code that is a lone letter (`"missingCodes": ["A"]`), met in a column
 * of categories where it is a level beside others (`SITE` A/B/C/D, `SEX` M/F). A lone letter is how
 * SAS PROC EXPORT writes a special missing value (`.A` without its dot), meant for the score
 * columns; read as missing in a covariate it made every patient at site A, or every man, "missing":
 * they left the complete-case ANCOVA without a word. Which reading is meant the export cannot say,
 * so the plan must: refused, with the per-column codes to write (docs/plan-trial.md#letter-codes).
 * Not refused where the column's other values are numbers (`A` among ages is SAS's `.A`), nor
 * when the column's own `columnCodes` list the letter (the user said so).
 * The uptake side never reads such a code in a text column (uptake/missing-cells.ts).
 */
import type { Problem } from '../errors.js';
import { parseNumber } from '../io/parse-number.js';
import { nfc } from '../io/nfc.js';
import type { Plan } from '../plan/plan-schema.js';
import type { CodedCell } from './value-codes.js';

/** A plan code that is one letter, as written (trimmed, NFC). */
const isLetterCode = (code: string | number): code is string => typeof code === 'string' && /^\p{L}$/u.test(nfc(code.trim()));

interface Seen {
  /** Cells the letter made missing, and the first line holding it. */
  hits: Map<string, { cells: number; line: number }>;
  /** Other values of the column that are text (its levels), as first met. */
  levels: Set<string>;
}

export class LetterCodeLevels {
  readonly #letters: ReadonlySet<string>;
  readonly #seen = new Map<number, Seen>();

  /** `columns`: the categories' candidates (covariates, subgroup and population columns, Table 1's), by index into what `see` is given. */
  constructor(private readonly plan: Plan, private readonly columns: readonly string[]) {
    this.#letters = new Set(plan.missingCodes.filter(isLetterCode).map((c) => nfc(c.trim())));
  }

  /** Whether there is anything to check: a plan-wide one-letter code. */
  get active(): boolean {
    return this.#letters.size > 0;
  }

  /** Column `i`'s cell `text` (trimmed, not empty), as the plan's codes read it, on `line`. */
  see(i: number, line: number, text: string, coded: CodedCell | undefined, decimalComma: boolean): void {
    const column = this.columns[i]!;
    let seen = this.#seen.get(i);
    if (coded?.kind === 'missing') {
      const t = nfc(text);
      if (!this.#letters.has(t)) return;
      // The column's own code: the user wrote it for this column.
      const own = Object.hasOwn(this.plan.columnCodes, column) ? this.plan.columnCodes[column]!.missing ?? [] : [];
      if (own.some((c) => nfc(String(c).trim()) === t)) return;
      if (!seen) this.#seen.set(i, (seen = { hits: new Map(), levels: new Set() }));
      const hit = seen.hits.get(t);
      if (hit) hit.cells++;
      else seen.hits.set(t, { cells: 1, line });
      return;
    }
    if (coded !== undefined && coded.kind !== 'text') return;
    if (parseNumber(text, decimalComma) !== undefined) return;
    if (!seen) this.#seen.set(i, (seen = { hits: new Map(), levels: new Set() }));
    if (seen.levels.size < 4) seen.levels.add(nfc(text));
  }

  /** A problem per column and letter that is a level beside other text levels; `where(i)` gives the column's file index (1-based), what it is to the plan and what its patients would lose. */
  problems(file: string, where: (i: number) => { column: number; what: string; effect?: string }): Problem[] {
    const out: Problem[] = [];
    for (const [i, { hits, levels }] of this.#seen) {
      if (!hits.size || !levels.size) continue;
      const column = this.columns[i]!;
      const { column: at, what, effect = 'would leave the analysis' } = where(i);
      const others = [...levels].slice(0, 3).map((l) => JSON.stringify(l)).join(', ') + (levels.size > 3 ? ', …' : '');
      for (const [letter, { cells, line }] of hits) {
        const code = JSON.stringify(letter);
        const own = `"columnCodes": { ${JSON.stringify(column)}: { "missing": [${code}] } }`;
        out.push({
          file,
          line,
          column: at,
          field: column,
          value: letter,
          kind: `plan.letter-code:${column}`,
          expected: `a category of ${what} ("${column}" holds ${code} beside ${others}; ${cells} cell${cells === 1 ? '' : 's'}), never a plan-wide missing-value code — the plan's "missingCodes" holds ${code}, and read as missing every patient with ${code} ${effect}. A lone letter is also how SAS PROC EXPORT writes a special missing value (.${letter.toUpperCase()} without its dot): take ${code} out of the plan-wide "missingCodes" and write it where it means missing — the outcome's own "missingCodes", or "columnCodes" for a column; if ${code} also means missing in "${column}", write ${own}`,
        });
      }
    }
    return out;
  }
}
