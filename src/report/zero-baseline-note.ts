/**
 * The responders section's note on patients who could not respond: under a percent rule a
 * baseline of 0 cannot improve by a percentage of itself, so those patients count as
 * non-responders and stay in the denominator (src/trial/responders.ts; docs/plan-trial.md#responders).
 * Said per responder definition, its follow-ups named together when their counts agree.
 */
import type { EffectRow } from '../analysis/results-schema.js';
import { type ArmNames, fillArms } from './arm-names.js';
import { formatThousands, type Lang, lowerFirst, timeLabel } from './i18n.js';

const NOTE = {
  en: '{label} at {times}: {n} patients ({ni} {intervention}, {nc} {control}) had a baseline of 0; under a percent rule they cannot improve by a share of it, so they count as non-responders and stay in the denominator.',
  da: '{label} efter {times}: {n} patienter ({ni} {intervention}, {nc} {control}) havde 0 ved baseline; med en regel i procent kan de ikke forbedres med en andel af det, så de tælles uden klinisk relevant forbedring og indgår i nævneren.',
} as const satisfies Record<Lang, string>;
const AND = { en: ' and ', da: ' og ' } as const;

export function zeroBaselineNotes(effects: readonly EffectRow[], lang: Lang, arms: ArmNames, labelOf: (key: string) => string): string[] {
  // The trial's rows only: a target population's are the same patients, fewer.
  const rows = effects.filter((e) => e.atZeroBaseline && e.population !== 'target');
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
    fillArms(NOTE[lang], arms, {
      label: labelOf(g.outcome),
      times: g.times.length > 1 ? `${g.times.slice(0, -1).join(', ')}${AND[lang]}${g.times.at(-1)}` : g.times[0]!,
      n: f(g.counts.intervention + g.counts.control),
      ni: f(g.counts.intervention),
      nc: f(g.counts.control),
    }),
  );
}
