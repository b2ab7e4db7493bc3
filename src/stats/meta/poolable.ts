/**
 * Splits study rows into those that can be pooled (finite effect and finite variance > 0)
 * and those that are shown but not pooled (an estimate without a usable interval), with one
 * warning per excluded study: "Study X: no interval reported; shown but not pooled".
 * Rows without an estimate at all are not poolable either ("no estimate reported").
 * The order of rows is kept in both lists.
 */
import type { StudyEffect } from './study-effect.js';

export interface StudyRow {
  label: string;
  yi: number | null;
  vi: number | null;
}

export interface PoolableSplit {
  poolable: StudyEffect[];
  notPooled: StudyRow[];
  warnings: string[];
}

/** A study is pooled when it has a finite estimate and a finite, positive variance. */
export function isPoolable(yi: number | null, vi: number | null): boolean {
  return yi !== null && Number.isFinite(yi) && vi !== null && Number.isFinite(vi) && vi > 0;
}

export function splitPoolable(rows: readonly StudyRow[]): PoolableSplit {
  const poolable: StudyEffect[] = [];
  const notPooled: StudyRow[] = [];
  const warnings: string[] = [];
  for (const r of rows) {
    const hasEstimate = r.yi !== null && Number.isFinite(r.yi);
    if (isPoolable(r.yi, r.vi)) {
      poolable.push({ label: r.label, yi: r.yi as number, vi: r.vi as number });
    } else {
      notPooled.push(r);
      warnings.push(
        hasEstimate ? `Study ${r.label}: no interval reported; shown but not pooled` : `Study ${r.label}: no estimate reported; shown but not pooled`,
      );
    }
  }
  return { poolable, notPooled, warnings };
}
