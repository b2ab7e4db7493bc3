import { maskCpr } from '../io/cpr-number.js';
import { streamWriter } from './standard-streams.js';

/** Where a command prints: results to stdout, progress and warnings to stderr (docs/data-contracts.md#exit-codes-and-the-problem-format). */
export interface CliIo {
  /** Text for a person (summaries, tables, `report --check` lines): its control characters are written visibly by main.ts. */
  stdout: (text: string) => void;
  /**
   * Machine-readable output (`--json`, a plan or schema as JSON): written exactly as given — it
   * must stay valid and the same bytes, and JSON.stringify already writes the C0 controls as
   * `\u001b`. Absent, stdout is used (an io built by a test).
   */
  stdoutData?: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress bars are drawn only then). */
  stderrIsTTY?: boolean;
}

// A file or device under `>` is written in full or the run ends with exit 2 (standard-streams.ts).
export const processIo: CliIo = {
  stdout: streamWriter('standard output'),
  stderr: streamWriter('standard error'),
  stderrIsTTY: process.stderr.isTTY === true,
};

/** Prints machine-readable output (JSON) on stdout exactly as given (CliIo.stdoutData). */
export function printData(io: CliIo, text: string): void {
  (io.stdoutData ?? io.stdout)(text);
}

/**
 * What hta writes on stderr — notes, warnings, errors — with every CPR-shaped number masked
 * (`note: data/udtræk DDMMYY-XXXX.csv: …`): masking applies to any text hta prints
 * (docs/output-safety.md), and a CI log archives stderr. The path itself stays as typed.
 */
export function maskedStderr(text: string): string {
  return maskCpr(text);
}
