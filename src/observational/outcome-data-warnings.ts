/**
 * Warnings about an outcome's values in the export, not about the analysis: what a register
 * outcome derived by a left join that leaves a person without an event empty, instead of 0,
 * looks like (docs/observational.md, "The export"). Two signs, each said on stderr, in
 * results.json's warnings and on the page:
 *  - a yes/no outcome that is "yes" (or "no") for every patient with a value, in both groups:
 *    there is no difference to estimate, and the analysis is refused (no standard error), which
 *    alone does not say why — the trial side's warning (src/analysis/single-answer-warnings.ts);
 *  - an outcome missing for most patients in the export: analysed on 232 of 1,913 with no word
 *    of the 88% left out, a DDD outcome changed its verdict.
 * The counts are the published ones (flow and input, small counts already hidden): a share is
 * given only from counts that are printed anyway, so it derives nothing new.
 */
import { formatFixed, formatThousands, type Lang } from '../report/i18n.js';
import type { ObservationalAnalysis, ObservationalResult } from './observational-results-schema.js';

export type OutcomeDataFinding =
  | { kind: 'single-answer'; answer: 'yes' | 'no' }
  /** `without`: patients of the export with no value (at baseline, with the baseline a confounder, or at the time); `of`: the export's patients. */
  | { kind: 'outcome-missing'; without: number; of: number; withBaseline: boolean };

/** More than this share of the export without a value of an outcome is warned of. */
export const MOSTLY_MISSING = 0.5;

/**
 * The findings of one published analysis; `input`: the export's patients per group as published.
 * `baselineAsConfounder`: the plan's; with it (and for a responder always) a patient needs a
 * baseline value too (analyze-observational.ts observationalTargets).
 */
export function outcomeDataFindings(a: Pick<ObservationalAnalysis, 'singleAnswer' | 'flow' | 'kind'>, input: ObservationalResult['input']['patients'], baselineAsConfounder: boolean): OutcomeDataFinding[] {
  const withBaseline = baselineAsConfounder || a.kind === 'responder';
  const out: OutcomeDataFinding[] = [];
  if (a.singleAnswer) out.push({ kind: 'single-answer', answer: a.singleAnswer });
  const e = a.flow?.exposed.withoutOutcome;
  const u = a.flow?.unexposed.withoutOutcome;
  if (typeof e === 'number' && typeof u === 'number' && typeof input.exposed === 'number' && typeof input.unexposed === 'number') {
    const of = input.exposed + input.unexposed;
    if (of > 0 && (e + u) / of > MOSTLY_MISSING) out.push({ kind: 'outcome-missing', without: e + u, of, withBaseline });
  }
  return out;
}

/** A finding in words, without the outcome and visit (the caller puts them ahead). */
export function outcomeDataText(f: OutcomeDataFinding, lang: Lang): string {
  if (f.kind === 'single-answer') {
    if (f.answer === 'yes') {
      return lang === 'da'
        ? 'alle patienter med en værdi står som "ja" (har hændelsen), i begge grupper, så der er ingen forskel at estimere — et registereffektmål dannet ved en sammenkobling, der lader en person uden hændelse (uden indløsning, uden kontakt) stå tom i stedet for 0, giver dette: skriv 0 for alle uden hændelsen'
        : 'every patient with a value is "yes" (has the event), in both groups, so there is no difference to estimate — a register outcome derived by a join that leaves a person without an event (no redemption, no contact) empty instead of 0 gives this: write 0 for everyone without the event';
    }
    return lang === 'da'
      ? 'alle patienter med en værdi står som "nej", i begge grupper, så der er ingen forskel at estimere — kontrollér, at eksporten også rummer patienterne med hændelsen'
      : 'every patient with a value is "no", in both groups, so there is no difference to estimate — check that the export holds the patients with the event too';
  }
  const share = formatFixed((100 * f.without) / f.of, 0, lang);
  const counts = `${formatThousands(f.without, 0, lang)} ${lang === 'da' ? 'af' : 'of'} ${formatThousands(f.of, 0, lang)}`;
  const when = f.withBaseline ? (lang === 'da' ? 'ved baseline eller på tidspunktet' : 'at baseline or at the time') : lang === 'da' ? 'på tidspunktet' : 'at the time';
  return lang === 'da'
    ? `${share} % af patienterne i eksporten (${counts}) har ingen værdi af effektmålet ${when} og analyseres ikke — i registerdata skal en person uden hændelse have 0, ikke en tom celle; mangler værdierne virkelig (død, udvandring), gælder resultatet kun de øvrige`
    : `${share}% of the patients in the export (${counts}) have no value of this outcome ${when} and are not analysed — in register data a person without an event must be 0, not empty; if the values are really missing (death, emigration), the result is about the others only`;
}
