/**
 * Earlier publications' names (of regions, of clinics) written as they are spelled now, so that a
 * category's counts then are compared with its counts now instead of reading as a category gone
 * (docs/disclosure-control.md "A clinic, level or region gone"). What counts as the same name is
 * the caller's (region-spellings.ts `foldRegionSpellings`, previous-publication.ts
 * `foldClinicSpellings`); the rule both keep is here: an earlier spelling is rewritten only where
 * it is the one spelling of its date that names that category now — two of one date are two
 * categories then (a merge), and their counts stay as they are.
 */
import type { PreviousCount, PreviousPublication } from './previous-publication.js';

/** How one kind of name is read now. */
export interface Spelling {
  /** The name as `c` writes it; undefined when `c` names none of this kind. */
  name(c: PreviousCount): string | undefined;
  /** The name now that `c`'s name is another spelling of; undefined when it names none, or is spelled so now. */
  now(c: PreviousCount): string | undefined;
  /** The category now of `c`'s name (the spellings of one date that would fold together share it). */
  group(c: PreviousCount): string;
  /** `c` with its name written `now`. */
  renamed(c: PreviousCount, now: string): PreviousCount;
}

/** An earlier spelling rewritten: the first count seen with it, and the dates it was printed as of (sorted). */
export interface Respelled {
  first: PreviousCount;
  earlier: string;
  now: string;
  asOf: string[];
}

/** `previous` with its counts, printed and hidden, respelled by `spelling`; and the spellings rewritten, in order of first sight. */
export function respellCounts(previous: PreviousPublication, spelling: Spelling): { previous: PreviousPublication; respelled: Respelled[] } {
  // The spellings of each category now and date: more than one is not folded.
  const spellings = new Map<string, Set<string>>();
  for (const c of [...previous.counts, ...(previous.hidden ?? [])]) {
    const name = spelling.name(c);
    if (name === undefined) continue;
    const k = `${spelling.group(c)}|${c.asOf}`;
    spellings.set(k, (spellings.get(k) ?? new Set()).add(name));
  }
  const respelled = new Map<string, Respelled>();
  const respell = (c: PreviousCount): PreviousCount => {
    const now = spelling.now(c);
    if (now === undefined || spellings.get(`${spelling.group(c)}|${c.asOf}`)!.size > 1) return c;
    const earlier = spelling.name(c)!;
    const key = `${spelling.group(c)}|${earlier}`;
    const r = respelled.get(key) ?? { first: c, earlier, now, asOf: [] };
    if (!r.asOf.includes(c.asOf)) r.asOf.push(c.asOf);
    respelled.set(key, r);
    return spelling.renamed(c, now);
  };
  const counts = previous.counts.map(respell);
  const hidden = (previous.hidden ?? []).map(respell);
  return { previous: { ...previous, counts, hidden }, respelled: [...respelled.values()].map((r) => ({ ...r, asOf: r.asOf.sort() })) };
}
