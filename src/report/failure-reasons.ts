/**
 * Why an analysis row could not be done, in the page's language. The analyses word the reason in
 * English where they fail (src/observational/, src/analysis/, src/stats/) and results.json keeps
 * that English (the JSON contract); a Danish page rewords it here, pattern by pattern, with the
 * numbers in it in Danish format. Names quoted from the plan or export stay as they are.
 *
 * A reason no pattern knows is never dropped and never crashes a page: the Danish page shows a
 * Danish lead and the English text marked as English (`notAnalysedText`). The test
 * test/report/failure-reasons.test.ts lists every `analysis.failed` message of the observational
 * analyses and the transported effects from their sources and fails when one has no pattern here.
 */
import type { Lang } from './i18n.js';

/** A plain number as written in an English message ("0.05", "1586", "-2") in Danish format. */
export function danishNumber(s: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return s;
  const int = (m[2] as string).length > 3 ? (m[2] as string).replace(/\B(?=(\d{3})+(?!\d))/g, '.') : (m[2] as string);
  return (m[1] ? '−' : '') + int + (m[3] !== undefined ? `,${m[3]}` : '');
}

const n = danishNumber;
const ARM: Record<string, string> = { intervention: 'interventionsgruppen', control: 'kontrolgruppen' };
const METHOD: Record<string, string> = { crude: 'det ujusterede estimat', 'weighted-regression': 'den vægtede regression', aipw: 'AIPW-estimatet' };
const NUM = '(-?\\d+(?:\\.\\d+)?)';

/** `"level" only among the exposed, and "other" only among the unexposed` (observational-design.ts). */
const oneSided = (list: string) => list.replace(/ only among the (exposed|unexposed)(?=, and |$)/g, (_, g: string) => (g === 'exposed' ? ' kun blandt de eksponerede' : ' kun blandt de ikke-eksponerede')).replace(/, and /g, ', og ');

/** Each known reason: the whole English message, and its Danish wording built from the captures. */
const DANISH: readonly [RegExp, (...m: string[]) => string][] = [
  // src/observational/analyze-observational.ts
  [/^the (crude|weighted-regression|aipw) estimate has no standard error \(the outcome does not vary enough\)$/, (m) => `${METHOD[m] as string} har ingen standardfejl (effektmålet varierer for lidt)`],
  [new RegExp(`^too few patients: fewer than ${NUM} exposed or unexposed with complete data \\(the publication threshold\\)$`), (t) => `for få patienter: færre end ${n(t)} eksponerede eller ikke-eksponerede med komplette data (grænsen for offentliggørelse)`],
  [new RegExp(`^too few patients left after trimming at ${NUM}: fewer than ${NUM} exposed or unexposed \\(the publication threshold\\)$`), (trim, t) => `for få patienter tilbage efter trimning ved ${n(trim)}: færre end ${n(t)} eksponerede eller ikke-eksponerede (grænsen for offentliggørelse)`],
  // src/observational/aipw.ts
  [new RegExp(`^AIPW needs more (exposed|unexposed) patients \\(${NUM}\\) than outcome-model coefficients \\(${NUM}\\)$`), (g, a, p) => `AIPW kræver flere ${g === 'exposed' ? 'eksponerede' : 'ikke-eksponerede'} patienter (${n(a)}) end koefficienter i effektmålsmodellen (${n(p)})`],
  // src/observational/propensity-score.ts, weighted-regression.ts
  [new RegExp(`^${NUM} patients are too few for a propensity model with ${NUM} coefficients$`), (a, p) => `${n(a)} patienter er for få til en propensity score-model med ${n(p)} koefficienter`],
  [new RegExp(`^${NUM} patients are too few for an outcome model with ${NUM} coefficients$`), (a, p) => `${n(a)} patienter er for få til en model for effektmålet med ${n(p)} koefficienter`],
  [/^the (propensity|outcome) model is singular: a confounder is constant or collinear with others$/, (which) => `${which === 'propensity' ? 'propensity score-modellen' : 'modellen for effektmålet'} er singulær: en confounder er konstant eller kollineær med andre`],
  [
    /^the propensity model cannot be fitted: the confounders predict exposure \(almost\) perfectly \(separation\), so some patients have no comparable patient in the other group; remove or coarsen the confounder that separates the groups, or restrict the population$/,
    () => 'propensity score-modellen kan ikke estimeres: confounderne forudsiger eksponeringen (næsten) perfekt (separation), så nogle patienter har ingen sammenlignelig patient i den anden gruppe; fjern confounderen, der adskiller grupperne, eller inddel den grovere, eller afgræns populationen',
  ],
  // src/observational/observational-design.ts
  [
    /^no overlap: confounder "(.*)" has level (.*), so those patients have no comparable patient in the other group; merge the level with another, or restrict the population$/,
    (c, list) => `intet overlap: confounderen "${c}" har niveauet ${oneSided(list)}, så de patienter har ingen sammenlignelig patient i den anden gruppe; slå niveauet sammen med et andet, eller afgræns populationen`,
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
  [new RegExp(`^raking to the target margins did not converge in ${NUM} sweeps \\(margins (.*) may conflict\\)$`), (k, list) => `raking til målgruppens fordelinger konvergerede ikke på ${n(k)} gennemløb (fordelingerne ${list} er måske i modstrid)`],
  // src/stats/logistic-regression.ts (the trial-membership model of the inverse-odds weights)
  [
    /^the membership model separates the trial from the target sample \(fitted probabilities of 0 or 1\): some patients have no counterpart in the other group; use fewer or coarser model columns$/,
    () => 'modellen for forsøgsdeltagelse adskiller forsøget fra stikprøven fra målgruppen (estimerede sandsynligheder på 0 eller 1): nogle patienter har ingen modpart i den anden gruppe; brug færre eller grovere modelkolonner',
  ],
  [
    new RegExp(`^the membership model did not converge in ${NUM} iterations \\(the trial and the target sample may be separated by the model columns\\)$`),
    (k) => `modellen for forsøgsdeltagelse konvergerede ikke på ${n(k)} iterationer (forsøget og stikprøven fra målgruppen er måske adskilt af modelkolonnerne)`,
  ],
  // src/stats/raked-ancova.ts
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
  [/^the model fits every patient exactly \(residual standard error 0\); check for a covariate that duplicates the outcome$/, () => 'modellen passer præcist på alle patienter (residualstandardfejl 0); se efter en kovariat, der gentager effektmålet'],
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

/** The reason alone in the page's language (a Danish lead only when the reason stays English). */
export function failureReasonText(message: string, lang: Lang): string {
  if (lang === 'en') return message;
  return danishReason(message) ?? `ikke analyseret (på engelsk: ${message})`;
}
