/**
 * Blank cells that mean "the same as above" (docs/input-registry.md "An Excel pivot table's blank
 * cells"). An Excel pivot table in tabular form, copied to CSV without "Repeat All Item Labels",
 * writes each row field's item on the first row of its block only: a registry laid out as a pivot
 * (Region, Klinik, Henviser, Køn, PatientID, … as row fields) has blank sex cells under each
 * "Kvinde" — read as they stand they are "sex unknown" (or "not activated", "age unknown"), valid
 * values, and every breakdown would be wrong without a word; in a column that may not be empty
 * (clinic, referrer) they would be refused with the advice for a missing value.
 *
 * A column's blanks are told apart from a sparse column's (most patients never activate) by the
 * pivot's own shape, not by how many there are. The column lies left of the id column (a pivot of
 * one row per referral has the id among its row fields, and every field right of it has a block of
 * one row), and, row by row, in the file's order:
 * - a row where a column to its left changes (the first row of a block of the columns to its left)
 *   has the column filled;
 * - a blank cell has a filled one above it in that block;
 * - a filled cell within a block holds an item not yet seen in the block (a pivot writes each item
 *   once per block).
 * A column that breaks any of these once is not a pivot's; nor is one without a blank among the
 * first PIVOT_HEAD_ROWS rows (the pass then stops reading for it). Rows without an id (subtotal,
 * title, footnote and total rows) pass by. A sparse column sorted under the columns to its left
 * breaks the rules within a few rows: a block that starts with a blank, or an item written twice.
 */
import { HtaError, type Problem } from '../errors.js';
import { createProblemCollector, type ProblemCollector } from '../problem-collector.js';
import type { ProblemGroup } from '../problem-groups.js';
import { REGISTRY_COLUMNS, type ColumnIndex, type RegistryColumn } from './referral.js';
import { pivotBlankExpected, pivotBlanksMessage } from './pivot-blanks-words.js';

/** Data rows after which a column with no blank cell yet is no longer examined. */
export const PIVOT_HEAD_ROWS = 5000;

export const PIVOT_BLANK_KIND = 'pivot.blank-below';

interface ColumnState {
  column: Exclude<RegistryColumn, 'id'>;
  index: number;
  /** The items written in the current block of the columns to its left. */
  seen: Set<string>;
  blanks: ProblemCollector;
  alive: boolean;
}

export interface PivotColumn {
  column: Exclude<RegistryColumn, 'id'>;
  /** The file's name for it. */
  field: string;
  blanks: number;
  groups: ProblemGroup[];
  sample: Problem[];
}

/** Reads a registry's rows one at a time (trimmed or not) and says which columns hold a pivot's blanks. */
export function pivotBlankScanner(file: string, header: readonly string[], columns: ColumnIndex) {
  const idAt = columns.id;
  const states: ColumnState[] = REGISTRY_COLUMNS
    .filter((c): c is Exclude<RegistryColumn, 'id'> => c !== 'id' && columns[c] >= 0 && columns[c] < idAt)
    .map((column) => ({ column, index: columns[column], seen: new Set(), blanks: createProblemCollector(), alive: true }));
  const samples = new Map<ColumnState, Problem[]>(states.map((s) => [s, []]));
  // Each column's item as filled down: the last non-blank cell above (left of the id only).
  const above: (string | undefined)[] = new Array<string | undefined>(Math.max(idAt, 0)).fill(undefined);
  let rows = 0;
  return {
    /** True when no column is left to examine: the caller may stop reading. */
    get done(): boolean { return states.every((s) => !s.alive); },
    add(record: readonly string[], line: number): void {
      if (record.length !== header.length || (record[idAt] ?? '').trim() === '') return;
      // The first column whose item changes on this row: a new block for every column right of it.
      let changed = idAt;
      for (let i = 0; i < idAt; i++) {
        const v = (record[i] ?? '').trim();
        if (v === '' || v === above[i]) continue;
        if (changed === idAt) changed = i;
        above[i] = v;
      }
      for (const s of states) {
        if (!s.alive) continue;
        const v = (record[s.index] ?? '').trim();
        if (changed < s.index) {
          if (v === '') s.alive = false;
          else s.seen = new Set([v]);
        } else if (v === '') {
          if (s.seen.size === 0) { s.alive = false; continue; }
          const p: Problem = { file, line, column: s.index + 1, field: header[s.index] ?? s.column, value: '', kind: PIVOT_BLANK_KIND, expected: pivotBlankExpected(header[s.index] ?? s.column, s.column) };
          s.blanks.add(p);
          const sample = samples.get(s)!;
          if (sample.length < 20) sample.push(p);
        } else if (s.seen.has(v)) {
          s.alive = false;
        } else {
          s.seen.add(v);
        }
        if (!s.alive) s.seen.clear();
      }
      if (++rows === PIVOT_HEAD_ROWS) for (const s of states) if (s.blanks.count === 0) s.alive = false;
    },
    /** The columns holding a pivot's blanks, in file order. */
    result(): PivotColumn[] {
      return states.filter((s) => s.alive && s.blanks.count > 0).sort((a, b) => a.index - b.index)
        .map((s) => ({ column: s.column, field: header[s.index] ?? s.column, blanks: s.blanks.count, groups: s.blanks.groups(), sample: samples.get(s)! }));
    },
  };
}

/** Whether any registry column lies left of the id column: else no column can hold a pivot's blanks, and no row need be read. */
export function mayHoldPivotBlanks(columns: ColumnIndex): boolean {
  return REGISTRY_COLUMNS.some((c) => c !== 'id' && columns[c] >= 0 && columns[c] < columns.id);
}

/**
 * The refusal of a registry whose columns `found` hold a pivot's blanks: before anything is read,
 * also with --exclude-invalid (which would leave out nearly every row, or read the blanks as
 * values), each column's blank cells one group with their lines.
 */
export function pivotBlanksError(file: string, found: readonly PivotColumn[]): HtaError {
  return new HtaError(
    'input.invalid',
    pivotBlanksMessage(file, found.reduce((n, c) => n + c.blanks, 0), found.map((c) => c.field)),
    found.flatMap((c) => c.sample),
    found.flatMap((c) => c.groups),
  );
}

/**
 * Whether the eligible file's region cells (`cells`, trimmed, one per data row in file order) are
 * an Excel pivot table's: the first filled, at least one blank, and each region written once — on
 * the first row of its block (docs/input-registry.md "The eligible file"). A file that writes a
 * region on several rows and leaves one cell blank has a region missing there, said as such.
 * `passes`: cells that are neither (total and subtotal labels, text read as empty).
 */
export function eligibleRegionBlocks(cells: readonly string[], passes: (cell: string) => boolean): boolean {
  const seen = new Set<string>();
  let blanks = 0;
  for (const c of cells) {
    if (c === '') {
      if (seen.size === 0) return false;
      blanks++;
    } else if (!passes(c)) {
      const key = c.normalize('NFC').toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
    }
  }
  return blanks > 0;
}
