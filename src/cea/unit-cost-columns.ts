/**
 * The columns of a unit-cost price list (docs/plan-cea.md, "Unit costs"): `item`, `unit_cost`,
 * `currency`, `price_year`, `source` (and optionally `source_da`), found in the header with case,
 * surrounding spaces and the Unicode form ignored. A Danish finance department writes the usual
 * Danish names — `Ydelse`, `Enhedspris`, `Valuta`, `Prisår`, `Kilde` — and those are read too, one
 * note per column, when they are unambiguous: the English name, when the file also has it, wins
 * (a `Ydelse` column beside `item` is a description, not the key), and a Danish name written twice
 * is refused. A header that still lacks a column is refused naming the missing ones, each with its
 * Danish name, and the header as the file writes it (its own separator).
 */
import { HtaError } from '../errors.js';
import { foldColumnName } from '../trial/column-resolver.js';

export const UNIT_COST_COLUMNS = ['item', 'unit_cost', 'currency', 'price_year', 'source'] as const;
export type UnitCostColumn = (typeof UNIT_COST_COLUMNS)[number] | 'source_da';

/** The Danish names read for each column; the first is the one suggested. */
const DANISH: Record<(typeof UNIT_COST_COLUMNS)[number], readonly string[]> = {
  item: ['Ydelse'],
  unit_cost: ['Enhedspris', 'Enhedsomkostning'],
  currency: ['Valuta'],
  price_year: ['Prisår', 'Prisaar'],
  source: ['Kilde'],
};

export interface UnitCostColumns {
  /** Header position of each column found (`source_da` only when the file has it). */
  at: Map<UnitCostColumn, number>;
  /** The column's name as the file writes it, for messages ("Enhedspris"). */
  name(column: UnitCostColumn): string;
  /** One note per column read under its Danish name. */
  notes: string[];
}

export function unitCostColumns(file: string, header: readonly string[], delimiter: string): UnitCostColumns {
  const positions = (name: string) => header.flatMap((h, i) => (foldColumnName(h) === foldColumnName(name) ? [i] : []));
  const at = new Map<UnitCostColumn, number>();
  const notes: string[] = [];
  const missing: (typeof UNIT_COST_COLUMNS)[number][] = [];
  for (const column of UNIT_COST_COLUMNS) {
    const english = positions(column);
    if (english.length) {
      at.set(column, english[0]!);
      continue;
    }
    const danish = DANISH[column].flatMap((d) => positions(d));
    if (danish.length > 1) {
      const cols = danish.map((i) => `"${header[i]}" (column ${i + 1})`).join(' and ');
      throw new HtaError('input.invalid', `${file}: two columns could be ${column}`, [
        { file, line: 1, column: danish[1]! + 1, value: header[danish[1]!]!, expected: `one column for ${column}: ${cols} — rename one of them, or name the one that applies ${column}`, kind: 'unit-cost.columns' },
      ]);
    }
    if (danish.length === 1) {
      at.set(column, danish[0]!);
      notes.push(`${file}: column "${header[danish[0]!]}" (column ${danish[0]! + 1}) read as ${column}`);
    } else missing.push(column);
  }
  if (missing.length) {
    const named = (c: (typeof UNIT_COST_COLUMNS)[number]) => `${c} (Danish: ${DANISH[c][0]})`;
    throw new HtaError('input.invalid', `${file} is not a unit-cost file`, [
      {
        file,
        line: 1,
        value: header.join(delimiter),
        expected: `the columns ${UNIT_COST_COLUMNS.map(named).join(', ')}; missing: ${missing.join(', ')} — rename the header cell to ${missing.map((c) => `${c} or ${DANISH[c][0]}`).join(', ')}`,
        kind: 'unit-cost.columns',
      },
    ]);
  }
  const da = positions('source_da');
  if (da.length) at.set('source_da', da[0]!);
  return { at, name: (column) => header[at.get(column)!]!.trim(), notes };
}
