/** `hta analyze` for a plan with `"design": "observational"` (docs/observational.md). */
import { HtaError } from '../errors.js';
import { toCsv } from '../io/write-csv.js';
import type { Lang } from '../report/i18n.js';
import type { TrialData } from '../trial/trial-data.js';
import { exclusionCounts, publishedExclusion, publishedRecodes } from '../observational/published-input.js';
import { type CliIo, printData } from './io.js';
import { type ExcludedOutFile, writeAnalysisOutputs } from './load-inputs.js';
import { packageVersion } from './version.js';
import { withConfidenceLevel } from '../report/confidence-label.js';
import { outcomeLabel } from '../plan/outcome-label.js';
import { timeLabel } from '../report/i18n.js';
import { balanceTermLabel } from '../report/balance-term-label.js';
import { notAnalysedText } from '../report/failure-reasons.js';
import { diagnosticFindings, findingGroups, findingText } from '../observational/diagnostic-findings.js';
import { outcomeDataFindings, outcomeDataText } from '../observational/outcome-data-warnings.js';
import { publishedName } from '../report/published-name.js';
import { armNames } from '../report/arm-names.js';
import { publishedJson } from './json-names.js';
import type { ObservationalEffect, ObservationalResult } from '../observational/observational-results-schema.js';

/** Prints the results (table or JSON), writes --csv (and --excluded-out), and returns the exit code (1 when an analysis failed). */
export async function analyzeObservationalCommand(trial: TrialData, io: CliIo, opts: { json?: boolean; csv?: string; lang: Lang; file?: string; plan?: string; bootstrap?: number; force: boolean; excluded?: ExcludedOutFile }): Promise<number> {
  if (opts.bootstrap !== undefined) throw new HtaError('usage.invalid', '--bootstrap is for randomised plans; an observational plan reports sandwich and influence-function intervals');
  const { analyzeObservational } = await import('../observational/analyze-observational.js');
  const { observationalText } = await import('../observational/observational-text.js');
  const { registryInterval } = await import('../report/kinds/registry-report.js');
  const result = analyzeObservational(trial, { version: packageVersion() });
  // As `hta analyze --json` of a randomised plan names the export (analyze.ts).
  result.input.file = publishedName(result.input.file);
  // Under the small-count rules as the rest of the output (published-input.ts; docs/observational.md, "Small counts", rule 13).
  if (trial.recoded.length) result.input.recoded = publishedRecodes(trial.recoded, result);
  const excluded = exclusionCounts(trial);
  if (excluded) result.input.excluded = publishedExclusion(excluded, result);
  let csv: [string, string] | undefined;
  if (opts.csv) {
    // A yes/no outcome's adjusted rows also carry what the page's table under the effects table
    // gives (sof-registry-rows.ts): the adjusted risks, the RR with its CI (empty where the page
    // reads "Not estimable") and the absolute effect per 1,000 — the published numbers, so the file
    // and the page agree digit for digit (published-effect.ts); a withheld outcome has none.
    const header = ['outcome', 'time', 'method', 'n.exposed', 'n.unexposed', 'difference', 'se', 'ciLower', 'ciUpper', 'pValue', 'mcid', 'relevance', 'certainty', 'eValue', 'eValueCi', 'risk.exposed', 'risk.unexposed', 'riskRatio', 'riskRatioCiLower', 'riskRatioCiUpper', 'per1000', 'per1000CiLower', 'per1000CiUpper'];
    // A withheld outcome keeps a row saying so: a file without it reads as never analysed.
    const rows = result.analyses.flatMap((a) =>
      a.effectsSuppressed
        ? [[a.outcome, a.time, 'withheld: a count below the threshold', ...Array<string>(header.length - 3).fill('')]]
        : a.effects.map((e) => [e.outcome, e.time, e.method, e.n.intervention, e.n.control, e.difference, e.se, e.ciLower, e.ciUpper, e.pValue, e.mcid, e.relevance, e.certainty.level, e.eValue?.estimate, e.eValue?.ciLimit, ...relativeCsvCells(e)]),
    );
    csv = [opts.csv, toCsv(header, rows)];
  }
  // With --excluded-out, one batch: both files or neither (load-inputs.ts).
  await writeAnalysisOutputs(io, csv, opts.excluded, opts.force);
  // The table names the plan's confidence level, as every interval is at it (confidence-label.ts).
  // The labels and the intervals as the report page prints them (a proportion in percentage points).
  // The groups by the plan's labels, as the page names them (arm-names.ts); without labels the text's own words.
  const arms = trial.plan.armLabels ? armNames(trial.plan.armLabels, opts.lang, trial.plan.arms) : undefined;
  const groups = arms ? { Exposed: arms.Intervention, exposed: arms.intervention, unexposed: arms.control } : undefined;
  const textOptions = { labelOf: (k: string) => outcomeLabel(trial.plan, k, opts.lang), intervalOf: (e: ObservationalEffect) => registryInterval(e, opts.lang), ...(groups ? { groups } : {}) };
  // Every string (notes, an excluded row's file, warnings) by the inputs' published names (json-names.ts).
  if (opts.json) printData(io, JSON.stringify(publishedJson(result, [{ path: opts.file ?? trial.file }, { path: opts.plan, kind: 'trial-plan' }]), null, 2) + '\n');
  else io.stdout(withConfidenceLevel(observationalText(result, opts.lang, textOptions), 1 - trial.plan.alpha));
  for (const line of observationalWarningLines(result, trial, opts.lang)) io.stderr(`${line}\n`);
  return result.analyses.some((a) => a.error) ? 1 : 0;
}

/**
 * The warnings for stderr, as the registry page words them in either language (outcome and visit
 * by the plan's labels, balance terms and levels by the confounders' labels); results.json's
 * `warnings` keep the plan's keys. The same rules as the page's warnings (diagnostic-findings.ts).
 */
export function observationalWarningLines(result: ObservationalResult, trial: TrialData, lang: Lang): string[] {
  const spec = trial.plan.observational;
  const termLabel = (term: string) => balanceTermLabel(term, spec?.confounders ?? [], lang);
  const lead = lang === 'da' ? 'advarsel' : 'warning';
  // The groups by the plan's labels in Danish, as the summary above names them (diagnostic-findings.ts).
  const groups = findingGroups(trial.plan.armLabels, trial.plan.arms);
  return result.analyses.flatMap((a) => {
    // Named as the page names them ("Disability (RMDQ 0–24), 3 months", never "rmdq at 3m", which reads as metres).
    const where = `${outcomeLabel(trial.plan, a.outcome, lang)}, ${timeLabel(a.time, lang)}`;
    // An analysis that failed after its sample was formed also says how many were left out.
    const missing = a.excluded && a.excluded.missingConfounders !== 0 ? [`${lead}: ${where}: ${findingText({ kind: 'missing', n: a.excluded.missingConfounders }, lang, termLabel, groups)}`] : [];
    // What the export's values of the outcome say (all "yes", missing for most), failed or not (outcome-data-warnings.ts).
    const data = outcomeDataFindings(a, result.input.patients, result.plan.baselineAsConfounder).map((f) => `${lead}: ${where}: ${outcomeDataText(f, lang)}`);
    if (a.error || !a.excluded) return [`${lead}: ${where}: ${lang === 'en' ? (a.error ?? 'not analysed') : notAnalysedText(a.error ?? '', lang, { en: 'not analysed', da: 'ikke analyseret' })}`, ...data, ...missing];
    const found = diagnosticFindings(a, result.plan.balanceThreshold, result.plan.trim);
    if (a.excluded.missingConfounders) found.push({ kind: 'missing', n: a.excluded.missingConfounders });
    return [...data, ...found.map((f) => `${lead}: ${where}: ${findingText(f, lang, termLabel, groups)}${f.kind === 'scores-hidden' ? hiddenBy(a, lang, termLabel) : ''}`)];
  });
}

/**
 * For the analyst only (stderr, not the page nor results.json): which confounder made rule 9 hide
 * the overlap and weight numbers — those whose balance rows read "suppressed" (docs/observational.md,
 * "Small counts", rule 9). A baseline count held by 1 patient switches the diagnostics off for
 * every count outcome; without its name the analyst had to guess.
 */
function hiddenBy(a: ObservationalResult['analyses'][number], lang: Lang, termLabel: (term: string) => string): string {
  const names = [...new Set(a.balance.filter((b) => b.smdBefore === 'suppressed').map((b) => (b.term.includes('=') ? b.term.slice(0, b.term.indexOf('=')) : b.term)))];
  if (!names.length) return '';
  const list = names.map((n) => `"${termLabel(n)}"`).join(', ');
  return lang === 'da'
    ? ` (${names.length === 1 ? 'den forstyrrende faktor' : 'de forstyrrende faktorer'} ${list}; nævnt kun her, ikke i rapporten)`
    : ` (${names.length === 1 ? 'the confounder' : 'the confounders'} ${list}; named here only, not in the report)`;
}

/**
 * The --csv cells of a yes/no row's relative and absolute effect: the adjusted risks, the RR and
 * its limits, and the risk difference per 1,000 with its limits (1,000 × the published proportion,
 * without the float noise of the product: 0.217 → 217, not 216.99999999999997). Empty for a row
 * without adjusted risks (a score, or the crude row) and for an RR the page calls not estimable.
 */
function relativeCsvCells(e: ObservationalEffect): (number | null | undefined)[] {
  if (!e.risks) return Array<undefined>(8).fill(undefined);
  const per1000 = (v: number | null) => (v === null ? null : Number((1000 * v).toPrecision(12)));
  return [e.risks.intervention, e.risks.control, e.riskRatio?.estimate, e.riskRatio?.ciLower, e.riskRatio?.ciUpper, per1000(e.difference), per1000(e.ciLower), per1000(e.ciUpper)];
}
