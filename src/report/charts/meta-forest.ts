/**
 * Forest plot of one outcome × time × measure in the RevMan layout, as a Vega-Lite spec with
 * its data inline. Pure: the meta-analysis result in, the spec out; no statistics here.
 *
 *   Study or subgroup | App + usual care (Mean SD Total | Events Total) | Usual care (…) |
 *   Weight fixed | Weight random | MD (95% CI) | plot
 *
 * The plot: per study a square (area ∝ random-effects weight) and its CI; subgroup subtotal and
 * overall diamonds (fixed and random); the prediction interval as a bar; the ±MCID lines; the
 * line of no effect; "favours" labels under the axis.
 *
 * One direction in every forest of every report (docs/report-trial.md#one-direction-in-every-forest):
 * right favours the intervention. For a lower-is-better outcome the effect is shown as the BENEFIT,
 * control − intervention (a ratio inverted: control ÷ intervention), in the plot and in the effect
 * column alike, so every printed number sits on the side of the line of no effect its marker is on;
 * the subtitle, the column header and the axis title say which way round the effect is. Heterogeneity, the tests for overall effect
 * and for subgroup differences, and the method labels are text rows, as RevMan prints them.
 *
 * One view: rows are y = row index (one shared quantitative scale, reversed); text columns sit at
 * fixed pixel x (`scale: null`); the plot's x scale has a pixel range right of the text columns.
 * Ratio measures (RR, OR) are drawn on a log axis with ratios as labels.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { MetaGroup } from '../../meta/meta-group.js';
import type { MetaPooledRow, MetaStudyRow, MetaSubgroupTest } from '../../meta/meta-results-schema.js';
import { overallOf } from '../../meta/meta-group.js';
import { isRatioMeasure } from '../../meta/read-studies.js';
import { type ArmNames, defaultArmNames, fillArms } from '../arm-names.js';
import { MIN_PI_TRIALS, NOT_ESTIMABLE_NOTE } from '../../meta/meta-analyze.js';
import { fillPhrase, formatFixed, type Lang, percentSign, pStatement, timeLabel } from '../i18n.js';
import { turnedEffect } from './meta-effect-text.js';
import { poolingMethodText } from '../meta-method-words.js';
import { outcomeName, trialCountText } from '../meta-summary-table.js';
import type { Table } from '../text-table.js';
import { baseChartConfig, ESTIMATE_COLOUR, FONT_SIZE, MCID_RULE, PALETTE } from './chart-style.js';
import { PORTRAIT_PX } from '../html-page.js';
import { fitLines, fittedWidth, twoLines, wrapForVega } from './two-lines.js';

const ROW_PX = 20;
const PLOT_PX = 300;
/** The narrowest plot drawn to let a forest print on a portrait page. */
const MIN_PLOT_PX = 220;
const EFFECT_MIN_PX = 100;
/** vega's padding on each side (chart-style.ts baseChartConfig). */
const PADDING_PX = 12;
/** The favours labels sit below the axis labels and the axis title (one line; LINE_PX more for each further line). */
const FAVOURS_DY = 44;
/** Line height of a text written on several lines (11 px type). */
const LINE_PX = 13;
/** Least gap between two texts side by side. */
const GAP_PX = 12;

const TEXT = {
  en: {
    df: 'df', study: 'Study or subgroup', mean: 'Mean', sd: 'SD', total: 'Total', events: 'Events',
    weight: 'Weight', fixed: 'Fixed', random: 'Random', subtotal: 'Subtotal (95% CI)', totalFixed: 'Total, fixed effect (95% CI)',
    totalRandom: 'Total, random effects (95% CI)', pi: 'Prediction interval', favoursApp: 'Favours {intervention}', favoursControl: 'Favours {control}',
    heterogeneity: 'Heterogeneity', notApplicable: 'Not applicable', overall: 'Test for overall effect', subgroups: 'Test for subgroup differences',
    single: 'Single study: shown as reported, not pooled', noInterval: 'no interval reported', notEstimable: 'Not estimable', mcidBand: 'Dashed: ±MCID',
    ci: '95% CI', iv: 'IV', mh: 'M-H', piFewTrials: 'Prediction interval: not shown (fewer than {min} trials)',
    studyEstimate: 'Study estimate (95% CI)', totalOneTrial: 'Subgroups of one trial combined (fixed)',
    fixedMethod: 'Subgroups of one trial (not separate trials) combined by the fixed-effect model ({weights}), normal-based 95% CI',
    inverseVariance: 'inverse-variance',
  },
  // "Stiplet" for the ±MKRF lines, as every chart draws and names them (docs/colours.md).
  // RevMan's English test statistics in Danish: "fg" (frihedsgrader) for df, a lower-case p as
  // the trial page writes it; "IV" (not among the page's abbreviations) written out.
  // The models by docs/glossary-da.md's names; the totals without "(95 %-KI)", which the effect
  // column's header says, so the longer Danish names keep a forest on a portrait page.
  // Heterogeneity that cannot be computed (one study) is "ikke aktuelt", never "ikke relevant",
  // which reads as "not clinically relevant" beside the verdicts.
  da: {
    df: 'fg', study: 'Forsøg eller subgruppe', mean: 'Gns.', sd: 'SD', total: 'Antal', events: 'Hændelser',
    weight: 'Vægt', fixed: 'Fast', random: 'Tilfældige', subtotal: 'Subtotal (95 %-KI)', totalFixed: 'I alt, fast effekt',
    totalRandom: 'I alt, tilfældige effekter', pi: 'Prædiktionsinterval', favoursApp: 'Til fordel for {theIntervention}', favoursControl: 'Til fordel for {theControl}',
    heterogeneity: 'Heterogenitet', notApplicable: 'ikke aktuelt', overall: 'Test for samlet effekt', subgroups: 'Test for forskel mellem subgrupper',
    single: 'Ét forsøg: vist som publiceret, ikke poolet', noInterval: 'intet interval rapporteret', notEstimable: 'Kan ikke estimeres', mcidBand: 'Stiplet: ±MKRF',
    ci: '95 %-KI', iv: 'Invers varians', mh: 'Mantel–Haenszel', piFewTrials: 'Prædiktionsinterval: ikke vist (færre end {min} forsøg)',
    studyEstimate: 'Forsøgets estimat (95 %-KI)', totalOneTrial: 'Subgrupper af ét forsøg kombineret (fast)',
    fixedMethod: 'Subgrupper af ét forsøg (ikke selvstændige forsøg) kombineret med en model med faste effekter ({weights}), normalfordelt 95 %-KI',
    inverseVariance: 'invers varians',
  },
} as const;

const TAU2 = { REML: 'REML', DL: 'DL', PM: 'PM' } as const;
const WEIGHT_WORDS: ReadonlySet<string> = new Set([TEXT.en.weight, TEXT.da.weight]);

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/**
 * A heading's capital: only when its first word is all lower case ("high physical demands" →
 * "High physical demands"). A first word with a capital of its own is a term written so and kept
 * ("eGFR < 60" is not "EGFR", another analyte; "mRS 0–2", "pH < 7,2"), as arm-names.ts does for labels.
 */
const capitaliseHeading = (s: string) => {
  const first = /^\S*/.exec(s)![0];
  return first === first.toLowerCase() ? capitalise(s) : s;
};

export interface MetaForestOptions {
  /** Column headers for the two arms; default the `arms` labels ("App + usual care" / "Usual care" without a plan). */
  armLabels?: { intervention: string; control: string };
  /**
   * The arm names for the "favours …" labels and the subtitle ("MD, app − usual care"): the
   * plan's labels; default "app" / "usual care".
   */
  arms?: ArmNames;
  /** Favours labels under the axis, verbatim; default "Favours <intervention>" / "Favours <control>". */
  favours?: { intervention: string; control: string };
}

interface Cell {
  row: number;
  px: number;
  text: string;
  /** A note's line after its first: the figure's numbers keep its lower case (no "Med" mid-sentence). */
  cont?: boolean;
}

interface Mark {
  row: number;
  x: number;
  x2: number;
  est: number;
  size: number;
}

/** The least gap between two x-axis labels, in pixels: two character heights, so they read apart. */
const TICK_GAP_PX = 2 * FONT_SIZE;

function niceLinearLimit(maxAbs: number): { limit: number; step: number } {
  const raw = Math.max(maxAbs, 1e-9) / 3;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p) as number;
  return { limit: Math.ceil(maxAbs / step) * step, step };
}

function niceRatioLimit(maxRatio: number): number {
  const candidates = [1.5, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000];
  return candidates.find((c) => c >= maxRatio) ?? 10 ** Math.ceil(Math.log10(maxRatio));
}

export function metaForestSpec(group: MetaGroup, lang: Lang, options: MetaForestOptions = {}): TopLevelSpec {
  const t = TEXT[lang];
  const arms = options.arms ?? defaultArmNames(lang);
  const s = group.setting;
  const measure = s.measure;
  const ratio = isRatioMeasure(measure);
  // Right favours the intervention: a lower-is-better effect is turned round (−MD; a ratio's log negated).
  // Effect values as every meta output writes them, turned as Table 1 turns them (meta-effect-text.ts);
  // the forest's own words for a missing interval.
  const turned = turnedEffect(s, arms, lang);
  const { flipped, sign, first, op, second, interval } = turned;
  const show = (v: number) => (ratio ? Math.exp(sign * v) : sign * v);
  const fmt = (v: number, d: number) => formatFixed(v, d, lang);
  const eff = turned.value;
  const effectText = (est: number, lo: number | null, hi: number | null) =>
    lo === null || hi === null ? `${eff(est)} (${t.noInterval})` : `${eff(est)} ${interval(lo, hi)}`;
  // A study the revman5 preset leaves out (meta-analyze.ts notEstimable): RevMan 5's words, no estimate.
  const studyText = (x: MetaStudyRow) => (x.note === NOT_ESTIMABLE_NOTE ? t.notEstimable : effectText(x.yi, x.ciLower, x.ciUpper));
  // Which way round the effect is: "MD, app − usual care" or, turned, "MD, usual care − app".
  const effectName = turned.name;
  const P = lang === 'da' ? 'p' : 'P';
  // The p as every hta output prints it (formatP: three decimals, "< 0,001" below), so the forest
  // and `hta meta` give one test one number, not RevMan's "0,0006" beside the terminal's "< 0,001".
  const pText = (p: number) => pStatement(p, lang, P);

  // One estimate: no model, no weights (the study's own estimate). Subgroups of one trial: the
  // fixed-effect combination only (meta-analyze.ts); from two trials on, both models.
  const overall = overallOf(group.pooled, group.studies);
  const { fixed, random } = overall;
  const single = overall.single !== undefined;
  const oneTrial = overall.oneTrialSubgroups;
  const showFixedWeight = !single && fixed !== undefined;
  const showRandomWeight = showFixedWeight && random !== undefined;

  // ── columns (pixel x of each column's anchor) ─────────────────────────────────────────────
  const hasArms = group.studies.some((x) => x.arms !== null);
  const hasEvents = group.studies.some((x) => x.events !== null);
  const hasN = group.studies.some((x) => x.nIntervention !== null);
  const armCols: string[] = hasArms ? [t.mean, t.sd, t.total] : hasEvents ? [t.events, t.total] : hasN ? [t.total] : [];
  const subCol = 48;
  // Column widths from the chart font's real advances (render/text-metrics.ts), a study row's
  // label indented by 4 px; bold where the column's widest text is bold.
  const w = (text: string, isBold = false) => fittedWidth([text], { bold: isBold });
  const studyWidth = Math.max(
    150,
    ...group.studies.map((x) => w(x.subgroup === null ? x.study : `${x.study} (${x.subgroup})`) + 16),
    // The totals' names only where there are totals: a single study's forest has none.
    ...(single ? [] : [t.totalRandom, t.subtotal, t.pi]).map((x) => w(x, true) + 12),
  );
  // The arms' own names (a plan's neutral "Intervention"/"Control" too), never a fixed "App + usual care".
  const armHeader = options.armLabels ?? { intervention: arms.Intervention, control: arms.Control };
  // The x of each column, from the arm columns' width; the arm names on one line or on two.
  const columns = (armLines: readonly string[]) => {
    const armWidth = armCols.length === 0 ? 0 : Math.max(armCols.length * subCol, ...armLines.map((l) => w(l, true))) + 12;
    const xIntervention = studyWidth;
    const xControl = xIntervention + armWidth;
    // Right-aligned; far enough right that the fixed total's name ("Subgrupper af ét forsøg
    // kombineret (fast)", wider in Danish) ends before its "100,0 %".
    const fixedTotalName = oneTrial ? t.totalOneTrial : t.totalFixed;
    const xWeightFixed = showFixedWeight ? Math.max(xControl + armWidth + 52, w(fixedTotalName, true) + GAP_PX + w(`${formatFixed(100, 1, lang)}${percentSign(lang)}`)) : xControl + armWidth;
    // Room for the wider of the two weight headers ("Tilfældige" in Danish) beside the other.
    const xWeightRandom = showRandomWeight ? xWeightFixed + Math.max(56, w(t.random) + 8) : xWeightFixed;
    const xEffect = xWeightRandom + 12;
    const plotX0 = xEffect + effectWidth + 10;
    // (2 px to spare: vega's bounds may round a text's edge up.)
    const portraitPlot = Math.floor(PORTRAIT_PX - 2 * PADDING_PX - 10 - plotX0 - 2);
    const fitsPortrait = plotX0 + PLOT_PX + 10 + 2 * PADDING_PX <= PORTRAIT_PX || portraitPlot >= MIN_PLOT_PX;
    return { armWidth, xIntervention, xControl, xWeightFixed, xWeightRandom, xEffect, plotX0, portraitPlot, fitsPortrait };
  };
  const effectWidth = Math.max(
    EFFECT_MIN_PX,
    w(`${measure} (${t.ci})`, true),
    ...group.studies.map((x) => w(studyText(x))),
    ...group.pooled.map((p) => w(effectText(p.estimate, p.ciLower, p.ciUpper))),
  ) + 12;
  // Each arm's name on one line; on two ("App + usual" / "care") when one line would make the
  // forest too wide for a portrait page: a forest with only the arms' totals (selfBACK's RMDQ at
  // 3 months) then prints beside the text before it, not alone on a landscape page
  // (docs/report-trial.md#print).
  const oneLine = columns([armHeader.intervention, armHeader.control]);
  const split = (x: string) => [twoLines(x, 0)].flat();
  const armNameLines = !oneLine.fitsPortrait && armCols.length > 0 && columns([...split(armHeader.intervention), ...split(armHeader.control)]).fitsPortrait
    ? { intervention: split(armHeader.intervention), control: split(armHeader.control) }
    : { intervention: [armHeader.intervention], control: [armHeader.control] };
  const { armWidth, xIntervention, xControl, xWeightFixed, xWeightRandom, xEffect, plotX0, portraitPlot } = columns([...armNameLines.intervention, ...armNameLines.control]);
  // A forest that would be a little too wide for a portrait page gets a narrower plot (down to
  // MIN_PLOT_PX), so it prints at full size on the page of the text before it instead of on a
  // landscape page of its own (docs/report-trial.md#print).
  const plotPx = plotX0 + PLOT_PX + 10 + 2 * PADDING_PX > PORTRAIT_PX && portraitPlot >= MIN_PLOT_PX ? portraitPlot : PLOT_PX;
  const plotX1 = plotX0 + plotPx;
  const width = plotX1 + 10;

  const left: Cell[] = [];
  const right: Cell[] = [];
  const centre: Cell[] = [];
  const bold: Cell[] = [];
  const small: Cell[] = [];
  const squares: Mark[] = [];
  const diamonds: { id: string; x: number; y: number; y2: number }[] = [];
  const piBars: Mark[] = [];

  // ── header rows 0 and 1 ─────────────────────────────────────────────────────────────────
  const poolName = fixed?.poolingMethod === 'mantel-haenszel' ? t.mh : t.iv;
  const weightWords = fixed?.poolingMethod === 'mantel-haenszel' ? 'Mantel–Haenszel' : t.inverseVariance;
  if (armCols.length > 0) {
    // A name on two lines ends on row 0, its first line a header row higher.
    armNameLines.intervention.forEach((text, i, all) => centre.push({ row: i - all.length + 1, px: xIntervention + armWidth / 2, text }));
    armNameLines.control.forEach((text, i, all) => centre.push({ row: i - all.length + 1, px: xControl + armWidth / 2, text }));
    armCols.forEach((c, i) => {
      right.push({ row: 1, px: xIntervention + (i + 1) * subCol, text: c }, { row: 1, px: xControl + (i + 1) * subCol, text: c });
    });
  }
  if (showFixedWeight) {
    centre.push({ row: 0, px: (xWeightFixed + xWeightRandom) / 2 - 24, text: t.weight });
    right.push({ row: 1, px: xWeightFixed, text: t.fixed });
  }
  if (showRandomWeight) right.push({ row: 1, px: xWeightRandom, text: t.random });
  bold.push({ row: 1, px: 0, text: t.study });
  bold.push({ row: 1, px: xEffect, text: `${measure} (${t.ci})` });
  // A turned effect names its difference over the effect column, up to the plot's own header: on
  // two lines (one header row more) when the arm labels are long; cut with "…" only past that, as
  // the subtitle names the difference in full.
  const differenceLines = flipped ? splitAt(`${first} ${op}`, second, xPlotHeader(plotX0, plotX1, measure) - GAP_PX - xEffect, { bold: true }) : [];
  const extraHeaderRows = Math.max(0, differenceLines.length - 1, armNameLines.intervention.length - 1, armNameLines.control.length - 1);
  differenceLines.forEach((text, i) => bold.push({ row: i - differenceLines.length + 1, px: xEffect, text }));
  // The model over the plot only where there is one (RevMan's "IV, Random, 95% CI").
  // Mid-phrase in lower case in Danish ("Invers varians, fast, 95 %-KI").
  const model = oneTrial ? t.fixed : t.random;
  const plotHeader = single ? t.studyEstimate : `${poolName}, ${lang === 'da' ? model.toLowerCase() : model}, ${t.ci}`;
  centre.push({ row: 0, px: (plotX0 + plotX1) / 2, text: measure }, { row: 1, px: (plotX0 + plotX1) / 2, text: plotHeader });

  let row = 2;
  // A note (heterogeneity, tests, method) on as many rows as it needs: left of the plot while
  // the plot's rows last (never over its markers or band), within the chart's width below them
  // (a longer text would widen the chart past the page).
  // The row of the first note: the no-effect and ±MCID lines end above it, so no note is crossed.
  let firstNoteRow: number | undefined;
  const note = (text: string, room = plotX0 - GAP_PX - 4): void => {
    firstNoteRow ??= row;
    for (const [i, line] of noteLines(text, room).entries()) {
      small.push({ row, px: 4, text: line, ...(i > 0 ? { cont: true } : {}) });
      row += 1;
    }
  };
  const armCells = (st: MetaStudyRow): void => {
    const put = (x0: number, values: (number | null)[], digits: number[]) =>
      values.forEach((v, i) => {
        if (v !== null) right.push({ row, px: x0 + (armCols.length - values.length + i + 1) * subCol, text: formatFixed(v, digits[i] as number, lang) });
      });
    if (st.arms) {
      const a = st.arms;
      put(xIntervention, [a.meanIntervention, a.sdIntervention, a.nIntervention], [1, 1, 0]);
      put(xControl, [a.meanControl, a.sdControl, a.nControl], [1, 1, 0]);
    } else if (st.events) {
      const e = st.events;
      put(xIntervention, [e.eventsIntervention, e.nIntervention], [0, 0]);
      put(xControl, [e.eventsControl, e.nControl], [0, 0]);
    } else if (armCols.length > 0) {
      put(xIntervention, [st.nIntervention], [0]);
      put(xControl, [st.nControl], [0]);
    }
  };
  const pct = (w: number | null) => (w === null ? '' : `${formatFixed(w, 1, lang)}${percentSign(lang)}`);
  // A study's subgroup is named on its own row unless a subgroup heading above it already does.
  const studyRow = (st: MetaStudyRow, underHeading = false): void => {
    left.push({ row, px: 4, text: st.subgroup !== null && !underHeading ? `${st.study} (${st.subgroup})` : st.study });
    armCells(st);
    if (showFixedWeight) right.push({ row, px: xWeightFixed, text: st.pooled ? pct(st.weightFixed) : '' });
    if (showRandomWeight) right.push({ row, px: xWeightRandom, text: st.pooled ? pct(st.weightRandom) : '' });
    left.push({ row, px: xEffect, text: studyText(st) });
    if (st.ciLower !== null && st.ciUpper !== null) {
      squares.push({ row, x: show(st.ciLower), x2: show(st.ciUpper), est: show(st.yi), size: 16 + 2.2 * (st.weightRandom ?? st.weightFixed ?? 100) });
    } else {
      squares.push({ row, x: show(st.yi), x2: show(st.yi), est: show(st.yi), size: 0 });
    }
    row += 1;
  };
  const diamond = (p: MetaPooledRow, id: string): void => {
    const [lo, est, hi] = [show(p.ciLower), show(p.estimate), show(p.ciUpper)];
    diamonds.push({ id, x: lo, y: row, y2: row }, { id, x: est, y: row - 0.38, y2: row + 0.38 }, { id, x: hi, y: row, y2: row });
  };
  const heterogeneityText = (p: MetaPooledRow): string => {
    if (p.k < 2 || p.q === null) return `${t.heterogeneity}: ${t.notApplicable}`;
    const tau = p.tau2 === null ? '' : `Tau² = ${fmt(p.tau2, p.tau2 < 0.01 && p.tau2 > 0 ? 4 : 2)} (${p.tau2Method ? TAU2[p.tau2Method] : '—'}); `;
    return `${t.heterogeneity}: ${tau}Chi² = ${fmt(p.q, 2)}, ${t.df} = ${p.qDf} (${pText(p.qPValue as number)}); I² = ${formatFixed(p.i2 as number, 0, lang)}${percentSign(lang)}`;
  };
  const overallText = (p: MetaPooledRow): string =>
    `${t.overall}: ${p.ciMethod === 'hksj' ? `t = ${fmt(Math.abs(p.statistic), 2)}, ${t.df} = ${p.df}` : `Z = ${fmt(Math.abs(p.statistic), 2)}`} (${pText(p.pValue)})`;
  // Subgroups of one trial: the test, without I² (no heterogeneity language for one trial).
  const subgroupText = (x: MetaSubgroupTest): string =>
    `${t.subgroups}: Chi² = ${fmt(x.q, 2)}, ${t.df} = ${x.df} (${pText(x.pValue)})${oneTrial ? '' : `, I² = ${formatFixed(x.i2, 0, lang)}${percentSign(lang)}`}`;

  // Subgroup headings for subgroup subtotals only: a group whose every estimate is one subgroup's
  // names it in the title, and its overall rows carry it.
  const overallRows = new Set<MetaPooledRow | undefined>([fixed, random, overall.single]);
  const subgroupNames = [...new Set(group.pooled.filter((p) => p.subgroup !== null && !overallRows.has(p)).map((p) => p.subgroup as string))];
  if (subgroupNames.length > 0) {
    for (const name of subgroupNames) {
      // A heading starts with a capital, as the figure's numbers table below writes it
      // ("Høje fysiske krav" in both; the file's "høje fysiske krav" stays in a study's parentheses).
      bold.push({ row, px: 0, text: capitaliseHeading(name) });
      row += 1;
      for (const st of group.studies.filter((x) => (x.subgroup ?? '(no subgroup)') === name)) studyRow(st, true);
      const sub = group.pooled.find((p) => p.subgroup === name && p.model === 'random') ?? group.pooled.find((p) => p.subgroup === name && p.model === 'fixed');
      // A subgroup of one study has nothing to pool: its study row is its result, shown once.
      if (sub && sub.k > 1) {
        bold.push({ row, px: 0, text: t.subtotal });
        const members = group.studies.filter((x) => (x.subgroup ?? '(no subgroup)') === name);
        if (showRandomWeight) right.push({ row, px: xWeightRandom, text: pct(members.reduce((a, x) => a + (x.weightRandom ?? 0), 0)) });
        else if (showFixedWeight) right.push({ row, px: xWeightFixed, text: pct(members.reduce((a, x) => a + (x.weightFixed ?? 0), 0)) });
        left.push({ row, px: xEffect, text: effectText(sub.estimate, sub.ciLower, sub.ciUpper) });
        diamond(sub, `sub-${name}`);
        row += 1;
        note(heterogeneityText(sub));
        note(overallText(sub));
      }
      row += 0.5;
    }
    const pooledSubgroups = new Set(subgroupNames);
    for (const st of group.studies.filter((x) => !pooledSubgroups.has(x.subgroup ?? '(no subgroup)'))) studyRow(st);
  } else {
    for (const st of group.studies) studyRow(st);
  }

  const plotTop = 1.6;
  // A total's row: its name, weight 100 %, estimate and CI, and its diamond; then the next row.
  const totalRow = (label: string, total: Parameters<typeof diamond>[0], weightPx: number, kind: 'fixed' | 'random') => {
    bold.push({ row, px: 0, text: label });
    right.push({ row, px: weightPx, text: pct(100) });
    left.push({ row, px: xEffect, text: effectText(total.estimate, total.ciLower, total.ciUpper) });
    diamond(total, kind);
    row += 1;
  };
  if (single) {
    row += 0.5;
    note(t.single);
  } else if (fixed && !random) {
    // Subgroups of one trial: their fixed-effect combination, its test; no heterogeneity, no PI.
    row += 0.5;
    totalRow(t.totalOneTrial, fixed, xWeightFixed, 'fixed');
    note(overallText(fixed));
  } else if (fixed && random) {
    row += 0.5;
    totalRow(t.totalFixed, fixed, xWeightFixed, 'fixed');
    totalRow(t.totalRandom, random, xWeightRandom, 'random');
    if (random.piLower !== null && random.piUpper !== null) {
      left.push({ row, px: 4, text: t.pi }, { row, px: xEffect, text: interval(random.piLower, random.piUpper) });
      piBars.push({ row, x: show(random.piLower), x2: show(random.piUpper), est: show(random.estimate), size: 0 });
      row += 1;
    } else if (random.trials < MIN_PI_TRIALS && fixed.k > 1) {
      note(fillPhrase(t.piFewTrials, { min: MIN_PI_TRIALS }));
    }
    note(heterogeneityText(random));
    note(`${overallText(fixed)} (${t.fixed.toLowerCase()}); ${overallText(random).replace(`${t.overall}: `, '')} (${t.random.toLowerCase()})`);
  }
  const testModel = group.subgroupTests.some((y) => y.model === 'random') ? 'random' : 'fixed';
  for (const x of group.subgroupTests.filter((y) => y.model === testModel)) {
    note(subgroupText(x));
  }
  const plotBottom = (firstNoteRow ?? row) - 0.5;
  const methodBits = overall.headline
    ? [
        // The method in words, not the tool's preset name (a single study is not pooled: no method).
        random && (random.ciMethod === 'z' || random.ciMethod === 'hksj')
          ? capitalise(poolingMethodText({ tau2Method: random.tau2Method, ciMethod: random.ciMethod, ...(random.piLower !== null ? { piDf: random.piDf } : {}), preset: random.preset }, lang))
          : oneTrial ? fillPhrase(t.fixedMethod, { weights: weightWords }) : null,
        s.mcid !== null ? `${t.mcidBand} (${mcidText(s.mcid, lang)}${ratio ? '×' : ''})` : null,
      ].filter((b): b is string => b !== null)
    : [];
  if (methodBits.length > 0) {
    note(methodBits.join('; '), width - 8);
  }
  const rows = row;

  // ── x domain ────────────────────────────────────────────────────────────────────────────
  const bounds: number[] = [];
  for (const m of [...squares, ...piBars]) bounds.push(m.x, m.x2);
  for (const d of diamonds) bounds.push(d.x);
  let domain: [number, number];
  let ticks: number[];
  const tickText = (v: number) => formatFixed(v, decimalsOf(v), lang);
  let mcidLo: number | null = null;
  let mcidHi: number | null = null;
  if (ratio) {
    if (s.mcid !== null) {
      mcidLo = 1 / s.mcid;
      mcidHi = s.mcid;
      bounds.push(s.mcid * 1.1, 1 / (s.mcid * 1.1));
    }
    const maxRatio = Math.max(1.2, ...bounds.map((b) => Math.max(b, 1 / b)));
    const l = niceRatioLimit(maxRatio);
    domain = [1 / l, l];
    // Reciprocal ticks 1/l, 1/m, 1, m, l with m a round number near √l (log-symmetric).
    const middle = [1.5, 2, 3, 5, 10, 20, 50, 100].filter((c) => c > 1 && c < l);
    const m = middle.reduce<number | null>((best, c) => (best === null || Math.abs(Math.log(c / Math.sqrt(l))) < Math.abs(Math.log(best / Math.sqrt(l))) ? c : best), null);
    const r3 = (x: number) => Number(x.toPrecision(3));
    ticks = m === null ? [r3(1 / l), 1, l] : [r3(1 / l), r3(1 / m), 1, m, l];
  } else {
    if (s.mcid !== null) {
      mcidLo = -s.mcid;
      mcidHi = s.mcid;
      bounds.push(s.mcid * 1.15, -s.mcid * 1.15);
    }
    const maxAbs = Math.max(...bounds.map(Math.abs), 1e-9);
    const { limit, step } = niceLinearLimit(maxAbs);
    domain = [-limit, limit];
    ticks = [];
    for (let v = -limit; v <= limit + step / 2; v += step) ticks.push(Number(v.toFixed(10)));
    // Labels that would nearly touch ("−7,5" beside "−5" on a narrow plot): every other tick,
    // 0 kept, until each label has its width and a gap of room (the plot's width is fixed).
    const room = () => plotPx / Math.max(1, ticks.length - 1);
    for (let k = 1; ticks.length > 3 && room() < Math.max(...ticks.map((v) => w(tickText(v)))) + TICK_GAP_PX; k *= 2) {
      ticks = ticks.filter((v) => Math.round(v / step / k) % 2 === 0);
    }
  }
  const noEffect = ratio ? 1 : 0;
  const plotHeight = (rows + extraHeaderRows) * ROW_PX;
  const xScale = { type: ratio ? ('log' as const) : ('linear' as const), domain, range: [plotX0, plotX1], nice: false, zero: false };
  const yRow = { field: 'row', type: 'quantitative' as const, scale: { domain: [-0.6 - extraHeaderRows, rows - 0.4], range: [0, plotHeight], nice: false, zero: false }, axis: null };

  const favours = options.favours ?? { intervention: fillArms(t.favoursApp, arms), control: fillArms(t.favoursControl, arms) };
  // The effect is turned so that benefit lies right for every outcome: right always favours the intervention.
  // Each label at its end of the axis; when the two do not fit side by side, each is wrapped to
  // its share of the plot's width (docs/report-trial.md#print).
  const [leftFavours, rightFavours] = favoursLines(`← ${favours.control}`, `${favours.intervention} →`, plotPx);
  // The axis title no wider than the plot and its 10 px right margin allow (centred under the plot): broken after the operator ("MD, usual care −" / "app").
  const axisTitle = splitAt(`${measure}, ${first} ${op}`, second, plotPx + 16, {}, 3);
  const favoursY = plotHeight + FAVOURS_DY + (axisTitle.length - 1) * LINE_PX;

  // Each tick printed as the cells beside it print numbers (formatFixed: grouped, the language's
  // decimal mark, never an exponent): vega's '.4~g' wrote a meta-analysis of costs as "−2e+4".
  const xAxis = {
    values: ticks, labelExpr: tickLabelExpr(ticks, tickText), labelOverlap: false, title: axisTitle.length === 1 ? axisTitle[0] : axisTitle, titleFontSize: FONT_SIZE, titleFontWeight: 'normal', titleColor: '#222', titlePadding: 4,
    labelFontSize: FONT_SIZE, grid: false, domainColor: '#222', tickColor: '#222', labelColor: '#222',
  };
  const textLayer = (cells: Cell[], align: 'left' | 'right' | 'center', extra: Record<string, unknown> = {}) => ({
    data: { values: cells },
    mark: { type: 'text' as const, align, baseline: 'middle' as const, fontSize: FONT_SIZE, ...extra },
    encoding: { x: { field: 'px', type: 'quantitative' as const, scale: null }, y: yRow, text: { field: 'text', type: 'nominal' as const } },
  });
  const layers: unknown[] = [];
  if (mcidLo !== null && mcidHi !== null) {
    // ±MCID drawn as in every chart: dashed grey lines, no band (MCID_RULE, docs/colours.md).
    layers.push({
      data: { values: [{ x: mcidLo }, { x: mcidHi }] },
      mark: { type: 'rule', ...MCID_RULE, strokeWidth: 1 },
      encoding: { x: { field: 'x', type: 'quantitative', scale: xScale, axis: xAxis }, y: { datum: plotTop, ...yRowNoField(yRow) }, y2: { datum: plotBottom } },
    });
  }
  layers.push(
    {
      data: { values: [{ x: noEffect }] },
      mark: { type: 'rule', color: '#222', strokeWidth: 1 },
      encoding: { x: { field: 'x', type: 'quantitative', scale: xScale, axis: xAxis }, y: { datum: plotTop, ...yRowNoField(yRow) }, y2: { datum: plotBottom } },
    },
    {
      data: { values: [{ px0: 0, px1: width - 10, row: 1.55 }] },
      mark: { type: 'rule', color: '#888', strokeWidth: 0.8 },
      encoding: { x: { field: 'px0', type: 'quantitative', scale: null }, x2: { field: 'px1' }, y: yRow },
    },
    {
      data: { values: squares.filter((m) => m.size > 0) },
      mark: { type: 'rule', color: '#222', strokeWidth: 1.2 },
      encoding: { x: { field: 'x', type: 'quantitative' }, x2: { field: 'x2' }, y: yRow },
    },
    {
      data: { values: squares },
      mark: { type: 'point', shape: 'square', filled: true, color: ESTIMATE_COLOUR, opacity: 1 },
      encoding: { x: { field: 'est', type: 'quantitative' }, y: yRow, size: { field: 'size', type: 'quantitative', scale: null } },
    },
    {
      data: { values: piBars },
      mark: { type: 'rule', color: PALETTE.grey, strokeWidth: 4 },
      encoding: { x: { field: 'x', type: 'quantitative' }, x2: { field: 'x2' }, y: yRow },
    },
    {
      data: { values: diamonds },
      mark: { type: 'area', orient: 'vertical', color: '#111', opacity: 1 },
      encoding: {
        x: { field: 'x', type: 'quantitative', scale: xScale, axis: xAxis },
        y: { ...yRow, field: 'y' },
        y2: { field: 'y2' },
        detail: { field: 'id', type: 'nominal' },
      },
    },
    textLayer(left, 'left'),
    textLayer(right, 'right'),
    textLayer(centre, 'center', { fontWeight: 'bold' }),
    textLayer(bold, 'left', { fontWeight: 'bold' }),
    textLayer(small, 'left', { fontSize: FONT_SIZE, color: '#333' }),
    {
      // A label of one line is a string, of several an array (vega draws it as lines).
      data: { values: [{ px: plotX0, text: oneOrLines(leftFavours) }, { px: plotX1, text: oneOrLines(rightFavours), right: true }] },
      transform: [{ calculate: 'datum.right ? 1 : 0', as: 'side' }],
      layer: [
        {
          transform: [{ filter: 'datum.side == 0' }],
          mark: { type: 'text', align: 'left', baseline: 'top', fontSize: FONT_SIZE, lineHeight: LINE_PX, dy: 0 },
          encoding: { x: { field: 'px', type: 'quantitative', scale: null }, y: { value: favoursY }, text: { field: 'text' } },
        },
        {
          transform: [{ filter: 'datum.side == 1' }],
          mark: { type: 'text', align: 'right', baseline: 'top', fontSize: FONT_SIZE, lineHeight: LINE_PX },
          encoding: { x: { field: 'px', type: 'quantitative', scale: null }, y: { value: favoursY }, text: { field: 'text' } },
        },
      ],
    },
  );

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      // The subgroup in the title when every row is one subgroup's: a subgroup result must never read as the trial's.
      text: `${outcomeName(s, group.studies, lang)} — ${timeLabel(s.time, lang)}`,
      // Wrapped to the chart's width: a longer line would widen the chart (two-lines.ts).
      subtitle: oneOrLines(wrapForVega(`${forestTrialCount(group.studies, lang)}; ${ratio && !flipped ? measure : effectName}${s.mcid !== null ? `; ${lang === 'da' ? 'MKRF' : 'MCID'} ${mcidText(s.mcid, lang)}` : ''}`, width)),
    },
    width,
    height: plotHeight,
    config: {
      ...baseChartConfig(lang),
      title: { fontSize: 14, fontWeight: 'normal', subtitleFontSize: 11, subtitleColor: '#444', anchor: 'start', offset: 8 },
    },
    layer: layers,
  } as TopLevelSpec;
}

/** An MCID as given (up to 3 significant digits), in the language's number format. */
function mcidText(mcid: number, lang: Lang): string {
  const v = Number(mcid.toPrecision(3));
  const decimals = (String(v).split('.')[1] ?? '').length;
  return formatFixed(v, decimals, lang);
}

/** The row scale without its field, for `datum` encodings on the same y scale. */
function yRowNoField<T extends { field: string }>(y: T): Omit<T, 'field'> {
  const { field: _field, ...rest } = y;
  return rest;
}

/** The x where the plot's centred header (the measure, bold) starts. */
function xPlotHeader(plotX0: number, plotX1: number, measure: string): number {
  return (plotX0 + plotX1) / 2 - fittedWidth([measure], { bold: true }) / 2;
}

/**
 * "head tail" on one line when it fits `room`, else "head" / "tail" on two when each fits, else
 * wrapped to `maxLines` (two-lines.ts `fitLines`).
 */
function splitAt(head: string, tail: string, room: number, style: { bold?: boolean }, maxLines = 2): string[] {
  const whole = `${head} ${tail}`;
  if (fittedWidth([whole], style) <= room) return [whole];
  if (fittedWidth([head, tail], style) <= room) return [head, tail];
  return fitLines(whole, room, maxLines, style);
}

/**
 * The two favours labels, left and right under the plot, never wider together than the plot less
 * a gap: each on one line when both fit side by side; else each wrapped (at most three lines) to
 * half the plot, and each then rewrapped to the room the other one leaves.
 */
export function favoursLines(left: string, right: string, plotPx: number): [string[], string[]] {
  const room = plotPx - GAP_PX;
  if (fittedWidth([left]) + fittedWidth([right]) <= room) return [[left], [right]];
  let l = fitLines(left, room / 2, 3);
  const r = fitLines(right, room - fittedWidth(l), 3);
  l = fitLines(left, room - fittedWidth(r), 3);
  return [l, r];
}

/**
 * A note in lines no wider than `room`, broken after its "; " first (each clause whole on a line
 * where it fits: "… (fixed);" / "Z = 2.81 … (random)"), a clause longer than a line wrapped on its own.
 */
function noteLines(text: string, room: number): string[] {
  const clauses = text.split('; ');
  const lines: string[] = [];
  clauses.forEach((clause, i) => {
    const part = i < clauses.length - 1 ? `${clause};` : clause;
    const last = lines.at(-1);
    if (last !== undefined && last.endsWith(';') && fittedWidth([`${last} ${part}`]) <= room) lines[lines.length - 1] = `${last} ${part}`;
    else lines.push(...fitLines(part, room, 3));
  });
  return lines;
}

const oneOrLines = (lines: string[]): string | string[] => (lines.length === 1 ? lines[0]! : lines);

/**
 * The figure's numbers (html-page.ts shows them under the chart): the forest's own text cells,
 * read back from its spec, so chart and table cannot disagree — a row per line of the chart
 * (study, subtotal, total, notes), a column per column of its header (the arm's mean, SD and
 * total, the weights, the effect with its CI). The plot's markers are those numbers drawn.
 */
export function metaForestNumbers(spec: TopLevelSpec): Table {
  type Placed = Cell & { align: string; bold: boolean };
  const cells: Placed[] = [];
  for (const l of (spec as unknown as { layer: { data?: { values?: unknown[] }; mark?: { type?: string; align?: string; fontWeight?: string } }[] }).layer) {
    if (l.mark?.type !== 'text') continue;
    for (const v of (l.data?.values ?? []) as Partial<Cell>[]) {
      if (typeof v.row === 'number' && typeof v.px === 'number' && typeof v.text === 'string') cells.push({ row: v.row, px: v.px, text: v.text, ...(v.cont ? { cont: true } : {}), align: l.mark.align ?? 'left', bold: l.mark.fontWeight === 'bold' });
    }
  }
  // Columns: the header's second line, but the plot's own heading (centred over the plot).
  const columns = cells.filter((c) => c.row === 1 && c.align !== 'center').sort((a, b) => a.px - b.px);
  const groups = cells.filter((c) => c.row <= 0 && c.align === 'center');
  const above = cells.filter((c) => c.row < 1 && c.align === 'left');
  const header = columns.map((c) => {
    // An arm's or the weights' name over its sub-columns; a turned difference's words over the effect.
    const nearest = c.align === 'right' ? [...groups].sort((a, b) => Math.abs(a.px - c.px) - Math.abs(b.px - c.px))[0] : undefined;
    // (An arm's name on two lines is two cells at one x: read whole.)
    const group = nearest && { text: groups.filter((g) => g.px === nearest.px).sort((a, b) => a.row - b.row).map((g) => g.text).join(' ') };
    const over = above.filter((a) => a.px === c.px).sort((a, b) => a.row - b.row).map((a) => a.text);
    // The weights as docs/glossary-da.md names them: "Vægt (fast)", "Weight (fixed)".
    if (group && WEIGHT_WORDS.has(group.text)) return `${group.text} (${c.text.toLowerCase()})`;
    return [...(group ? [`${group.text}:`] : []), ...over, c.text].join(' ');
  });
  const columnOf = (c: Placed): number => {
    const exact = columns.findIndex((h) => h.px === c.px);
    if (exact >= 0) return exact;
    if (columns.length < 2 || c.px < columns[1]!.px) return 0;
    return columns.reduce((best, h, i) => (Math.abs(h.px - c.px) < Math.abs(columns[best]!.px - c.px) ? i : best), 0);
  };
  const rowNumbers = [...new Set(cells.filter((c) => c.row >= 2).map((c) => c.row))].sort((a, b) => a - b);
  const rows = rowNumbers.map((r) => {
    const out = header.map(() => '');
    for (const c of cells.filter((x) => x.row === r).sort((a, b) => a.px - b.px)) {
      const i = columnOf(c);
      out[i] = out[i] ? `${out[i]} ${c.text}` : c.text;
    }
    // A table's cell in words starts with a capital, as every table of the pages ("High physical
    // demands"); a note's wrapped line goes on its sentence.
    if (!cells.some((x) => x.row === r && x.cont)) out[0] = capitaliseHeading(out[0]!);
    return out;
  });
  return { header, rows, align: header.map((_, i) => (i === 0 ? 'left' : 'right')) };
}

/**
 * The trials as Table 1 counts them — those pooled — and the trials shown but not pooled (no
 * interval reported) after them, so the plot and the table say one count (docs/input-studies.md,
 * "How the meta report labels evidence").
 */
export function forestTrialCount(studies: readonly MetaStudyRow[], lang: Lang): string {
  const pooled = studies.filter((x) => x.pooled);
  const count = trialCountText(pooled.length > 0 ? pooled : studies, lang);
  const inPool = new Set(pooled.map((x) => x.study));
  const shownOnly = pooled.length === 0 ? 0 : new Set(studies.filter((x) => !inPool.has(x.study)).map((x) => x.study)).size;
  if (shownOnly === 0) return count;
  return `${count} (+${shownOnly} ${lang === 'da' ? 'vist, ikke poolet' : 'shown, not pooled'})`;
}

/** The fewest decimals that write `v` exactly (up to 10): 0.333 → 3, 20000 → 0, 1e-7 → 7. */
function decimalsOf(v: number): number {
  for (let d = 0; d < 10; d++) if (Number(v.toFixed(d)) === v) return d;
  return 10;
}

/** A vega label expression naming each tick value by `text` (a value not among them keeps vega's label). */
export function tickLabelExpr(ticks: readonly number[], text: (v: number) => string): string {
  return ticks.reduceRight((rest, v) => `datum.value === ${JSON.stringify(v)} ? ${JSON.stringify(text(v))} : ${rest}`, 'datum.label');
}
