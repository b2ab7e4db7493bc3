/**
 * Currency marks around an amount (`250 kr.`, `kr. 1.234,50`, `DKK 1.950,00`, `€31`), shared by
 * the unit-cost reader (load-cea-plan.ts) and the resource-use reader, whose cost columns may
 * hold amounts already in money (cea-patients.ts; docs/plan-cea.md#costs-already-in-money).
 */

/** Currency marks an amount may carry, and the ISO codes each may stand for. */
export const CURRENCY_MARKS: Record<string, readonly string[]> = {
  'kr.': ['DKK', 'NOK', 'SEK', 'ISK'],
  kr: ['DKK', 'NOK', 'SEK', 'ISK'],
  '€': ['EUR'],
  '$': ['USD'],
  '£': ['GBP'],
};
// An ISO code in capitals (DKK, EUR) or a sign; `kr.` in any case.
const MARK = String.raw`(?:[Kk][Rr]\.?|€|\$|£|[A-Z]{3})`;
/** A cell split into its leading mark (1), the rest (2) and its trailing mark (3). */
export const WITH_MARK = new RegExp(String.raw`^(?:(${MARK})\s*)?(.*?)(?:\s*(${MARK}))?$`);

/** Whether a currency mark (or code) can stand for `currency`: `kr.` for DKK, `€` for EUR, a code for itself in any case. */
export function markStandsFor(mark: string, currency: string): boolean {
  return (CURRENCY_MARKS[mark.toLowerCase()] ?? [mark.toUpperCase()]).includes(currency);
}

/**
 * A cell written as an amount of money — a number with a currency mark before or after it
 * (`kr. 1.234,50`, `1.234,50 kr.`, `DKK 350`) — as its mark and its number text; null when the
 * cell has no mark or nothing numeric beside it.
 */
export function currencyAmount(cell: string): { mark: string; number: string } | null {
  const m = WITH_MARK.exec(cell.replace(/[\u00a0\u202f]/g, ' ').trim());
  if (!m) return null;
  const mark = m[1] ?? m[3];
  if (mark === undefined || (m[1] !== undefined && m[3] !== undefined)) return null;
  const number = m[2]!.replace(/,-$/, '');
  return /^[\d.,  ]*\d[\d.,  ]*$/.test(number) ? { mark, number } : null;
}
