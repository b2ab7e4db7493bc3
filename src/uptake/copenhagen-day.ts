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

// The offset of each UTC hour already asked about: a registry's date-times fall in a few thousand
// hours, and Intl's formatting is the costly step. An hour is kept only when the offset is the
// same at its start and its end (summer time changes on the hour, at 01:00 UTC).
const hourOffsets = new Map<number, number>();
const MAX_HOURS = 200_000;

/** Days since 1970-01-01 of the calendar date in Copenhagen at instant `ms` (ms since 1970-01-01 UTC). */
export function copenhagenDay(ms: number): number {
  const hour = Math.floor(ms / MS_PER_HOUR);
  let offset = hourOffsets.get(hour);
  if (offset === undefined) {
    offset = offsetAt(hour * MS_PER_HOUR);
    if (offsetAt((hour + 1) * MS_PER_HOUR - 1000) === offset) {
      if (hourOffsets.size >= MAX_HOURS) hourOffsets.clear();
      hourOffsets.set(hour, offset);
    } else offset = offsetAt(ms);
  }
  return Math.floor((ms + offset) / MS_PER_DAY);
}
