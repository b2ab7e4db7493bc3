/**
 * An outcome whose every filled cell the plan's missing-value codes turned into "missing": no
 * value at any visit, baseline included. A plan that lists a scale's answers as codes (plan init
 * once drafted all 25 Swedish EQ-5D answers so) would be called valid with "0/0" at every
 * visit; it is refused instead, naming the codes (docs/plan-trial.md#all-coded-missing). Only
 * word codes that are no "don't know" count (`Jeg har litt smerter`, not `999`, `-9`, `#NULL!`,
 * `Ikke utfylt`): SPSS writes its user-missing code in every cell of a variable that was not
 * collected, and such a column is simply empty, as one with no cells is (adverse events kept
 * elsewhere) — validate notes it (empty-outcomes.ts). Pure.
 */
import { HtaError, type Problem } from '../errors.js';
import { isWordLabel } from '../plan/answer-words.js';
import type { TrialData } from './trial-data.js';

/**
 * Per outcome with no value at all and cells coded missing by a word that may be an answer: the
 * columns holding codes and the codes, most cells first.
 */
export function allCodedMissing(trial: Pick<TrialData, 'rows' | 'sources' | 'recoded'>): { key: string; columns: string[]; codes: { code: string; count: number }[] }[] {
  const out: { key: string; columns: string[]; codes: { code: string; count: number }[] }[] = [];
  for (const s of trial.sources) {
    const col = trial.rows.scores[s.key];
    if (!col || col.some((v) => !Number.isNaN(v))) continue;
    const columns = new Set(s.columns);
    const byCode = new Map<string, number>();
    const coded = new Set<string>();
    for (const r of trial.recoded) {
      if (r.to !== null || r.notApplicable || !columns.has(r.column)) continue;
      byCode.set(r.code, (byCode.get(r.code) ?? 0) + r.count);
      coded.add(r.column);
    }
    // Numbers, system codes and "don't know" words only: a column not collected, a note.
    if (![...byCode.keys()].some(isWordLabel)) continue;
    const codes = [...byCode].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1));
    out.push({ key: s.key, columns: s.columns.filter((c) => coded.has(c)), codes });
  }
  return out;
}

/** Refuses the trial when an outcome's every cell was coded missing (see above); the problem names the outcome, its columns and codes. */
export function checkAllCodedMissing(file: string, trial: Pick<TrialData, 'rows' | 'sources' | 'recoded'>): void {
  const found = allCodedMissing(trial);
  if (!found.length) return;
  const shown = (codes: { code: string; count: number }[]) => `${codes.slice(0, 5).map((c) => `${JSON.stringify(c.code)} (${c.count} cell${c.count === 1 ? '' : 's'})`).join(', ')}${codes.length > 5 ? `, and ${codes.length - 5} more` : ''}`;
  const problems: Problem[] = found.map((f) => ({
    file,
    field: f.columns.join(', '),
    expected: `values of outcome "${f.key}": the plan's missing-value codes in ${f.columns.length > 1 ? 'these columns' : 'this column'} (${shown(f.codes)}) leave it no value at any visit — if these words are the scale's answers written as labels, take them out of "missingCodes" and give each its number in the outcome's "answers"`,
  }));
  throw new HtaError('input.invalid', `${file}: ${found.map((f) => `outcome "${f.key}"`).join(', ')} ${found.length > 1 ? 'have' : 'has'} no value at any visit: the plan's word missing-value codes left none`, problems);
}
