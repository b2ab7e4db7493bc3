/**
 * `hta analyze plan.json --plan base.csv`: the export and the plan given the wrong way round
 * were refused as "plan.json is not valid CSV — …", which sends the user to a file that is
 * fine. When the data argument starts like a JSON document and the plan does not, both are
 * named and the swap is asked about (exit 2).
 */
import { fileStart } from '../io/file-start.js';
import { HtaError } from '../errors.js';

/** The first non-blank character of `file` (after a UTF-8 byte-order mark), or undefined when unreadable or not a file. */
function firstCharacter(file: string): string | undefined {
  return fileStart(file, 512)?.trimStart()[0];
}

/** Throws when `data` looks like a JSON document and `plan` like a CSV export (both given). */
export function refuseSwappedInputs(data: { option: string; path: string }, plan: { option: string; path: string } | undefined, what = 'a CSV export'): void {
  if (plan === undefined) return;
  const d = firstCharacter(data.path);
  const p = firstCharacter(plan.path);
  if (d !== '{' || p === undefined || p === '{' || p === '[') return;
  throw new HtaError('usage.invalid', `${data.path} looks like a JSON file and ${plan.option} ${plan.path} like ${what}: are they swapped? Give the export first and the plan after ${plan.option}`);
}
