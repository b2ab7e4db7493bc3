/** `hta analyze` for a plan with `"design": "observational"` (docs/observational.md). */
import { HtaError } from '../errors.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { toCsv } from '../io/write-csv.js';
import type { Lang } from '../report/i18n.js';
import type { TrialData } from '../trial/trial-data.js';
import { summarizeExclusion } from '../trial/exclusion-summary.js';
import type { CliIo } from './io.js';
import { packageVersion } from './version.js';
import { withConfidenceLevel } from '../report/confidence-label.js';

/** Prints the results (table or JSON), writes --csv, and returns the exit code (1 when an analysis failed). */
export async function analyzeObservationalCommand(trial: TrialData, io: CliIo, opts: { json?: boolean; csv?: string; lang: Lang; bootstrap?: number; force: boolean }): Promise<number> {
  if (opts.bootstrap !== undefined) throw new HtaError('usage.invalid', '--bootstrap is for randomised plans; an observational plan reports sandwich and influence-function intervals');
  const { analyzeObservational } = await import('../observational/analyze-observational.js');
  const { observationalText } = await import('../observational/observational-text.js');
  const result = analyzeObservational(trial, { version: packageVersion() });
  if (trial.recoded.length) result.input.recoded = trial.recoded;
  if (trial.excluded) result.input.excluded = summarizeExclusion(trial.excluded, trial.plan.columns.id);
  if (opts.csv) {
    const header = ['outcome', 'time', 'method', 'n.exposed', 'n.unexposed', 'difference', 'se', 'ciLower', 'ciUpper', 'pValue', 'mcid', 'relevance', 'certainty', 'eValue', 'eValueCi'];
    // A withheld outcome keeps a row saying so: a file without it reads as never analysed.
    const rows = result.analyses.flatMap((a) =>
      a.effectsSuppressed
        ? [[a.outcome, a.time, 'withheld: a count below the threshold', ...Array<string>(header.length - 3).fill('')]]
        : a.effects.map((e) => [e.outcome, e.time, e.method, e.n.intervention, e.n.control, e.difference, e.se, e.ciLower, e.ciUpper, e.pValue, e.mcid, e.relevance, e.certainty.level, e.eValue?.estimate, e.eValue?.ciLimit]),
    );
    await writeFileAtomic(opts.csv, toCsv(header, rows), { replace: opts.force });
  }
  // The table names the plan's confidence level, as every interval is at it (confidence-label.ts).
  io.stdout(opts.json ? JSON.stringify(result, null, 2) + '\n' : withConfidenceLevel(observationalText(result, opts.lang), 1 - trial.plan.alpha));
  for (const w of result.warnings) io.stderr(`warning: ${w}\n`);
  return result.analyses.some((a) => a.error) ? 1 : 0;
}
