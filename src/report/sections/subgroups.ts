/**
 * The trial report's subgroup and target-population sections (docs/subgroups.md#report):
 *
 * - per plan subgroup and follow-up time, a subgroup forest plot (charts/subgroup-forest.ts)
 *   with the credibility facts (ICEMAN), then one table of every test for interaction with its
 *   plain statement ("No evidence that the effect differs by …");
 * - the target population: how many patients each criterion excluded (a CONSORT-style flow),
 *   and per outcome × time the trial's effect beside the effect in the patients meeting the
 *   criteria and the trial reweighted to the target margins.
 *
 * Pure: the analysis and the chart context in, page sections and chart specs out.
 */
import { type CountedNoun, countNoun } from '../count-words.js';
import { joinNames } from '../conclusion-others.js';
import type { AnalysisResult, EffectRow, SubgroupResult, TargetPopulation } from '../../analysis/results-schema.js';
import { MAX_RELATIVE_WEIGHT } from '../../analysis/extreme-weights.js';
import { transportsWholeTrial } from '../../analysis/whole-trial-transport.js';
import type { Plan } from '../../plan/plan-schema.js';
import { covariateOfColumn } from '../../trial/baseline-table.js';
import { subgroupLevelName } from '../../trial/subgroup-level-name.js';
import { fillArms } from '../arm-names.js';
import { assertFiniteChart } from '../chart-data.js';
import { forestAnalyses, subgroupForestNumbers, subgroupForestSpec } from '../charts/subgroup-forest.js';
import type { TrialChartContext } from '../charts/trial-chart-context.js';
import { decimalsFor, formatEffect } from '../effects-table.js';
import { essText } from '../ess-text.js';
import { failureReasonText } from '../failure-reasons.js';
import { armCountsText, dfText, fillPhrase, formatFixed, formatP, formatThousands, type Lang, lowerFirst, NO_MCID_VERDICT_TEXT, SHORT_RELEVANCE_TEXT } from '../i18n.js';
import type { ChartSpec, PageSection } from '../report-page.js';
import { type CharacteristicLabels, characteristicLabel } from '../table-one.js';
import type { Table } from '../text-table.js';
import { levelCount, populationPhrase, type PopulationPurpose, SUBGROUP_TEXT, type SubgroupPhrase } from './subgroup-phrases.js';
import { SMALL_COUNT } from '../../analysis/subgroup-warnings.js';
import { chartSlug } from '../report-file-names.js';
import { DISAGREES_MARK, pDisagrees, significanceNotes } from '../verdict-notes.js';
import { zeroBaselineNotes } from '../zero-baseline-note.js';

/** Lower-case letters, digits and '-', Danish letters written out (chart file stems and section ids: report-file-names.ts). */
const slug = chartSlug;

function phrases(ctx: TrialChartContext, purpose?: PopulationPurpose) {
  return (k: SubgroupPhrase, values: Record<string, string | number> = {}) => fillPhrase(fillArms(populationPhrase(k, ctx.lang, purpose), ctx.arms), values);
}

/** A short verdict: the MCID verdict, else significance. */
function verdictOf(r: EffectRow, lang: Lang): string {
  if (r.error || r.difference === null) return SUBGROUP_TEXT.notComputed[lang];
  if (r.relevance) return SHORT_RELEVANCE_TEXT[r.relevance][lang];
  return NO_MCID_VERDICT_TEXT[r.significant ? 'significant' : 'notSignificant'][lang];
}

/** The tests for interaction of a run, counted: never "1 subgroup tests". */
const SUBGROUP_TESTS: CountedNoun = { en: ['subgroup test', 'subgroup tests'], da: ['subgruppetest', 'subgruppetests'], daCommon: true };

function credibilityNote(g: SubgroupResult, ctx: TrialChartContext): string {
  const p = phrases(ctx);
  const c = g.credibility;
  const credibility = p('credibility', {
    prespecified: p(c.prespecified ? 'prespecified' : 'notPrespecified'),
    tests: countNoun(c.subgroupTestsInRun, ctx.lang, SUBGROUP_TESTS),
    direction: c.predictedLarger === null ? p('noDirection') : p('predicted', { level: c.predictedLarger }),
  });
  const { missing, otherValue } = g.excluded;
  if (missing === 0 && otherValue === 0) return credibility;
  const patients = (n: number) => p(n === 1 ? 'patientOne' : 'patientMany');
  const parts = [
    ...(missing ? [p('leftOutMissing', { n: missing, patients: patients(missing) })] : []),
    ...(otherValue ? [p('leftOutOther', { n: otherValue, patients: patients(otherValue) })] : []),
  ];
  // At most two parts: "a and b" (joinNames would separate a Danish part with a comma by "; ").
  return `${credibility} ${p('leftOut', { parts: parts.join(ctx.lang === 'da' ? ' og ' : ' and ') })}`;
}

/**
 * Under a forest whose levels print fewer than SMALL_COUNT patients in an arm: the trial report
 * suppresses no count (docs/subgroups.md#small-counts), so the page says so where the counts are.
 */
function smallCountsNote(drawn: readonly SubgroupResult[], ctx: TrialChartContext): string[] {
  const levels = new Set(drawn.flatMap((g) => g.levels.filter((l) => l.effect.n.intervention + l.effect.n.control > 0).map((l) => l.level)));
  const small = new Set(drawn.flatMap((g) => g.levels.filter((l) => levels.has(l.level) && Math.min(l.effect.n.intervention, l.effect.n.control) < SMALL_COUNT).map((l) => l.level)));
  return small.size ? [phrases(ctx)('smallCounts', { n: levelCount(small.size, ctx.lang), levels: levelCount(levels.size, ctx.lang), min: SMALL_COUNT, show: small.size === 1 ? 'shows' : 'show' })] : [];
}

/**
 * Under a forest: the plain statement for every outcome it draws, each named, the primary first.
 * One unnamed sentence read as if about the whole figure: "No evidence that the effect differs
 * (p = 0.877)" stood under a chart whose quality-of-life block had p = 0.022.
 */
function outcomeStatements(drawn: readonly SubgroupResult[], primary: SubgroupResult, ctx: TrialChartContext): string[] {
  return [primary, ...drawn.filter((g) => g !== primary)].map((g) => `${ctx.outcomeLabel(g.outcome)}: ${lowerFirst(g.credibility.statement[ctx.lang])}`);
}

/** A test's degrees of freedom, one way in page and terminal (i18n.ts `dfText`). */
export { dfText };

function interactionTable(analyses: readonly SubgroupResult[], ctx: TrialChartContext): Table {
  const p = phrases(ctx);
  const lang = ctx.lang;
  return {
    header: [p('outcome'), p('time'), p('test'), p('statistic'), p('p'), p('statement')],
    align: ['left', 'left', 'left', 'right', 'right', 'left'],
    // "3 måneder" on one line in print, never "3 / måneder" (docs/report-trial.md#print).
    fit: ['label', 'nowrap', undefined, undefined, undefined, 'wide'],
    rows: analyses.map((g) => {
      const i = g.interaction;
      const stat = i.statistic === null || i.df1 === null ? '—' : `${formatFixed(i.statistic, 2, lang)} (${dfText(i.df1, i.df2, lang)})`;
      return [
        ctx.outcomeLabel(g.outcome),
        ctx.timeLabel(g.time),
        p(g.method === 'ancova' ? 'testF' : 'testQ'),
        stat,
        i.pValue === null ? '—' : formatP(i.pValue, lang),
        g.credibility.statement[lang],
      ];
    }),
  };
}

function subgroupSections(result: AnalysisResult, plan: Plan, ctx: TrialChartContext): { sections: PageSection[]; charts: ChartSpec[] } {
  const p = phrases(ctx);
  const sections: PageSection[] = [];
  const charts: ChartSpec[] = [];
  const all = result.subgroups ?? [];
  const used = new Set<string>();
  for (const sg of plan.subgroups) {
    const analyses = all.filter((g) => g.subgroup === sg.column);
    if (!analyses.length) continue;
    const label = (analyses[0] as SubgroupResult).label[ctx.lang];
    let first = true;
    for (const time of plan.timepoints) {
      const drawn = forestAnalyses(analyses, sg.column, time);
      if (!drawn.length) continue;
      let name = `subgroup-${slug(sg.column)}-${slug(time)}`;
      while (used.has(name)) name += '-x';
      used.add(name);
      const levelName = (l: string) => subgroupLevelName(sg.levelLabels, l, ctx.lang);
      const chart: ChartSpec = {
        name,
        spec: subgroupForestSpec(drawn, result.effects, ctx, label, time, levelName),
        alt: p('forestTitle', { subgroup: label, time: ctx.timeLabel(time) }),
        numbers: subgroupForestNumbers(drawn, result.effects, ctx, levelName),
      };
      assertFiniteChart(chart);
      charts.push(chart);
      const primary = drawn.find((g) => g.outcome === ctx.primary?.outcome) ?? (drawn[0] as SubgroupResult);
      sections.push({
        id: name,
        title: p('subgroupTitle', { subgroup: label, time: ctx.timeLabel(time) }),
        ...(first ? { intro: [p('forestIntro')] } : {}),
        chart: name,
        notes: [...outcomeStatements(drawn, primary, ctx), credibilityNote(primary, ctx), ...smallCountsNote(drawn, ctx)],
      });
      first = false;
    }
    // A responder's levels under a percent rule: their patients at a baseline of 0, per level (zero-baseline-note.ts).
    const levelName = (l: string) => subgroupLevelName(sg.levelLabels, l, ctx.lang);
    const zeroNotes = analyses.flatMap((g) => g.levels.flatMap((l) => zeroBaselineNotes([l.effect], ctx.lang, ctx.arms, ctx.outcomeLabel, `${label}: ${levelName(l.level)}`)));
    sections.push({ id: `subgroup-tests-${slug(sg.column)}`, title: p('subgroupTestsTitle', { subgroup: label }), tables: [{ table: interactionTable(analyses, ctx) }], ...(zeroNotes.length ? { notes: zeroNotes } : {}) });
  }
  return { sections, charts };
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function criteriaTable(t: TargetPopulation, randomised: AnalysisResult['input']['patients'], ctx: TrialChartContext): Table {
  const p = phrases(ctx, t.purpose);
  const pair = (a: { intervention: number; control: number }) => armCountsText(a, ctx.lang);
  return {
    header: [p('criterion'), p('excluded'), p('ofWhichMissing'), p('remaining')],
    align: ['left', 'right', 'right', 'right'],
    rows: [
      [p('randomised'), '', '', pair(randomised)],
      // A table cell starts with a capital, as the flow diagram's criterion boxes do.
      ...t.criteria.map((c) => [capitalised(c.label[ctx.lang]), pair(c.excluded), String(c.missing), pair(c.remaining)]),
    ],
  };
}

type ComparisonRow = { row: EffectRow; population: 'trial' | 'target' | 'raking' | 'inverse-odds'; ess?: number; extreme?: boolean };

/** The rows of the comparison table, in its order: per outcome × time the trial's, the target's, the transported ones. */
function comparisonRows(result: AnalysisResult, t: TargetPopulation, ctx: TrialChartContext): ComparisonRow[] {
  const trialRows = result.effects.filter((e) => e.method === ctx.primaryMethod || e.method === 'risk-difference');
  return trialRows.flatMap((r) => {
    // No criteria: the population's own rows repeat the trial's (whole-trial-transport.ts).
    const target = t.analysed && !transportsWholeTrial(t) ? t.effects.find((e) => e.outcome === r.outcome && e.time === r.time && e.method === r.method) : undefined;
    const moved = (t.transported ?? []).filter((x) => x.outcome === r.outcome && x.time === r.time);
    return [
      { row: r, population: 'trial' as const },
      ...(target ? [{ row: target, population: 'target' as const }] : []),
      ...moved.map((x) => ({ row: x.effect, population: x.weighting, ...(x.weights ? { ess: x.weights.effectiveSampleSize, extreme: x.weights.extreme === true } : {}) })),
    ];
  });
}

/** Per outcome × time, the trial's row, then the target population's and the transported one, on consecutive rows. */
function effectsComparison(rows: readonly ComparisonRow[], ctx: TrialChartContext, widthOf: (key: string) => number | undefined, purpose?: PopulationPurpose): Table {
  const p = phrases(ctx, purpose);
  const lang = ctx.lang;
  const line = (first: boolean, r: EffectRow, population: string, n: string, extreme: boolean): string[] => [
    first ? `${ctx.outcomeLabel(r.outcome)}, ${ctx.timeLabel(r.time)}` : '',
    population,
    n,
    formatEffect(r, decimalsFor(r, widthOf(r.outcome)), lang),
    // Extreme weights: no verdict, as the conclusion states no finding (docs/subgroups.md#extreme-weights).
    // The p is not printed here but is in results.json: a verdict it disagrees with is marked.
    extreme ? p('extremeVerdict') : `${verdictOf(r, lang)}${pDisagrees(r) ? ` ${DISAGREES_MARK}` : ''}`,
  ];
  const pair = (r: EffectRow) => armCountsText(r.n, lang);
  const column = { trial: 'trialCol', target: 'targetCol', raking: 'transportedCol', 'inverse-odds': 'inverseOddsCol' } as const;
  return {
    header: [p('outcome'), p('population'), p('n'), p('difference'), p('verdict')],
    align: ['left', 'left', 'right', 'right', 'left'],
    // The outcome's "(RMDQ 0–24)" whole in print (text-table.ts labelCellHtml).
    fit: ['label', undefined, undefined, undefined, undefined],
    rows: rows.map((x) =>
      line(x.population === 'trial', x.row, p(column[x.population]), x.ess === undefined ? pair(x.row) : p(x.extreme ? 'nEssExtreme' : 'nEss', { n: pair(x.row), ess: essText(x.ess, lang) }), x.extreme === true),
    ),
    // An outcome's rows at every follow-up print on one page (docs/report-trial.md#print).
    blockKeys: rows.map((x) => ctx.outcomeLabel(x.row.outcome)),
  };
}

/** The section's intro, naming how the trial is transported: raked to the margins, weighted to the target sample (inverse odds), or both. */
function introText(t: TargetPopulation, ctx: TrialChartContext): string {
  const p = phrases(ctx, t.purpose);
  const has = (w: 'raking' | 'inverse-odds') => (t.transported ?? []).some((x) => x.weighting === w);
  const k = formatThousands(t.targetSample?.rows ?? 0, 0, ctx.lang);
  const kind = has('raking') && has('inverse-odds') ? 'Both' : has('inverse-odds') ? 'Sample' : 'Raked';
  if (transportsWholeTrial(t)) return p('targetIntroWhole', { how: p(`how${kind}`, { k }) });
  return p('targetIntro', { transport: p(`intro${kind}`, { k }) });
}

function targetSection(result: AnalysisResult, plan: Plan, ctx: TrialChartContext, widthOf: (key: string) => number | undefined, labels: CharacteristicLabels): PageSection[] {
  const t = result.targetPopulation;
  if (!t) return [];
  const p = phrases(ctx, t.purpose);
  const lang = ctx.lang;
  const notes: string[] = [];
  if (!t.analysed) notes.push(p('tooSmall', { n: armCountsText(t.patients, lang), min: formatThousands(t.minPerArm, 0, lang) }));
  const moved = (t.transported ?? []).filter((x) => x.weights !== null && x.weighting === 'raking');
  if (moved.length) {
    const w = moved.map((x) => x.weights as NonNullable<typeof x.weights>);
    const n = moved.map((x) => x.effect.n.intervention + x.effect.n.control);
    // Counts and effective sample sizes with thousands separators ("1,213"), as the tables print them.
    const f0 = (v: number) => formatThousands(v, 0, lang);
    const f2 = (v: number) => formatFixed(v, 2, lang);
    notes.push(
      p('transportNote', {
        // "køn, alder og region": the last joined with "og"/"and", as running text lists.
        margins: joinNames((plan.population?.margins ?? []).map((m) => m.label?.[lang] ?? m.label?.en ?? m.column), lang),
        essLo: f0(Math.min(...w.map((x) => x.effectiveSampleSize))),
        essHi: f0(Math.max(...w.map((x) => x.effectiveSampleSize))),
        nLo: f0(Math.min(...n)),
        nHi: f0(Math.max(...n)),
        wMin: f2(Math.min(...w.map((x) => x.min))),
        wMax: f2(Math.max(...w.map((x) => x.max))),
      }),
    );
  }
  const sampled = (t.transported ?? []).filter((x) => x.weights !== null && x.weighting === 'inverse-odds');
  if (sampled.length && t.targetSample) {
    const w = sampled.map((x) => x.weights as NonNullable<typeof x.weights>);
    notes.push(
      p('inverseOddsNote', {
        rows: formatThousands(t.targetSample.rows, 0, lang),
        left: t.targetSample.excludedMissing
          ? p('sampleLeftOut', { all: formatThousands(t.targetSample.rows + t.targetSample.excludedMissing, 0, lang), file: t.targetSample.file, m: formatThousands(t.targetSample.excludedMissing, 0, lang) })
          : '',
        model: t.targetSample.model.join(', '),
        essLo: formatFixed(Math.min(...w.map((x) => x.effectiveSampleSize)), 0, lang),
        essHi: formatFixed(Math.max(...w.map((x) => x.effectiveSampleSize)), 0, lang),
        wMin: formatFixed(Math.min(...w.map((x) => x.min)), 2, lang),
        wMax: formatFixed(Math.max(...w.map((x) => x.max)), 2, lang),
      }),
    );
  }
  // Extreme weights (analysis/extreme-weights.ts): said once per weighting, the rows marked in the table.
  for (const weighting of ['raking', 'inverse-odds'] as const) {
    const weighted = (t.transported ?? []).filter((x) => x.weighting === weighting && x.weights !== null);
    const k = weighted.filter((x) => x.weights?.extreme).length;
    if (!k) continue;
    const which = k === weighted.length ? p('extremeEvery') : p('extremeSome', { k: formatThousands(k, 0, lang), all: formatThousands(weighted.length, 0, lang) });
    notes.push(p('extremeNote', { column: p(weighting === 'raking' ? 'transportedCol' : 'inverseOddsCol'), which, max: formatThousands(MAX_RELATIVE_WEIGHT, 0, lang) }));
  }
  // Criteria and reweighted rows side by side: a criterion's column the weighting leaves out
  // (recruitment setting, which a target sample of GP patients cannot enter) means the reweighted
  // rows do not answer the criteria's question. Each weighting on its own (the raked rows are
  // weighted on the margins only, the inverse-odds rows on the model only: together they may cover
  // every criterion and still each leave one out), named as the page names them (docs/subgroups.md#report).
  if (!transportsWholeTrial(t)) {
    const marginName = (column: string) => {
      const m = (plan.population?.margins ?? []).find((x) => x.column === column);
      return m?.label?.[lang] ?? m?.label?.en ?? column;
    };
    const modelName = (column: string) => lowerFirst(characteristicLabel(covariateOfColumn(plan, column) ?? column, lang, labels));
    for (const weighting of ['raking', 'inverse-odds'] as const) {
      if (!(t.transported ?? []).some((x) => x.weighting === weighting)) continue;
      const weightedOn = weighting === 'raking' ? (plan.population?.margins ?? []).map((m) => m.column) : (t.targetSample?.model ?? []);
      const left = t.criteria.filter((c, i) => !weightedOn.includes(c.column) && t.criteria.findIndex((d) => d.column === c.column) === i);
      if (!left.length) continue;
      notes.push(
        p('criteriaNotWeighted', {
          rows: p(weighting === 'raking' ? 'transportedCol' : 'inverseOddsCol'),
          weighted: joinNames(weightedOn.map(weighting === 'raking' ? marginName : modelName), lang),
          // Quoted: a criterion's label is a phrase ("recruited in general practice"), not a noun.
          criteria: joinNames(left.map((c) => `"${lowerFirst(c.label[lang])}"`), lang),
        }),
      );
    }
  }
  // Responder rows under a percent rule: the patients at a baseline of 0 in each column's rows (zero-baseline-note.ts).
  if (!transportsWholeTrial(t)) notes.push(...zeroBaselineNotes(t.effects, lang, ctx.arms, ctx.outcomeLabel, p('targetCol')));
  for (const weighting of ['raking', 'inverse-odds'] as const) {
    const rows = (t.transported ?? []).filter((x) => x.weighting === weighting).map((x) => x.effect);
    notes.push(...zeroBaselineNotes(rows, lang, ctx.arms, ctx.outcomeLabel, p(weighting === 'raking' ? 'transportedCol' : 'inverseOddsCol')));
  }
  // A marked verdict: its p (results.json) and its CI disagree; the verdict follows the CI.
  const compared = comparisonRows(result, t, ctx);
  // A row with extreme weights shows no verdict, so no mark to explain.
  const shown = compared.filter((x) => !x.extreme).map((x) => x.row);
  notes.push(...significanceNotes(shown, lang, (v) => formatP(v, lang), shown.some(pDisagrees), false));
  // One line per distinct reason (a failed membership model fails every row alike), worded in the
  // page's language (results.json keeps the analysis's English).
  const failures = new Set<string>();
  for (const x of t.transported ?? []) if (x.effect.error && !failures.has(x.effect.error) && failures.add(x.effect.error)) notes.push(`${ctx.outcomeLabel(x.outcome)}, ${ctx.timeLabel(x.time)}: ${failureReasonText(x.effect.error, lang)}`);
  const whole = transportsWholeTrial(t);
  return [
    {
      id: 'target-population',
      title: p('targetTitle', { label: t.label[lang] }),
      intro: [introText(t, ctx)],
      tables: [
        // No criteria: no "who meets the criteria" table (every randomised patient would).
        ...(whole ? [] : [{ caption: p('criteriaCaption'), table: criteriaTable(t, result.input.patients, ctx) }]),
        { caption: p('effectsCaption'), table: effectsComparison(compared, ctx, widthOf, t.purpose) },
      ],
      notes,
    },
  ];
}

/** The sections (target population first, then each subgroup) and their charts; none without subgroups or a population. */
/** `labels`: Table 1's labels of the covariates (the manifest's "characteristics"), naming the target sample's model columns. */
export function subgroupReport(result: AnalysisResult, plan: Plan, ctx: TrialChartContext, widthOf: (key: string) => number | undefined, labels: CharacteristicLabels = new Map()): { sections: PageSection[]; charts: ChartSpec[] } {
  const sub = subgroupSections(result, plan, ctx);
  return { sections: [...targetSection(result, plan, ctx, widthOf, labels), ...sub.sections], charts: sub.charts };
}
