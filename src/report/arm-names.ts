/**
 * What the reports call the two arms. The plan's `armLabels` (en, with `da` falling back to en)
 * are used everywhere: table headers, footnotes, chart legends, "favours …" texts and page text.
 * Only when the plan gives no labels and its arms are an app against usual care (arm values
 * such as `app` and `usual`: plan/app-arms.ts) — or when it spells out the default ones for both
 * arms, "App + usual care" and "Usual care" (da "App + vanlig behandling", "Vanlig behandling"), as
 * the bundled plan does — do the reports say "app" and "usual care", and then in the forms each
 * sentence needs (a legend says "Usual care", a column header "n (app/usual)", Danish running
 * text "appen"). A plan with no labels whose arms are anything else ("Exercise" against
 * "Kontrol", codes 1 and 2) gets neutral names, "Intervention" and "Control" (da
 * "Interventionsgruppe", "Kontrolgruppe", as docs/glossary-da.md): a researcher's own trial of
 * something else must not be reported as an app. When either arm has a label of the plan's own, both arms are called by their
 * labels as written in every position, a default-sounding one ("Usual care") too: a label may be
 * a proper name, so it is never lower-cased or shortened, and the other arm is named alike
 * (docs/plan-trial.md, "Arm names"). A label written all in lower case is a common noun:
 * capitalised as a label ({Intervention}), as written in running text.
 *
 * Catalogue phrases name the arms with placeholders, filled by `fillArms`:
 *   {Intervention} {Control}            as a label:        "App + usual care", "Usual care"
 *   {intervention} {control}            in running text:   "app", "usual care"
 *   {interventionShort} {controlShort}  in narrow headers: "app", "usual" (da "vanlig")
 *   {theIntervention}                   with its article:  "the app" (da "appen")
 *   {theControl}                        with its article:  "usual care" (da "vanlig behandling",
 *                                       the neutral "kontrolgruppen" beside "interventionen")
 */
import type { Plan } from '../plan/plan-schema.js';
import { type ArmValues, isAppAgainstUsualCare } from '../plan/app-arms.js';
import { fillPhrase, type Lang } from './i18n.js';

export interface ArmNames {
  Intervention: string;
  Control: string;
  intervention: string;
  control: string;
  interventionShort: string;
  controlShort: string;
  theIntervention: string;
  theControl: string;
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
    theControl: 'usual care',
  },
  da: {
    Intervention: 'App + vanlig behandling',
    Control: 'Vanlig behandling',
    intervention: 'app',
    control: 'vanlig behandling',
    interventionShort: 'app',
    controlShort: 'vanlig',
    theIntervention: 'appen',
    theControl: 'vanlig behandling',
  },
};

/** Neutral names for a plan without labels whose arms are not an app against usual care. */
const NEUTRAL_ARM_NAMES: Record<Lang, ArmNames> = {
  en: {
    Intervention: 'Intervention',
    Control: 'Control',
    intervention: 'intervention',
    control: 'control',
    interventionShort: 'intervention',
    controlShort: 'control',
    theIntervention: 'the intervention',
    theControl: 'control',
  },
  da: {
    Intervention: 'Interventionsgruppe',
    Control: 'Kontrolgruppe',
    intervention: 'interventionsgruppe',
    control: 'kontrolgruppe',
    interventionShort: 'intervention',
    controlShort: 'kontrol',
    theIntervention: 'interventionen',
    theControl: 'kontrolgruppen',
  },
};

type ArmLabels = Plan['armLabels'];

/**
 * The arm names of a plan in the report language (`da` falls back to `en`). `arms`, the plan's arm
 * values, decides the names of an arm without a label: the app's and usual care's only for an app
 * against usual care, else neutral ones. Without `arms` (outputs with no plan) the defaults.
 */
export function armNames(labels: ArmLabels | undefined, lang: Lang, arms?: ArmValues): ArmNames {
  const defaults = arms && !isAppAgainstUsualCare(arms) ? NEUTRAL_ARM_NAMES[lang] : DEFAULT_ARM_NAMES[lang];
  const own = (arm: 'intervention' | 'control') => {
    const l = labels?.[arm];
    if (!l) return undefined;
    if (lang === 'en' || l.da !== undefined) return lang === 'da' ? l.da : l.en;
    // An English default label with no Danish one is the default: its Danish form, not English on a Danish page.
    const label = arm === 'intervention' ? 'Intervention' : 'Control';
    return l.en === DEFAULT_ARM_NAMES.en[label] ? defaults[label] : l.en;
  };
  const i = own('intervention');
  const c = own('control');
  if ((i === undefined || i === defaults.Intervention) && (c === undefined || c === defaults.Control)) return defaults;
  // One own label: both arms by their labels as written, so a header never pairs a plan's name
  // with a default short form ("n (Selfback-app/usual)" for "Usual care").
  const I = i ?? defaults.Intervention;
  const C = c ?? defaults.Control;
  // A label the plan writes all in lower case ("vanlig behandling", as plan init drafts a Danish
  // common noun) is a common noun: as written mid-sentence, capitalised as a label or at a
  // sentence start. One with any capital ("App", "selfBACK app") may be a proper name: as written everywhere.
  return { Intervention: capitalised(I), Control: capitalised(C), intervention: I, control: C, interventionShort: I, controlShort: C, theIntervention: I, theControl: C };
}

const capitalised = (label: string) => (label === label.toLowerCase() ? label.charAt(0).toUpperCase() + label.slice(1) : label);

/**
 * The intervention itself, as a thing with a price (the cost-effectiveness page's unit-cost row
 * and cost category): "App" for the default names (not "App + usual care", which is the arm),
 * "Intervention" for neutral ones, else the plan's own label as a label ("Gruppeforløb"). A trial
 * of something else is never priced as an app (docs/plan-trial.md, "Arm names").
 */
export function interventionItem(names: ArmNames, lang: Lang): string {
  if (names.Intervention === DEFAULT_ARM_NAMES[lang].Intervention) return 'App';
  if (names.Intervention === NEUTRAL_ARM_NAMES[lang].Intervention) return 'Intervention';
  return names.Intervention;
}

/** The default names ("app", "usual care"), for outputs that have no plan. */
export function defaultArmNames(lang: Lang): ArmNames {
  return DEFAULT_ARM_NAMES[lang];
}

/** Fills the arm placeholders of a catalogue phrase (and any other `{name}` given in `values`). */
export function fillArms(template: string, arms: ArmNames, values: Record<string, string | number> = {}): string {
  return fillPhrase(template, { ...arms, ...values });
}
