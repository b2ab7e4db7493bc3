/**
 * What the reports call the two arms. The plan's `armLabels` (en, with `da` falling back to en)
 * are used everywhere: table headers, footnotes, chart legends, "favours …" texts and page text.
 * Only when the plan gives no labels — or spells out the default ones, "App + usual care" and
 * "Usual care" (da "App + vanlig behandling", "Vanlig behandling"), as the bundled plan does — do
 * the reports say "app" and "usual care", and then in the forms each sentence needs (a legend
 * says "Usual care", a column header "n (app/usual)", Danish running text "appen"). A plan's own
 * label is used as written in every position: it may be a proper name, so it is never
 * lower-cased or shortened.
 *
 * Catalogue phrases name the arms with placeholders, filled by `fillArms`:
 *   {Intervention} {Control}            as a label:        "App + usual care", "Usual care"
 *   {intervention} {control}            in running text:   "app", "usual care"
 *   {interventionShort} {controlShort}  in narrow headers: "app", "usual" (da "vanlig")
 *   {theIntervention}                   with its article:  "the app" (da "appen")
 */
import type { Plan } from '../plan/plan-schema.js';
import { fillPhrase, type Lang } from './i18n.js';

export interface ArmNames {
  Intervention: string;
  Control: string;
  intervention: string;
  control: string;
  interventionShort: string;
  controlShort: string;
  theIntervention: string;
}

const DEFAULT_ARM_NAMES: Record<Lang, ArmNames> = {
  en: {
    Intervention: 'App + usual care',
    Control: 'Usual care',
    intervention: 'app',
    control: 'usual care',
    interventionShort: 'app',
    controlShort: 'usual',
    theIntervention: 'the app',
  },
  da: {
    Intervention: 'App + vanlig behandling',
    Control: 'Vanlig behandling',
    intervention: 'app',
    control: 'vanlig behandling',
    interventionShort: 'app',
    controlShort: 'vanlig',
    theIntervention: 'appen',
  },
};

type ArmLabels = Plan['armLabels'];

/** The arm names of a plan in the report language (`da` falls back to `en`). */
export function armNames(labels: ArmLabels | undefined, lang: Lang): ArmNames {
  const defaults = DEFAULT_ARM_NAMES[lang];
  const own = (arm: 'intervention' | 'control', defaultLabel: string) => {
    const l = labels?.[arm];
    const text = l ? (lang === 'da' ? (l.da ?? l.en) : l.en) : undefined;
    return text === defaultLabel ? undefined : text;
  };
  const i = own('intervention', defaults.Intervention);
  const c = own('control', defaults.Control);
  return {
    Intervention: i ?? defaults.Intervention,
    Control: c ?? defaults.Control,
    intervention: i ?? defaults.intervention,
    control: c ?? defaults.control,
    interventionShort: i ?? defaults.interventionShort,
    controlShort: c ?? defaults.controlShort,
    theIntervention: i ?? defaults.theIntervention,
  };
}

/** The default names ("app", "usual care"), for outputs that have no plan. */
export function defaultArmNames(lang: Lang): ArmNames {
  return DEFAULT_ARM_NAMES[lang];
}

/** Fills the arm placeholders of a catalogue phrase (and any other `{name}` given in `values`). */
export function fillArms(template: string, arms: ArmNames, values: Record<string, string | number> = {}): string {
  return fillPhrase(template, { ...arms, ...values });
}
