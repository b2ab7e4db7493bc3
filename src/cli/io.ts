import { streamWriter } from './standard-streams.js';

/** Where a command prints: results to stdout, progress and warnings to stderr (docs/data-contracts.md#exit-codes-and-the-problem-format). */
export interface CliIo {
  stdout: (text: string) => void;
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
