/**
 * What `hta validate` says of an observational plan's categorical confounders (docs/observational.md,
 * "Checking the confounders"): each one's levels with their patients, and a note when two levels
 * look like one thing written two ways — differing only in punctuation, spacing or accents
 * (`LVU`, `L.V.U.`), or one an abbreviation of the other (`K` beside `Kvinde`, `M` beside `Mand`:
 * appended cuts of an export coded differently). Left alone, each would be its own level of the
 * propensity model and the balance table. Values written in two cases are one level already
 * (src/trial/category-values.ts). A count of 1 … threshold − 1 reads "suppressed", as everywhere
 * in an observational run (docs/observational.md, "Small counts"), and so do the levels hidden so
 * that it cannot be derived from the total (`hiddenLevels`).
 *
 * A rare level — held by fewer patients than the threshold — is not named: the levels of such a
 * confounder share one entry, "N other levels (each with fewer than T patients)", as the report
 * pools them into one unnamed balance row (rare-levels.ts). validate's output is read by the data
 * owner but pasted into tickets and e-mails, and a rare level's value (an index date held by 2
 * patients, a municipality code) tells that so few patients have it, whoever reads the ticket.
 * What the data owner needs to act on is how many levels are rare (a date or id typed
 * categorical shows as hundreds of them) and, for a level written two ways, the common level it
 * resembles; the values themselves are in the export they hold.
 */
import { SUPPRESSED } from '../suppressed-marker.js';
import { formatThousands } from '../report/i18n.js';
import type { TrialData } from '../trial/trial-data.js';
import type { PrintedRecode, RecodeCount } from '../trial/value-codes.js';

/** Levels listed per confounder; the rest are counted. */
const LISTED = 12;

export interface ConfounderLevels {
  name: string;
  /** The named levels, then (`value` "", `pooled` their number) the rare ones together. */
  levels: { value: string; patients: number | typeof SUPPRESSED; pooled?: number }[];
  /** Pairs of levels that look like one thing coded two ways; a rare level as null (not named). */
  lookalikes: [string | null, string | null][];
}

/** Lower case, no accents, letters and digits only: `L.V.U.` and `lvu` are one key. */
function looseKey(v: string): string {
  return v.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** `K` beside `Kvinde`: a short code (up to 3 characters, letters) that begins a longer word. */
function abbreviates(short: string, long: string): boolean {
  const [s, l] = [looseKey(short), looseKey(long)];
  return s.length >= 1 && s.length <= 3 && /^\p{L}+$/u.test(s) && l.length > s.length + 1 && l.startsWith(s);
}

/**
 * Levels beyond which the pairs are not looked for: a confounder with hundreds of levels is a date
 * or an id typed categorical, a problem of its own, and comparing every pair would take minutes.
 */
const LOOKALIKE_LEVELS = 200;

function lookalikes(values: readonly string[]): [string, string][] {
  if (values.length > LOOKALIKE_LEVELS) return [];
  const pairs: [string, string][] = [];
  const keys = values.map(looseKey);
  values.forEach((a, i) =>
    values.slice(i + 1).forEach((b, j) => {
      if (keys[i] === keys[i + 1 + j] || abbreviates(a, b) || abbreviates(b, a)) pairs.push(a.length <= b.length ? [a, b] : [b, a]);
    }),
  );
  return pairs;
}

export function confounderLevels(trial: TrialData): ConfounderLevels[] {
  const obs = trial.plan.observational;
  if (trial.plan.design !== 'observational' || !obs) return [];
  const threshold = obs.suppressionThreshold;
  return obs.confounders
    .filter((c) => c.type === 'categorical')
    .map((c) => {
      const counts = new Map<string, number>();
      for (const p of trial.patients) {
        const v = p.covariates[c.name];
        if (v !== null && v !== undefined) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
      }
      const values = [...counts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      // The rare levels as one, under the empty level no export cell can be (an empty cell is missing).
      const rare = new Set(values.filter((v) => counts.get(v)! < threshold));
      const named = values.filter((v) => !rare.has(v));
      const shown = new Map(named.map((v) => [v, counts.get(v)!]));
      const pooled = [...rare].reduce((sum, v) => sum + counts.get(v)!, 0);
      if (rare.size > 0) shown.set(OTHER_LEVELS, pooled);
      const hidden = hiddenLevels(shown, threshold);
      const entry = (value: string) => ({ value, patients: hidden.has(value) ? SUPPRESSED : shown.get(value)! });
      return {
        name: c.name,
        levels: [...named.map(entry), ...(rare.size > 0 ? [{ ...entry(OTHER_LEVELS), pooled: rare.size }] : [])],
        lookalikes: lookalikes(values).map(([a, b]) => [rare.has(a) ? null : a, rare.has(b) ? null : b]),
      };
    });
}

/**
 * The levels whose counts are not printed: each of 1 … threshold − 1 patients, and — since the
 * summary prints the patients in all, so the hidden counts' sum follows by subtraction (with the
 * patients missing the confounder, which a reader may know) — the smallest other levels too, until
 * the hidden levels hold at least `threshold` patients: their sum then pins none of them below it.
 */
export function hiddenLevels(counts: ReadonlyMap<string, number>, threshold: number): Set<string> {
  const small = [...counts].filter(([, k]) => k > 0 && k < threshold);
  const hidden = new Set(small.map(([v]) => v));
  if (hidden.size === 0) return hidden;
  let sum = small.reduce((a, [, k]) => a + k, 0);
  const others = [...counts].filter(([v]) => !hidden.has(v)).sort(([a, x], [b, y]) => x - y || (a < b ? -1 : a > b ? 1 : 0));
  for (const [v, k] of others) {
    if (sum >= threshold) break;
    hidden.add(v);
    sum += k;
  }
  return hidden;
}

/** The level the rare levels share (as the report's balance row `name=`). */
const OTHER_LEVELS = '';

/** The validate summary's lines: one per confounder, its levels with their patients, the rare ones together and unnamed. */
export function confounderLevelLines(all: readonly Omit<ConfounderLevels, 'lookalikes'>[], threshold: number, lang: 'en' | 'da' = 'en'): string[] {
  const n = (x: number) => formatThousands(x, 0, lang);
  return all.map((c) => {
    const count = (l: ConfounderLevels['levels'][number]) => (l.patients === SUPPRESSED ? (lang === 'da' ? 'diskretioneret' : 'suppressed') : n(l.patients));
    const named = c.levels.filter((l) => l.pooled === undefined);
    const other = c.levels.find((l) => l.pooled !== undefined);
    const shown = named.slice(0, LISTED).map((l) => `"${l.value}" ${count(l)}`);
    const more = named.length - shown.length;
    const total = named.length + (other?.pooled ?? 0);
    if (lang === 'da') {
      const rest = other ? `${other.pooled === 1 ? '1 andet niveau' : `${n(other.pooled!)} andre niveauer`} (hvert med færre end ${threshold} patienter; ikke navngivet) ${count(other)}` : '';
      return `${c.name}: ${n(total)} ${total === 1 ? 'niveau' : 'niveauer'}: ${[...shown, ...(more > 0 ? [`og ${n(more)} flere`] : []), ...(rest ? [rest] : [])].join(', ')}`;
    }
    const rest = other ? `${other.pooled === 1 ? '1 other level' : `${n(other.pooled!)} other levels`} (each with fewer than ${threshold} patients; not named) ${count(other)}` : '';
    return `${c.name}: ${n(total)} level${total === 1 ? '' : 's'}: ${[...shown, ...(more > 0 ? [`and ${n(more)} more`] : []), ...(rest ? [rest] : [])].join(', ')}`;
  });
}

/** The notes for levels that look like one thing coded two ways, with the plan's way to make them one. */
export function lookalikeNotes(file: string, all: readonly ConfounderLevels[], columnOf: (name: string) => string): string[] {
  return all.flatMap((c) => {
    if (!c.lookalikes.length) return [];
    // A rare level is not named here either: the common level it resembles is, which is what to look for in the export.
    const name = (v: string | null) => (v === null ? 'a level with fewer patients than the suppression threshold (not named)' : `"${v}"`);
    const pairs = c.lookalikes.map(([a, b]) => `${name(a)} beside ${name(b)}`).join(', ');
    return [
      `${file}: confounder "${c.name}" has levels that look like one thing written two ways: ${pairs} (appended cuts of an export coded differently?) — each is its own level of the propensity model; if they are one, make them one with "columnCodes": { "${columnOf(c.name)}": { "answers": { … } } } (a code for every level of the column, the same for both; "levelLabels" then keyed by the codes) or in the export`,
    ];
  });
}

/**
 * The cells an observational run's codes recoded, as validate prints them: per column, each small
 * count and those hidden with it read "suppressed" (`hiddenLevels`) — and then every count of that
 * column, since a code's cells are mostly one level's patients, which the level list beside them
 * prints: `"K" → 0 × 477` beside the level `"0" 480` gave `"Kvinde" → 0` back as 3 (480 − 477).
 * With `printed` (the level counts printed beside them, per column and level: validate's
 * `printedLevelCounts`), a level's codes are hidden too when the level's count less its printed
 * codes leaves 1 … threshold − 1 cells (codes hidden, or the level written as itself): `"K" → 0 ×
 * 477` beside `"0" 480` says that 3 patients' cells were written "0". Not covered: a missing-value
 * code's count, which with no empty cell is the patients without a value, validate's patients less
 * its observed counts (docs/observational.md, "Small counts", rule 13).
 */
export function maskedRecodes(recoded: readonly RecodeCount[], threshold: number, printed?: ReadonlyMap<string, ReadonlyMap<string, number>>): PrintedRecode[] {
  const byColumn = new Map<string, Map<string, number>>();
  recoded.forEach((r, i) => (byColumn.get(r.column) ?? byColumn.set(r.column, new Map()).get(r.column)!).set(String(i), r.count));
  const hidden = new Set<number>();
  for (const [column, counts] of byColumn) {
    const own = [...counts.keys()].map(Number);
    // A small count hides its column's counts, all of them (see above).
    if (hiddenLevels(counts, threshold).size > 0) {
      for (const i of own) hidden.add(i);
      continue;
    }
    // Against the level counts printed beside them: the cells of a level no printed code accounts for.
    const levels = printed?.get(column);
    if (levels === undefined) continue;
    for (const [level, total] of levels) {
      const codes = own.filter((i) => recoded[i]!.to !== null && !recoded[i]!.notApplicable && String(recoded[i]!.to) === level);
      const rest = total - codes.reduce((sum, i) => sum + recoded[i]!.count, 0);
      if (codes.length > 0 && rest > 0 && rest < threshold) for (const i of own) hidden.add(i);
    }
  }
  return recoded.map((r, i) => (hidden.has(i) ? { ...r, count: SUPPRESSED } : r));
}

/**
 * The level counts validate prints beside the recodes, per recoded column (the export's column of
 * the confounder, as the recodes name it: `columnOf`) and level; a level printed "suppressed" or
 * unnamed is no printed count.
 */
export function printedLevelCounts(levels: readonly ConfounderLevels[], columnOf: (name: string) => string): Map<string, Map<string, number>> {
  return new Map(levels.map((c) => [columnOf(c.name), new Map(c.levels.flatMap((l) => (l.pooled === undefined && l.patients !== SUPPRESSED ? [[l.value, l.patients] as const] : [])))]));
}
