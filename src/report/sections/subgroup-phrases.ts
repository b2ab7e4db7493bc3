/**
 * The phrases of the report's subgroup and target-population sections, in English and Danish
 * (terms from docs/glossary-da.md: subgruppeanalyse, interaktionstest, målgruppe, almen praksis).
 * Kept beside the sections rather than in i18n.ts so those sections stay one module's job.
 * `{intervention}`, `{control}` and the like are filled by `fillArms`/`fillPhrase`.
 */
import { countWord } from '../count-words.js';
import type { Lang } from '../i18n.js';

export const SUBGROUP_TEXT = {
  subgroupTitle: { en: 'Subgroup analysis by {subgroup}: {time}', da: 'Subgruppeanalyse efter {subgroup}: {time}' },
  subgroupTestsTitle: { en: 'Tests for interaction by {subgroup}', da: 'Interaktionstest efter {subgroup}' },
  forestTitle: { en: 'Effect by {subgroup} at {time}', da: 'Effekt efter {subgroup}: {time}' },
  forestSubtitle: {
    en: 'ANCOVA within each level, 95% CI, in MCIDs; right of 0 favours {theIntervention}. Dashed: ±1 MCID. Dark line: the effect in all patients.',
    da: 'ANCOVA inden for hver gruppe, 95 %-KI, i MKRF; til højre for 0 er til fordel for {theIntervention}. Stiplet: ±1 MKRF. Mørk linje: effekten hos alle patienter.',
  },
  forestIntro: {
    en: 'Each outcome with an MCID: first all patients (with the p of the test for interaction), then each level with its n ({interventionShort}/{controlShort}). The numbers are the benefit — the difference signed so that positive favours {theIntervention} — so they lie on the side the markers are on. A difference between levels counts only when the test for interaction says so; the verdict of one level alone is no evidence of a subgroup effect.',
    da: 'Hvert effektmål med en MKRF: først alle patienter (med p for interaktionstesten), derefter hver gruppe med sit n ({interventionShort}/{controlShort}). Tallene er effektforskellen — forskellen med fortegn, så positiv er til fordel for {theIntervention} — og ligger derfor på samme side som markørerne. En forskel mellem grupperne tæller kun, når interaktionstesten viser det; vurderingen i én gruppe alene er ikke evidens for en subgruppeeffekt.',
  },
  credibility: {
    // {tests}: the count with its noun, singular for one ("1 subgroup test", "én subgruppetest": count-words.ts).
    en: 'Credibility (ICEMAN): {prespecified}; {tests} in this run; {direction}.',
    da: 'Troværdighed (ICEMAN): {prespecified}; {tests} i denne analyse; {direction}.',
  },
  /** Under a forest whose levels show fewer than 5 patients in an arm: the counts are not suppressed (docs/subgroups.md#small-counts). */
  // {show}: the verb agreeing with {n} ("1 of the 4 levels shows", "2 of the 4 levels show"); Danish "har" either way.
  smallCounts: {
    en: 'The counts are printed as they are, not suppressed: {n} of the {levels} levels {show} fewer than {min} patients in an arm, which beside a named level (a single-doctor practice) can point to patients and to who dropped out.',
    da: 'Antallene vises, som de er, ikke diskretioneret: {n} af de {levels} niveauer har færre end {min} patienter i en gruppe, hvilket ved et navngivet niveau (en enkeltmandspraksis) kan pege på patienter og på, hvem der udgik.',
  },
  /** After the credibility note, only when a patient was left out (nothing to say when none was). */
  // Each count said for what it is: "other values" read as patients *with* no value ("0 (missing), 4 (other values)").
  leftOut: {
    en: 'Left out of this subgroup analysis, for the primary outcome: {parts}.',
    da: 'Udeladt af denne subgruppeanalyse, for det primære effektmål: {parts}.',
  },
  leftOutMissing: { en: '{n} {patients} with no value in the column', da: '{n} {patients} uden værdi i kolonnen' },
  leftOutOther: { en: "{n} {patients} whose value is none of the plan's levels", da: '{n} {patients}, hvis værdi ikke er et af planens niveauer' },
  patientOne: { en: 'patient', da: 'patient' },
  patientMany: { en: 'patients', da: 'patienter' },
  prespecified: { en: 'prespecified', da: 'forhåndsspecificeret' },
  notPrespecified: { en: 'not prespecified', da: 'ikke forhåndsspecificeret' },
  noDirection: { en: 'no direction predicted', da: 'ingen retning forudsagt' },
  predicted: { en: 'larger benefit predicted in {level}', da: 'større effekt forudsagt i {level}' },
  allPatients: { en: 'all patients', da: 'alle patienter' },
  interactionCol: { en: 'Interaction p', da: 'Interaktionstest p' },
  /** Over an outcome's rows in the forest plot, right: its unit and the test for interaction. */
  forestHeading: { en: 'in {unit}; interaction p {p}', da: 'i {unit}; interaktionstest p {p}' },
  forestHeadingNone: { en: 'in {unit}; interaction not testable', da: 'i {unit}; interaktion kan ikke testes' },
  interactionNone: { en: 'interaction not testable', da: 'interaktion kan ikke testes' },
  level: { en: 'Outcome / level', da: 'Effektmål / gruppe' },
  n: { en: 'n ({interventionShort}/{controlShort})', da: 'n ({interventionShort}/{controlShort})' },
  benefit: { en: 'Benefit (95% CI)|positive: favours {intervention}', da: 'Effektforskel (95 %-KI)|positiv: til fordel for {theIntervention}' },
  verdict: { en: 'Verdict', da: 'Vurdering' },
  axis: { en: 'Benefit in MCIDs (positive favours {intervention})', da: 'Effektforskel i enheder af MKRF (positiv: til fordel for {theIntervention})' },
  favoursControl: { en: '← Favours {control}', da: '← Til fordel for {theControl}' },
  favoursApp: { en: 'Favours {intervention} →', da: 'Til fordel for {theIntervention} →' },
  notComputed: { en: 'not computed', da: 'ikke beregnet' },
  outcome: { en: 'Outcome', da: 'Effektmål' },
  time: { en: 'Time', da: 'Tid' },
  test: { en: 'Test', da: 'Test' },
  statistic: { en: 'Statistic (df)', da: 'Teststørrelse (fg)' },
  p: { en: 'p', da: 'p' },
  statement: { en: 'Conclusion', da: 'Konklusion' },
  testF: { en: 'F (ANCOVA arm × subgroup)', da: 'F (ANCOVA gruppe × subgruppe)' },
  testQ: { en: 'Cochran Q (risk differences)', da: 'Cochrans Q (risikodifferencer)' },
  // Target population
  targetTitle: { en: 'Target population: {label}', da: 'Målgruppe: {label}' },
  targetIntro: {
    en: 'The recommendation concerns this population. Its effects are shown beside the trial population\'s: in the trial patients who meet every criterion{transport}.',
    da: 'Anbefalingen gælder denne målgruppe. Effekterne vises ved siden af forsøgspopulationens: hos de forsøgspatienter, der opfylder alle kriterier{transport}.',
  },
  // targetIntro's {transport}: how the whole trial is reweighted, by the plan's margins (raking) or its target sample (inverse odds).
  introRaked: { en: ', and — where the plan gives the target population\'s make-up — the whole trial reweighted (raked) to it', da: ', og — hvor planen angiver målgruppens sammensætning — hele forsøget omvægtet til den' },
  introSample: {
    en: ', and the whole trial weighted to a sample of {k} target patients (inverse odds of trial membership)',
    da: ', og hele forsøget vægtet til en stikprøve på {k} patienter fra målgruppen (inverse odds for forsøgsdeltagelse)',
  },
  introBoth: {
    en: ', and the whole trial reweighted to it: raked to its margins, and weighted to a sample of {k} target patients (inverse odds of trial membership)',
    da: ', og hele forsøget omvægtet til den: til dens fordeling og vægtet til en stikprøve på {k} patienter fra målgruppen (inverse odds for forsøgsdeltagelse)',
  },
  // No criteria (analysis/whole-trial-transport.ts): the population is the whole trial transported.
  targetIntroWhole: {
    en: 'The recommendation concerns this population. The plan names no criteria, so it selects no trial patients: the whole trial is transported to it, {how}. The n of a transported row counts the trial\'s patients in the analysis, reweighted (not target patients); eff. n is what they are worth.',
    da: 'Anbefalingen gælder denne målgruppe. Planen angiver ingen kriterier og udvælger derfor ingen forsøgspatienter: hele forsøget overføres til målgruppen, {how}. En overført rækkes n tæller forsøgets patienter i analysen, omvægtet (ikke patienter fra målgruppen); eff. n er, hvad de er værd.',
  },
  howRaked: { en: 'raked to its margins', da: 'omvægtet til dens fordeling' },
  howSample: {
    en: 'weighted to a sample of {k} target patients by the inverse odds of trial membership',
    da: 'vægtet til en stikprøve på {k} patienter fra målgruppen med de inverse odds for forsøgsdeltagelse',
  },
  howBoth: {
    en: 'raked to its margins, and weighted to a sample of {k} target patients by the inverse odds of trial membership',
    da: 'omvægtet til dens fordeling og vægtet til en stikprøve på {k} patienter fra målgruppen med de inverse odds for forsøgsdeltagelse',
  },
  criteriaCaption: { en: 'Who meets the criteria (in sequence; a missing value fails)', da: 'Hvem opfylder kriterierne (i rækkefølge; en manglende værdi opfylder ikke)' },
  randomised: { en: 'Randomised', da: 'Randomiseret' },
  criterion: { en: 'Criterion', da: 'Kriterium' },
  excluded: { en: 'Excluded ({interventionShort}/{controlShort})', da: 'Udelukket ({interventionShort}/{controlShort})' },
  ofWhichMissing: { en: 'of which no value', da: 'heraf uden værdi' },
  remaining: { en: 'Remaining ({interventionShort}/{controlShort})', da: 'Tilbage ({interventionShort}/{controlShort})' },
  effectsCaption: { en: 'Effects in the trial and in the target population', da: 'Effekter i forsøget og i målgruppen' },
  population: { en: 'Population', da: 'Patientgruppe' },
  difference: { en: 'Difference {intervention} − {control} (95% CI)', da: 'Forskel {intervention} − {control} (95 %-KI)' },
  trialCol: { en: 'Trial population', da: 'Forsøgspopulation' },
  targetCol: { en: 'Patients meeting the criteria', da: 'Patienter, der opfylder kriterierne' },
  transportedCol: { en: 'Trial reweighted to the target', da: 'Forsøget omvægtet til målgruppen' },
  tooSmall: { en: 'Too few patients meet the criteria to analyse them: {n} ({interventionShort}/{controlShort}); the plan\'s minimum is {min} per arm.', da: 'For få patienter opfylder kriterierne til en analyse: {n} ({interventionShort}/{controlShort}); planens minimum er {min} pr. gruppe.' },
  transportNote: {
    en: 'Reweighted: every analysed trial patient, raked to the target population\'s margins ({margins}); ANCOVA (risk difference for yes/no outcomes and responders) with weights and a design-based 95% CI (= R survey::rake + svyglm). Effective sample size {essLo}–{essHi} of {nLo}–{nHi} patients; weights from {wMin} to {wMax} (mean 1). It assumes the effect depends on the population only through these margins.',
    da: 'Omvægtet: alle analyserede forsøgspatienter, vægtet til målgruppens fordeling på {margins}; ANCOVA (risikodifference for ja/nej-effektmål og patienter med klinisk relevant forbedring) med vægte og et designbaseret 95 %-KI (= R survey::rake + svyglm). Effektiv stikprøvestørrelse {essLo}–{essHi} af {nLo}–{nHi} patienter; vægte fra {wMin} til {wMax} (gennemsnit 1). Det forudsætter, at effekten kun afhænger af populationen gennem disse fordelinger.',
  },
  inverseOddsCol: { en: 'Trial patients weighted to the target sample', da: 'Forsøgets patienter vægtet til stikprøven fra målgruppen' },
  inverseOddsNote: {
    en: 'Weighted to the target sample: every analysed trial patient weighted by the inverse odds of trial membership from a logistic model of membership of the {rows} target patients{left} against the trial on {model} (= R glm); ANCOVA (risk difference for yes/no outcomes and responders) with those weights and a design-based 95% CI that treats them as fixed (= R svyglm). Effective sample size {essLo}–{essHi}; weights from {wMin} to {wMax} (mean 1). It assumes the effect depends on the population only through these columns.',
    da: 'Vægtet til stikprøven: alle analyserede forsøgspatienter vægtet med de inverse odds for forsøgsdeltagelse fra en logistisk model af de {rows} patienter i målgruppen{left} mod forsøget på {model} (= R glm); ANCOVA (risikodifference for ja/nej-effektmål og patienter med klinisk relevant forbedring) med de vægte og et designbaseret 95 %-KI, der behandler dem som faste (= R svyglm). Effektiv stikprøvestørrelse {essLo}–{essHi}; vægte fra {wMin} til {wMax} (gennemsnit 1). Det forudsætter, at effekten kun afhænger af populationen gennem disse kolonner.',
  },
  // inverseOddsNote's {left}: the target sample's rows left out for a missing model value.
  sampleLeftOut: { en: ' (of the {all} rows of {file}; {m} left out for a missing model value)', da: ' (af de {all} rækker i {file}; {m} udeladt for en manglende værdi i modellen)' },
  // The summary of findings' word for the same number (sofEffective).
  nEss: { en: '{n} (eff. n {ess})', da: '{n} (eff. n {ess})' },
  // A row whose weights are extreme (analysis/extreme-weights.ts; docs/subgroups.md#extreme-weights).
  nEssExtreme: { en: '{n} (eff. n {ess}; extreme weights)', da: '{n} (eff. n {ess}; ekstreme vægte)' },
  extremeNote: {
    en: 'Extreme weights ({column}: {which}): the effective sample size is under half the patients analysed, or a weight is more than {max} times the mean. Such an estimate rests on a few patients, and its design-based CI, which treats the weights as fixed, is too narrow: it is not a finding about the target population.',
    da: 'Ekstreme vægte ({column}: {which}): den effektive stikprøvestørrelse er under halvdelen af de analyserede patienter, eller en vægt er mere end {max} gange gennemsnittet. Sådan et estimat hviler på få patienter, og dets designbaserede KI, der behandler vægtene som faste, er for smalt: det er ikke et fund om målgruppen.',
  },
  // Criteria beside reweighted rows whose weighting leaves a criterion's column out (ex. recruitment setting).
  criteriaNotWeighted: {
    en: '{rows}: every trial patient is kept, not only those who meet the criteria, and weighted on {weighted} only, not on the criteria {criteria}. These rows say what the trial\'s effect would be in a population of the target\'s make-up on {weighted}, not whether the effect differs in the patients who meet the criteria: the rows of those patients say that.',
    da: '{rows}: alle forsøgets patienter indgår, ikke kun dem, der opfylder kriterierne, og de er vægtet alene på {weighted}, ikke på kriterierne {criteria}. Disse rækker siger, hvad forsøgets effekt ville være i en patientpopulation med målgruppens sammensætning på {weighted}, ikke om effekten er en anden hos de patienter, der opfylder kriterierne: det siger disse patienters rækker.',
  },
  extremeEvery: { en: 'every row', da: 'alle rækker' },
  extremeSome: { en: '{k} of {all} rows', da: '{k} af {all} rækker' },
  // Participant flow: the branch into the target population (charts/target-flow-boxes.ts)
  flowTarget: { en: 'Target population', da: 'Målgruppe' },
  flowTargetPanel: { en: 'Target-population subset of all randomised patients (not a stage of the trial)', da: 'Målgruppen: delmængde af alle randomiserede patienter (ikke et trin i forsøget)' },
  flowExcluded: { en: 'Excluded: n = {n} ({interventionShort} {i}, {controlShort} {c})', da: 'Udelukket: n = {n} ({interventionShort} {i}, {controlShort} {c})' },
  flowNoValue: { en: 'of which no value: n = {n}', da: 'heraf uden værdi: n = {n}' },
  flowRemaining: { en: 'Remaining: n = {n} ({interventionShort} {i}, {controlShort} {c})', da: 'Tilbage: n = {n} ({interventionShort} {i}, {controlShort} {c})' },
  flowMeetAll: { en: 'Meet every criterion: n = {n}', da: 'Opfylder alle kriterier: n = {n}' },
  flowTargetAnalysed: { en: 'Analysed at {time}: {interventionShort} {i}, {controlShort} {c}', da: 'Analyseret efter {time}: {interventionShort} {i}, {controlShort} {c}' },
  flowTooSmall: { en: 'Too small to analyse (minimum {min} per arm)', da: 'For lille til en analyse (mindst {min} pr. gruppe)' },
  // Summary of findings: the population rows under the trial's row (docs/subgroups.md#report)
  sofTargetRow: { en: 'In the target population', da: 'I målgruppen' },
  sofRakedRow: { en: 'Reweighted', da: 'Omvægtet' },
  sofInverseOddsRow: { en: 'Reweighted to the target sample ({k} patients)', da: 'Omvægtet til stikprøven fra målgruppen ({k} patienter)' },
  // No criteria (analysis/whole-trial-transport.ts): the transported rows are the target population's result.
  sofTransportedRakedRow: { en: 'Transported to the target population (raked to its margins)', da: 'Overført til målgruppen (omvægtet til dens fordeling)' },
  sofTransportedSampleRow: {
    en: 'Transported to the target population (weighted to a sample of {k} target patients)',
    da: 'Overført til målgruppen (vægtet til en stikprøve på {k} patienter fra målgruppen)',
  },
  sofTransportedNote: {
    en: "Indented rows, the target population ({label}): the whole trial transported to it (no criteria select trial patients): the trial's patients reweighted to the target's make-up, counted as the trial's patients (eff. n: effective sample size); the trial's certainty, not downgraded for indirectness. All outcomes: section \"Target population\"",
    da: 'Indrykkede rækker, målgruppen ({label}): hele forsøget overført til den (ingen kriterier udvælger forsøgspatienter): forsøgets patienter omvægtet til målgruppens sammensætning, talt som forsøgets patienter (eff. n: effektiv stikprøvestørrelse); forsøgets evidenskvalitet, ikke nedgraderet for indirekte evidens. Alle effektmål: afsnittet "Målgruppe"',
  },
  sofEffective: { en: '{label}, eff. n {ess}', da: '{label}, eff. n {ess}' },
  sofEffectiveExtreme: { en: '{label}, eff. n {ess}, extreme weights: not a finding', da: '{label}, eff. n {ess}, ekstreme vægte: intet fund' },
  // The verdict cell of a row with extreme weights: its CI is too narrow to judge (docs/subgroups.md#extreme-weights).
  extremeVerdict: { en: 'Not a finding (extreme weights)', da: 'Intet fund (ekstreme vægte)' },
  sofTooSmall: {
    en: 'Not analysed: too small (n = {n}, {i}/{c} {interventionShort}/{controlShort}; the plan\'s minimum is {min} per arm)',
    da: 'Ikke analyseret: for lille (n = {n}, {i}/{c} {interventionShort}/{controlShort}; planens minimum er {min} pr. gruppe)',
  },
  sofPopulationNote: {
    en: 'Indented rows, the target population ({label}): the trial patients who meet its criteria, and the whole trial reweighted to it (eff. n: effective sample size); the trial\'s certainty, not downgraded for indirectness. All outcomes: section "Target population"',
    da: 'Indrykkede rækker, målgruppen ({label}): de forsøgspatienter, der opfylder dens kriterier, og hele forsøget omvægtet til den (eff. n: effektiv stikprøvestørrelse); forsøgets evidenskvalitet, ikke nedgraderet for indirekte evidens. Alle effektmål: afsnittet "Målgruppe"',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type SubgroupPhrase = keyof typeof SUBGROUP_TEXT;

/**
 * The population's words when the plan's population is a per-protocol sensitivity analysis
 * ("purpose": "per-protocol", docs/plan-trial.md#per-protocol-and-itt): not a population a
 * recommendation concerns, but the adherent patients beside the primary analysis of all
 * randomised patients as randomised. Keys not here read as for a target population.
 */
const PER_PROTOCOL_TEXT: Partial<Record<SubgroupPhrase, Record<Lang, string>>> = {
  targetTitle: { en: 'Per-protocol analysis: {label}', da: 'Per-protokol-analyse: {label}' },
  targetIntro: {
    en: 'A sensitivity analysis, not the trial\'s result: the effects in the patients who followed the protocol, beside the primary analysis of all randomised patients in the arm they were randomised to (intention to treat). The per-protocol patients are selected after randomisation, so the arms may no longer be alike in what predicts the outcome; the primary analysis answers the trial\'s question, and this one shows whether adherence changes the picture.',
    da: 'En følsomhedsanalyse, ikke forsøgets resultat: effekterne hos de patienter, der fulgte protokollen, ved siden af den primære analyse af alle randomiserede patienter i den gruppe, de blev randomiseret til (intention-to-treat). Per-protokol-patienterne er udvalgt efter randomiseringen, så grupperne er måske ikke længere ens i det, der forudsiger effektmålet; den primære analyse besvarer forsøgets spørgsmål, og denne viser, om adhærens ændrer billedet.',
  },
  criteriaCaption: { en: 'Who is analysed per protocol (criteria in sequence; a missing value fails)', da: 'Hvem analyseres per protokol (kriterier i rækkefølge; en manglende værdi opfylder ikke)' },
  effectsCaption: { en: 'Effects in all randomised patients (primary analysis) and per protocol (sensitivity analysis)', da: 'Effekter hos alle randomiserede patienter (primær analyse) og per protokol (følsomhedsanalyse)' },
  trialCol: { en: 'All randomised (primary)', da: 'Alle randomiserede (primær)' },
  targetCol: { en: 'Per protocol (sensitivity)', da: 'Per protokol (følsomhedsanalyse)' },
  tooSmall: { en: 'Too few patients followed the protocol to analyse them: {n} ({interventionShort}/{controlShort}); the plan\'s minimum is {min} per arm.', da: 'For få patienter fulgte protokollen til en analyse: {n} ({interventionShort}/{controlShort}); planens minimum er {min} pr. gruppe.' },
  flowTarget: { en: 'Per protocol', da: 'Per protokol' },
  flowTargetPanel: { en: 'Per-protocol subset of all randomised patients (a sensitivity analysis, not a stage of the trial)', da: 'Per protokol: delmængde af alle randomiserede patienter (en følsomhedsanalyse, ikke et trin i forsøget)' },
  sofTargetRow: { en: 'Per protocol (sensitivity)', da: 'Per protokol (følsomhedsanalyse)' },
  sofPopulationNote: {
    en: 'Indented rows, the per-protocol sensitivity analysis ({label}): the trial patients who meet its criteria; the row above them is the primary analysis of all randomised patients. All outcomes: section "Per-protocol analysis"',
    da: 'Indrykkede rækker, per-protokol-følsomhedsanalysen ({label}): de forsøgspatienter, der opfylder dens kriterier; rækken over dem er den primære analyse af alle randomiserede patienter. Alle effektmål: afsnittet "Per-protokol-analyse"',
  },
};

/** The population's purpose as results.json says it: only a per-protocol population carries one (absent: a target population). */
export type PopulationPurpose = 'per-protocol' | undefined;

/** A population phrase in the page's language, worded for the population's purpose. */
export function populationPhrase(k: SubgroupPhrase, lang: Lang, purpose: PopulationPurpose): string {
  return (purpose === 'per-protocol' ? PER_PROTOCOL_TEXT[k]?.[lang] : undefined) ?? SUBGROUP_TEXT[k][lang];
}

/**
 * A count of levels in the small-counts note: Danish in words up to ten, as the ICEMAN line and the
 * statement above it count the tests (docs/glossary-da.md); one as the stressed neuter "ét"
 * ("ét af de tre niveauer": "niveau" is neuter). English keeps its digits.
 */
export function levelCount(n: number, lang: Lang): string {
  if (lang === 'da' && n === 1) return 'ét';
  return String(countWord(n, lang));
}
