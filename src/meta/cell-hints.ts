/**
 * Why a number cell of a studies file typed from a paper is no number, when its shape says
 * (docs/input-studies.md, "Errors"): an events cell copied as the paper prints it, `23/150
 * (15,3 %)`, holds the count, n and a percentage; a cell Danish Excel turned into a date (`1.5`
 * typed where the decimal mark is a comma became 1 May, shown `01-maj`).
 */
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, maj: 5, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, okt: 10, oct: 10, nov: 11, dec: 12,
};

/** `23/150 (15,3 %)`, `23 / 150`, `23 (15,3%)`: a count, then n and/or a percentage. */
const EVENTS_AS_PRINTED = /^(\d+)\s*(?:\/\s*(\d+))?\s*(?:\(\s*\d+(?:[.,]\d+)?\s*%\s*\))?$/;
/** `01-maj`, `1-May`, `12.mar`, `maj-01` (Excel's day-month date). */
const DAY_MONTH = /^(\d{1,2})[-./ ]([a-zæøå]{3})[a-zæøå]*\.?$/i;
const MONTH_DAY = /^([a-zæøå]{3})[a-zæøå]*[-./ ](\d{1,2})$/i;

export interface CellHint {
  kind: string;
  hint: string;
}

/** `7,2 (5,1)`, `7.2 (SD 5.1)`, `7,2 ± 5,1`: a mean with its SD, as a paper's table prints it. */
const MEAN_SD = /^([-+\u2212]?\d+(?:[.,]\d+)?)\s*(?:\(\s*(?:sd\s*[:=]?\s*)?(\d+(?:[.,]\d+)?)\s*\)|\[\s*(?:sd\s*[:=]?\s*)?(\d+(?:[.,]\d+)?)\s*\]|±\s*(\d+(?:[.,]\d+)?))$/i;
/** `42,2 %`, `42.2%`: a percentage alone. */
const PERCENT = /^(\d+(?:[.,]\d+)?)\s*%$/;
/** A cell cut by the file's separator: `1,7 [0,2` (of `1,7 [0,2; 3,4]` in a semicolon file). */
const CUT_OPEN = /[([][^)\]]*$/;
const CUT_CLOSE = /^[^([]*[)\]]$/;

/** `n` is the arm's group size when already read, for an events percentage's count. */
export function numberCellHint(name: string, text: string, decimalComma: boolean, n?: number): CellHint | undefined {
  const t = text.trim();
  const arm = name.endsWith('_control') ? 'n_control' : 'n_intervention';
  const side = name.endsWith('_control') ? 'control' : 'intervention';
  if (name.startsWith('mean_')) {
    const m = MEAN_SD.exec(t);
    if (m) {
      const sd = m[2] ?? m[3] ?? m[4];
      return { kind: `meta.mean-and-sd.${name}`, hint: `the cell holds a mean with its SD, as a paper's table prints it: write only the mean (${m[1]}) here and the SD (${sd}) in sd_${side}` };
    }
  }
  if (name.startsWith('events_')) {
    const p = PERCENT.exec(t);
    if (p) {
      const pct = Number((p[1] as string).replace(',', '.'));
      const count = n === undefined ? '' : ` (${p[1]} % of ${arm} ${n} is ${Math.round((pct / 100) * n)}; check it against the paper)`;
      return { kind: `meta.events-percentage.${name}`, hint: `the cell holds a percentage, not a count: write the number of patients with the event here${count}; a percentage is not read` };
    }
  }
  if ((CUT_OPEN.test(t) || CUT_CLOSE.test(t)) && /\d/.test(t)) {
    return {
      kind: 'meta.cell-cut',
      hint: `the cell looks cut in two at a separator inside brackets (an interval written "[0,2; 3,4]" in a file whose columns are separated by ";"): put the interval in ci_lower and ci_upper, write it with "til"/"to" ("0,2 til 3,4"), or quote the cell`,
    };
  }
  if (name.startsWith('events_')) {
    const m = EVENTS_AS_PRINTED.exec(t);
    if (m && (m[2] !== undefined || t.includes('%'))) {
      return {
        kind: 'meta.events-as-printed',
        hint: `the cell holds the events as a paper prints them: write only the count (${m[1]}) here${m[2] !== undefined ? `; n (${m[2]}) goes in ${arm}` : `, and n in ${arm}`}; a percentage is not read`,
      };
    }
  }
  const dm = DAY_MONTH.exec(t);
  const md = dm ? null : MONTH_DAY.exec(t);
  const [day, month] = dm ? [dm[1], dm[2]] : md ? [md[2], md[1]] : [undefined, undefined];
  const monthNumber = month === undefined ? undefined : MONTHS[month.toLowerCase()];
  if (day !== undefined && monthNumber !== undefined) {
    const [d, mark] = [Number(day), decimalComma ? ',' : '.'];
    return {
      kind: 'meta.excel-date',
      hint: `Excel made a date of a number: ${d}.${monthNumber} typed into a spreadsheet whose decimal mark is a comma (Danish Excel) becomes the date ${d} ${month}, shown as "${t}" — if the paper says ${d}.${monthNumber}, write ${d}${mark}${monthNumber} (format the column as Number before typing), and check the column's other cells`,
    };
  }
  return undefined;
}
