/**
 * A generic continuous instrument described by the plan (`"instruments"`): a score read as is
 * from one column, with the plan's range, direction, MCID and whether decimals are allowed. It
 * covers what the nine built-ins do not, e.g. pain averaged over diary entries ("4,7") or the
 * Oswestry Disability Index 0–100. No items: the plan cannot define a scoring rule, only a
 * scale. See docs/plan-trial.md.
 */
import type { Direction, Instrument, Localized } from './instrument.js';

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

export function genericInstrument(key: string, spec: GenericInstrumentSpec): Instrument {
  const instrument: Instrument = {
    key,
    name: localized(spec.label),
    unit: spec.unit ? localized(spec.unit) : { en: 'points', da: 'point' },
    kind: 'continuous',
    range: [spec.range[0], spec.range[1]],
    integer: !spec.decimals,
    direction: spec.direction,
  };
  if (spec.mcid !== undefined) instrument.defaultMcid = { absolute: spec.mcid, source: spec.mcidSource ?? 'analysis plan' };
  return instrument;
}
