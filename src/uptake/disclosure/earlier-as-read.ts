/**
 * Earlier publications read as a publication reads them (docs/disclosure-control.md "A clinic,
 * level or region gone" and "Changed since an earlier publication"), in this order:
 *
 *   region names spelled as the registry's (region-spellings.ts `foldRegionSpellings`)
 *   ─► clinic names differing only by case or blanks as one clinic (previous-publication.ts
 *      `foldClinicSpellings`; after the regions, so that a clinic's region is the region now)
 *   ─► the clinic merges applied, the earlier counts of both against the one clinic now
 *      (previous-publication.ts `applyClinicMerges`)
 *
 * The run (uptake-analysis.ts) and the audits (published-audit.ts) read them here, so that an
 * audit reads them exactly as the run that made the publication did.
 */
import { applyClinicMerges, foldClinicSpellings, type ClinicMerge, type PreviousPublication, type RespelledClinic } from './previous-publication.js';
import { foldRegionSpellings, type RespelledRegion } from './region-spellings.js';

/** The earlier publications as read now, and what the reading changed (for the run's notes and its results.json). */
export interface EarlierRead {
  previous: PreviousPublication;
  respelledRegions: RespelledRegion[];
  respelledClinics: RespelledClinic[];
  /** The merges applied, each with its region (results.json `previous.clinicMerges`). */
  appliedMerges: (ClinicMerge & { region: string })[];
}

/**
 * `previous` read against the regions and clinics printed now. `merges` are applied in order;
 * with `theirsToo` (a run), followed by the merges the earlier publications applied (their
 * `previous.clinicMerges`, regions as read now): declared and checked when made, they need not be
 * declared in every later plan. An audit gives the merges the publication says it applied.
 */
export function readEarlier(
  previous: PreviousPublication,
  now: { regions: readonly string[]; clinics: readonly { region: string; clinic: string }[] },
  merges: readonly (ClinicMerge & { region?: string })[],
  options: { theirsToo?: boolean } = {},
): EarlierRead {
  const regions = foldRegionSpellings(previous, now.regions);
  const clinics = foldClinicSpellings(regions.previous, now.clinics);
  const merged = applyClinicMerges(clinics.previous, [...merges, ...(options.theirsToo ? clinics.previous.clinicMerges ?? [] : [])], now.clinics);
  return { previous: merged.previous, respelledRegions: regions.respelled, respelledClinics: clinics.respelled, appliedMerges: merged.applied };
}

