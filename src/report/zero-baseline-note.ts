/**
 * The responders section's note on patients who could not respond: under a percent rule a
 * baseline of 0 cannot improve by a percentage of itself, so those patients count as
 * non-responders and stay in the denominator (src/trial/responders.ts; docs/plan-trial.md#responders).
 * Said per responder definition, its follow-ups named together when their counts agree. The
 * trial's rows by default; a section of other rows (a subgroup level, the target population, the
 * trial reweighted to it) passes them with `where`, the words naming them ("… at 3 months
 * (patients meeting the criteria): …").
 */
import type { EffectRow } from '../analysis/results-schema.js';
import { type ArmNames, fillArms } from './arm-names.js';
import { fillPhrase, formatThousands, type Lang, lowerFirst, timeLabel } from './i18n.js';

const NOTE = {
  en: '{label} at {times}{where}: {n} patients ({ni} {intervention}, {nc} {control}) had a baseline of 0; under a percent rule they cannot improve by a share of it, so they count as non-responders and stay in the denominator.',
  da: '{label} efter {times}{where}: {n} patienter ({ni} {intervention}, {nc} {control}) havde 0 ved baseline; med en regel i procent kan de ikke forbedres med en andel af det, så de tælles uden klinisk relevant forbedring og indgår i nævneren.',
} as const satisfies Record<Lang, string>;
/** The same for one patient: never "1 patients … they count" ("1 patienter"). */
const NOTE_ONE = {
  en: '{label} at {times}{where}: 1 patient ({ni} {intervention}, {nc} {control}) had a baseline of 0; under a percent rule the patient cannot improve by a share of it and counts as a non-responder, staying in the denominator.',
  da: '{label} efter {times}{where}: 1 patient ({ni} {intervention}, {nc} {control}) havde 0 ved baseline; med en regel i procent kan patienten ikke forbedres med en andel af det, så patienten tælles uden klinisk relevant forbedring og indgår i nævneren.',
} as const satisfies Record<Lang, string>;
const AND = { en: ' and ', da: ' og ' } as const;

export function zeroBaselineNotes(effects: readonly Pick<EffectRow, 'outcome' | 'time' | 'atZeroBaseline' | 'population'>[], lang: Lang, arms: ArmNames, labelOf: (key: string) => string, where?: string): string[] {
  // The trial's rows only (a target population's are the same patients, fewer), unless the
  // section says which rows it notes.
  const rows = effects.filter((e) => e.atZeroBaseline && (where !== undefined || e.population !== 'target'));
  const groups = new Map<string, { outcome: string; counts: { intervention: number; control: number }; times: string[] }>();
  for (const r of rows) {
    const c = r.atZeroBaseline!;
    const key = `${r.outcome}\u0000${c.intervention}\u0000${c.control}`;
    const g = groups.get(key) ?? { outcome: r.outcome, counts: c, times: [] };
    // Mid-sentence: only a capital that starts a word is lowered ("Week 12 (EOT)" → "week 12 (EOT)").
    g.times.push(lowerFirst(timeLabel(r.time, lang)));
    groups.set(key, g);
  }
  const f = (v: number) => formatThousands(v, 0, lang);
  return [...groups.values()].map((g) =>
    fillArms((g.counts.intervention + g.counts.control === 1 ? NOTE_ONE : NOTE)[lang], arms, {
      where: where ? ` (${lowerFirst(where)})` : '',
      label: labelOf(g.outcome),
      times: g.times.length > 1 ? `${g.times.slice(0, -1).join(', ')}${AND[lang]}${g.times.at(-1)}` : g.times[0]!,
      n: f(g.counts.intervention + g.counts.control),
      ni: f(g.counts.intervention),
      nc: f(g.counts.control),
    }),
  );
}

const GROUP_NOTE = {
  en: '{label} at {time}: patients analysed with a baseline of 0 — {exposed} {ni}, {unexposed} {nc}; under a percent rule they cannot improve by a share of it, so they count as non-responders and stay in the denominator.',
  da: '{label} efter {time}: analyserede patienter med 0 ved baseline — {exposed} {ni}, {unexposed} {nc}; med en regel i procent kan de ikke forbedres med en andel af det, så de tælles uden klinisk relevant forbedring og indgår i nævneren.',
} as const satisfies Record<Lang, string>;

/**
 * The same note for a registry's responder analysis: per exposure group, each count as published
 * (`count` prints the small-count marker for a hidden one: docs/observational.md, "Small counts",
 * rule 11), and no total, which a hidden count would let a reader subtract from.
 */
export function groupZeroBaselineNote(label: string, time: string, counts: { exposed: string; unexposed: string }, groups: { exposed: string; unexposed: string }, lang: Lang): string {
  // The group names stand mid-sentence: "— brugere af appen 4, ikke-brugere 7", an abbreviation ("GP users") as written.
  return fillPhrase(GROUP_NOTE[lang], { label, time: lowerFirst(timeLabel(time, lang)), exposed: lowerFirst(groups.exposed), unexposed: lowerFirst(groups.unexposed), ni: counts.exposed, nc: counts.unexposed });
}
