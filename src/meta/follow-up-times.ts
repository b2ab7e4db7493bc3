/**
 * Follow-up labels written several ways (`3m`, `3 m`, `3 mo`, `3 months`, `3 mdr.`, `3 måneder`;
 * `12w`, `12 wk`, `12 weeks`, `12 uger`) are one follow-up: read as one canonical label (`3m`,
 * `12w`), so one time is one pool, not four single-study sections. A label that reads as no number
 * and unit is kept as written. Weeks and months are not converted into each other (12 weeks is
 * not exactly 3 months): kept apart, with a warning when they may be one follow-up
 * (docs/input-studies.md, "Follow-up times").
 */
import type { StudyRecord } from './read-studies.js';

const UNITS: Record<string, 'd' | 'w' | 'm' | 'y'> = {};
const add = (unit: 'd' | 'w' | 'm' | 'y', words: string[]) => words.forEach((w) => (UNITS[w] = unit));
add('d', ['d', 'day', 'days', 'dag', 'dage', 'dg']);
add('w', ['w', 'wk', 'wks', 'week', 'weeks', 'uge', 'uger']);
add('m', ['m', 'mo', 'mos', 'mth', 'mths', 'month', 'months', 'md', 'mdr', 'mnd', 'måned', 'måneder', 'mån']);
add('y', ['y', 'yr', 'yrs', 'year', 'years', 'år']);

const UNIT_NAME = { d: 'days', w: 'weeks', m: 'months', y: 'years' } as const;

/** The canonical label (`3m`, `12w`) of a follow-up written as a whole number and a unit, or null. */
export function canonicalTime(text: string): string | null {
  const m = /^(\d+)\s*([a-zæøå]+)\.?$/i.exec(text.trim());
  if (!m) return null;
  const unit = UNITS[(m[2] as string).toLowerCase()];
  return unit === undefined ? null : `${Number(m[1])}${unit}`;
}

export interface TimeReading {
  written: string;
  as: string;
  line: number;
}

/**
 * Rewrites each record's `time` to its canonical label. Returns each spelling read differently
 * (first line only) and warnings for weeks and months that may be one follow-up.
 */
export function unifyTimes(records: StudyRecord[]): { readings: TimeReading[]; warnings: string[]; written: Map<number, string> } {
  const readings = new Map<string, TimeReading>();
  // The label as written, by line, where it was rewritten (for messages that quote the row).
  const written = new Map<number, string>();
  for (const r of records) {
    const as = canonicalTime(r.time);
    if (as === null || as === r.time) continue;
    if (!readings.has(r.time)) readings.set(r.time, { written: r.time, as, line: r.line });
    written.set(r.line, r.time);
    r.time = as;
  }
  const warnings: string[] = [];
  const outcomes = new Map<string, Set<string>>();
  for (const r of records) {
    const set = outcomes.get(r.outcome) ?? new Set<string>();
    set.add(r.time);
    outcomes.set(r.outcome, set);
  }
  for (const [outcome, times] of outcomes) {
    const parsed = [...times].map((t) => /^(\d+)([wm])$/.exec(t)).filter((m): m is RegExpExecArray => m !== null);
    for (const w of parsed.filter((m) => m[2] === 'w')) {
      for (const mo of parsed.filter((m) => m[2] === 'm')) {
        const weeks = Number(w[1]);
        const monthsInWeeks = Number(mo[1]) * (365.25 / 12 / 7);
        // Within a tenth: 12 weeks and 3 months (13.0 weeks), 24 weeks and 6 months, 52 weeks and 12 months.
        if (Math.abs(weeks - monthsInWeeks) > 0.1 * monthsInWeeks) continue;
        warnings.push(
          `${outcome}: follow-ups ${w[0]} (${w[1]} ${UNIT_NAME.w}) and ${mo[0]} (${mo[1]} ${UNIT_NAME.m}) are pooled apart, but may be the same follow-up ` +
            `(${w[1]} weeks ≈ ${mo[1]} months): if the papers mean one time point, write it one way in the time column`,
        );
      }
    }
  }
  return { readings: [...readings.values()], warnings, written };
}
