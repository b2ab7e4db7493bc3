/**
 * The conclusion a committee reads first (docs/report-trial.md#conclusion): one short paragraph of
 * 60–90 words, generated from the summary-of-findings rows, so it never says more than the table
 * below it — which holds the details:
 *
 *   1. the primary outcome at its follow-up (called primary only when the plan names it; else
 *      the first critical outcome, said so): the difference with its 95% CI, the MCID it is judged
 *      against, the verdict in the council's phrase and the certainty of evidence;
 *   2. how many of the other critical results (outcome × follow-up) share that verdict, naming
 *      them, and every one that differs named with its verdict, harms first (one other result in
 *      the singular);
 *   3. the population caveat: the primary result in the plan's target population, when it has one.
 */
import type { AnalysisResult, EffectRow, TargetPopulation } from '../analysis/results-schema.js';
import { CERTAINTY_LEVELS, type CertaintyLevel } from '../judge/grade-certainty.js';
import type { TrialChartContext } from './charts/trial-chart-context.js';
import { countWord } from './count-words.js';
import { essText } from './ess-text.js';
import { fillPhrase, formatFixed, formatRowMcid, formatThousands, type Lang, lowerFirst, REPORT_TEXT } from './i18n.js';
import { joinNames } from './conclusion-others.js';
import { sofEffectText, type SofRow } from './summary-of-findings.js';
import { verdictPhrase, withBracket } from './verdict-notes.js';
import { transportsWholeTrial } from '../analysis/whole-trial-transport.js';

type Ctx = TrialChartContext;

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * An outcome named in running text: its label without the closing brackets that name the
 * instrument ("Disability (RMDQ 0–24)" → "disability"), and a qualifier after a comma put in
 * brackets ("Smerteintensitet, gennemsnitlig" → "smerteintensitet (gennemsnitlig)"), so a list of
 * outcomes has no commas but its own. Two outcomes that would read alike keep their labels.
 */
function outcomeNames(keys: readonly string[], ctx: Ctx): Map<string, string> {
  const shorten = (label: string) => {
    const base = /^(.*?)\s*\([^()]+\)\s*$/.exec(label)?.[1]?.trim() || label;
    const parts = base.split(', ');
    return lowerFirst(parts.length === 2 ? `${parts[0]} (${parts[1]})` : base);
  };
  const short = keys.map((k) => shorten(ctx.outcomeLabel(k)));
  return new Map(keys.map((k, i) => [k, short.filter((s) => s === short[i]).length === 1 ? short[i]! : lowerFirst(ctx.outcomeLabel(k))]));
}

function certaintyPhrase(r: SofRow, lang: Lang): string {
  const level = r.certainty.level;
  return level ? fillPhrase(REPORT_TEXT.conclusionCertainty[lang], { level: REPORT_TEXT[level][lang].toLowerCase() }) : lowerFirst(REPORT_TEXT.notAssessed[lang]);
}

/**
 * The row the conclusion opens with, and how it is labelled: the plan's primary outcome and
 * follow-up ("primary"); without one the first critical row ("first-critical": the conclusion
 * says the plan names no primary, never calls it primary), else the first row, unlabelled.
 */
function primaryRow(rows: readonly SofRow[], ctx: Ctx): { row: SofRow; label: 'primary' | 'first-critical' | 'none' } {
  const p = ctx.primary;
  const planned = p ? (rows.find((r) => r.outcome === p.outcome && r.time === p.time) ?? rows.find((r) => r.outcome === p.outcome)) : undefined;
  if (planned) return { row: planned, label: 'primary' };
  const critical = rows.find((r) => r.importance === 'critical');
  return critical ? { row: critical, label: 'first-critical' } : { row: rows[0]!, label: 'none' };
}

const HEAD_KEY = { primary: 'conclusionPrimary', 'first-critical': 'conclusionFirstCritical', none: 'conclusionUnlabelled' } as const;

/** "MD 0.81 points lower (95% CI 1.47 lower to 0.15 lower) against an MCID of 5 points: significant, but not clinically relevant (moderate certainty)". */
function primarySentence(s: SofRow, label: keyof typeof HEAD_KEY, name: string, ctx: Ctx): string {
  const lang = ctx.lang;
  const r = s.row;
  const head = fillPhrase(REPORT_TEXT[HEAD_KEY[label]][lang], { outcome: upperFirst(name), time: ctx.timeLabel(s.time), intervention: ctx.arms.intervention, control: ctx.arms.control });
  const verdict = withBracket(verdictPhrase(r, lang), certaintyPhrase(s, lang));
  if (r.error || r.difference === null) return `${head} – ${verdict}.`;
  const effect = sofEffectText(r, ctx).replace(' (', ` (${REPORT_TEXT.conclusionCi[lang]} `);
  const mcid = r.mcid !== null ? ` ${fillPhrase(REPORT_TEXT.conclusionAgainstMcid[lang], { mcid: formatRowMcid({ method: r.method, mcid: r.mcid }, lang, ctx.unitOf(r.outcome)) })}` : '';
  return `${head}: ${effect}${mcid} – ${verdict}.`;
}

/**
 * The other results' certainty, when not all of them have the primary's: one level, or the range
 * ("moderate to low certainty of evidence"); "" when they all have the primary's. Said in brackets
 * after the sentence's own (withBracket).
 */
function othersCertainty(primary: SofRow, others: readonly SofRow[], lang: Lang): string {
  if (others.every((r) => r.certainty.level === primary.certainty.level)) return '';
  const rated = CERTAINTY_LEVELS.filter((l) => others.some((r) => r.certainty.level === l));
  const unrated = others.some((r) => !r.certainty.level) ? [lowerFirst(REPORT_TEXT.notAssessed[lang])] : [];
  const word = (l: CertaintyLevel) => REPORT_TEXT[l][lang].toLowerCase();
  const range = rated.length ? [fillPhrase(REPORT_TEXT.conclusionCertainty[lang], { level: rated.length === 1 ? word(rated[0]!) : `${word(rated[0]!)} ${REPORT_TEXT.conclusionTo[lang]} ${word(rated[rated.length - 1]!)}` })] : [];
  return [...range, ...unrated].join('; ');
}

/** "3 and 9 months" for "3 months", "9 months" (a shared last word said once); else "6 weeks and 1 year". */
function timeList(labels: readonly string[], lang: Lang): string {
  const last = (l: string) => /\s(\S+)$/.exec(l)?.[1];
  const unit = last(labels[0] ?? '');
  if (labels.length > 1 && unit && labels.every((l) => last(l) === unit)) return `${joinNames(labels.map((l) => l.slice(0, -unit.length - 1)), lang)} ${unit}`;
  return joinNames(labels, lang);
}

/** Verdicts of harm: named first among the results that differ, so a harm is never last in line. */
const isHarm = (r: EffectRow) => !r.error && (r.relevance ? /harm/.test(r.relevance) : false);

/**
 * How many of the other critical results share the primary's verdict, naming them, and every
 * result that differs named under its verdict, harms first (docs/report-trial.md#conclusion).
 */
function agreementSentence(primary: SofRow, rows: readonly SofRow[], names: Map<string, string>, ctx: Ctx): string {
  const lang = ctx.lang;
  const others = rows.filter((r) => r.importance === 'critical' && r !== primary);
  if (!others.length) return '';
  const verdict = verdictPhrase(primary.row, lang);
  const same = others.filter((r) => verdictPhrase(r.row, lang) === verdict);
  const differ = [...others.filter((r) => !same.includes(r) && isHarm(r.row)), ...others.filter((r) => !same.includes(r) && !isHarm(r.row))];
  const at = REPORT_TEXT.conclusionAt[lang];
  const nameOf = (r: SofRow) => `${names.get(r.outcome) ?? r.outcome} ${at} ${ctx.timeLabel(r.time)}`;
  // The differing results grouped by verdict, in the order met (harms first), each outcome once
  // with its follow-ups: "no clinically relevant difference for average pain at 3 and 9 months".
  const groups = new Map<string, SofRow[]>();
  for (const r of differ) groups.set(verdictPhrase(r.row, lang), [...(groups.get(verdictPhrase(r.row, lang)) ?? []), r]);
  const byOutcome = (rs: readonly SofRow[]) =>
    [...new Set(rs.map((r) => r.outcome))].map((o) => `${names.get(o) ?? o} ${at} ${timeList(rs.filter((r) => r.outcome === o).map((r) => ctx.timeLabel(r.time)), lang)}`);
  const grouped = [...groups.entries()].map(([v, rs]) => `${v} ${REPORT_TEXT.conclusionFor[lang]} ${joinNames(byOutcome(rs), lang)}`).join('; ');
  const certainty = othersCertainty(primary, others, lang);
  const phrase = (key: keyof typeof REPORT_TEXT, values: Record<string, string | number>) => {
    const said = fillPhrase(REPORT_TEXT[key][lang], values);
    return `${certainty ? withBracket(said, certainty) : said}.`;
  };
  if (others.length === 1) {
    const only = others[0]!;
    return same.length ? phrase('conclusionOneAgrees', { named: nameOf(only) }) : phrase('conclusionOneDiffers', { named: nameOf(only), verdict: verdictPhrase(only.row, lang) });
  }
  const named = joinNames(same.map(nameOf), lang);
  if (!differ.length) return phrase(others.length === 2 ? 'conclusionAgreeBoth' : 'conclusionAgreeAll', { n: countWord(others.length, lang), named });
  if (!same.length) return phrase('conclusionAgreeNone', { n: countWord(others.length, lang), rest: grouped });
  const rest = fillPhrase(REPORT_TEXT[differ.length === 1 ? 'conclusionRestSingle' : 'conclusionRest'][lang], { n: countWord(differ.length, lang), groups: grouped });
  // A number under 10 that starts a Danish sentence in words ("To af de 5 …").
  const k = countWord(same.length, lang, { capitalise: true });
  return phrase(same.length === 1 ? 'conclusionAgreeSomeOne' : 'conclusionAgreeSome', { k, n: countWord(others.length, lang), named, rest });
}

/** The primary result in the target population, in one sentence. */
function targetSentence(t: TargetPopulation | undefined, primary: SofRow, ctx: Ctx): string {
  if (!t) return '';
  const lang = ctx.lang;
  const label = lowerFirst(t.label[lang]);
  const pp = t.purpose === 'per-protocol';
  if (transportsWholeTrial(t)) return transportedSentences(t, primary, label, ctx);
  if (!t.analysed) return fillPhrase(REPORT_TEXT[pp ? 'conclusionPerProtocolSmall' : 'conclusionTargetSmall'][lang], { label, n: formatThousands(t.patients.intervention + t.patients.control, 0, lang) });
  const e = t.effects.find((x) => x.outcome === primary.outcome && x.time === primary.time && x.method === primary.row.method);
  if (!e) return '';
  return fillPhrase(REPORT_TEXT[pp ? 'conclusionPerProtocol' : 'conclusionTarget'][lang], { label, n: formatThousands(e.n.intervention + e.n.control, 0, lang), verdict: verdictPhrase(e, lang) });
}

/**
 * No criteria: the target population is the whole trial transported (whole-trial-transport.ts),
 * whose own rows repeat the trial's; the sentence gives the transported estimate of the primary
 * outcome instead, saying how it was transported and to how many target patients.
 */
function transportedSentences(t: TargetPopulation, primary: SofRow, label: string, ctx: Ctx): string {
  const lang = ctx.lang;
  const moved = (t.transported ?? []).filter((x) => x.outcome === primary.outcome && x.time === primary.time);
  return (['raking', 'inverse-odds'] as const)
    .flatMap((weighting) => moved.filter((x) => x.weighting === weighting))
    .map((x) => {
      // The row's own method names the words: a failed membership model is still inverse odds, never "raked".
      const how = x.weighting === 'inverse-odds' ? fillPhrase(REPORT_TEXT.conclusionHowSample[lang], { k: formatThousands(t.targetSample?.rows ?? 0, 0, lang) }) : REPORT_TEXT.conclusionHowMargins[lang];
      const r = x.effect;
      const effect = r.error || r.difference === null ? '' : `${sofEffectText(r, ctx).replace(' (', ` (${REPORT_TEXT.conclusionCi[lang]} `)} – `;
      // Extreme weights: the estimate rests on a few patients; said, and not stated as a finding (docs/subgroups.md#extreme-weights).
      if (x.weights?.extreme && effect) {
        const ess = essText(x.weights.effectiveSampleSize, lang);
        return fillPhrase(REPORT_TEXT.conclusionTransportedExtreme[lang], { label, how, ess, n: formatThousands(r.n.intervention + r.n.control, 0, lang), effect: effect.slice(0, -' – '.length) });
      }
      return fillPhrase(REPORT_TEXT.conclusionTransported[lang], { label, how, effect, verdict: verdictPhrase(r, lang) });
    })
    .join(' ');
}

/**
 * The conclusion paragraph (one string); empty when there is nothing to conclude. `result` gives
 * the target population (left out when absent).
 */
export function conclusionParagraphs(rows: readonly SofRow[], ctx: Ctx, result: Partial<Pick<AnalysisResult, 'targetPopulation'>> = {}): string[] {
  if (!rows.length) return [];
  const names = outcomeNames([...new Set(rows.map((r) => r.outcome))], ctx);
  const { row: primary, label } = primaryRow(rows, ctx);
  const sentences = [
    primarySentence(primary, label, names.get(primary.outcome) ?? primary.outcome, ctx),
    agreementSentence(primary, rows, names, ctx),
    targetSentence(result.targetPopulation, primary, ctx),
  ].filter((s) => s !== '');
  return [sentences.join(' ')];
}
