/**
 * A 0–n scale exported as its options' numbers counted from 1 (SurveyXact's and SPSS's code
 * exports: PSEQ 1 … 7, 8 after it), as `hta validate` and `analyze` meet it
 * (plan/one-based-codes.ts; docs/plan-trial.md#one-based-codes):
 * - the refusal of the cells above the top says so, with the answer codes to write: "expected
 *   an answer from 0 to 6" alone led users to list 7 and 8 as missing-value codes;
 * - a missing-value code one or two above the top of an outcome no cell of which holds 0 is
 *   noted: listed so (7 and 8), the export was valid, baseline PSEQ read 39.3 for a true 29.3 and
 *   every `Helt sikker` was dropped.
 */
import type { Problem } from '../errors.js';
import { canBeOneBased, oneBasedAnswersText, oneBasedScale } from '../plan/one-based-codes.js';
import { codeNumber } from '../plan/scale-missing-codes.js';
import { sourceColumnsText } from './source-columns-text.js';
import type { OutcomeSource, TrialData } from './trial-data.js';

/** The ends of a cell of the outcome (its items', or the score's), when the scale may be counted from 1 and no answer codes read it. */
function plainScale(src: OutcomeSource): { lo: number; hi: number } | undefined {
  if (src.coders?.some((c) => c?.closed)) return undefined;
  const items = src.from === 'items' ? src.instrument.items : undefined;
  const [lo, hi] = items ? [items.min, items.max] : src.instrument.range;
  if (!items && !src.instrument.integer) return undefined;
  return canBeOneBased(lo, hi) && hi <= 30 ? { lo, hi } : undefined;
}

/** How many cells held each whole answer in range (answerBits: at least one), beside `more`. */
function answerCounts(src: OutcomeSource, more: ReadonlyMap<number, number> = new Map()): Map<number, number> {
  const counts = new Map(more);
  for (let n = 0; n <= 30; n++) if (((src.answerBits ?? 0) >>> n) & 1) counts.set(n, (counts.get(n) ?? 0) + 1);
  return counts;
}

const and = (xs: readonly number[]): string => xs.join(' and ');

/**
 * Adds the hint to the problems refusing a whole number above the top of such a scale, in a group
 * of their own (`…:one-based`), so that a refusal of another value keeps its own words.
 */
export function oneBasedHints(sources: readonly OutcomeSource[], problems: Problem[]): void {
  for (const src of sources) {
    const scale = plainScale(src);
    if (!scale) continue;
    const kinds = new Set([`item.range:${src.key}`, `score.range:${src.key}`]);
    const above = problems.filter((p) => p.kind !== undefined && kinds.has(p.kind) && /^\s*\d+\s*$/.test(p.value ?? '') && Number(p.value) > scale.hi);
    if (!above.length) continue;
    const refused = new Map<number, number>();
    for (const p of above) refused.set(Number(p.value), (refused.get(Number(p.value)) ?? 0) + 1);
    const one = oneBasedScale(answerCounts(src, refused), scale.lo, scale.hi);
    if (!one) continue;
    const { hi } = scale;
    const where = sourceColumnsText(src);
    const hint = one.kind === 'shifted'
      ? `no cell of ${where} holds 0, the bottom of the 0–${hi} scale, and ${refused.get(hi + 1)} hold ${hi + 1}, one above its top: the answers look numbered from 1 (SurveyXact's and SPSS's option numbers) — if 1 is the scale's 0, write ${oneBasedAnswersText(hi)} in outcome "${src.key}"${one.after.length ? ` and ${and(one.after)}, the option${one.after.length > 1 ? 's' : ''} after the scale ("don't know" or refused), in its "missingCodes"` : ''}; listed as a missing-value code, ${hi + 1} would leave every answer a point too high and drop every top answer (docs/plan-trial.md#one-based-codes)`
      : `no cell of ${where} holds 0, the bottom of the 0–${hi} scale: if the answers are option numbers counted from 1 (SurveyXact's and SPSS's), ${and(one.after)} ${one.after.length > 1 ? 'are the options' : 'is the option'} after the scale ("don't know" or refused) and every answer reads a point too high — check the questionnaire's codebook: if 1 is the scale's 0, write ${oneBasedAnswersText(hi)} and "missingCodes": [${one.after.join(', ')}] in outcome "${src.key}"; if the scale runs 0–${hi} as written, add ${and(one.after)} to its "missingCodes" alone (docs/plan-trial.md#one-based-codes)`;
    for (const p of above) {
      p.kind = `${p.kind}:one-based`;
      p.hint = hint;
    }
  }
}

/**
 * The notes: an outcome whose cells never hold 0 (and fill the inside of its 0–n scale) while a
 * missing-value code one or two above its top made cells missing — the option numbers counted
 * from 1, read a point too high (docs/plan-trial.md#one-based-codes).
 */
export function oneBasedCodeNotes(trial: Pick<TrialData, 'file' | 'sources' | 'recoded' | 'decimalComma'>, lang: 'en' | 'da' = 'en'): string[] {
  const notes: string[] = [];
  for (const src of trial.sources) {
    const scale = plainScale(src);
    if (!scale) continue;
    const { hi } = scale;
    const columns = new Set(src.columns);
    const byCode = new Map<number, number>();
    for (const r of trial.recoded) {
      if (r.to !== null || r.notApplicable || !columns.has(r.column)) continue;
      const v = codeNumber(r.code, trial.decimalComma);
      if (v === hi + 1 || v === hi + 2) byCode.set(v, (byCode.get(v) ?? 0) + r.count);
    }
    if (!byCode.size) continue;
    // The codes' cells counted as cells the scale holds: the question is whether the answers start at 1.
    const one = oneBasedScale(answerCounts(src, new Map([...byCode].map(([v, n]) => [v, n]))), scale.lo, hi);
    if (!one) continue;
    const codes = [...byCode.keys()].sort((a, b) => a - b);
    const cells = [...byCode.values()].reduce((a, b) => a + b, 0);
    const where = sourceColumnsText(src);
    const after = codes.filter((c) => c > hi + 1);
    if (lang === 'da') {
      // docs/glossary-da.md: "effektmål", "kode for manglende værdi"; the plan's keys stay as written.
      const whereDa = where.replace(/^column /, 'kolonnen ').replace(/^columns /, 'kolonnerne ');
      notes.push(`${trial.file}: ingen celle i effektmål "${src.key}" (${whereDa}) har 0, bunden af skalaen 0–${hi}, mens ${codes.length > 1 ? 'koderne' : 'koden'} for manglende værdi ${codes.join(' og ')} lige over toppen gjorde ${cells} ${cells === 1 ? 'celle' : 'celler'} til manglende: svarene ligner svarmulighedernes numre talt fra 1 (SurveyXacts og SPSS' koder), og så læses hvert svar et point for højt${codes.includes(hi + 1) ? `, og hvert svar i toppen (${hi + 1}) udelades` : ''} — tjek spørgeskemaets kodebog: er 1 skalaens 0, så skriv ${oneBasedAnswersText(hi)} i effektmål "${src.key}"${after.length ? ` og behold kun ${after.join(' og ')}, svarmuligheden efter skalaen, som kode for manglende værdi` : `, og fjern ${codes.join(' og ')} fra koderne for manglende værdi`} (docs/plan-trial.md#one-based-codes)`);
      continue;
    }
    notes.push(`${trial.file}: no cell of outcome "${src.key}" (${where}) holds 0, the bottom of its 0–${hi} scale, while the missing-value code${codes.length > 1 ? 's' : ''} ${codes.join(' and ')} just above its top made ${cells} cell${cells === 1 ? '' : 's'} missing: the answers look like option numbers counted from 1 (SurveyXact's and SPSS's codes), so every answer is read a point too high${codes.includes(hi + 1) ? ` and every top answer (${hi + 1}) dropped` : ''} — check the questionnaire's codebook: if 1 is the scale's 0, write ${oneBasedAnswersText(hi)} in outcome "${src.key}"${after.length ? ` and keep only ${and(after)}, the option after the scale, as a missing-value code` : ` and take ${and(codes)} out of the missing-value codes`} (docs/plan-trial.md#one-based-codes)`);
  }
  return notes;
}
