/**
 * `hta analyze` text output for subgroups and the target population (the report shows them in
 * a later version; docs/subgroups.md). Level rows reuse the effects table's layout and verdicts.
 */
import { type ArmNames, defaultArmNames } from '../report/arm-names.js';
import { effectsTable } from '../report/effects-table.js';
import { dfText, formatFixed, type Lang, timeLabel } from '../report/i18n.js';
import { renderTextTableAt } from '../report/text-table.js';
import type { SubgroupResult, TargetPopulation } from './results-schema.js';
import { transportsWholeTrial } from './whole-trial-transport.js';

type WidthOf = (outcome: string) => number | undefined;


function interactionLine(g: SubgroupResult, lang: Lang): string {
  const i = g.interaction;
  const what = lang === 'da' ? 'Interaktionstest' : 'Interaction test';
  if (i.statistic === null || i.pValue === null || i.df1 === null) return `${what}: —`;
  // The df as the page's table prints them (dfText): "F(3; 407)", grouped, in both languages.
  const stat = `${i.df2 === null ? 'Q' : 'F'}(${dfText(i.df1, i.df2, lang)}) = ${formatFixed(i.statistic, 2, lang)}`;
  return `${what}: ${stat}`;
}

/** How the text names an outcome and a subgroup's level: the plan's labels in the text's language, as the report does. */
export interface SubgroupNames {
  outcome: (key: string) => string;
  level: (column: string, level: string) => string;
}

/**
 * `arms`: the plan's arm names (report/arm-names.ts), so every table header names the arms alike;
 * `confLevel`: the plan's 1 − alpha, which the headers say; `names`: the plan's labels (without
 * them, the result's English outcome label and the level's code).
 */
export function subgroupText(groups: readonly SubgroupResult[], lang: Lang, widthOf: WidthOf, arms: ArmNames = defaultArmNames(lang), confLevel = 0.95, names?: SubgroupNames): string {
  if (!groups.length) return '';
  const out: string[] = [`\n${lang === 'da' ? 'Subgruppeanalyser' : 'Subgroup analyses'}\n`];
  for (const g of groups) {
    const pre = g.credibility.prespecified ? (lang === 'da' ? 'forhåndsspecificeret' : 'prespecified') : lang === 'da' ? 'ikke forhåndsspecificeret' : 'not prespecified';
    // "3 months" as in the tables ("3m" reads as metres).
    out.push(`\n${names?.outcome(g.outcome) ?? g.outcomeLabel}, ${timeLabel(g.time, lang)} — ${lang === 'da' ? 'efter' : 'by'} ${g.label[lang]} (${pre})\n`);
    const rows = g.levels.map((l) => ({ ...l.effect, outcome: `  ${names?.level(g.subgroup, l.level) ?? l.level}` }));
    const table = effectsTable(rows, lang, () => widthOf(g.outcome), 'short', (k) => k, arms);
    table.header = [lang === 'da' ? 'Niveau' : 'Level', ...table.header.slice(1)];
    out.push(renderTextTableAt(table, confLevel));
    const left = g.excluded.missing + g.excluded.otherValue;
    if (left) out.push(lang === 'da' ? `Udeladt: ${g.excluded.missing} uden værdi, ${g.excluded.otherValue} med anden værdi\n` : `Left out: ${g.excluded.missing} with no value, ${g.excluded.otherValue} with another value\n`);
    out.push(`${interactionLine(g, lang)}. ${g.credibility.statement[lang]}\n`);
  }
  return out.join('');
}

/** "Target sample gp.csv: 378 target patients in the membership model (22 rows left out for a missing model value)". */
function sampleLine(s: NonNullable<TargetPopulation['targetSample']>, lang: Lang): string {
  const m = s.excludedMissing;
  const left = m ? (lang === 'da' ? ` (${m} ${m === 1 ? 'række' : 'rækker'} udeladt for en manglende værdi i modellen)` : ` (${m} ${m === 1 ? 'row' : 'rows'} left out for a missing model value)`) : '';
  const one = s.rows === 1;
  return lang === 'da' ? `  Stikprøve fra målgruppen ${s.file}: ${s.rows} ${one ? 'patient' : 'patienter'} i modellen for deltagelse${left}\n` : `  Target sample ${s.file}: ${s.rows} target ${one ? 'patient' : 'patients'} in the membership model${left}\n`;
}

export function targetPopulationText(t: TargetPopulation, lang: Lang, widthOf: WidthOf, labelOf: (k: string) => string, arms: ArmNames = defaultArmNames(lang), confLevel = 0.95): string {
  // A per-protocol population is a sensitivity analysis, not a population the result is for (docs/plan-trial.md#per-protocol-and-itt).
  const heading = t.purpose === 'per-protocol' ? (lang === 'da' ? 'Per-protokol-analyse (følsomhedsanalyse)' : 'Per-protocol analysis (sensitivity)') : lang === 'da' ? 'Målgruppe' : 'Target population';
  const whole = transportsWholeTrial(t);
  // No criteria: the population's own rows would repeat the trial's above; only the transported rows say something new.
  const out: string[] = [`\n${heading}: ${t.label[lang]}${whole ? (lang === 'da' ? ' (hele forsøget overført; ingen kriterier)' : ' (the whole trial transported; no criteria)') : ''}\n`];
  for (const c of t.criteria) {
    const ex = c.excluded.intervention + c.excluded.control;
    out.push(lang === 'da'
      ? `  ${c.label[lang]}: ${ex} udelukket (${c.missing} uden værdi); tilbage ${c.remaining.intervention}/${c.remaining.control}\n`
      : `  ${c.label[lang]}: ${ex} excluded (${c.missing} with no value); remaining ${c.remaining.intervention}/${c.remaining.control}\n`);
  }
  if (!t.analysed) out.push(`${lang === 'da' ? 'Ikke analyseret' : 'Not analysed'}: ${t.reason ?? ''}\n`);
  else if (!whole) out.push(renderTextTableAt(effectsTable(t.effects, lang, widthOf, 'short', labelOf, arms), confLevel));
  const titles = {
    // "omvægtet", the glossary's word for raking (docs/glossary-da.md), as the Danish page says.
    raking: { en: "Effect transported to the target population's make-up (raking, design-based CI)", da: 'Effekten overført til målgruppens sammensætning (omvægtet, designbaseret KI)' },
    'inverse-odds': { en: 'Effect transported to the target sample (inverse odds of trial membership, design-based CI)', da: 'Effekten overført til stikprøven fra målgruppen (inverse odds for forsøgsdeltagelse, designbaseret KI)' },
  } as const;
  for (const weighting of ['raking', 'inverse-odds'] as const) {
    const rows = (t.transported ?? []).filter((x) => x.weighting === weighting);
    if (!rows.length) continue;
    out.push(`\n${titles[weighting][lang]}\n`);
    // Whose numbers: the n columns count trial patients (reweighted), not target patients.
    const s = t.targetSample;
    if (weighting === 'inverse-odds' && s) out.push(sampleLine(s, lang));
    out.push(lang === 'da' ? '  n: forsøgets patienter, omvægtet (ikke patienter fra målgruppen)\n' : "  n: the trial's patients, reweighted (not target patients)\n");
    out.push(renderTextTableAt(effectsTable(rows.map((x) => x.effect), lang, widthOf, 'short', labelOf, arms), confLevel));
    for (const x of rows) {
      if (!x.weights) continue;
      const w = x.weights;
      out.push(lang === 'da'
        ? `  ${labelOf(x.outcome)}, ${timeLabel(x.time, lang)}: effektiv stikprøvestørrelse ${formatFixed(w.effectiveSampleSize, 1, lang)}, vægte ${formatFixed(w.min, 2, lang)}–${formatFixed(w.max, 2, lang)}${x.excludedMissing ? `, ${x.excludedMissing} uden værdi udeladt` : ''}${w.extreme ? '; ekstreme vægte: intet fund' : ''}\n`
        : `  ${labelOf(x.outcome)}, ${timeLabel(x.time, lang)}: effective sample size ${formatFixed(w.effectiveSampleSize, 1, lang)}, weights ${formatFixed(w.min, 2, lang)}–${formatFixed(w.max, 2, lang)}${x.excludedMissing ? `, ${x.excludedMissing} with no value left out` : ''}${w.extreme ? '; extreme weights: not a finding' : ''}\n`);
    }
  }
  return out.join('');
}
