/**
 * Two scales in one column (docs/plan-trial.md "Two scales in one column"): one site recorded pain
 * on 0–100, the others on 0–10, and the export holds both in one 0–100 outcome. Read as one scale,
 * the 0–10 answers are "almost no pain" and the effect shrinks tenfold where they are (−5.2 against
 * −13.0 rescaled, the verdict flipped). Seen per patient across visits: on a 0–100 scale most
 * patients never scoring above 10 while others do — or, with a place column (site, centre), a place
 * where no patient does beside one where most do. Found, plan init says so among its checks and
 * validate and analyze refuse the export until it holds one scale, or the plan's outcome says
 * `"oneScaleChecked": true`.
 */

/** The highest answer read as the low scale's (0–10). */
export const LOW_SCALE_MAX = 10;

/** One patient's answers to the outcome: their highest, their place (when a place column is read) and the lines of answers above 10. */
export interface PatientScale {
  max: number;
  place?: string | undefined;
  highLines: number[];
}

export interface MixedScales {
  /** Patients with an answer, and those of them never above 10. */
  patients: number;
  low: number;
  /** Places where no patient answers above 10, and where most do (with their counts). */
  lowPlaces: { place: string; patients: number }[];
  highPlaces: { place: string; patients: number; high: number }[];
  /** Lines holding an answer above 10. */
  highLines: number[];
  /** What was seen, in words: `40 of 60 patients never answer above 10 …`. */
  seen: string;
}

/** Whether an instrument's range is the 0–100 scale a 0–10 one may hide in (VAS, NRS 0–100, ODI). */
export function isWideScale(range: readonly [number, number]): boolean {
  return range[0] === 0 && range[1] === 100;
}

/** Places with fewer patients than this tell nothing. */
const MIN_PLACE = 3;
/** Patients with fewer answers overall than this tell nothing. */
const MIN_PATIENTS = 10;

/** The finding for one outcome on a 0–100 scale, or undefined when its answers read as one scale. */
export function mixedScales(patients: readonly PatientScale[], placeColumn?: string): MixedScales | undefined {
  const scored = patients.filter((p) => Number.isFinite(p.max));
  const isLow = (p: PatientScale) => p.max <= LOW_SCALE_MAX;
  const low = scored.filter(isLow).length;
  const high = scored.length - low;
  const byPlace = new Map<string, PatientScale[]>();
  if (placeColumn !== undefined) for (const p of scored) if (p.place !== undefined) byPlace.set(p.place, [...(byPlace.get(p.place) ?? []), p]);
  const lowPlaces: MixedScales['lowPlaces'] = [];
  const highPlaces: MixedScales['highPlaces'] = [];
  for (const [place, ps] of byPlace) {
    if (ps.length < MIN_PLACE) continue;
    const h = ps.filter((p) => !isLow(p)).length;
    if (h === 0) lowPlaces.push({ place, patients: ps.length });
    else if (h * 2 > ps.length) highPlaces.push({ place, patients: ps.length, high: h });
  }
  const byPlaces = lowPlaces.length > 0 && highPlaces.length > 0;
  const overall = scored.length >= MIN_PATIENTS && low * 2 > scored.length && high > 0;
  if (!byPlaces && !overall) return undefined;
  const highLines = scored.flatMap((p) => p.highLines).sort((a, b) => a - b);
  const listed = <T>(xs: T[], f: (x: T) => string) => (xs.length > 3 ? `${xs.slice(0, 3).map(f).join(', ')} and ${xs.length - 3} more` : xs.map(f).join(', '));
  const seen = byPlaces
    ? `at ${placeColumn} ${listed(lowPlaces, (s) => `${JSON.stringify(s.place)} (${s.patients} patients)`)} no patient answers above ${LOW_SCALE_MAX}, while at ${listed(highPlaces, (s) => `${JSON.stringify(s.place)} ${s.high} of ${s.patients}`)} do`
    : `${low} of ${scored.length} patients never answer above ${LOW_SCALE_MAX} at any visit, while ${high} do`;
  return { patients: scored.length, low, lowPlaces, highPlaces, highLines, seen };
}
