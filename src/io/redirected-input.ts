/**
 * Standard output or error sent to a file the command reads (docs/cli.md "An output redirected
 * onto an input"):
 *
 * - `hta plan check p.json >> p.json` (or `2>> p.json`, or any other way of opening it) would
 *   append the results to the input itself, and exit 0. Every input is compared, by device and
 *   inode, with what standard output and error are, before anything is read or written
 *   (`refuseStreamOntoInput`, called by the output guard and by every reader), and the run stops
 *   with exit 2. The message goes to a stream that is not an input, or nowhere.
 * - `hta uptake … --previous p.json --json > p.json`: the shell has already emptied p.json (to
 *   receive the output) before hta starts, so the earlier content is gone; the message says so.
 */
import { fstatSync, statSync, type Stats } from 'node:fs';
import { StreamOntoInputError } from '../errors.js';

type StreamName = 'standard output' | 'standard error';

/** A standard stream that is a regular file, with its identity. */
export interface StreamFile {
  name: StreamName;
  st: Pick<Stats, 'dev' | 'ino'>;
}

let processStreams: StreamFile[] | undefined;

/**
 * Standard output and error, where they are regular files (not a terminal, pipe or /dev/null).
 * Looked at once per process: a process's streams stay what they were when it started (Node
 * reopens a closed one onto /dev/null at start, so no file hta opens later takes its place).
 */
export function standardStreamFiles(): StreamFile[] {
  if (processStreams === undefined) {
    processStreams = [];
    for (const [fd, name] of [[1, 'standard output'], [2, 'standard error']] as const) {
      try {
        const st = fstatSync(fd);
        if (st.isFile()) processStreams.push({ name, st });
      } catch {
        // That stream is closed: not onto any file.
      }
    }
  }
  return processStreams;
}

/** Those of `streams` that go to the file `st` (the same device and inode). */
function streamsOnto(st: Pick<Stats, 'dev' | 'ino'>, streams: readonly StreamFile[]): StreamFile[] {
  return streams.filter((s) => s.st.dev === st.dev && s.st.ino === st.ino);
}

const OP: Record<StreamName, { truncate: string; append: string }> = {
  'standard output': { truncate: '>', append: '>>' },
  'standard error': { truncate: '2>', append: '2>>' },
};

/** What an emptied file's message ends with: the shell's `>` emptied it before hta started. */
const EMPTIED = 'and the shell empties an output file before the command starts — redirect to another file (the earlier content is lost; restore it from a copy)';

/**
 * The one check of a file (`st`, named `file`) against the streams: when any goes to it, throws
 * the error whose message `say` words from what goes there — `which` streams (`standard output and
 * standard error`), `verb`s agreeing with them, the shell's redirections that would do it (`>` for
 * an emptied file, `>>` else) and whether the file is `emptied`.
 */
function refuseStreamsOnto(
  st: Pick<Stats, 'dev' | 'ino' | 'size'>,
  file: string,
  streams: readonly StreamFile[],
  say: (onto: { which: string; is: string; go: string; as: string; emptied: boolean }) => string,
): void {
  const onto = streamsOnto(st, streams);
  if (onto.length === 0) return;
  const names = onto.map((s) => s.name);
  const emptied = st.size === 0;
  const message = say({
    which: names.join(' and '),
    is: onto.length > 1 ? 'are' : 'is',
    go: onto.length > 1 ? 'go' : 'goes',
    as: onto.map((s) => `${OP[s.name][emptied ? 'truncate' : 'append']} ${file}`).join(', '),
    emptied,
  });
  throw new StreamOntoInputError(message, !names.includes('standard output'), !names.includes('standard error'));
}

/**
 * Throws when standard output or error is the input `st` (`label` names it: `--plan p.json`,
 * or just the path), before anything is read from it or written anywhere. `streams` is for the
 * tests; by default the process's own.
 */
export function refuseStreamOntoInput(st: Pick<Stats, 'dev' | 'ino' | 'size'>, file: string, label: string = file, streams: readonly StreamFile[] = standardStreamFiles()): void {
  // An empty input with a stream onto it was emptied by the shell's `>`: its content is gone.
  refuseStreamsOnto(st, file, streams, ({ which, is, go, as, emptied }) =>
    emptied
      ? `${label} is empty: ${which} ${is} redirected onto it (${as}), ${EMPTIED}`
      : `${which} ${go} to ${file} (as with ${as}), which this command is given${label === file ? '' : ` (${label})`}: hta would write onto its own input, and input files are never modified — redirect to another file (nothing was written; ${file} is unchanged)`,
  );
}

/**
 * The net under every other check: an argument (or `--option=value`) that names the file standard
 * output or error goes to, refused before the command line is even parsed — so that not even a
 * usage error (`hta uptake 2>> plan.json`, a missing argument) is written onto it. Before parsing,
 * an argument may be an input or an output, so the message claims neither. Arguments that name no
 * file are passed over; the files a plan names are checked by the output guard and the readers.
 */
export function refuseStreamOntoArguments(argv: readonly string[], streams: readonly StreamFile[] = standardStreamFiles()): void {
  if (streams.length === 0) return;
  for (const arg of argv) {
    const path = arg.startsWith('-') ? /^--[^=]+=(.+)$/.exec(arg)?.[1] : arg;
    if (path === undefined) continue;
    let st;
    try {
      st = statSync(path);
    } catch {
      continue;
    }
    if (!st.isFile()) continue;
    // Not known here whether the file is read or written (`--out new.csv > new.csv` names an
    // output the shell has just created): the words hold for both (docs/cli.md).
    refuseStreamsOnto(st, path, streams, ({ which, go, as, emptied }) =>
      `${which} ${go} to ${path} (as with ${as}), which is named on the command line${emptied ? `, and the shell empties that file before the command starts — redirect to another file (nothing was written; if ${path} held a file this command was to read, its earlier content is lost: restore it from a copy)` : ` — redirect to another file (nothing was written; ${path} is unchanged)`}`,
    );
  }
}

/**
 * The words to add to "<file> is empty" when a redirection emptied it, else ''. The readers of
 * io/ never need it: each refuses a stream onto its file (`refuseStreamOntoInput`) before reading.
 */
export function emptiedByRedirection(file: string): string {
  let st;
  try {
    st = statSync(file);
  } catch {
    return '';
  }
  const stream = streamsOnto(st, standardStreamFiles())[0];
  if (stream === undefined) return '';
  return `: ${stream.name} is redirected onto it (${OP[stream.name].truncate} ${file}), ${EMPTIED}`;
}
