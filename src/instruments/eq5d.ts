/**
 * EQ-5D index (5L and 3L): a preference-weighted health-state value from the five dimension
 * levels MO (mobility), SC (self-care), UA (usual activities), PD (pain/discomfort), AD
 * (anxiety/depression); 1 = full health, < 0 = worse than dead; higher is better.
 *
 * Items: columns <prefix>_mo, _sc, _ua, _pd, _ad with levels 1–5 (5L) or 1–3 (3L), or a profile
 * string such as "11123" (`parseEq5dProfile`). The index comes from a value set loaded from
 * data/valuesets/ (`valueset.ts`); defaults: dk-5l-2021 (Jensen CE et al. 2021, Appl Health
 * Econ Health Policy 19:579–591, doi:10.1007/s40258-021-00639-3) and dk-3l-2009
 * (Wittrup-Jensen KU et al. 2009, Scand J Public Health 37:459–466,
 * doi:10.1177/1403494809105287). `options.valueSet` scores with another set of the same
 * version; `range` and `defaultMcid` of `eq5d5l`/`eq5d3l` describe their default sets, and
 * `eq5dFor(version, id)` builds the instrument whose range and MCID match another set.
 *
 * A missing dimension makes the index missing: a preference weight cannot be prorated.
 *
 * Default MCID (5L only): the project's "range/20" heuristic, (max − min)/20 of the value
 * set's index range, kept unrounded; for dk-5l-2021 (1 − (−0.758))/20 = 0.0879 (≈ 0.088).
 * It is a distribution-free convention, not an anchor-based estimate; no default is given for
 * 3L, so a plan that analyses 3L must set its MCID.
 */
import { HtaError } from '../errors.js';
import type { DefaultMcid, Instrument } from './instrument.js';
import {
  EQ5D_DIMENSIONS,
  EQ5D_LEVELS,
  type Eq5dVersion,
  indexFromLevels,
  indexRange,
  listValueSets,
  loadValueSet,
  type ValueSet,
} from './valueset.js';

export const DEFAULT_VALUE_SET: Record<Eq5dVersion, string> = {
  eq5d5l: 'dk-5l-2021',
  eq5d3l: 'dk-3l-2009',
};

/**
 * Levels from a profile string: exactly five digits, one per dimension in the order
 * MO SC UA PD AD, each 1..5 (5L) or 1..3 (3L). "11123" → [1, 1, 1, 2, 3].
 * @throws HtaError('input.invalid') quoting the profile and what was expected.
 */
export function parseEq5dProfile(profile: string, version: Eq5dVersion = 'eq5d5l'): number[] {
  const max = EQ5D_LEVELS[version];
  if (!new RegExp(`^[1-${max}]{5}$`).test(profile)) {
    throw new HtaError(
      'input.invalid',
      `EQ-5D profile ${JSON.stringify(profile)} is invalid: expected 5 digits 1-${max} ` +
        `(MO SC UA PD AD, e.g. "11123") for ${version}`,
    );
  }
  return Array.from(profile, Number);
}

/** Index of a profile string, e.g. indexFromProfile("11123", dk-5l-2021) = 0.761. */
export function indexFromProfile(profile: string, valueSet: ValueSet): number {
  return indexFromLevels(parseEq5dProfile(profile, valueSet.instrument), valueSet);
}

/** Loads a value set and checks it is for `version` (a 3L set cannot score 5L answers). */
export function valueSetFor(version: Eq5dVersion, id: string): ValueSet {
  const valueSet = loadValueSet(id);
  if (valueSet.instrument !== version) {
    throw new HtaError(
      'plan.invalid',
      `value set ${id} is for ${valueSet.instrument}, not ${version}; ` +
        `e.g. use ${DEFAULT_VALUE_SET[version]}`,
    );
  }
  return valueSet;
}

const LABEL: Record<Eq5dVersion, string> = { eq5d5l: 'EQ-5D-5L', eq5d3l: 'EQ-5D-3L' };

/**
 * What a plan's `valueSet` for `version` must be, worded as a problem's "expected" (load-plan.ts):
 * the sets of this version, and what the given id is — another version's set (then the answers
 * may be that version's: the instrument is the thing to change), or none hta ships.
 */
export function valueSetExpected(version: Eq5dVersion, id: string): string {
  const sets = listValueSets().map((s) => ({ id: s, instrument: loadValueSet(s).instrument }));
  const own = sets.filter((s) => s.instrument === version).map((s) => s.id);
  const head = `an ${LABEL[version]} value set (${own.join(' or ')})`;
  const named = sets.find((s) => s.id === id);
  if (named) return `${head}: ${id} is an ${LABEL[named.instrument]} value set — if the export's answers run from 1 to ${EQ5D_LEVELS[named.instrument]}, the instrument is "${named.instrument}"`;
  const others = sets.filter((s) => s.instrument !== version);
  return `${head}: hta has no value set "${id}"${others.length ? ` (the others it has: ${others.map((s) => `${s.id}, for ${s.instrument}`).join('; ')})` : ''}`;
}

const shown = (x: number): string => String(Number(x.toFixed(6)));

function rangeTwentieth(range: [number, number], valueSet: ValueSet): DefaultMcid {
  return {
    absolute: (range[1] - range[0]) / 20,
    source:
      `range/20 heuristic on value set ${valueSet.id}: (${shown(range[1])} - (${shown(range[0])}))/20; ` +
      `not anchor-based (value set: ${valueSet.citation})`,
  };
}

/** The EQ-5D instrument for `version` scored with value set `valueSetId`. */
export function eq5dFor(version: Eq5dVersion, valueSetId: string = DEFAULT_VALUE_SET[version]): Instrument {
  const valueSet = valueSetFor(version, valueSetId);
  const range = indexRange(valueSet);
  const label = version === 'eq5d5l' ? 'EQ-5D-5L' : 'EQ-5D-3L';
  const instrument: Instrument = {
    key: version,
    name: { en: `${label} index (${valueSet.id})`, da: `${label}-indeks (${valueSet.id})` },
    unit: { en: 'index points', da: 'indekspoint' },
    kind: 'continuous',
    range,
    integer: false,
    direction: 'higher-is-better',
    items: {
      columns: (prefix) => EQ5D_DIMENSIONS.map((d) => `${prefix}_${d}`),
      min: 1,
      max: EQ5D_LEVELS[version],
      integer: true,
    },
    score(items, options = {}) {
      if ((options.maxMissingItems ?? 0) > 0) {
        throw new HtaError('plan.invalid', `${version}: maxMissingItems is not allowed; an EQ-5D index cannot be prorated`);
      }
      if (items.some((x) => x === null)) return null;
      const vs = options.valueSet === undefined ? valueSet : valueSetFor(version, options.valueSet);
      return indexFromLevels(items as number[], vs);
    },
  };
  if (version === 'eq5d5l') instrument.defaultMcid = rangeTwentieth(range, valueSet);
  return instrument;
}

export const eq5d5l: Instrument = eq5dFor('eq5d5l');
export const eq5d3l: Instrument = eq5dFor('eq5d3l');
