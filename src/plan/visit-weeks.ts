/**
 * Weeks since baseline of a visit label, for time axes drawn to scale (docs/report-trial.md#order):
 * `baseline` → 0, `6w` → 6, `3m` → 13 (a month is 52/12 weeks), `10d` → 10/7, `1y` → 52. A label
 * without a number and unit (e.g. "post") has no position: the caller then keeps an ordinal axis.
 */
const PER_UNIT: Record<string, number> = { d: 1 / 7, w: 1, m: 52 / 12, y: 52 };

export function weeksSinceBaseline(time: string, baseline = 'baseline'): number | null {
  if (time === baseline || time.toLowerCase() === 'baseline') return 0;
  const m = /^(\d+(?:\.\d+)?)\s*(d|w|wk|m|mo|y)$/i.exec(time);
  if (!m) return null;
  const per = PER_UNIT[(m[2] as string).toLowerCase()[0] as string] as number;
  return Number(m[1]) * per;
}
