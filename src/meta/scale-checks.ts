/**
 * Numbers a study row cannot hold on its outcome's scale (docs/input-studies.md, "Numbers on the
 * outcome's scale"). When the outcome is scored with a known continuous instrument — the plan
 * outcome's (PSEQ 0–60), else the built-in instrument whose key is the outcome's, as the MCID is
 * found (outcome-settings.ts) — a value no trial can report is a typing slip (a decimal mark
 * lost: 33125 for 33.125), and pooled it would outweigh or outvote every other study:
 *
 *   - a mean outside the scale, beyond what a change from baseline can be: [min(lo, −width),
 *     max(hi, width)] (a change score of RMDQ 0–24 lies in −24…24, a final value in 0…24);
 *   - an SD or SE above the scale's width;
 *   - a mean difference (or a bound of its CI) beyond ± the width.
 *
 * Refused at the cell, naming the scale. SMD, RR, OR and RD rows are not in the instrument's units
 * (only their arm means are checked).
 */
import { HtaError, type Problem } from '../errors.js';
import type { Instrument } from '../instruments/instrument.js';
import { instruments } from '../instruments/registry.js';
import { instrumentForOutcome } from '../plan/outcome-instrument.js';
import type { Plan } from '../plan/plan-schema.js';
import { changeScoreProblems } from './change-scores.js';
import { sameKey } from './outcome-settings.js';
import type { NumericColumn, StudyRecord, StudyTable } from './read-studies.js';

/** The continuous instrument an outcome's numbers are in, when one is known. */
export function scaleFor(outcome: string, plan: Plan | undefined): Instrument | undefined {
  const planOutcome = sameKey(plan?.outcomes ?? [], (o) => o.key, outcome);
  let instrument: Instrument | undefined;
  if (planOutcome !== undefined) instrument = instrumentForOutcome(planOutcome, plan);
  else {
    const key = sameKey(Object.keys(instruments), (k) => k, outcome);
    instrument = key === undefined ? undefined : instruments[key];
  }
  return instrument?.kind === 'continuous' ? instrument : undefined;
}

const MEANS = ['mean_intervention', 'mean_control'] as const;
const DIFFERENCES = ['difference', 'ci_lower', 'ci_upper'] as const;

/** The number as a message writes it: no float noise. */
const shown = (x: number): string => String(Math.round(x * 1e6) / 1e6);

export function scaleProblems(table: StudyTable, plan: Plan | undefined): Problem[] {
  const problems: Problem[] = [];
  const scales = new Map<string, Instrument | undefined>();
  for (const r of table.records) {
    if (!scales.has(r.outcome)) scales.set(r.outcome, scaleFor(r.outcome, plan));
    const scale = scales.get(r.outcome);
    if (scale === undefined) continue;
    const [lo, hi] = scale.range;
    const width = hi - lo;
    const name = `${scale.key.toUpperCase()} ${shown(lo)}–${shown(hi)}`;
    const at = (column: NumericColumn, value: number, expected: string): void => {
      const cell = r.cells[column];
      problems.push({
        file: table.file,
        line: r.line,
        ...(cell ? { column: cell.column, value: cell.text } : {}),
        field: column,
        kind: `meta.off-scale.${column}`,
        expected,
        // The value as read, when the cell's text does not already say it (`28,5`, `1e3`).
        ...(cell && cell.text.trim() !== shown(value) ? { detail: `read as ${shown(value)}` } : {}),
        hint: `no trial reports this on the scale: check the cell against the paper (a decimal mark lost, 33.125 typed as 33125; another instrument's scale)`,
      });
    };
    const i = r.input;
    if (i.kind === 'arms') {
      const [mlo, mhi] = [Math.min(lo, -width), Math.max(hi, width)];
      const means = { mean_intervention: i.arms.meanIntervention, mean_control: i.arms.meanControl };
      for (const m of MEANS) {
        const v = means[m];
        if (v < mlo || v > mhi) at(m, v, `a mean on the scale ${name} (or a change from baseline, ${shown(mlo)} to ${shown(mhi)})`);
      }
      const sds = { sd_intervention: i.arms.sdIntervention, sd_control: i.arms.sdControl };
      for (const s of ['sd_intervention', 'sd_control'] as const) {
        if (sds[s] > width) at(s, sds[s], `an SD of at most the scale's width, ${shown(width)} (${name})`);
      }
      continue;
    }
    if (r.measure !== 'MD') continue;
    const values: Partial<Record<NumericColumn, number>> =
      i.kind === 'ci' ? { difference: i.estimate, ci_lower: i.lower, ci_upper: i.upper } : i.kind === 'se' ? { difference: i.estimate, se: i.se } : i.kind === 'estimate' ? { difference: i.estimate } : {};
    for (const d of DIFFERENCES) {
      const v = values[d];
      if (v !== undefined && Math.abs(v) > width) at(d, v, `a mean difference within ±${shown(width)}, the width of the scale ${name}`);
    }
    if (values.se !== undefined && values.se > width) at('se', values.se, `an SE of at most the scale's width, ${shown(width)} (${name})`);
  }
  return problems;
}

/** @throws HtaError `input.invalid` (exit 2) listing every number off its outcome's scale. */
export function checkScales(table: StudyTable, plan: Plan | undefined): void {
  const problems = [...scaleProblems(table, plan), ...changeScoreProblems(table, plan)];
  if (problems.length > 0) throw new HtaError('input.invalid', `${table.file} has ${problems.length} number(s) off their outcome's scale`, problems);
}

/**
 * An SD above the largest any sample on the scale can have — (max − min) / 2 × √(n / (n − 1)),
 * half the patients at each end — cannot be an SD: most likely the variance (RMDQ 0–24: 12 at
 * most, so 17.64 is 4.2²). Warned about, naming the row; the SD above the scale's width is refused
 * by scaleProblems.
 */
export function scaleWarnings(table: StudyTable, plan: Plan | undefined): string[] {
  const variances = sdsAboveScale(table, plan).map(({ record: r, arm, sd, scale }) => {
    const [lo, hi] = scale.range;
    return (
      `${r.outcome} ${r.time}: ${r.study} (line ${r.line}), sd_${arm} ${shown(sd)} is above the largest SD possible on the scale ${scale.key.toUpperCase()} ${shown(lo)}–${shown(hi)}, (max − min) / 2 = ${shown((hi - lo) / 2)}; ` +
      `if it is the variance, the SD is √${shown(sd)} = ${shown(Math.round(Math.sqrt(sd) * 100) / 100)}`
    );
  });
  return [...variances, ...skewWarnings(table, plan)];
}

/**
 * An arm whose SD is at least its mean on a scale that starts at 0 (RMDQ 0–24): the values cannot
 * spread that far below the mean, so the data are skewed (Altman & Bland 1996, BMJ 313:266; Cochrane
 * Handbook v6 §10.5.3) — or the cells hold a median and IQR typed as mean and SD. Warned about,
 * naming the row, and not an arm whose SD is above the scale's largest (said as a variance by
 * scaleWarnings).
 *
 * Final values only: the rule rests on every value being ≥ 0, which a change from baseline is not
 * (a change may be < 0, so an SD above a small or zero mean change says nothing of skew). A final
 * value on a 0-based scale is above 0 unless every patient scored 0, so an arm mean ≤ 0 is a
 * change — and so are, as far as the sheet tells, the other rows of its outcome and follow-up:
 * a paper reporting changes reports them for every study of the pool ("+0.8 (SD 4.1)" and "+0.2
 * (SD 3.9)" beside another study's −1.2 had been flagged as skewed). A pool of changes that are all
 * above 0 cannot be told from final values by its numbers (docs/input-studies.md, "Skewed data").
 */
export function skewWarnings(table: StudyTable, plan: Plan | undefined): string[] {
  const out: string[] = [];
  // An SD above the scale's largest is said once, as a variance (scaleWarnings), not again as skew.
  const variance = new Set(sdsAboveScale(table, plan).map((x) => `${x.record.line} ${x.arm}`));
  const scales = new Map<string, Instrument | undefined>();
  const pool = (r: StudyRecord) => JSON.stringify([r.outcome, r.time]);
  const changes = new Set(table.records.filter((r) => r.input.kind === 'arms' && (r.input.arms.meanIntervention <= 0 || r.input.arms.meanControl <= 0)).map(pool));
  for (const r of table.records) {
    if (r.input.kind !== 'arms') continue;
    if (!scales.has(r.outcome)) scales.set(r.outcome, scaleFor(r.outcome, plan));
    const scale = scales.get(r.outcome);
    if (scale === undefined || scale.range[0] !== 0) continue;
    if (changes.has(pool(r))) continue;
    const a = r.input.arms;
    const arms = ([['intervention', a.meanIntervention, a.sdIntervention], ['control', a.meanControl, a.sdControl]] as const).filter(([arm, m, sd]) => sd >= m && !variance.has(`${r.line} ${arm}`));
    if (arms.length === 0) continue;
    const said = arms.map(([arm, m, sd]) => `sd_${arm} ${shown(sd)} ≥ mean_${arm} ${shown(m)}`).join(' and ');
    out.push(
      `${r.outcome} ${r.time}: ${r.study} (line ${r.line}), ${said} on the scale ${scale.key.toUpperCase()} ${shown(scale.range[0])}–${shown(scale.range[1])}, which starts at 0: ` +
        'the data are skewed, or the cells hold a median and IQR (Altman–Bland; Cochrane Handbook v6 §10.5.3) — check the paper; a mean difference of skewed data is pooled with less certainty than it shows',
    );
  }
  return out;
}

/** The arms scaleWarnings warns about, for sd-check.ts to leave alone (one warning per arm). */
export function sdsAboveScale(table: StudyTable, plan: Plan | undefined): { record: StudyRecord; arm: 'intervention' | 'control'; sd: number; scale: Instrument }[] {
  const out: { record: StudyRecord; arm: 'intervention' | 'control'; sd: number; scale: Instrument }[] = [];
  const scales = new Map<string, Instrument | undefined>();
  for (const r of table.records) {
    if (r.input.kind !== 'arms') continue;
    if (!scales.has(r.outcome)) scales.set(r.outcome, scaleFor(r.outcome, plan));
    const scale = scales.get(r.outcome);
    if (scale === undefined) continue;
    const [lo, hi] = scale.range;
    const a = r.input.arms;
    for (const [arm, sd, n] of [['intervention', a.sdIntervention, a.nIntervention], ['control', a.sdControl, a.nControl]] as const) {
      const most = ((hi - lo) / 2) * (n > 1 ? Math.sqrt(n / (n - 1)) : 1);
      if (!(sd > most) || sd > hi - lo) continue;
      out.push({ record: r, arm, sd, scale });
    }
  }
  return out;
}
