/**
 * A generic continuous instrument described by the plan (`"instruments"`): a score read as is
 * from one column, with the plan's range, direction, MCID and whether decimals are allowed. It
 * covers what the nine built-ins do not, e.g. pain averaged over diary entries ("4,7") or the
 * Oswestry Disability Index 0–100. No items: the plan cannot define a scoring rule, only a
 * scale. See docs/plan-trial.md.
 */
import type { Direction, Instrument, Localized } from './instrument.js';
import { eq5d5l } from './eq5d.js';
import { nrs } from './nrs.js';
import { pseq } from './pseq.js';
import { rmdq } from './rmdq.js';
import { wai, was } from './work-ability.js';

export interface GenericInstrumentSpec {
  label: { en: string; da?: string | undefined };
  unit?: { en: string; da?: string | undefined } | undefined;
  range: [number, number];
  direction: Direction;
  mcid?: number | undefined;
  mcidSource?: string | undefined;
  decimals: boolean;
}

const localized = (l: { en: string; da?: string | undefined }): Localized => ({ en: l.en, da: l.da ?? l.en });

/** Built-ins a plan instrument may restate (its key or label names one): their unit. */
const KNOWN: [RegExp, Localized][] = [
  [/eq-?5d|eq5d/i, eq5d5l.unit],
  [/rmdq|roland.?morris/i, rmdq.unit],
  [/pseq|pain self.?efficacy/i, pseq.unit],
  [/nrs|numeric rating/i, nrs.unit],
  [/was|work ability score/i, was.unit],
  [/wai|work ability index/i, wai.unit],
];
const NO_UNIT: Localized = { en: '', da: '' };

/**
 * The unit of a plan instrument without `unit` (docs/plan-trial.md#generic-instruments): a
 * built-in's when the key or label names one (EQ-5D: index points); "%" when the label says
 * percent; none for a scale within −1 to 1 (an index or a proportion: "points" would be wrong);
 * otherwise a points score.
 */
export function defaultUnit(key: string, spec: Pick<GenericInstrumentSpec, 'label' | 'range'>): Localized {
  const names = `${key} ${spec.label.en} ${spec.label.da ?? ''}`;
  const known = KNOWN.find(([re]) => re.test(names));
  if (known) return known[1];
  if (/%|per ?cent|procent/i.test(names)) return { en: '%', da: '%' };
  if (spec.range[0] >= -1 && spec.range[1] <= 1) return NO_UNIT;
  return { en: 'points', da: 'point' };
}

export function genericInstrument(key: string, spec: GenericInstrumentSpec): Instrument {
  const instrument: Instrument = {
    key,
    name: localized(spec.label),
    unit: spec.unit ? localized(spec.unit) : defaultUnit(key, spec),
    kind: 'continuous',
    range: [spec.range[0], spec.range[1]],
    integer: !spec.decimals,
    direction: spec.direction,
  };
  if (spec.mcid !== undefined) instrument.defaultMcid = { absolute: spec.mcid, source: spec.mcidSource ?? 'analysis plan' };
  return instrument;
}
