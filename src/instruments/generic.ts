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
// Short names stand apart from letters, not from "_" or digits (keys are written `nrs_avg`, `wai2`),
// and are matched as acronyms — upper case in a label, any case in the key — so the English word
// "was" in a label is not the WAS. Names are matched in `${KEY} ${labels}` (the key upper-cased).
const acronym = (a: string, long: string) => new RegExp(`(?<![A-Za-z])${a}(?![A-Za-z])|${long}`);
const KNOWN: [RegExp, Localized][] = [
  [/eq-?5d/i, eq5d5l.unit],
  [/rmdq|roland.?morris/i, rmdq.unit],
  [/pseq|pain self.?efficacy/i, pseq.unit],
  [acronym('NRS', '[Nn]umeric rating'), nrs.unit],
  [acronym('WAS', '[Ww]ork ability score'), was.unit],
  [acronym('WAI', '[Ww]ork ability index'), wai.unit],
];
/** The EQ-5D VAS (0–100) is no index: the index's unit is not its unit. */
const isEq5dVas = (names: string, range: readonly [number, number]) => /(?<![a-z])vas(?![a-z])|visual analog/i.test(names) || range[1] > 1;
const NO_UNIT: Localized = { en: '', da: '' };

/**
 * The unit of a plan instrument without `unit` (docs/plan-trial.md#generic-instruments): a
 * built-in's when the key or label names one (EQ-5D: index points); "%" when the label says
 * percent; none for a scale within −1 to 1 (an index or a proportion: "points" would be wrong);
 * otherwise a points score.
 */
export function defaultUnit(key: string, spec: Pick<GenericInstrumentSpec, 'label' | 'range'>): Localized {
  const names = `${key.toUpperCase()} ${spec.label.en} ${spec.label.da ?? ''}`;
  const known = KNOWN.find(([re, unit]) => re.test(names) && !(unit === eq5d5l.unit && isEq5dVas(names, spec.range)));
  if (known) return known[1];
  if (/%|(?<![a-z])(per ?cent|procent)(?![a-z])/i.test(names)) return { en: '%', da: '%' };
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
