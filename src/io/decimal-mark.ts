/**
 * The one rule for whether a file writes decimals with a comma (`1,5`) or a point (`1.5`),
 * used by every reader that has to decide: the CSV dialect sniffer (read-csv.ts, for trial
 * exports and every file-wide number), the studies reader of `hta meta` (meta/read-studies.ts,
 * over its number columns) and the unit-cost price list (cea/load-cea-plan.ts, per column).
 * Each caller chooses which cells vote (the ones it reads as numbers); the rule is this
 * (docs/input-trial-export.md, "One decimal mark per file"):
 *
 * 1. A cell votes only when it is a number that reads one way: `1,5`, `,5`, `1234,567`,
 *    `1.234,5`, `1.234.567` vote for the comma; `1.5`, `.5`, `0.125`, `1234.567`, `1,234.5`,
 *    `1,234,567` for the point. A thousands separator groups by three, after one to three
 *    digits that do not start with 0: `1234.567` cannot be grouped, so it is a decimal.
 *    `1.234` and `1,234` read either way (thousands or three decimals) and do not vote; nor
 *    does anything that is no number in either reading (`1.23.456`, `12 kg`).
 * 2. In a `,`-separated file the point is the mark: a comma there separates fields. Except when
 *    no cell votes for the point and some quoted cells vote for the comma (`"0,424"`:
 *    LibreOffice or Google Sheets in a Danish locale quote each decimal comma): then the comma is
 *    the mark (`basis: 'quoted'`, said in a note), an unquoted `1.250` is the same locale's
 *    thousands (1250, said in a note: `thousandsPointNote`), and a quoted `"1,234"` is refused as
 *    in rule 5. Where no cell shows the mark either way, an unquoted `1.250` (Google Sheets'
 *    thousands, or three decimals) is refused too (`pointUndecided`), by the readers that know
 *    their number columns (`decimalCommaOf` with them; the studies reader). Comma votes from a column with a
 *    cell of two commas or more (`"1,3,4"`: a survey's multi-select list) do not count: that
 *    column's `"1,3"` is a list too. A reader that knows which columns it reads as numbers lets
 *    only those decide (`quotedCommaColumns`, `onlyNumberColumns`): an unused column of lists
 *    (`"1,3"`, `"1,2"`) does not make an English file Danish.
 * 3. Otherwise the mark more cells vote for is the file's (or the column's); the cells with the
 *    other mark are then no numbers, and their readers say so cell by cell.
 * 4. As many votes for each (and at least one): refused, with a clear message naming the
 *    first cell of each kind (`tieError`) — neither can be taken without misreading the other.
 * 5. No votes: a `;`-separated file writes the comma (spreadsheets use `;` exactly in locales
 *    whose decimal mark is the comma), a `,`-separated one the point (rule 2). A tab-separated
 *    file says neither (`basis: 'default'`): it is read with the point, unless one of its number
 *    cells reads either way (`213.037`, a Danish Excel "Unicode text" export's 213 037; `1,250`):
 *    then it is refused, naming the first such cell (`undecidedError`), never guessed. The
 *    unit-cost list applies this per column, refusing the cell itself (cea/load-cea-plan.ts).
 * 6. A comma-separated file none of whose numbers writes a decimal (no point, no quoted decimal
 *    comma) shows no mark either: its `"1,375"` is English Excel's 1375 or a Danish LibreOffice
 *    export's 1.375. A reader of such cells as numbers refuses them as rule 5 does
 *    (`commaUndecided`, `undecidedError`): the trial reader for its covariates, the studies
 *    reader for its number columns — one message, never a guess. Where the file's other numbers
 *    show the point (`23.4`), the cell is read with it (1375).
 *
 * The shapes of a number with each mark are defined once, here (`NUMBER_WITH`). Thousands
 * grouped by a space (`216 426`, `1 234,5`: a no-break space U+00A0 or a narrow one U+202F, as
 * Danish Excel and Word write them) are read by `withoutSpaceGroups` first: one kind of space per
 * number, strictly groups of three after one to three digits, then decimals with either mark (the
 * file's decides which). A plain space groups thousands only in two groups or more and never
 * after a `+` (`12 345 678`, not `120 100` or `+45 123 456`): one plain space between digits is as
 * likely two numbers in one cell, or a phone number (docs/input-trial-export.md#space-thousands).
 * The minus copied from a PDF (U+2212) counts as a minus.
 */
import { HtaError, type Problem } from '../errors.js';

export type DecimalMark = ',' | '.';

/** Whether the mark came from the cells' votes, from the separator (rules 2 and 5), or from neither. */
export type MarkBasis = 'votes' | 'separator' | 'default' | 'quoted';

export type MarkVerdict = { mark: DecimalMark; basis: MarkBasis } | { mark: null; tie: number };

/** The sign a number may start with: `+`, `-`, or the minus copied from a PDF (U+2212). */
const SIGN = String.raw`[+\-\u2212]?`;

/**
 * The one definition of a number's shape with each decimal mark, which every reader shares
 * (the vote here, parse-number.ts, plan init's "other decimal mark"): whole digits, or thousands
 * groups with the other mark (one to three digits not starting with 0, then groups of three),
 * then optional decimals; or decimals alone (`,5`). No spaces, no E notation: a reader that
 * accepts them (spaces in the unit-cost list, `1E+01` in parse-number.ts) handles them itself.
 */
export const NUMBER_WITH: Readonly<Record<DecimalMark, RegExp>> = {
  ',': new RegExp(String.raw`^${SIGN}(?:(?:\d+|[1-9]\d{0,2}(?:\.\d{3})+)(?:,\d+)?|,\d+)$`),
  '.': new RegExp(String.raw`^${SIGN}(?:(?:\d+|[1-9]\d{0,2}(?:,\d{3})+)(?:\.\d+)?|\.\d+)$`),
};

/** A space that may group thousands: a plain space, the no-break space (U+00A0) or the narrow no-break space (U+202F). */
const GROUP_SPACE = /[ \u00a0\u202f]/;
/** Thousands grouped by one kind of no-break space (then optional decimals with either mark): `216 426`, `1 234 567,5`. */
const NO_BREAK_GROUPED = new RegExp(String.raw`^${SIGN}[1-9]\d{0,2}([\u00a0\u202f])\d{3}(?:\1\d{3})*(?:[.,]\d+)?$`);
/** Thousands grouped by plain spaces: two groups or more, no `+` before them (`12 345 678`, `-1 234 567,5`). */
const PLAIN_GROUPED = /^[-\u2212]?[1-9]\d{0,2} \d{3}(?: \d{3})+(?:[.,]\d+)?$/;
/** Digits with plain spaces between them that are not `PLAIN_GROUPED`: `120 100`, `1 234,5`, `+45 123 456`. */
const PLAIN_SPACED = /^[+\-\u2212]?\d+(?: \d+)+(?:[.,]\d+)?$/;

/**
 * `text` without its thousands spaces when it has any: `216 426` (no-break space) → `216426`,
 * `12 345 678` (plain spaces) → `12345678`; undefined when a space in it groups no thousands
 * (`12 34`, `12 kg`, two kinds of space, one plain-space group `120 100`: two numbers, or 120100?).
 * Text with no such space is returned as it is.
 */
export function withoutSpaceGroups(text: string): string | undefined {
  if (!GROUP_SPACE.test(text)) return text;
  const m = NO_BREAK_GROUPED.exec(text);
  if (m) return text.replaceAll(m[1]!, '');
  return PLAIN_GROUPED.test(text) ? text.replaceAll(' ', '') : undefined;
}

/**
 * Words for a cell that is not a number because plain spaces stand between its digits
 * (`120 100`, `1 234`, `+45 123 456`), for the problem at its cell; undefined for any other cell.
 */
export function spacedNumberHint(text: string): string | undefined {
  if (!PLAIN_SPACED.test(text.trim())) return undefined;
  return 'two numbers, or a thousands separator? A plain space groups thousands only in two groups or more (12 345 678) and never after a "+" (a phone number): write 1234, or 1 234 with a no-break space as Danish Excel does; two values belong in two columns';
}

/**
 * How `text` reads (rule 1): with one mark only; `'either'` when it is a number with each
 * (`1.234`, `1,250`: one group of thousands, or three decimals); null when it holds no mark or
 * is no number either way. Thousands grouped by spaces are read without them (`1 234,5` votes
 * for the comma: beside a space as the thousands separator its comma can only be decimals).
 */
export function readingOf(cell: string): DecimalMark | 'either' | null {
  // Most cells hold neither mark: no regex for them (the sniffer sees every cell of a file).
  if (cell.indexOf('.') < 0 && cell.indexOf(',') < 0) return null;
  const text = withoutSpaceGroups(cell);
  if (text === undefined) return null;
  const comma = NUMBER_WITH[','].test(text);
  const point = NUMBER_WITH['.'].test(text);
  return comma ? (point ? 'either' : ',') : point ? '.' : null;
}

/** The decimal mark `text` can only be read with, or null when it reads either way or is no number (rule 1). */
export function markOf(text: string): DecimalMark | null {
  const r = readingOf(text);
  return r === 'either' ? null : r;
}

/** Where a vote was cast, for the tie message: the cell's line and column, and its text when the caller may show it. */
export interface VotePlace {
  line?: number;
  column?: number;
  field?: string;
  value?: string;
}

/** Votes counted (rule 1), with the first cell of each kind. */
export interface MarkVotes {
  readonly comma: number;
  readonly point: number;
  readonly firstComma?: VotePlace | undefined;
  readonly firstPoint?: VotePlace | undefined;
}

/** The cells that read either way (`1.250`), in a file no cell and no separator decided (rule 5, or 2's quoted commas). */
export interface UndecidedCells {
  readonly count: number;
  /** The file is comma-separated and its other numbers write a quoted decimal comma (rule 2): the message says so. */
  readonly quoted?: true;
  /** The file is comma-separated and none of its numbers writes a decimal (rule 6): the message says so. */
  readonly commaFile?: true;
  /** Rule 6: the numbers that were looked at for a decimal ("number in the study columns"; default "number in the file"). */
  readonly looked?: string;
  /** The first of them, and the separator it has (its text only when the caller passed it). */
  readonly first: VotePlace & { separator: DecimalMark };
  /** The mark can be declared: in the trial plan (`"decimalMark"`, true) or by `hta meta --decimal-mark` (`'option'`); the message names it as a remedy. */
  readonly declarable?: true | 'option';
  /** The reader refuses a thousands separator in these cells (a studies sheet's means and SDs): the remedy is to write them without one, or to declare the point. */
  readonly noThousands?: true;
}

/**
 * The mark a file shows by rules 2–6, and the first cell that shows it — what a declared mark
 * (`"decimalMark"`, declared-mark.ts) may not contradict. Only where some cell's number depends on
 * the mark: a cell that reads with it only (`45,5`, `23.4`), or, in a `;` file (whose separator
 * says the comma, rule 5), a cell that reads either way (`31.000`). A file that leaves the mark
 * undecided (a tab file, rule 5; a comma file with no decimal, rule 6) or whose numbers are all
 * whole (nothing reads differently) shows none: there the declaration decides.
 */
export interface ShownMark {
  mark: DecimalMark;
  /** What shows it: the cells' votes, a `;` file's separator, a comma file's point (rule 2), or its quoted decimal commas (rule 2's exception). */
  basis: 'votes' | 'separator' | 'point' | 'quoted';
  /** The first cell that shows it, with its text (a number, read one way or either way). */
  first: VotePlace;
  /** For `quoted`: the columns whose quoted commas decided (as `quotedCommaColumns`). */
  columns?: readonly number[];
}

/** The votes of the cells a reader reads as numbers (rule 1), with the first cell of each kind. */
export class DecimalMarkVote implements MarkVotes {
  comma = 0;
  point = 0;
  firstComma: VotePlace | undefined;
  firstPoint: VotePlace | undefined;
  /** Cells that read either way: they refuse a file nothing else decides (rule 5). */
  either = 0;
  firstEither: (VotePlace & { separator: DecimalMark }) | undefined;
  /**
   * Cells that read either way with a point (`1.250`), and the first: in a comma file whose quoted
   * decimal commas give the mark they are thousands (rule 2's exception); where nothing shows the
   * mark they are refused (rule 2, `pointUndecided`), never read as decimals in silence.
   */
  #eitherPoint = 0;
  #firstEitherPoint: (VotePlace & { separator: DecimalMark }) | undefined;
  /** Cells that read either way with a comma (`"1,375"`), and the first: a comma file that shows no mark refuses them (rule 6). */
  #eitherComma = 0;
  #firstEitherComma: (VotePlace & { separator: DecimalMark }) | undefined;
  /** Comma votes per column (1-based; 0 when the caller gave none), for rule 2's exception. */
  readonly #commaColumns = new Map<number, number>();
  /** Columns with a cell of two commas or more (a multi-select list): their comma votes do not count for rule 2's exception. */
  readonly #listColumns = new Set<number>();

  /** The text of the first cell of each kind (`shownMark`'s message names it; the places above keep none, as their callers chose). */
  #firstText: { comma?: string; point?: string; either?: string } = {};

  /** Counts `text`'s vote (trimmed by the caller) in its `column` (1-based, when known); returns it (null for a cell that reads either way). */
  add(text: string, place?: () => VotePlace, column = 0): DecimalMark | null {
    const m = readingOf(text);
    const first = text.indexOf(',');
    if (first >= 0 && text.indexOf(',', first + 1) >= 0) this.#listColumns.add(column);
    if (m === ',') {
      if (this.comma++ === 0) (this.firstComma = place?.()), (this.#firstText.comma = text);
      this.#commaColumns.set(column, (this.#commaColumns.get(column) ?? 0) + 1);
    } else if (m === '.') {
      if (this.point++ === 0) (this.firstPoint = place?.()), (this.#firstText.point = text);
    } else if (m === 'either') {
      const separator: DecimalMark = text.includes('.') ? '.' : ',';
      if (separator === '.') {
        if (this.#eitherPoint++ === 0) this.#firstEitherPoint = { ...place?.(), separator };
      } else if (this.#eitherComma++ === 0) this.#firstEitherComma = { ...place?.(), separator };
      if (this.either++ === 0) (this.firstEither = { ...place?.(), separator }), (this.#firstText.either = text);
      return null;
    }
    return m;
  }

  /** The mark the file shows, and the cell that shows it (`ShownMark`); undefined where the file leaves it to a declaration. */
  shownMark(delimiter: string): ShownMark | undefined {
    const v = this.verdict(delimiter);
    if (v.mark === null) return undefined;
    const at = (p: VotePlace | undefined, text: string | undefined): VotePlace => ({ ...p, ...(text !== undefined ? { value: text } : {}) });
    if (v.basis === 'quoted') return { mark: ',', basis: 'quoted', first: at(this.firstComma, this.#firstText.comma), columns: this.quotedCommaColumns(delimiter) };
    if (v.basis === 'votes') return v.mark === ',' ? { mark: ',', basis: 'votes', first: at(this.firstComma, this.#firstText.comma) } : { mark: '.', basis: 'votes', first: at(this.firstPoint, this.#firstText.point) };
    if (v.basis !== 'separator') return undefined;
    // A comma file shows the point only by a number written with it (rule 6: its separator alone does not).
    if (delimiter === ',') return this.point > 0 ? { mark: '.', basis: 'point', first: at(this.firstPoint, this.#firstText.point) } : undefined;
    // A `;` file with no vote: its separator says the comma; a cell that reads either way (`31.000`) reads otherwise under the point.
    return this.firstEither ? { mark: ',', basis: 'separator', first: at(this.firstEither, this.#firstText.either) } : undefined;
  }

  /**
   * The columns whose quoted decimal commas make a comma file's mark the comma (rule 2's
   * exception), ascending; empty when the exception does not hold (another separator, a cell
   * with a point, only lists' commas). Column 0 holds the votes cast without a column.
   */
  quotedCommaColumns(delimiter: string): number[] {
    // An unquoted `1.250` does not stop it: beside decimals written `"0,424"` its point can only
    // group thousands, as the same locale writes them (Google Sheets' and LibreOffice's `8.532`).
    if (delimiter !== ',' || this.point > 0) return [];
    return [...this.#commaColumns.keys()].filter((c) => !this.#listColumns.has(c)).sort((a, b) => a - b);
  }

  verdict(delimiter: string): MarkVerdict {
    // Rule 2's exception: a comma file whose decimals are all quoted commas (`"0,424"`:
    // LibreOffice or Google Sheets in a Danish locale) and no number with a point.
    if (this.quotedCommaColumns(delimiter).length) return { mark: ',', basis: 'quoted' };
    return decideMark(this, delimiter);
  }

  /** The cells that read either way when nothing decided the mark (rule 5) or quoted commas did (rule 2), else undefined. */
  undecided(delimiter: string): UndecidedCells | undefined {
    const v = this.verdict(delimiter);
    if (v.mark === null || !this.firstEither) return undefined;
    if (v.basis === 'default') return { count: this.either, first: this.firstEither };
    // With quoted decimal commas, a point between groups of three (`1.250`) is thousands; only a
    // quoted `"1,234"` still reads two ways.
    return v.basis === 'quoted' && this.#firstEitherComma ? { count: this.#eitherComma, first: this.#firstEitherComma, quoted: true } : undefined;
  }

  /**
   * Both locales in one comma file: quoted decimal commas (`"5,5"`, a Danish-locale sheet's), a
   * number with a point (`5.5`) and an unquoted `271.606` — the first of the last two, with their
   * text; else undefined (`mixedLocaleAmong`).
   */
  mixedLocale(delimiter: string): MixedLocale | undefined {
    if (delimiter !== ',' || this.comma === 0 || this.point === 0 || !this.#firstEitherPoint) return undefined;
    return { point: { ...this.firstPoint, value: this.#firstText.point! }, either: this.#firstEitherPoint };
  }

  /** Whether some cell reads either way with a point (`1.250`): a comma file's reader then looks at its own columns (`pointUndecidedAmong`). */
  get pointEither(): boolean {
    return this.#eitherPoint > 0;
  }

  /** How many cells read either way with a point (`1.250`): under rule 2's exception they are read as thousands, and the note says how many. */
  thousandsPoints(delimiter: string): number {
    return this.quotedCommaColumns(delimiter).length ? this.#eitherPoint : 0;
  }

  /**
   * Rule 2: the cells `1.250` of a comma-separated file that shows no mark — no number written
   * with a point that reads one way (`23.4`, `0.424`), no quoted decimal comma (`"0,5"`) — else
   * undefined. English programs write three decimals so; Google Sheets and LibreOffice in a Danish
   * locale write a thousands-formatted 1250 so (unquoted: it holds no comma). Nothing in such a
   * file tells which, so they are refused, never read a thousand times too small.
   */
  pointUndecided(delimiter: string): UndecidedCells | undefined {
    if (delimiter !== ',' || this.point > 0 || !this.#firstEitherPoint || this.quotedCommaColumns(delimiter).length) return undefined;
    return { count: this.#eitherPoint, first: this.#firstEitherPoint, commaFile: true };
  }

  /**
   * Rule 6: the cells `"1,375"` of a comma-separated file that no number of it shows the mark of
   * (no point, no quoted decimal comma), else undefined. For a reader that votes only the columns
   * it reads as numbers (the studies sheet); the trial reader asks it of its covariates
   * (`commaUndecided`), since a whole file's cells include lists such as `"101,205"`.
   */
  commaUndecided(delimiter: string): UndecidedCells | undefined {
    if (delimiter !== ',' || this.point > 0 || this.comma > 0 || !this.#firstEitherComma) return undefined;
    return { count: this.#eitherComma, first: this.#firstEitherComma, commaFile: true };
  }

  /** The mark by rules 2–5, refusing a tie (`tieError`) and an undecided file (`undecidedError`). */
  decide(file: string, delimiter: string, what?: string): DecimalMark {
    const v = this.verdict(delimiter);
    if (v.mark === null) throw tieError(file, this, what);
    const undecided = this.undecided(delimiter);
    if (undecided) throw undecidedError(file, undecided, what);
    return v.mark;
  }
}

/** Rules 2–5: the mark from the votes and the separator. */
export function decideMark(votes: { comma: number; point: number }, delimiter: string): MarkVerdict {
  if (delimiter === ',') return { mark: '.', basis: 'separator' };
  if (votes.comma > votes.point) return { mark: ',', basis: 'votes' };
  if (votes.point > votes.comma) return { mark: '.', basis: 'votes' };
  if (votes.comma > 0) return { mark: null, tie: votes.comma };
  return delimiter === ';' ? { mark: ',', basis: 'separator' } : { mark: '.', basis: 'default' };
}

/**
 * The refusal of a tie (rule 4): the first cell of each kind, with its text only when the
 * caller passed it (a trial export's cells may be ids: the file-wide sniffer passes none).
 */
export function tieError(file: string, vote: MarkVotes, what = 'numbers'): HtaError {
  const n = vote.comma;
  const fix = 'write every decimal number with one mark: the comma (1,5), as Danish Excel does, or the point (1.5)';
  const at = (p: VotePlace | undefined, mark: string, other: string, firstOther: VotePlace | undefined): Problem => ({
    file,
    ...(p?.line !== undefined ? { line: p.line } : {}),
    ...(p?.column !== undefined ? { column: p.column } : {}),
    ...(p?.field !== undefined ? { field: p.field } : {}),
    ...(p?.value !== undefined ? { value: p.value } : {}),
    expected: `one decimal mark for the whole file: this is the first of ${n} ${what} with a decimal ${mark}, and as many have a decimal ${other}${firstOther?.line !== undefined ? ` (the first on line ${firstOther.line}${firstOther.column !== undefined ? `, column ${firstOther.column}` : ''})` : ''}, so neither can be taken as the file's — ${fix}`,
    // One kind per mark: grouped together (problem-groups.ts), the two cells would lose their columns.
    kind: `decimal-mark.tie.${mark}`,
  });
  return new HtaError('input.invalid', `${file} writes as many ${what} with a decimal comma as with a decimal point (${n} each)`, [
    at(vote.firstComma, 'comma', 'point', vote.firstPoint),
    at(vote.firstPoint, 'point', 'comma', vote.firstComma),
  ]);
}

/**
 * The refusal of a file whose mark nothing decided while some of its numbers read either way
 * (rule 5): the first such cell, with its text only when the caller passed it (as `tieError`).
 */
export function undecidedError(file: string, cells: UndecidedCells, what = 'numbers'): HtaError {
  const { count, first } = cells;
  const [shape, thousands, decimals, withDecimals] =
    first.separator === '.' ? ['1.250', 'thousands with a decimal comma (1250)', 'three decimals with a decimal point (1.25)', '1.250,00 or 1250.5'] : ['1,250', 'thousands with a decimal point (1250)', 'three decimals with a decimal comma (1,25)', '1,250.00 or 1250,5'];
  // Rule 2: a comma file's unquoted `1.250`, with no decimal anywhere to show the mark.
  const pointInCommaFile = cells.commaFile === true && first.separator === '.';
  const problem: Problem = {
    file,
    ...(first.line !== undefined ? { line: first.line } : {}),
    ...(first.column !== undefined ? { column: first.column } : {}),
    ...(first.field !== undefined ? { field: first.field } : {}),
    ...(first.value !== undefined ? { value: first.value } : {}),
    expected:
      `a number that cannot be misread: this is the first of ${count} ${what} written like ${shape}, which are ${thousands} or ${decimals}, and ${cells.quoted ? "the file's other decimals are quoted decimal commas (\"0,5\") though it is comma-separated (whose mark is the point), so it does not show which" : pointInCommaFile ? `no ${cells.looked ?? 'number in the file'} writes a decimal (no 23.4, no quoted "0,5"), so it does not show which (a comma-separated file writes its decimals with a point, but Google Sheets and LibreOffice in a Danish locale write a number formatted with thousands, 1250, as 1.250 without quotes)` : cells.commaFile ? `no ${cells.looked ?? 'number in the file'} writes a decimal, so it does not show which (a comma-separated file is English Excel's, with thousands commas, or LibreOffice's or Google Sheets' in a Danish locale, with quoted decimal commas)` : 'no number in the file shows which mark it uses (a tab- or "|"-separated file does not say)'} — ` +
      (pointInCommaFile
        ? // The spreadsheet's number format wrote the point: without it the numbers read one way.
          `if they are thousands (1.250 = 1250), format these columns without the thousands separator${cells.noThousands ? ', which a mean or SD may not carry,' : ''} (Google Sheets: Format → Number → Custom number format "0"; LibreOffice: Format Cells → Numbers, untick "Thousands separator") and download or save as CSV again${cells.noThousands ? '' : ', or save as CSV with ";" as separator (its decimal comma shows the mark)'}`
        : cells.commaFile
        ? // English Excel writes the same file again when saved again as CSV: its fix is the number format.
          `from English Excel, write these numbers without the 1000 separator (Format Cells → Number, untick "Use 1000 Separator (,)": 1250) or with their decimals (1,250.00), and save as CSV again; from LibreOffice or Google Sheets in a Danish locale (1,250 = 1.25), save as CSV with ";" as separator or write them with a decimal point (1.25)`
        : `save the file again so that it shows its mark: as "CSV (semikolonsepareret)" from Danish Excel (a semicolon-separated file writes the decimal comma) or as comma-separated CSV (the decimal point), or write these numbers without a thousands separator (1250) or with their decimals (${withDecimals})`) +
      // Who knows how the file was written can say so once, in the plan (declared-mark.ts).
      // A reader that refuses thousands in these cells offers only the point: the comma would refuse them again.
      (cells.declarable === 'option' && cells.noThousands && first.separator === '.'
        ? `; if they are decimals (1.250 = 1.25), give --decimal-mark .`
        : cells.declarable === 'option'
        ? `; or, if you know the file's decimal mark, give it: --decimal-mark . (${shape} = ${first.separator === ',' ? '1250' : '1.25'}) or --decimal-mark , (${shape} = ${first.separator === ',' ? '1.25' : '1250'})`
        : cells.declarable
          ? `; or, if you know the file's decimal mark, declare it in the plan: "decimalMark": "." (${shape} = ${first.separator === ',' ? '1250' : '1.25'}) or "decimalMark": "," (${shape} = ${first.separator === ',' ? '1.25' : '1250'})`
          : ''),
    kind: 'decimal-mark.undecided',
  };
  return new HtaError('input.invalid', `${file} does not show its decimal mark, and ${count} of its ${what} read either way (thousands or decimals)`, [problem]);
}

/**
 * The refusal of a declared mark (`"decimalMark"`, declared-mark.ts) that the file's own numbers
 * contradict (`ShownMark`): the declaration decides only what the file leaves undecided, never
 * against what it shows — a Danish `;` export's `31.000` read as 31 under `"."` would be a
 * thousand times too small, in silence. `by`: who declared it (`the plan declares`, `--decimal-mark declares`).
 */
export function declaredMarkError(file: string, shown: ShownMark, declared: DecimalMark, by = 'the plan declares', what = 'numbers', remedy = `remove "decimalMark" from the plan (this file shows its own mark), or set it to "${shown.mark}"`, readBy?: string): HtaError {
  const name = (m: DecimalMark) => (m === ',' ? 'comma' : 'point');
  const because =
    shown.basis === 'separator'
      ? `the file is semicolon-separated, as spreadsheets write it where the decimal mark is the comma (Danish Excel's "CSV (semikolonsepareret)"), so this cell is ${shown.first.value !== undefined ? readingsOf(shown.first.value) : 'a number that reads either way'}, and under the declared point it would be read as the other`
      : shown.basis === 'quoted'
        ? `its decimals are quoted decimal commas ("0,424", as LibreOffice and Google Sheets write in a Danish locale) and no number has a point; this is the first`
        : `this is the first of its ${what} written with a decimal ${name(shown.mark)}${shown.basis === 'point' ? ' (a comma-separated file\'s decimal point, rule 2)' : ', more than with a decimal ' + name(declared)}`;
  const problem: Problem = {
    file,
    ...(shown.first.line !== undefined ? { line: shown.first.line } : {}),
    ...(shown.first.column !== undefined ? { column: shown.first.column } : {}),
    ...(shown.first.field !== undefined ? { field: shown.first.field } : {}),
    ...(shown.first.value !== undefined ? { value: shown.first.value } : {}),
    // `readBy`: only the columns a reader reads were looked at, and this is one of them (`the plan`; `the report (Table 1)`).
    expected: `numbers with the declared decimal ${name(declared)}: ${by} "${declared}" but this file writes numbers with "${shown.mark}"${readBy !== undefined ? ` in a column ${readBy} reads` : ''} — ${because} (docs/input-trial-export.md#declared-decimal-mark). The declaration decides only a file that does not show its mark: ${remedy}`,
    kind: 'decimal-mark.declared',
  };
  return new HtaError('input.invalid', `${file}: ${by} "${declared}" but this file writes numbers with "${shown.mark}"`, [problem]);
}

/** A cell as a message names it: `line 2, Smerte`, `line 2, column 5`. */
function placeText(p: VotePlace): string {
  const where = p.field !== undefined ? `, ${p.field}` : p.column !== undefined ? `, column ${p.column}` : '';
  return `line ${p.line}${where}`;
}

/** A cell's column as a message names it: `the column Indkomst`, `column 6`. */
function columnText(p: VotePlace): string {
  return p.field !== undefined ? `the column ${p.field}` : `column ${p.column}`;
}

/** How a cell that reads either way reads with each mark: `31.000 (31000 with the decimal comma, 31 with the point)`. */
function readingsOf(text: string): string {
  const comma = text.replaceAll('.', '').replace(',', '.');
  const point = text.replaceAll(',', '');
  return `${text} (${Number(comma)} with the decimal comma, ${Number(point)} with the point)`;
}

/**
 * The columns a reader reads as numbers, and the records to look at them in: a declared mark is
 * checked against what these show, not what the whole file shows (`decimalCommaOf`).
 */
export interface ReadColumns {
  records: Iterable<{ line: number; raw: readonly string[] }>;
  /** Whether the reader reads the 1-based column as numbers. */
  reads: (column: number) => boolean;
  /** Who reads them, for the refusal (`in a column the plan reads`): `the plan` unless said (`the report (Table 1)` for a manifest's characteristics). */
  by?: string;
  /** The columns whose cells the command reads as numbers, where fewer than `reads` (`hta score` reads no covariate): only they refuse a comma file's `1.250` (rule 2). */
  readAsNumbers?: (column: number) => boolean;
}

function readsColumn(read: ReadColumns, column: number | undefined): boolean {
  // A vote cast without a column cannot be set aside.
  return column === undefined || column === 0 || read.reads(column);
}

/**
 * The read columns' cells voted again as the file's reader voted them all (rules 1–6); `withValue`:
 * each place carries its cell's text (a column read as numbers holds no id), for a message that quotes it.
 */
function votesAmong(read: ReadColumns, withValue: boolean): DecimalMarkVote {
  const vote = new DecimalMarkVote();
  for (const rec of read.records) {
    rec.raw.forEach((text, i) => {
      const column = i + 1;
      if (read.reads(column) && (text.indexOf('.') >= 0 || text.indexOf(',') >= 0)) vote.add(text.trim(), () => (withValue ? { line: rec.line, column, value: text.trim() } : { line: rec.line, column }), column);
    });
  }
  return vote;
}

/**
 * The mark the read columns alone show (`ShownMark`), voted again from their cells as the file's
 * reader voted them all (rules 1–6). For a declared mark in a file that shows one: the records are
 * read once more, whether the whole file agrees with the declaration or not (an unread column may
 * agree while a read one contradicts it).
 */
export function shownMarkAmong(read: ReadColumns, delimiter: string): ShownMark | undefined {
  return votesAmong(read, false).shownMark(delimiter);
}

/** A comma file's cells that show both locales (`DecimalMarkVote.mixedLocale`): its first number with a point, and its first `1.250`. */
export interface MixedLocale {
  point: VotePlace;
  either: VotePlace;
}

/**
 * Rule 2 beside a point, over the read columns: a comma file whose numbers are quoted decimal
 * commas (`"5,5"`) but for one with a point (`5.5`, typed or pasted as text) is read with the
 * point, and its quoted commas are refused. Their usual advice, Find & Replace "," with ".",
 * would then leave its unquoted `271.606` (the Danish-locale sheet's thousands) to be read as
 * 271.606 without a word: `otherMarkHint` names both cells instead. Undefined where the columns
 * read hold no such three kinds of cell.
 */
export function mixedLocaleAmong(read: ReadColumns, delimiter: string): MixedLocale | undefined {
  if (delimiter !== ',') return undefined;
  return votesAmong(read, true).mixedLocale(delimiter);
}

/**
 * Rule 2's `pointUndecided` over the read columns alone: a text column's `2.5` (a version, a clock
 * time `9.07`) does not show the point for an income `271.606`, nor does an unread column's quoted
 * `"1,3"` show the comma. Undefined when those columns show their mark or hold no `1.250`. The
 * first cell is named with its text: a column read as numbers holds no id.
 */
export function pointUndecidedAmong(read: ReadColumns, delimiter: string): UndecidedCells | undefined {
  return votesAmong(read, true).pointUndecided(delimiter);
}

/**
 * A file's decimal comma as its dialect says (`declarable`: the reader's plan can declare the mark, and the refusal says so), refusing a file whose cells tie (rule 4) or whose
 * mark nothing decided while some of its numbers read either way (rule 5). The places name the
 * column by its header name (never a cell's value: a trial export's cells may be ids).
 */
export function decimalCommaOf(table: { file: string; header?: readonly string[]; dialect: { delimiter?: string; decimalComma: boolean; decimalTie?: MarkVotes; decimalUndecided?: UndecidedCells; declaredMark?: DecimalMark; shownMark?: ShownMark; pointEither?: true } }, declarable = false, read?: ReadColumns): boolean {
  const named = <P extends VotePlace>(p: P | undefined): P | undefined => {
    const name = p?.column !== undefined ? table.header?.[p.column - 1] : undefined;
    return name ? { ...p!, field: name } : p;
  };
  // A declared mark the file's own numbers contradict (declared-mark.ts): refused, never applied.
  const { declaredMark } = table.dialect;
  let shownMark = table.dialect.shownMark;
  // Only the columns the reader reads decide it, either way: a text column's `1.234` (a version, a
  // code) in a `;` file is no number of the analysis and does not refuse it; nor does its `2.5`
  // agree for the read columns — a `;` export's income `31.000` read under a declared point would
  // be a thousand times too small (shownMarkAmong). Only a contradiction at a read cell needs no
  // second look. A file that shows no mark at all leaves nothing for its columns to show.
  if (declaredMark !== undefined && shownMark !== undefined && read && table.dialect.delimiter !== undefined && (shownMark.mark === declaredMark || !readsColumn(read, shownMark.first.column))) {
    shownMark = shownMarkAmong(read, table.dialect.delimiter);
  }
  if (declaredMark !== undefined && shownMark !== undefined && shownMark.mark !== declaredMark) throw declaredMarkError(table.file, { ...shownMark, first: named(shownMark.first)! }, declaredMark, undefined, undefined, undefined, read ? (read.by ?? 'the plan') : undefined);
  const tie = table.dialect.decimalTie;
  if (tie) throw tieError(table.file, { ...tie, firstComma: named(tie.firstComma), firstPoint: named(tie.firstPoint) });
  const undecided = table.dialect.decimalUndecided;
  if (undecided) throw undecidedError(table.file, { ...undecided, first: named(undecided.first)!, ...(declarable ? { declarable: true as const } : {}) });
  // Rule 2: a comma file's unquoted `1.250` where the columns read show no mark (no `23.4`, no
  // quoted `"0,5"`): a Danish-locale spreadsheet's 1250 or an English 1.25. Refused, naming it;
  // read with the point it was 1,000 times too small in silence. Only a reader that knows its
  // columns asks: a text column's `1.234` decides nothing.
  if (read && declaredMark === undefined && !table.dialect.decimalComma && table.dialect.delimiter === ',' && table.dialect.pointEither) {
    const cells = pointUndecidedAmong(read.readAsNumbers ? { ...read, reads: read.readAsNumbers } : read, ',');
    if (cells) throw undecidedError(table.file, { ...cells, first: named(cells.first)!, looked: `number ${read.by ?? 'the plan'} reads`, ...(declarable ? { declarable: true as const } : {}) }, `numbers ${read.by ?? 'the plan'} reads`);
  }
  return table.dialect.decimalComma;
}

/**
 * A problem's kind and hint for a cell with plain spaces between its digits (`120 100`): two
 * numbers, or thousands written with a plain space? Not read as a number; the problem says why, in
 * its own group (`<kind>:spaced-number`). Undefined for any other cell.
 */
export function spacedHint(value: string, kind: string): { kind: string; hint: string } | undefined {
  const hint = spacedNumberHint(value);
  return hint === undefined ? undefined : { kind: `${kind}:spaced-number`, hint };
}

/** Why a cell is no number with the file's mark though it would be one otherwise (`otherMarkHint`). */
export interface OtherMarkHint {
  /** `other-mark`: its decimals are written with the other mark (`other-mark-apostrophe`: and behind Excel's text apostrophe); `apostrophe`: the apostrophe alone. Each its own group. */
  reason: 'other-mark' | 'other-mark-apostrophe' | 'apostrophe';
  /** What `expected` adds: `with the file's decimal comma`, or `, not text`. */
  expects: string;
  /** What the cell does and what to do, without its value (a message may not echo a cell that could be an id). */
  hint: string;
}

/**
 * A cell that is no number with the file's decimal mark but is one with the other (`2.5` among
 * `4,5` in a `;` file, `"5,5"` in a comma file), or behind Excel's text apostrophe (`'5.5`):
 * said for what it is, since "a number from 0 to 10" for `2.5` contradicts itself. Undefined for
 * any other cell. Never read with the other mark: rule 3, one mark per file (docs/input-trial-export.md,
 * "One decimal mark per file").
 */
export function otherMarkHint(value: string, decimalComma: boolean, declared: boolean | 'option' = false, mixed?: MixedLocale): OtherMarkHint | undefined {
  const trimmed = value.trim();
  const apostrophe = trimmed.startsWith("'");
  const text = apostrophe ? trimmed.slice(1).trim() : trimmed;
  // `'01` … `'12`: Excel users put the apostrophe in front of a code exactly to keep its leading
  // zero (a region, a stage). Such a cell is a code, not a disguised number: removing the
  // apostrophe would turn the codes into one numeric slope.
  if (apostrophe && /^0\d+$/.test(text)) return undefined;
  const own: DecimalMark = decimalComma ? ',' : '.';
  const reading = readingOf(text);
  const behind = apostrophe ? " behind Excel's text apostrophe (')" : '';
  const unmark = apostrophe ? ', remove the apostrophe' : '';
  if (reading !== null && reading !== 'either' && reading !== own) {
    // Both marks in one cell (`31,000.00` among decimal commas): a thousands separator with the
    // other locale's decimals, as English Excel's "Use 1000 separator" writes them; said so, since
    // Find & Replace of one mark alone would not mend it.
    const grouped = text.includes(',') && text.includes('.');
    const [cellMark, fileMark, fix] = decimalComma
      ? grouped
        ? ['a point and its thousands with a comma (1,234.5)', 'the decimal comma (1234,5 or 1.234,5)', 'format the column as Number without the 1000 separator in the spreadsheet, or save it from a Danish-locale spreadsheet, so that it writes 1234,5']
        : ['a point (2.5)', 'the decimal comma (2,5)', 'write them with a comma (in the spreadsheet: select the column, Find & Replace "." with ",")']
      : grouped
        ? ['a comma and its thousands with a point (1.234,5)', 'the decimal point (1234.5 or 1,234.5)', 'format the column as Number without the 1000 separator in the spreadsheet, so that it writes 1234.5']
        : mixed && !declared
          ? // Both locales in the file (mixedLocaleAmong): the point may be the odd cell, and replacing the commas would read the thousands as decimals.
            ['a comma (2,5), quoted as Google Sheets and LibreOffice in a Danish locale write decimals', `the decimal point (2.5) since ${placeText(mixed.point)} writes one`, `if the file comes from a Danish-locale sheet, write that cell with a comma instead (${mixed.point.value!.replace('.', ',')}): its ${mixed.either.value} (${placeText(mixed.either)}) then reads as the locale's thousands (${mixed.either.value!.replace('.', '')}); if its decimals are points, first format ${columnText(mixed.either)} without the 1000 separator, or its ${mixed.either.value} would read as ${Number(mixed.either.value)}, then write these with a point (in the spreadsheet: select the column, Find & Replace "," with ".")`]
          : ['a comma (2,5)', 'the decimal point (2.5)', 'write them with a point (in a comma-separated file the comma separates fields, so the point is the decimal mark; in the spreadsheet: select the column, Find & Replace "," with ".")'];
    const why = declared === 'option' ? `as --decimal-mark declares: if the file's numbers are written with ${decimalComma ? 'points' : 'commas'}, give --decimal-mark ${decimalComma ? '.' : ','}; else ` : declared ? `as the plan's "decimalMark" declares: if the file's numbers are written with ${decimalComma ? 'points' : 'commas'}, change "decimalMark" to "${decimalComma ? '.' : ','}"; else ` : mixed && !decimalComma && !grouped ? undefined : 'as its other numbers do: ';
    return { reason: apostrophe ? 'other-mark-apostrophe' : 'other-mark', expects: ` with the file's decimal ${decimalComma ? 'comma' : 'point'}`, hint: `the cell writes its decimals with ${cellMark}${behind}, but the file uses ${fileMark}${why === undefined ? ': ' : `, ${why}`}${fix}${unmark} and export again` };
  }
  if (apostrophe && (reading !== null || /^[+\-\u2212]?\d+$/.test(text))) {
    return { reason: 'apostrophe', expects: ', not text', hint: "the cell is a number behind Excel's text apostrophe ('): the sheet kept it as text — remove the apostrophe (format the column as Number in the spreadsheet) and export again" };
  }
  return undefined;
}

/**
 * The note for a comma-separated file read with its quoted decimal commas (rule 2's exception);
 * undefined otherwise. It names the first such cell of the file (`dialect.shownMark`), by line and
 * column — with its text only when `quoteValue` (a studies sheet's published numbers; a trial
 * export's cell is a patient's value, and the place is enough to find it). A sample value had
 * stood there ("0,424"), which read as a quote from a file that held none.
 */
export function quotedCommaNote(file: string, dialect: { delimiter: string; decimalComma: boolean; decimalUndecided?: UndecidedCells; declaredMark?: DecimalMark; shownMark?: ShownMark }, quoteValue = false, lang: 'en' | 'da' = 'en'): string | undefined {
  // A mark the plan declares is no guess: nothing to say.
  if (dialect.delimiter !== ',' || !dialect.decimalComma || dialect.declaredMark !== undefined) return undefined;
  const first = dialect.shownMark?.basis === 'quoted' ? dialect.shownMark.first : undefined;
  const value = quoteValue && first?.value !== undefined ? ` "${first.value.trim()}"` : '';
  if (lang === 'da') {
    // Danish under --lang da (docs/cli.md "Danish output").
    const sted = first?.line === undefined ? '' : ` på linje ${first.line}${first.column !== undefined ? `, kolonne ${first.column}${first.field !== undefined ? ` (${first.field})` : ''}` : ''}`;
    const hvor = sted === '' ? '' : `det første${value}${sted}; `;
    return `${file}: kommasepareret, med hvert decimaltal skrevet med decimalkomma i anførselstegn (${hvor}som LibreOffice og Google Sheets skriver dem med danske indstillinger) og intet med punktum: læst med decimalkomma (docs/input-trial-export.md#decimal-mark)`;
  }
  const place = first?.line === undefined ? '' : ` on line ${first.line}${first.column !== undefined ? `, column ${first.column}${first.field !== undefined ? ` (${first.field})` : ''}` : ''}`;
  const where = place === '' ? '' : `the first${value}${place}; `;
  return `${file}: comma-separated, with every decimal number a quoted decimal comma (${where}as LibreOffice and Google Sheets write in a Danish locale) and none with a point: read with the decimal comma (docs/input-trial-export.md#decimal-mark)`;
}

/**
 * The note for a comma file read with its quoted decimal commas whose unquoted `1.250` were read
 * as thousands (rule 2's exception): how many, since the reading is the rule's, not the cells'.
 */
export function thousandsPointNote(file: string, dialect: { delimiter: string; decimalComma: boolean; declaredMark?: DecimalMark; thousandsPoints?: number }, read?: ReadColumns, lang: 'en' | 'da' = 'en'): string | undefined {
  if (dialect.delimiter !== ',' || !dialect.decimalComma || dialect.declaredMark !== undefined || !dialect.thousandsPoints) return undefined;
  // Only the cells a reader reads are its numbers: an unused column's `1.250` is read as nothing.
  const n = read ? eitherPointsAmong(read) : dialect.thousandsPoints;
  if (n === 0) return undefined;
  if (lang === 'da') return `${file}: ${n} tal uden anførselstegn med punktum mellem grupper af tre cifre (som 1.250) er læst som tusinder (1250), sådan som de samme regneark skriver et tal formateret med tusindtalsseparator ved siden af deres decimalkommaer i anførselstegn; er de decimaltal (1.250 = 1,25), så skriv dem med decimalkomma, som filens andre decimaltal er skrevet ("1,25") (docs/input-trial-export.md#decimal-mark)`;
  return `${file}: ${n} unquoted number(s) with a point between groups of three digits (such as 1.250) were read as thousands (1250), as the same spreadsheets write a number formatted with thousands beside their quoted decimal commas; if they are decimals (1.250 = 1.25), write them with the decimal comma as the file's other decimals are ("1,25") (docs/input-trial-export.md#decimal-mark)`;
}

/** How many cells of the read columns read either way with a point (`1.250`). */
function eitherPointsAmong(read: ReadColumns): number {
  let n = 0;
  for (const rec of read.records) {
    rec.raw.forEach((text, i) => {
      if (text.indexOf('.') >= 0 && read.reads(i + 1) && readingOf(text.trim()) === 'either') n++;
    });
  }
  return n;
}

/**
 * `dialect` as decided by the columns a reader reads as numbers (rule 2): a comma file whose
 * quoted decimal commas stood only in other columns (`"1,3"` in an unused multi-select column)
 * is read with the point, as every comma file is, and nothing in it is left undecided by them.
 * Any other dialect is returned as it is.
 */
export function onlyNumberColumns<D extends { delimiter: string; decimalComma: boolean; decimalUndecided?: UndecidedCells; quotedCommaColumns?: readonly number[]; declaredMark?: DecimalMark; shownMark?: ShownMark; thousandsPoints?: number }>(dialect: D, header: readonly string[], isNumberColumn: (name: string) => boolean): D {
  // Column 0: votes cast without a column, which cannot be set aside.
  const setAside = (columns: readonly number[]) => !columns.some((c) => c === 0 || isNumberColumn(header[c - 1] ?? ''));
  // A declared mark: quoted commas only in unread columns do not contradict it (declared-mark.ts).
  if (dialect.declaredMark !== undefined) {
    if (dialect.shownMark?.basis !== 'quoted' || !setAside(dialect.shownMark.columns ?? [0])) return dialect;
    const { shownMark: _shown, ...declared } = dialect;
    return declared as D;
  }
  const columns = dialect.quotedCommaColumns;
  if (!columns) return dialect;
  if (!setAside(columns)) return dialect;
  // No number has a point (rule 2's exception held): the point is implied, not shown.
  const { decimalUndecided: _undecided, quotedCommaColumns: _columns, shownMark: _shown, thousandsPoints: _thousands, ...rest } = dialect;
  return { ...rest, decimalComma: false } as D;
}
