/**
 * Cells of a trial export in Excel's "Scientific" format that Excel rounded (`4.91E+05` for an
 * income of 491 277: "Save as CSV" writes what the column shows, three significant digits by
 * default). parseNumber reads them as the number written, as every reader does
 * (io/scientific-number.ts); the reader says so per column, on stderr and on the report page, and
 * when an outcome's every score is such a cell, the analysis itself rests on rounded values: then
 * it is a warning of the results too (docs/input-trial-export.md#scientific-notation).
 */
import { type RoundedScientificCells, roundedScientificNote } from '../io/scientific-number.js';
import type { TrialData } from './trial-data.js';

/** The outcomes read from one score column whose every observed score is such a cell, with that column's cells. */
function roundedScores(trial: Pick<TrialData, 'sources' | 'rows' | 'roundedScientific'>): { key: string; observed: number; cells: RoundedScientificCells }[] {
  const out: { key: string; observed: number; cells: RoundedScientificCells }[] = [];
  for (const s of trial.sources) {
    if (s.from !== 'score' || s.columns.length !== 1) continue;
    const cells = trial.roundedScientific?.find((c) => c.column === s.columns[0]);
    const scores = trial.rows.scores[s.key];
    if (!cells || !scores) continue;
    let observed = 0;
    for (const v of scores) if (!Number.isNaN(v)) observed++;
    if (observed > 0 && cells.cells >= observed) out.push({ key: s.key, observed, cells });
  }
  return out;
}

/** The stderr notes, one per column with such cells, but for an outcome's column that `roundedScoreWarnings` names. */
export function roundedScientificNotes(trial: Pick<TrialData, 'file' | 'sources' | 'rows' | 'roundedScientific'>): string[] {
  const loud = new Set(roundedScores(trial).map((r) => r.cells.column));
  return (trial.roundedScientific ?? []).filter((c) => !loud.has(c.column)).map((c) => roundedScientificNote(trial.file, c));
}

/** One warning per outcome whose every score is a rounded Scientific cell: the effect is estimated from rounded scores. */
export function roundedScoreWarnings(trial: Pick<TrialData, 'file' | 'sources' | 'rows' | 'roundedScientific'>): string[] {
  return roundedScores(trial).map(({ key, observed, cells: c }) => `${trial.file}: every value of outcome "${key}" (column "${c.column}", ${observed} scores) is in Excel's "Scientific" format (e.g. "${c.example.text}", line ${c.example.line}): the analysis uses these rounded values, which hold only the digits Excel displayed — format the column as Number in the spreadsheet and export again (docs/input-trial-export.md#scientific-notation)`);
}
