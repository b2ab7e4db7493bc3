/**
 * The words of the refusal of an SPSS Viewer table as the eligible file (eligible-stat-layouts.ts
 * spssViewerTableError), in English and Danish (docs/glossary-da.md), apart from the reading so
 * that the Danish catalogue (report/problem-text.ts) need not load a reader.
 */

/** What the refusal says of one file: where its years are, the row variable's name, what to delete. */
export interface SpssViewerParts {
  file: string;
  /** The line of the years (1-based). */
  yearsLine: number;
  rowName: string;
  /** The header to write, as the file's separator writes it (`Region;2024;2025;2026;…`). */
  header: string;
  /** The footnote lines under the table. */
  footnotes: number[];
  /** The total row's word and line (`I alt`, 10), when it has one. */
  total?: { word: string; line: number };
}

const AGGREGATE = 'AGGREGATE /OUTFILE=* /BREAK=region year /antal=N';
const MAP = '"columns": { "eligible": { "region": …, "year": …, "eligible": "antal" } }';

const list = (items: readonly string[], and: string) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}` : items[0]!);
const lines = (from: number, to: number, one: string, many: string) => (to === from ? `${one} ${from}` : `${many} ${from}–${to}`);

export function spssViewerMessage(p: SpssViewerParts): string {
  const shape = p.yearsLine > 1 ? `its header over lines 1–${p.yearsLine} (the years on line ${p.yearsLine})` : 'the years on line 1';
  return `${p.file} is a table from the SPSS Viewer (CROSSTABS or Custom Tables exported to CSV): ${shape}, and the row variable's name "${p.rowName}" in a column of its own beside the regions, so no line names every column`;
}

export function spssViewerExpected(p: SpssViewerParts): string {
  const deleted = [
    ...(p.yearsLine > 1 ? [lines(1, p.yearsLine - 1, 'line', 'lines')] : []),
    'the first column',
    ...(p.footnotes.length ? [`the footnote line${p.footnotes.length === 1 ? '' : 's'} ${p.footnotes.join(', ')}`] : []),
  ];
  const total = p.total ? ` (first move the total row's "${p.total.word}", line ${p.total.line}, into its second cell)` : '';
  return `one header line and the region first on each row: keep line ${p.yearsLine} (the years) as the header with its first cell named "${p.rowName}" (${p.header}: read as years as columns; a total row and column are checked and left out) and delete ${list(deleted, 'and')}${total}; or write the counts from SPSS as data, one row per region and year (${AGGREGATE}, then File > Export > CSV: map its columns with ${MAP} in the uptake plan)`;
}

const MESSAGE = /^(.+) is a table from the SPSS Viewer \(CROSSTABS or Custom Tables exported to CSV\): (?:its header over lines 1–(\d+) \(the years on line \d+\)|the years on line 1), and the row variable's name (".*?") in a column of its own beside the regions, so no line names every column$/;
const EXPECTED = /^one header line and the region first on each row: keep line (\d+) \(the years\) as the header with its first cell named (".*?") \((.*?): read as years as columns; a total row and column are checked and left out\) and delete (.*?)(?: \(first move the total row's (".*?"), line (\d+), into its second cell\))?; or write the counts from SPSS as data/;

/** The Danish of `spssViewerMessage`'s text, or undefined for another text. */
export function spssViewerMessageDa(text: string): string | undefined {
  const m = MESSAGE.exec(text);
  if (!m) return undefined;
  const shape = m[2] ? `overskriften fordelt over linje 1–${m[2]} (årstallene på linje ${m[2]})` : 'årstallene på linje 1';
  return `${m[1]!} er en tabel fra SPSS' Viewer (CROSSTABS eller Custom Tables eksporteret til CSV): ${shape}, og rækkevariablens navn ${m[3]!} i sin egen kolonne ved siden af regionerne, så ingen linje navngiver alle kolonner`;
}

/** The Danish of `spssViewerExpected`'s text, or undefined for another text. */
export function spssViewerExpectedDa(text: string): string | undefined {
  const m = EXPECTED.exec(text);
  if (!m || !text.endsWith(`(${AGGREGATE}, then File > Export > CSV: map its columns with ${MAP} in the uptake plan)`)) return undefined;
  const deleted = m[4]!
    .replace(/^lines? (\d+(?:–\d+)?)/, (_w, n: string) => `linje ${n}`)
    .replace('the first column', 'den første kolonne')
    .replace(/ and /g, ' og ')
    .replace(/the footnote lines? ([\d, ]+)$/, (_w, n: string) => `fodnotelinje ${n}`);
  const total = m[5] ? ` (flyt først totalrækkens ${m[5]}, linje ${m[6]}, over i dens anden celle)` : '';
  return `én overskriftslinje og regionen først på hver række: behold linje ${m[1]!} (årstallene) som overskrift med den første celle navngivet ${m[2]!} (${m[3]!}: læst som år i kolonner; en totalrække og -kolonne kontrolleres og udelades), og slet ${deleted}${total}; eller skriv antallene fra SPSS som data, én række pr. region og år (${AGGREGATE}, derefter File > Export > CSV: knyt kolonnerne til optagsplanen med ${MAP})`;
}
