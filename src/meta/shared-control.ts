/**
 * Arms of one multi-arm trial that share one control group (docs/input-studies.md, "A multi-arm
 * trial's shared control"). Two rows of one trial (the same name, or the name with a `(…)`
 * suffix: `Kim 2024 (app A)`, `Kim 2024 (app B)`, or one name with two subgroups) whose control
 * arms are identical are two comparisons against the same patients: pooled as independent, the
 * control group counts twice, the trial gets too much weight and the CI is too narrow. Refused at
 * the later row, with the Cochrane Handbook v6 §23.3.4 advice and the combined arm's numbers.
 */
import type { Problem } from '../errors.js';
import type { StudyRecord } from './read-studies.js';
import { studyKey } from './study-names.js';

/** The trial a row's name belongs to: `Kim 2024 (app A)` → `Kim 2024`. */
export function trialOf(study: string): string {
  return studyKey(study.replace(/\s*\([^()]*\)\s*$/, '') || study);
}

export interface CombinedArm {
  n: number;
  mean: number;
  sd: number;
}

/**
 * Arms combined into one (Cochrane Handbook v6, Table 6.5.a): N = Σn, M = Σn·m / N,
 * SD = √((Σ(n − 1)·s² + Σn·(m − M)²) / (N − 1)) — for two arms the Handbook's
 * ((n1−1)s1² + (n2−1)s2² + n1·n2/(n1+n2)·(m1−m2)²) / (n1+n2−1).
 */
export function combineArms(arms: readonly CombinedArm[]): CombinedArm {
  const n = arms.reduce((a, x) => a + x.n, 0);
  const mean = arms.reduce((a, x) => a + x.n * x.mean, 0) / n;
  const ss = arms.reduce((a, x) => a + (x.n - 1) * x.sd ** 2 + x.n * (x.mean - mean) ** 2, 0);
  return { n, mean, sd: Math.sqrt(ss / (n - 1)) };
}

const shown = (x: number, digits: number): string => String(Math.round(x * 10 ** digits) / 10 ** digits);

/**
 * A row entered twice: the same study (as studyKey reads it), subgroup and numbers. Not a second
 * arm but a copy, which the "one row per study" check refuses with "keep one row"
 * (docs/input-studies.md, "One trial, one name"); combining it as an arm would double the arm.
 */
export function sameEntry(a: StudyRecord, b: StudyRecord): boolean {
  return studyKey(a.study) === studyKey(b.study) && a.subgroup === b.subgroup && JSON.stringify(a.input) === JSON.stringify(b.input);
}

/** Refuses each later row sharing a control arm with an earlier row of its trial; returns the lines refused. */
export function checkSharedControl(file: string, records: readonly StudyRecord[], studyColumn: number, problems: Problem[]): Set<number> {
  const groups = new Map<string, StudyRecord[]>();
  for (const r of records) {
    const i = r.input;
    const control = i.kind === 'arms' ? [i.arms.nControl, i.arms.meanControl, i.arms.sdControl] : i.kind === 'events' ? [i.table.nControl, i.table.eventsControl] : null;
    if (control === null) continue;
    const key = JSON.stringify([trialOf(r.study), r.outcome, r.time, r.measure, i.kind, control]);
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const refused = new Set<number>();
  for (const all of groups.values()) {
    // Copies of an earlier row are left to the duplicate check: they are not arms.
    const rows = all.filter((r, i) => !all.slice(0, i).some((e) => sameEntry(e, r)));
    if (rows.length < 2) continue;
    const first = rows[0] as StudyRecord;
    const label = (r: StudyRecord) => `${r.study}${r.subgroup === null ? '' : ` (subgroup ${r.subgroup})`} (line ${r.line})`;
    for (const r of rows.slice(1)) {
      refused.add(r.line);
      problems.push({
        file,
        line: r.line,
        column: studyColumn,
        field: 'study',
        value: r.study,
        kind: 'meta.shared-control',
        expected: `one row per comparison with its own control group: ${rows.map(label).join(' and ')} have the same control arm (${controlText(first)}), so pooled as separate rows its patients would count twice`,
        hint: combineHint(rows),
      });
    }
  }
  return refused;
}

function controlText(r: StudyRecord): string {
  const i = r.input;
  if (i.kind === 'arms') return `n_control ${i.arms.nControl}, mean_control ${i.arms.meanControl}, sd_control ${i.arms.sdControl}`;
  if (i.kind === 'events') return `events_control ${i.table.eventsControl}, n_control ${i.table.nControl}`;
  return '';
}

function combineHint(rows: readonly StudyRecord[]): string {
  const advice = 'combine the intervention arms into one row against the shared control (Cochrane Handbook v6, §23.3.4; not the subgroup column, which would still count the control twice)';
  const other = 'or, if only one arm answers the question, keep that row alone';
  if (rows[0]?.input.kind === 'events') {
    const e = rows.reduce((a, r) => a + (r.input.kind === 'events' ? r.input.table.eventsIntervention : 0), 0);
    const n = rows.reduce((a, r) => a + (r.input.kind === 'events' ? r.input.table.nIntervention : 0), 0);
    return `${advice}: events_intervention ${e} and n_intervention ${n} (the arms' sums); ${other}`;
  }
  const arms = rows.flatMap((r) => (r.input.kind === 'arms' ? [{ n: r.input.arms.nIntervention, mean: r.input.arms.meanIntervention, sd: r.input.arms.sdIntervention }] : []));
  const c = combineArms(arms);
  return (
    `${advice}: n_intervention ${c.n}, mean_intervention ${shown(c.mean, 4)}, sd_intervention ${shown(c.sd, 4)} ` +
    '(N = n1 + n2, mean = (n1·m1 + n2·m2) / N, SD = √(((n1 − 1)·s1² + (n2 − 1)·s2² + n1·n2 / N · (m1 − m2)²) / (N − 1))); ' +
    other
  );
}
