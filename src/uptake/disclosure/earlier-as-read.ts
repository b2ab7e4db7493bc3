/**
 * Earlier publications read as a publication reads them (docs/disclosure-control.md "A clinic,
 * level or region gone" and "Changed since an earlier publication"), in this order:
 *
 *   region names spelled as the registry's (region-spellings.ts `foldRegionSpellings`)
 *   ─► clinic names differing only by case or blanks as one clinic (previous-publication.ts
 *      `foldClinicSpellings`; after the regions, so that a clinic's region is the region now)
 *   ─► the clinic merges applied, the earlier counts of both against the one clinic now
 *      (previous-publication.ts `applyClinicMerges`): first those hta makes itself (an earlier
 *      clinic absent now whose name differs from a clinic now of its region only in case, æ/ø/å
 *      or an all-digit code's leading zeros: clinic-names.ts `clinicKey`; an earlier publication
 *      printed `0123` and `123` apart, this one counts them as `0123`), then the declared ones
 *
 * The run (uptake-analysis.ts) and the audits (published-audit.ts) read them here, so that an
 * audit reads them exactly as the run that made the publication did.
 */
import { applyClinicMerges, foldClinicSpellings, type ClinicMerge, type PreviousPublication, type RespelledClinic } from './previous-publication.js';
import { clinicFoldKey } from '../clinic-names.js';
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
  const merged = applyClinicMerges(clinics.previous, [...spellingMerges(clinics.previous, now.clinics), ...merges, ...(options.theirsToo ? clinics.previous.clinicMerges ?? [] : [])], now.clinics);
  return { previous: merged.previous, respelledRegions: regions.respelled, respelledClinics: clinics.respelled, appliedMerges: merged.applied };
}


/**
 * The merges hta's own clinic folding makes of the earlier clinics (clinic-names.ts
 * `mergeClinicSpellings`): each earlier clinic name absent now whose folded name is that of a
 * clinic now in its region, into that clinic. The respelling before (`foldClinicSpellings`) took
 * the names it could read as one clinic; what is left are spellings printed side by side (both
 * as of one date), whose counts now sit in one clinic: without this, the earlier spelling reads
 * as a category gone and hides every clinic count of its region. Made alike by the run and the
 * audit (both read here), in code-point order for determinism.
 */
export function spellingMerges(previous: PreviousPublication, clinicsNow: readonly { region: string; clinic: string }[]): (ClinicMerge & { region: string })[] {
  const exact = new Set(clinicsNow.map((c) => `${c.region}|${c.clinic}`));
  const nowByKey = new Map(clinicsNow.map((c) => [`${c.region}|${clinicFoldKey(c.clinic)}`, c.clinic]));
  const out = new Map<string, ClinicMerge & { region: string }>();
  for (const c of [...previous.counts, ...(previous.hidden ?? [])]) {
    if (c.kind !== 'clinic' || exact.has(`${c.region}|${c.clinic}`)) continue;
    const into = nowByKey.get(`${c.region}|${clinicFoldKey(c.clinic)}`);
    if (into !== undefined) out.set(`${c.region}|${c.clinic}`, { region: c.region, from: c.clinic, into });
  }
  return [...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, m]) => m);
}
