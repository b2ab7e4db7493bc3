/**
 * Arms of one multi-arm trial that share one control group (docs/input-studies.md, "A multi-arm
 * trial's shared control"). Two rows of one trial whose control arms are identical to every digit
 * (n, mean and SD, or events and n, within one outcome × time × measure) are two comparisons
 * against the same patients: pooled as independent, the control group counts twice, the trial gets
 * too much weight and the CI is too narrow. Rows are of one trial when their names are one once
 * the arm's label is set aside — however RevMan users write it: `Kim 2024 (app A)`, `Kim 2024a`,
 * `Kim 2024 app`, `Kim 2024 [web]`, `Kim 2024 - web`, or one name with two subgroups — or when
 * their citations give one DOI; rows whose citations give two different DOIs are two trials,
 * whatever their names. Refused at the later row, with the Cochrane Handbook v6 §23.3.4
 * advice and the combined arm's numbers.
 */
import type { Problem } from '../errors.js';
import type { StudyRecord } from './read-studies.js';
import { studyKey } from './study-names.js';

/**
 * The trial a row's name belongs to, the arm's label set aside: `Kim 2024 (app A)`, `Kim 2024
 * [web]`, `Kim 2024 - web`, `Kim 2024a`, `Kim 2024 app` and `Kim 2024 B` → `Kim 2024` (the name up
 * to its year); without a year, a last one-letter word (`Kim A`). Only used with identical
 * control arms, which two different trials do not have to every digit.
 */
export function trialOf(study: string): string {
  const base = study.replace(/\s*(\([^()]*\)|\[[^[\]]*\])\s*$/u, '').replace(/\s+[-–—]\s+.*$/u, '') || study;
  const year = /^(.*?(?<!\d)(?:19|20)\d\d)(?!\d)/u.exec(base);
  return studyKey(year ? (year[1] as string) : base.replace(/\s+\p{L}$/u, '') || base);
}

/** The DOI a citation gives (`doi:10.4045/tidsskr.18.0001`, `https://doi.org/10.…`), lower case; null without one. */
export function doiOf(citation: string | null): string | null {
  const m = /\b10\.\d{4,9}\/[^\s"<>]+/u.exec(citation ?? '');
  return m ? m[0].replace(/[.,;)\]]+$/u, '').toLowerCase() : null;
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
  // Rows with one control arm (to every digit) in one outcome × time × measure …
  const buckets = new Map<string, StudyRecord[]>();
  for (const r of records) {
    const i = r.input;
    const control = i.kind === 'arms' ? [i.arms.nControl, i.arms.meanControl, i.arms.sdControl] : i.kind === 'events' ? [i.table.nControl, i.table.eventsControl] : null;
    if (control === null) continue;
    const key = JSON.stringify([r.outcome, r.time, r.measure, i.kind, control]);
    const list = buckets.get(key);
    if (list) list.push(r);
    else buckets.set(key, [r]);
  }
  const refused = new Set<number>();
  for (const bucket of buckets.values()) {
    // … and of one trial: one name once the arm's label is set aside, or one DOI (linked in turn).
    for (const all of trialsIn(bucket)) {
      // Copies of an earlier row are left to the duplicate check: they are not arms.
      const rows = all.filter((r, i) => !all.slice(0, i).some((e) => sameEntry(e, r)));
      if (rows.length < 2) continue;
      const first = rows[0] as StudyRecord;
      const label = (r: StudyRecord) => `${r.study}${r.subgroup === null ? '' : ` (subgroup ${r.subgroup})`} (line ${r.line})`;
      const doi = doiOf(first.citation);
      const byDoi = doi !== null && rows.every((r) => doiOf(r.citation) === doi) && new Set(rows.map((r) => trialOf(r.study))).size > 1;
      for (const r of rows.slice(1)) {
        refused.add(r.line);
        problems.push({
          file,
          line: r.line,
          column: studyColumn,
          field: 'study',
          value: r.study,
          kind: 'meta.shared-control',
          expected: `one row per comparison with its own control group: ${rows.map(label).join(' and ')}${byDoi ? ` (one trial: each cites doi:${doi})` : ''} have the same control arm (${controlText(first)}), so pooled as separate rows its patients would count twice`,
          hint: combineHint(rows),
        });
      }
    }
  }
  return refused;
}

/**
 * The rows of a bucket grouped into trials: two rows are of one trial when doiOf agrees, or when
 * trialOf agrees and their trials cite no two different DOIs — transitively; in order of first
 * row. Two DOIs are two papers of two trials (`Smith 2019a`, `Smith 2019b`: RevMan's names for
 * two trials of one first author in one year), whose control arms may well agree to the digit in
 * small trials (6/25): never one trial. The DOI links first, so a row without one cannot join two
 * DOIs' trials by its name.
 */
function trialsIn(rows: readonly StudyRecord[]): StudyRecord[][] {
  const group = rows.map((_, i) => i);
  const root = (i: number): number => (group[i] === i ? i : (group[i] = root(group[i] as number)));
  // The DOI each group cites (null: none yet), kept at its root.
  const dois = rows.map((r) => doiOf(r.citation));
  const join = (i: number, j: number): void => {
    const [a, b] = [root(i), root(j)];
    if (a === b) return;
    group[a] = b;
    dois[b] ??= dois[a] ?? null;
  };
  for (let i = 0; i < rows.length; i++) {
    for (let j = 0; j < i; j++) if (dois[i] !== null && dois[i] === doiOf(rows[j]!.citation)) join(i, j);
  }
  for (let i = 0; i < rows.length; i++) {
    for (let j = 0; j < i; j++) {
      const [da, db] = [dois[root(i)], dois[root(j)]];
      if (trialOf(rows[i]!.study) === trialOf(rows[j]!.study) && (da === null || db === null || da === db)) join(i, j);
    }
  }
  const trials = new Map<number, StudyRecord[]>();
  rows.forEach((r, i) => trials.set(root(i), [...(trials.get(root(i)) ?? []), r]));
  return [...trials.values()];
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
