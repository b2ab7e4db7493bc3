/**
 * The audit's check that, with zeros sensitive, no row is missing (docs/disclosure-control.md
 * "Primary rule"): a row left out for want of patients says its zero as plainly as a printed 0.
 * Written apart from the rows' completion (zero-rows.ts), from the published file alone: every
 * scope — each region of the uptake table or the metric rows, and the whole country — must have
 * each breakdown level and period any scope has — and every level of a breakdown whose list is
 * fixed (sex, referrer, the standard age bands when those are what the file prints) — and the
 * months (years) must run without a gap from the first printed to the export date's.
 */
import { fixedLevels } from '../referral.js';

type Value = number | string | null | undefined;

/** The rows missing, each as "region · period · dimension=level"; none when zeros are shown. */
export function absentRows(pub: { exportDate: string; metrics: readonly Record<string, Value>[]; uptake: readonly Record<string, Value>[] }, zerosSensitive: boolean): string[] {
  if (!zerosSensitive) return [];
  const scopes = new Set<string>(['national']);
  for (const r of [...pub.metrics, ...pub.uptake]) if (typeof r.region === 'string') scopes.add(r.region);
  const have = new Set<string>();
  const byLevel = new Map<string, Set<string>>();
  for (const m of pub.metrics) {
    const level = `${String(m.dimension)}=${String(m.level)}`;
    have.add(`${String(m.region)} · ${String(m.period)} · ${level}`);
    if (!byLevel.has(level)) byLevel.set(level, new Set());
    byLevel.get(level)!.add(String(m.period));
  }
  // A fixed list's levels no scope printed: by the periods of the breakdown's printed levels.
  const byDimension = new Map<string, { levels: string[]; periods: Set<string> }>();
  for (const [level, periods] of byLevel) {
    const [dimension, name] = [level.slice(0, level.indexOf('=')), level.slice(level.indexOf('=') + 1)];
    if (dimension === 'all') continue;
    const d = byDimension.get(dimension) ?? { levels: [], periods: new Set<string>() };
    d.levels.push(name);
    for (const p of periods) d.periods.add(p);
    byDimension.set(dimension, d);
  }
  for (const [dimension, { levels, periods }] of byDimension) {
    // The levels a reader of the docs knows a printed breakdown has, whatever the file prints.
    for (const name of fixedLevels(dimension, levels)) if (!byLevel.has(`${dimension}=${name}`)) byLevel.set(`${dimension}=${name}`, new Set(periods));
  }
  const missing: string[] = [];
  for (const [level, periods] of byLevel) {
    const all = new Set(periods);
    for (const kind of [/^\d{4}-\d{2}$/, /^\d{4}$/]) {
      const ps = [...periods].filter((p) => kind.test(p)).sort();
      if (ps.length === 0) continue;
      const last = kind.source.includes('-') ? pub.exportDate.slice(0, 7) : pub.exportDate.slice(0, 4);
      for (let p = ps[0]!; p <= last; p = next(p)) all.add(p);
    }
    for (const scope of scopes) for (const p of all) if (!have.has(`${scope} · ${p} · ${level}`)) missing.push(`${scope} · ${p} · ${level}`);
  }
  return missing.sort();
}

/** The month or year after `p` (YYYY-MM or YYYY). */
function next(p: string): string {
  if (p.length === 4) return String(Number(p) + 1);
  const y = Number(p.slice(0, 4)), m = Number(p.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * The rows an earlier publication printed (`earlier`: its counts, printed or hidden, as
 * "region|period|dimension|level" labels) in a unit `changed` lists ("m|region|period", changed
 * since: previous-publication.ts `changedUnit`) that `pub` lacks, though it prints that breakdown
 * and kind of period: with zeros shown a row left out says 0, so such a row tells that every
 * patient it held was removed — their month, age band or referrer (docs/disclosure-control.md
 * "Changed since an earlier publication"). Written apart from the run's keeping of them
 * (zero-rows.ts `vanishedRows`), from the published file and the earlier counts alone. A level
 * counts where `pub` prints it somewhere, or its breakdown's list is fixed (`fixedLevels`).
 */
export function vanishedSinceEarlier(pub: { metrics: readonly Record<string, Value>[] }, earlier: readonly { region: string; period: string; dimension: string; level: string }[], changed: ReadonlySet<string>): string[] {
  const kindOf = (p: string) => (/^\d{4}-\d{2}$/.test(p) ? 'month' : /^\d{4}$/.test(p) ? 'year' : p);
  const rows = new Set(pub.metrics.map((m) => `${String(m.region)} · ${String(m.period)} · ${String(m.dimension)}=${String(m.level)}`));
  const kinds = new Set(pub.metrics.map((m) => kindOf(String(m.period))));
  const levels = new Map<string, string[]>();
  for (const m of pub.metrics) levels.set(String(m.dimension), [...(levels.get(String(m.dimension)) ?? []), String(m.level)]);
  const missing = new Set<string>();
  for (const e of earlier) {
    const row = `${e.region} · ${e.period} · ${e.dimension}=${e.level}`;
    const printed = levels.get(e.dimension);
    if (!changed.has(`m|${e.region}|${e.period}`) || rows.has(row) || !printed || !kinds.has(kindOf(e.period))) continue;
    if (printed.includes(e.level) || fixedLevels(e.dimension, printed).includes(e.level)) missing.add(row);
  }
  return [...missing].sort();
}
