/**
 * Inputs are regular files (or links to one): a named pipe (FIFO) given as an export is opened
 * by waiting for a writer that never comes, so `hta validate fifo.csv` hung for ever; a socket or
 * a device is no export either. Each is refused before it is opened, by what it is
 * (docs/output-safety.md "Inputs are regular files").
 */
import { statSync, type Stats } from 'node:fs';
import { HtaError } from '../errors.js';
import { refuseStreamOntoInput } from './redirected-input.js';

/** What a path is when it is neither a regular file nor a folder ("a named pipe"), else undefined. */
export function specialFileKind(st: Stats): string | undefined {
  if (st.isFIFO()) return 'a named pipe';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return undefined;
}

/** The refusal of `label` (the path, or the option and path) that is `kind`. */
export function specialFileError(label: string, kind: string): HtaError {
  return new HtaError('input.unreadable', `${label} is ${kind}, not a file: hta reads its inputs from files only (reading ${kind} would wait for ever) — save the data to a file and give its path`);
}

/**
 * Throws `specialFileError` when `file` (followed through links) is a named pipe, socket or
 * device, and when standard output or error goes to it (`>> export.csv`, redirected-input.ts).
 * A path that cannot be examined is left to the reader, which says why in its words.
 */
export function refuseSpecialFile(file: string, label = file): void {
  let st: Stats;
  try {
    st = statSync(file);
  } catch {
    return;
  }
  const kind = specialFileKind(st);
  if (kind) throw specialFileError(label, kind);
  refuseStreamOntoInput(st, file, label);
}
