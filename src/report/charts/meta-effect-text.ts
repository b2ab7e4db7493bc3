/**
 * One sign convention for a meta-analysis effect wherever the meta report prints it (the forest
 * plots and Table 1): the effect turned so that positive favours the intervention, as the trial
 * report's forest prints the benefit (docs/report-trial.md#one-direction-in-every-forest). For a
 * lower-is-better outcome a difference becomes control − intervention and a ratio control ÷
 * intervention; the name says which way round ("MD, usual care − app"), so a number never
 * appears with one sign in the table and the other in the figure.
 */
import type { MetaOutcomeSetting } from '../../meta/meta-results-schema.js';
import { formatEffect, formatLimit } from '../../meta/meta-table.js';
import { isRatioMeasure } from '../../meta/read-studies.js';
import type { ArmNames } from '../arm-names.js';
import { intervalText, type Lang } from '../i18n.js';

export interface TurnedEffect {
  /** Whether the effect is turned round (lower is better). */
  flipped: boolean;
  /** −1 when turned: multiply an analysis-scale value (a log ratio) by it. */
  sign: 1 | -1;
  /** The measure and which arm is subtracted from (divided by) which: "MD, usual care − app". */
  name: string;
  /** The name's parts, for a header that breaks it: "usual care", "−", "app". */
  first: string;
  op: string;
  second: string;
  /** An analysis-scale value as printed, turned. */
  value: (v: number) => string;
  /** An analysis-scale interval as printed, turned (a turned interval swaps its ends). */
  interval: (lo: number, hi: number) => string;
}

export function turnedEffect(s: Pick<MetaOutcomeSetting, 'measure' | 'direction'> & { mcid?: number | null }, arms: ArmNames, lang: Lang): TurnedEffect {
  const flipped = s.direction === 'lower-is-better';
  const sign = flipped ? -1 : 1;
  const value = (v: number) => formatEffect(s.measure, sign * v, lang);
  // A limit never rounded onto 0 (1 for a ratio) or the MCID (interval-bound.ts).
  const limit = (v: number) => formatLimit(s.measure, sign * v, lang, s.mcid);
  const [first, second] = flipped ? [arms.control, arms.intervention] : [arms.intervention, arms.control];
  // "÷" is minus to a Danish reader: a Danish page divides with "/" (docs/glossary-da.md).
  const op = isRatioMeasure(s.measure) ? (lang === 'da' ? '/' : '÷') : '−';
  return {
    flipped,
    sign,
    name: `${s.measure}, ${first} ${op} ${second}`,
    first,
    op,
    second,
    value,
    interval: (lo, hi) => (flipped ? intervalText(limit(hi), limit(lo), lang) : intervalText(limit(lo), limit(hi), lang)),
  };
}
