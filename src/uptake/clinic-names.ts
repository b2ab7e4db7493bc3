/**
 * Clinic names that differ only in case (`Odense C`, `ODENSE C`), in æ, ø, å written ae, oe, aa
 * (`Lægehuset ved Åen`, `Laegehuset ved Aaen`), or all-digit codes that differ only in leading
 * zeros (`039909`, `39909`: a spreadsheet read the column as numbers) are one clinic of their
 * region (docs/input-registry.md "Clinics"): registries are typed by hand at many desks and pass
 * through Excel. Regions are folded alike (regions.ts). The referral readers keep
 * each spelling (as read: NFC, spaces collapsed, referral.ts `clinicName`); the counts are merged
 * here, after counting, so the SQL engine, the reference aggregator and aggregate tables read
 * back from CSV merge alike. The name shown is the spelling with the most referrals (ties: the
 * first in code-point order), whatever order the rows came in; an all-digit code with its leading zeros.
 */
import type { ClinicCount } from './aggregate.js';
import { clinicName } from './referral.js';

/** The key a clinic name is merged by within its region: case, æ/ø/å and an all-digit code's leading zeros folded. */
export function clinicKey(name: string): string {
  const lower = name.toLowerCase();
  if (/^[0-9]+$/.test(lower)) return lower.replace(/^0+(?=[0-9])/, '');
  return lower.replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa');
}

/** How two spellings of one clinic differ, for the note: the more telling reason first. */
export type SpellingDifference = 'zeros' | 'letters' | 'case';

/** How the spellings of a merged clinic differ (they share one clinicKey). */
export function spellingDifference(spellings: readonly string[]): SpellingDifference {
  if (spellings.every((s) => /^[0-9]+$/.test(s))) return 'zeros';
  const lower = new Set(spellings.map((s) => s.toLowerCase()));
  return lower.size > 1 ? 'letters' : 'case';
}

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
  /** Where known (a registry file read by the engine): the first line (Parquet: row) of each spelling, in the order of `spellings`. */
  lines?: number[];
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
    // An all-digit code is shown as its source wrote it, with its leading zeros (a spreadsheet
    // drops them, never adds them); any other name in its most used spelling.
    const zeros = spellingDifference(g.map((c) => c.clinic)) === 'zeros';
    const byName = [...g].sort((a, b) => (zeros ? b.clinic.length - a.clinic.length : 0) || b.referrals - a.referrals || (a.clinic < b.clinic ? -1 : a.clinic > b.clinic ? 1 : 0));
    const shown = byName[0]!;
    out.push({ clinic: shown.clinic, region: shown.region, referrals: sum(g, 'referrals'), activations: sum(g, 'activations') });
    merged.push({ region: shown.region, clinic: shown.clinic, spellings: g.map((c) => c.clinic).sort() });
  }
  return { clinics: out, merged };
}

const sum = (g: readonly ClinicCount[], k: 'referrals' | 'activations'): number => g.reduce((s, c) => s + c[k], 0);

const DIFFERENCE_TEXT: Record<SpellingDifference, string> = {
  case: 'in case',
  letters: 'in case or in æ, ø, å written ae, oe, aa',
  zeros: 'in leading zeros (a spreadsheet such as Excel drops them from a column it reads as numbers: format the column as text, or export it again)',
};

/**
 * The notes saying which clinics were merged (on stderr; docs/input-registry.md "Clinics"): the
 * first three with their spellings (and, when known, the first line of each), then how many more;
 * one note per way the spellings differ.
 */
export function clinicSpellingsNotes(merged: readonly MergedClinic[], file: string): string[] {
  const order: SpellingDifference[] = ['zeros', 'letters', 'case'];
  const byKind = new Map<SpellingDifference, MergedClinic[]>();
  for (const m of merged) {
    const k = spellingDifference(m.spellings);
    byKind.set(k, [...(byKind.get(k) ?? []), m]);
  }
  const spelling = (m: MergedClinic, s: string, i: number) => {
    const line = m.lines?.[i];
    return line === undefined ? `"${s}"` : `"${s}" (line ${line})`;
  };
  return order.flatMap((kind) => {
    const group = byKind.get(kind);
    if (!group) return [];
    const shown = group.slice(0, CLINICS_NAMED).map((m) => `"${m.clinic}" (${m.region}: ${m.spellings.map((s, i) => spelling(m, s, i)).join(', ')})`);
    const more = group.length > CLINICS_NAMED ? `, and ${group.length - CLINICS_NAMED} more` : '';
    const shownAs = kind === 'zeros' ? 'shown with their leading zeros' : 'shown in their most used spelling';
    return [`${file}: clinic names that differ only ${DIFFERENCE_TEXT[kind]} are counted as one clinic of their region, ${shownAs}: ${shown.join('; ')}${more}.`];
  });
}

/** How many merged clinics per way of differing the note shows (and whose lines are looked up). */
export const CLINICS_NAMED = 3;
