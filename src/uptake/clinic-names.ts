/**
 * Clinic names that differ only in case (`Odense C`, `ODENSE C`) are one clinic of their region
 * (docs/input-registry.md): registries are typed by hand at many desks. The referral readers keep
 * each spelling (as read: NFC, spaces collapsed, referral.ts `clinicName`); the counts are merged
 * here, after counting, so the SQL engine, the reference aggregator and aggregate tables read
 * back from CSV merge alike. The name shown is the spelling with the most referrals (ties: the
 * first in code-point order), whatever order the rows came in.
 */
import type { ClinicCount } from './aggregate.js';
import { clinicName } from './referral.js';

/** The key a clinic name is merged by within its region. */
export const clinicKey = (name: string): string => name.toLowerCase();

/**
 * The same key for a name as printed anywhere (an earlier publication's results.json): the
 * reader's folding (NFC, blanks collapsed and trimmed: referral.ts `clinicName`), then case.
 */
export const clinicFoldKey = (name: string): string => clinicKey(clinicName(name));

/** One clinic merged from several spellings: the name shown and every spelling, in code-point order. */
export interface MergedClinic {
  region: string;
  clinic: string;
  spellings: string[];
}

/** The clinics with case variants summed into one row each, and which were merged. */
export function mergeClinicSpellings(clinics: readonly ClinicCount[]): { clinics: ClinicCount[]; merged: MergedClinic[] } {
  const groups = new Map<string, ClinicCount[]>();
  for (const c of clinics) {
    const k = `${c.region}\u0000${clinicKey(c.clinic)}`;
    const g = groups.get(k);
    if (g === undefined) groups.set(k, [c]);
    else g.push(c);
  }
  const out: ClinicCount[] = [];
  const merged: MergedClinic[] = [];
  for (const g of groups.values()) {
    if (g.length === 1) {
      out.push(g[0]!);
      continue;
    }
    const byName = [...g].sort((a, b) => b.referrals - a.referrals || (a.clinic < b.clinic ? -1 : a.clinic > b.clinic ? 1 : 0));
    const shown = byName[0]!;
    out.push({ clinic: shown.clinic, region: shown.region, referrals: sum(g, 'referrals'), activations: sum(g, 'activations') });
    merged.push({ region: shown.region, clinic: shown.clinic, spellings: g.map((c) => c.clinic).sort() });
  }
  return { clinics: out, merged };
}

const sum = (g: readonly ClinicCount[], k: 'referrals' | 'activations'): number => g.reduce((s, c) => s + c[k], 0);

/**
 * The note saying which clinics were merged (on stderr; docs/input-registry.md "Clinics"): the
 * first three with their spellings, then how many more.
 */
export function clinicSpellingsNote(merged: readonly MergedClinic[], file: string): string {
  const shown = merged.slice(0, 3).map((m) => `"${m.clinic}" (${m.region}: ${m.spellings.map((s) => `"${s}"`).join(', ')})`);
  const more = merged.length > 3 ? `, and ${merged.length - 3} more` : '';
  return `${file}: clinic names that differ only in case are counted as one clinic of their region, shown in their most used spelling: ${shown.join('; ')}${more}.`;
}
