/**
 * One error type for the whole toolkit.
 *
 * Data and usage problems are `HtaError`s with a stable `code` and the exit code the CLI
 * returns (2 = bad input or usage, nothing written; 1 = the analysis could not be done).
 * Input validation collects every `Problem` it finds (up to a limit) instead of stopping at
 * the first, so a user can fix a whole file in one pass.
 */
import { formatProblemGroup, groupProblems, type ProblemGroup, type ProblemWords, shownValue } from './problem-groups.js';
import { maskEmails, maskQuotedContactDetails } from './io/contact-details.js';
import { maskCpr, maskedNameNote } from './io/cpr-number.js';
import { terminalText } from './io/visible-text.js';

/** Where in an input file a problem sits, what was found and what was expected. */
export interface Problem {
  file: string;
  /** 1-based physical line in the file (header is line 1). */
  line?: number;
  /** 1-based column index (field number). */
  column?: number;
  /** Column name, when known. */
  field?: string;
  /** The offending value as read. */
  value?: string;
  /** What was expected, phrased for the user. */
  expected: string;
  /** Stable grouping key (e.g. "arm.unknown") when `expected` varies between problems of one kind. */
  kind?: string;
  /** A near-miss suggestion, e.g. `did you mean "Selfback"?`. */
  hint?: string;
  /**
   * What only this row says (`this patient's "9m" row is on line 7`), outside `expected` so that
   * a group of one kind says each line's own (problem-groups.ts); printed after `expected` in
   * parentheses. Never a patient id.
   */
  detail?: string;
}

/** `expected` with the problem's own detail: what one problem says on its own (`--excluded-out`, a single problem). */
export function expectedText(p: Pick<Problem, 'expected' | 'detail'>): string {
  return p.detail === undefined ? p.expected : `${p.expected} (${p.detail})`;
}

export type ErrorCode =
  | 'input.unreadable'
  | 'input.invalid'
  | 'plan.invalid'
  | 'usage.invalid'
  | 'analysis.failed'
  | 'output.failed';

export const EXIT = { ok: 0, analysis: 1, input: 2 } as const;

export class HtaError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: number;
  readonly problems: Problem[];
  /** Problems already grouped (by a streaming reader's ProblemCollector); printed instead of `problems`. */
  readonly groups: ProblemGroup[] | undefined;

  constructor(code: ErrorCode, message: string, problems: Problem[] = [], groups?: ProblemGroup[]) {
    super(message);
    this.name = 'HtaError';
    this.code = code;
    this.problems = problems;
    this.groups = groups;
    this.exitCode = code === 'analysis.failed' ? EXIT.analysis : EXIT.input;
  }
}

/**
 * Standard output or error goes to a file the command reads (`hta plan check p.json >> p.json`):
 * refused before anything is written (docs/cli.md "An output redirected onto an input"). The
 * message cannot go to a stream that is itself an input, so it says which streams are free.
 */
export class StreamOntoInputError extends HtaError {
  constructor(
    message: string,
    readonly stdoutFree: boolean,
    readonly stderrFree: boolean,
  ) {
    super('usage.invalid', message);
  }
}

/** `file:line:column: value — expected …`, the one format every problem is printed in. */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.line, p.column].filter((x) => x !== undefined).join(':');
  const field = p.field !== undefined ? ` (${p.field})` : '';
  // A value shaped like a CPR number is never quoted, whatever the column (cpr-number.ts).
  const value = p.value !== undefined ? ` ${JSON.stringify(shownValue(p.value))}` : '';
  return `${where}${field}:${value} — ${maskedExpected(p)}`;
}

/**
 * `expected …; hint`, as every output prints a problem (stderr, the rows-left-out CSV of
 * problem-groups.ts excludedRowCells): a CPR-shaped number and an e-mail address in the words are
 * masked (io/cpr-number.ts, io/contact-details.ts), and so is a phone number in a cell the detail
 * quotes (`this patient's line 3 has "…"`: maskQuotedContactDetails).
 */
export function maskedExpected(p: Pick<Problem, 'expected' | 'detail' | 'hint'>): string {
  const detail = p.detail === undefined ? undefined : maskQuotedContactDetails(p.detail);
  return maskEmails(maskCpr(`expected ${expectedText({ expected: p.expected, detail })}${p.hint !== undefined ? `; ${p.hint}` : ''}`));
}

/**
 * The error and its problems, grouped by kind (see problem-groups.ts) so every problem is accounted for.
 * With `words` (a Danish run: `--lang da`) the message and each problem line are in that language
 * where it has their wording, each line whole (problem-groups.ts `ProblemWords`); the prefix is
 * translated where every line passes (cli/stderr-language.ts).
 */
export function formatError(err: HtaError, words?: ProblemWords): string {
  // A message may name a value read from a file (a plan's visit): masked as a problem's value is.
  // Control and bidi characters of a name or value it quotes are written visibly (io/visible-text.ts terminalText).
  const lines = [`error: ${terminalText(maskEmails(maskCpr(words?.message(err.message) ?? err.message)))}`];
  for (const g of err.groups ?? groupProblems(err.problems)) lines.push(`  ${terminalText(maskEmails(maskCpr(formatProblemGroup(g, words))))}`);
  // A masked file name is not the file's: said, with how to have it named (cpr-number.ts).
  const masked = maskedNameNote(err.problems.map((p) => p.file ?? ''));
  if (masked) lines.push(`  note: ${masked}`);
  return lines.join('\n');
}

/** Maximum number of problems one validation run reports. */
export const MAX_PROBLEMS = 50;
