/**
 * The three charts of the `registry` report (docs/observational.md): the crude and adjusted
 * effects against the MCID, the love plot (|SMD| before and after weighting) and the overlap of
 * the propensity scores (percentiles only: no individual score is drawn).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ObservationalAnalysis } from '../../observational/observational-results-schema.js';
import { REGISTRY_TEXT } from '../../observational/registry-report-text.js';
import { type ArmNames, defaultArmNames, fillArms } from '../arm-names.js';
import { formatFixed, type Lang, timeLabel } from '../i18n.js';
import { ARM_COLOURS, chartConfig, ESTIMATE_COLOUR, GREY_SHADES, MCID_RULE, METHOD_STYLE, PALETTE } from './chart-style.js';

/**
 * Crude, weighted regression, AIPW: methods are neither arms nor regions, so greys told apart by
 * shape (and the row label) — one meaning per colour (docs/colours.md).
 */
const METHOD_COLOURS = METHOD_STYLE.map((m) => m.colour) as string[];
const METHOD_SHAPES = METHOD_STYLE.map((m) => m.shape) as string[];

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const METHOD_NAMES = {
  crude: { en: 'crude', da: 'ujusteret' },
  'weighted-regression': { en: 'weighted regression', da: 'vægtet regression' },
  aipw: { en: 'AIPW', da: 'AIPW' },
} as const;

const PANEL_WIDTH = 420;

const pct = (v: number | null) => (v === null ? null : 100 * v);

/**
 * One panel per analysis with an MCID: benefit and CI per method, dashed lines at ±MCID. The
 * benefit (positive favours the app) is printed beside each CI, and every panel says "← favours
 * usual care | favours app →" above its plot: the one direction of every forest
 * (docs/report-trial.md#one-direction-in-every-forest).
 */
/** Gap between the panel's right edge and the column of printed benefits. */
const LABEL_GAP = 10;

export function registryEffectsSpec(analyses: readonly ObservationalAnalysis[], lang: Lang, arms: ArmNames = defaultArmNames(lang)): TopLevelSpec {
  const methods = Object.values(METHOD_NAMES).map((m) => m[lang]);
  const values = analyses.flatMap((a) =>
    a.effects.flatMap((e) =>
      e.benefit === null || e.mcid === null
        ? []
        : [{
            ...(e.kind === 'risk-difference'
              // A proportion in percentage points, as the table and the trial report (results.json keeps the proportion).
              ? { panel: `${a.label}, ${timeLabel(a.time, lang)} (${REGISTRY_TEXT.percentagePoints[lang]})`, benefit: 100 * e.benefit, lo: pct(e.benefitCiLower), hi: pct(e.benefitCiUpper), mcid: 100 * e.mcid, minus: -100 * e.mcid, label: `${formatFixed(100 * e.benefit, 1, lang)}${lang === 'da' ? ' %-point' : ' pp'}` }
              // The benefit as plotted, two decimals (the effects table below gives the units and the CI).
              : { panel: `${a.label}, ${timeLabel(a.time, lang)}`, benefit: e.benefit, lo: e.benefitCiLower, hi: e.benefitCiUpper, mcid: e.mcid, minus: -e.mcid, label: formatFixed(e.benefit, 2, lang) }),
            method: METHOD_NAMES[e.method][lang],
          }],
    ),
  );
  // Mid-sentence the plan's group names start in lower case ("← Favours non-users"), an
  // abbreviation ("GP users") as it is.
  const inSentence = (label: string) => (/^.[A-ZÆØÅ]/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1));
  const named = { ...arms, intervention: inSentence(arms.intervention), control: inSentence(arms.control), theIntervention: inSentence(arms.theIntervention), theControl: inSentence(arms.theControl) };
  const favours = [
    { text: fillArms(REGISTRY_TEXT.favoursControl[lang], named), px: 0, align: 'left' },
    { text: fillArms(REGISTRY_TEXT.favoursApp[lang], named), px: PANEL_WIDTH, align: 'right' },
  ] as const;
  const panels = [...new Set(values.map((v) => v.panel))];
  // A little room beyond the data: the printed benefits are in their own column (below).
  const padding = 18;
  return {
    $schema: SCHEMA,
    title: { text: REGISTRY_TEXT.effectsTitle[lang] },
    config: chartConfig(lang),
    data: { values },
    facet: { row: { field: 'panel', type: 'nominal', sort: panels, title: null, header: { labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top' } } },
    resolve: { scale: { x: 'independent' } },
    spec: {
      width: PANEL_WIDTH,
      height: 22 * methods.length,
      layer: [
        ...favours.map((f) => ({
          data: { values: [{}] },
          mark: { type: 'text', align: f.align, baseline: 'bottom', fontSize: 11, color: '#222' },
          encoding: { x: { value: f.px }, y: { value: -4 }, text: { datum: f.text } },
        })),
        { mark: { type: 'rule', ...MCID_RULE }, encoding: { x: { field: 'mcid', type: 'quantitative' } } },
        { mark: { type: 'rule', ...MCID_RULE }, encoding: { x: { field: 'minus', type: 'quantitative' } } },
        { mark: { type: 'rule', color: PALETTE.black }, encoding: { x: { datum: 0, type: 'quantitative' } } },
        {
          mark: { type: 'rule', strokeWidth: 2 },
          encoding: {
            y: { field: 'method', type: 'nominal', sort: methods, title: null },
            // About seven ticks: vega's default (one per 40 px) is so dense that it drops every
            // other label, which could drop 0.
            x: { field: 'lo', type: 'quantitative', title: fillArms(REGISTRY_TEXT.benefitAxis[lang], named).split('|'), scale: { padding }, axis: { tickCount: 7 } },
            x2: { field: 'hi' },
            color: { field: 'method', type: 'nominal', sort: methods, scale: { domain: methods, range: METHOD_COLOURS }, legend: null },
          },
        },
        {
          // Opaque: Vega-Lite draws a point mark that sets no opacity at 0.7, and the crude estimate's
          // grey then showed 2.7:1 on white (docs/colours.md, "Contrast").
          mark: { type: 'point', filled: true, size: 70, opacity: 1 },
          encoding: {
            y: { field: 'method', type: 'nominal', sort: methods },
            x: { field: 'benefit', type: 'quantitative' },
            color: { field: 'method', type: 'nominal', sort: methods, scale: { domain: methods, range: METHOD_COLOURS }, legend: null },
            shape: { field: 'method', type: 'nominal', sort: methods, scale: { domain: methods, range: METHOD_SHAPES }, legend: null },
          },
        },
        {
          // The printed benefit in a column right of the panel, clear of every whisker, marker and
          // MCID line (past the CI's end, "3,52" was drawn over the dashed MCID line and, in a
          // browser's wider font, the whisker); its sign says the marker's side of 0.
          mark: { type: 'text', align: 'left', baseline: 'middle', fontSize: 11, color: '#222' },
          encoding: { y: { field: 'method', type: 'nominal', sort: methods }, x: { value: PANEL_WIDTH + LABEL_GAP }, text: { field: 'label' } },
        },
      ],
    },
  } as TopLevelSpec;
}

/** |SMD| per balance term before (open) and after (filled) weighting, with the threshold. */
export function registryLovePlotSpec(analysis: ObservationalAnalysis, threshold: number, lang: Lang, termLabel: (term: string) => string = (t) => t): TopLevelSpec {
  const when = [REGISTRY_TEXT.before[lang], REGISTRY_TEXT.after[lang]];
  // Suppressed rows (docs/observational.md, "Small counts") are left out; the table shows the marker.
  const shown = analysis.balance.flatMap((b) => (b.smdBefore === 'suppressed' || b.smdAfter === 'suppressed' ? [] : [{ term: b.term, smdBefore: b.smdBefore, smdAfter: b.smdAfter }]));
  // Each term in words ("Sex: female"), in the analysis' order.
  const terms = shown.map((b) => termLabel(b.term));
  const values = shown.flatMap((b) => [
    { term: termLabel(b.term), when: when[0], smd: Math.abs(b.smdBefore ?? 0) },
    { term: termLabel(b.term), when: when[1], smd: Math.abs(b.smdAfter ?? 0) },
  ]);
  return {
    $schema: SCHEMA,
    title: { text: REGISTRY_TEXT.balanceTitle[lang] },
    config: chartConfig(lang),
    width: 420,
    height: 22 * terms.length,
    layer: [
      { data: { values: [{ t: threshold }] }, mark: { type: 'rule', strokeDash: [4, 3], color: PALETTE.grey }, encoding: { x: { field: 't', type: 'quantitative' } } },
      {
        data: { values },
        // Opaque (Vega-Lite's default 0.7 showed the "before weighting" grey at 2.9:1: docs/colours.md).
        mark: { type: 'point', size: 70, filled: true, opacity: 1 },
        encoding: {
          y: { field: 'term', type: 'nominal', sort: terms, title: null },
          x: { field: 'smd', type: 'quantitative', title: REGISTRY_TEXT.absSmd[lang], scale: { zero: true } },
          color: { field: 'when', type: 'nominal', sort: when, title: null, scale: { domain: when, range: [GREY_SHADES[2], ESTIMATE_COLOUR] }, legend: { orient: 'bottom' } },
          shape: { field: 'when', type: 'nominal', sort: when, scale: { domain: when, range: ['circle', 'diamond'] }, legend: null },
        },
      },
    ],
  } as TopLevelSpec;
}

/** Propensity-score percentiles per group: 5–95% line, 25–75% box, median tick, on [0, 1]. */
export function registryOverlapSpec(analysis: ObservationalAnalysis, groups: { exposed: string; unexposed: string }, lang: Lang): TopLevelSpec {
  const q = analysis.propensity?.quantiles;
  // Hidden percentiles (docs/observational.md, "Small counts", rule 9) draw nothing; the report leaves the chart out.
  const rows = q
    ? (['exposed', 'unexposed'] as const).flatMap((g) => {
        const v = q[g];
        return typeof v === 'string' ? [] : [{ group: groups[g], arm: g, p5: v[0], p25: v[1], p50: v[2], p75: v[3], p95: v[4] }];
      })
    : [];
  const order = [groups.exposed, groups.unexposed];
  const colour = { field: 'group', type: 'nominal', sort: order, scale: { domain: order, range: [ARM_COLOURS.intervention, ARM_COLOURS.control] }, legend: null } as const;
  const x = { type: 'quantitative' as const, scale: { domain: [0, 1] } };
  return {
    $schema: SCHEMA,
    title: { text: REGISTRY_TEXT.overlapTitle[lang] },
    config: chartConfig(lang),
    width: 420,
    height: 90,
    data: { values: rows },
    layer: [
      { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y: { field: 'group', type: 'nominal', sort: order, title: null }, x: { ...x, field: 'p5', title: REGISTRY_TEXT.propensity[lang] }, x2: { field: 'p95' }, color: colour } },
      // The box in the full arm colour (at 0.5 over white it showed 1.9–2.2:1, below WCAG's 3:1 for
      // graphics: docs/colours.md); the black median tick keeps ≥ 4:1 on either arm colour.
      { mark: { type: 'bar', size: 16 }, encoding: { y: { field: 'group', type: 'nominal', sort: order }, x: { ...x, field: 'p25' }, x2: { field: 'p75' }, color: colour } },
      { mark: { type: 'tick', thickness: 2, size: 22 }, encoding: { y: { field: 'group', type: 'nominal', sort: order }, x: { ...x, field: 'p50' }, color: { value: PALETTE.black } } },
    ],
  } as TopLevelSpec;
}
