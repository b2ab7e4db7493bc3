/**
 * What `hta validate` says of an observational plan's categorical confounders (docs/observational.md,
 * "Checking the confounders"): each one's levels with their patients, and a note when two levels
 * look like one thing written two ways — differing only in punctuation, spacing or accents
 * (`LVU`, `L.V.U.`), or one an abbreviation of the other (`K` beside `Kvinde`, `M` beside `Mand`:
 * appended cuts of an export coded differently). Left alone, each would be its own level of the
 * propensity model and the balance table. Values written in two cases are one level already
 * (src/trial/category-values.ts). A count of 1 … threshold − 1 reads "suppressed" (text: "fewer
 * than 5"), as everywhere in an observational run (docs/observational.md, "Small counts").
 */
import { SUPPRESSED } from '../suppressed-marker.js';
import type { TrialData } from '../trial/trial-data.js';

/** Levels listed per confounder; the rest are counted. */
const LISTED = 12;

export interface ConfounderLevels {
  name: string;
  levels: { value: string; patients: number | typeof SUPPRESSED }[];
  /** Pairs of levels that look like one thing coded two ways. */
  lookalikes: [string, string][];
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

function lookalikes(values: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  values.forEach((a, i) =>
    values.slice(i + 1).forEach((b) => {
      if (looseKey(a) === looseKey(b) || abbreviates(a, b) || abbreviates(b, a)) pairs.push(a.length <= b.length ? [a, b] : [b, a]);
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
      return {
        name: c.name,
        levels: values.map((value) => {
          const k = counts.get(value)!;
          return { value, patients: k > 0 && k < threshold ? SUPPRESSED : k };
        }),
        lookalikes: lookalikes(values),
      };
    });
}

/** The validate summary's lines: one per confounder, its levels with their patients. */
export function confounderLevelLines(all: readonly Omit<ConfounderLevels, 'lookalikes'>[], threshold: number): string[] {
  return all.map((c) => {
    const shown = c.levels.slice(0, LISTED).map((l) => `"${l.value}" ${l.patients === SUPPRESSED ? `fewer than ${threshold}` : l.patients}`);
    const more = c.levels.length - shown.length;
    return `${c.name}: ${c.levels.length} level${c.levels.length === 1 ? '' : 's'}: ${shown.join(', ')}${more > 0 ? `, and ${more} more` : ''}`;
  });
}

/** The notes for levels that look like one thing coded two ways, with the plan's way to make them one. */
export function lookalikeNotes(file: string, all: readonly ConfounderLevels[], columnOf: (name: string) => string): string[] {
  return all.flatMap((c) => {
    if (!c.lookalikes.length) return [];
    const pairs = c.lookalikes.map(([a, b]) => `"${a}" beside "${b}"`).join(', ');
    return [
      `${file}: confounder "${c.name}" has levels that look like one thing written two ways: ${pairs} (appended cuts of an export coded differently?) — each is its own level of the propensity model; if they are one, make them one with "columnCodes": { "${columnOf(c.name)}": { "answers": { … } } } (the same code for both) or in the export`,
    ];
  });
}
