/**
 * The methods' sentence on patients missing a covariate value (docs/plan-trial.md#multiple-imputation):
 * ANCOVA and MMRM fit complete covariates and leave those patients out, while the multiple
 * imputation imputes a missing covariate value. Without it a page with MI rows read as if every
 * method kept them. Nothing when no patient with a baseline score misses a covariate.
 */
import type { AnalysisResult } from '../analysis/results-schema.js';
import { baselinePatients, outcomeWide } from '../trial/outcome-wide.js';
import type { TrialData } from '../trial/trial-data.js';
import { formatThousands, type Lang } from './i18n.js';

const COMPLETE_COVARIATE_METHODS = ['ancova', 'mmrm'] as const;

/** Patients with a baseline score for `key` who miss any plan covariate (the wide tables' own rules). */
function missingCovariatePatients(trial: TrialData, key: string): number {
  return baselinePatients(trial, key) - outcomeWide(trial, key).ids.length;
}

export function covariateGapNote(result: AnalysisResult, trial: TrialData, lang: Lang): string[] {
  if (!trial.plan.covariates.length) return [];
  const rows = [...result.effects, ...(result.sensitivity?.rows ?? [])];
  const methods = COMPLETE_COVARIATE_METHODS.filter((m) => rows.some((r) => r.method === m && !r.error));
  if (!methods.length) return [];
  const outcomes = new Set(rows.filter((r) => (methods as readonly string[]).includes(r.method)).map((r) => r.outcome));
  const patients = Math.max(0, ...[...outcomes].map((key) => missingCovariatePatients(trial, key)));
  if (patients === 0) return [];
  const imputes = rows.some((r) => r.method === 'mi-ancova' && !r.error);
  // Exact, as every count of a trial report (docs/report-trial.md: no small-count suppression there).
  const count = `${formatThousands(patients, 0, lang)} ${patients === 1 ? 'patient' : lang === 'da' ? 'patienter' : 'patients'}`;
  const named = methods.map((m) => m.toUpperCase()).join(lang === 'da' ? ' og ' : ' and ');
  if (lang === 'da') {
    const mi = imputes ? ', mens multipel imputation imputerer en manglende kovariatværdi' : '';
    return [`${named} udelader patienter med baselinescore, der mangler en kovariatværdi (${count}), da ${methods.length === 1 ? 'dens model' : 'deres modeller'} ikke imputerer${mi}.`];
  }
  const mi = imputes ? ', whereas the multiple imputation imputes a missing covariate value' : '';
  return [`${named} ${methods.length === 1 ? 'leaves' : 'leave'} out the patients with a baseline score who miss a covariate value (${count}), as ${methods.length === 1 ? 'its model imputes' : 'their models impute'} nothing${mi}.`];
}
