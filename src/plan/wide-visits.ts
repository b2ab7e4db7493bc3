/**
 * The visits of a wide export, read from its column suffixes as researchers write them in
 * Danish and English (docs/plan-trial.md, "Visits of a wide export"): which suffix is the
 * baseline (`_baseline`, `_basis`, `_bl`, `_før`, `_0`, `_start`, `_inklusion`, `_t0`, …),
 * which are follow-ups, and the plan label each gets (`_3mdr` → `3m`, `_6uger` → `6w`,
 * `_efter3` and a bare `_3` → `3m`, months unless the suffix says otherwise or the numbers read as
 * weeks (`_12/_26/_52`: bareNumberUnit); visit numbers
 * `_1`, `_2` after `_0` kept as written). Pure.
 */
import { spelledOut } from '../spelled-out.js';

export interface WideVisit {
  /** The suffix as the header writes it, without its "_" ("3mdr", "basis", "12"). */
  suffix: string;
  /** The plan label: "baseline", "3m", "6w", "1y", or the suffix itself when it says no time ("t1", "efter"). */
  label: string;
  baseline: boolean;
  /** The label's unit was guessed (a bare number or "efter3"): months, which the user must check. */
  monthsGuessed: boolean;
  /** The label's unit was guessed as weeks (bare numbers such as 12/26/52: bareNumberUnit), which the user must check. */
  weeksGuessed?: boolean;
  /** A visit number (`_1`, `_2` after `_0`): no time, kept as written, its unit for the user to say in "timeLabels". */
  visitNumber?: boolean;
  /** A follow-up word with a number and no unit (`oppf2`, `opf2`, `fu2`): a time in months, or the follow-up's number (visitsOf decides). */
  followUpNumber?: number;
}

export interface WideVisits {
  visits: WideVisit[];
  /** Bare-number suffixes were taken as visits (`_0/_3/_12`, not item numbers). */
  numeric: boolean;
}

/** How plan init compares names (spelled-out.ts: one helper with the chart names'). */
export { spelledOut };

/** A suffix folded for matching: spelled out, without spaces, dots and hyphens. */
function fold(suffix: string): string {
  return spelledOut(suffix).replace(/[\s.-]+/g, '');
}

// "bas" (SPSS users' short baseline), "før" (before), "basis", "start", "inklusion" (inclusion), "randomisering": Danish baselines;
// "0m", "0mdr", "uge0", "v0", "t0": time zero in any unit.
const BASELINE = /^(baseline|base|basis|bas|baslinje|bl|b0|t0|v0|visit0|besoeg0|foer|pre|prae|start|inkl|inklusion|inklusjon|screening|randomisering|rand|indgang|0(m|mo|mdr|mnd|md|maaned|maaneder|w|wk|u|uge|uger|d|dag|dage)|uge0|maaned0)$/;
// Norwegian and Swedish units beside the Danish and English ones (spelled out: "mån" is "maan"):
// `_6mndr`, `_6uker`, `_uke6`, `_6veckor`, `_3mån`, `_6manader`, `_1år`/`_1ar` — unread, a
// Norwegian `Smerte_6uker` became an outcome of its own, read at every visit.
const UNIT: [RegExp, string][] = [
  [/^(m|mo|mdr|mnd|mndr|md|maaned|maaneder|maaneders|month|months|maan|maanad|maanader|man|manad|manader)$/, 'm'],
  [/^(w|wk|wks|u|uge|uger|uke|uker|veke|veker|v|vk|vkr|vecka|veckor|week|weeks)$/, 'w'],
  [/^(d|dag|dage|dager|dagar|day|days)$/, 'd'],
  [/^(y|aar|ar|year|years)$/, 'y'],
];
/**
 * The unit a word names; `unitFirst` for a unit written before its number (`uge6`): then "v" is
 * no unit, as `v2` is visit 2 (FOLLOW_UP_WORD), while `6v` is Swedish for 6 weeks (veckor).
 */
const unitOf = (word: string, unitFirst = false): string | undefined => (unitFirst && word === 'v' ? undefined : UNIT.find(([re]) => re.test(word))?.[1]);
/** A time with its unit, either way round: "3mdr", "12m", "6uger", "uge6", "mdr3". */
const NUMBER_UNIT = /^(\d+)([a-z]+)$/;
const UNIT_NUMBER = /^([a-z]+)(\d+)$/;
/** "efter3" (after 3), "opf3", "fu3", "followup3": a follow-up numbered by its time, unit unsaid. */
const AFTER = /^(efter|opf|opfoelgning|oppf|oppfoelging|uppf|uppfoljning|fu|followup|post)(\d+)([a-z]*)$/;
/** Follow-ups named without a time (Norwegian `oppf`, Swedish `uppf`, `besok3` among them). */
const FOLLOW_UP_WORD = /^(efter|post|fu|followup|opf|opfoelgning|oppf|oppfoelging|uppf|uppfoljning|slut|end|t\d+|v\d+|besoeg\d+|besok\d+)$/;

/** One named suffix's visit, or undefined when it names no visit (`_tot`, `_gns`, an item number). */
export function namedVisit(suffix: string): WideVisit | undefined {
  // A time before the word for follow-up, as Norwegian writes it ("3 måneders oppfølging"): the time.
  const before = /^(\d+[a-z]+?)s?(oppfoelging|opfoelgning|uppfoljning|oppf|opf|uppf|fu|followup|kontroll|kontrol)$/.exec(fold(suffix));
  if (before) {
    const v = namedVisit(before[1]!);
    return v && !v.baseline ? { ...v, suffix } : undefined;
  }
  const s = fold(suffix);
  if (BASELINE.test(s)) return { suffix, label: 'baseline', baseline: true, monthsGuessed: false };
  const after = AFTER.exec(s);
  if (after) {
    const unit = after[3] === '' ? undefined : unitOf(after[3]!);
    if (after[3] !== '' && !unit) return undefined;
    const counts = unit === undefined && !/^(efter|post)$/.test(after[1]!);
    return { suffix, label: `${Number(after[2])}${unit ?? 'm'}`, baseline: false, monthsGuessed: unit === undefined, ...(counts ? { followUpNumber: Number(after[2]) } : {}) };
  }
  const nu = NUMBER_UNIT.exec(s) ?? UNIT_NUMBER.exec(s);
  if (nu) {
    const [n, word] = /^\d/.test(s) ? [nu[1]!, nu[2]!] : [nu[2]!, nu[1]!];
    const unit = unitOf(word, !/^\d/.test(s));
    if (unit) return { suffix, label: `${Number(n)}${unit}`, baseline: false, monthsGuessed: false };
  }
  if (FOLLOW_UP_WORD.test(s)) return { suffix, label: s, baseline: false, monthsGuessed: false };
  return undefined;
}

/** A preposition before a visit written as a phrase at the end of a name (`ved 3 måneder`, `efter 9 mdr.`, `at 3 months`). */
const PREPOSITION = /\s(ved|efter|i|til|at|after|on|på|vid)\s+/gi;
/** A visit phrase as a whole (`ved 3 måneder`): the time label of an SPSS variable-label column. */
const PHRASE = /^(ved|efter|i|til|at|after|on|på|vid)\s+(.+)$/i;

/** The visit of a phrase suffix (`ved baseline`, `ved 3 måneder`, `efter 9 mdr.`), the suffix kept as written. */
export function phraseVisit(suffix: string): WideVisit | undefined {
  const m = PHRASE.exec(suffix.trim());
  if (!m) return undefined;
  const v = namedVisit(m[2]!) ?? namedVisit(`${m[1]}${m[2]}`);
  return v ? { ...v, suffix } : undefined;
}

/**
 * A name that ends in its visit as a phrase, as SPSS writes variable labels (`RMDQ total (0-24)
 * ved 3 måneder`; docs/input-trial-export.md#spss-variable-labels): [stem, phrase], the last
 * preposition whose rest reads as a visit winning (`Smerte i ryggen ved 3 måneder`); else undefined.
 */
export function phraseColumn(header: string): [string, string] | undefined {
  const h = header.trim();
  for (const m of [...h.matchAll(PREPOSITION)].reverse()) {
    const phrase = `${m[1]} ${h.slice(m.index! + m[0].length)}`;
    if (m.index! > 0 && phraseVisit(phrase)) return [h.slice(0, m.index!).trim(), phrase];
  }
  return undefined;
}

/** Whether wide column `name` is `<stem>_<t>`, or `<stem> <t>` for a visit phrase `t` (`ved 3 måneder`). */
export function endsInVisit(name: string, t: string): boolean {
  if (name.length <= t.length + 1) return false;
  return name.endsWith(`_${t}`) || (PHRASE.test(t) && name.endsWith(` ${t}`));
}

/**
 * The visits of a wide header, read from the stems measured at two visits or more — an outcome's
 * columns (`RMDQ_basis`, `RMDQ_3mdr`); a lone `Dato_randomisering` or `Behandling_start` names
 * no visit, though its suffix reads like one (it once made the randomisation date the baseline).
 * A stem's bare numbers are visits only beside its own baseline (`_basis` or `_0`) and when few
 * (`rmdq_1 … rmdq_24` are items, never visits, and an item block does not start at 0).
 * `baselines` lists every baseline-like suffix of those stems: more than one is for the user to
 * settle (`_basis` on some, `_baseline` on others).
 */
export function wideVisits(header: readonly string[]): WideVisits & { baselines: string[] } {
  // Visit phrases only when no column gives visits by its `_<visit>` suffix, as the loader reads
  // them (wide-to-long.ts): beside `RMDQ_base`, `RMDQ_3mdr` a `Dato ved baseline`, `Dato ved 3
  // måneder` pair is two dates, not a second baseline (docs/input-trial-export.md#spss-variable-labels).
  const bySuffix = suffixVisits(header);
  return bySuffix.visits.length ? bySuffix : visitsOf(header, true);
}

/** The visits the header gives by `_<visit>` suffixes alone (wideVisits without visit phrases). */
export function suffixVisits(header: readonly string[]): WideVisits & { baselines: string[] } {
  return visitsOf(header, false);
}

/** wideVisits, reading visit phrases (`ved 3 måneder`) as well as `_<visit>` suffixes when `phrases`. */
function visitsOf(header: readonly string[], phrases: boolean): WideVisits & { baselines: string[] } {
  const byStem = new Map<string, string[]>();
  for (const h of header) {
    const phrase = phrases ? phraseColumn(h) : undefined;
    const m = phrase ? [h, ...phrase] : (redcapColumn(h.trim()) ?? /^(.+)_([^_]+)$/.exec(h.trim()));
    if (!m) continue;
    const [, stem, suffix] = m as unknown as [string, string, string];
    byStem.set(stem, [...(byStem.get(stem) ?? []), suffix]);
  }
  // A suffix in two parts, as SPSS users write it (`Smerte_6_uker`, `Smerte_6mnd_oppf`), on a
  // stem whose other columns end in visits: split at its last "_" it read as an outcome
  // `Smerte_6` at visit `uker` — the visit, the suffix kept as written (the loader reads it so).
  const stemOf = new Map<string, string>();
  for (const h of phrases ? [] : header) {
    const t = h.trim();
    // `rmdq_1_3m` is item 1 at 3 months, never `rmdq` at "1_3m": a last part with a time is the visit.
    const last = t.slice(t.lastIndexOf('_') + 1);
    if (redcapColumn(t) || (/\d/.test(last) && (/^\d+$/.test(last) || namedVisit(last)))) continue;
    for (let at = t.indexOf('_'); at > 0 && at < t.lastIndexOf('_'); at = t.indexOf('_', at + 1)) {
      const [stem, suffix] = [t.slice(0, at), t.slice(at + 1)];
      const visit = /\d/.test(suffix) ? namedVisit(suffix.replace(/_/g, '')) : undefined;
      const own = byStem.get(stem)?.filter((x) => namedVisit(x) !== undefined || /^\d+$/.test(x)) ?? [];
      if (!visit || own.length < 2) continue;
      stemOf.set(t, stem);
      break;
    }
  }
  for (const [t, stem] of stemOf) {
    const m = /^(.+)_([^_]+)$/.exec(t)!;
    byStem.set(m[1]!, byStem.get(m[1]!)!.filter((x) => x !== m[2]));
    byStem.get(stem)!.push(t.slice(stem.length + 1));
  }
  const found = new Map<string, WideVisit>();
  let numeric = false;
  for (const suffixes of byStem.values()) {
    const named = suffixes.flatMap((s) => (/^\d+$/.test(s) ? [] : (namedVisit(s) ?? redcapVisit(s) ?? (phrases ? phraseVisit(s) : undefined) ?? partsVisit(s) ?? [])));
    const numbers = suffixes.filter((s) => /^\d+$/.test(s));
    const ownBaseline = named.some((v) => v.baseline) || numbers.some((n) => Number(n) === 0);
    const asVisits = ownBaseline && numbers.length <= MAX_NUMBERED_VISITS ? numberedVisits(numbers) : [];
    // Follow-ups numbered 1, 2, … k by a follow-up word (`_oppf1 _oppf2 _oppf3`, `_opf1 _opf2`):
    // the follow-up's number, as a bare `_1 _2 _3` is, not 1, 2, 3 months — kept as written, their
    // times for the user to give (docs/plan-trial.md#visits-of-a-wide-export).
    const numberedWords = named.filter((v) => v.followUpNumber !== undefined);
    const counting = numberedWords.length > 0 && countedVisits(numberedWords.map((v) => v.followUpNumber!));
    const visits = [...named.map((v) => (counting && v.followUpNumber !== undefined ? { ...v, label: v.suffix, monthsGuessed: false, visitNumber: true } : v)), ...asVisits];
    if (visits.length < 2) continue;
    if (asVisits.length) numeric = true;
    for (const v of visits) if (!found.has(v.suffix)) found.set(v.suffix, v);
  }
  // Named visits in header order, then numbered ones by number (as the suffixes read).
  const all = [...found.values()];
  const visits = [...all.filter((v) => !/^\d+$/.test(v.suffix)), ...all.filter((v) => /^\d+$/.test(v.suffix)).sort((a, b) => Number(a.suffix) - Number(b.suffix))];
  return { visits, numeric, baselines: visits.filter((v) => v.baseline).map((v) => v.suffix) };
}

/** The visit of a suffix in parts (`6_uker` → 6w), the suffix kept as written. */
function partsVisit(suffix: string): WideVisit | undefined {
  const v = suffix.includes('_') && /\d/.test(suffix) ? namedVisit(suffix.replace(/_/g, '')) : undefined;
  return v ? { ...v, suffix } : undefined;
}

/**
 * REDCap's wide export names a field at each event `<field>_<event>_arm_<n>`
 * (`rmdq_3_months_arm_1`): the event is the shortest tail before `_arm_<n>` that names a visit
 * (`3_months`, not `months`), so `rmdq_1_baseline_arm_1` is item `rmdq_1` at `baseline_arm_1`.
 * As a match: [whole, stem, suffix]; undefined for any other column.
 */
function redcapColumn(h: string): [string, string, string] | undefined {
  const m = /^(.+)_arm_(\d+)$/i.exec(h);
  if (!m) return undefined;
  const words = m[1]!.split('_');
  for (let k = 1; k < words.length; k++) {
    const event = words.slice(-k).join('_');
    if (namedVisit(event.replace(/_/g, ''))) return [h, words.slice(0, -k).join('_'), `${event}_arm_${m[2]}`];
  }
  return undefined;
}

/** The visit of a REDCap event suffix (`3_months_arm_1` → 3m, `baseline_arm_1` → baseline); the suffix stays as written. */
function redcapVisit(suffix: string): WideVisit | undefined {
  const m = /^(.+)_arm_\d+$/i.exec(suffix);
  const v = m ? namedVisit(m[1]!.replace(/_/g, '')) : undefined;
  return v ? { ...v, suffix } : undefined;
}

/** More bare-number suffixes than this on one stem are an item block, not visits. */
const MAX_NUMBERED_VISITS = 8;

/**
 * The visits of a wide header whose visit numbers follow the name without a separator, as Stata's
 * `reshape wide` writes them (`rmdq0 rmdq3 rmdq12`): read only when unambiguous — every stem
 * ending in a letter and measured at the same numbers, one of them 0 (the baseline), at most
 * eight, so an item block (`q1 … q24`, which starts at 1) is never taken for visits. Numbers are
 * months unless the user says otherwise, as for a bare `_3`.
 */
export function unseparatedVisits(header: readonly string[]): { visits: WideVisit[]; stems: string[] } | undefined {
  const byStem = new Map<string, string[]>();
  for (const h of header) {
    const m = /^(.*[A-Za-z])(\d+)$/.exec(h.trim());
    if (m) byStem.set(m[1]!, [...(byStem.get(m[1]!) ?? []), m[2]!]);
  }
  const asVisits = [...byStem].filter(([, ns]) => ns.length >= 2 && ns.length <= MAX_NUMBERED_VISITS && ns.some((n) => Number(n) === 0));
  if (!asVisits.length) return undefined;
  const set = (ns: string[]) => [...ns].sort((a, b) => Number(a) - Number(b)).join(',');
  const numbers = set(asVisits[0]![1]);
  if (asVisits.some(([, ns]) => set(ns) !== numbers)) return undefined;
  const visits = numberedVisits(numbers.split(','));
  return { visits, stems: asVisits.map(([stem]) => stem) };
}

/**
 * A stem's bare-number suffixes as visits: `0` the baseline. Follow-ups numbered 1, 2, … k
 * (`rmdq_0 rmdq_1 rmdq_2`) are visit numbers, not months — kept as written for the user to give
 * their times in "timeLabels", as a long export's visits `1`, `2` are; other numbers (`_3`,
 * `_12`) read as months, which the checks say.
 */
function numberedVisits(numbers: readonly string[]): WideVisit[] {
  const followUps = numbers.map(Number).filter((n) => n !== 0);
  const counted = countedVisits(followUps);
  const unit = bareNumberUnit(followUps);
  return numbers.map((n): WideVisit => {
    if (Number(n) === 0) return { suffix: n, label: 'baseline', baseline: true, monthsGuessed: false };
    if (counted) return { suffix: n, label: n, baseline: false, monthsGuessed: false, visitNumber: true };
    return { suffix: n, label: `${Number(n)}${unit}`, baseline: false, monthsGuessed: unit === 'm', ...(unit === 'w' ? { weeksGuessed: true } : {}) };
  });
}

/** Follow-ups numbered 1, 2, … k: visit numbers, not times. */
export function countedVisits(followUps: readonly number[]): boolean {
  const sorted = [...followUps].sort((a, b) => a - b);
  return sorted.length > 0 && sorted.every((n, k) => n === k + 1);
}

/**
 * The unit of follow-ups written as bare numbers, for a wide export's `_12/_26/_52` and a long
 * export's visits `12`, `26`, `52` alike: weeks when a number above 24 is no whole number of
 * years in months (26 and 52 are a half-year and a year in weeks; 36 and 48 months are years),
 * else months (`3/6/12`). A guess either way, which plan init's checks say with the labels to
 * write for the other unit.
 */
export function bareNumberUnit(followUps: readonly number[]): 'w' | 'm' {
  return followUps.some((n) => n > 24 && n % 12 !== 0) ? 'w' : 'm';
}

/** More different follow-up numbers than a trial's schedule has visits. */
const MAX_SCHEDULED_VISITS = 12;
/** A gap of more than a week between two numbers ends a window of study days. */
const WINDOW_GAP = 7;

/**
 * Bare follow-up numbers that are study days (days since randomisation, each patient seen on
 * their own day within a visit window: 80–104, 168–202) rather than a schedule's visits: more
 * different numbers than a schedule has visits, most beside another one unit away (a schedule's
 * visits never are), and filling less than three quarters of their range (a weekly diary 1, 2, …
 * fills it) — or, in an export too small for days side by side, bunched into windows at uneven
 * steps — unless the patients sit at the same numbers, as a schedule's do (`patients`: each
 * patient's numbers). The windows in order, or undefined when the numbers read as visits. Drafting one
 * visit per day would give each patient a visit of their own (docs/plan-trial.md, "What plan
 * init recognises in real exports").
 */
export function studyDayWindows(followUps: readonly number[], patients?: readonly ReadonlySet<number>[]): { from: number; to: number }[] | undefined {
  const sorted = [...new Set(followUps)].sort((a, b) => a - b);
  if (sorted.length <= MAX_SCHEDULED_VISITS || countedVisits(sorted)) return undefined;
  if (patients && sharedSchedule(sorted, patients)) return undefined;
  const neighboured = sorted.filter((n, k) => sorted[k - 1] === n - 1 || sorted[k + 1] === n + 1).length;
  const filled = sorted.length / (sorted[sorted.length - 1]! - sorted[0]! + 1);
  if (filled >= 0.75) return undefined;
  const windows: { from: number; to: number }[] = [];
  const steps = new Set<number>();
  for (const n of sorted) {
    const last = windows[windows.length - 1];
    if (last && n - last.to <= WINDOW_GAP) {
      steps.add(n - last.to);
      last.to = n;
    } else windows.push({ from: n, to: n });
  }
  // A small export (a pilot of 8 patients) has too few days to lie side by side; its days still
  // bunch into windows (three or more numbers to a window) at uneven steps (four step sizes or
  // more), where a schedule's visits step evenly (2, 4, 6, … weeks; 3, 6, 9, … months).
  const bunched = windows.length * 3 <= sorted.length && steps.size >= 4;
  return neighboured * 2 >= sorted.length || bunched ? windows : undefined;
}

/**
 * Whether the patients sit at the same numbers, as a schedule's patients do (weekly during
 * treatment, then every 2 weeks, then 26 and 52: each patient at most of them), where each
 * patient of a study-day export has a day of their own in each window, a few of the many numbers:
 * the middle patient holds at least half of the different numbers.
 */
function sharedSchedule(distinct: readonly number[], patients: readonly ReadonlySet<number>[]): boolean {
  const held = patients.map((own) => distinct.filter((n) => own.has(n)).length).filter((k) => k > 0).sort((a, b) => a - b);
  return held.length > 0 && held[Math.floor(held.length / 2)]! * 2 >= distinct.length;
}

/**
 * A visit label for a window of study days, by its middle: weeks up to 12 weeks, as protocols
 * name their early visits (a window around day 42 is "6w", not "1m"), months after it (30.44
 * days a month: days 80–104 are "3m").
 */
export function windowLabel(w: { from: number; to: number }): string {
  const mid = (w.from + w.to) / 2;
  const weeks = Math.max(1, Math.round(mid / 7));
  return weeks <= 12 ? `${weeks}w` : `${Math.max(1, Math.round(mid / (365.25 / 12)))}m`;
}

/** A window of study days as a sentence names it: `days 80–104`, or `day 28` for a window of one day. */
export function windowDays(w: { from: number; to: number }): string {
  return w.from === w.to ? `day ${w.from}` : `days ${w.from}–${w.to}`;
}
