/**
 * Cells of a trial export in Excel's "Scientific" format that Excel rounded (`4.91E+05` for an
 * income of 491 277: "Save as CSV" writes what the column shows, three significant digits by
 * default). parseNumber reads them as the number written, as every reader does
 * (io/scientific-number.ts); the reader says so per column, on stderr and on the report page, and
 * when an outcome's every score is such a cell, the analysis itself rests on rounded values: then
 * it is a warning of the results too (docs/input-trial-export.md#scientific-notation).
 */
import { type RoundedScientificCells, roundedScientificNote, SCIENTIFIC_FIX } from '../io/scientific-number.js';
import type { TrialData } from './trial-data.js';

/** The outcomes read from one score column whose every observed score is such a cell, with the cells of its export columns (a wide export's `pain_0`, `pain_3m`). */
function roundedScores(trial: Pick<TrialData, 'sources' | 'rows' | 'roundedScientific'>): { key: string; observed: number; cells: RoundedScientificCells[] }[] {
  const out: { key: string; observed: number; cells: RoundedScientificCells[] }[] = [];
  for (const s of trial.sources) {
    if (s.from !== 'score' || s.columns.length !== 1) continue;
    const cells = (trial.roundedScientific ?? []).filter((c) => (c.stem ?? c.column) === s.columns[0]);
    const scores = trial.rows.scores[s.key];
    if (!cells.length || !scores) continue;
    let observed = 0;
    for (const v of scores) if (!Number.isNaN(v)) observed++;
    if (observed > 0 && cells.reduce((k, c) => k + c.cells, 0) >= observed) out.push({ key: s.key, observed, cells });
  }
  return out;
}

/** The stderr notes, one per export column with such cells (`lang`: the command's `--lang`), but for an outcome's columns that `roundedScoreWarnings` names. */
export function roundedScientificNotes(trial: Pick<TrialData, 'file' | 'sources' | 'rows' | 'roundedScientific'>, lang: 'en' | 'da' = 'en'): string[] {
  const loud = new Set(roundedScores(trial).flatMap((r) => r.cells.map((c) => c.column)));
  return (trial.roundedScientific ?? []).filter((c) => !loud.has(c.column)).map((c) => roundedScientificNote(trial.file, c, lang));
}

/**
 * One warning per outcome whose every score is a rounded Scientific cell: the effect is estimated
 * from rounded scores. Made in English (results.json keeps it so); report/failure-reasons.ts says it in Danish.
 */
export function roundedScoreWarnings(trial: Pick<TrialData, 'file' | 'sources' | 'rows' | 'roundedScientific'>): string[] {
  return roundedScores(trial).map(({ key, observed, cells }) => {
    const c = cells[0]!;
    const columns = cells.length === 1 ? `column "${c.column}"` : `columns ${cells.map((x) => `"${x.column}"`).join(', ')}`;
    return `${trial.file}: every value of outcome "${key}" (${columns}, ${observed} scores) is in Excel's "Scientific" format (e.g. "${c.example.text}", line ${c.example.line}): the analysis uses these rounded values, which hold only the digits Excel displayed — ${SCIENTIFIC_FIX.en} (docs/input-trial-export.md#scientific-notation)`;
  });
}
