/** The plain-text summary `hta cea` prints without --json (the numbers are in the JSON). */
import { discountSentence } from './discount-text.js';
import { exceedsShare, shareOfSe, sharePercent } from './monte-carlo-error.js';
import { currencyName } from '../report/currency-name.js';
import { formatThousands, type Lang, timeLabel } from '../report/i18n.js';
import type { CeaResult } from './cea-results-schema.js';
import { icerText, money, moneyLimit, pctText, quadrantPercents, perResponderText, responderLabelRest, qalyLimit, qalyText, regressorsText, signedMoney } from './cea-phrases.js';

/**
 * Danish names of the sensitivity scenarios (the English ones are the results' `changed`):
 * "intervention", as the English, never "appen" for a trial of something else. {size} is the
 * change as the English `changed` states it ("−50%" → "−50 %"): a Danish reader is told by how much.
 */
const SCENARIO_DA: Record<string, string> = {
  'price-low': 'interventionens pris {size}', 'price-high': 'interventionens pris {size}', 'unit-costs-low': 'enhedsomkostninger {size}', 'unit-costs-high': 'enhedsomkostninger {size}',
  societal: 'med produktivitetsomkostninger', healthcare: 'uden produktivitetsomkostninger', 'complete-cases': 'patienter med komplette data (uden imputation)',
};

/** A scenario's name in Danish, with the size of its change read from the English `changed` ("intervention price −50%"). */
export function scenarioDa(s: { key: string; changed: string }): string {
  const words = SCENARIO_DA[s.key];
  if (words === undefined) return s.changed;
  const size = /([−+-][\d.]+)%/.exec(s.changed)?.[1];
  return size === undefined ? words.replace(' {size}', '') : words.replace('{size}', `${size.replace('.', ',')} %`);
}

/** The method in Danish (results.json and the English summary keep analyze-cea.ts's English `regressionText`/`missingText`). */
function regressionDa(r: CeaResult): string {
  const on = regressorsText(r.method.covariates, 'da');
  return r.method.regression === 'sur'
    ? `Simultan regression (SUR) af omkostninger og QALY på ${on} (= R systemfit; med de samme forklarende variable i begge ligninger er estimaterne de samme som ved mindste kvadraters metode, OLS, for hver ligning)`
    : `Mindste kvadraters metode (OLS) for hver ligning: omkostninger og QALY hver for sig på ${on} (= R lm)`;
}

function missingDa(r: CeaResult): string {
  return r.method.missing === 'mi'
    ? `Multipel imputation ved kædede ligninger pr. gruppe (PMM, m = ${r.method.imputations}) samlet med Rubins regler for estimaterne; bootstrap og derefter ét imputeret datasæt i hver replikation (Brand m.fl. 2019) for intervaller, omkostningseffektivitetsplan og acceptabilitetskurve`
    : `Ingen manglende omkostninger, QALY eller kovariater${imputedIn(r).length ? ` i basisanalysen (${r.perspective === 'healthcare' ? 'sundhedssektorperspektiv' : 'begrænset samfundsperspektiv'})` : ''}: ingen imputation${imputedIn(r).map((s) => `; følsomhedsscenariet "${scenarioDa(s)}" imputerer ${s.imputedCosts} ${s.imputedCosts === 1 ? 'manglende samlet omkostning' : 'manglende samlede omkostninger'} (multipel imputation ved kædede ligninger pr. gruppe, PMM, m = ${r.method.imputations})`).join('')}`;
}

/** Which of the base case's Monte Carlo errors pass 10% of their SEs, with the share of each that does ("the QALYs': 10.6% of the SE"). */
function mcExceeds(r: CeaResult, lang: Lang): string {
  const mc = r.monteCarloError!;
  const parts = [
    { share: shareOfSe(mc.incrementalCost.mcse, r.incrementalCost.se), en: "the cost's", da: 'meromkostningens' },
    { share: shareOfSe(mc.incrementalQaly.mcse, r.incrementalQaly.se), en: "the QALYs'", da: 'QALY-forskellens' },
  ].filter((p) => exceedsShare(p.share));
  const list = parts.map((p) => `${p[lang]} ${sharePercent(p.share, lang)}`).join(lang === 'en' ? ' and ' : ' og ');
  return lang === 'en' ? `more than 10% of the SE (${list})` : `mere end 10 % af standardfejlen (${list})`;
}

/** The sensitivity scenarios that impute missing costs though the base case has none missing (analyze-cea.ts). */
function imputedIn(r: CeaResult): CeaResult['sensitivity'] {
  return r.sensitivity.filter((s) => s.imputedCosts);
}

/**
 * Each arm's missing total costs and QALYs, said before the estimates they were imputed into
 * (results.json's `patients.missingCost` and `missingQaly`); nothing when none is missing (any
 * missing value is imputed, analyze-cea.ts).
 */
function missingLine(r: CeaResult, lang: Lang): string[] {
  const { intervention: ni, control: nc, missingCost: c, missingQaly: q } = r.patients;
  if (c.intervention + c.control + q.intervention + q.control === 0) return [];
  const f = (x: number) => formatThousands(x, 0, lang);
  return [lang === 'en'
    ? `Missing (imputed): total costs of ${f(c.intervention)} of ${f(ni)} intervention and ${f(c.control)} of ${f(nc)} control patients; QALYs of ${f(q.intervention)} and ${f(q.control)}.`
    : `Manglende data (imputeret): samlede omkostninger for ${f(c.intervention)} af ${f(ni)} patienter i interventionsgruppen og ${f(c.control)} af ${f(nc)} i kontrolgruppen; QALY for ${f(q.intervention)} og ${f(q.control)}.`];
}

/**
 * `subject`: the intervention as the page names it (src/report/arm-names.ts), so a dominance reads
 * "interventionen sparer penge" for neutral arms, as on the page; without it, "appen"/"the app".
 */
export function ceaSummaryText(r: CeaResult, lang: Lang, subject?: string): string {
  const cur = r.currency;
  const en = lang === 'en';
  const ci = (lo: number, hi: number, f: (x: number, limit: true) => string) => `(${en ? '95% CI' : '95 %-KI'} ${f(lo, true)} ${en ? 'to' : 'til'} ${f(hi, true)})`;
  // A confidence limit is never rounded onto 0 (src/report/interval-bound.ts).
  const m = (x: number, limit = false) => (limit ? moneyLimit(x, cur, lang) : money(x, cur, lang));
  const q = (x: number, limit = false) => (limit ? qalyLimit(x, lang) : qalyText(x, lang));
  // Whole percents that add up to 100 (largest remainder, cea-phrases.ts).
  const quad = quadrantPercents(r.quadrants, lang);
  const lines = [
    en
      ? `Cost-effectiveness, ${r.perspective} perspective, ${cur} ${r.priceYear} prices: ${formatThousands(r.patients.intervention, 0, lang)} intervention and ${formatThousands(r.patients.control, 0, lang)} control patients.`
      : `Omkostningseffektivitet, ${r.perspective === 'healthcare' ? 'sundhedssektorperspektiv' : 'begrænset samfundsperspektiv'}, ${currencyName(cur, lang)} i ${r.priceYear}-priser: ${formatThousands(r.patients.intervention, 0, lang)} patienter i interventionsgruppen og ${formatThousands(r.patients.control, 0, lang)} i kontrolgruppen.`,
    ...missingLine(r, lang),
    `${en ? 'Incremental cost' : 'Meromkostning'}: ${signedMoney(r.incrementalCost.estimate, cur, lang)} ${ci(r.incrementalCost.ciLower, r.incrementalCost.ciUpper, m)}`,
    `${en ? 'Incremental QALYs' : 'Forskel i QALY'}: ${q(r.incrementalQaly.estimate)} ${ci(r.incrementalQaly.ciLower, r.incrementalQaly.ciUpper, q)}`,
    ...(r.monteCarloError
      ? [en
          ? `Monte Carlo error (m = ${r.monteCarloError.imputations} imputations): incremental cost ±${m(r.monteCarloError.incrementalCost.mcse)}, incremental QALYs ±${q(r.monteCarloError.incrementalQaly.mcse)}${r.monteCarloError.large ? ` — ${mcExceeds(r, 'en')}; use at least m = ${r.monteCarloError.suggestedImputations}` : ''}`
          : `Monte Carlo-standardfejl (m = ${r.monteCarloError.imputations} imputationer): meromkostning ±${m(r.monteCarloError.incrementalCost.mcse)}, forskel i QALY ±${q(r.monteCarloError.incrementalQaly.mcse)}${r.monteCarloError.large ? ` — ${mcExceeds(r, 'da')}; brug mindst m = ${r.monteCarloError.suggestedImputations}` : ''}`]
      : []),
    `ICER: ${icerText(r.icer, cur, lang, undefined, { cost: r.incrementalCost.estimate, effect: r.incrementalQaly.estimate }, 'health', subject)}`,
    en
      ? `CE plane: NE ${quad.NE}, NW ${quad.NW}, SE ${quad.SE}, SW ${quad.SW}`
      : `Omkostningseffektivitetsplan: NØ ${quad.NE}, NV ${quad.NW}, SØ ${quad.SE}, SV ${quad.SW}`,
  ];
  for (const t of r.thresholds) {
    lines.push(
      en
        ? `At ${m(t.threshold)} per QALY: NMB ${m(t.nmb.estimate)} ${ci(t.nmb.ciLower, t.nmb.ciUpper, m)}, probability cost-effective ${pctText(t.probabilityCostEffective, lang)}`
        : `Ved ${m(t.threshold)} pr. QALY: nettogevinst ${m(t.nmb.estimate)} ${ci(t.nmb.ciLower, t.nmb.ciUpper, m)}, sandsynlighed for omkostningseffektivitet ${pctText(t.probabilityCostEffective, lang)}`,
    );
  }
  for (const rs of r.responders) {
    const rest = en ? undefined : responderLabelRest(rs.label[lang]);
    lines.push(`${en ? 'Cost per extra responder' : 'Omkostning pr. ekstra patient med klinisk relevant forbedring'} (${rest ?? rs.label[lang]}, ${timeLabel(rs.time, lang)}): ${perResponderText(rs, r.incrementalCost.estimate, cur, lang, subject)}`);
  }
  lines.push('', en ? 'One-way sensitivity' : 'Envejsfølsomhedsanalyse');
  for (const s of r.sensitivity) lines.push(`  ${en ? s.changed : scenarioDa(s)}: ${signedMoney(s.incrementalCost, cur, lang)}, ${q(s.incrementalQaly)} QALY, ${icerText(s.icer, cur, lang, undefined, { cost: s.incrementalCost, effect: s.incrementalQaly }, 'health', subject)}; ${en ? 'P(CE)' : 'P(omkostningseffektiv)'} ${s.thresholds.map((t) => pctText(t.probabilityCostEffective, lang)).join(', ')}`);
  // With nothing missing no complete-case scenario is run (analyze-cea.ts): said, not silently absent.
  if (r.method.missing === 'none') lines.push(en ? '  complete cases: no data are missing in the base case, so the same as the base case' : '  patienter med komplette data: der mangler ingen data i basisanalysen, så det er basisanalysen');
  // With a price of 0 no price scenario is run (analyze-cea.ts): said, not silently absent.
  if (r.interventionPrice.price === 0) lines.push(en ? '  intervention price ±: the price is 0, so changing it by a share changes nothing' : '  interventionens pris ±: prisen er 0, så en procentvis ændring af den ændrer intet');
  // Scenarios recomputed on fewer replicates than the base case: their P(CE) is less precise.
  const fewer = r.sensitivity.filter((s) => s.replicates < r.method.bootstrapReplicates);
  if (fewer.length) {
    const f = (n: number) => formatThousands(n, 0, lang);
    const names = fewer.map((s) => (en ? s.changed : scenarioDa(s))).join(en ? ' and ' : ' og ');
    lines.push(en
      ? `  fewer replicates: ${names} ran ${f(fewer[0]!.replicates)} bootstrap replicates against the base case's ${f(r.method.bootstrapReplicates)}, so ${fewer.length > 1 ? 'their' : 'its'} P(CE) is less precise`
      : `  færre replikationer: ${names} har ${f(fewer[0]!.replicates)} bootstrap-replikationer mod basisanalysens ${f(r.method.bootstrapReplicates)}, så P(omkostningseffektiv) er mindre præcis`);
  }
  lines.push('', (en ? r.method.regressionText : regressionDa(r)) + '.', (en ? r.method.missingText : missingDa(r)) + '.');
  // Said only when follow-up passes a year: within one, nothing is discounted, as is usual.
  if (r.method.discounting?.beyondFirstYear) lines.push(discountSentence(r.method.discounting, lang) + '.');
  return lines.join('\n') + '\n';
}
