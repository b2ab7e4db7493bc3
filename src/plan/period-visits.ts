/**
 * A wide export whose visit follows the name after a period (`RMDQ.0`, `RMDQ.3`, `rmdq.bl`):
 * SPSS's Data > Restructure "cases into variables" (CASESTOVARS, whose default separator is ".")
 * and R's `reshape(direction = "wide")` name the columns so. hta reads visits after "_"
 * (wide-visits.ts); such a header is read as if written with "_" — the period taken as the
 * separator only where "_" would read a visit, under the same rules (docs/plan-trial.md#visits-of-a-wide-export):
 * never when some column gives its visit after "_", never for a name whose part before the period
 * has no letter (`2.5`), and only for a period whose suffix is one of the visits (`pain.avg` stays
 * as written). Pure.
 */
import { suffixVisits } from './wide-visits.js';

/** A header column read with "_" for its period, and its name as the file writes it. */
export interface PeriodRename {
  /** The name as the file writes it (`RMDQ.0`). */
  from: string;
  /** The name read (`RMDQ_0`). */
  to: string;
}

/** `name` with its last period, before `suffix`, read as "_"; undefined when the name is not `<stem>.<suffix>`. */
function withUnderscore(name: string, suffix: string): string | undefined {
  const end = name.trimEnd().length;
  const at = end - suffix.length - 1;
  if (at <= 0 || name[at] !== '.' || name.slice(at + 1, end).toLowerCase() !== suffix.toLowerCase()) return undefined;
  const stem = name.slice(0, at);
  return /\p{L}/u.test(stem) ? `${stem}_${name.slice(at + 1)}` : undefined;
}

/**
 * For plan init: the header with its period-separated visit columns read with "_", when no column
 * gives a visit after "_" and the periods read as visits by the rules of "_" (a stem measured at
 * two visits or more; bare numbers only beside the stem's own `0`, at most 8 of them, so R's
 * `x.1`, `x.2` for repeated names and an item block `q.1 … q.24` are no visits), and only for a
 * stem measured at two of those visits or more. Undefined otherwise.
 */
export function periodVisitHeader(header: readonly string[]): { header: string[]; renamed: PeriodRename[] } | undefined {
  // (A period suffix read after its "_": `rmdq_1.3m` would be rmdq at "1.3m", 13 months.)
  const periodSuffix = /\.([^._\s]+)\s*$/;
  if (suffixVisits(header.filter((h) => !periodSuffix.test(h))).visits.length) return undefined;
  const taken = new Set(header);
  const split = header.map((h) => {
    const m = periodSuffix.exec(h);
    const to = m ? withUnderscore(h, m[1]!) : undefined;
    return to !== undefined && !taken.has(to) ? to : undefined;
  });
  const candidate = header.map((h, i) => split[i] ?? h);
  const suffixes = new Set(suffixVisits(candidate).visits.map((v) => v.suffix));
  if (!suffixes.size) return undefined;
  // A column is read so only when its stem is measured at two of the visits or more: `q.3` of an
  // item block `q.1 … q.3` beside `RMDQ.0`, `RMDQ.3` keeps its period.
  const partsOf = (to: string) => [to.slice(0, to.lastIndexOf('_')), to.slice(to.lastIndexOf('_') + 1).trimEnd()] as const;
  const visitsOfStem = new Map<string, number>();
  for (const to of split) {
    if (to === undefined) continue;
    const [stem, suffix] = partsOf(to);
    if (suffixes.has(suffix)) visitsOfStem.set(stem, (visitsOfStem.get(stem) ?? 0) + 1);
  }
  const renamed: PeriodRename[] = [];
  const out = header.map((h, i) => {
    const to = split[i];
    if (to === undefined || !suffixes.has(partsOf(to)[1]) || (visitsOfStem.get(partsOf(to)[0]) ?? 0) < 2) return h;
    renamed.push({ from: h, to });
    return to;
  });
  return renamed.length ? { header: out, renamed } : undefined;
}

/**
 * For the trial reader: the header with each column the plan names as `<column>_<visit>` (`visits`:
 * the export's visit labels) read from a header column `<column>.<visit>` — compared as the column
 * resolver compares names (`fold`), the rest of the name kept as written so that it then finds the
 * plan's spelling — when the header has none of those `_` names itself (a file writes its visits
 * one way). Undefined when nothing is read so.
 */
export function periodVisitSpelling(header: readonly string[], named: readonly string[], visits: readonly string[], fold: (name: string) => string): { header: string[]; renamed: PeriodRename[] } | undefined {
  const folded = new Set(header.map(fold));
  const byVisit = named.flatMap((n) => {
    const t = visits.find((v) => n.length > v.length + 1 && n.endsWith(`_${v}`));
    return t === undefined ? [] : [{ name: n, visit: t }];
  });
  if (!byVisit.length || byVisit.some(({ name }) => folded.has(fold(name)))) return undefined;
  const wanted = new Map(byVisit.map(({ name, visit }) => [fold(`${name.slice(0, -(visit.length + 1))}.${visit}`), visit]));
  const renamed: PeriodRename[] = [];
  const out = header.map((h) => {
    const visit = wanted.get(fold(h));
    const to = visit === undefined ? undefined : withUnderscore(h, visit);
    if (to === undefined || folded.has(fold(to))) return h;
    renamed.push({ from: h, to });
    return to;
  });
  return renamed.length ? { header: out, renamed } : undefined;
}

/** How many renamed columns a note names one by one. */
const NAMED = 3;

/** The note that says the period was read as the visit separator (en/da; docs/plan-trial.md#visits-of-a-wide-export). */
export function periodVisitNote(file: string, renamed: readonly PeriodRename[], lang: 'en' | 'da' = 'en'): string {
  const shown = renamed.slice(0, NAMED).map((r) => `"${r.from}" → "${r.to}"`).join(', ');
  const more = renamed.length > NAMED ? (lang === 'da' ? `, … (${renamed.length} kolonner)` : `, … (${renamed.length} columns)`) : '';
  return lang === 'da'
    ? `${file}: besøgskolonnerne har besøget efter "." (som SPSS' Restructure/CASESTOVARS og R's reshape() navngiver dem) og læses som med "_": ${shown}${more}`
    : `${file}: the visit columns give their visit after "." (as SPSS's Restructure/CASESTOVARS and R's reshape() name them), read as with "_": ${shown}${more}`;
}
