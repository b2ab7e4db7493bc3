/**
 * A yes/no outcome coded 0 = no, 1 = yes, e.g. use of pain medication. Summarised as a
 * proportion.
 *
 * Direction defaults to lower-is-better because the outcome this project ships it for is
 * medication use, where fewer users is the good result; a plan whose binary outcome is
 * desirable (e.g. return to work) must set 'higher-is-better', and `hta plan check` warns when
 * a plan leaves it to this default. No default MCID: a relevant difference in proportions is a
 * plan decision, written as a proportion below 1 (0.1 = 10 pp; docs/plan-trial.md#yesno-outcomes).
 */
import type { Instrument } from './instrument.js';

export const binary: Instrument = {
  key: 'binary',
  name: { en: 'Yes/no outcome', da: 'Ja/nej-effektmål' },
  unit: { en: 'proportion', da: 'andel' },
  kind: 'binary',
  range: [0, 1],
  integer: true,
  direction: 'lower-is-better',
};
