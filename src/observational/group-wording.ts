/**
 * How messages about the data name the two groups: a randomised plan's arms ("intervention",
 * "control", the plan's "arms"), or an observational plan's exposure groups ("exposed",
 * "unexposed", with the plan's arm labels, e.g. "App users", and its "observational.exposure").
 * A registry has no arms and nobody was assigned an intervention (docs/observational.md).
 */
import type { Plan } from '../plan/plan-schema.js';
import type { Arm } from '../trial/trial-data.js';

export interface GroupWording {
  /** "arm" or "group". */
  unit: string;
  /** The plan field that says which value is which group. */
  planField: string;
  /** "intervention" / "control", or "exposed" / "unexposed". */
  role: Record<Arm, string>;
  /** The plan's label with the role when it has one: "App users (exposed)". */
  described: Record<Arm, string>;
  /** The label alone, or the role: "App users", "intervention". */
  label: Record<Arm, string>;
}

export function groupWording(plan: Pick<Plan, 'design' | 'armLabels'>, lang: 'en' | 'da' = 'en'): GroupWording {
  if (plan.design !== 'observational') {
    const role = { intervention: 'intervention', control: lang === 'da' ? 'kontrol' : 'control' };
    return { unit: 'arm', planField: 'arms', role, described: role, label: role };
  }
  // Danish (`hta validate --lang da`'s summary): the plan's Danish label where it has one.
  const role = lang === 'da' ? { intervention: 'eksponeret', control: 'ikke-eksponeret' } : { intervention: 'exposed', control: 'unexposed' };
  const label = (a: Arm) => (lang === 'da' ? plan.armLabels?.[a]?.da ?? plan.armLabels?.[a]?.en : plan.armLabels?.[a]?.en);
  const described = (a: Arm) => (label(a) ? `${label(a)} (${role[a]})` : role[a]);
  return {
    unit: 'group',
    planField: 'observational.exposure',
    role,
    described: { intervention: described('intervention'), control: described('control') },
    label: { intervention: label('intervention') ?? role.intervention, control: label('control') ?? role.control },
  };
}
