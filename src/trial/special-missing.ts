/**
 * Missing values by the definition of the system that wrote them: SAS's special missing values
 * `.A` … `.Z` and `._`, Stata's `.a` … `.z`, and Castor EDC's user-missing markers
 * (`##USER_MISSING_95##` … `##USER_MISSING_99##`). SAS and Stata keep them as missing in every
 * computation and PROC EXPORT / `export delimited` write them as such; Castor writes its marker
 * where the site entered "not done", "unknown" and the like. None of them is ever a value, so
 * the trial reader reads them as missing in every column without a plan code: as text they became
 * a category of a covariate (`.A` a third level of education, Table 1 printing "· .A"). A run says
 * how many it read so, once, in a note. docs/input-trial-export.md "Dialects".
 */
import { FieldReader } from '../io/read-csv.js';
import type { CsvRecord, CsvTable } from '../io/read-csv.js';

/** SAS `.A`–`.Z`, `._`; Stata `.a`–`.z` (plain `.` is a missing word already: io/missing-words.ts). */
const SAS_STATA = /^\.[A-Za-z_]$/;
/** Castor EDC's user-missing marker, with or without its code number. */
const CASTOR = /^##USER_MISSING(?:_-?\d+)?##$/;

/** Which system wrote a trimmed cell as a missing value, if one did. */
export function specialMissingKind(text: string): 'sas-stata' | 'castor' | undefined {
  const c = text.charCodeAt(0);
  if (c === 46 /* . */) return text.length === 2 && SAS_STATA.test(text) ? 'sas-stata' : undefined;
  if (c === 35 /* # */) return CASTOR.test(text) ? 'castor' : undefined;
  return undefined;
}

/**
 * A lone capital letter: how SAS PROC EXPORT writes a special missing value (`.A` as `A`), without
 * its dot. Not missing by definition — in a text column it may be a value (site `A`, sex `M`) —
 * so read as missing only where a plan says so (plan/sas-letter-codes.ts, letter-code-levels.ts).
 */
export function isSasBareLetter(text: string): boolean {
  return text.length === 1 && text >= 'A' && text <= 'Z';
}

export function isSpecialMissing(text: string): boolean {
  return specialMissingKind(text) !== undefined;
}

/**
 * A FieldReader that reads special missing values as empty cells. `onSpecial` hears each one
 * read (column index and text), for the run's note; `raw` reads a cell as written.
 */
export class SpecialMissingReader extends FieldReader {
  constructor(private readonly onSpecial?: (idx: number, text: string) => void) {
    super();
  }

  override cell(i: number): string | null {
    const c = super.cell(i);
    if (c === null || !isSpecialMissing(c)) return c;
    this.onSpecial?.(i, c);
    return null;
  }

  /** The cell as written, a special missing value included. */
  raw(i: number): string | null {
    return super.cell(i);
  }
}

/**
 * `3 cells written as SAS/Stata special missing values (.A, .B)`; in Danish the page's words
 * (docs/glossary-da.md: "særlige manglende værdier fra SAS/Stata", "brugerdefinerede manglende
 * værdier fra Castor EDC"), as `--lang da` prints it (docs/cli.md "Danish output").
 */
export function specialMissingText(s: SpecialMissingCount, lang: 'en' | 'da' = 'en'): string {
  const one = s.cells === 1;
  const sas = s.kind === 'sas-stata';
  if (lang === 'da') {
    const what = sas ? (one ? 'en særlig manglende værdi fra SAS/Stata' : 'særlige manglende værdier fra SAS/Stata') : one ? 'en brugerdefineret manglende værdi fra Castor EDC' : 'brugerdefinerede manglende værdier fra Castor EDC';
    return `${s.cells} ${one ? 'celle' : 'celler'} skrevet som ${what} (${s.codes.join(', ')})`;
  }
  const what = sas ? (one ? 'a SAS/Stata special missing value' : 'SAS/Stata special missing values') : one ? 'a Castor EDC user-missing code' : 'Castor EDC user-missing codes';
  return `${s.cells} ${one ? 'cell' : 'cells'} written as ${what} (${s.codes.join(', ')})`;
}

/** The cells one system's special missing values filled (trial-data.ts `specialMissing`). */
export interface SpecialMissingCount {
  kind: 'sas-stata' | 'castor';
  cells: number;
  codes: string[];
}

/** The special missing cells a run read, each cell once (a wide line's shared cells are read once per visit). */
export class SpecialMissingTally {
  readonly #cells = new Set<string>();
  readonly #codes = { 'sas-stata': new Set<string>(), castor: new Set<string>() };
  readonly #counts = { 'sas-stata': 0, castor: 0 };

  add(line: number, column: number, text: string): void {
    const key = `${line}:${column}`;
    if (this.#cells.has(key)) return;
    this.#cells.add(key);
    const kind = specialMissingKind(text);
    if (kind === undefined) return;
    this.#counts[kind]++;
    this.#codes[kind].add(text);
  }

  /** What was read as missing, e.g. `3 cells written as SAS/Stata special missing values (.A, .B)`; undefined when none. */
  describe(lang: 'en' | 'da' = 'en'): string | undefined {
    const parts = this.summary().map((s) => specialMissingText(s, lang));
    return parts.length ? parts.join(lang === 'da' ? ' og ' : ' and ') : undefined;
  }

  /** What was read as missing, per system that writes such values (codes sorted), for the page's data note; empty when none. */
  summary(): SpecialMissingCount[] {
    return (['sas-stata', 'castor'] as const).flatMap((kind) => (this.#counts[kind] ? [{ kind, cells: this.#counts[kind], codes: [...this.#codes[kind]].sort() }] : []));
  }

  /** The note of a run: once, with the cells' count and codes (never a line: they are values, not problems). */
  note(file: string, lang: 'en' | 'da' = 'en'): string | undefined {
    const what = this.describe(lang);
    if (what === undefined) return undefined;
    if (lang === 'da') return `${file}: ${what} er læst som manglende — SAS, Stata og Castor EDC skriver dem for en værdi, der mangler (docs/input-trial-export.md)`;
    return `${file}: ${what} read as missing — SAS, Stata and Castor EDC write them for a value that is missing (docs/input-trial-export.md)`;
  }
}

/**
 * The table with every special missing cell empty (its text kept in `raw`), for readers that take
 * `cells` whole (plan init); `tally` counts them, each cell once, by the file's column.
 */
export function withSpecialMissingEmpty(csv: CsvTable, tally?: SpecialMissingTally): CsvTable {
  const map = (rec: CsvRecord): CsvRecord => {
    const cells = rec.cells;
    let out: (string | null)[] | undefined;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (c === null || c === undefined || !isSpecialMissing(c)) continue;
      out ??= [...cells];
      out[i] = null;
      tally?.add(rec.line, i + 1, c);
    }
    // The array split once: a record's `cells` getter splits it again on every read (read-csv.ts).
    const cellsOut = out ?? cells;
    return { line: rec.line, cells: cellsOut, get raw() { return rec.raw; } };
  };
  const records = csv.records;
  const mapped = {
    get length() {
      return records.length;
    },
    *[Symbol.iterator]() {
      for (const rec of records) yield map(rec);
    },
  };
  return { ...csv, records: mapped };
}
