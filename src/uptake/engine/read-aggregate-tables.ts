/**
 * `hta uptake --aggregates`: the aggregate tables of sql/uptake-aggregates.sql as CSV files, run
 * elsewhere (a region's warehouse) and sent instead of patient-level rows
 * (docs/uptake-aggregates.md). Each path is a folder (its .csv files) or a file; each file is
 * recognised by its header as one of the four tables. All rows of a table, from however many
 * parts, are summed over their keys — regional parts become the national view.
 *
 * Every cell is checked: counts whole numbers ≥ 0, keys from their fixed lists, regions those of
 * the eligible file (with the plan's synonyms), one export date. An empty cell or NULL is an SQL
 * NULL ("all of them" in a key column); a SAS/Stata special missing value (`.A`) is not, there.
 */
import { looksMasked, maskedCountAdvice } from '../masked-count.js';
import { codeCandidate, cprExpected, cprInside, cprKind, looksLikeCpr } from '../cpr-shape.js';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HtaError, type Problem } from '../../errors.js';
import { readCsvFile, unreadableFile } from '../../io/read-csv.js';
import { headerKey, AGE_BANDS, REFERRERS, SEXES, dayToIso, isoToDay } from '../referral.js';
import { createDateFormatDetector, DATE_FORMAT_EXAMPLE, dateParser, dayNumberFormat, DEFAULT_FROM_DAY, MS_PER_DAY, today, type DateFormatOption, type DayWindow } from '../registry-dates.js';
import { ageBandScheme, ageBandsRead, bandCode, bandLabel, parseAgeBand, standardBandsText, type AgeBandsRead } from '../age-bands.js';
import type { RegionSet } from '../regions.js';
import { isEmptyCell } from '../missing-cells.js';
import { isSpecialMissing } from '../../trial/special-missing.js';
import {
  TABLE_COLUMNS, combineAggregateTables,
  type AggregateTables, type TableName,
} from './aggregate-tables.js';
import { refuseRepeatedParts, type AggregatePart } from './repeated-parts.js';

/** The CSV files of `paths` (a folder stands for its .csv files, in name order). */
export function aggregateFiles(paths: readonly string[]): string[] {
  return aggregateFilesOf(paths).map((f) => f.file);
}

/** As `aggregateFiles`, each file with the path (folder or file) it was given as. */
function aggregateFilesOf(paths: readonly string[]): { path: string; file: string }[] {
  const out: { path: string; file: string }[] = [];
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch (err) {
      throw unreadableFile(p, err);
    }
    if (!isDir) {
      out.push({ path: p, file: p });
      continue;
    }
    const csv = readdirSync(p).filter((n) => /\.csv$/i.test(n)).sort();
    if (csv.length === 0) throw new HtaError('input.invalid', `${p} holds no .csv files`, [{ file: p, expected: 'the aggregate tables as CSV files (uptake_cells.csv, uptake_clinics.csv, uptake_activation_years.csv, uptake_totals.csv)' }]);
    out.push(...csv.map((n) => ({ path: p, file: join(p, n) })));
  }
  return out;
}

/** Which table a header is: its columns, in any order and case. */
function tableOf(header: readonly string[]): TableName | undefined {
  const keys = [...header.map(headerKey)].sort().join(',');
  return (Object.keys(TABLE_COLUMNS) as TableName[]).find((t) => [...TABLE_COLUMNS[t]].sort().join(',') === keys);
}

/**
 * The export date of uptake_totals: ISO, or written as the registry's dates are (the plan's
 * `dateFormat`: a SAS job writing its tables with DATE9. writes `30NOV2025`); under `auto` the
 * one text's format if it tells (docs/uptake-aggregates.md). `window`: the plan's date window
 * (its `to` the plan's dateWindow.to or exportDate). A two-digit year is read in the century
 * inside it — with no end, the century from its start, never against the day of the run (the
 * same tables must read the same whenever they are read). A day number under `auto` is an Excel
 * serial or a SAS date by the window, as in the registry (registry-dates.ts dayNumberFormat):
 * `24075` is 2025-11-30 as a SAS date, 1965-11-29 as an Excel serial; with both readings inside
 * or neither, refused naming both.
 */
function exportDateReader(format: DateFormatOption | undefined, window: DayWindow): { read: (text: string) => { day: number } | { expected: string } } {
  const planFormat = format === undefined || format === 'auto' || format === 'iso' || format === 'iso-datetime' ? undefined : format;
  const from = new Date(window.from * MS_PER_DAY);
  const century = { from: window.from, to: window.to ?? Date.UTC(from.getUTCFullYear() + 100, from.getUTCMonth(), from.getUTCDate()) / MS_PER_DAY - 1 };
  const other = planFormat === undefined ? undefined : dateParser(planFormat, century);
  const expected = planFormat === undefined
    ? `a YYYY-MM-DD date${format === 'auto' ? ' or a date in a format auto tells from the one cell' : ' (or a date in the registry\'s format: set the plan\'s "dateFormat")'}`
    : `a date written ${DATE_FORMAT_EXAMPLE[planFormat]}, as the plan's "dateFormat" (${planFormat}) says, or YYYY-MM-DD`;
  const read = (text: string): { day: number } | { expected: string } => {
    const iso = isoToDay(text);
    const day = iso !== undefined || text === '' ? iso : other !== undefined ? other(text) : format === 'auto' ? autoDay(text) : undefined;
    return typeof day === 'number' ? { day } : typeof day === 'string' ? { expected: day } : { expected };
  };
  // Under auto: the day, or why the one text reads two ways (a day number both or neither of whose readings is inside the window).
  const autoDay = (text: string): number | string | undefined => {
    const detector = createDateFormatDetector();
    detector.add(text);
    const found = detector.result();
    if (!('format' in found) || found.odd !== undefined) return undefined;
    if (found.dayNumbers === undefined) return dateParser(found.format, century)(text);
    const chosen = dayNumberFormat(found.dayNumbers, window.from, window.to ?? today());
    if ('reason' in chosen) return `a date that reads one way — found ${chosen.reason}`;
    return dateParser(chosen.format, century)(text);
  };
  return { read };
}

// An empty cell as in the registry: '', NULL, (null), NA or . in any case (missing-cells.ts).
const isNull = (v: string) => isEmptyCell(v.trim());
// A SAS/Stata special missing value (`.A`) in a key column is no empty cell: empty there means
// "all" (a total row), and `.A` is a group of its own the tables' SQL did not write — counted as
// all of them it would double the total. Refused (docs/uptake-aggregates.md "The aggregate tables").
const SPECIAL_IN_KEY = (v: string) => `${JSON.stringify(v)} is a SAS/Stata special missing value, not the empty cell of a total row ("all"): write the group's own value (sex, age_band: "unknown") or leave the cell empty only on the total rows`;

/**
 * Reads the tables of every path and sums them. `regions`: the analysis's regions (region
 * cells resolve to their names, so "Region Hovedstaden" and "Hovedstaden" are one region).
 */
export function readAggregateTables(paths: readonly string[], regions: RegionSet, dateFormat?: DateFormatOption, window: DayWindow = { from: DEFAULT_FROM_DAY }): AggregateTables {
  const exportDay = exportDateReader(dateFormat, window);
  const problems: Problem[] = [];
  const parts: AggregatePart[] = [];
  const seen = new Set<TableName>();
  // Each age band label at the first part file and row holding it, as written: for the message refusing overlapping bands.
  const bandAt = new Map<string, Problem>();
  for (const { path, file } of aggregateFilesOf(paths)) {
    const csv = readCsvFile(file);
    const table = tableOf(csv.header);
    if (table === undefined) {
      problems.push({ file, line: 1, expected: `the header of one of the aggregate tables: ${Object.entries(TABLE_COLUMNS).map(([t, c]) => `${t} (${c.join(', ')})`).join('; ')}` });
      continue;
    }
    seen.add(table);
    const at = new Map(csv.header.map((h, i) => [headerKey(h), i]));
    const tables: AggregateTables = { cells: [], clinics: [], activationYears: [], totals: [] };
    parts.push({ source: file, path, table, tables });
    for (const rec of csv.records) {
      let ok = true;
      const cell = (col: string) => {
        const i = at.get(col) as number;
        return { i, v: (rec.raw[i] ?? '').trim() };
      };
      const bad = (col: string, expected: string) => {
        const { i, v } = cell(col);
        problems.push({ file, line: rec.line, column: i + 1, field: csv.header[i], value: v, expected });
        ok = false;
      };
      const count = (col: string): number => {
        const { v } = cell(col);
        if (!/^\d+(\.0+)?$/.test(v) || !Number.isSafeInteger(Number(v))) { bad(col, `a whole number ≥ 0${looksMasked(v) ? maskedCountAdvice(v) : ''}`); return 0; }
        return Number(v);
      };
      // A key cell that is a special missing value: refused (SPECIAL_IN_KEY); true when it is one.
      const special = (col: string, what: string): boolean => {
        const { v } = cell(col);
        if (!isSpecialMissing(v)) return false;
        bad(col, `${what} — ${SPECIAL_IN_KEY(v)}`);
        return true;
      };
      const key = (col: string, allowed: readonly string[] | null, what: string): string | null => {
        const { v } = cell(col);
        if (special(col, `${what}, or empty for all`)) return null;
        if (isNull(v)) return null;
        if (allowed !== null && !allowed.includes(v)) { bad(col, `${what}, or empty for all`); return null; }
        return v;
      };
      const int = (col: string, min: number, max: number, what: string, nullable: boolean): number | null => {
        const { v } = cell(col);
        if (special(col, `${what}${nullable ? ', or empty for all' : ''}`)) return null;
        if (nullable && isNull(v)) return null;
        if (!/^\d+(\.0+)?$/.test(v) || Number(v) < min || Number(v) > max) { bad(col, `${what}${nullable ? ', or empty for all' : ''}`); return null; }
        return Number(v);
      };
      const region = (nullable: boolean): string | null => {
        const { v } = cell('region');
        if (special('region', `${regions.expected}${nullable ? ', or empty for the whole country' : ''}`)) return null;
        if (nullable && isNull(v)) return null;
        const name = regions.resolve(v);
        if (name === undefined) { bad('region', `${regions.expected}${nullable ? ', or empty for the whole country' : ''}`); return null; }
        return name;
      };
      // A standard band, or an export's own band (docs/uptake-aggregates.md): "70-79", "90+".
      const ageBandCell = (): string | null => {
        const { v } = cell('age_band');
        if (special('age_band', `one of ${AGE_BANDS.join(', ')}, or an export's own age band, or empty for all`)) return null;
        if (isNull(v)) return null;
        const band = (AGE_BANDS as readonly string[]).includes(v) ? v : parseAgeBand(v);
        if (band === undefined) { bad('age_band', `one of ${AGE_BANDS.join(', ')}, or an export's own age band such as 70-79 or 90+ (docs/uptake-aggregates.md), or empty for all`); return null; }
        const label = typeof band === 'string' ? band : bandLabel(band);
        if (!bandAt.has(label)) { const { i } = cell('age_band'); bandAt.set(label, { file, line: rec.line, column: i + 1, field: csv.header[i]!, value: v, expected: '' }); }
        return label;
      };
      if (table === 'uptake_cells') {
        const row = {
          region: region(true),
          refYear: int('ref_year', 1000, 9999, 'a four-digit year', true),
          refMonth: int('ref_month', 1, 12, 'a month 1–12', true),
          ageBand: ageBandCell(),
          sex: key('sex', SEXES, `one of ${SEXES.join(', ')}`),
          referrer: key('referrer', REFERRERS, `one of ${REFERRERS.join(', ')}`),
          delayDays: int('delay_days', 0, 100_000, 'whole days ≥ 0 from referral to activation, or empty for the referrals not activated', true),
          referrals: count('referrals'), activations: count('activations'),
          atRisk4w: count('at_risk_4w'), retained4w: count('retained_4w'), atRisk12w: count('at_risk_12w'), retained12w: count('retained_12w'),
        };
        if (ok) tables.cells.push(row);
      } else if (table === 'uptake_clinics') {
        const row = { region: region(false) ?? '', clinic: cell('clinic').v, referrals: count('referrals'), activations: count('activations') };
        if (row.clinic === '') bad('clinic', 'a clinic code');
        // A CPR number in a clinic's name would be printed with it: refused, never quoted (cpr-shape.ts); ten
        // bare digits are a clinic's P-number here — an aggregate row has no patient to hold a CPR number.
        else if (cprInside(row.clinic) || (looksLikeCpr(row.clinic) && !codeCandidate(row.clinic))) {
          const { i } = cell('clinic');
          problems.push({ file, line: rec.line, column: i + 1, field: csv.header[i], kind: cprKind('clinic'), expected: cprExpected('clinic', row.clinic) });
          ok = false;
        }
        if (ok) tables.clinics.push(row);
      } else if (table === 'uptake_activation_years') {
        const row = { region: region(true), actYear: int('act_year', 1000, 9999, 'a four-digit year', false) ?? 0, activations: count('activations') };
        if (ok) tables.activationYears.push(row);
      } else {
        const { v } = cell('export_date');
        const day = exportDay.read(v);
        if ('expected' in day) bad('export_date', day.expected);
        const row = { exportDate: 'expected' in day ? v : dayToIso(day.day), referrals: count('referrals') };
        if (ok) tables.totals.push(row);
      }
    }
  }
  if (problems.length > 0) throw new HtaError('input.invalid', `the aggregate tables have ${problems.length} problem(s)`, problems);
  const missing = (Object.keys(TABLE_COLUMNS) as TableName[]).filter((t) => !seen.has(t));
  if (missing.length > 0) {
    throw new HtaError('input.invalid', `the aggregate tables lack ${missing.join(', ')}`, missing.map((t) => ({
      file: paths.join(', '), field: t, expected: `a CSV file with the columns ${TABLE_COLUMNS[t].join(', ')} (docs/uptake-aggregates.md)`,
    })));
  }
  // Before the sum: a region's part given twice would double it (repeated-parts.ts).
  refuseRepeatedParts(parts);
  // The bands of every part: one set of bands, counted as the registry path counts them (before the sum: bands may merge).
  const ageBands = ageBandsOfParts(parts, paths, bandAt);
  const tables = combineAggregateTables(parts);
  if (ageBands) tables.ageBands = ageBands;
  // A part sent without its cells (or cells without its totals) would silently shrink the
  // country: the national "all" cell must count every referral the totals count.
  const national = tables.cells.filter((c) => c.region === null && c.refYear === null && c.ageBand === null && c.sex === null && c.referrer === null).reduce((s, c) => s + c.referrals, 0);
  const total = tables.totals.reduce((s, t) => s + t.referrals, 0);
  if (national !== total) {
    throw new HtaError('input.invalid', `the aggregate tables do not add up: uptake_totals counts ${total} referrals, the national cells of uptake_cells ${national}`, [
      { file: paths.join(', '), field: 'referrals', value: String(total), expected: 'every part\'s uptake_totals and uptake_cells (one of them is missing or from another run)' },
    ]);
  }
  return tables;
}

/**
 * The age bands the parts' `age_band` cells give, decided as for a registry's bands
 * (age-bands.ts `ageBandScheme`): each inside a standard band → relabelled to it; else the
 * bands' own labels, which must not overlap (two parts cut differently cannot be summed).
 * Undefined when every label is a standard band's (or none is set).
 */
function ageBandsOfParts(parts: readonly AggregatePart[], paths: readonly string[], bandAt: ReadonlyMap<string, Problem>): AgeBandsRead | undefined {
  const labels = [...new Set(parts.flatMap((p) => p.tables.cells.map((c) => c.ageBand)).filter((b): b is string => b !== null && b !== 'unknown'))];
  if (labels.every((l) => (AGE_BANDS as readonly string[]).includes(l))) return undefined;
  const codeOf = new Map(labels.map((l) => [l, bandCode(parseAgeBand(l)!)]));
  const scheme = ageBandScheme([...codeOf.values()])!;
  if (scheme.kind === 'refused') {
    const expected = `one set of age bands in every part (${scheme.reason}): the standard bands (${standardBandsText()}) or one export's own bands`;
    // Each of the two bands at the first part file and row holding it (the first label read with its code).
    const at = (scheme.overlap ?? []).flatMap((code) => {
      const first = [...bandAt].find(([l]) => codeOf.get(l) === code);
      return first ? [{ ...first[1], expected }] : [];
    });
    throw new HtaError('input.invalid', 'the age bands of the aggregate tables cannot be counted', at.length > 0 ? at : [
      { file: paths.join(', '), field: 'age_band', value: labels.join(', '), expected },
    ]);
  }
  for (const p of parts) for (const c of p.tables.cells) if (c.ageBand !== null && c.ageBand !== 'unknown') c.ageBand = scheme.labels.get(codeOf.get(c.ageBand)!)!;
  return ageBandsRead(scheme);
}
