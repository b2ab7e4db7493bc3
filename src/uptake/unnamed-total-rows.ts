/**
 * A total row under a name hta does not know (`Sverige totalt`, `Alle helseforetak`): a "region"
 * whose count, in every year it has, is the sum of at least two other regions' counts that year.
 * Counted as a region it would double the whole country's denominator and halve its uptake, so it
 * is refused, never guessed away — unless something names it a region: the plan's `regions`, or
 * referrals in the registry, which a total row never has (the callers: read-registry.ts,
 * run-uptake.ts, draft-uptake-plan.ts; docs/input-registry.md "Total rows"). Known total words
 * are total-rows.ts's; this catches the rest by their numbers.
 */

/** One region's count in one year, as the eligible file's reader keeps it. */
export interface RegionYearCount {
  region: string;
  year: number;
  eligible: number;
}

/** A region whose every count is the sum of the other regions' counts of its year. */
export interface UnnamedTotal {
  region: string;
  /** Its years, ascending. */
  years: number[];
}

/**
 * The regions of `rows` that add up the others in every year they have. A year counts only with
 * at least two other regions (with one, the "sum" is just an equal count), and a one-year file
 * only with at least three: one year of three regions where one is the other two's sum is an
 * ordinary country (Helse Sør-Øst = Helse Vest + Helse Nord is plausible), so a region is
 * suspected only when it adds up the others in two or more years, or in one year over three or
 * more others — where equal sums by chance are rare, whatever the size of the counts.
 * `isKnownRegion`: names that are regions whatever their counts (the Danish regions, a name the
 * plan's `regions` gives, a region the registry's referrals name), so a round-numbered file
 * (`Hovedstaden 30000 = 20000 + 10000`) keeps them (docs/input-registry.md "Total rows").
 */
export function unnamedTotals(rows: readonly RegionYearCount[], isKnownRegion: (name: string) => boolean = () => false): UnnamedTotal[] {
  const byYear = new Map<number, RegionYearCount[]>();
  for (const r of rows) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r]);
  const out: UnnamedTotal[] = [];
  for (const region of new Set(rows.map((r) => r.region))) {
    // A region hta knows by name (a Danish region) is a region, whatever its counts add up to.
    if (isKnownRegion(region)) continue;
    const own = rows.filter((r) => r.region === region);
    const others = (r: RegionYearCount) => byYear.get(r.year)!.filter((o) => o.region !== region);
    const sums = own.every((r) => others(r).length >= 2 && others(r).reduce((s, o) => s + o.eligible, 0) === r.eligible);
    const enough = own.length >= 2 || (own.length === 1 && others(own[0]!).length >= 3);
    if (sums && enough) out.push({ region, years: own.map((r) => r.year).sort((a, b) => a - b) });
  }
  return out;
}
