/**
 * What the published uptake outputs (the text summary, `--json`, `--csv-dir`, the report page,
 * its README and results.json) say about registry rows left out as invalid: how many — as a band
 * as wide as the publication threshold ("5–9"), "suppressed" ("fewer than 5") below it, so that
 * two publications' counts never subtract to 1–4 (disclosure/excluded-count.ts) — and the kinds
 * of problem in words, each only when at least threshold rows have it. Never a cell value, a
 * line number or a count per kind: each of those describes one patient's row
 * (docs/disclosure-control.md "Excluded rows"). The row-level detail (grouped problems with lines
 * and values) goes only to stderr and to `--excluded-out`, the analyst's own file
 * (docs/output-safety.md).
 */
import type { ProblemGroup } from '../problem-groups.js';
import { excludedAgainst, excludedBand, type ExcludedRows } from './disclosure/excluded-count.js';
import { headerKey, mappedName, REGISTRY_COLUMNS, type RegistryColumn, type RegistryColumnNames } from './referral.js';

/** A kind of problem: the registry column it concerns, or `other` (e.g. a row of the wrong length). */
export type ExclusionKind = RegistryColumn | 'other';
export const EXCLUSION_KINDS: readonly ExclusionKind[] = [...REGISTRY_COLUMNS, 'other'];

/** The published form: a count (or the marker) and the kinds, in the registry's column order. */
export interface PublishedExclusion {
  rows: ExcludedRows;
  kinds: ExclusionKind[];
}

/** The row-level detail, for stderr and `--excluded-out` only. */
export interface ExclusionDetail {
  rows: number;
  problems: ProblemGroup[];
}

type Lang = 'en' | 'da';

export const EXCLUSION_KIND_WORDS: Record<ExclusionKind, Record<Lang, string>> = {
  id: { en: 'patient id missing', da: 'patient-id mangler' },
  region: { en: 'region not among the regions of the eligible file', da: 'region, der ikke findes i filen med antal berettigede' },
  clinic: { en: 'clinic code missing or invalid', da: 'klinikkode mangler eller er ugyldig' },
  referred: { en: 'referral date invalid or outside the date window', da: 'henvisningsdato ugyldig eller uden for datovinduet' },
  activated: { en: 'activation date invalid, before the referral or outside the date window', da: 'aktiveringsdato ugyldig, før henvisningen eller uden for datovinduet' },
  last_active: { en: 'last-active date invalid, before the activation, without an activation or outside the date window', da: 'dato for sidste aktivitet ugyldig, før aktiveringen, uden aktivering eller uden for datovinduet' },
  age: { en: 'age neither a whole number of years 0–120 nor an age band', da: 'alder, der hverken er et helt antal år 0–120 eller en aldersgruppe' },
  sex: { en: 'sex code not recognised', da: 'ukendt kode for køn' },
  referrer: { en: 'referrer code not recognised', da: 'ukendt kode for henviser' },
  other: { en: 'other problems of the row', da: 'andre fejl i rækken' },
};

/**
 * The column a problem group concerns, by the file's column name (the plan's `columns.registry`
 * name, else the column's own), compared as the reader compares headers.
 */
function kindOf(g: ProblemGroup, names: RegistryColumnNames): ExclusionKind {
  if (g.field === undefined) return 'other';
  const key = headerKey(g.field);
  // `columns.registry.ageBand` names the age column too (mappedName): its problems are the age's.
  return REGISTRY_COLUMNS.find((col) => headerKey(mappedName(names, col) ?? col) === key) ?? 'other';
}

/** How many rows (distinct lines) each kind of problem concerns. */
function rowsPerKind(problems: readonly ProblemGroup[], names: RegistryColumnNames): Map<ExclusionKind, number> {
  const lines = new Map<ExclusionKind, [number, number][]>();
  for (const g of problems) {
    const k = kindOf(g, names);
    lines.set(k, [...(lines.get(k) ?? []), ...g.lines]);
  }
  const out = new Map<ExclusionKind, number>();
  for (const [k, ranges] of lines) {
    // The union of the ranges (two groups of one column never share a row, but be sure).
    let n = 0, end = -Infinity;
    for (const [a, b] of [...ranges].sort((x, y) => x[0] - y[0])) {
      if (b <= end) continue;
      n += b - Math.max(a, end + 1) + 1;
      end = b;
    }
    out.set(k, n);
  }
  return out;
}

/**
 * The detail → what may be published, at the plan's publication threshold: the count's band
 * (left open where an earlier publication's form, `earlier`, would narrow it), and the kinds
 * that at least `threshold` rows have — a kind of one or two rows, new since the last
 * publication, would say what those rows were.
 */
export function publishedExclusion(detail: ExclusionDetail, names: RegistryColumnNames, threshold: number, earlier: readonly ExcludedRows[] = []): PublishedExclusion {
  const perKind = rowsPerKind(detail.problems, names);
  return {
    rows: excludedAgainst(excludedBand(detail.rows, threshold), earlier, threshold),
    kinds: EXCLUSION_KINDS.filter((k) => (perKind.get(k) ?? 0) >= Math.max(1, threshold)),
  };
}
