/**
 * The pooled results of a meta report at a glance, one row per outcome × follow-up × measure:
 * trials and participants, the estimate with its 95% CI and what it is (a random-effects pool,
 * or one trial's published estimate), the 95% prediction interval (from 3 trials on), I², the
 * MCID and the clinical-relevance verdict (docs/data-contracts.md#verdicts). English and Danish.
 * Ratios (RR, OR) are shown exponentiated, as the forest plots show them.
 *
 * Honest labels (docs/input-studies.md#how-the-meta-report-labels-evidence): a row whose estimates
 * all come from one subgroup names the subgroup; trials are counted as trials ("1 trial,
 * 2 subgroups"); a single estimate is shown once, with its published interval, as what it is.
 */
import type { MetaOutcomeSetting, MetaResults, MetaStudyRow } from '../meta/meta-results-schema.js';
import { MIN_PI_TRIALS } from '../meta/meta-analyze.js';
import { overallOf, type OverallRows } from '../meta/meta-group.js';
import { type ArmNames, defaultArmNames, fillArms } from './arm-names.js';
import { turnedEffect } from './charts/meta-effect-text.js';
import { fillPhrase, formatFixed, formatMcid, formatThousands, type Lang, percentSign, RELEVANCE_TEXT, REPORT_TEXT, tableInterval, timeLabel } from './i18n.js';
import type { Table } from './text-table.js';
import { metaVerdictText } from '../meta/meta-verdict.js';

const TEXT = {
  header: {
    en: 'Outcome|Follow-up|Trials (participants)|Effect (95% CI)|Estimate from|95% prediction interval|I²|MCID|Verdict',
    da: 'Effektmål|Opfølgning|Forsøg (deltagere)|Effekt (95 %-KI)|Estimat fra|95 %-prædiktionsinterval|I²|MKRF|Vurdering',
  },
  trials: { en: '{n} trials', da: '{n} forsøg' },
  trial: { en: '1 trial', da: '1 forsøg' },
  subgroups: { en: '{n} subgroups', da: '{n} subgrupper' },
  subgroupOf: { en: 'subgroup: {name}', da: 'subgruppe: {name}' },
  onlySubgroupOf: { en: '{n} only for a subgroup, {list}', da: '{n} kun for en subgruppe, {list}' },
  single: { en: '{study}, as published (not pooled)', da: '{study}, som publiceret (ikke poolet)' },
  // Cells start with a capital, as the verdict and outcome cells beside them.
  random: { en: 'Random effects ({tau2})', da: 'Tilfældige effekter ({tau2})' },
  // Subgroups of one trial are not trials: combined by the fixed-effect model, no τ², I² or PI.
  oneTrial: { en: 'Subgroups of one trial combined ({weights}, fixed)', da: 'Subgrupper af ét forsøg kombineret ({weights}, fast effekt)' },
  inverseVariance: { en: 'inverse-variance', da: 'invers varians' },
  fewTrials: { en: 'None (< {min} trials)', da: 'Intet (< {min} forsøg)' },
  notPooled: { en: 'Not pooled (no study reported an interval)', da: 'Ikke poolet (intet studie angav et interval)' },
  assumed: { en: ', assumed', da: ', antaget' },
  noMcid: { en: 'No MCID: not judged', da: 'Ingen MKRF: ikke vurderet' },
  notShown: { en: 'Not shown', da: 'Ikke vist' },
  participantsUnknown: { en: 'not reported', da: 'ikke angivet' },
  // Some trials gave their group sizes, others not: a partial sum would read as the whole.
  participantsSome: { en: 'n reported by {k} of {n}', da: 'antal angivet af {k} af {n}' },
} as const;

type Phrase = keyof typeof TEXT;

/** The one subgroup all of a group's estimates come from, or null (none, or several). */
export function onlySubgroup(studies: readonly Pick<MetaStudyRow, 'subgroup'>[]): string | null {
  const names = new Set(studies.map((s) => s.subgroup));
  const [only] = names;
  return names.size === 1 && only !== undefined ? only : null;
}

/** "1 trial", "3 trials", "1 trial, 2 subgroups": estimates that are subgroups of fewer trials say so. */
export function trialCountText(studies: readonly Pick<MetaStudyRow, 'study' | 'subgroup'>[], lang: Lang): string {
  const trials = new Set(studies.map((s) => s.study)).size;
  const count = trials === 1 ? TEXT.trial[lang] : fillPhrase(TEXT.trials[lang], { n: trials });
  const subgroups = new Set(studies.filter((s) => s.subgroup !== null).map((s) => s.subgroup)).size;
  const text = studies.length > trials && subgroups > 1 ? `${count}, ${fillPhrase(TEXT.subgroups[lang], { n: subgroups })}` : count;
  // A trial given only for a subgroup beside whole trials is pooled as if whole: said where it is counted
  // (docs/input-studies.md, "A trial given only for one subgroup").
  // Only a trial whose one row is a subgroup's, as trial-contributions.ts warns: a trial given by all its
  // subgroups is pooled from their combination, not from one subgroup.
  if (!studies.some((s) => s.subgroup === null)) return text;
  const rows = new Map<string, (string | null)[]>();
  for (const s of studies) rows.set(s.study, [...(rows.get(s.study) ?? []), s.subgroup]);
  const partial = [...rows].flatMap(([study, subs]) => (subs.length === 1 && subs[0] !== null && subs[0] !== undefined ? [`${study}: ${subs[0]}`] : []));
  if (partial.length === 0) return text;
  const list = partial.join('; ');
  return `${text}, ${fillPhrase(TEXT.onlySubgroupOf[lang], { n: partial.length, list })}`;
}

/** The outcome's name as a row or title shows it: with its subgroup when every estimate comes from one. */
export function outcomeName(s: Pick<MetaOutcomeSetting, 'label' | 'outcome'>, studies: readonly Pick<MetaStudyRow, 'subgroup'>[], lang: Lang): string {
  const sub = onlySubgroup(studies);
  const name = s.label ?? s.outcome;
  return sub === null ? name : `${name}, ${fillPhrase(TEXT.subgroupOf[lang], { name: sub })}`;
}

/** Per outcome setting, in the table's row order: its studies and its estimates (the summary table's rows; meta-conclusion.ts). */
export function metaSettings(results: Pick<MetaResults, 'outcomes' | 'pooled' | 'studies'>): { setting: MetaOutcomeSetting; studies: MetaStudyRow[]; overall: OverallRows }[] {
  return results.outcomes.map((setting) => {
    const same = <T extends { outcome: string; time: string; measure: string }>(x: T) => x.outcome === setting.outcome && x.time === setting.time && x.measure === setting.measure;
    const studies = results.studies.filter(same);
    return { setting, studies, overall: overallOf(results.pooled.filter(same), studies) };
  });
}

/** How a summary row's estimate was obtained (its "Estimate from" cell; the page's provenance line counts them). */
export type MetaRowBasis = 'random' | 'single' | 'one-trial-subgroups' | 'not-pooled';

export function metaRowBasis(overall: OverallRows): MetaRowBasis {
  const head = overall.headline;
  if (!head) return 'not-pooled';
  if (head.model === 'single-study') return 'single';
  return overall.oneTrialSubgroups ? 'one-trial-subgroups' : 'random';
}

/**
 * `unitOf`: the outcome's unit for mean differences (e.g. "points", from the plan's instruments);
 * SMDs are in SD units, ratios and risk differences have none.
 */
export function metaSummaryTable(results: Pick<MetaResults, 'outcomes' | 'pooled' | 'studies'>, lang: Lang, unitOf: (outcome: string) => string = () => '', arms: ArmNames = defaultArmNames(lang)): Table {
  const t = (k: Phrase, values: Record<string, string | number> = {}) => fillPhrase(TEXT[k][lang], values);
  const rows = metaSettings(results).map(({ setting: s, studies: all, overall }) => {
    const head = overall.headline;
    const studies = all.filter((x) => x.pooled);
    // Participants only when every pooled study reported both arm sizes: a partial sum would
    // mislead. When only some did, how many trials of how many.
    const counted = studies.length > 0 ? studies : all;
    const sizes = counted.map((x) => (x.nIntervention !== null && x.nControl !== null ? x.nIntervention + x.nControl : null));
    const trialsWithN = new Set(counted.filter((_, i) => sizes[i] !== null).map((x) => x.study)).size;
    const trialsAll = new Set(counted.map((x) => x.study)).size;
    const participants = studies.length > 0 && sizes.every((n) => n !== null)
      ? formatThousands(sizes.reduce<number>((a, n) => a + (n as number), 0), 0, lang)
      : trialsWithN > 0 && trialsAll > 1
        ? t('participantsSome', { k: trialsWithN, n: trialsAll })
        : t('participantsUnknown');
    // An assumed direction says so: the sign of every benefit in the row rests on it (outcome-settings.ts).
    const outcome = `${outcomeName(s, all, lang)} (${REPORT_TEXT[s.direction === 'lower-is-better' ? 'lowerIsBetter' : 'higherIsBetter'][lang]}${s.directionSource === 'default' ? t('assumed') : ''})`;
    const count = `${trialCountText(studies.length > 0 ? studies : all, lang)} (${participants})`;
    if (!head) return [outcome, timeLabel(s.time, lang), count, t('notPooled'), '', '', '', '', ''];
    // One estimate is not pooled: it is the study's own, with its interval as published (the same
    // in results.json), and its own verdict. The effect is printed as the forest plots print it:
    // turned so that positive favours the intervention (meta-effect-text.ts), under the trial
    // report's "Benefit of app (95% CI)"; the page's intro says which way round.
    const only = metaRowBasis(overall) === 'single' ? studies[0] : undefined;
    const turned = turnedEffect(s, arms, lang);
    const effect = `${s.measure} ${turned.value(head.estimate)} ${turned.interval(head.ciLower, head.ciUpper)}`;
    const weights = head.poolingMethod === 'mantel-haenszel' ? 'Mantel–Haenszel' : t('inverseVariance');
    const basis = only ? t('single', { study: only.study }) : metaRowBasis(overall) === 'one-trial-subgroups' ? t('oneTrial', { weights }) : t('random', { tau2: head.tau2Method ?? '—' });
    const random = overall.random;
    // The prediction interval on the effect's own scale: turned too (its ends swap), or it would
    // read app − usual care beside a benefit (docs/input-studies.md#how-the-meta-report-labels-evidence).
    const piEnds = random && random.piLower !== null && random.piUpper !== null ? (turned.flipped ? [random.piUpper, random.piLower] : [random.piLower, random.piUpper]) : null;
    const pi = piEnds
      ? `${turned.value(piEnds[0] as number)} ${lang === 'da' ? 'til' : 'to'} ${turned.value(piEnds[1] as number)}`
      // Subgroups of one trial are one trial: the same words as every row on too few trials.
      : overall.oneTrialSubgroups || head.trials < MIN_PI_TRIALS ? t('fewTrials', { min: MIN_PI_TRIALS }) : t('notShown');
    const i2 = !random || random.i2 === null ? '—' : `${formatFixed(random.i2, 0, lang)}${percentSign(lang)}`;
    const unit = s.measure === 'MD' ? unitOf(s.outcome) : s.measure === 'SMD' ? 'SD' : '';
    const mcid = s.mcid === null ? '—' : `${formatMcid(s.mcid, lang)}${unit ? ` ${unit}` : ''}`;
    const relevance = head.relevance;
    const verdict = relevance ? metaVerdictText({ ...head, relevance }, RELEVANCE_TEXT, lang) : t('noMcid');
    return [outcome, timeLabel(s.time, lang), count, effect, basis, pi, i2, mcid, verdict];
  });
  // The trials cell is words ("1 trial, 2 subgroups (not reported)"), not a number: left-aligned
  // and free to wrap, so the outcome column keeps room on A4 (docs/report-trial.md#print).
  return {
    // The effect column as the trial report's forest names it: the benefit, positive favours the intervention.
    header: TEXT.header[lang].split('|').map((h, i) => (i === 3 ? fillArms(REPORT_TEXT.benefitOfCol[lang], arms) : h)),
    rows,
    align: ['left', 'left', 'left', 'right', 'left', 'right', 'right', 'right', 'left'],
    fit: ['label', 'nowrap', undefined, undefined, undefined, undefined, undefined, undefined, 'wide'],
  };
}
