/**
 * Volume-tier pricing: a price per activated patient by annual volume band.
 *
 * Tiers are ordered bands (0, upTo₁], (upTo₁, upTo₂], …, (upToₖ₋₁, ∞) with a price each
 * (the last band has `upTo: null`). Two readings of the same table:
 *
 *  - 'all-units': the band that the total volume V reaches prices every unit:
 *      cost(V) = V · price(band containing V)      (a volume exactly at upTo stays in that band)
 *  - 'marginal': each unit is priced by the band it falls in (like income-tax brackets):
 *      cost(V) = Σₖ priceₖ · max(0, min(V, upToₖ) − upToₖ₋₁),  upTo₀ = 0
 *
 * Example (tiers 1,200 up to 1,000; 1,000 up to 5,000; 800 above), V = 6,000:
 * all-units 6,000 · 800 = 4,800,000; marginal 1,000·1,200 + 4,000·1,000 + 1,000·800 = 6,000,000.
 * Volumes may be fractional (projections = eligible × share).
 */
export type TierMode = 'all-units' | 'marginal';

export interface PriceTier {
  /** Upper bound of the band (inclusive); null for the open last band. */
  upTo: number | null;
  /** Price per activated patient in the band. */
  price: number;
}

function checkTiers(tiers: readonly PriceTier[]): void {
  if (tiers.length === 0) throw new RangeError('price tiers: need at least one band');
  tiers.forEach((t, i) => {
    const last = i === tiers.length - 1;
    if ((t.upTo === null) !== last) throw new RangeError('price tiers: only the last band is open (upTo: null), and it must be');
    const prev = i > 0 ? (tiers[i - 1]!.upTo ?? Infinity) : 0;
    if (t.upTo !== null && !(t.upTo > prev)) throw new RangeError(`price tiers: band ${i + 1} upTo ${t.upTo} must exceed ${prev}`);
  });
}

/** The price of the band that volume V falls in ('all-units' reading). */
export function tierPriceAt(volume: number, tiers: readonly PriceTier[]): number {
  checkTiers(tiers);
  return bandPrice(volume, tiers);
}

/** `tierPriceAt` for tiers already checked. */
function bandPrice(volume: number, tiers: readonly PriceTier[]): number {
  return (tiers.find((t) => t.upTo === null || volume <= t.upTo) ?? tiers[tiers.length - 1]!).price;
}

/** Cost of `volume` activated patients in a year under the tier table and mode. */
export function tierCost(volume: number, tiers: readonly PriceTier[], mode: TierMode): number {
  if (!(volume >= 0)) throw new RangeError(`tierCost needs a volume ≥ 0, got ${volume}`);
  checkTiers(tiers);
  if (volume === 0) return 0;
  if (mode === 'all-units') return volume * bandPrice(volume, tiers);
  let cost = 0;
  let lower = 0;
  for (const t of tiers) {
    const upper = t.upTo ?? Infinity;
    if (volume > lower) cost += t.price * (Math.min(volume, upper) - lower);
    lower = upper;
  }
  return cost;
}

/** The same tiers with every price multiplied by `factor` (price sensitivity). */
export function scaleTierPrices(tiers: readonly PriceTier[], factor: number): PriceTier[] {
  return tiers.map((t) => ({ upTo: t.upTo, price: t.price * factor }));
}
