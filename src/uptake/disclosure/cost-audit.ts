/**
 * The attacker's check of the observed costs and average prices (docs/disclosure-control.md
 * "Observed costs and average prices"). A cost is the tier price model applied to activation
 * counts: printed where every count it is computed from is printed, it is a function of printed
 * numbers and tells a reader nothing more; printed where one of them is suppressed, it can give
 * that count back (marginal tiers: 1,330 × 238 less the regions' known parts, ÷ 300 = 3). So the
 * audit does not try to invert the tiers (results.json does not carry them): it fails on any
 * printed cost or average price resting on a suppressed count. Read from the published file
 * alone, like the rest of the audit (attacker-audit.ts); no code shared with the suppression.
 */
type Value = number | string | null | undefined;

export interface CostOnSuppressed {
  /** e.g. "cost · national · activated in 2025". */
  cell: string;
  /** The suppressed activation counts it is computed from. */
  suppressed: string[];
}

/**
 * Every printed observed cost or average price (a number, or null: "no activations" tells a 0)
 * that rests on a suppressed count. `printed(scope, year)`: the reader has that activation count.
 * What a cost rests on, by the budget's volume scope:
 *  - national: a region's v·C(N)/N on its own count and the country's N, the country's on N;
 *  - region: a region's C(v) on its own count, the country's Σ C(vᵣ) (and average price) on N
 *    and every region's count;
 *  - anything else (a file without it): both, to be safe.
 */
export function costsOnSuppressed(
  budget: { volumeScope?: Value; observed: readonly Record<string, Value>[] },
  years: readonly Record<string, Value>[],
  printed: (scope: string, year: string) => boolean,
): CostOnSuppressed[] {
  const regionsOf = new Map<string, Set<string>>();
  for (const r of [...budget.observed, ...years]) {
    if (String(r.region) === 'national') continue;
    const y = String(r.year);
    regionsOf.set(y, (regionsOf.get(y) ?? new Set()).add(String(r.region)));
  }
  const national = budget.volumeScope !== 'region', regional = budget.volumeScope !== 'national';
  const out: CostOnSuppressed[] = [];
  for (const o of budget.observed) {
    const scope = String(o.region), year = String(o.year);
    const restsOn = new Set([scope]);
    if (scope !== 'national' && national) restsOn.add('national');
    if (scope === 'national' && regional) for (const r of regionsOf.get(year) ?? []) restsOn.add(r);
    const suppressed = [...restsOn].filter((s) => !printed(s, year)).map((s) => `activations · ${s} · activated in ${year}`);
    if (suppressed.length === 0) continue;
    for (const field of ['cost', 'averagePrice'] as const) {
      const v = o[field];
      if (typeof v === 'number' || v === null) out.push({ cell: `${field} · ${scope} · activated in ${year}`, suppressed });
    }
  }
  return out;
}
