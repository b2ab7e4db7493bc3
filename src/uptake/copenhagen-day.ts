/**
 * The Danish calendar day of an instant (docs/input-registry.md "Dates"): a registry date-time
 * written with a UTC offset (`2025-10-14T22:00:00Z`, as R's readr writes every POSIXct, or
 * pandas' `2025-10-14 22:00:00+00:00`) names an instant, and the day it counts on is the one a
 * Danish clock showed then — the day a Parquet TIMESTAMP WITH TIME ZONE is read on too
 * (engine/registry-engine.ts, DuckDB's `timezone('Europe/Copenhagen', …)`). Both use the IANA
 * rules of the time-zone database (Node's ICU here), so summer time is taken on the days it
 * changes, and the machine's own time zone never enters.
 */
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

// One formatter for the process: made once, it reads an instant's wall clock in Copenhagen.
let wallClock: Intl.DateTimeFormat | undefined;

/** Copenhagen's offset from UTC at instant `ms`, in ms (3,600,000 in winter, 7,200,000 in summer). */
function offsetAt(ms: number): number {
  wallClock ??= new Intl.DateTimeFormat('en-US', {
    timeZone: 'Europe/Copenhagen', hourCycle: 'h23',
    year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  const part: Record<string, number> = {};
  for (const p of wallClock.formatToParts(ms)) if (p.type !== 'literal') part[p.type] = Number(p.value);
  const wall = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!);
  return wall - Math.floor(ms / 1000) * 1000;
}

// The offset of each UTC day, and of each hour of a day on which it changes, already asked about:
// a registry's date-times fall on a few thousand days, and Intl's formatting is the costly step.
// Copenhagen's offset changes at most once a day, on the hour (01:00 UTC, two days a year), so a
// span with the same offset at its start and its end has it throughout; one that differs is kept
// as 'varies', and its hours (within the hour of the change, the instant itself) are asked.
const dayOffsets = new Map<number, number | 'varies'>();
const hourOffsets = new Map<number, number | 'varies'>();
const MAX_KEPT = 200_000;

/** The offset over the span of `length` ms numbered `key` when it is the same all through, else undefined; kept in `kept`. */
function steadyOffset(kept: Map<number, number | 'varies'>, key: number, length: number): number | undefined {
  let known = kept.get(key);
  if (known === undefined) {
    const offset = offsetAt(key * length);
    known = offsetAt((key + 1) * length - 1000) === offset ? offset : 'varies';
    if (kept.size >= MAX_KEPT) kept.clear();
    kept.set(key, known);
  }
  return known === 'varies' ? undefined : known;
}

/** Days since 1970-01-01 of the calendar date in Copenhagen at instant `ms` (ms since 1970-01-01 UTC). */
export function copenhagenDay(ms: number): number {
  const offset = steadyOffset(dayOffsets, Math.floor(ms / MS_PER_DAY), MS_PER_DAY)
    ?? steadyOffset(hourOffsets, Math.floor(ms / MS_PER_HOUR), MS_PER_HOUR)
    ?? offsetAt(ms);
  return Math.floor((ms + offset) / MS_PER_DAY);
}
