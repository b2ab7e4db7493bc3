/**
 * Reads a cost-effectiveness plan and everything it names (the trial plan, the unit-cost CSV, the
 * uptake plan for a tiered intervention price, the published figures), checking the cross-
 * references zod alone cannot see. Every problem is collected before stopping. docs/plan-cea.md.
 */
import { encodingNote } from '../io/encoding-note.js';
import { dirname, isAbsolute, join } from 'node:path';
import { HtaError, type Problem } from '../errors.js';
import { jsonProblems, locateProblems, readJsonFile } from '../io/read-json.js';
import { readCsvFile } from '../io/read-csv.js';
import { parseNumber } from '../io/parse-number.js';
import { DecimalMarkVote } from '../io/decimal-mark.js';
import { zodShapeHint } from '../io/zod-shape.js';
import { loadPlanFile } from '../plan/load-plan.js';
import { scaleOf } from '../plan/outcome-instrument.js';
import { responderPointsProblem } from '../plan/responder-points.js';
import type { Plan } from '../plan/plan-schema.js';
import { instruments } from '../instruments/registry.js';
import { loadUptakePlanFile } from '../uptake/uptake-plan.js';
import { tierCost } from '../uptake/tier-pricing.js';
import type { Lang } from '../report/i18n.js';
import { type CeaPlan, ceaPlanSchema } from './cea-plan-schema.js';
import { type UnitCostColumn, unitCostColumns } from './unit-cost-columns.js';
import { type PublishedCea, parsePublishedCea } from './published-cea.js';
import { discountApplies } from './discounting.js';
import { YEARS_PER_UNIT } from './qaly-auc.js';
import { CURRENCY_MARKS, markStandsFor, WITH_MARK } from './currency-marks.js';
import { SCIENTIFIC_PRICE_HINT, scientificHint, scientificNumber } from '../io/scientific-number.js';
import { excelErrorHint, isExcelError } from '../io/spreadsheet-cells.js';
import { prototypeKeyIssues } from '../plan/prototype-keys.js';
import { ownKeyRecords } from '../plan/own-key-records.js';

export interface UnitCost {
  cost: number;
  /** English (what results.json keeps); `sourceDa` the Danish wording when the input gives one. */
  source: string;
  sourceDa?: string;
}

/** A plan with its references read: what the analysis takes. */
export interface ResolvedCeaPlan {
  file: string;
  plan: CeaPlan;
  trialPlanFile: string;
  trialPlan: Plan;
  /** Item key → unit cost (plan currency and price year). */
  unitCosts: Record<string, UnitCost>;
  /** Cost of the intervention per intervention patient, and where it comes from. */
  interventionPrice: { price: number; source: string; tier?: { uptakePlan: string; priceYear?: number; mode: 'all-units' | 'marginal'; nationalVolume: number; rate: number; perPatient: number; currency: string; placeholder?: true } };
  published: PublishedCea | null;
  /**
   * Notes for stderr: how the unit-cost file was read when it is not UTF-8 (io/encoding-note.ts),
   * and how the uptake plan's price was read — those in both languages, for `--lang da` (noteIn).
   */
  readNotes?: PlanNote[];
}

/** A note in English, or in both languages (the plan is read once for the en and da pages of a run). */
export type PlanNote = string | { en: string; da: string };

/** A note in `lang` (English when it has no Danish form). */
export function noteIn(note: PlanNote, lang: Lang): string {
  return typeof note === 'string' ? note : note[lang];
}

export function loadCeaPlanFile(file: string): ResolvedCeaPlan {
  const json = readJsonFile(file, 'cost-effectiveness plan');
  const parsed = ceaPlanSchema.safeParse(json);
  // A "__proto__" key of "visitTimes.times" or an inline "unitCosts" map, which the schema would
  // drop without a word (plan/prototype-keys.ts); the maps then without a prototype (plan/own-key-records.ts).
  const protoKeys = prototypeKeyIssues(json, parsed.success ? [] : parsed.error.issues);
  if (!parsed.success || protoKeys.length) {
    throw new HtaError('plan.invalid', `${file} is not a valid cost-effectiveness plan`, jsonProblems(json, [...(parsed.success ? [] : parsed.error.issues), ...protoKeys], file, zodShapeHint(ceaPlanSchema)));
  }
  const plan = ownKeyRecords(ceaPlanSchema, parsed.data);
  const dir = dirname(file);
  const trialPlanFile = besidePlan(dir, plan.trialPlan);
  const trialPlan = loadPlanFile(trialPlanFile);
  const problems = crossCheck(plan, trialPlan, file);
  if (problems.length) throw new HtaError('plan.invalid', `${file} is not a valid cost-effectiveness plan`, locateProblems(json, problems));

  const readNotes: PlanNote[] = [];
  const unitCosts = typeof plan.unitCosts === 'string' ? readUnitCostFile(besidePlan(dir, plan.unitCosts), plan, (note) => readNotes.push(note)) : inlineUnitCosts(plan.unitCosts);
  const missing = plan.resourceUse.filter((r) => !Object.hasOwn(unitCosts, r.key));
  if (missing.length) {
    const where = typeof plan.unitCosts === 'string' ? besidePlan(dir, plan.unitCosts) : file;
    throw new HtaError('plan.invalid', `${where} has no unit cost for ${missing.length} resource item(s)`, missing.map((r) => ({ file: where, field: 'unitCosts', value: r.key, expected: `a unit cost for resource item "${r.key}"` })));
  }
  // `maxUnits` bounds a count; an item of amounts (unit cost 1) holds money, which it cannot bound
  // (implausible-units.ts does not check amounts): refused rather than ignored.
  const amountBounds = plan.resourceUse.flatMap((r, i) => (r.maxUnits !== undefined && unitCosts[r.key]!.cost === 1 ? [{ file, field: `resourceUse.${i}.maxUnits`, value: String(r.maxUnits), expected: `no "maxUnits" on item "${r.key}": its unit cost is 1, so its column holds amounts in ${plan.currency}, not a count of units, and "maxUnits" bounds counts only — leave it out` }] : []));
  if (amountBounds.length) throw new HtaError('plan.invalid', `${file} is not a valid cost-effectiveness plan`, locateProblems(json, amountBounds));
  const publishedFile = plan.published === undefined ? null : besidePlan(dir, plan.published);
  const published = publishedFile ? parsePublishedCea(readJsonFile(publishedFile, 'published figures'), publishedFile) : null;
  if (published) checkPublishedResponders(published, publishedFile!, [...trialPlan.responders, ...plan.responders].map((r) => r.key));
  const interventionPrice = interventionPriceOf(plan, dir, file, (note) => readNotes.push(note), json);
  return { file, plan, trialPlanFile, trialPlan, unitCosts, interventionPrice, published, ...(readNotes.length ? { readNotes } : {}) };
}

/** A published cost per extra responder that names its definition must name one the plans define. */
function checkPublishedResponders(published: PublishedCea, file: string, keys: readonly string[]): void {
  const problems: Problem[] = [];
  for (const [label, v] of Object.entries(published.costPerResponder)) {
    if (typeof v !== 'number' && !keys.includes(v.responder)) problems.push({ file, field: `costPerResponder.${label}.responder`, value: v.responder, expected: `a responder key of the trial plan or the cost-effectiveness plan (${keys.join(', ') || 'none defined'})` });
  }
  if (problems.length) throw new HtaError('plan.invalid', `${file} names a responder definition the plans do not have`, problems);
}

/**
 * A file the plan names, relative to the plan's folder, as a path that starts the way the user
 * gave the plan (`--plan plans/cea.json` → `plans/priser.csv`), as the manifest's inputs are
 * (report/manifest.ts): messages and notes then name it as the user knows it, not by an
 * absolute path with their home folder in it (`/tmp/…/priser.csv:6:2`).
 */
function besidePlan(dir: string, path: string): string {
  return isAbsolute(path) ? path : join(dir, path);
}

function crossCheck(plan: CeaPlan, trial: Plan, file: string): Problem[] {
  const problems: Problem[] = [];
  const visits = [trial.baseline, ...(trial.allTimepoints ?? trial.timepoints).filter((t) => t !== trial.baseline)];
  const utility = trial.outcomes.find((o) => o.key === plan.utility);
  if (!utility) problems.push({ file, field: 'utility', value: plan.utility, expected: `an outcome key of the trial plan (${trial.outcomes.map((o) => o.key).join(', ')})` });
  else if (!(instruments[utility.instrument]?.key ?? '').startsWith('eq5d')) problems.push({ file, field: 'utility', value: plan.utility, expected: 'an EQ-5D outcome (instrument eq5d5l or eq5d3l): QALYs need a utility index' });
  const timed = Object.keys(plan.visitTimes.times);
  if (!timed.includes(trial.baseline)) problems.push({ file, field: 'visitTimes.times', expected: `a time for the baseline visit "${trial.baseline}"` });
  for (const t of timed) if (!visits.includes(t)) problems.push({ file, field: `visitTimes.times.${t}`, value: t, expected: `a visit of the trial plan (${visits.join(', ')})` });
  const ordered = visits.filter((v) => timed.includes(v)).map((v) => plan.visitTimes.times[v]!);
  if (ordered.some((x, i) => i > 0 && x <= ordered[i - 1]!)) problems.push({ file, field: 'visitTimes.times', expected: 'times increasing in visit order' });
  if (timed.length < 2) problems.push({ file, field: 'visitTimes.times', expected: 'at least two visits (baseline and one follow-up)' });
  plan.periods.forEach((p, i) => {
    if (!visits.includes(p) || p === trial.baseline) problems.push({ file, field: `periods.${i}`, value: p, expected: `a follow-up visit of the trial plan (${visits.filter((v) => v !== trial.baseline).join(', ')})` });
  });
  problems.push(...horizonProblems(plan, visits, timed, file));
  // Costs after the first year are discounted by when they fall (discounting.ts): each period then needs its time.
  const unitYears = YEARS_PER_UNIT[plan.visitTimes.unit];
  const lastYears = Math.max(0, ...Object.values(plan.visitTimes.times)) * unitYears;
  if (discountApplies(plan.discountRate.costs, lastYears)) {
    plan.periods.forEach((p, i) => {
      if (!Object.hasOwn(plan.visitTimes.times, p)) problems.push({ file, field: `periods.${i}`, value: p, expected: `a time for "${p}" in "visitTimes"."times": follow-up goes past the first year, and costs after it are discounted by when they fall (or "discountRate": { "costs": 0 })` });
    });
  }
  const keys = new Set<string>();
  plan.resourceUse.forEach((r, i) => {
    if (keys.has(r.key)) problems.push({ file, field: `resourceUse.${i}.key`, value: r.key, expected: 'a key used once' });
    keys.add(r.key);
  });
  const responderKeys = new Set(trial.responders.map((r) => r.key));
  plan.responders.forEach((r, i) => {
    const o = trial.outcomes.find((x) => x.key === r.outcome);
    if (!o) problems.push({ file, field: `responders.${i}.outcome`, value: r.outcome, expected: `an outcome key of the trial plan (${trial.outcomes.map((x) => x.key).join(', ')})` });
    else {
      const p = responderPointsProblem(r.points, scaleOf(o, trial), o.key, `responders.${i}.points`, file);
      if (p) problems.push(p);
    }
    if (responderKeys.has(r.key)) problems.push({ file, field: `responders.${i}.key`, value: r.key, expected: 'a key the trial plan does not already define' });
    responderKeys.add(r.key);
  });
  if (plan.responderTime !== undefined && !visits.includes(plan.responderTime)) problems.push({ file, field: 'responderTime', value: plan.responderTime, expected: `a visit of the trial plan (${visits.join(', ')})` });
  if (plan.wtp.to <= plan.wtp.from) problems.push({ file, field: 'wtp.to', value: String(plan.wtp.to), expected: `more than wtp.from (${plan.wtp.from})` });
  else if ((plan.wtp.to - plan.wtp.from) / plan.wtp.step > 10000) problems.push({ file, field: 'wtp.step', value: String(plan.wtp.step), expected: 'at most 10,000 points over the range' });
  return problems;
}

/**
 * The costs and the QALYs must cover the same follow-up (docs/plan-cea.md#fields). Periods are
 * read in the order given, each from the previous one's visit, so they must follow the visits'
 * order; and the last must close at the QALY curve's last visit. A plan whose periods stopped at
 * "12 mdr" while its EQ-5D ran to "24 mdr" counted a year of costs against two years of QALYs,
 * dropped the 24-month resource use without a word and turned a dominant app into an ICER.
 */
function horizonProblems(plan: CeaPlan, visits: readonly string[], timed: readonly string[], file: string): Problem[] {
  const at = plan.periods.map((p) => visits.indexOf(p));
  if (at.some((k) => k <= 0)) return []; // named above: not a follow-up visit
  const last = plan.periods.length - 1;
  const outOfOrder = at.findIndex((k, i) => i > 0 && k < at[i - 1]!);
  if (outOfOrder >= 0) {
    const ordered = [...plan.periods].sort((a, b) => visits.indexOf(a) - visits.indexOf(b));
    return [{ file, field: `periods.${outOfOrder}`, value: plan.periods[outOfOrder]!, expected: `the periods in visit order, each counting the resource use since the previous one: ${JSON.stringify(ordered)}` }];
  }
  const curve = visits.filter((v) => timed.includes(v));
  const qalyEnd = curve[curve.length - 1];
  const costEnd = plan.periods[last]!;
  if (qalyEnd === undefined || qalyEnd === costEnd || curve.length < 2) return [];
  const q = JSON.stringify(qalyEnd);
  const c = JSON.stringify(costEnd);
  const expected = visits.indexOf(costEnd) < visits.indexOf(qalyEnd)
    ? `a last period that ends where the QALYs do: costs would stop at ${c} while QALYs run to ${q}, the last visit of "visitTimes", and resource use after ${c} would be left out — add ${q} to "periods" (${JSON.stringify([...plan.periods, qalyEnd])}) if the export holds its resource use, or leave ${q} out of "visitTimes" to analyse up to ${c}`
    : `a last period that ends where the QALYs do: costs would run to ${c} while QALYs stop at ${q}, the last visit of "visitTimes" — give ${c} its time in "visitTimes" so that the QALYs run to it too, or end "periods" at ${q}`;
  return [{ file, field: `periods.${last}`, value: costEnd, expected }];
}

/** The plan's own price list, its sources as text in English and (when given) Danish. */
function inlineUnitCosts(costs: Exclude<CeaPlan['unitCosts'], string>): Record<string, UnitCost> {
  return Object.fromEntries(Object.entries(costs).map(([k, u]) => [k, typeof u.source === 'string'
    ? { cost: u.cost, source: u.source }
    : { cost: u.cost, source: u.source.en, ...(u.source.da ? { sourceDa: u.source.da } : {}) }]));
}

/**
 * The unit-cost price list: one row per item, each stating its currency and price year, which
 * must be the plan's — a price list in another currency or year would be added to the others
 * without conversion, so it is refused with the line and column of every offending cell.
 *
 * A finance department's list is read as it comes (docs/plan-cea.md, "Unit costs"): rows for items
 * the plan does not use are left out unread (every item the plan uses must still be there, so a
 * misspelt one is refused, not skipped), empty rows are skipped, and the amount may carry the
 * plan's currency (`250 kr.`, `DKK 1.950,00`) and thousands separators (`1.234,50`) — read by
 * `readAmounts`, because the file-wide decimal-mark guess would read Danish `1.340` as 1.34.
 */
export function readUnitCostFile(file: string, plan: Pick<CeaPlan, 'currency' | 'priceYear' | 'resourceUse'>, onNote?: (note: PlanNote) => void): Record<string, UnitCost> {
  const csv = readCsvFile(file);
  // Every note on how the price list was read in both languages: `hta cea --lang da` prints the Danish (noteIn).
  const note = encodingNote(file, csv.dialect);
  if (note) onNote?.({ en: note, da: encodingNote(file, csv.dialect, 'da')! });
  // English or the usual Danish column names (unit-cost-columns.ts), a note for each Danish one.
  const cols = unitCostColumns(file, csv.header, csv.dialect.delimiter);
  for (const n of cols.notes) onNote?.(n);
  const items = new Set(plan.resourceUse.map((r) => r.key));
  // `læge` matches however the file composes its æ (macOS writes a + ◌̈-style decomposed letters).
  const keyOf = new Map(plan.resourceUse.map((r) => [r.key.normalize('NFC'), r.key]));
  // SAS upcases character values (`GP` for the plan's `gp`), as it does the headers, which are read
  // in any case: an item differing only in case is the plan's, said in a note — unless two plan
  // keys differ only in case, where case tells them apart (docs/plan-cea.md#unit-costs).
  const lower = new Map<string, string | null>();
  for (const [nfcKey, key] of keyOf) lower.set(nfcKey.toLowerCase(), lower.has(nfcKey.toLowerCase()) ? null : key);
  const inOtherCase = new Map<string, string>();
  const itemOf = (cell: string | null) => {
    if (cell === null) return null;
    const exact = keyOf.get(cell.normalize('NFC'));
    if (exact !== undefined) return exact;
    const key = lower.get(cell.normalize('NFC').toLowerCase());
    if (key === undefined || key === null) return cell;
    inOtherCase.set(cell, key);
    return key;
  };
  const problems: Problem[] = [];
  const out: Record<string, UnitCost> = {};
  const lineOf = new Map<string, number>();
  const unused = new Set<string>();
  const at = (name: UnitCostColumn) => cols.at.get(name)!;
  // A row of missing-value cells only (NA, .) prices nothing (read-csv.ts skips `;;;;` rows).
  const rows = [...csv.records].filter((rec) => rec.cells.some((c) => c !== null));
  for (const rec of rows) {
    const item = itemOf(rec.cells[at('item')] ?? null);
    if (item !== null && !items.has(item)) unused.add(item);
    // A price with no item name may be the row of a plan item: never skipped in silence.
    if (item === null) problems.push({ file, line: rec.line, column: at('item') + 1, field: cols.name('item'), expected: `an item name: the row has other cells but no item (the plan's items: ${[...items].join(', ')})`, kind: 'unit-cost.item' });
  }
  const used = rows.filter((rec) => items.has(itemOf(rec.cells[at('item')] ?? null) ?? ''));
  // A currency mark or a worded price year read as the plan's: said once each.
  const readAs: { currency?: { line: number; text: string }; year?: { line: number; text: string } } = {};
  const amounts = readAmounts(used.map((rec) => rec.cells[at('unit_cost')] ?? null), csv.dialect.delimiter, plan.currency);
  used.forEach((rec, r) => {
    const cell = (name: UnitCostColumn) => rec.cells[at(name)] ?? null;
    const where = (name: UnitCostColumn, value: string | null) => ({ file, line: rec.line, column: at(name) + 1, field: cols.name(name), ...(value !== null ? { value } : {}) });
    const item = itemOf(cell('item'))!;
    const first = lineOf.get(item);
    if (first !== undefined) problems.push({ ...where('item', item), expected: `each item once (line ${first} has it too; keep the one that applies)`, kind: 'unit-cost.duplicate' });
    else lineOf.set(item, rec.line);
    const amount = amounts[r]!;
    // No kind: grouped by their words, so an Excel error value keeps its own message beside a foreign currency's.
    if (typeof amount === 'string') problems.push({ ...where('unit_cost', cell('unit_cost')), expected: amount });
    // No currency column: the unit the unit-cost header states (`Enhedspris (kr.)`), checked once below.
    if (cols.headerCurrency === undefined) {
      const currency = cell('currency');
      // `dkk` is DKK; `kr.`/`kr` (or `€`) is the plan's currency when it can stand for it, as in an
      // amount (CURRENCY_MARKS); a code is never guessed beyond its case.
      if (!isPlanCurrency(currency, plan.currency)) problems.push({ ...where('currency', currency), expected: `${plan.currency}, the plan's currency (convert the price first)`, kind: 'unit-cost.currency' });
      else if (currency!.toUpperCase() !== plan.currency) readAs.currency ??= { line: rec.line, text: currency as string };
    }
    const year = cell('price_year');
    const yearRead = year === null ? null : priceYearOf(year);
    if (yearRead !== plan.priceYear) problems.push({ ...where('price_year', year), expected: `${plan.priceYear}, the plan's price year (inflate or deflate the price first)`, kind: 'unit-cost.price-year' });
    else if (year !== String(plan.priceYear)) readAs.year ??= { line: rec.line, text: year as string };
    const source = cell('source');
    if (source === null) problems.push({ ...where('source', source), expected: 'the source of the price', kind: 'unit-cost.source' });
    // Optional: the source in Danish, for a Danish page (docs/plan-cea.md). A source column named
    // `Kilde` holds the Danish text already: the Danish page shows it without a `source_da` copy,
    // also on a row whose `source_da` cell, beside it, is empty.
    const sourceDa = (cols.at.has('source_da') ? cell('source_da') : null) ?? (cols.danish.has('source') ? source : null);
    if (first === undefined && typeof amount === 'number' && source !== null) out[item] = { cost: amount, source, ...(sourceDa !== null ? { sourceDa } : {}) };
  });
  if (cols.headerCurrency !== undefined && !isPlanCurrency(cols.headerCurrency, plan.currency)) {
    problems.push({ file, line: 1, column: at('unit_cost') + 1, value: cols.name('unit_cost'), expected: `prices in ${plan.currency}, the plan's currency: the header states "${cols.headerCurrency}" (convert the prices first)`, kind: 'unit-cost.currency' });
  }
  if (inOtherCase.size) {
    const pairs = [...inOtherCase].map(([cell, key]) => `"${cell}" as "${key}"`).join(', ');
    onNote?.({
      en: `${file}: item names that differ from the plan's keys only in case are read as the plan's: ${pairs}`,
      da: `${file}: ydelsesnavne, der kun adskiller sig fra planens nøgler i store og små bogstaver, er læst som planens: ${pairs.replaceAll('" as "', '" som "')}`,
    });
  }
  if (readAs.currency) onNote?.({
    en: `${file}: currency "${readAs.currency.text}" (line ${readAs.currency.line}) read as ${plan.currency}, the plan's currency`,
    da: `${file}: valutaen "${readAs.currency.text}" (linje ${readAs.currency.line}) er læst som ${plan.currency}, planens valuta`,
  });
  if (readAs.year) onNote?.({
    en: `${file}: price year "${readAs.year.text}" (line ${readAs.year.line}) read as ${plan.priceYear}`,
    da: `${file}: prisåret "${readAs.year.text}" (linje ${readAs.year.line}) er læst som ${plan.priceYear}`,
  });
  const missing = [...items].filter((k) => !lineOf.has(k));
  if (missing.length) {
    const listed = unused.size ? `; the file's other items are ${[...unused].map((u) => `"${u}"`).join(', ')} — rename the row to the plan's key` : '';
    for (const k of missing) problems.push({ file, field: cols.name('item'), value: k, expected: `a row for resource item "${k}" of the plan${listed}`, kind: 'unit-cost.missing' });
  }
  if (problems.length) throw new HtaError('input.invalid', `${file} has ${problems.length} problem(s)`, problems);
  return out;
}

/**
 * A price year as a finance department writes it: `2022`, `2022-niveau`, `PL 2022`, `2022-priser`,
 * `prisniveau 2022`, `2022 prices`, `2022 price level` — one year and the words for a price level
 * around it. With those words the year may have two digits, as the Danish `PL 23`, `23-PL` (pris-
 * og lønniveau) write it: 2023 (20yy), whatever today's date (same input, same output): `PL 99` is
 * 2099, which no plan's price year matches, so the cell is refused as written. Anything else
 * (`2021/22`, `2022-23`, a bare `23`) is no year.
 */
export function priceYearOf(text: string): number | null {
  const m = /^(?:(pl|prisniveau|prisår|pris-?år|price\s+level|price\s+year)\s*[-:]?\s*)?(\d{4}|\d{2})(?:\s*-?\s*(niveau|prisniveau|priser|pl|prices|price\s+level|level))?$/i.exec(text.trim());
  if (!m) return null;
  if (m[2]!.length === 4) return Number(m[2]);
  return m[1] !== undefined || m[3] !== undefined ? 2000 + Number(m[2]) : null;
}

/** A currency cell (or header unit) that is the plan's: its code in any case, or a mark that can stand for it (`kr.` for DKK). */
function isPlanCurrency(text: string | null, currency: string): boolean {
  if (text === null) return false;
  return text.trim().toUpperCase() === currency || CURRENCY_MARKS[text.trim().toLowerCase()]?.includes(currency) === true;
}

/**
 * The amounts of a unit-cost column: a number ≥ 0, or the text of what is wrong with the cell.
 *
 * The decimal mark follows the project's one rule (io/decimal-mark.ts), voted by this column's
 * cells. Why per column rather than the file's sniffed decimal mark: a list of whole kroner written by
 * Danish Excel (`1.340`, `10.400`) looks like dot decimals to a file-wide guess and would be read
 * as 1.34 and 10.4 without a word. Here the column decides: a cell that can only be read one way
 * (`1.234,50`, `156,25`, `1.234.000` → decimal comma; `1,234.50`, `21.5` → decimal point) fixes
 * the mark for the whole column; when both kinds occur, the mark most such cells show is the
 * column's and the others are refused (they are the odd ones to fix), and with as many of each,
 * every cell that does not read the same either way is refused. With no such
 * cell, a `;`-separated file uses the decimal comma (what spreadsheets in comma-decimal locales
 * write, as for exports: docs/input-trial-export.md), a `,`-separated one the point, and in any
 * other (tab) file a cell such as `1.340` is refused. A cell that could be either (`1.340`,
 * `1,340`) is read only when the column's mark makes its separator the thousands one: beside a
 * `250.5` it is refused, not read as 1.34. Thousands
 * separators must group by three; spaces may group too. A currency mark is accepted only when it
 * can be the plan's currency: `250 EUR` in a DKK plan is refused, never converted. `noun` names
 * the cell in those messages: the resource-use reader reads a cost column already in money the
 * same way ("an amount": cea-patients.ts), and a count of units with `exactTo` 'unit' (a number
 * in Excel's Scientific format is then read when its digits reach the units, not the cents).
 */
export function readAmounts(cells: readonly (string | null)[], delimiter: string, currency: string, noun = 'a unit cost', exactTo: 'cent' | 'unit' = 'cent'): (number | string)[] {
  const texts = cells.map((cell): { error: string } | { number: string } => {
    if (cell === null) return { error: `${noun} ≥ 0 (the cell is empty)` };
    // `#N/A` from a failed lookup of the price: said for what it is, as every reader says it.
    if (isExcelError(cell.trim())) return { error: `${noun} ≥ 0; ${excelErrorHint(cell.trim(), false)}` };
    const m = WITH_MARK.exec(cell.replace(/[\u00a0\u202f]/g, ' ').trim())!;
    const marks = [m[1], m[3]].filter((x): x is string => x !== undefined);
    for (const mark of marks) {
      if (!markStandsFor(mark, currency)) return { error: `${noun} in ${currency}, the plan's currency ("${mark}" is not ${currency}; convert the price first)` };
    }
    return { number: m[2]!.replace(/,-$/, '') };
  });
  // The project's one rule (io/decimal-mark.ts), over this column; spaces group thousands here.
  const vote = new DecimalMarkVote();
  const marks = texts.map((t) => ('number' in t ? vote.add(t.number.replace(/ /g, '')) : null));
  const comma = marks.findIndex((m) => m === ',');
  const dot = marks.findIndex((m) => m === '.');
  const verdict = vote.verdict(delimiter);
  // A tie names no culprit: every cell that reads differently either way is refused. Otherwise
  // the cells with the other mark are the odd ones to fix (the odd `1234.50` among seven
  // decimal commas), refused alone. A tab file with no deciding cell decides nothing: its
  // `1.340` stays undecided and is refused rather than guessed.
  const conflict = verdict.mark === null;
  const decided = verdict.mark === null || verdict.basis === 'default' ? null : verdict.mark;
  const minority: ',' | '.' | null = decided === null ? null : decided === ',' ? (dot >= 0 ? '.' : null) : comma >= 0 ? ',' : null;
  const commas = vote.comma;
  const dots = vote.point;
  const markName = (m: ',' | '.') => (m === ',' ? 'decimal comma' : 'decimal point');
  const ambiguous = (cell: string) => `${noun} that cannot be misread: is "${cell}" thousands or decimals? Write it without a thousands separator (1340), or with its decimals (1.340,00 or 1,340.00)`;
  return texts.map((t, i): number | string => {
    if ('error' in t) return t.error;
    const n = t.number;
    // Excel's "Scientific" format (`2.10E+01`, `2,10E+01`) is read as every other reader reads it
    // (io/scientific-number.ts): its mark can only be the decimal one, so it casts no vote. Money
    // has cents: a price whose written digits stop before them (`1.23E+03` for 1,234.50) is
    // refused, never read rounded into the costs and the ICER.
    const sci = scientificNumber(n);
    if (sci) {
      if (sci.value < 0) return `${noun} ≥ 0`;
      if (exactTo === 'unit') return sci.wholeDigitsWritten ? sci.value : `${noun} ≥ 0; ${scientificHint(n)}`;
      return sci.decimalsWritten >= 2 ? sci.value : `${noun} written to the cent; ${SCIENTIFIC_PRICE_HINT}`;
    }
    // "1.340" where the column's decimal mark is the point would be 1.34: one price written
    // 250.5 must not divide a list of whole kroner by 1000. A cell that could be either is
    // read only when the mark makes its separator the thousands one.
    if (minority !== null && marks[i] === minority) {
      const others = minority === ',' ? dots : commas;
      // In a comma-separated file the point is the mark even where no cell shows it (rule 2).
      const like = others > 0 ? `like the ${others} other amounts in the column that show their decimal mark (e.g. "${cells[marks.findIndex((m) => m === decided)]!.trim()}")` : 'as a comma-separated file writes it';
      const [from, to] = minority === ',' ? [',', '.'] : ['.', ','];
      return `${noun} with the ${markName(decided!)}, ${like}; this one has a ${markName(minority)} — write every amount the same way (in the spreadsheet: select the cells, Find & Replace "${from}" with "${to}", and export again)`;
    }
    const groupSep = /^[1-9]\d{0,2}([.,])\d{3}$/.exec(n.replace(/ /g, ''))?.[1];
    if (decided !== null && groupSep === decided) return ambiguous(cells[i]!.trim());
    if (decided === null) {
      // A cell that reads the same either way ("67") is still read.
      const asComma = amountWith(n, ',');
      if (asComma !== undefined && asComma === amountWith(n, '.')) return asComma;
      if (!conflict) return ambiguous(cells[i]!.trim());
      const other = marks[i] === ',' ? dot : comma;
      const example = cells[other]!;
      return `${noun} written with the same decimal mark as the rest of the column ("${example}" reads the other way); write every amount the same way`;
    }
    const v = amountWith(n, decided);
    return v === undefined ? `${noun} ≥ 0${decided === ',' ? ' (decimal comma, e.g. 1.234,50 or 1234,5)' : ' (decimal point, e.g. 1,234.50 or 1234.5)'}` : v;
  });
}

/** A number ≥ 0 written with this decimal mark and optional thousands separators, or undefined. */
function amountWith(n: string, decimal: ',' | '.'): number | undefined {
  const thousands = decimal === ',' ? '.' : ',';
  const t = n.replace(/ (?=\d{3}(\D|$))/g, thousands);
  const esc = thousands === '.' ? '\\.' : ',';
  const dec = decimal === '.' ? '\\.' : ',';
  const ok = new RegExp(`^(\\d+|\\d{1,3}(${esc}\\d{3})+)(${dec}\\d+)?$`).test(t);
  if (!ok) return undefined;
  const v = Number(t.split(thousands).join('').replace(',', '.'));
  return Number.isFinite(v) ? v : undefined;
}

/** `note`: what the reader should know about how the uptake plan's price was read (docs/plan-cea.md#fields). */
function interventionPriceOf(plan: CeaPlan, dir: string, file: string, note: (text: PlanNote) => void, json?: unknown): ResolvedCeaPlan['interventionPrice'] {
  const ic = plan.interventionCost;
  // Without a source: said in words (the report words it in the page's language), not "plan".
  // A source in both languages: results.json keeps the English, the Danish page its own (cea-report.ts).
  if ('price' in ic) return { price: ic.price, source: (typeof ic.source === 'string' ? ic.source : ic.source?.en) ?? 'fixed price in the cost-effectiveness plan' };
  const uptakeFile = besidePlan(dir, ic.uptakePlan);
  const uptake = loadUptakePlanFile(uptakeFile);
  if (uptake.currency !== plan.currency && ic.rate === undefined) {
    throw new HtaError('plan.invalid', `${file}: the uptake plan's prices are in ${uptake.currency}, the plan's in ${plan.currency}`, [
      { file, field: 'interventionCost.rate', expected: `the rate (${plan.currency} per ${uptake.currency}) that converts the tier prices` },
    ]);
  }
  const rate = uptake.currency === plan.currency ? 1 : ic.rate!;
  if (uptake.currency === plan.currency && ic.rate !== undefined && ic.rate !== 1) {
    note({
      en: `${file}: interventionCost.rate (${ic.rate}) is not used: the uptake plan's prices are in ${uptake.currency}, the plan's currency`,
      da: `${file}: interventionCost.rate (${ic.rate}) bruges ikke: optagsplanens priser er i ${uptake.currency}, planens valuta`,
    });
  }
  // The tiers' price level against the analysis's (docs/plan-cea.md, interventionCost): hta does
  // not index prices, so another year's tiers are refused; tiers without a year are taken at the
  // analysis's, and said so.
  if (uptake.priceYear !== undefined && uptake.priceYear !== plan.priceYear) {
    throw new HtaError('plan.invalid', `${file}: the intervention's price comes from ${ic.uptakePlan}, whose tiers are ${uptake.priceYear} prices (its priceYear), but this plan's priceYear is ${plan.priceYear}: hta does not index prices`, locateProblems(json, [
      { file, field: 'priceYear', value: String(plan.priceYear), expected: `the price indexed to ${plan.priceYear} as a fixed price ({ "price": …, "source": "${ic.uptakePlan} at ${ic.nationalVolume} patients a year, indexed ${uptake.priceYear}→${plan.priceYear} (PL-indeks)" }), or an uptake plan in ${plan.priceYear} prices (docs/plan-cea.md "Bringing a price to the plan's price year")` },
    ]));
  }
  if (uptake.priceYear === undefined) note({
    en: `${file}: the intervention's price from ${ic.uptakePlan} is taken as ${plan.priceYear} prices, the plan's priceYear (an uptake plan states no price year: index its tiers first if they are another year's)`,
    da: `${file}: interventionens pris fra ${ic.uptakePlan} er taget som ${plan.priceYear}-priser, planens priceYear (en optagsplan angiver ikke et prisår: indeksér dens pristrin først, hvis de er fra et andet år)`,
  });
  // A region-scoped price model (docs/plan-uptake.md "volumeScope": "region") selects each region's
  // band by the region's own volume: read at the national volume it gave the national-scope price
  // without a word. No one volume gives a national price there, so the plan names its region's price.
  if (uptake.priceModel.volumeScope === 'region') {
    const bands = uptake.priceModel.tiers.map((t, i, all) => `${t.upTo === null ? `above ${all[i - 1]?.upTo ?? 0}` : `up to ${t.upTo}`}: ${t.price} ${uptake.currency}`).join(', ');
    throw new HtaError('plan.invalid', `${file}: the intervention's price comes from ${ic.uptakePlan}, whose price bands are selected by each region's own volume ("volumeScope": "region"), not by the national volume ${ic.nationalVolume}`, locateProblems(json, [
      { file, field: 'interventionCost.nationalVolume', value: String(ic.nationalVolume), expected: `the price of the region this analysis is for, as a fixed price: { "price": …, "source": "${ic.uptakePlan}, ${uptake.priceModel.mode === 'all-units' ? 'the all-units tier price' : 'the average over the marginal tiers'} at <the region's patients a year>" } (its bands, ${uptake.priceModel.mode}: ${bands}), or an uptake plan with "volumeScope": "national" (docs/plan-cea.md, interventionCost)` },
    ]));
  }
  const perPatient = tierCost(ic.nationalVolume, uptake.priceModel.tiers, uptake.priceModel.mode) / ic.nationalVolume;
  // The price model still plan init's placeholder (uptake-plan.ts placeholderWarning): said by every
  // output, as hta uptake says its budget is not real (analyze-cea.ts, cea-report.ts).
  const placeholder = uptake.placeholders?.includes('priceModel') === true;
  // The price and the rate in words, not "× 0.1344" (the report words it in the page's language).
  const priceWords = uptake.priceModel.mode === 'all-units' ? 'the all-units tier price' : 'the average over the marginal tiers';
  const rateWords = rate !== 1 ? `, converted at ${rate} ${plan.currency} per ${uptake.currency} (1 ${plan.currency} = ${Number((1 / rate).toFixed(2))} ${uptake.currency})` : '';
  return { price: perPatient * rate, source: `${ic.uptakePlan}: ${Number(perPatient.toFixed(2))} ${uptake.currency} per patient, ${priceWords} at ${ic.nationalVolume} patients a year${rateWords}${placeholder ? ' (a placeholder price model drafted by hta plan init)' : ''}`,
    tier: { uptakePlan: ic.uptakePlan, ...(uptake.priceYear !== undefined ? { priceYear: uptake.priceYear } : {}), mode: uptake.priceModel.mode, nationalVolume: ic.nationalVolume, rate, perPatient, currency: uptake.currency, ...(placeholder ? { placeholder: true as const } : {}) } };
}
