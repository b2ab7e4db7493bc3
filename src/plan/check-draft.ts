/**
 * `hta plan init` never writes a plan its own validation refuses (docs/plan-trial.md): the draft
 * is read as `hta validate --plan` would read it — the plan schema and its cross-checks, then the
 * export with it. Rows with bad cells are counted, not fatal: they are the data's problems, which
 * `hta validate` lists, not the draft's; anything else refused is the draft's, and stops it.
 */
import { HtaError, type Problem } from '../errors.js';
import type { CsvTable } from '../io/read-csv.js';
import { lineRanges } from '../problem-groups.js';
import { checkTrialContent } from '../trial/check-content.js';
import { emptyOutcomes } from '../trial/empty-outcomes.js';
import { loadTrial } from '../trial/load-trial.js';
import { isIdSpellingKind } from '../trial/patient-ids.js';
import { PASTED_KIND } from '../trial/repeated-id-columns.js';
import { isCprProblem } from '../trial/cpr-cells.js';
import { instruments } from '../instruments/registry.js';
import { parsePlan } from './load-plan.js';

/** How the problems of the draft itself are named (it has no file yet). */
export const DRAFT_FILE = 'the drafted plan';

export interface DraftCheck {
  /** Rows of the export with bad cells (read past here; `hta validate` lists them). */
  badRows: number;
  badLines: [number, number][];
  /** What those rows add up to when they are a spreadsheet shape (export-shape.ts): "the id is only on the first row …", "a totals row". */
  shapes?: string[];
  /** Outcomes with no value at some (not all) of the draft's follow-ups: measured at fewer visits (docs/plan-trial.md#outcome-timepoints). */
  partialOutcomes?: { key: string; empty: string[] }[];
}

/**
 * Throws the draft's problems as `hta validate` would, its fields located in the draft.
 * `mcidLeft`: outcomes drafted without the MCID their instrument has no default for (the
 * EQ-5D-3L index), left for the user (draft-plan.ts): read here with a stand-in MCID, so that
 * the rest of the draft is checked; the plan written has none, and validate asks for it.
 */
export function checkDraft(csv: CsvTable, draft: Record<string, unknown>, mcidLeft: readonly string[] = []): DraftCheck {
  try {
    const plan = parsePlan(withStandInMcids(draft, mcidLeft), DRAFT_FILE);
    // Two scales in one column, a score column of fractions of 1 (Excel percentage cells), and word
    // missing-value codes that empty a column, are among the draft's checks (draft-plan.ts), for the user to settle.
    const trial = loadTrial(csv, plan, { excludeInvalid: true, fractionsInChecks: true });
    checkTrialContent(csv, trial, 'rows', undefined, { scales: false, codedMissing: false });
    const excluded = trial.excluded;
    // An outcome empty at every follow-up is validate's note (empty-outcomes.ts); one empty at some
    // is an outcome the protocol measures at fewer visits: drafted with its own "timepoints".
    const partialOutcomes = emptyOutcomes(trial).filter((e) => e.times.length < plan.timepoints.length).map((e) => ({ key: e.key, empty: e.times }));
    return { badRows: excluded?.rows ?? 0, badLines: lineRanges(linesOf(excluded?.problems ?? [])), ...(excluded?.shapes ? { shapes: excluded.shapes.map((p) => `line ${p.line}: expected ${p.expected}`) } : {}), ...(partialOutcomes.length ? { partialOutcomes } : {}) };
  } catch (err) {
    if (!(err instanceof HtaError)) throw err;
    // Ids written two ways (leading zeros, case, blanks) stop every run, also one that excludes bad rows
    // (load-trial.ts): they are the data's problem, not the draft's, and their rows are counted.
    if (err.problems.some((p) => isIdSpellingKind(p.kind))) return rowsOf(err.problems);
    // A repeated id column out of step with the id (columns pasted from another file) is the
    // data's problem too; the draft says it among its checks (draft-plan.ts).
    if (err.problems.some((p) => p.kind === PASTED_KIND)) return { badRows: 0, badLines: [] };
    // CPR-shaped cells outside the id column stop every run too; the draft names their lines and columns (draft-plan.ts).
    if (err.problems.some(isCprProblem)) return rowsOf(err.problems);
    // A column of withdrawn consent with cells that say neither: the draft's check names their lines (consent-draft.ts).
    if (err.problems.some((p) => p.kind === 'consent.value')) return rowsOf(err.problems);
    throw new HtaError(err.code === 'analysis.failed' ? 'input.invalid' : err.code, `the plan drafted from ${csv.file} does not pass hta validate (${err.message.replace(/; nothing was written.*$/, '')}); nothing was written`, err.problems, err.groups);
  }
}

/**
 * The draft with a stand-in MCID (a tenth of the instrument's range, inside any range check) on
 * each outcome of `keys` that has none; the draft itself is left as it is.
 */
function withStandInMcids(draft: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  if (keys.length === 0 || !Array.isArray(draft.outcomes)) return draft;
  const outcomes = (draft.outcomes as Record<string, unknown>[]).map((o) => {
    const inst = typeof o.instrument === 'string' && Object.hasOwn(instruments, o.instrument) ? instruments[o.instrument] : undefined;
    if (!keys.includes(o.key as string) || o.mcid !== undefined || !inst) return o;
    return { ...o, mcid: (inst.range[1] - inst.range[0]) / 10 };
  });
  return { ...draft, outcomes };
}

/** The lines the problems are on (a problem of the whole file has none). */
function linesOf(problems: readonly Problem[]): number[] {
  return problems.map((p) => p.line).filter((l): l is number => l !== undefined);
}

/** The rows a refusal's problems are on, counted as the data's problems. */
function rowsOf(problems: readonly Problem[]): DraftCheck {
  const lines = linesOf(problems);
  return { badRows: new Set(lines).size, badLines: lineRanges(lines) };
}
