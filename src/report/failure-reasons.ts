/**
 * Why an analysis row could not be done, in the page's language. The analyses word the reason in
 * English where they fail (src/observational/, src/analysis/, src/stats/) and results.json keeps
 * that English (the JSON contract); a Danish page rewords it here, pattern by pattern, with the
 * numbers in it in Danish format. Names quoted from the plan or export stay as they are.
 *
 * A reason no pattern knows is never dropped and never crashes a page: the Danish page shows a
 * Danish lead and the English text marked as English (`notAnalysedText`). The test
 * test/report/failure-reasons.test.ts lists every `analysis.failed` message of the observational
 * analyses, the transported effects, the trial's effect rows (ANCOVA, t tests, risk difference,
 * MMRM, multiple imputation, subgroup levels) and the subgroups' tests for interaction (which the
 * Danish credibility statement carries) from their sources and fails when one has no pattern here.
 */
import { SCIENTIFIC_FIX } from '../io/scientific-number.js';
import { instruments } from '../instruments/registry.js';
import { type Lang, REPORT_TEXT, timeLabel } from './i18n.js';

/** The remedy of scientific-number.ts, matched literally inside a pattern. */
const SCIENTIFIC_FIX_PATTERN = SCIENTIFIC_FIX.en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A plain number as written in an English message ("0.05", "1586", "-2") in Danish format. */
export function danishNumber(s: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return s;
  const int = (m[2] as string).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (m[1] ? '−' : '') + int + (m[3] !== undefined ? `,${m[3]}` : '');
}

const n = danishNumber;
/** An instrument by its Danish name, from its English one (as the warning names it); the English where none is known. */
const instrumentDa = (english: string): string => Object.values(instruments).find((i) => i.name.en === english)?.name.da ?? english;
/** A visit key from the plan ("3m", which reads as metres in Danish) as the Danish pages name visits: "3 måneder". */
const visit = (t: string) => timeLabel(t, 'da').replace(/^Baseline$/, 'baseline');
const ARM: Record<string, string> = { intervention: 'interventionsgruppen', control: 'kontrolgruppen' };
const METHOD: Record<string, string> = { crude: 'det ujusterede estimat', 'weighted-regression': 'den vægtede regression', aipw: 'AIPW-estimatet' };
const NUM = '(-?\\d+(?:\\.\\d+)?)';
/** An MI column as missing-data-effects.ts names it (columnWords), in Danish. */
const MI_COLUMN: Record<string, string> = { column: 'kolonnen', 'auxiliary variable': 'hjælpevariablen', covariate: 'kovariaten' };
/** "covariate 'sex'" (missing-data-effects.ts's columnWords) in Danish: "kovariaten 'sex'". */
const miColumn = (what: string) => what.replace(/^(auxiliary variable|column|covariate) (?=')/, (w) => `${MI_COLUMN[w.trim()]} `);
/** mice-logreg.ts's LogregFitError, as a pattern, and in Danish. */
const LOGREG_UNFIT = 'the logistic imputation model could not be fitted: it is singular even with a ridge \\(look for extreme values among the other columns of the imputation model\\)';
const LOGREG_UNFIT_DA = 'den logistiske imputationsmodel kunne ikke estimeres: den er singulær, også med en ridge (se efter ekstreme værdier i imputationsmodellens øvrige kolonner)';
/** The analyses a cluster-randomised trial does not run (analysis/cluster-effects.ts), in Danish. */
const CLUSTER_NOT_RUN: Record<string, string> = { MMRM: 'MMRM', 'Multiple imputation': 'Multipel imputation', 'The difference in change scores': 'Forskellen i ændringsscorer' };

/** `"level" only among the exposed, and "other" only among the unexposed` (observational-design.ts). */
const oneSided = (list: string) => list.replace(/ only among the (exposed|unexposed)(?=, and |$)/g, (_, g: string) => (g === 'exposed' ? ' kun blandt de eksponerede' : ' kun blandt de ikke-eksponerede')).replace(/, and /g, ', og ');

/**
 * The parts of a no-overlap message (observational-design.ts `noOverlapMessage`): named levels,
 * `4 more levels in one group only (not named)`, `2 levels in one group only (not named)`.
 */
const overlapParts = (list: string) =>
  oneSided(
    list
      .replace(/^level /, 'niveauet ')
      .replace(/(\d+) more (?:level|levels) in one group only \(not named\)/, (_, k: string) => `${n(k)} ${k === '1' ? 'niveau mere' : 'niveauer mere'} kun i den ene gruppe (ikke nævnt)`)
      .replace(/(\d+) (?:level|levels) in one group only \(not named\)/, (_, k: string) => `${n(k)} ${k === '1' ? 'niveau' : 'niveauer'} kun i den ene gruppe (ikke nævnt)`)
  );

/** `'a' (intervention 3, control 0) and 'b' (…)` (the tests for interaction): arms and counts in Danish. */
const oneArmList = (list: string) =>
  list.replace(new RegExp(` \\(intervention ${NUM}, control ${NUM}\\)( and |$)`, 'g'), (_, a: string, b: string, and: string) => ` (interventionsgruppen ${n(a)}, kontrolgruppen ${n(b)})${and === '' ? '' : ' og '}`);

/** Each known reason: the whole English message, and its Danish wording built from the captures. */
const DANISH: readonly [RegExp, (...m: string[]) => string][] = [
  // src/observational/analyze-observational.ts
  [/^the (crude|weighted-regression|aipw) estimate has no standard error \(the outcome does not vary enough\)$/, (m) => `${METHOD[m] as string} har ingen standardfejl (effektmålet varierer for lidt)`],
  [new RegExp(`^too few patients: fewer than ${NUM} exposed or unexposed with complete data \\(the publication threshold\\)$`), (t) => `for få patienter: færre end ${n(t)} eksponerede eller ikke-eksponerede med komplette data (grænsen for offentliggørelse)`],
  [new RegExp(`^too few patients left after trimming at ${NUM}: fewer than ${NUM} exposed or unexposed \\(the publication threshold\\)$`), (trim, t) => `for få patienter tilbage efter trimning ved ${n(trim)}: færre end ${n(t)} eksponerede eller ikke-eksponerede (grænsen for offentliggørelse)`],
  // src/observational/aipw.ts
  [new RegExp(`^AIPW needs more (exposed|unexposed) patients \\(${NUM}\\) than outcome-model coefficients \\(${NUM}\\)$`), (g, a, p) => `AIPW kræver flere ${g === 'exposed' ? 'eksponerede' : 'ikke-eksponerede'} patienter (${n(a)}) end koefficienter i effektmålsmodellen (${n(p)})`],
  // src/observational/propensity-score.ts, weighted-regression.ts
  [new RegExp(`^${NUM} patients are too few for a propensity model with ${NUM} coefficients$`), (a, p) => `${n(a)} patienter er for få til en model for tilbøjelighedsscoren med ${n(p)} koefficienter`],
  [new RegExp(`^${NUM} patients are too few for an outcome model with ${NUM} coefficients$`), (a, p) => `${n(a)} patienter er for få til en model for effektmålet med ${n(p)} koefficienter`],
  [new RegExp(`^the propensity model is singular: the outcome's baseline value, which "baselineAsConfounder" adds as a confounder, is ${NUM} for every patient analysed — a constant adjusts for nothing; if people without an event were left empty instead of 0, write 0 for them, else set "baselineAsConfounder": false$`), (v) => `modellen for tilbøjelighedsscoren er singulær: effektmålets baselineværdi, som "baselineAsConfounder" tilføjer som forstyrrende faktor, er ${n(v)} for alle analyserede patienter — en konstant justerer ikke for noget; står personer uden hændelse tomme i stedet for 0, så skriv 0 for dem, ellers sæt "baselineAsConfounder": false`],
  [/^the (propensity|outcome) model is singular: a confounder is constant or collinear with others$/, (which) => `${which === 'propensity' ? 'modellen for tilbøjelighedsscoren' : 'modellen for effektmålet'} er singulær: en forstyrrende faktor er konstant eller kollineær med andre`],
  [
    /^the propensity model cannot be fitted: the confounders predict exposure \(almost\) perfectly \(separation\), so some patients have no comparable patient in the other group; remove or coarsen the confounder that separates the groups, or restrict the population$/,
    () => 'modellen for tilbøjelighedsscoren kan ikke estimeres: de forstyrrende faktorer forudsiger eksponeringen (næsten) perfekt (separation), så nogle patienter har ingen sammenlignelig patient i den anden gruppe; fjern den forstyrrende faktor, der adskiller grupperne, eller inddel den grovere, eller afgræns populationen',
  ],
  // src/observational/separating-confounders.ts
  [
    /^the propensity model cannot be fitted: the confounders predict exposure \(almost\) perfectly \(separation\); (?:confounder (".*") separates|confounders (".*") separate) the groups — a column that records the exposure itself \(app minutes, logins\) is no confounder: remove it; otherwise coarsen it, or restrict the population$/,
    (one, several) =>
      `modellen for tilbøjelighedsscoren kan ikke estimeres: de forstyrrende faktorer forudsiger eksponeringen (næsten) perfekt (separation); ${one ? `den forstyrrende faktor ${one}` : `de forstyrrende faktorer ${several}`} adskiller grupperne — en kolonne, der registrerer selve eksponeringen (minutter i appen, logins), er ingen forstyrrende faktor: fjern den; ellers inddel den grovere, eller afgræns populationen`,
  ],
  // src/observational/observational-design.ts
  [
    /^no overlap: confounder "(.*)" has (.*), so those patients have no comparable patient in the other group; merge the level with another, or restrict the population(?:; its (\d+) levels are mostly numbers: if it is a number, declare it "type": "numeric"|; its (\d+) levels are whole numbers spread thinly over their range, as codes are \(a municipality, an education code\): merge them into fewer levels \(municipalities into regions\), not "type": "numeric", which would read the codes as amounts)?$/,
    (c, list, k, codes) =>
      `intet overlap: den forstyrrende faktor "${c}" har ${overlapParts(list)}, så de patienter har ingen sammenlignelig patient i den anden gruppe; slå niveauet sammen med et andet, eller afgræns populationen${k ? `; dens ${n(k)} niveauer er for det meste tal: er den et tal, så angiv "type": "numeric"` : ''}${codes ? `; dens ${n(codes)} niveauer er hele tal spredt tyndt over deres spænd, som koder er (en kommune, en uddannelseskode): slå dem sammen til færre niveauer (kommuner til regioner), ikke "type": "numeric", som ville læse koderne som mængder` : ''}`,
  ],
  // src/analysis/transported-effect.ts
  [/^margin '(.*)': shares are keyed by the cut levels \((.*)\), not (.*)$/, (c, levels, not) => `margenen '${c}': andelene skal angives for skæringsniveauerne (${levels}), ikke ${not}`],
  [/^trial patients with (.*) have no share in the target margins; give every level a share$/, (list) => `forsøgspatienter med ${list.replace(/\((\d+)\)/g, (_, k: string) => `(${n(k)})`)} har ingen andel i målgruppens fordelinger; giv hvert niveau en andel`],
  // src/analysis/inverse-odds-transport.ts (several joined by "; "; "target sample: …" when the model failed)
  [new RegExp(`^the target sample has (.*) = '(.*)' \\(${NUM} rows\\) but no trial patient has it, so the trial cannot be weighted to it$`), (c, l, k) => `stikprøven fra målgruppen har ${c} = '${l}' (${n(k)} rækker), men ingen forsøgspatient har det, så forsøget kan ikke vægtes til den`],
  [
    new RegExp(`^${NUM} trial patients have (.*) = '(.*)', which no target patient has \\(their weight would be 0\\); leave (.*) out of the model or restrict the trial$`),
    (k, c, l, c2) => `${n(k)} forsøgspatienter har ${c} = '${l}', som ingen patient i målgruppen har (deres vægt ville være 0); udelad ${c2} af modellen, eller afgræns forsøget`,
  ],
  // src/stats/raking.ts
  [new RegExp(`^margin '(.*)' has ${NUM} units, expected ${NUM}$`), (c, a, b) => `fordelingen '${c}' har ${n(a)} enheder, forventet ${n(b)}`],
  [/^the target shares of '(.*)' sum to (\S+), not 1$/, (c, s) => `målgruppens andele for '${c}' summerer til ${n(s)}, ikke 1`],
  [
    new RegExp(`^the target population has (.*) = '(.*)' \\(share ${NUM}\\) but no trial patient analysed here has it, so the trial cannot be reweighted to it$`),
    (c, l, s) => `målgruppen har ${c} = '${l}' (andel ${n(s)}), men ingen forsøgspatient, der er analyseret her, har det, så forsøget kan ikke vægtes om til den`,
  ],
  [new RegExp(`^${NUM} trial patients have (.*) = '(.*)', which has no share in the target population$`), (k, c, l) => `${n(k)} forsøgspatienter har ${c} = '${l}', som ikke har nogen andel i målgruppen`],
  [new RegExp(`^raking to the target margins did not converge in ${NUM} sweeps \\(margins (.*) may conflict\\)$`), (k, list) => `omvægtningen til målgruppens fordelinger konvergerede ikke på ${n(k)} gennemløb (fordelingerne ${list} er måske i modstrid)`],
  // src/stats/logistic-regression.ts (the trial-membership model of the inverse-odds weights)
  [
    /^the membership model separates the trial from the target sample \(fitted probabilities of 0 or 1\): some patients have no counterpart in the other group; use fewer or coarser model columns$/,
    () => 'modellen for forsøgsdeltagelse adskiller forsøget fra stikprøven fra målgruppen (estimerede sandsynligheder på 0 eller 1): nogle patienter har ingen modpart i den anden gruppe; brug færre eller grovere modelkolonner',
  ],
  [
    new RegExp(`^the membership model did not converge in ${NUM} iterations \\(the trial and the target sample may be separated by the model columns\\)$`),
    (k) => `modellen for forsøgsdeltagelse konvergerede ikke på ${n(k)} iterationer (forsøget og stikprøven fra målgruppen er måske adskilt af modelkolonnerne)`,
  ],
  // src/analysis/inverse-odds-transport.ts apartColumns: the numeric columns that separate the groups
  [
    new RegExp(`^(target rows outside the trial's range \\(another scale or population\\?\\): )?"([^"]*)" — (all but fewer than |fewer than )?${NUM} of ${NUM}$`),
    (lead, c, few, k, all) => `${lead ? 'rækker fra målgruppen uden for forsøgets område (en anden skala eller population?): ' : ''}"${c}" — ${few === 'fewer than ' ? 'færre end ' : few ? 'alle på nær færre end ' : ''}${n(k)} af ${n(all)}`,
  ],
  // src/stats/raked-ancova.ts
  // src/analysis/inverse-odds-transport.ts: the plan's minimum target sample
  [
    new RegExp(`^too few target patients: ${NUM} with every model value in (.*?)( \\(${NUM} more row\\(s\\) left out for a missing model value\\))?, the plan's minimum is ${NUM} \\("population\\.targetSample\\.minPatients"\\)$`),
    (k, file, more, m, min) => `for få patienter i målgruppen: ${n(k)} med alle modellens værdier i ${file}${more ? ` (${n(m)} række(r) mere udeladt for en manglende værdi i modellen)` : ''}, planens minimum er ${n(min)} ("population.targetSample.minPatients")`,
  ],
  [new RegExp(`^fewer than ${NUM} patients in the (intervention|control) arm \\(found ${NUM}\\)$`), (min, arm, k) => `færre end ${n(min)} patienter i ${ARM[arm] as string} (fandt ${n(k)})`],
  // src/stats/ancova.ts covariateColumns (the weighted ANCOVA's covariates)
  [new RegExp(`^covariate '(.*)' has ${NUM} values but the outcome has ${NUM}$`), (c, a, b) => `kovariaten '${c}' har ${n(a)} værdier, men effektmålet har ${n(b)}`],
  [/^covariate '(.*)' has only one level \('(.*)'\) among the patients analysed; drop it from the model$/, (c, l) => `kovariaten '${c}' har kun ét niveau ('${l}') blandt de analyserede patienter; udelad den af modellen`],
  [new RegExp(`^covariate '(.*)' has value (.*) for patient ${NUM}; pass complete cases only$`), (c, v, i) => `kovariaten '${c}' har værdien ${n(v)} for patient ${n(i)}; brug kun komplette observationer`],
  // src/stats/ols.ts (the design-based weighted regression of the transported effects)
  [/^the model has no columns to estimate$/, () => 'modellen har ingen kolonner at estimere'],
  [new RegExp(`^${NUM} column names were given for ${NUM} columns$`), (a, b) => `der er angivet ${n(a)} kolonnenavne for ${n(b)} kolonner`],
  [new RegExp(`^the outcome has ${NUM} values but the design has ${NUM} rows$`), (a, b) => `effektmålet har ${n(a)} værdier, men designet har ${n(b)} rækker`],
  [/^the design matrix rows differ in length$/, () => 'designmatricens rækker har forskellig længde'],
  [
    new RegExp(`^${NUM} complete observations are too few to estimate ${NUM} coefficients with a residual error \\(need at least ${NUM}\\)$`),
    (a, p, k) => `${n(a)} komplette observationer er for få til at estimere ${n(p)} koefficienter med en residualfejl (kræver mindst ${n(k)})`,
  ],
  [/^the model data contain a value that is not a finite number$/, () => 'modellens data indeholder en værdi, der ikke er et endeligt tal'],
  [/^singular design: column '(.*)' is zero for every patient$/, (c) => `singulært design: kolonnen '${c}' er 0 for alle patienter`],
  [/^singular design: column '(.*)' is collinear with (.*)$/, (c, list) => `singulært design: kolonnen '${c}' er kollineær med ${list}`],
  [/^the outcome has the same value for every patient, so the model has no residual error to estimate$/, () => 'effektmålet har samme værdi for alle patienter, så modellen har ingen residualfejl at estimere'],
  // src/stats/raked-ancova.ts (the transported risk difference)
  [/^(every|no) patient had the event, so the outcome does not vary and no difference between the arms can be estimated$/, (w) => `${w === 'every' ? 'alle patienter havde hændelsen' : 'ingen patienter havde hændelsen'}, så effektmålet varierer ikke, og der kan ikke estimeres en forskel mellem grupperne`],
  [/^the model fits every patient exactly \(residual standard error 0\); check for a covariate that duplicates the outcome$/, () => 'modellen passer præcist på alle patienter (residualstandardfejl 0); se efter en kovariat, der gentager effektmålet'],

  // The trial's effect rows (src/analysis/judged-row.ts keeps the reason as the row's `error`).
  // src/analysis/continuous-effect.ts, analyze-trial.ts, subgroup-effects.ts
  [/^unknown method (.*)$/, (m) => `ukendt metode ${m}`],
  // The count is the plan's follow-up visits after the baseline (analyze-trial.ts).
  // An outcome with its own "timepoints" (docs/plan-trial.md#outcome-timepoints).
  [new RegExp(`^MMRM needs at least ${NUM} follow-up visits; outcome (\\S+) is measured at ${NUM} \\((.*)\\), so this row is skipped$`), (min, o, k, ts) => `MMRM kræver mindst ${n(min)} opfølgningstidspunkter; effektmålet ${o} måles ved ${n(k)} (${ts.split(', ').map(visit).join(', ')}), så denne række udelades`],
  [new RegExp(`^MMRM needs at least ${NUM} follow-up visits; the plan has ${NUM} \\((.*)\\), so this row is skipped$`), (min, k, ts) => `MMRM kræver mindst ${n(min)} opfølgningstidspunkter; planen har ${n(k)} (${ts.split(', ').map(visit).join(', ')}), så denne række udelades`],
  [/^MMRM needs observed scores at 2 follow-up visits or more; only (.*) has any, so this row is skipped$/, (t) => `MMRM kræver observerede scorer ved mindst 2 opfølgningstidspunkter; kun ${visit(t)} har nogen, så denne række udelades`],
  [/^no patient was observed at (.*)$/, (t) => `ingen patient blev observeret ved ${visit(t)}`],
  // src/trial/empty-outcomes.ts: the outcome's key stays as the plan writes it.
  [/^no patient has a value of (\S+) at (.*)$/, (k, t) => `ingen patient har en værdi af ${k} ved ${visit(t)}`],
  [/^no patient in level '(.*)' has the values this analysis needs at (.*)$/, (l, t) => `ingen patient på niveauet '${l}' har de værdier, analysen kræver ved ${visit(t)}`],
  [
    new RegExp(`^level '(.*)' has patients in one arm only \\(intervention ${NUM}, control ${NUM}\\), so no effect can be estimated within it$`),
    (l, a, b) => `niveauet '${l}' har kun patienter i den ene gruppe (interventionsgruppen ${n(a)}, kontrolgruppen ${n(b)}), så der kan ikke estimeres en effekt inden for niveauet`,
  ],
  [
    new RegExp(`^level '(.*)' has too few patients to estimate an effect within it: fewer than ${NUM} in the (intervention|control) arm \\(the subgroup's "minPerArm"\\); it is left out of the test for interaction$`),
    (l, min, arm) => `niveauet '${l}' har for få patienter til at estimere en effekt inden for niveauet: færre end ${n(min)} i ${ARM[arm] as string} (subgruppens "minPerArm"); det er udeladt af interaktionstesten`,
  ],
  // src/analysis/subgroup-effects.ts: the levels held back by the subgroup's "minPerArm" leave fewer than 2 to compare.
  [
    new RegExp(`^fewer than 2 levels have at least ${NUM} patients in each arm; left out: (.*)$`),
    (min, list) => `færre end 2 niveauer har mindst ${n(min)} patienter i hver gruppe; udeladt: ${(list as string).replace(/ and (\d+) more$/, ' og $1 andre')}`,
  ],
  // The tests for interaction of a subgroup (the credibility statement): src/stats/ancova-interaction.ts, nested-f-test.ts, risk-difference-heterogeneity.ts
  [new RegExp(`^the test for interaction needs at least 2 levels with patients \\(found ${NUM}\\)$`), (k) => `interaktionstesten kræver mindst 2 niveauer med patienter (fandt ${n(k)})`],
  [new RegExp(`^the test of equal risk differences needs at least 2 levels with patients \\(found ${NUM}\\)$`), (k) => `testen for ens risikodifferencer kræver mindst 2 niveauer med patienter (fandt ${n(k)})`],
  [
    /^(level|levels) (.*) (?:has|have) patients in one arm only, so the (effect|risk difference) there cannot be compared with the other levels$/,
    (one, list, what) =>
      `${one === 'level' ? 'niveauet' : 'niveauerne'} ${oneArmList(list)} har kun patienter i den ene gruppe, så ${what === 'effect' ? 'effekten' : 'risikodifferencen'} på ${one === 'level' ? 'dette niveau' : 'disse niveauer'} kan ikke sammenlignes med de andre niveauer`,
  ],
  [new RegExp(`^the larger model has ${NUM} coefficients, not more than the smaller one's ${NUM}$`), (a, b) => `den større model har ${n(a)} koefficienter, ikke flere end den mindre models ${n(b)}`],
  // src/analysis/cluster-effects.ts, src/stats/cluster-robust.ts (a cluster-randomised trial)
  [
    /^(.+) is not run in a cluster-randomised trial: it cannot account for the clusters \("clusters" in the plan\), so its interval would be too narrow$/,
    (what) => `${CLUSTER_NOT_RUN[what] ?? what} køres ikke i et klyngerandomiseret forsøg: den kan ikke tage højde for klyngerne ("clusters" i planen), så dens konfidensinterval ville blive for smalt`,
  ],
  [new RegExp(`^fewer than ${NUM} clusters with patients analysed in the (intervention|control) arm \\(found ${NUM}\\): a cluster-randomised comparison needs at least 2 per arm$`), (min, arm, k) => `færre end ${n(min)} klynger med analyserede patienter i ${ARM[arm] as string} (fandt ${n(k)}): en klyngerandomiseret sammenligning kræver mindst 2 i hver gruppe`],
  [
    new RegExp(`^yes in ${NUM} of ${NUM} patients in the intervention arm and ${NUM} of ${NUM} in control, so within each arm every patient answered alike: the risk difference is ${NUM} percentage points, but its cluster-robust interval cannot be estimated$`),
    (ei, ni, ec, nc, pp) =>
      `ja hos ${n(ei)} af ${n(ni)} patienter i interventionsgruppen og ${n(ec)} af ${n(nc)} i kontrolgruppen, så inden for hver gruppe svarede alle patienter ens: risikodifferencen er ${n(pp)} procentpoint, men dens klyngerobuste konfidensinterval kan ikke estimeres`,
  ],
  [new RegExp(`^cluster-robust standard errors need at least 2 clusters; the patients analysed are in ${NUM}$`), (k) => `klyngerobuste standardfejl kræver mindst 2 klynger; de analyserede patienter er i ${n(k)}`],
  [new RegExp(`^${NUM} cluster labels were given for ${NUM} patients$`), (a, b) => `${n(a)} klyngeangivelser for ${n(b)} patienter`],
  [new RegExp(`^fewer than ${NUM} patients with a value in the (intervention|control) arm \\(found ${NUM}\\)$`), (min, arm, k) => `færre end ${n(min)} patienter med en værdi i ${ARM[arm] as string} (fandt ${n(k)})`],
  // src/stats/ancova.ts (the complete-case ANCOVA)
  [
    new RegExp(`^covariate '(.*)' is nested in the arm: each of its ${NUM} levels is in one arm only, so it repeats the arm and the arm effect cannot be estimated; drop it from the covariates \\(if it is the unit randomised, name it in the plan's "clusters"\\)$`),
    (c, k) => `kovariaten '${c}' ligger inden i gruppen: hvert af dens ${n(k)} niveauer findes kun i den ene gruppe, så den gentager gruppen, og effekten kan ikke estimeres; udelad den af kovariaterne (er den enheden, der blev randomiseret, så angiv den i planens "clusters")`,
  ],
  [
    new RegExp(`^outcome, baseline and arm have different lengths \\(${NUM}, ${NUM}, ${NUM}\\); pass complete cases only$`),
    (a, b, c) => `effektmål, baseline og gruppe har forskellig længde (${n(a)}, ${n(b)}, ${n(c)}); brug kun komplette observationer`,
  ],
  [new RegExp(`^arm of patient ${NUM} is (.*); expected 1/true \\(intervention\\) or 0/false \\(control\\)$`), (i, v) => `gruppen for patient ${n(i)} er ${v}; forventet 1/true (intervention) eller 0/false (kontrol)`],
  [new RegExp(`^fewer than ${NUM} patients with baseline and follow-up in the (intervention|control) arm \\(found ${NUM}\\)$`), (min, arm, k) => `færre end ${n(min)} patienter med baseline og opfølgning i ${ARM[arm] as string} (fandt ${n(k)})`],
  [new RegExp(`^(follow-up|baseline) value of patient ${NUM} is (.*); pass complete cases only$`), (w, i, v) => `${w === 'baseline' ? 'baselineværdien' : 'opfølgningsværdien'} for patient ${n(i)} er ${n(v)}; brug kun komplette observationer`],
  [
    /^(?:the baseline score|covariate '(.*)') has the same value \((.*)\) for every patient analysed, so its effect cannot be estimated; drop it from the model$/,
    (c, v) => `${c === '' ? 'baselinescoren' : `kovariaten '${c}'`} har samme værdi (${n(v)}) for alle analyserede patienter, så dens effekt kan ikke estimeres; udelad den af modellen`,
  ],
  // src/stats/arm-size.ts (Welch, pooled t, bootstrap); "fewer than 2 patients in the … arm" is worded above (raked-ancova.ts)
  [/^confidence level must lie strictly between 0 and 1, got (.*)$/, (x) => `konfidensniveauet skal ligge mellem 0 og 1 (begge udelukket), men er ${n(x)}`],
  [/^value (.*) in the (intervention|control) arm is not a finite number$/, (v, arm) => `værdien ${n(v)} i ${ARM[arm] as string} er ikke et endeligt tal`],
  // src/stats/welch-difference.ts, pooled-t-difference.ts, change-difference.ts
  [/^every patient has the same value in both arms, so the difference has no standard error$/, () => 'alle patienter har samme værdi i begge grupper, så forskellen har ingen standardfejl'],
  [
    new RegExp(`^the (intervention|control) arm has ${NUM} baseline values but ${NUM} follow-up values; pass complete pairs only$`),
    (arm, a, b) => `${ARM[arm] as string} har ${n(a)} baselineværdier, men ${n(b)} opfølgningsværdier; brug kun komplette par`,
  ],
  // src/stats/bootstrap.ts, bootstrap-intervals.ts (the bootstrap of a Welch row)
  [/^the number of bootstrap replicates must be a whole number of at least 2, got (.*)$/, (x) => `antallet af bootstrap-replikationer skal være et helt tal på mindst 2, men er ${n(x)}`],
  [/^the bootstrap seed must be a whole number, got (.*)$/, (x) => `startværdien (seed) for bootstrap skal være et helt tal, men er ${n(x)}`],
  [new RegExp(`^only ${NUM} bootstrap replicates gave a finite value; at least 2 are needed for an interval$`), (k) => `kun ${n(k)} bootstrap-replikationer gav en endelig værdi; der kræves mindst 2 til et interval`],
  // src/stats/wilson-interval.ts (behind "… arm: " from proportion-difference.ts, see danishReason)
  [/^the number of patients must be a whole number of at least 1, got (.*)$/, (x) => `antallet af patienter skal være et helt tal på mindst 1, men er ${n(x)}`],
  [
    new RegExp(`^(the number of patients with the event|events) must be a whole number between 0 and ${NUM} \\(the number of patients\\), got (.*)$`),
    (w, k, x) => `${w === 'events' ? 'antallet af hændelser' : 'antallet af patienter med hændelsen'} skal være et helt tal mellem 0 og ${n(k)} (antallet af patienter), men er ${n(x)}`,
  ],
  // src/trial/outcome-wide.ts, src/analysis/missing-data-effects.ts (multiple imputation's auxiliary variables, imputation by arm)
  [/^auxiliary variable '(.*)' has only one level among the patients imputed; drop it from "missing": \{ "auxiliary" \}$/, (c) => `hjælpevariablen '${c}' har kun ét niveau blandt de imputerede patienter; fjern den fra "missing": { "auxiliary" }`],
  [
    new RegExp(`^auxiliary variable '(.*)' has ${NUM} levels; a categorical auxiliary variable may have at most ${NUM} \\(it is imputed by multinomial regression when missing\\)$`),
    (c, k, max) => `hjælpevariablen '${c}' har ${n(k)} niveauer; højst ${n(max)} er tilladt for en kategorisk hjælpevariabel (manglende værdier imputeres ved multinomial regression)`,
  ],
  [
    new RegExp(`^multiple imputation by arm: (auxiliary variable|column|covariate) '(.*)' has ${NUM} observed values? in the (intervention|control) arm; at least 2 are needed$`),
    (what, c, k, arm) => `multipel imputation pr. gruppe: ${MI_COLUMN[what]} '${c}' har ${n(k)} ${k === '1' ? 'observeret værdi' : 'observerede værdier'} i ${ARM[arm] ?? arm}; der kræves mindst 2`,
  ],
  [
    new RegExp(`^multiple imputation by arm: (.*) could not be imputed in the (intervention|control) arm: ${LOGREG_UNFIT}$`),
    (what, arm) => `multipel imputation pr. gruppe: ${miColumn(what)} kunne ikke imputeres i ${ARM[arm] ?? arm}: ${LOGREG_UNFIT_DA}`,
  ],
  [
    new RegExp(`^multiple imputation: (.*) could not be imputed: ${LOGREG_UNFIT}$`),
    (what) => `multipel imputation: ${miColumn(what)} kunne ikke imputeres: ${LOGREG_UNFIT_DA}`,
  ],
  [/^multiple imputation by arm: the (intervention|control) arm has no patients$/, (arm) => `multipel imputation pr. gruppe: ${ARM[arm]!.replace(/^./, (c) => c.toUpperCase())} har ingen patienter`],
  // src/stats/missing/chained-equations.ts, mi-ancova.ts, rubin-rules.ts, tipping-point.ts (multiple imputation)
  [new RegExp(`^Column (.*) has only ${NUM} observed values; at least 2 are needed to impute it\\.$`), (c, k) => `Kolonnen ${c} har kun ${n(k)} observerede værdier; der kræves mindst 2 for at imputere den.`],
  [new RegExp(`^Column (.*) could not be imputed: ${LOGREG_UNFIT}\\.$`), (c) => `Kolonnen ${c} kunne ikke imputeres: ${LOGREG_UNFIT_DA}.`],
  // chained-equations.ts: a column far out of scale (1e+200), which the loader refuses before (trial/model-magnitude.ts).
  [
    /^The imputation model could not be fitted by least squares \(its sums of squares are beyond what a double holds, or it is singular even with a ridge\): column (.*) holds values as large as (\S+), far out of scale with the others — check that column\.$/,
    (c, v) => `Imputationsmodellen kunne ikke estimeres med mindste kvadraters metode (dens kvadratsummer er større, end et kommatal kan rumme, eller den er singulær, også med en ridge): kolonnen ${c} har værdier helt op til ${v}, langt uden for de øvrige kolonners skala — kontrollér den kolonne.`,
  ],
  [new RegExp(`^ANCOVA: ${NUM} rows are too few for ${NUM} coefficients\\.$`), (a, p) => `ANCOVA: ${n(a)} rækker er for få til ${n(p)} koefficienter.`],
  [/^ANCOVA: the design is collinear \(constant covariate or a single arm\?\)\.$/, () => 'ANCOVA: designet er kollineært (en konstant kovariat eller kun én gruppe?).'],
  [new RegExp(`^MI ANCOVA needs at least 2 completed data sets, got ${NUM}\\.$`), (k) => `MI + ANCOVA kræver mindst 2 imputerede datasæt, men fik ${n(k)}.`],
  [/^Rubin's rules: complete-data df must be > 0, got (.*)\.$/, (x) => `Rubins regler: frihedsgraderne for de komplette data skal være > 0, men er ${n(x)}.`],
  [/^confLevel must lie in \(0, 1\), got (.*)\.$/, (x) => `konfidensniveauet skal ligge mellem 0 og 1 (begge udelukket), men er ${n(x)}.`],
  [new RegExp(`^Rubin's rules need at least 2 imputations, got ${NUM}\\.$`), (k) => `Rubins regler kræver mindst 2 imputationer, men fik ${n(k)}.`],
  [new RegExp(`^Rubin's rules: ${NUM} estimates but ${NUM} variances; pass one variance per estimate\\.$`), (a, b) => `Rubins regler: ${n(a)} estimater, men ${n(b)} varianser; angiv én varians pr. estimat.`],
  [/^Rubin's rules: estimates must be finite and variances finite and ≥ 0\.$/, () => 'Rubins regler: estimaterne skal være endelige og varianserne endelige og ≥ 0.'],
  [/^Tipping point needs the completed data sets of a multiple imputation\.$/, () => 'Vippepunktet kræver de imputerede datasæt fra en multipel imputation.'],
  // src/stats/missing/mmrm.ts
  [/^MMRM: the fixed-effects design is rank deficient \(check for constant or collinear covariates\)\.$/, () => 'MMRM: designet for de faste effekter har ikke fuld rang (se efter konstante eller kollineære kovariater).'],
  [/^MMRM: the fixed-effects design is rank deficient\.$/, () => 'MMRM: designet for de faste effekter har ikke fuld rang.'],
  [/^MMRM: could not find positive-definite starting values for Σ\.$/, () => 'MMRM: kunne ikke finde positivt definitte startværdier for Σ.'],
  [
    new RegExp(
      `^MMRM: REML did not converge after ${NUM} iterations: (the iteration limit \\(${NUM}\\) was reached|the average-information matrix became singular|no step increased the REML log-likelihood \\(Σ is probably near singular, on the boundary\\))\\. ` +
        `An unstructured covariance needs ${NUM} parameters; with ${NUM} patients and ${NUM} observations it may not be estimable \\(nlme::gls fails on such data too\\)\\. Fewer visits or more patients are needed\\.$`,
    ),
    (it, reason, limit, k, pts, obs) =>
      `MMRM: REML konvergerede ikke efter ${n(it)} iterationer: ${
        limit !== '' ? `grænsen på ${n(limit)} iterationer blev nået` : reason.startsWith('the average') ? 'average information-matricen blev singulær' : 'intet skridt øgede REML-log-likelihooden (Σ er formentlig næsten singulær, på randen af parameterrummet)'
      }. En ustruktureret kovarians kræver ${n(k)} parametre; med ${n(pts)} patienter og ${n(obs)} observationer kan den måske ikke estimeres (nlme::gls fejler også på sådanne data). Der kræves færre opfølgningstidspunkter eller flere patienter.`,
  ],
  [
    /^MMRM: the REML information matrix is not positive definite at the optimum \(Σ is on the boundary\); Satterthwaite df cannot be computed\.$/,
    () => 'MMRM: REML-informationsmatricen er ikke positivt definit i optimum (Σ ligger på randen af parameterrummet); Satterthwaite-frihedsgraderne kan ikke beregnes.',
  ],
  [/^MMRM: REML score not zero at the reported optimum \(decrement (.*)\)\.$/, (x) => `MMRM: REML-scoren er ikke 0 i det fundne optimum (Newton-decrement ${n(x)}).`],
  [/^MMRM: Satterthwaite df for visit (.*) is not a positive number \((.*)\)\.$/, (v, df) => `MMRM: Satterthwaite-frihedsgraderne ved opfølgningstidspunktet ${v} er ikke et positivt tal (${n(df)}).`],
  [new RegExp(`^MMRM: ${NUM} observations are too few for ${NUM} fixed effects and ${NUM} covariance parameters\\.$`), (a, p, k) => `MMRM: ${n(a)} observationer er for få til ${n(p)} faste effekter og ${n(k)} kovariansparametre.`],
  [/^MMRM: visit (.*) has no observed patients in one of the arms\.$/, (v) => `MMRM: ved opfølgningstidspunktet ${v} er der ingen observerede patienter i en af grupperne.`],
  [/^MMRM: no patient was observed at both (.*) and (.*), so their covariance is not estimable\.$/, (a, b) => `MMRM: ingen patient blev observeret både ved ${a} og ${b}, så deres kovarians kan ikke estimeres.`],
];

function whole(message: string): string | undefined {
  for (const [pattern, danish] of DANISH) {
    const m = pattern.exec(message);
    if (m) return danish(...m.slice(1).map((x) => x ?? ''));
  }
  return undefined;
}

/**
 * The Danish wording of a reason, or undefined when some part of it has none. Inverse-odds
 * problems come joined by "; " (and a single reason may itself hold "; "), so the parts are
 * matched longest first; "target sample: …" prefixes the membership model's reason on each row.
 */
export function danishReason(message: string): string | undefined {
  const prefix = /^target sample: ([\s\S]*)$/.exec(message);
  if (prefix) {
    const inner = danishReason(prefix[1] as string);
    return inner === undefined ? undefined : `stikprøven fra målgruppen: ${inner}`;
  }
  // proportion-difference.ts names the arm in front of the Wilson interval's reason.
  const arm = /^(intervention|control) arm: ([\s\S]*)$/.exec(message);
  if (arm) {
    const inner = danishReason(arm[2] as string);
    return inner === undefined ? undefined : `${ARM[arm[1] as string] as string}: ${inner}`;
  }
  const direct = whole(message);
  if (direct !== undefined) return direct;
  const parts = message.split('; ');
  if (parts.length < 2) return undefined;
  const out: string[] = [];
  for (let i = 0; i < parts.length; ) {
    let j = parts.length;
    let found: string | undefined;
    for (; j > i; j--) if ((found = whole(parts.slice(i, j).join('; '))) !== undefined) break;
    if (found === undefined) return undefined;
    out.push(found);
    i = j;
  }
  return out.join('; ');
}

/**
 * `lead: reason` in the page's language: English as the analysis worded it; Danish reworded, or,
 * for a reason no pattern knows yet, the Danish lead and the English text marked as English.
 */
export function notAnalysedText(message: string, lang: Lang, lead: Record<Lang, string>): string {
  if (lang === 'en') return `${lead.en}: ${message}`;
  const da = danishReason(message);
  return da === undefined ? `${lead.da} (på engelsk: ${message})` : `${lead.da}: ${da}`;
}

/** "not computed: reason" / "ikke beregnet: …": an effect row that could not be computed, in any table. */
export function notComputedText(message: string, lang: Lang): string {
  return notAnalysedText(message, lang, REPORT_TEXT.notComputed);
}

/** The reason alone in the page's language (a Danish lead only when the reason stays English). */
export function failureReasonText(message: string, lang: Lang): string {
  if (lang === 'en') return message;
  return danishReason(message) ?? `ikke analyseret (på engelsk: ${message})`;
}

/** How a Danish page names what a trial warning is about (the trial report passes its own labels). */
export interface WarningLabels {
  outcome: (key: string) => string;
  time: (key: string) => string;
  /** An effect row's method ("ancova", "mi-ancova", …) as the page names it. */
  method: (method: string) => string;
  /** A subgroup's label from its column (the plan's Danish label). */
  subgroup: (column: string) => string;
}

const WEIGHTING: Record<string, string> = { raking: 'omvægtet til målgruppens fordelinger', 'inverse-odds': 'vægtet til stikprøven (inverse odds)' };

/**
 * One line of a trial's `warnings` (src/analysis/analyze-trial.ts words them in English for
 * results.json and the CLI) in the page's language: English as written; Danish with the page's
 * labels for what failed and the reason worded here. A line of a shape or reason not known here
 * keeps its English, marked as English, behind a Danish lead.
 */
export function trialWarningText(warning: string, lang: Lang, labels: WarningLabels): string {
  if (lang === 'en') return englishWarningText(warning, labels);
  const reason = (r: string) => danishReason(r) ?? `ikke analyseret (på engelsk: ${r})`;
  const at = (o: string, t: string) => `${labels.outcome(o)}, ${labels.time(t)}`;
  let m: RegExpExecArray | null;
  if ((m = /^sensitivity analysis of (.+?) at (.+?): (tipping point|[a-z-]+): ([\s\S]*)$/.exec(warning))) {
    const [, o, t, what, r] = m as unknown as string[];
    return `Følsomhedsanalyse af ${at(o!, t!)}, ${what === 'tipping point' ? 'vippepunkt' : labels.method(what!)}: ${reason(r!)}`;
  }
  if ((m = new RegExp(`^multiple imputation of (.+?): ${NUM} (?:patient|patients) left out for a missing categorical covariate of more than ${NUM} levels \\((.+)\\), which is not imputed$`).exec(warning))) {
    const [, o, k, max, covs] = m as unknown as string[];
    return `Multipel imputation af ${labels.outcome(o!)}: ${n(k!)} ${k === '1' ? 'patient' : 'patienter'} udeladt, fordi ${k === '1' ? 'patienten' : 'de'} mangler en værdi af en kategorisk kovariat med mere end ${n(max!)} niveauer (${covs}), som ikke imputeres`;
  }
  // One visit or several (monteCarloWarning: "12m (primary) and 6m", "19% and 12%", "±0.13 and ±0.08").
  const listOf = (item: string) => `(${item}(?:(?:, | and )${item})*)`;
  if ((m = new RegExp(`^multiple imputation of (.+?) at ${listOf('[^,:]+?')}: the pooled estimate's Monte Carlo error is ${listOf('-?\\d+(?:\\.\\d+)?%')} of its SE \\(${listOf('±-?\\d+(?:\\.\\d+)?')} with m = ${NUM} imputations; another seed can move (?:it|each) by about twice that\\); White et al\\. \\(2011\\) advise at most 10%: set "m": ${NUM} or more in the plan's "missing"$`).exec(warning))) {
    const [, o, times, shares, mcses, k, need] = m as unknown as string[];
    const items = (list: string) => list.split(/, | and /);
    const og = (xs: string[]) => (xs.length === 1 ? xs[0]! : `${xs.slice(0, -1).join(', ')} og ${xs[xs.length - 1]!}`);
    const when = og(items(times!).map((t) => (t.endsWith(' (primary)') ? `${labels.time(t.slice(0, -' (primary)'.length))} (primært effektmål)` : labels.time(t))));
    const pct = og(items(shares!).map((x) => `${n(x.slice(0, -1))} %`));
    const pm = og(items(mcses!).map((x) => `±${n(x.slice(1))}`));
    const several = items(times!).length > 1;
    return `Multipel imputation af ${labels.outcome(o!)}, ${when}: Monte Carlo-standardfejlen på det samlede estimat er ${pct} af dets standardfejl (${pm} med m = ${n(k!)} imputationer; en ny imputation med andre tilfældige tal kan flytte ${several ? 'hvert estimat' : 'det'} omtrent det dobbelte); White m.fl. (2011) anbefaler højst 10 %: angiv "m": ${need} eller mere i planens "missing"`;
  }
  // Another seed may flip an MI verdict (missing-data-effects.ts verdictEdgeWarnings; docs/plan-trial.md#verdict-at-its-edge).
  if ((m = new RegExp(`^multiple imputation of (.+?) at ([^:]+): the verdict depends on the imputation: (p|the CI's lower limit|the CI's upper limit|the estimated difference) = ${NUM} ± ${NUM} \\(Monte Carlo error\\); with m = ${NUM} imputations another seed may (?:give p ([<>]) ${NUM}|put it (below|above) ${NUM} \\((the MCID|minus the MCID)\\)); re-run with more imputations \\(set "m": ${NUM} or more in the plan's "missing"\\)$`).exec(warning))) {
    const [, o, t, what, v, mc, k, sign, alpha, side, cut, mcid, need] = m as unknown as string[];
    const name = { p: 'p', "the CI's lower limit": 'konfidensintervallets nedre grænse', "the CI's upper limit": 'konfidensintervallets øvre grænse', 'the estimated difference': 'den estimerede forskel' }[what!]!;
    const other = sign ? `give p ${sign} ${n(alpha!)}` : `lægge den ${side === 'below' ? 'under' : 'over'} ${n(cut!)} (${mcid === 'the MCID' ? 'MKRF' : 'minus MKRF'})`;
    return `Multipel imputation af ${at(o!, t!)}: vurderingen afhænger af imputationen: ${name} = ${n(v!)} ± ${n(mc!)} (Monte Carlo-standardfejl); med m = ${n(k!)} imputationer kan en ny multipel imputation med andre tilfældige tal ${other}; kør igen med flere imputationer (angiv "m": ${need} eller mere i planen)`;
  }
  // An outcome of scores Excel's "Scientific" format rounded (trial/scientific-cells.ts).
  if ((m = new RegExp(`^(.+?): every value of outcome "(.+?)" \\((column|columns) (".+?"), (\\d+) scores\\) is in Excel's "Scientific" format \\(e\\.g\\. "(.+?)", line (\\d+)\\): the analysis uses these rounded values, which hold only the digits Excel displayed — ${SCIENTIFIC_FIX_PATTERN} \\(docs\\/input-trial-export\\.md#scientific-notation\\)$`).exec(warning))) {
    const [, file, o, one, columns, k, example, line] = m as unknown as string[];
    return `${file}: alle værdier af ${labels.outcome(o!)} (${one === 'column' ? 'kolonne' : 'kolonnerne'} ${columns}, ${n(k!)} scorer) er i Excels talformat "Videnskabelig" (fx "${example}", linje ${line}): analysen bruger disse afrundede værdier, der kun har de cifre, Excel viste — ${SCIENTIFIC_FIX.da}`;
  }
  if ((m = new RegExp(`^subgroup (.+?): the column holds numbers with ${NUM} different values and the plan gives no "cuts" or "levels", so every value is a level of its own; did you mean "cuts" \\(e\\.g\\. "cuts": \\[40, 60\\] gives the levels <40, 40–<60 and ≥60\\)\\?$`).exec(warning))) {
    const [, c, k] = m as unknown as string[];
    return `Subgruppeanalyse efter ${labels.subgroup(c!)}: kolonnen indeholder tal med ${n(k!)} forskellige værdier, og planen angiver hverken "cuts" eller "levels", så hver værdi er sit eget niveau; var det meningen at angive "cuts" (fx giver "cuts": [40, 60] niveauerne <40, 40–<60 og ≥60)?`;
  }
  // The per-subgroup summaries (src/analysis/subgroup-warnings.ts).
  if ((m = new RegExp(`^subgroup (.+?): ${NUM} of ${NUM} levels had fewer than ${NUM} patients in an arm in at least one of its ${NUM} analyses \\(outcome × time\\)(?:, ${NUM} of them with patients in one arm only)?: no estimate for them there, and left out of the tests for interaction(?:; ${NUM} of the ${NUM} tests not run, fewer than 2 levels being left)? \\(each level and its counts in the subgroup tables; (docs/subgroups\\.md#too-few-patients-in-a-level)\\)$`).exec(warning))) {
    const [, c, k, total, min, analyses, oneArm, untested, tests, doc] = m as unknown as (string | undefined)[];
    const one = oneArm === undefined ? '' : `, heraf ${n(oneArm)} med patienter i kun én gruppe`;
    const notRun = untested === undefined ? '' : `; ${n(untested)} af de ${n(tests!)} test ikke udført, da færre end 2 niveauer var tilbage`;
    return `Subgruppeanalyse efter ${labels.subgroup(c!)}: ${n(k!)} af ${n(total!)} niveauer havde færre end ${n(min!)} patienter i en gruppe i mindst én af dens ${n(analyses!)} analyser (udfald × tidspunkt)${one}: intet estimat for dem dér, og udeladt af interaktionstestene${notRun} (hvert niveau og dets antal i subgruppetabellerne; ${doc})`;
  }
  if ((m = new RegExp(`^subgroup (.+?): ${NUM} of ${NUM} levels have fewer than ${NUM} patients in an arm in at least one analysis; their counts are printed beside the level's name, not suppressed \\((docs/subgroups\\.md#small-counts)\\)$`).exec(warning))) {
    const [, c, k, total, small, doc] = m as unknown as string[];
    return `Subgruppeanalyse efter ${labels.subgroup(c!)}: ${n(k!)} af ${n(total!)} niveauer har færre end ${n(small!)} patienter i en gruppe i mindst én analyse; antallene vises ved niveauets navn, ikke diskretioneret (${doc})`;
  }
  if ((m = /^subgroup (.+?), (.+?) at (.+?), (?:level (.*?)|interaction): ([\s\S]*)$/.exec(warning))) {
    const [, c, o, t, level, r] = m as unknown as (string | undefined)[];
    return `Subgruppeanalyse efter ${labels.subgroup(c!)}, ${at(o!, t!)}, ${level === undefined ? 'interaktionstest' : `niveauet ${level}`}: ${reason(r!)}`;
  }
  if ((m = new RegExp(`^target population: too small to analyse: (.*) \\(the plan's minimum is ${NUM} per arm\\)$`).exec(warning))) {
    const [, list, min] = m as unknown as string[];
    const arms = [...list!.matchAll(new RegExp(`${NUM} (intervention|control) patients`, 'g'))].map((a, i) => `${n(a[1]!)}${i === 0 ? ' patienter' : ''} i ${ARM[a[2]!]!}`);
    if (arms.length) return `Målgruppen: for lille til at blive analyseret: ${arms.join(' og ')} (planens minimum er ${n(min!)} pr. gruppe)`;
  }
  if ((m = /^target population, (.+?) at (.+?) \(([a-z-]+)\): ([\s\S]*)$/.exec(warning))) {
    const [, o, t, method, r] = m as unknown as string[];
    return `Målgruppen, ${at(o!, t!)} (${labels.method(method!)}): ${reason(r!)}`;
  }
  if ((m = new RegExp(`^transported effect \\((raking|inverse-odds)\\): extreme weights in (every row|${NUM} of ${NUM} rows) \\(effective sample size ([\\d.–]+) of ([\\d–]+) patients analysed, largest weight ([\\d.–]+) times the mean; the limits are half the patients and ${NUM} times the mean\\): the estimate rests on a few patients and its confidence interval is too narrow, so it is not a finding$`).exec(warning))) {
    const [, w, which, k, all, ess, pts, max, lim] = m as unknown as string[];
    const range = (x: string) => x.split('–').map(n).join('–');
    return `Effekten i målgruppen, ${WEIGHTING[w!]!}: ekstreme vægte i ${which === 'every row' ? 'alle rækker' : `${n(k!)} af ${n(all!)} rækker`} (effektiv stikprøvestørrelse ${range(ess!)} af ${range(pts!)} analyserede patienter, største vægt ${range(max!)} gange gennemsnittet; grænserne er halvdelen af patienterne og ${n(lim!)} gange gennemsnittet): estimatet hviler på få patienter, og konfidensintervallet er for smalt, så det er ikke et fund`;
  }
  if ((m = /^transported effect \((raking|inverse-odds)\), every outcome and time: ([\s\S]*)$/.exec(warning))) {
    const [, w, r] = m as unknown as string[];
    return `Effekten i målgruppen, ${WEIGHTING[w!]!}, alle effektmål og tidspunkter: ${reason(r!)}`;
  }
  if ((m = /^transported effect \((raking|inverse-odds)\), (.+?) at (.+?): ([\s\S]*)$/.exec(warning))) {
    const [, w, o, t, r] = m as unknown as string[];
    return `Effekten i målgruppen, ${WEIGHTING[w!]!}, ${at(o!, t!)}: ${reason(r!)}`;
  }
  // A yes/no outcome with one answer throughout (analysis/single-answer-warnings.ts).
  if ((m = new RegExp(`^(.+?) at (.+?): every patient analysed answered (yes|no), in both arms \\(intervention ${NUM} of ${NUM} randomised, control ${NUM} of ${NUM}\\)`).exec(warning))) {
    const [, o, t, answer, nI, rI, nC, rC] = m as unknown as string[];
    const counts = `interventionsgruppen ${n(nI!)} af ${n(rI!)} randomiserede, kontrolgruppen ${n(nC!)} af ${n(rC!)}`;
    return answer === 'yes'
      ? `${at(o!, t!)}: alle analyserede patienter svarede ja, i begge grupper (${counts}), så forskellen på 0 siger intet — en eksport af brugerne alene (et medicinmodul i patientjournalen viser patienterne med en ordination og skriver aldrig "nej") giver dette; eksportér hver randomiseret patients svar, også "nej"`
      : `${at(o!, t!)}: alle analyserede patienter svarede nej, i begge grupper (${counts}), så forskellen på 0 siger intet om interventionen — kontrollér, at eksporten har hver randomiseret patients svar, også "ja"`;
  }
  // A wide sum-of-items outcome that stays low (trial/narrow-scales.ts) and one of two values (trial/two-value-scales.ts).
  if ((m = new RegExp(`^(.+?): outcome "(.+?)" \\((?:column (".+?")|columns (\\S+…\\S+)), read as (.+?), (-?[\\d.]+)–(-?[\\d.]+)\\) never goes above ${NUM} in its ${NUM} values \\(${NUM}–${NUM}\\): it looks like one item of the questionnaire, not the score — if the export has one column per item, list them all in the outcome's "items" \\(in item order\\) and hta sums them; if it is a yes/no answer, make it "instrument": "binary" \\((docs/plan-trial\\.md#one-item-read-as-the-score)\\)$`).exec(warning))) {
    const [, file, o, column, columns, name, lo, hi, max, count, min, max2, doc] = m as unknown as (string | undefined)[];
    return `${file}: effektmålet ${labels.outcome(o!)} (${column ? `kolonne ${column}` : `kolonnerne ${columns}`}, læst som ${instrumentDa(name!)}, ${n(lo!)}–${n(hi!)}) kommer aldrig over ${n(max!)} i sine ${n(count!)} værdier (${n(min!)}–${n(max2!)}): det ligner ét spørgsmål i spørgeskemaet, ikke scoren — har eksporten en kolonne pr. spørgsmål, så angiv dem alle i effektmålets "items" (i spørgsmålenes rækkefølge), og hta lægger dem sammen; er det et ja/nej-svar, så gør det til "instrument": "binary" (${doc})`;
  }
  if ((m = new RegExp(`^(.+?): outcome "(.+?)" \\((?:column (".+?")|columns (\\S+…\\S+)), read as (.+?), (-?[\\d.]+)–(-?[\\d.]+)\\) holds only the values (-?[\\d.]+) and (-?[\\d.]+) in its ${NUM} values: (a yes/no answer \\(1 = yes, 0 = no: medication use, say\\)|only the scale's two ends, as a yes/no answer would be coded), not a score on the \\S+ scale\\? If it is yes/no, make it "instrument": "binary" with its "direction" \\(and "answers" if it is not coded 1/0\\) — analysed as a \\S+ scale, its difference in points is judged against the scale's MCID \\((docs/plan-trial\\.md#yesno-outcomes)\\)$`).exec(warning))) {
    const [, file, o, column, columns, name, lo, hi, a, b, count, what, doc] = m as unknown as (string | undefined)[];
    const scale = `${n(lo!)}–${n(hi!)}`;
    const kind = what!.startsWith('a yes/no') ? 'et ja/nej-svar (1 = ja, 0 = nej: fx brug af medicin)' : 'kun skalaens to yderpunkter, som et ja/nej-svar ville være kodet';
    return `${file}: effektmålet ${labels.outcome(o!)} (${column ? `kolonne ${column}` : `kolonnerne ${columns}`}, læst som ${instrumentDa(name!)}, ${scale}) har kun værdierne ${n(a!)} og ${n(b!)} i sine ${n(count!)} værdier: ${kind}, ikke en score på skalaen ${scale}? Er det ja/nej, så gør det til "instrument": "binary" med dets "direction" (og "answers", hvis det ikke er kodet 1/0) — analyseret som en skala fra ${scale} vurderes forskellen i point mod skalaens MKRF (${doc})`;
  }
  // A χ² p-value on expected counts below 5 (analysis/small-expected-counts.ts).
  if ((m = new RegExp(`^(.+?) at (.+?): the χ² p-value rests on expected counts below ${NUM} \\(the smallest is ${NUM}; ${NUM} of ${NUM} against ${NUM} of ${NUM} with the event\\), where the chi-squared approximation may be incorrect, as R's prop\\.test warns — the row's verdict reads the Newcombe interval of the risk difference, not the p-value: read the interval, and check the p-value with an exact test \\(Fisher's, which hta does not compute\\)$`).exec(warning))) {
    const [, o, t, min, least, a, n1, c, n2] = m as unknown as string[];
    return `${at(o!, t!)}: χ²-testets p-værdi hviler på forventede antal under ${n(min!)} (det mindste er ${n(least!)}; ${n(a!)} af ${n(n1!)} mod ${n(c!)} af ${n(n2!)} med hændelsen), hvor chi²-tilnærmelsen kan være forkert, som prop.test i R advarer om — rækkens vurdering bygger på Newcombe-intervallet for risikodifferencen, ikke på p-værdien: læs intervallet, og kontrollér p-værdien med en eksakt test (Fishers, som hta ikke beregner)`;
  }
  if ((m = /^(.+?) at (.+?) \(([a-z-]+)\): ([\s\S]*)$/.exec(warning))) {
    const [, o, t, method, r] = m as unknown as string[];
    return `${at(o!, t!)} (${labels.method(method!)}): ${reason(r!)}`;
  }
  return `Advarsel (på engelsk: ${warning})`;
}

/**
 * An English warning as the page shows it: results.json and stderr keep the analysis's words with
 * the plan's keys ("pain at 6m"); a page names the outcome and visit by their labels, as its
 * tables do (a committee reads "Pain (NRS 0–10), 6 months", never a visit code). Only warnings
 * that reach the bundled pages are reworded; the rest are shown as the analysis wrote them.
 */
function englishWarningText(warning: string, labels: WarningLabels): string {
  const m = /^multiple imputation of (.+?) at ([^:]+): (the verdict depends on the imputation: [\s\S]*)$/.exec(warning);
  if (m) return `Multiple imputation of ${labels.outcome(m[1]!)}, ${labels.time(m[2]!)}: ${m[3]!}`;
  return warning;
}
