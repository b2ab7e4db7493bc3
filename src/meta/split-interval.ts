/**
 * A confidence interval written in one cell, as papers and Danish spreadsheets write it
 * (`-1,51 til -0,06`, `(-2,4; 0,0)`, `[−1.5, −0.1]`, `1,2–3,4`), split into its two bounds —
 * only when the split is unambiguous with the file's decimal mark and the signs
 * (docs/input-studies.md, "An interval in one column"). The bounds come back as text, for the
 * reader's own number parsing; the minus copied from a PDF (U+2212) is a minus.
 */
export interface IntervalText {
  lower: string;
  upper: string;
}

function patterns(decimalComma: boolean, bracketed: boolean): RegExp[] {
  // A bound is a plain number in the file's decimal mark: no thousands groups, which would make
  // `1.234-2.345` or `1,2, 3,4` readable two ways.
  const unsigned = decimalComma ? String.raw`\d+(?:,\d+)?` : String.raw`\d+(?:\.\d+)?`;
  const signed = String.raw`[-+]?${unsigned}`;
  const list = [
    // a word between the bounds: Danish `til`, English `to`
    new RegExp(String.raw`^(${signed})\s+(?:til|to)\s+(${signed})$`, 'i'),
    // a semicolon, which is never a decimal mark
    new RegExp(String.raw`^(${signed})\s*;\s*(${signed})$`),
    // an en or em dash, which is never a minus here (one dash only: see below)
    new RegExp(String.raw`^(${signed})\s*[\u2013\u2014]\s*(${signed})$`),
    // a hyphen with a space on both sides, before a signed or unsigned bound
    new RegExp(String.raw`^(${signed})\s+-\s+(${signed})$`),
    // a hyphen between two unsigned bounds (`1,2-3,4`); `-1,2-0,5` is refused: it may be a minus
    new RegExp(String.raw`^(${unsigned})-(${unsigned})$`),
  ];
  // A comma separates the bounds only where it is not the decimal mark, and only with a space
  // after it (`-1.5, -0.1`) or between two dotted bounds in brackets (`[-1.5,-0.1]`): `-2,0` in a
  // decimal-point file is a number in the other decimal mark, not the interval [-2, 0] (found in review).
  if (!decimalComma) {
    list.push(new RegExp(String.raw`^(${signed})\s*,\s+(${signed})$`));
    if (bracketed) list.push(new RegExp(String.raw`^([-+]?\d+\.\d+)\s*,\s*([-+]?\d+\.\d+)$`));
  }
  return list;
}

/** The two bounds of an interval written in one cell, or null when the cell is not read as one. */
export function splitInterval(cell: string, decimalComma: boolean): IntervalText | null {
  let t = cell.trim().replace(/\u2212/g, '-');
  const bracketed = /^\((.*)\)$/s.exec(t) ?? /^\[(.*)\]$/s.exec(t);
  if (bracketed) t = (bracketed[1] as string).trim();
  for (const p of patterns(decimalComma, bracketed !== null)) {
    const m = p.exec(t);
    if (m) return { lower: m[1] as string, upper: m[2] as string };
  }
  return null;
}

/** Number-like pieces of a cell, for judging the file's decimal mark: `(-2,4; 0,0)` → `-2,4`, `0,0`. */
export function numberPieces(cell: string): string[] {
  return cell.replace(/\u2212/g, '-').match(/-?\d+(?:[.,]\d+)*/g) ?? [];
}

/**
 * An estimate with its interval in one cell, as a paper's table prints it: `1.2 (0.3–2.1)`,
 * `-0,79 [-1,51; -0,06]`, `0.74 (0.56 to 0.98)`. Not read as either (the reader refuses the cell
 * and says where each part goes); null when the cell is not that.
 */
export function splitEstimateAndInterval(cell: string, decimalComma: boolean): (IntervalText & { estimate: string; interval: string }) | null {
  const t = cell.trim().replace(/\u2212/g, '-');
  const unsigned = decimalComma ? String.raw`\d+(?:,\d+)?` : String.raw`\d+(?:\.\d+)?`;
  const m = new RegExp(String.raw`^([-+]?${unsigned})\s*([(\[].*[)\]])$`, 's').exec(t);
  if (!m) return null;
  const interval = m[2] as string;
  // A label before the bounds, as papers print it: `(95 %-KI 0,2 til 3,4)`, `(95% CI: 0.2, 3.4)`.
  const unlabelled = interval.replace(/^([(\[])\s*(?:95\s*%\s*-?\s*(?:ci|ki|konfidensinterval)?|(?:95\s*%?\s*-?\s*)?(?:ci|ki|konfidensinterval|confidence interval))\s*[:,]?\s*/i, '$1');
  const bounds = splitInterval(unlabelled, decimalComma);
  return bounds === null ? null : { estimate: m[1] as string, interval, ...bounds };
}
