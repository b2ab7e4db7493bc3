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
import type { PlanNote } from './load-cea-plan.js';
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

/**
 * Names read only when no name of DANISH is in the header: a price list with a unit price and a
 * total price (`Enhedspris;Antal;Pris`) has its unit price under the specific name.
 */
const DANISH_FALLBACK: Partial<Record<(typeof UNIT_COST_COLUMNS)[number], readonly string[]>> = {
  unit_cost: ['Pris'],
};

export interface UnitCostColumns {
  /** Header position of each column found (`source_da` only when the file has it). */
  at: Map<UnitCostColumn, number>;
  /** The column's name as the file writes it, for messages ("Enhedspris"). */
  name(column: UnitCostColumn): string;
  /** One note per column read under its Danish name. */
  /** How the header was read, in English and Danish (`hta cea --lang da`; load-cea-plan.ts noteIn). */
  notes: PlanNote[];
  /** The columns read under their Danish name (`Kilde`): a source column named in Danish holds Danish text. */
  danish: ReadonlySet<UnitCostColumn>;
  /**
   * The unit the unit-cost header states in brackets (`Enhedspris (kr.)`, `Pris [DKK]`), the
   * currency of every row when the file has no currency column (`currency` is then not in `at`).
   */
  headerCurrency?: string;
}

/** A header cell with its unit in brackets: `Enhedspris (kr.)` → name `Enhedspris`, unit `kr.`. */
const WITH_UNIT = /^(.*?)\s*[([]\s*([^()[\]]+?)\s*[)\]]\s*$/;

/** A bracketed unit that names a currency (`kr.`, `DKK`, `€`), not another unit (`ekskl. moms`). */
function currencyUnit(cell: string): string | undefined {
  const unit = splitUnit(cell).unit;
  // A currency sign or a currency's ISO code in any case; `stk`, `STK`, `min`, `kWh` are units of
  // something else, part of the column's name.
  return unit !== undefined && /^(?:kr\.?|€|\$|£|dkk|eur|usd|gbp|sek|nok|isk|chf|pln|jpy|cad|aud)$/i.test(unit) ? unit : undefined;
}

/** The header cell's name without a bracketed unit, and the unit. */
function splitUnit(cell: string): { name: string; unit?: string } {
  const m = WITH_UNIT.exec(cell.trim());
  return m && m[1] ? { name: m[1], unit: m[2]! } : { name: cell };
}

export function unitCostColumns(file: string, header: readonly string[], delimiter: string): UnitCostColumns {
  // The unit-cost column may state its unit in brackets (`Enhedspris (kr.)`): matched without it.
  const positions = (name: string, withUnit = false) =>
    header.flatMap((h, i) => (foldColumnName(h) === foldColumnName(name) || (withUnit && foldColumnName(splitUnit(h).name) === foldColumnName(name)) ? [i] : []));
  const at = new Map<UnitCostColumn, number>();
  const notes: PlanNote[] = [];
  const danishNamed = new Set<UnitCostColumn>();
  const missing: (typeof UNIT_COST_COLUMNS)[number][] = [];
  let headerCurrency: string | undefined;
  for (const column of UNIT_COST_COLUMNS) {
    const withUnit = column === 'unit_cost';
    // No currency column: the unit of the unit-cost header, when it states one, is every row's.
    if (column === 'currency' && headerCurrency !== undefined && !positions(column).length && !DANISH.currency.some((d) => positions(d).length)) {
      const unitHeader = header[at.get('unit_cost')!]!.trim();
      notes.push({
        en: `${file}: no currency column: every price is in "${headerCurrency}", the unit the header "${unitHeader}" states`,
        da: `${file}: ingen valutakolonne: alle priser er i "${headerCurrency}", den enhed, overskriften "${unitHeader}" angiver`,
      });
      continue;
    }
    const english = positions(column, withUnit);
    if (english.length) {
      at.set(column, english[0]!);
      if (withUnit) headerCurrency = currencyUnit(header[english[0]!]!);
      continue;
    }
    const specific = DANISH[column].flatMap((d) => positions(d, withUnit));
    const danish = specific.length ? specific : (DANISH_FALLBACK[column] ?? []).flatMap((d) => positions(d, withUnit));
    if (danish.length > 1) {
      const cols = danish.map((i) => `"${header[i]}" (column ${i + 1})`).join(' and ');
      throw new HtaError('input.invalid', `${file}: two columns could be ${column}`, [
        { file, line: 1, column: danish[1]! + 1, value: header[danish[1]!]!, expected: `one column for ${column}: ${cols} — rename one of them, or name the one that applies ${column}`, kind: 'unit-cost.columns' },
      ]);
    }
    if (danish.length === 1) {
      at.set(column, danish[0]!);
      danishNamed.add(column);
      if (withUnit) headerCurrency = currencyUnit(header[danish[0]!]!);
      notes.push({
        en: `${file}: column "${header[danish[0]!]}" (column ${danish[0]! + 1}) read as ${column}`,
        da: `${file}: kolonnen "${header[danish[0]!]}" (kolonne ${danish[0]! + 1}) er læst som ${column}`,
      });
    } else missing.push(column);
  }
  if (missing.length) {
    const named = (c: (typeof UNIT_COST_COLUMNS)[number]) => `${c} (Danish: ${DANISH[c][0]})`;
    throw new HtaError('input.invalid', `${file} is not a unit-cost file`, [
      {
        file,
        line: 1,
        value: header.join(delimiter),
        expected: `the columns ${UNIT_COST_COLUMNS.map(named).join(', ')}; missing: ${missing.join(', ')} — rename the header cell to ${missing.map((c) => `${c} or ${DANISH[c][0]}`).join(', ')}${missing.includes('currency') ? ' (or state the currency in the unit-cost header: "Enhedspris (DKK)")' : ''}`,
        kind: 'unit-cost.columns',
      },
    ]);
  }
  const da = positions('source_da');
  if (da.length) at.set('source_da', da[0]!);
  return { at, name: (column) => header[at.get(column)!]!.trim(), notes, danish: danishNamed, ...(headerCurrency !== undefined && !at.has('currency') ? { headerCurrency } : {}) };
}
