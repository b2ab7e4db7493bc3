/**
 * SAS's BY line: a report made with a BY statement (PROC PRINT … BY region; saved to CSV, or
 * the listing) writes above each group's rows a line naming the group — the BY variable (or its
 * label), `=`, the value: `Region=Region Hovedstaden`, framed by dashes in the listing
 * (`------ Region=Region Hovedstaden ------`). Its readers name it (docs/input-registry.md
 * "Regions", docs/input-trial-export.md "The header is the first line").
 */

/** The variable name (or label), `=`, the value; dashes around it in the listing. */
const BY_LINE = /^-*\s*([\p{L}_][\p{L}\p{N}_ .]{0,39}?)\s*=\s*(\S(?:.*\S)?)\s*-*$/u;

/** The value of a BY line (`Region=Region Hovedstaden` → `Region Hovedstaden`), or undefined when `text` is none. */
export function sasByLineValue(text: string): string | undefined {
  const by = BY_LINE.exec(text.trim());
  if (!by) return undefined;
  const value = by[2]!.replace(/\s*-+$/u, '').trim();
  return value === '' ? undefined : value;
}
