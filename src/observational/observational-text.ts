/**
 * The text `hta analyze` prints for an observational plan (en/da; Danish terms from
 * docs/glossary-da.md): one table of crude and adjusted effects with the MCID verdict and the
 * E-value, then per analysis the balance, overlap and exclusions in one line each.
 */
import { NO_E_VALUE_CELL } from './e-value.js';
import { notAnalysedText } from '../report/failure-reasons.js';
import { formatFixed, formatThousands, type Lang, NO_MCID_VERDICT_TEXT, SHORT_RELEVANCE_TEXT, timeLabel } from '../report/i18n.js';
import { renderTextTable } from '../report/text-table.js';
import { registryRelativeTable } from '../report/sof-registry-rows.js';
import { withConfidenceLevels } from '../report/confidence-label.js';
import type { ObservationalAnalysis, ObservationalEffect, ObservationalResult } from './observational-results-schema.js';
import { SUPPRESSED, type Masked } from '../suppressed-marker.js';

export const OBSERVATIONAL_TEXT = {
  header: {
    en: ['Outcome', 'Follow-up', 'Method', 'n exposed', 'n unexposed', 'Difference (95% CI)', 'Verdict', 'Certainty', 'E-value (CI)'],
    da: ['Effektmål', 'Opfølgning', 'Metode', 'n {exposed}', 'n {unexposed}', 'Forskel (95 %-KI)', 'Vurdering', 'Evidensens kvalitet', 'E-værdi (KI)'],
  },
  method: {
    crude: { en: 'crude', da: 'ujusteret' },
    'weighted-regression': { en: 'weighted regression (DR)', da: 'vægtet regression (DR)' },
    aipw: { en: 'AIPW (DR)', da: 'AIPW (DR)' },
  },
  certainty: { high: { en: 'high', da: 'høj' }, moderate: { en: 'moderate', da: 'moderat' }, low: { en: 'low', da: 'lav' }, 'very-low': { en: 'very low', da: 'meget lav' } },
  footnote: {
    en: 'Exposed − unexposed, adjusted by propensity-score weighting ({estimand}); DR = doubly robust; normal 95% CIs with HC0 sandwich SEs. Non-randomised evidence starts at low certainty (GRADE). The E-value is the risk ratio an unmeasured confounder would need with both the exposure and the outcome to explain the estimate (CI limit) away.',
    da: '{Exposed} − {unexposed}, justeret med vægtning med tilbøjelighedsscore ({estimand}); DR = dobbelt robust; normale 95 %-KI med HC0-sandwich-SE. Ikke-randomiseret evidens starter ved lav kvalitet (GRADE). E-værdien er den relative risiko, en umålt forstyrrende faktor skulle have med både eksponeringen og effektmålet for at forklare estimatet (KI-grænsen) væk.',
  },
  notAnalysed: { en: 'not analysed', da: 'ikke analyseret' },
  smallCounts: {
    en: 'Counts of 1 to {below} patients, and what they could be derived from, read "suppressed" ({n} counts here{withheld}).',
    da: 'Antal på 1 til {below} patienter, og det de kan udledes af, står som "diskretioneret" ({n} antal her{withheld}).',
  },
  // Withheld estimates are no counts: said beside the tally, so "0 counts here" does not stand alone beside rows reading "suppressed".
  withheldTally: { en: '; {w} estimates of the table', da: '; {w} estimater i tabellen' },
  suppressed: { en: 'suppressed', da: 'diskretioneret' },
  // With --exclude-invalid: the patients an analysis lost to a row left out (flow.excludedRow, rule 13).
  lostToExclusion: { en: '; {n} without a value: the row left out as invalid', da: '; {n} uden værdi: rækken udeladt som ugyldig' },
  ofShownTerms: { en: '(of the terms shown)', da: '(af de viste led)' },
  balance: {
    en: '{where}: balance max |SMD| {before} before, {after} after weighting; effective sample {essE} exposed, {essU} unexposed; {missing} left out for missing confounders, {trimmed} trimmed{lost}',
    da: '{where}: balance maks. |SMD| {before} før, {after} efter vægtning; effektiv stikprøve {essE} {exposed}, {essU} {unexposed}; {missing} udeladt for manglende forstyrrende faktorer, {trimmed} trimmet{lost}',
  },
} as const;

/** "; 7 without a value: the row left out as invalid" — both groups' flow.excludedRow together (the flow is shown whole or hidden whole); "" without --exclude-invalid. */
function lostText(a: ObservationalAnalysis, lang: Lang): string {
  const e = a.flow?.exposed.excludedRow;
  const u = a.flow?.unexposed.excludedRow;
  if (e === undefined || u === undefined) return '';
  return fill(OBSERVATIONAL_TEXT.lostToExclusion[lang], { n: countText(e === SUPPRESSED || u === SUPPRESSED ? SUPPRESSED : e + u, lang) });
}

/** A published count: the number, thousands grouped in the page's language ("1,200", "1.200"), or the one marker. */
export function countText(v: Masked, lang: Lang): string {
  return v === SUPPRESSED ? OBSERVATIONAL_TEXT.suppressed[lang] : formatThousands(v, 0, lang);
}

/** A published diagnostic (not a count) to `d` decimals, or the one marker. */
export function maskedFixed(v: Masked, d: number, lang: Lang): string {
  return v === SUPPRESSED ? OBSERVATIONAL_TEXT.suppressed[lang] : formatFixed(v, d, lang);
}

function fill(t: string, values: Record<string, string | number>): string {
  return t.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

/** The rows an analysis would have had (AIPW is not computed for ATO), for a withheld outcome. */
export function withheldMethods(estimand: 'ATE' | 'ATT' | 'ATO'): ObservationalEffect['method'][] {
  return estimand === 'ATO' ? ['crude', 'weighted-regression'] : ['crude', 'weighted-regression', 'aipw'];
}

/** Three decimals for risks and for scales whose MCID is below 1 (the EQ-5D index), else two. */
export function decimalsOf(e: Pick<ObservationalEffect, 'kind' | 'mcid'>): number {
  return e.kind === 'risk-difference' || (e.mcid !== null && e.mcid < 1) ? 3 : 2;
}

function verdict(e: ObservationalEffect, lang: Lang): string {
  if (e.relevance) return SHORT_RELEVANCE_TEXT[e.relevance][lang];
  if (e.significant === null) return '';
  return NO_MCID_VERDICT_TEXT[e.significant ? 'significant' : 'notSignificant'][lang];
}

/**
 * How `hta analyze` names and prints what the report page shows (src/cli/analyze-observational.ts
 * passes the page's own): the plan's label in the text's language, and a difference with its
 * interval (a proportion's in percentage points). Without them: the result's label, the raw difference.
 */
export interface ObservationalTextOptions {
  labelOf?: (outcome: string) => string;
  intervalOf?: (e: ObservationalEffect) => string;
  /**
   * The groups by the plan's `armLabels` in the text's language, as the page names them
   * (arm-names.ts: `Exposed` capitalised for a header or a sentence start, `exposed` as written mid-sentence).
   * The Danish text had called them "brugere" / "ikke-brugere" whatever the plan said: people
   * offered an app are no users of it. English keeps "exposed" / "unexposed", which claim nothing.
   */
  groups?: { Exposed: string; exposed: string; unexposed: string };
}

/** The Danish words for the groups without `groups`: the bundled registry's users and non-users. */
const DANISH_GROUPS = { Exposed: 'Brugere', exposed: 'brugere', unexposed: 'ikke-brugere' };

export function observationalText(result: ObservationalResult, lang: Lang, options: ObservationalTextOptions = {}): string {
  const rows: string[][] = [];
  const lines: string[] = [];
  const groups = lang === 'da' ? (options.groups ?? DANISH_GROUPS) : {};
  for (const raw of result.analyses) {
    // "3 months" as the page's tables ("3m" reads as metres).
    const a = { ...raw, label: options.labelOf?.(raw.outcome) ?? raw.label, time: timeLabel(raw.time, lang) };
    // A withheld outcome keeps its rows, each reading "suppressed"; the warning says why.
    if (a.effectsSuppressed && a.patients) {
      const marker = OBSERVATIONAL_TEXT.suppressed[lang];
      for (const m of withheldMethods(result.plan.estimand)) rows.push([a.label, a.time, OBSERVATIONAL_TEXT.method[m][lang], countText(a.patients.exposed, lang), countText(a.patients.unexposed, lang), marker, '', '', '']);
    }
    for (const e of a.effects) {
      const d = decimalsOf(e);
      const f = (v: number | null) => (v === null ? '' : formatFixed(v, d, lang));
      const ci = lang === 'da' ? `${f(e.ciLower)} til ${f(e.ciUpper)}` : `${f(e.ciLower)} to ${f(e.ciUpper)}`;
      rows.push([
        a.label,
        a.time,
        OBSERVATIONAL_TEXT.method[e.method][lang],
        countText(e.n.intervention, lang),
        countText(e.n.control, lang),
        options.intervalOf?.(e) ?? `${f(e.difference)} (${ci})`,
        verdict(e, lang),
        OBSERVATIONAL_TEXT.certainty[e.certainty.level][lang],
        e.eValue ? `${formatFixed(e.eValue.estimate, 2, lang)} (${formatFixed(e.eValue.ciLimit, 2, lang)})` : e.eValueMissing ? NO_E_VALUE_CELL[e.eValueMissing.reason][lang] : '',
      ]);
    }
    if (a.error || !a.excluded) {
      // The reason in the summary's language (the English the analysis wrote stays in --json).
      lines.push(`${a.label}, ${a.time}: ${notAnalysedText(a.error ?? '', lang, OBSERVATIONAL_TEXT.notAnalysed)}`);
      continue;
    }
    // Suppressed rows are left out of the maximum (docs/observational.md, "Small counts").
    // With every term hidden there is no maximum to give: "suppressed", never a 0.000 that reads
    // as perfect balance; with some hidden, the maximum says it is of the terms shown.
    const maxAbs = (k: 'smdBefore' | 'smdAfter') => {
      const shown = a.balance.map((b) => b[k]).filter((v): v is number => typeof v === 'number');
      if (shown.length === 0) return OBSERVATIONAL_TEXT.suppressed[lang];
      const max = formatFixed(Math.max(...shown.map(Math.abs)), 3, lang);
      return shown.length < a.balance.length ? `${max} ${OBSERVATIONAL_TEXT.ofShownTerms[lang]}` : max;
    };
    lines.push(
      fill(OBSERVATIONAL_TEXT.balance[lang], {
        where: `${a.label}, ${a.time}`,
        before: maxAbs('smdBefore'),
        after: maxAbs('smdAfter'),
        essE: maskedFixed(a.weights?.effectiveSampleSize.exposed ?? 0, 1, lang),
        essU: maskedFixed(a.weights?.effectiveSampleSize.unexposed ?? 0, 1, lang),
        missing: countText(a.excluded.missingConfounders, lang),
        trimmed: countText(a.excluded.trimmed, lang),
        lost: lostText(a, lang),
        ...groups,
      }),
    );
  }
  // At the plan's level before the layout, so a "99.9% CI" header stays over its column.
  const header = withConfidenceLevels(OBSERVATIONAL_TEXT.header[lang].map((h) => fill(h, groups)), 1 - result.plan.alpha);
  const table = renderTextTable({ header, rows, align: header.map((_, i) => (i === 3 || i === 4 ? 'right' : 'left')) });
  const withheld = result.analyses.filter((a) => a.effectsSuppressed && a.patients).length * withheldMethods(result.plan.estimand).length;
  const rule = fill(OBSERVATIONAL_TEXT.smallCounts[lang], {
    below: formatThousands(result.plan.suppression.threshold - 1, 0, lang),
    n: formatThousands(result.plan.suppression.suppressedCounts, 0, lang),
    withheld: withheld > 0 ? fill(OBSERVATIONAL_TEXT.withheldTally[lang], { w: formatThousands(withheld, 0, lang) }) : '',
  });
  // A yes/no outcome's adjusted rows as the page's table under the effects table gives them: the
  // RR, the adjusted risk without the exposure and the absolute effect per 1,000, in the page's
  // words, digits and "Not estimable" (sof-registry-rows.ts); a withheld outcome has no row there either.
  const named = result.analyses.map((a) => ({ ...a, label: options.labelOf?.(a.outcome) ?? a.label }));
  // The groups as the footnote above names them ("Exposed − unexposed"; the plan's labels in Danish).
  const g = lang === 'da' ? (options.groups ?? DANISH_GROUPS) : { Exposed: 'Exposed', exposed: 'exposed', unexposed: 'unexposed' };
  const relative = registryRelativeTable(named, (m) => OBSERVATIONAL_TEXT.method[m][lang], { exposed: g.Exposed, unexposed: g.unexposed }, { exposed: lang === 'da' ? g.exposed : 'the exposed' }, result.plan.estimand, lang);
  const relativeText = relative
    ? `\n${relative.caption}\n${renderTextTable(withConfidenceLevels({ header: relative.table.header, rows: relative.table.rows, align: relative.table.align }, 1 - result.plan.alpha))}${relative.note}\n`
    : '';
  return `${table}\n${fill(OBSERVATIONAL_TEXT.footnote[lang], { estimand: result.plan.estimand, ...groups })}\n${rule}\n${relativeText}\n${lines.join('\n')}\n`;
}
