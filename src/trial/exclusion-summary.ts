/**
 * How rows excluded under `--exclude-invalid` are reported: grouped problems with line ranges
 * (for text and `--json`) and the `--excluded-out` CSV (line, column, field, problem). None of
 * them carries a patient id or a cell of the id column: see docs/input-trial-export.md.
 */
import type { Problem } from '../errors.js';
import { toCsv } from '../io/write-csv.js';
import { EXCLUDED_ROW_HEADER, excludedRowCells, formatLineRanges, formatProblemGroup, groupProblems, lineRanges, type ProblemGroup } from '../problem-groups.js';
import type { RowExclusion } from './trial-data.js';

export interface ExclusionSummary {
  /** Rows (file lines) left out. */
  rows: number;
  /** Problems found on them. */
  problems: number;
  /** The excluded lines as inclusive ranges. */
  lines: [number, number][];
  groups: ProblemGroup[];
  /** Patients whose every row was left out, counted as randomised all the same (RowExclusion); present when any. */
  randomisedWithoutRows?: number;
}

/** Problems with the id column keep line, column and field but lose their value. */
function withoutIdValues(problems: readonly Problem[], idColumn: string): Problem[] {
  return problems.map((p) => {
    if (p.field !== idColumn || p.value === undefined) return p;
    const { value: _drop, ...rest } = p;
    return rest;
  });
}

export function summarizeExclusion(ex: RowExclusion, idColumn: string): ExclusionSummary {
  const problems = withoutIdValues(ex.problems, idColumn);
  return {
    rows: ex.rows,
    problems: problems.length,
    lines: lineRanges(problems.map((p) => p.line).filter((l): l is number => l !== undefined)),
    groups: groupProblems(problems),
    ...(ex.randomisedWithoutRows ? { randomisedWithoutRows: ex.randomisedWithoutRows } : {}),
  };
}

/**
 * `excluded 3 row(s) with problems (lines 5–7):` then one indented line per group. A registry
 * (observational plan) has no randomisation and no imputation: its rows' patients stay in their
 * exposure group, and an analysis leaves out a patient missing a value it needs (docs/observational.md).
 */
export function formatExclusion(s: ExclusionSummary, design: 'randomised' | 'observational' = 'randomised'): string[] {
  if (s.rows === 0) return ['excluded 0 rows: no row has a problem'];
  const head = `excluded ${s.rows} row(s) with ${s.problems} problem(s) (lines ${formatLineRanges(s.lines)}); their values are read as missing`;
  const without = (n: number) => `${n} ${n === 1 ? 'patient' : 'patients'} with every row excluded`;
  if (design === 'observational') {
    return [
      `${head} (no imputation: an analysis that needs one of them leaves the patient out and counts them, as a missing confounder or no outcome value), but the patient stays in the export's count, in the group the exposure column gives them, also when only an excluded row gives it:`,
      ...s.groups.map((g) => `  ${formatProblemGroup(g)}`),
      ...(s.randomisedWithoutRows ? [`${without(s.randomisedWithoutRows)} ${s.randomisedWithoutRows === 1 ? 'stays' : 'stay'} in the export's count, in their exposure group, with no value`] : []),
    ];
  }
  return [
    // The rows, not their patients: a patient's other rows still count, in the arm randomised to
    // (intention to treat), even when only an excluded row gave the arm (docs/input-trial-export.md#bad-rows).
    `${head} (in no count or analysis; multiple imputation imputes them), but a patient with other rows stays in, in the arm the export randomised them to, also when only an excluded row gives the arm (intention to treat):`,
    ...s.groups.map((g) => `  ${formatProblemGroup(g)}`),
    ...(s.randomisedWithoutRows ? [`${without(s.randomisedWithoutRows)} ${s.randomisedWithoutRows === 1 ? 'stays' : 'stay'} randomised: counted in the participant flow and the adverse events, with no outcome value`] : []),
  ];
}

/** The `--excluded-out` file: one row per problem, in line order; no values at all. */
export function excludedCsv(ex: RowExclusion): string {
  const rows = [...ex.problems]
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    .map(excludedRowCells);
  return toCsv(EXCLUDED_ROW_HEADER, rows);
}
