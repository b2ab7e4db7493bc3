/**
 * Which column plan init drafts as the arm when the export has more than one arm-like column.
 * The primary analysis is intention to treat: patients in the arm they were randomised to, never
 * the treatment they received (docs/plan-trial.md "Per-protocol and ITT"). An export beside its
 * randomisation column often carries the treatment received (`behandling`, `treatment_received`,
 * ADaM's TRT01A): the draft prefers a column named for the randomisation or allocation, then a
 * plain `arm` / `group`, then a treatment column, and a column named for the treatment received
 * last. Names are read in nameKey form (draft-plan.ts: letters and digits only, Danish letters
 * spelled out).
 */
import { looseArmKey } from '../trial/arm-spellings.js';

/** How an arm column's name says what it holds, best first for an ITT analysis. */
export type ArmColumnKind = 'randomised' | 'plain' | 'treatment' | 'received';

// ADaM's TRT01P / TRTP is the planned (randomised) arm, TRT01A / TRTA / ACTARM the actual one;
// SDTM's ARM / ARMCD is the planned arm. Castor names the group "Randomization Group (Name)",
// REDCap label exports use the question ("Randomiseret til:", "Randomised to").
const RANDOMISED =
  /^(randomi[sz]ation|randomisering|randomiserings(gruppe|grupp|arm)|randomiseret(til|arm|gruppe)?|randomiserad(till|arm|grupp)?|randomisert(til|arm|gruppe)?|randomi[sz]ed(to|arm|group)|randomi[sz]ation(arm|group|groupname)|randarm|randgroup|randgrp|randoarm|randogroup|allocation|allocation(arm|group)|allocated(to|arm|group)|allokering|allokerings(gruppe|arm)|allokeret(til|arm|gruppe)|trt01p|trtp|plannedarm)$/;
const PLAIN = /^(arm|group|gruppe|grupp|armcd|studyarm)$/;
/** Names that may hold either: the arm as randomised in most exports, the treatment given in some. */
const TREATMENT = /^(treatment|behandling|behandlingsgruppe|behandlingsgrupp|intervention|trt)$/;
/** Names that say the treatment received or actually given. */
const RECEIVED =
  /^(trt01a|trta|actarm|actarmcd|actualarm|actualtreatment|treatmentreceived|receivedtreatment|armreceived|treatmentgiven|modtagetbehandling|behandlingmodtaget|modtagetbehandlingsgruppe|faktiskbehandling)$/;

const RANK: Record<ArmColumnKind, number> = { randomised: 0, plain: 1, treatment: 2, received: 3 };

/** What a column's name (in nameKey form) says it holds as an arm, or undefined for no arm column. */
export function armColumnKind(key: string): ArmColumnKind | undefined {
  if (RANDOMISED.test(key)) return 'randomised';
  if (PLAIN.test(key)) return 'plain';
  if (TREATMENT.test(key)) return 'treatment';
  if (RECEIVED.test(key)) return 'received';
  return undefined;
}

/**
 * The arm-like columns of a header, the one to draft first: by kind (RANK), then a name read
 * as written before one read without an ODM item prefix (`I_RANDO_ARM`), then header order.
 * `keys` gives a column's name keys in that order.
 */
export function armColumnsByPreference(header: readonly string[], keys: (column: string) => readonly string[]): { column: string; kind: ArmColumnKind }[] {
  const found: { column: string; kind: ArmColumnKind; order: number[] }[] = [];
  header.forEach((column, i) => {
    const names = keys(column);
    const j = names.findIndex((k) => armColumnKind(k) !== undefined);
    if (j < 0) return;
    const kind = armColumnKind(names[j]!)!;
    // Castor's label column ("Randomization Group Name") reads better than its code column beside it.
    const castorLabel = /^randomi[sz]ationgroupname$/.test(names[j]!) ? 0 : 1;
    found.push({ column, kind, order: [RANK[kind], castorLabel, j, i] });
  });
  const before = (a: number[], b: number[]) => a.findIndex((x, k) => x !== b[k]);
  found.sort((a, b) => {
    const k = before(a.order, b.order);
    return k < 0 ? 0 : a.order[k]! - b.order[k]!;
  });
  return found.map(({ column, kind }) => ({ column, kind }));
}

/**
 * For how many patients two arm columns name different arms. The values are paired as most rows
 * pair them: the same value in both (compared as the loader compares arm values), else, for
 * columns of different codes (`1` / `App`), the value of the other column most rows give each
 * value. A patient disagrees when any row of theirs pairs otherwise; rows with either cell empty
 * are not read. `patients` counts those with both cells on some row.
 */
export function armDisagreement(records: Iterable<{ cells: readonly (string | null | undefined)[] }>, idIndex: number, drafted: number, other: number): { patients: number; disagreeing: number } {
  const pairs: { id: string; a: string; b: string }[] = [];
  for (const r of records) {
    const a = r.cells[drafted];
    const b = r.cells[other];
    if (a === null || a === undefined || b === null || b === undefined || a.trim() === '' || b.trim() === '') continue;
    pairs.push({ id: r.cells[idIndex] ?? '', a: looseArmKey(a), b: looseArmKey(b) });
  }
  const aValues = new Set(pairs.map((p) => p.a));
  const bValues = new Set(pairs.map((p) => p.b));
  const sameValues = aValues.size === bValues.size && [...aValues].every((v) => bValues.has(v));
  const counts = new Map<string, Map<string, number>>();
  for (const { a, b } of pairs) {
    const m = counts.get(a) ?? new Map<string, number>();
    m.set(b, (m.get(b) ?? 0) + 1);
    counts.set(a, m);
  }
  // Ties go to the value seen first, so the count does not depend on anything but the file.
  const partner = (a: string) => (sameValues ? a : [...counts.get(a)!].reduce((best, e) => (e[1] > best[1] ? e : best))[0]);
  const seen = new Set<string>();
  const disagreeing = new Set<string>();
  for (const { id, a, b } of pairs) {
    seen.add(id);
    if (partner(a) !== b) disagreeing.add(id);
  }
  return { patients: seen.size, disagreeing: disagreeing.size };
}

const SAYS: Record<ArmColumnKind, string> = {
  randomised: 'named for the randomisation or allocation',
  plain: 'named as the arm',
  treatment: 'named for the treatment, which may be the treatment received',
  received: 'named for the treatment received',
};
const ITT = 'the primary analysis is intention to treat, every patient in the arm they were randomised to, whatever they received (docs/plan-trial.md "Per-protocol and ITT")';

/**
 * What plan init says of the arm column it drafted and the arm-like columns beside it: each other
 * column as not the arm (and why), for how many patients the two name different arms (a check),
 * and a drafted column named for the treatment received (a check). `columns` are the others, so
 * the draft reads none of them as an outcome.
 */
export function otherArmColumnNotes(
  records: Iterable<{ cells: readonly (string | null | undefined)[] }>,
  indexOf: (column: string) => number,
  idColumn: string,
  drafted: { column: string; kind: ArmColumnKind | undefined },
  others: readonly { column: string; kind: ArmColumnKind }[],
): { guesses: string[]; checks: string[]; columns: string[] } {
  const q = (c: string) => JSON.stringify(c);
  const guesses: string[] = [];
  const checks: string[] = [];
  const kind = drafted.kind ?? 'plain';
  // Also beside other received-named columns (ADaM's TRTA and ACTARM): each is the treatment received.
  if (kind === 'received') {
    checks.push(`the arm column ${q(drafted.column)} is ${SAYS.received}: ${ITT} — if the export has the randomised arm in another column, write "columns": { "arm": <that column> }`);
  }
  const rows = [...records];
  for (const other of others) {
    const better = RANK[kind] < RANK[other.kind];
    const why = better ? `${q(drafted.column)} is ${SAYS[kind]}, ${q(other.column)} ${SAYS[other.kind]}` : `the first of the two, both ${SAYS[kind]}`;
    guesses.push(`not the arm: ${q(other.column)}, beside the arm column ${q(drafted.column)} (${why})`);
    const { patients, disagreeing } = armDisagreement(rows, indexOf(idColumn), indexOf(drafted.column), indexOf(other.column));
    if (disagreeing === 0) continue;
    const instead = better ? '' : `; if ${q(other.column)} holds the arm as randomised, write "columns": { "arm": ${q(other.column)} }`;
    checks.push(
      `${q(drafted.column)} and ${q(other.column)} name different arms for ${disagreeing} of ${patients} patients: the plan analyses them by ${q(drafted.column)} (${why}) — check that it holds the arm each patient was randomised to: ${ITT}; the treatment received belongs in a per-protocol sensitivity analysis${instead}`,
    );
  }
  return { guesses, checks, columns: others.map((o) => o.column) };
}
