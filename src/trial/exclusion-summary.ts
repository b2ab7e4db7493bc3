/**
 * How rows excluded under `--exclude-invalid` are reported: grouped problems with line ranges
 * (for text and `--json`) and the `--excluded-out` CSV (line, column, field, problem). None of
 * them carries a patient id or a cell of the id column: see docs/input-trial-export.md.
 */
import type { Problem } from '../errors.js';
import { type SpreadsheetDialect, toCsvIn } from '../io/write-csv.js';
import { EXCLUDED_ROW_HEADER, excludedRowCells, formatLineRanges, formatProblemGroup, groupProblems, lineRanges, type ProblemGroup, type ProblemWords } from '../problem-groups.js';
import type { Lang } from '../report/i18n.js';
import type { RowExclusion, TrialData } from './trial-data.js';

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
  /** A registry's patients every row of whom was left out: in no count or analysis (RowExclusion); present when any. */
  withoutRows?: number;
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
    ...(ex.withoutRows ? { withoutRows: ex.withoutRows } : {}),
  };
}

/**
 * `excluded 3 row(s) with problems (lines 5–7):` then one indented line per group. Under `--lang da`
 * the summary is Danish (docs/glossary-da.md), and with `words` (the refusal catalogue,
 * report/problem-text.ts, loaded by a Danish run only) each problem line is Danish whole where the
 * catalogue words it, else English whole, as a refusal prints it. A registry (observational plan)
 * has no randomisation and no imputation: its rows' patients stay in their exposure group, and an
 * analysis leaves out a patient missing a value it needs (docs/observational.md).
 */
export function formatExclusion(s: ExclusionSummary, lang: Lang = 'en', words?: ProblemWords, design: 'randomised' | 'observational' = 'randomised'): string[] {
  const t = EXCLUSION_TEXT[design][lang];
  if (s.rows === 0) return [t.none];
  return [
    // The rows, not their patients: a patient's other rows still count, in the arm randomised to
    // (intention to treat), even when only an excluded row gave the arm (docs/input-trial-export.md#bad-rows).
    t.head(s.rows, s.problems, `${linesWord(s.lines, lang)} ${formatLineRanges(s.lines, 6, lang)}`),
    ...s.groups.map((g) => `  ${formatProblemGroup(g, words)}`),
    ...(s.randomisedWithoutRows ? [t.randomised(s.randomisedWithoutRows)] : []),
    ...(s.withoutRows ? [t.withoutRows(s.withoutRows)] : []),
  ];
}

/**
 * A loaded trial's excluded rows in words, as `hta analyze` prints them and `hta cea` repeats them:
 * the trial's id column kept out of the values, its design choosing the randomised or the registry
 * wording. `excluded`: the rows to word (`hta cea` counts no patient as randomised without rows).
 */
export function trialExclusionLines(trial: TrialData, lang: Lang = 'en', words?: ProblemWords, excluded: RowExclusion | null | undefined = trial.excluded): string[] {
  if (!excluded) return [];
  return formatExclusion(summarizeExclusion(excluded, trial.plan.columns.id), lang, words, trial.plan.design === 'observational' ? 'observational' : 'randomised');
}

/** "line 6" / "linje 6" for one line, "lines 6, 10" / "linjer 6–8" for more. */
function linesWord(ranges: readonly [number, number][], lang: Lang): string {
  const one = ranges.length === 1 && ranges[0]![0] === ranges[0]![1];
  return lang === 'da' ? (one ? 'linje' : 'linjer') : one ? 'line' : 'lines';
}

/**
 * What an excluded row of a registry (observational plan) means for its patient, said wherever the
 * exclusion is: analyze's stderr (below) and validate's masked summary (cli/validate.ts).
 */
export const REGISTRY_EXCLUSION_MEANING: Record<Lang, string> = {
  en: "no imputation: an excluded row is read as absent — in a wide export (one row per patient) the patient is left out of every count and every analysis, counted only among the excluded rows; in a long export the patient's other rows still count, in the group the exposure column gives them, and an analysis that needs a value of the excluded row leaves the patient out",
  da: "uden imputation: en udeladt række læses som fraværende — i bredt format (én række pr. patient) er patienten udeladt af alle optællinger og alle analyser og tælles kun blandt de udeladte rækker; i langt format tæller patientens andre rækker stadig med, i den gruppe, eksponeringskolonnen angiver, og en analyse, der behøver en værdi fra den udeladte række, udelader patienten",
};

type ExclusionText = {
  none: string;
  /** `lines`: "line 6" or "lines 6–8, 10" (linesWord). */
  head: (rows: number, problems: number, lines: string) => string;
  randomised: (n: number) => string;
  withoutRows: (n: number) => string;
};

const EXCLUSION_TEXT: Record<'randomised' | 'observational', Record<Lang, ExclusionText>> = {
  randomised: {
    en: {
      none: 'excluded 0 rows: no row has a problem',
      head: (rows, problems, lines) =>
        `excluded ${rows} row(s) with ${problems} problem(s) (${lines}); their values are read as missing (in no count or analysis; multiple imputation imputes them), but a patient with other rows stays in, in the arm the export randomised them to, also when only an excluded row gives the arm (intention to treat):`,
      randomised: (n) => `${n} ${n === 1 ? 'patient' : 'patients'} with every row excluded ${n === 1 ? 'stays' : 'stay'} randomised: counted in the participant flow and the adverse events, with no outcome value`,
      withoutRows: () => '',
    },
    da: {
      none: 'udelod 0 rækker: ingen række har et problem',
      head: (rows, problems, lines) =>
        `udelod ${rows} række(r) med ${problems} problem(er) (${lines}); deres værdier læses som manglende (i ingen optælling eller analyse; multipel imputation imputerer dem), men en patient med andre rækker forbliver i analysen, i den gruppe, eksporten randomiserede patienten til, også når kun en udeladt række angiver gruppen (intention-to-treat):`,
      randomised: (n) => `${n} ${n === 1 ? 'patient' : 'patienter'} med alle rækker udeladt ${n === 1 ? 'forbliver randomiseret' : 'forbliver randomiserede'}: talt med i patientflowet og de uønskede hændelser, uden værdi for effektmålene`,
      withoutRows: () => '',
    },
  },
  observational: {
    en: {
      none: 'excluded 0 rows: no row has a problem',
      // What the registry code does (docs/observational.md, rule 13): an excluded row is gone — in a
      // wide export it is the patient, who leaves every count (input.patients too) and is not counted
      // as missing a confounder; in a long export the patient's other rows still count.
      head: (rows, problems, lines) =>
        `excluded ${rows} row(s) with ${problems} problem(s) (${lines}); ${REGISTRY_EXCLUSION_MEANING.en}:`,
      randomised: (n) => `${n} ${n === 1 ? 'patient' : 'patients'} with every row excluded ${n === 1 ? 'stays' : 'stay'} in the export's count, in their exposure group, with no value`,
      // What the exclusions cost besides each analysis's flow (excludedRow): the patients left with no row.
      withoutRows: (n) => `${n} ${n === 1 ? 'patient' : 'patients'} with every row excluded: in no count or analysis (not in the export's count nor any flow)`,
    },
    da: {
      none: 'udelod 0 rækker: ingen række har et problem',
      head: (rows, problems, lines) =>
        `udelod ${rows} række(r) med ${problems} problem(er) (${lines}); ${REGISTRY_EXCLUSION_MEANING.da}:`,
      randomised: (n) => `${n} ${n === 1 ? 'patient' : 'patienter'} med alle rækker udeladt forbliver i udtrækkets optælling, i sin eksponeringsgruppe, uden værdi`,
      withoutRows: (n) => `${n} ${n === 1 ? 'patient' : 'patienter'} med alle rækker udeladt: i ingen optælling eller analyse (hverken i udtrækkets optælling eller i noget patientflow)`,
    },
  },
};

/**
 * The `--excluded-out` file: one row per problem, in line order; no values at all. Written as the
 * export was (`dialect`: its separator, line ends and BOM), so that the analyst's spreadsheet opens
 * it as it opened the export — Danish Excel reads a comma file without a BOM as one column of
 * mis-decoded text.
 */
export function excludedCsv(ex: RowExclusion, dialect?: SpreadsheetDialect): string {
  const rows = [...ex.problems]
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    .map(excludedRowCells);
  return toCsvIn(EXCLUDED_ROW_HEADER, rows, dialect);
}
