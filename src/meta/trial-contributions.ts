/**
 * One trial, one estimate in a pool across trials (docs/input-studies.md, "A trial given whole and
 * by subgroup"). A trial may be listed whole and by subgroup (Sandal 2021 overall, and its women
 * and men); pooled row by row it would count two or three times, with that much too much weight
 * and a CI too narrow. So each trial contributes once: its whole-trial row when it has one, else its
 * subgroup rows combined by the fixed-effect (inverse-variance) model — the combination the meta
 * report already uses for subgroups of one trial — else its one row. Subgroup rows stay in their
 * subgroups' own pools.
 */
import type { StudyRecord } from './read-studies.js';

export interface Contribution<E> {
  study: string;
  /** The rows behind the estimate: one row, or the subgroup rows combined. */
  members: E[];
  /** Each member's share of the contribution's weight (1 for one row; w_i / Σw when combined). */
  shares: number[];
  yi: number;
  vi: number;
  how: 'row' | 'whole' | 'combined';
}

interface Poolable {
  record: StudyRecord;
  effect: { yi: number; vi: number | null };
}

/** One row as its own contribution. */
export function rowContribution<E extends Poolable>(e: E): Contribution<E> {
  return { study: e.record.study, members: [e], shares: [1], yi: e.effect.yi, vi: e.effect.vi as number, how: 'row' };
}

/** Contributions in order of each trial's first row, and a note per trial whose rows were not all used as they stand. */
export function trialContributions<E extends Poolable>(entries: readonly E[], where: string): { contributions: Contribution<E>[]; notes: string[] } {
  const byTrial = new Map<string, E[]>();
  for (const e of entries) {
    const list = byTrial.get(e.record.study);
    if (list) list.push(e);
    else byTrial.set(e.record.study, [e]);
  }
  const contributions: Contribution<E>[] = [];
  const notes: string[] = [];
  const lines = (rows: readonly E[]) => rows.map((e) => e.record.line).join(', ');
  const names = (rows: readonly E[]) => rows.map((e) => e.record.subgroup).join(', ');
  for (const [study, rows] of byTrial) {
    if (rows.length === 1) {
      const only = rows[0] as E;
      contributions.push(rowContribution(only));
      // One subgroup's result (women only) beside whole trials reads as a whole trial in the pool
      // across trials unless said (docs/input-studies.md, "A trial given only for one subgroup").
      const wholeTrials = [...new Set(entries.filter((e) => e.record.study !== study && e.record.subgroup === null).map((e) => e.record.study))];
      if (only.record.subgroup !== null && wholeTrials.length > 0) {
        notes.push(
          `${where}: ${study} is given only for one subgroup (${only.record.subgroup}: line ${only.record.line}), beside whole trials (${wholeTrials.join(', ')}); ` +
            "the pool across trials takes that subgroup's result for the whole trial: if the paper reports the whole trial, add that row, or leave this row out of the file if a subgroup does not answer the question",
        );
      }
      continue;
    }
    const whole = rows.find((e) => e.record.subgroup === null);
    const parts = rows.filter((e) => e.record.subgroup !== null);
    if (whole !== undefined) {
      contributions.push({ study, members: [whole], shares: [1], yi: whole.effect.yi, vi: whole.effect.vi as number, how: 'whole' });
      notes.push(
        `${where}: ${study} is given whole (line ${whole.record.line}) and by subgroup (${names(parts)}: ${parts.length === 1 ? 'line' : 'lines'} ${lines(parts)}); ` +
          'the pool across trials uses its whole-trial row, so the trial counts once; its subgroup rows are used only within their subgroups',
      );
      continue;
    }
    const w = parts.map((e) => 1 / (e.effect.vi as number));
    const sw = w.reduce((a, x) => a + x, 0);
    const yi = parts.reduce((a, e, i) => a + (w[i] as number) * e.effect.yi, 0) / sw;
    contributions.push({ study, members: parts, shares: w.map((x) => x / sw), yi, vi: 1 / sw, how: 'combined' });
    // A secondary paper's subgroups under its own name beside the trial's overall row (Rasmussen
    // 2024's selfBACK subgroups beside Sandal 2021) would count the trial twice, unseen.
    const wholeTrials = [...new Set(entries.filter((e) => e.record.study !== study && e.record.subgroup === null).map((e) => e.record.study))];
    notes.push(
      `${where}: ${study} is given only by subgroup (${names(parts)}: ${parts.length === 1 ? 'line' : 'lines'} ${lines(parts)}); ` +
        'the pool across trials uses their fixed-effect (inverse-variance) combination, so the trial counts once' +
        (wholeTrials.length === 0
          ? ''
          : `; if it is a secondary analysis of a trial given whole here (${wholeTrials.join(', ')}), name its rows after that trial (study = the trial's name, citation = the secondary paper), or the trial counts twice`),
    );
  }
  return { contributions, notes };
}
