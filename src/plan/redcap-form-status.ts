/**
 * REDCap's form-status columns. Every REDCap form (instrument) is exported with a status column:
 * `<form>_complete` holding 0 (Incomplete), 1 (Unverified) or 2 (Complete) in the raw export, and
 * the words under the header "Complete?" in the label export. They say how far data entry got,
 * not what a patient answered (docs/input-trial-export.md, "REDCap").
 */

const STATUS_CODES = new Set(['0', '1', '2']);
const STATUS_WORDS = new Set(['incomplete', 'unverified', 'complete']);

/** Whether a column named `name` with the distinct cells `values` is a REDCap form status. */
export function isRedcapFormStatus(name: string, values: readonly string[]): boolean {
  const n = name.normalize('NFC').trim().toLowerCase();
  if (!/(^|_)complete$/.test(n) && !/^complete\?/.test(n)) return false;
  const filled = values.map((v) => v.trim()).filter((v) => v !== '');
  return filled.length > 0 && (filled.every((v) => STATUS_CODES.has(v)) || filled.every((v) => STATUS_WORDS.has(v.toLowerCase())));
}
