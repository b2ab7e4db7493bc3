/**
 * The target sample checked against the trial it is compared with (docs/subgroups.md#inverse-odds-weights),
 * once, when both are read — before, each problem failed every transported row alike (18 warnings,
 * every row "not computed", exit 1):
 *
 * - a model column that is an outcome's score (RMDQ, pain NRS) holds the instrument's scale in the
 *   trial; a target value outside it (RMDQ 26–30 on 0–24, a 0–100 VAS where the trial has 0–10) is
 *   refused at its cell, as the trial reader refuses an out-of-scale score;
 * - a model column of numbers in the trial holds numbers in the target sample: text is refused at
 *   its cell (never read as levels, which would list the trial's values with their counts);
 * - a text model column's levels must be the trial's, compared in any case and Unicode form (`f` is
 *   `F`, as criteria, margins and subgroup levels are): the target's values are written in the
 *   trial's spelling, and a level either side lacks is refused once per column, naming both files'
 *   levels and the `targetSample.recode` to write.
 */
import type { Problem } from '../errors.js';
import { categoryKey } from './category-values.js';
import type { TrialData } from './trial-data.js';

/** Where each kept target row came from, for the messages. */
export interface TargetCells {
  file: string;
  /** Per model column: the file's column (1-based) and header name. */
  columns: { column: number; field: string }[];
  /** Per kept row: its line, and per model column the cell as written. */
  lines: number[];
  texts: (string | null)[][];
}

type Trial = Pick<TrialData, 'file' | 'patients' | 'sources'>;

/** Out-of-scale values in model columns that are outcomes' scores. */
export function outOfScale(model: readonly string[], rows: readonly (string | number)[][], cells: TargetCells, trial: Trial): Problem[] {
  const problems: Problem[] = [];
  model.forEach((name, k) => {
    const inst = trial.sources.find((s) => s.key === name)?.instrument;
    if (!inst || inst.kind !== 'continuous') return;
    const [lo, hi] = inst.range;
    rows.forEach((r, i) => {
      const v = r[k];
      if (typeof v !== 'number' || (v >= lo && v <= hi)) return;
      const { column, field } = cells.columns[k]!;
      problems.push({
        file: cells.file,
        line: cells.lines[i],
        column,
        field,
        value: cells.texts[i]![k] ?? String(v),
        expected: `a number from ${lo} to ${hi}: model column "${name}" is outcome "${name}" (${inst.name.en}), whose scale the trial's scores are on — a value outside it is another scale (a 0–100 VAS for a 0–10 NRS?) or a typo; correct the cell, or convert the column to the trial's scale`,
        kind: `target.range:${name}`,
      });
    });
  });
  return problems;
}

/**
 * Text where the trial's column holds numbers ("52 år" in every cell of `alder` against the trial's
 * ages): refused at each cell, as a number. Read as levels, the column would be refused naming
 * every trial age with its count (small counts among them) and a recode of every age.
 */
export function textForNumbers(model: readonly string[], rows: readonly (string | number)[][], cells: TargetCells, trial: Trial): Problem[] {
  const problems: Problem[] = [];
  model.forEach((name, k) => {
    const values = trial.patients.map((p) => p.attributes?.[name] ?? null).filter((v) => v !== null);
    if (!values.length || !values.every((v) => typeof v === 'number')) return;
    const { column, field } = cells.columns[k]!;
    rows.forEach((r, i) => {
      if (typeof r[k] === 'number') return;
      problems.push({ file: cells.file, line: cells.lines[i], column, field, value: cells.texts[i]![k] ?? String(r[k]), expected: `a number, as the trial's "${name}" is in ${trial.file}, or a missing-value code`, kind: `target.number:${name}` });
    });
  });
  return problems;
}

/**
 * The text model columns' levels matched to the trial's in any case (the rows rewritten in the
 * trial's spelling), and one problem per column whose levels still differ.
 */
export function matchLevels(model: readonly string[], rows: (string | number)[][], cells: TargetCells, trial: Trial, recodeGiven: boolean): Problem[] {
  const problems: Problem[] = [];
  // The trial patients the membership model uses: every model value present (inverse-odds-transport.ts).
  const trialRows = trial.patients.map((p) => model.map((c) => p.attributes?.[c] ?? null)).filter((r) => r.every((v) => v !== null)) as (string | number)[][];
  model.forEach((name, k) => {
    if ([...trialRows, ...rows].every((r) => typeof r[k] === 'number')) return;
    const spelling = new Map<string, string>();
    const trialCount = new Map<string, number>();
    for (const r of trialRows) {
      const v = String(r[k]);
      if (!spelling.has(categoryKey(v))) spelling.set(categoryKey(v), v);
      const own = spelling.get(categoryKey(v))!;
      trialCount.set(own, (trialCount.get(own) ?? 0) + 1);
    }
    const targetCount = new Map<string, number>();
    // The file's own text of each row, for the message: after the plan's recode a value may no
    // longer be the file's ("Female" for "Kvinde"), and a recode keyed by it would change nothing.
    const fileCount = new Map<string, number>();
    const fileText = (i: number, r: (string | number)[]) => (cells.texts[i]?.[k] ?? String(r[k])).trim();
    rows.forEach((r) => {
      const own = spelling.get(categoryKey(String(r[k]!)));
      if (own !== undefined) r[k] = own;
      targetCount.set(String(r[k]), (targetCount.get(String(r[k])) ?? 0) + 1);
    });
    const onlyTarget = [...targetCount.keys()].filter((l) => !trialCount.has(l)).sort();
    const onlyTrial = [...trialCount.keys()].filter((l) => !targetCount.has(l)).sort();
    if (!onlyTarget.length && !onlyTrial.length) return;
    // The file's texts whose value the trial lacks, each with the value the plan's recode gave it (if another).
    const unmatched = new Map<string, string>();
    rows.forEach((r, i) => {
      const text = fileText(i, r);
      fileCount.set(text, (fileCount.get(text) ?? 0) + 1);
      if (onlyTarget.includes(String(r[k]))) unmatched.set(text, String(r[k]));
    });
    const list = (m: Map<string, number>, unit: string) => [...m.entries()].sort((a, b) => b[1] - a[1]).map(([l, n], i) => `"${l}" (${n}${i === 0 ? ` ${unit}` : ''})`).join(', ');
    const trialLevels = [...trialCount.keys()].sort();
    const keys = [...unmatched.keys()].sort();
    const recoded = keys.filter((t) => unmatched.get(t) !== t);
    const gave = recoded.length ? ` (the plan's "recode" gives ${recoded.map((t) => `"${t}" → "${unmatched.get(t)}"`).join(', ')}, which the trial does not have)` : recodeGiven ? ' (the plan\'s "recode" does not cover these)' : '';
    const recode = onlyTarget.length
      ? ` Write the target's values in the trial's spelling in the plan: "targetSample": { "recode": { "${name}": { ${keys.map((l) => `"${l}": …`).join(', ')} } } }, each to one of ${trialLevels.map((l) => `"${l}"`).join(', ')} or null (a missing value)${gave}; or leave "${name}" out of "model".`
      : '';
    // Levels only the trial has matter once the target's own are recoded (a recode may supply them).
    const weightZero = onlyTrial.length && !onlyTarget.length ? ` No target patient has ${onlyTrial.map((l) => `"${l}"`).join(', ')}: those trial patients would get weight 0 — leave "${name}" out of "model", or restrict the trial with the criteria.` : '';
    const { column, field } = cells.columns[k]!;
    problems.push({
      file: cells.file,
      line: 1,
      column,
      field,
      expected: `the levels of the trial's "${name}" (${trial.file}: ${list(trialCount, 'patients')}), compared in any case: the target sample's column "${field}" holds ${list(fileCount, 'rows')}.${recode}${weightZero}`,
      kind: `target.levels:${name}`,
    });
  });
  return problems;
}
