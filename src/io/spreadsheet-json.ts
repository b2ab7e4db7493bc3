/**
 * A JSON file (a plan, a manifest) opened in Excel and saved as CSV: Excel puts every line that
 * holds a `"` or a `,` in quotes and doubles each `"` inside (`"  ""$schema"": …",`), and often
 * writes Windows-1252. Read as JSON that is "not UTF-8" or "expected ':'" at line 2, which does
 * not say what happened; this names it (docs/cli.md "JSON saved by a spreadsheet").
 */
import { HtaError } from '../errors.js';

/** A line as Excel writes a cell that began with optional spaces and a `"`: `"  ""key""…`. */
const QUOTED_LINE = /^"[ \t]*""[^"]/;

/** Whether `bytes` look like a spreadsheet's CSV export of JSON: at least two such lines among the first 20. */
function looksLikeSpreadsheetJson(bytes: Uint8Array): boolean {
  // latin1: every byte one character; the marks looked for are ASCII in UTF-8 and Windows-1252 alike.
  const head = Buffer.from(bytes.subarray(0, 64 * 1024)).toString('latin1').replace(/^\u00ef\u00bb\u00bf/, '');
  return head.split(/\r?\n/).slice(0, 20).filter((line) => QUOTED_LINE.test(line)).length >= 2;
}

/** Refuses (exit 2) such a file, saying what it is and what to do; nothing of it is quoted. */
export function refuseSpreadsheetJson(bytes: Uint8Array, file: string, what: string): void {
  if (!looksLikeSpreadsheetJson(bytes)) return;
  throw new HtaError('plan.invalid', `${file} looks like a spreadsheet's export of the JSON ${what}, not the JSON itself: its lines are in quotes with every " doubled, as Excel writes a CSV`, [
    { file, line: 1, expected: `the ${what} as plain JSON: use the original .json file, or open this one in a text editor (Notepad, VS Code), not a spreadsheet, and save it as UTF-8 .json` },
  ]);
}
