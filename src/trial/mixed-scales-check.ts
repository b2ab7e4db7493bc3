/**
 * validate's and analyze's check for two scales in one 0–100 outcome column (mixed-scales.ts;
 * docs/plan-trial.md "Two scales in one column"): exit 2 naming the place or the lines, unless the
 * plan's outcome says `"oneScaleChecked": true`.
 */
import { HtaError, type Problem } from '../errors.js';
import { namesAPlace } from '../plan/place-covariates.js';
import { spelledOut } from '../plan/wide-visits.js';
import { formatLineRanges, lineRanges } from '../problem-groups.js';
import { isWideScale, LOW_SCALE_MAX, mixedScales, type PatientScale } from './mixed-scales.js';
import type { TrialData } from './trial-data.js';

/** The plan's first covariate naming a place (site, centre, region: place-covariates.ts), with its export column. */
function placeOf(trial: TrialData): { name: string; column: string } | undefined {
  const { plan } = trial;
  const name = plan.covariates.find((c) => namesAPlace(spelledOut(c).replace(/[^a-z0-9]+/g, '')) || namesAPlace(spelledOut(plan.columns.covariates[c] ?? c).replace(/[^a-z0-9]+/g, '')));
  return name === undefined ? undefined : { name, column: Object.hasOwn(plan.columns.covariates, name) ? plan.columns.covariates[name]! : name };
}

export function mixedScaleProblems(trial: TrialData): Problem[] {
  const { plan, rows, patients, file } = trial;
  const place = placeOf(trial);
  const problems: Problem[] = [];
  for (const source of trial.sources) {
    const outcome = plan.outcomes.find((o) => o.key === source.key);
    if (!outcome || outcome.oneScaleChecked || source.instrument.kind !== 'continuous' || !isWideScale(source.instrument.range)) continue;
    const scores = rows.scores[source.key];
    if (!scores) continue;
    const per: PatientScale[] = patients.map((p) => ({ max: -Infinity, place: place ? placeText(p.covariates[place.name]) : undefined, highLines: [] }));
    for (let i = 0; i < rows.length; i++) {
      const v = scores[i]!;
      if (Number.isNaN(v)) continue;
      const p = per[rows.patient[i]!]!;
      if (v > p.max) p.max = v;
      if (v > LOW_SCALE_MAX) p.highLines.push(rows.line[i]!);
    }
    const found = mixedScales(per, place?.column);
    if (!found) continue;
    const column = source.columns[0] ?? source.key;
    const lines = formatLineRanges(lineRanges(found.highLines));
    problems.push({
      file,
      field: column,
      ...(found.lowPlaces.length && found.highPlaces.length ? { value: found.lowPlaces[0]!.place } : {}),
      expected:
        `one scale in outcome "${source.key}" (${source.instrument.range[0]}–${source.instrument.range[1]}): ${found.seen} (answers above ${LOW_SCALE_MAX} on lines ${lines}) — ` +
        `two scales in one column, 0–10 and 0–100? Put every answer on one scale in the export (the 0–10 answers ×10) and export again; ` +
        `if the column is one 0–100 scale, write "oneScaleChecked": true in the outcome "${source.key}" of the plan (docs/plan-trial.md "Two scales in one column")`,
      kind: `scale.mixed:${source.key}`,
    });
  }
  return problems;
}

const placeText = (v: string | number | null | undefined): string | undefined => (v === null || v === undefined ? undefined : String(v));

/** Throws validate's error for outcomes that look like two scales in one column. */
export function checkMixedScales(trial: TrialData): void {
  const problems = mixedScaleProblems(trial);
  if (!problems.length) return;
  const keys = problems.map((p) => JSON.stringify(p.field));
  throw new HtaError('input.invalid', `${trial.file}: ${keys.join(', ')} ${problems.length > 1 ? 'look' : 'looks'} like two scales in one column (0–10 and 0–100); nothing was written`, problems);
}
