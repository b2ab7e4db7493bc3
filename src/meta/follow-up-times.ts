/**
 * Follow-up labels written several ways (`3m`, `3 m`, `3 mo`, `3 months`, `3 mdr.`, `3 måneder`,
 * `3-month`, `3 months follow-up`, `3 måneders opfølgning`; `12w`, `12 uger`, `uge 12`, `week
 * 12`; `one year`, `1 år`) are one follow-up: read as one canonical label (`3m`, `12w`), so one
 * time is one pool, not four single-study sections. Years are folded into months (`1 år` is
 * `12m`: papers say "12 months" and "1 year" of one time point). A label that reads as no number
 * and unit is kept as written, with a warning when it sits beside readable ones. Weeks and months
 * are not converted into each other (12 weeks is not exactly 3 months): kept apart, with a warning
 * when they may be one follow-up (docs/input-studies.md, "Follow-up times").
 */
import { isExcelDateText } from '../io/excel-date-text.js';
import type { StudyRecord } from './read-studies.js';

const UNITS: Record<string, 'd' | 'w' | 'm' | 'y'> = {};
const add = (unit: 'd' | 'w' | 'm' | 'y', words: string[]) => words.forEach((w) => (UNITS[w] = unit));
// Danish genitives too (`12 måneders opfølgning`, `52 ugers`, `1 års`).
add('d', ['d', 'day', 'days', 'dag', 'dage', 'dg', 'dages', 'dags']);
add('w', ['w', 'wk', 'wks', 'week', 'weeks', 'uge', 'uger', 'ugers', 'uges']);
add('m', ['m', 'mo', 'mos', 'mth', 'mths', 'month', 'months', 'md', 'mdr', 'mnd', 'måned', 'måneder', 'mån', 'måneders', 'måneds']);
add('y', ['y', 'yr', 'yrs', 'year', 'years', 'år', 'års']);

/** Numbers written as words before a unit (`one year`, `to år`, `six-month`). */
const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, eighteen: 18, 'twenty-four': 24,
  en: 1, et: 1, ét: 1, to: 2, tre: 3, fire: 4, fem: 5, seks: 6, syv: 7, otte: 8, ni: 9, ti: 10, elleve: 11, tolv: 12, atten: 18,
};

/** Words that say "follow-up" around the time itself: `12 months follow-up`, `follow-up 12 m`, `12 måneders opfølgning`. */
const FOLLOW_UP = String.raw`(?:follow[\s-]?up|f/?u|opfølgning(?:en|stid)?)`;
const BEFORE = new RegExp(String.raw`^${FOLLOW_UP}\s*(?:at|ved|efter|:)?\s*`);
const AFTER = new RegExp(String.raw`[\s-]*${FOLLOW_UP}$`);

/** Words around the time that do not change it: `at 3 months`, `3 months post-randomisation`, `efter 3 måneder`. */
const AROUND_BEFORE = /^(?:at|after|ved|efter)\s+/;
const AROUND_AFTER = /[\s,-]*(?:post[\s-]?randomi[sz](?:ation|ed)|after randomi[sz]ation|from randomi[sz]ation|from baseline|after baseline|post[\s-]?baseline|efter randomisering(?:en)?|fra baseline|efter baseline)$/;

const UNIT_NAME = { d: 'days', w: 'weeks', m: 'months', y: 'years' } as const;
/** A count of a unit written out: "1 month", "3 months". */
const unitText = (n: string, unit: keyof typeof UNIT_NAME): string => `${n} ${n === '1' ? UNIT_NAME[unit].slice(0, -1) : UNIT_NAME[unit]}`;
/** Days per unit, for follow-ups that may be one written in two units (a month is 365.25 / 12 days). */
const DAYS = { d: 1, w: 7, m: 365.25 / 12 } as const;

/** The canonical label (`3m`, `12w`; years as months, `1 år` → `12m`) of a follow-up written as a whole number and a unit, or null. */
export function canonicalTime(text: string): string | null {
  let t = text.trim().toLowerCase().replace(/[’']/g, '');
  // A visit name with the time in brackets: `T2 (3 months)`, `FU1 (12 uger)`.
  const visit = /^[a-zæøå]{0,4}\s*\d+\s*\((.+)\)$/.exec(t);
  if (visit) t = (visit[1] as string).trim();
  t = t.replace(BEFORE, '').replace(AFTER, '').replace(AROUND_BEFORE, '').replace(AROUND_AFTER, '').replace(AFTER, '').replace(/\.$/, '').trim();
  // A number (or a number word) then the unit, `12 months`, `12-month`, `one year`; or the unit
  // then the number, `uge 52`, `week 12`, `m12`.
  const after = /^(\d+|[a-zæøå-]+?)\s*[-\s]?\s*([a-zæøå]+)\.?$/.exec(t);
  const before = /^([a-zæøå]+)\.?\s*-?\s*(\d+)$/.exec(t);
  const [count, unitWord] = after ? [after[1] as string, after[2] as string] : before ? [before[2] as string, before[1] as string] : [undefined, undefined];
  if (count === undefined || unitWord === undefined) return null;
  const n = /^\d+$/.test(count) ? Number(count) : Object.hasOwn(NUMBER_WORDS, count) ? NUMBER_WORDS[count] : undefined;
  const unit = Object.hasOwn(UNITS, unitWord) ? UNITS[unitWord] : undefined;
  if (n === undefined || unit === undefined) return null;
  return unit === 'y' ? `${n * 12}m` : `${n}${unit}`;
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
  const warnings: string[] = [...unreadBeside(records)];
  const outcomes = new Map<string, Set<string>>();
  for (const r of records) {
    const set = outcomes.get(r.outcome) ?? new Set<string>();
    set.add(r.time);
    outcomes.set(r.outcome, set);
  }
  const ORDER = ['d', 'w', 'm'] as const;
  for (const [outcome, times] of outcomes) {
    const parsed = [...times].map((t) => /^(\d+)([dwm])$/.exec(t)).filter((m): m is RegExpExecArray => m !== null);
    // Each pair of units, the smaller first: days–weeks, days–months, weeks–months.
    for (const [i, small] of ORDER.entries()) {
      for (const large of ORDER.slice(i + 1)) {
        for (const a of parsed.filter((m) => m[2] === small)) {
          for (const b of parsed.filter((m) => m[2] === large)) {
            const [da, db] = [Number(a[1]) * DAYS[small], Number(b[1]) * DAYS[large]];
            // Within a tenth: 12 weeks and 3 months (13.0 weeks), 90 days and 3 months, 52 weeks and 12 months.
            if (Math.abs(da - db) > 0.1 * db) continue;
            warnings.push(
              `${outcome}: follow-ups ${a[0]} (${unitText(a[1] as string, small)}) and ${b[0]} (${unitText(b[1] as string, large)}) are pooled apart, but may be the same follow-up ` +
                `(${unitText(a[1] as string, small)} ≈ ${unitText(b[1] as string, large)}): if the papers mean one time point, write it one way in the time column`,
            );
          }
        }
      }
    }
  }
  return { readings: [...readings.values()], warnings, written };
}

/**
 * A label read as no number and unit (`post-treatment`, `end of treatment`) beside labels that
 * are (`12m`) is a single-study section of its own: warned about, naming the pools it sits beside,
 * in case it is one of them written otherwise. Once per label and outcome, at its first line.
 */
function unreadBeside(records: readonly StudyRecord[]): string[] {
  const byOutcome = new Map<string, { read: Set<string>; unread: Map<string, number> }>();
  for (const r of records) {
    const o = byOutcome.get(r.outcome) ?? { read: new Set<string>(), unread: new Map<string, number>() };
    byOutcome.set(r.outcome, o);
    if (canonicalTime(r.time) === null) {
      if (!o.unread.has(r.time)) o.unread.set(r.time, r.line);
    } else o.read.add(r.time);
  }
  const out: string[] = [];
  for (const [outcome, { read, unread }] of byOutcome) {
    if (read.size === 0) continue;
    const list = [...read];
    const pools = list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
    // The example is the first pool's own label written out (`3m` → "3 months" or "3m").
    const first = /^(\d+)([dwm])$/.exec(list[0] as string);
    const example = first ? `"${unitText(first[1] as string, first[2] as 'd' | 'w' | 'm')}" or "${first[0]}"` : '"12 months" or "12m"';
    for (const [label, line] of unread) {
      out.push(
        `${outcome}: follow-up "${label}" (line ${line}) is not read as a number and a unit, so it is pooled on its own beside ${pools}: ` +
          `if it is ${list.length === 1 ? 'that follow-up' : 'one of those follow-ups'}, write it so in the time column (as ${example})` +
          // `03-jun`: a date Excel made of a typed `3-6` (io/excel-date-text.ts), said so the cause is found.
          (isExcelDateText(label) ? EXCEL_DATE_TIME_NOTE : ''),
      );
    }
  }
  return out;
}

/** Appended to the warning of a follow-up Excel turned into a date (`03-jun` from a typed `3-6`). */
export const EXCEL_DATE_TIME_NOTE = '; it looks like a date Excel made of what was typed (3-6 or 3/6 becomes 3 June): format the time column as Text in the spreadsheet before typing';

