/**
 * What the published uptake outputs (the text summary, `--json`, `--csv-dir`, the report page,
 * its README and results.json) say about registry rows left out as invalid: how many — only when
 * at least the publication threshold, else "suppressed" ("some rows") — and the kinds of problem
 * in words. Never a cell value, a line number or a count per kind: each of those describes one
 * patient's row (docs/disclosure-control.md "Excluded rows"). The row-level detail (grouped
 * problems with lines and values) goes only to stderr and to `--excluded-out`, the analyst's own
 * file (docs/output-safety.md).
 */
import type { ProblemGroup } from '../problem-groups.js';
import { SUPPRESSED, type Masked } from '../suppressed-marker.js';
import { headerKey, REGISTRY_COLUMNS, type RegistryColumn } from './referral.js';

/** A kind of problem: the registry column it concerns, or `other` (e.g. a row of the wrong length). */
export type ExclusionKind = RegistryColumn | 'other';
export const EXCLUSION_KINDS: readonly ExclusionKind[] = [...REGISTRY_COLUMNS, 'other'];

/** The published form: a count (or the marker) and the kinds, in the registry's column order. */
export interface PublishedExclusion {
  rows: Masked;
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
  age: { en: 'age not a whole number of years 0–120', da: 'alder, der ikke er et helt antal år 0–120' },
  sex: { en: 'sex code not recognised', da: 'ukendt kode for køn' },
  referrer: { en: 'referrer code not recognised', da: 'ukendt kode for henviser' },
  other: { en: 'other problems of the row', da: 'andre fejl i rækken' },
};

/**
 * The column a problem group concerns, by the file's column name (the plan's `columns.registry`
 * name, else the column's own), compared as the reader compares headers.
 */
function kindOf(g: ProblemGroup, names: Partial<Record<RegistryColumn, string>>): ExclusionKind {
  if (g.field === undefined) return 'other';
  const key = headerKey(g.field);
  return REGISTRY_COLUMNS.find((col) => headerKey(names[col] ?? col) === key) ?? 'other';
}

/** The detail → what may be published, at the plan's publication threshold. */
export function publishedExclusion(detail: ExclusionDetail, names: Partial<Record<RegistryColumn, string>>, threshold: number): PublishedExclusion {
  const found = new Set(detail.problems.map((g) => kindOf(g, names)));
  return {
    rows: detail.rows === 0 || detail.rows >= threshold ? detail.rows : SUPPRESSED,
    kinds: EXCLUSION_KINDS.filter((k) => found.has(k)),
  };
}
