/**
 * The pooled results of a meta report at a glance, one row per outcome × follow-up × measure:
 * studies and participants, the random-effects estimate with its 95% CI, the 95% prediction
 * interval, I², the MCID and the clinical-relevance verdict of the pooled estimate (docs/data-contracts.md#verdicts).
 * English and Danish. Ratios (RR, OR) are shown exponentiated, as the forest plots show them.
 */
import type { MetaOutcomeSetting, MetaPooledRow, MetaResults } from '../meta/meta-results-schema.js';
import { formatEffect } from '../meta/meta-table.js';
import { formatFixed, formatMcid, formatThousands, type Lang, percentSign, RELEVANCE_TEXT, REPORT_TEXT, timeLabel } from './i18n.js';
import type { Table } from './text-table.js';

const TEXT = {
  header: {
    en: 'Outcome|Follow-up|Studies (participants)|Effect, random effects [95% CI]|95% prediction interval|I²|MCID|Verdict',
    da: 'Udfald|Opfølgning|Studier (deltagere)|Effekt, random effects [95 %-KI]|95 %-prædiktionsinterval|I²|MCID|Vurdering',
  },
  single: { en: 'one study: its own estimate', da: 'ét studie: dets eget estimat' },
  notPooled: { en: 'not pooled (no study reported an interval)', da: 'ikke poolet (intet studie angav et interval)' },
  noMcid: { en: 'no MCID: not judged', da: 'ingen MCID: ikke vurderet' },
  notShown: { en: 'not shown', da: 'ikke vist' },
  participantsUnknown: { en: 'not reported', da: 'ikke angivet' },
} as const;

function intervalText(measure: MetaOutcomeSetting['measure'], lo: number, hi: number, lang: Lang): string {
  return `${formatEffect(measure, lo, lang)} ${lang === 'da' ? 'til' : 'to'} ${formatEffect(measure, hi, lang)}`;
}

/**
 * `unitOf`: the outcome's unit for mean differences (e.g. "points", from the plan's instruments);
 * SMDs are in SD units, ratios and risk differences have none.
 */
export function metaSummaryTable(results: Pick<MetaResults, 'outcomes' | 'pooled' | 'studies'>, lang: Lang, unitOf: (outcome: string) => string = () => ''): Table {
  const t = (k: keyof typeof TEXT) => TEXT[k][lang];
  const rows = results.outcomes.map((s) => {
    const same = <T extends { outcome: string; time: string; measure: string }>(x: T) => x.outcome === s.outcome && x.time === s.time && x.measure === s.measure;
    const random: MetaPooledRow | undefined = results.pooled.find((p) => same(p) && p.subgroup === null && p.model === 'random');
    const studies = results.studies.filter((x) => same(x) && x.pooled);
    // Participants only when every pooled study reported both arm sizes: a partial sum would mislead.
    const sizes = studies.map((x) => (x.nIntervention !== null && x.nControl !== null ? x.nIntervention + x.nControl : null));
    const participants = sizes.length > 0 && sizes.every((n) => n !== null) ? formatThousands(sizes.reduce<number>((a, n) => a + (n as number), 0), 0, lang) : t('participantsUnknown');
    const outcome = `${s.label ?? s.outcome} (${REPORT_TEXT[s.direction === 'lower-is-better' ? 'lowerIsBetter' : 'higherIsBetter'][lang]})`;
    if (!random) return [outcome, timeLabel(s.time, lang), `${studies.length} (${participants})`, t('notPooled'), '', '', '', ''];
    // One study is not pooled: show its interval as reported (the model's z interval is rebuilt
    // from a back-calculated SE and can differ in the last digit) and its own verdict.
    const only = random.k === 1 ? studies[0] : undefined;
    const lo = only?.ciLower ?? random.ciLower;
    const hi = only?.ciUpper ?? random.ciUpper;
    const effect = `${s.measure} ${formatEffect(s.measure, only?.yi ?? random.estimate, lang)} [${formatEffect(s.measure, lo, lang)}, ${formatEffect(s.measure, hi, lang)}]`;
    const pi = random.k === 1 ? t('single') : random.piLower !== null && random.piUpper !== null ? intervalText(s.measure, random.piLower, random.piUpper, lang) : t('notShown');
    const i2 = random.i2 === null ? '—' : `${formatFixed(random.i2, 0, lang)}${percentSign(lang)}`;
    const unit = s.measure === 'MD' ? unitOf(s.outcome) : s.measure === 'SMD' ? 'SD' : '';
    const mcid = s.mcid === null ? '—' : `${formatMcid(s.mcid, lang)}${unit ? ` ${unit}` : ''}`;
    const relevance = only ? only.relevance : random.relevance;
    const verdict = relevance ? RELEVANCE_TEXT[relevance][lang] : t('noMcid');
    return [outcome, timeLabel(s.time, lang), `${random.k} (${participants})`, effect, pi, i2, mcid, verdict];
  });
  return { header: TEXT.header[lang].split('|'), rows, align: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'left'] };
}
