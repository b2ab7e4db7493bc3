/**
 * The warnings a reviewer needs from one observational analysis, found from its recorded
 * diagnostics (docs/observational.md): |SMD| above the threshold after weighting, poor overlap
 * (≥ 5% of propensity scores outside [0.05, 0.95], or an effective sample under half a group),
 * extreme weights (the largest more than 10 × the group mean), and patients left out for missing
 * confounders. One rule set; the CLI prints it in English, the report in the page's language.
 */
import { formatFixed, formatSetting, formatThousands, type Lang } from '../report/i18n.js';
import { armNames } from '../report/arm-names.js';
import type { Plan } from '../plan/plan-schema.js';
import { notAnalysedText } from '../report/failure-reasons.js';
import type { ObservationalAnalysis, ObservationalEffect } from './observational-results-schema.js';
import { NO_E_VALUE_TEXT, type NoEValue } from './e-value.js';
import { SUPPRESSED, type Masked } from '../suppressed-marker.js';

type Group = 'exposed' | 'unexposed';
export type Finding =
  | { kind: 'imbalance'; term: string; smd: number | null; threshold: number }
  /** `event`: a yes/no outcome or responder (0/1); else an outcome with few values, or one shared by all but a few (analyze-observational.ts smallOutcomeCount). */
  | { kind: 'effects-hidden'; event: boolean }
  | { kind: 'scores-hidden' }
  | { kind: 'aipw-failed'; reason: string }
  | { kind: 'no-e-value'; reason: NoEValue; methods: ObservationalEffect['method'][] }
  /** `trim`: the plan's trim, which leaves those patients (score 0) out of every estimate; null without one. */
  | { kind: 'outside-target'; confounder: string; levels: string[]; unnamed: number; trim: number | null }
  /** `byDesignAside`: under ATT, non-users of a level no user has (score 0 by design) are analysed and not counted as outside. `atLeast`: the share rounded down to 5 points, the exact one suppressed (rule 9). */
  | { kind: 'outside'; share: number; byDesignAside: boolean; atLeast?: boolean }
  /** `ess` null: under half of the group, the number suppressed (rule 9); `n` null: the group's size suppressed too. */
  | { kind: 'ess'; group: Group; ess: number | null; n: number | null }
  /** `ratio` null: the largest weights suppressed (rule 9); the fact that one is extreme stays. */
  | { kind: 'extreme'; group: Group; ratio: number | null; k: number }
  | { kind: 'missing'; n: Masked };

const GROUPS: readonly Group[] = ['exposed', 'unexposed'];

/** The findings of one published analysis (counts as published: a hidden one is never printed). */
/** A single weight above this many times its group's mean is extreme (docs/observational.md, step 3). */
export const EXTREME_WEIGHT = 10;

export function diagnosticFindings(a: Pick<ObservationalAnalysis, 'balance' | 'patients' | 'weights' | 'propensity' | 'effectsSuppressed' | 'aipwError'> & Partial<Pick<ObservationalAnalysis, 'effects' | 'outsideTarget' | 'kind'>>, threshold: number, trim: number | null = null): Finding[] {
  const out: Finding[] = [];
  // Under ATT: non-users of a level no user has weigh 0 (observational-design.ts): said, not refused.
  // With `trim` their score of 0 is below it: they are trimmed, and the warning says so.
  for (const o of a.outsideTarget ?? []) out.push({ kind: 'outside-target', ...o, trim });
  for (const b of a.balance) {
    if (b.smdAfter === SUPPRESSED) {
      if (b.imbalanced) out.push({ kind: 'imbalance', term: b.term, smd: null, threshold });
    } else if (b.smdAfter !== null && Math.abs(b.smdAfter) > threshold) out.push({ kind: 'imbalance', term: b.term, smd: b.smdAfter, threshold });
  }
  const share = a.propensity?.outsideShare;
  const byDesignAside = (a.outsideTarget?.length ?? 0) > 0 && trim === null;
  // Untrimmed, the non-users of a level no user has are analysed, their score 0 by design: not counted, and said so.
  if (typeof share === 'number' && share >= 0.05) out.push({ kind: 'outside', share, byDesignAside });
  // Rule 9 hid the share: the fact stays, at a 5-point band (published-analysis.ts overlapFacts).
  else if (share === SUPPRESSED && a.propensity?.outsideAtLeast !== undefined) out.push({ kind: 'outside', share: a.propensity.outsideAtLeast, byDesignAside, atLeast: true });
  for (const g of GROUPS) {
    const n = a.patients?.[g];
    const ess = a.weights?.effectiveSampleSize[g];
    if (typeof ess === 'number' && typeof n === 'number' && ess < 0.5 * n) out.push({ kind: 'ess', group: g, ess, n });
    else if (ess === SUPPRESSED && a.weights?.effectiveSampleUnderHalf?.[g] === true) out.push({ kind: 'ess', group: g, ess: null, n: typeof n === 'number' ? n : null });
  }
  // A weight ten times the group mean lets one patient carry the estimate.
  for (const g of GROUPS) {
    const ratio = a.weights?.max[g];
    if (a.weights?.extreme[g] === true) out.push({ kind: 'extreme', group: g, ratio: typeof ratio === 'number' ? ratio : null, k: a.weights.maxOf });
  }
  // Rule 9 (docs/observational.md, "Small counts"): the overlap and weight numbers are hidden (the facts above stay).
  // (Its own test, the balance rows: an effective sample size may also be hidden with its group's count, rule 12.)
  if (a.weights && a.balance.some((b) => b.smdBefore === SUPPRESSED)) out.push({ kind: 'scores-hidden' });
  if (a.effectsSuppressed) out.push({ kind: 'effects-hidden', event: a.kind !== 'continuous' });
  if (a.aipwError) out.push({ kind: 'aipw-failed', reason: a.aipwError });
  // A yes/no outcome no non-user has: its rows carry no E-value, and the reader is told why (e-value.ts).
  for (const reason of ['unexposed-risk-zero', 'unexposed-weighted-risk-zero', 'exposed-risk-zero'] as const) {
    const methods = (a.effects ?? []).filter((e) => e.eValueMissing?.reason === reason).map((e) => e.method);
    if (methods.length) out.push({ kind: 'no-e-value', reason, methods });
  }
  return out;
}

const METHOD_TEXT = { crude: { en: 'crude', da: 'ujusteret' }, 'weighted-regression': { en: 'weighted regression', da: 'vægtet regression' }, aipw: { en: 'AIPW', da: 'AIPW' } } as const;

/**
 * The groups as a Danish sentence names them: the plan's `armLabels` as written mid-sentence
 * ("brugere af appen", "tilbudt appen": `findingGroups`), or without labels the glossary's neutral
 * words. They had been "brugere" / "ikke-brugere" whatever the exposure — a programme offered, a
 * drug redeemed — while the terminal's other Danish lines and the page named the plan's groups.
 * English keeps "exposed" / "unexposed", which claim nothing (docs/observational.md).
 */
export interface FindingGroups {
  exposed: string;
  unexposed: string;
}
const NEUTRAL_DA: FindingGroups = { exposed: 'eksponerede', unexposed: 'ikke-eksponerede' };

/** The groups by the plan's labels in Danish mid-sentence (arm-names.ts), or the neutral words without labels. */
export function findingGroups(armLabels: Plan['armLabels'], arms: Plan['arms']): FindingGroups {
  if (!armLabels?.intervention && !armLabels?.control) return NEUTRAL_DA;
  const names = armNames(armLabels, 'da', arms);
  return { exposed: armLabels.intervention ? names.intervention : NEUTRAL_DA.exposed, unexposed: armLabels.control ? names.control : NEUTRAL_DA.unexposed };
}

export function findingText(f: Finding, lang: Lang, termLabel: (term: string) => string = (t) => t, groups: FindingGroups = NEUTRAL_DA): string {
  const g = { exposed: groups.exposed, unexposed: groups.unexposed };
  // Every number as the page and the terminal print numbers (formatFixed): grouped, true minus, "0.10" / "0,10" alike;
  // the plan's own settings (threshold, trim) with every digit the user gave them (formatSetting).
  const n = (v: number, d: number) => formatFixed(v, d, lang);
  // A page names a term as its balance table does ("Referred by: general practice", not "referrer=gp").
  const term = f.kind === 'imbalance' ? termLabel(f.term) : '';
  switch (f.kind) {
    case 'imbalance':
      if (f.smd === null) {
        return lang === 'da'
          ? `balance ikke opnået for ${term} (værdierne er diskretioneret: et niveau har for få patienter i en gruppe)`
          : `balance not reached for ${term} (values suppressed: a level has too few patients in a group)`;
      }
      return lang === 'da'
        ? `balance ikke opnået for ${term}: SMD ${n(f.smd, 3)} efter vægtning (grænse ${formatSetting(f.threshold, lang)})`
        : `balance not reached for ${term}: SMD ${n(f.smd, 3)} after weighting (threshold ${formatSetting(f.threshold, lang)})`;
    case 'outside':
      if (f.atLeast)
        return lang === 'da'
          ? `dårligt overlap: mindst ${n(100 * f.share, 0)} % af patienterne har en tilbøjelighedsscore uden for intervallet 0,05 til 0,95 (rundet ned til 5 procentpoint: den nøjagtige andel er diskretioneret)${f.byDesignAside ? ` (${g.unexposed} med et niveau, som ingen blandt ${g.exposed} har, er ikke talt med: deres score er 0 pr. konstruktion)` : ''}`
          : `poor overlap: at least ${n(100 * f.share, 0)}% of patients have a propensity score outside the interval 0.05 to 0.95 (rounded down to 5 points: the exact share is suppressed)${f.byDesignAside ? ' (the non-users of levels no user has not counted: their score is 0 by design)' : ''}`;
      return lang === 'da'
        ? `dårligt overlap: ${n(100 * f.share, 1)} % af patienterne har en tilbøjelighedsscore uden for intervallet 0,05 til 0,95${f.byDesignAside ? ` (${g.unexposed} med et niveau, som ingen blandt ${g.exposed} har, er ikke talt med: deres score er 0 pr. konstruktion)` : ''}`
        : `poor overlap: ${n(100 * f.share, 1)}% of patients have a propensity score outside the interval 0.05 to 0.95${f.byDesignAside ? ' (the non-users of levels no user has not counted: their score is 0 by design)' : ''}`;
    case 'ess':
      if (f.ess === null) {
        const of = f.n === null ? '' : ` ${formatThousands(f.n, 0, lang)}`;
        return lang === 'da'
          ? `dårligt overlap: vægtene efterlader en effektiv stikprøve på under halvdelen af de${of} ${g[f.group]} (tallet er diskretioneret)`
          : `poor overlap: the weights leave an effective sample of under half of the${of} ${f.group} patients (the number is suppressed)`;
      }
      return lang === 'da'
        ? `dårligt overlap: vægtene efterlader en effektiv stikprøve på ${n(f.ess, 1)} af ${formatThousands(f.n ?? 0, 0, 'da')} ${g[f.group]}`
        : `poor overlap: the weights leave an effective sample of ${n(f.ess, 1)} of ${formatThousands(f.n ?? 0, 0, 'en')} ${f.group} patients`;
    case 'extreme':
      if (f.ratio === null)
        return lang === 'da'
          ? `ekstreme vægte: mindst én vægt blandt ${g[f.group]} er over ${EXTREME_WEIGHT} gange gruppens gennemsnit (de største vægte er diskretioneret); overvej "trim" eller "truncate"`
          : `extreme weights: at least one ${f.group} weight is more than ${EXTREME_WEIGHT} times the group mean (the largest weights are suppressed); consider "trim" or "truncate"`;
      return lang === 'da'
        ? `ekstreme vægte: mindst én vægt blandt ${g[f.group]} er over ${EXTREME_WEIGHT} gange gruppens gennemsnit (de ${f.k} største er i gennemsnit ${n(f.ratio, 1)} gange det); overvej "trim" eller "truncate"`
        : `extreme weights: at least one ${f.group} weight is more than ${EXTREME_WEIGHT} times the group mean (the ${f.k} largest average ${n(f.ratio, 1)} times it); consider "trim" or "truncate"`;
    case 'outside-target': {
      const q = (l: string) => `"${l}"`;
      // Named as the balance table names them (the plan's label and level labels: "Henvist af", "andet"), by `termLabel` of "name=level".
      const head = `${termLabel(f.confounder)}: `;
      const levelName = (l: string) => {
        const full = termLabel(`${f.confounder}=${l}`);
        return full.startsWith(head) ? full.slice(head.length) : l;
      };
      const named = f.levels.map((l) => q(levelName(l))).join(', ');
      const more = f.unnamed > 0 ? (lang === 'da' ? `${named ? ' og ' : ''}${f.unnamed} ${f.unnamed === 1 ? 'niveau' : 'niveauer'}${named ? ' mere' : ''} (ikke nævnt)` : `${named ? ' and ' : ''}${f.unnamed} ${named ? 'more ' : ''}${f.unnamed === 1 ? 'level' : 'levels'} (not named)`) : '';
      // Trimmed (a score of 0 is below any trim), they count nowhere; otherwise in the crude difference and AIPW's outcome model.
      const where = f.trim === null
        ? (lang === 'da' ? 'de indgår kun i den ujusterede forskel og AIPW\'s model for effektmålet' : 'they count in the crude difference and AIPW\'s outcome model only')
        : (lang === 'da' ? `scoren er under "trim" (${formatSetting(f.trim, lang)}), så de er trimmet: ingen forskel medregner dem` : `the score is below "trim" (${formatSetting(f.trim, lang)}), so they are trimmed: no difference counts them`);
      // "level" leads named levels only: with none named the count says it ("1 level (not named)", not "level 1 level").
      const lead = named ? `${f.levels.length + f.unnamed === 1 ? (lang === 'da' ? 'niveauet' : 'level') : lang === 'da' ? 'niveauerne' : 'levels'} ` : '';
      return lang === 'da'
        ? `forstyrrende faktor "${termLabel(f.confounder)}": ${lead}${named}${more} findes kun blandt ${g.unexposed} — ingen blandt ${g.exposed} ligner dem, så under ATT (effekten blandt ${g.exposed}) får de vægten 0 (tilbøjelighedsscore 0); ${where}`
        : `confounder "${termLabel(f.confounder)}": ${lead}${named}${more} only among the unexposed — no exposed patient is like them, so under ATT (the effect among the exposed) they get weight 0 (propensity score 0); ${where}`;
    }
    case 'no-e-value': {
      const methods = f.methods.map((m) => METHOD_TEXT[m][lang]).join(', ');
      return `${lang === 'da' ? 'ingen E-værdi' : 'no E-value'} (${methods}): ${NO_E_VALUE_TEXT[f.reason][lang]}`;
    }
    case 'aipw-failed':
      return notAnalysedText(f.reason, lang, { en: 'AIPW not computed', da: 'AIPW ikke beregnet' });
    case 'effects-hidden':
      // Every row goes, not the crude one alone: the adjusted ones give the count too (docs/observational.md, "Small counts").
      if (!f.event)
        return lang === 'da'
          ? 'ingen forskel vises (hverken den ujusterede, den vægtede regression eller AIPW): effektmålet har få værdier, og i en gruppe har færre patienter end diskretioneringsgrænsen en af dem (eller alle på nær så få har samme værdi); forskellene med deres SE og E-værdier ville afsløre det antal'
          : 'no difference is shown (crude, weighted regression or AIPW): the outcome takes few values, and in a group fewer patients than the suppression threshold have one of them (or all but so few share one value); the differences with their SEs and E-values would reveal that number';
      return lang === 'da'
        ? 'ingen forskel vises (hverken den ujusterede, den vægtede regression eller AIPW): i en gruppe er antallet af patienter med (eller uden) hændelsen under diskretioneringsgrænsen, og hver af forskellene ville afsløre det antal'
        : 'no difference is shown (crude, weighted regression or AIPW): in a group the number of patients with (or without) the event is below the suppression threshold, and each difference would reveal that number';
    case 'scores-hidden':
      return lang === 'da'
        ? 'overlap og vægte vises ikke i tal (percentiler af tilbøjelighedsscoren, effektiv stikprøve, største vægte): et niveau eller en værdi af en forstyrrende faktor har under diskretioneringsgrænsen af patienter i en gruppe, og scorerne afhænger af det antal; om overlappet er dårligt, og om vægtene er ekstreme, siges stadig'
        : 'overlap and weights are not shown in numbers (propensity-score percentiles, effective sample, largest weights): a level or value of a confounder has fewer patients in a group than the suppression threshold, and the scores depend on that number; whether overlap is poor and weights are extreme is still said';
    case 'missing':
      if (f.n === SUPPRESSED) {
        return lang === 'da'
          ? 'patienter med en manglende værdi af en forstyrrende faktor er udeladt (kun patienter med komplette data analyseres); antallet er diskretioneret'
          : 'patients with a missing confounder value left out (complete cases); their number is suppressed';
      }
      return lang === 'da'
        ? `${formatThousands(f.n, 0, 'da')} ${f.n === 1 ? 'patient' : 'patienter'} med en manglende værdi af en forstyrrende faktor er udeladt (kun patienter med komplette data analyseres)`
        : `${formatThousands(f.n, 0, 'en')} ${f.n === 1 ? 'patient' : 'patients'} with a missing confounder value left out (complete cases)`;
  }
}
