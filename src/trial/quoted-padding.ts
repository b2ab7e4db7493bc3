/**
 * Blanks at the ends of a quoted cell: SAS (ODS CSV, PUT with `$CHARw.`), SPSS and Stata write a
 * text variable padded to its width inside the quotes (`"6w      "`, `"gp          "`, `"Ja "`).
 * An unquoted cell's blanks are trimmed when read, and so are a registry's; a quoted one's were
 * kept, so a padded visit was no visit of the plan, a padded subgroup level no level of the plan
 * ("did you mean "gp          "?") and a padded answer no answer code — while the padded arm was
 * read. The trial reader reads every quoted cell without them, as unquoted, and says so once;
 * but the patient id, whose spelling decides who is one patient (docs/input-trial-export.md
 * "Case or blanks": refused there as one id spelled two ways, never merged unseen).
 * docs/input-trial-export.md#quoted-padding.
 */
import { isPackedUnquoted, type CsvRecord, type CsvTable } from '../io/read-csv.js';

/** Blanks at either end (spaces, tabs, no-break spaces), as `trim()` takes them. */
const padded = (c: string): boolean => c.length > 0 && (c.charCodeAt(0) <= 0x20 || c.charCodeAt(c.length - 1) <= 0x20 || c.trim().length !== c.length);

export class QuotedPadding {
  cells = 0;
  readonly #columns = new Set<number>();
  /** The last line counted: the reader passes over the records more than once, in file order, and each cell counts once. */
  #counted = 0;
  #line = 0;

  /** Record `line` is being read (before its cells' `trimmed`). */
  at(line: number): void {
    this.#line = line > this.#counted ? line : 0;
  }

  trimmed(column: number): void {
    if (this.#line === 0) return;
    this.#counted = this.#line;
    this.cells++;
    this.#columns.add(column);
  }

  /** Once per run: how many quoted cells were read without their blanks, in which columns. */
  note(file: string, header: readonly string[], lang: 'en' | 'da' = 'en'): string | undefined {
    if (this.cells === 0) return undefined;
    const columns = [...this.#columns].sort((a, b) => a - b).map((i) => JSON.stringify(header[i] ?? `column ${i + 1}`));
    const shown = columns.slice(0, 4).join(', ') + (columns.length > 4 ? ', …' : '');
    const n = this.cells;
    return lang === 'da'
      ? `${file}: ${n} ${n === 1 ? 'celle i anførselstegn havde' : 'celler i anførselstegn havde'} mellemrum i enderne (${shown}), som SAS, SPSS og Stata fylder en tekstvariabel ud til dens bredde ("6w      "): læst uden dem, som celler uden anførselstegn (docs/input-trial-export.md#quoted-padding)`
      : `${file}: ${n} quoted cell${n === 1 ? '' : 's'} had blanks at ${n === 1 ? 'its' : 'their'} ends (${shown}), as SAS, SPSS and Stata pad a text variable to its width ("6w      "): read without them, as unquoted cells are (docs/input-trial-export.md#quoted-padding)`;
  }
}

/**
 * The table with the blanks at a quoted cell's ends left out, in every column but `keep` (the
 * id); `tally` counts the cells so read. Records read unquoted pass as they are (no copy).
 */
export function withoutQuotedPadding(csv: CsvTable, keep: number, tally: QuotedPadding): CsvTable {
  const map = (rec: CsvRecord): CsvRecord => {
    if (isPackedUnquoted(rec)) return rec;
    tally.at(rec.line);
    const cells = rec.cells;
    let out: (string | null)[] | undefined;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (c === null || c === undefined || i === keep || !padded(c)) continue;
      out ??= [...cells];
      const t = c.trim();
      out[i] = t === '' ? null : t;
      tally.trimmed(i);
    }
    // The array split once, padded or not: a quoted record's `cells` getter splits it again on every
    // read (read-csv.ts), as withSpecialMissingEmpty (special-missing.ts) keeps it for the same reason.
    const cellsOut = out ?? cells;
    return { line: rec.line, cells: cellsOut, get raw() { return rec.raw; } };
  };
  const records = csv.records;
  return {
    ...csv,
    records: {
      get length() {
        return records.length;
      },
      *[Symbol.iterator]() {
        for (const rec of records) yield map(rec);
      },
    },
  };
}
