/**
 * Problems grouped by kind, so a file with 4,000 identical mistakes reads as one line with a
 * count and line ranges instead of 4,000 lines (or the first 50). Used for error messages
 * (`formatError`), `validate --json` and the "rows excluded" summaries of `--exclude-invalid`.
 *
 * A group is the problems of one file that share `kind` (when the producer sets one) or else
 * the same column and the same `expected` text. Values differ within a group; the first few are
 * kept as examples. Line numbers are never patient ids, so groups are safe to print.
 */
import { expectedText, maskedExpected, type Problem } from './errors.js';
import { maskContactDetails, maskEmails, maskQuotedContactDetails } from './io/contact-details.js';
import { maskCpr } from './io/cpr-number.js';
import { excerptAround } from './io/excerpt.js';
import type { CsvCell } from './io/write-csv.js';

export interface ProblemGroup {
  file: string;
  /** Column name, when every problem of the group concerns one column. */
  field?: string;
  /**
   * The columns, in order of first problem, when the group's problems concern several (one
   * outcome at each visit of a wide export: `RMDQ_3mdr`, `RMDQ_6mdr`); `field` is then absent.
   */
  fields?: string[];
  /** 1-based column index, when every problem of the group concerns one column. */
  column?: number;
  expected: string;
  /** A near-miss suggestion shared by the group (e.g. `did you mean "Selfback"?`). */
  hint?: string;
  /** How many problems the group holds. */
  count: number;
  /** Sorted distinct line numbers, compressed to ranges: [[2, 3998], [4001, 4001]]. */
  lines: [number, number][];
  /** The first few distinct values found, in file order. */
  values: string[];
  /** Each problem's own detail with its line (Problem.detail), the first DETAILS_KEPT in file order; absent when none has one. */
  details?: { line: number; detail: string }[];
}

/** Groups keep the details of this many problems; the text shows the first DETAILS_SHOWN. */
export const DETAILS_KEPT = 20;
const DETAILS_SHOWN = 5;

/** A problem's detail as its group keeps it. */
export function addDetail(g: Pick<ProblemGroup, 'details'>, p: Problem): void {
  if (p.detail === undefined) return;
  const details = (g.details ??= []);
  // A detail quotes a cell (`this patient's line 3 has "…"`): masked as a value is (shownValue).
  if (details.length < DETAILS_KEPT) details.push({ line: p.line ?? 0, detail: maskQuotedContactDetails(maskCpr(p.detail)) });
}

/** A group's `expected` with each line's own detail: `… (line 3: …; line 183: …)`; one problem's as formatProblem says it. */
export function groupExpectedText(g: ProblemGroup): string {
  return expectedWithDetails(g, ENGLISH_FRAME);
}

function expectedWithDetails(g: ProblemGroup, f: LineFrame): string {
  const d = g.details;
  if (!d?.length) return g.expected;
  if (g.count === 1) return expectedText({ expected: g.expected, detail: d[0]!.detail });
  const shown = d.slice(0, DETAILS_SHOWN).map((x) => `${f.line} ${x.line}: ${x.detail}`);
  const more = g.count - shown.length;
  return `${g.expected} (${shown.join('; ')}${more > 0 ? `; … ${f.more(more)}` : ''})`;
}

/** Groups keep at most this many distinct example values. */
export const EXAMPLE_VALUES = 3;

/** Longest value a problem quotes; a JSON value is cut at the same length (read-json.ts). */
const MAX_SHOWN = 80;

/**
 * A cell as a problem quotes it: a CPR-shaped number masked (`DDMMYY-XXXX`), an e-mail address
 * written `[e-mail]` and a phone number's digits `X` (io/contact-details.ts) — before it is cut,
 * so that no part of one is left — and at most 80 characters, "…" where cut: a 50 MB cell is one
 * line of stderr, not 50 MB (docs/data-contracts.md#exit-codes-and-the-problem-format,
 * docs/output-safety.md "Free text").
 */
export function shownValue(value: string): string {
  const masked = maskContactDetails(maskCpr(value));
  return masked.length <= MAX_SHOWN ? masked : excerptAround(masked, 0, MAX_SHOWN);
}

function groupKey(p: Problem): string {
  return [p.file, p.kind ?? '', p.kind ? '' : (p.field ?? ''), p.kind ? '' : p.expected].join('\u0000');
}

/** Problems → groups, in the order each group first appears. */
export function groupProblems(problems: Iterable<Problem>): ProblemGroup[] {
  const groups = new Map<string, Omit<ProblemGroup, 'fields'> & { lineSet: number[]; columns: Set<number | undefined>; fields: Set<string | undefined> }>();
  for (const p of problems) {
    const key = groupKey(p);
    let g = groups.get(key);
    if (!g) {
      // Expected, hint and detail may quote a cell (`this patient's line 3 has "…"`): masked as values are.
      g = { file: p.file, expected: maskEmails(maskCpr(p.expected)), count: 0, lines: [], values: [], lineSet: [], columns: new Set(), fields: new Set() };
      if (p.hint !== undefined) g.hint = maskEmails(maskCpr(p.hint));
      groups.set(key, g);
    }
    g.count++;
    addDetail(g, p);
    if (p.line !== undefined) g.lineSet.push(p.line);
    g.columns.add(p.column);
    g.fields.add(p.field);
    // A value shaped like a CPR number is never quoted, in text or --json (cpr-number.ts).
    const value = p.value === undefined ? undefined : shownValue(p.value);
    if (value !== undefined && g.values.length < EXAMPLE_VALUES && !g.values.includes(value)) g.values.push(value);
  }
  return [...groups.values()].map(({ lineSet, columns, fields, ...g }) => {
    const out: ProblemGroup = { ...g, lines: lineRanges(lineSet) };
    const named = [...fields].filter((f): f is string => f !== undefined);
    if (fields.size === 1 && named.length === 1) out.field = named[0]!;
    else if (named.length > 1) out.fields = named;
    if (columns.size === 1) {
      const c = [...columns][0];
      if (c !== undefined) out.column = c;
    }
    return out;
  });
}

/** Sorted distinct lines as inclusive ranges. */
export function lineRanges(lines: readonly number[]): [number, number][] {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const l of sorted) {
    const last = out[out.length - 1];
    if (last && l === last[1] + 1) last[1] = l;
    else out.push([l, l]);
  }
  return out;
}

/** Lines named one by one in a note: "line 43" / "lines 42, 45" (Danish: "linje 43" / "linjerne 42, 45 og 50"). */
export function lineList(lines: readonly number[], lang: 'en' | 'da' = 'en'): string {
  if (lang === 'da') return lines.length === 1 ? `linje ${lines[0]}` : `linjerne ${lines.slice(0, -1).join(', ')} og ${lines.at(-1)}`;
  return lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(', ')}`;
}

/** "2–3,998, 4,001" style text of line ranges, at most `max` ranges then "…". */
export function formatLineRanges(ranges: readonly [number, number][], max = 6, lang: 'en' | 'da' = 'en'): string {
  return rangesText(ranges, max, lang === 'da' ? DANISH_FRAME : ENGLISH_FRAME);
}

function rangesText(ranges: readonly [number, number][], max: number, f: LineFrame): string {
  const shown = ranges.slice(0, max).map(([a, b]) => (a === b ? String(a) : `${a}–${b}`));
  if (ranges.length > max) shown.push(`… (${f.ranges(ranges.length - max)})`);
  return shown.join(', ');
}

/**
 * A problem's words in a language other than English (`hta … --lang da`): each function gives the
 * text in that language, or undefined where it has no wording there. A problem line is printed in
 * that language whole or, when any of its parts has no wording, in English whole: never half of
 * each (docs/cli.md "Danish output"). The catalogue is src/report/problem-text.ts.
 */
export interface ProblemWords {
  /** A problem's `expected`. */
  expected: (text: string) => string | undefined;
  /** A problem's `hint` (`did you mean "app"?`, R's NaN explained). */
  hint: (text: string) => string | undefined;
  /** An error's own message (`trial.csv has 3 problem(s)`), the line above its problems. */
  message: (text: string) => string | undefined;
  /**
   * A value hta wrote itself rather than quoted from a cell (a short line's `2 fields`), given
   * the group's English `expected`; undefined leaves the value as it is (a cell's own text).
   */
  value?: (value: string, expected: string) => string | undefined;
}

/** The words around a problem line's parts: "— expected", "lines 2–5, column 3", "(line 3: …; … 2 more)". */
interface LineFrame {
  expected: string;
  line: string;
  lines: string;
  column: string;
  more: (k: number) => string;
  ranges: (k: number) => string;
}
const ENGLISH_FRAME: LineFrame = { expected: 'expected', line: 'line', lines: 'lines', column: 'column', more: (k) => `${k} more`, ranges: (k) => `${k} more ranges` };
/** The Danish frame (docs/glossary-da.md: "linje", "kolonne"). */
const DANISH_FRAME: LineFrame = { expected: 'forventet', line: 'linje', lines: 'linjer', column: 'kolonne', more: (k) => `${k} mere`, ranges: (k) => `${k} intervaller mere` };

/**
 * One line per group: `412 × file:lines 2–3998, column 3 (arm): "SelfBack", "selfback" — expected …; did you mean …`.
 * A group of one problem prints exactly as `formatProblem` would. With `words` (a Danish run) the
 * line is in that language when every part of it has a wording there, else in English.
 */
export function formatProblemGroup(g: ProblemGroup, words?: ProblemWords): string {
  const translated = words ? translatedGroup(g, words) : undefined;
  return translated ? groupLine(translated, DANISH_FRAME) : groupLine(g, ENGLISH_FRAME);
}

/** The group with its expected, hint and details in `words`' language, or undefined when one of them has no wording there. */
function translatedGroup(g: ProblemGroup, words: ProblemWords): ProblemGroup | undefined {
  const expected = words.expected(g.expected);
  const hint = g.hint === undefined ? undefined : words.hint(g.hint);
  if (expected === undefined || (g.hint !== undefined && hint === undefined)) return undefined;
  const details = g.details?.map((d) => ({ line: d.line, detail: words.expected(d.detail) }));
  if (details?.some((d) => d.detail === undefined)) return undefined;
  const values = words.value ? g.values.map((v) => words.value!(v, g.expected) ?? v) : g.values;
  return { ...g, expected, values, ...(hint !== undefined ? { hint } : {}), ...(details ? { details: details as { line: number; detail: string }[] } : {}) };
}

function groupLine(g: ProblemGroup, f: LineFrame): string {
  const oneLine = g.lines.length === 1 && g.lines[0]![0] === g.lines[0]![1];
  const lines = g.lines.length === 0 ? '' : oneLine ? `:${g.lines[0]![0]}` : `:${f.lines} ${rangesText(g.lines, 6, f)}`;
  // Over several lines the column is still one cell's place in each: said in words, since
  // `lines 2–4:5` would read as a range ending at 4:5.
  const column = g.column === undefined || g.lines.length === 0 ? '' : oneLine ? `:${g.column}` : `, ${f.column} ${g.column}`;
  const field = g.field !== undefined ? ` (${g.field})` : g.fields ? ` (${fieldList(g.fields, f)})` : '';
  const values = g.values.length ? ` ${g.values.map((v) => JSON.stringify(v)).join(', ')}${g.count > g.values.length && g.values.length === EXAMPLE_VALUES ? ', …' : ''}` : '';
  const count = g.count > 1 ? `${g.count} × ` : '';
  const hint = g.hint !== undefined ? `; ${g.hint}` : '';
  return `${count}${g.file}${lines}${column}${field}:${values} — ${f.expected} ${expectedWithDetails(g, f)}${hint}`;
}

/** Columns shown in a group's line: the first few, then how many more. */
const SHOWN_FIELDS = 4;
function fieldList(fields: readonly string[], f: LineFrame): string {
  const more = fields.length - SHOWN_FIELDS;
  // In the line's language: "(6 more)" was left English on a Danish line.
  return more > 0 ? `${fields.slice(0, SHOWN_FIELDS).join(', ')}, … (${f.more(more)})` : fields.join(', ');
}

/** Columns of an `--excluded-out` file (trial and registry alike): where, and what was expected. */
export const EXCLUDED_ROW_HEADER = ['line', 'column', 'field', 'problem'] as const;

/**
 * One problem of an excluded row as an `--excluded-out` record. No cell value: a value is one step
 * from a person, and the line number finds it in the user's own file.
 */
export function excludedRowCells(p: Problem): CsvCell[] {
  // The problem's words may quote a cell: masked as on stderr (errors.ts maskedExpected).
  return [p.line ?? null, p.column ?? null, p.field ?? null, maskedExpected(p)];
}
