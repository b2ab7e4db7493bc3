/**
 * The text of a region block title (docs/input-registry.md "Regions"), the line a report grouped
 * by region writes above each region's rows. Report tools write it as the region's name alone
 * (an SSRS or Qlik group header, a sheet laid out for reading) or, SAS's BY line, as
 * `Region=Region Hovedstaden` — the BY variable, `=`, the value — in the listing framed by dashes
 * (`------ Region=Region Hovedstaden ------`). Which of them names a region is the caller's
 * question (its region set): this only takes the SAS form apart.
 */

/** A SAS BY line: a variable name (or label), `=`, the value; dashes around it in the listing. */
const BY_LINE = /^-*\s*([\p{L}_][\p{L}\p{N}_ .]{0,39}?)\s*=\s*(\S(?:.*\S)?)\s*-*$/u;

/**
 * The region a title cell names: the value of a SAS BY line (`Region=Region Hovedstaden` →
 * `Region Hovedstaden`), or the cell itself (trimmed) when it is not one.
 */
export function regionTitleText(cell: string): string {
  const text = cell.trim();
  const by = BY_LINE.exec(text);
  return by ? by[2]!.replace(/\s*-+$/u, '').trim() : text;
}
