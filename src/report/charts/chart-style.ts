/**
 * The look every trial chart shares: the shipped font, the Okabe–Ito colour-blind-safe palette
 * with one fixed colour per arm (the same in every chart), readable sizes; bold where it helps
 * (the PNG step loads the bold face too).
 */
import type { Config } from 'vega-lite';
import { CHART_FONT_FAMILY } from '../render/chart-font.js';
import type { Relevance } from '../../judge/relevance.js';
import type { Arm } from '../../trial/trial-data.js';
import type { Lang } from '../i18n.js';

/** Okabe & Ito (2008), "Color Universal Design". */
export const PALETTE = {
  blue: '#0072B2', vermillion: '#D55E00', orange: '#E69F00', green: '#009E73', skyBlue: '#56B4E9',
  purple: '#CC79A7', black: '#000000', grey: '#6F6F6F', lightGrey: '#EDEDED',
  /** Reference lines and points within limits in the uptake charts. */
  midGrey: '#7F7F7F',
} as const;

/**
 * App: blue; usual care: vermillion — distinguishable in every common colour-vision deficiency.
 * One meaning per colour across all reports (the colour plan: docs/colours.md): these two (and
 * sky blue, which reads as "blue") mean the arms and nothing else; regions, verdicts and
 * methods each have their own colours below, and everything else is grey
 * (test/report/chart-colours.test.ts checks every bundled chart against COLOUR_PLAN).
 */
export const ARM_COLOURS: Readonly<Record<Arm, string>> = { intervention: PALETTE.blue, control: PALETTE.vermillion };

/** Colours reserved for the arms: no other category may use them. */
export const ARM_ONLY_COLOURS: readonly string[] = [PALETTE.blue, PALETTE.vermillion, PALETTE.skyBlue];

/**
 * Regions (the only unordered categories that are not arms): Paul Tol's "muted" qualitative
 * palette (colour-blind safe) without its blues and its rose (too near vermillion), its olive and
 * teal darkened to reach 3:1 on white (WCAG 2.1 1.4.11: #999933 was 3.0:1, #44AA99 2.8:1);
 * regions only — no method, flag or verdict may use them.
 */
export const CATEGORY_COLOURS: readonly string[] = ['#117733', '#882255', '#77772A', '#AA4499', '#337F72'];

/**
 * Ordered categories that are not arms (funnel stages, low → high scenarios): shades of grey,
 * dark → light, the lightest still 3.2:1 on white. Greys never identify a category by colour
 * alone: a label, a shape or the position says which.
 */
export const GREY_SHADES: readonly string[] = ['#262626', '#4D4D4D', '#6B6B6B', '#8F8F8F'];

/** An estimate that belongs to no arm (a study's square, a group's rate, a clinic): near-black. */
export const ESTIMATE_COLOUR = '#333333';

/** Flags in the uptake charts (clinics outside the funnel limits): neutral, told apart by shape and size (docs/colours.md). */
export const FLAG_COLOURS = { within: PALETTE.midGrey, outside95: '#333333', outside998: PALETTE.black } as const;

/** Estimators in the registry chart (crude, weighted regression, AIPW): greys, told apart by shape and the row label. */
export const METHOD_STYLE = [
  { colour: '#737373', shape: 'circle' },
  { colour: '#333333', shape: 'square' },
  { colour: PALETTE.black, shape: 'diamond' },
] as const;

/** The verdict "harm" in the forests: a dark reddish purple (Okabe–Ito's purple darkened), never the usual-care arm's vermillion. */
export const HARM_COLOUR = '#A1457F';

/**
 * ±MCID is drawn one way in every chart: dashed grey lines (no band), named "dashed: ±1 MCID"
 * (docs/colours.md).
 */
export const MCID_RULE = { strokeDash: [4, 3], color: PALETTE.grey } as const;

/** Verdict colours: benefit green, harm purple, not relevant sky blue, ruled out grey, open orange (relevance not ruled out). */
export const RELEVANCE_COLOURS: Readonly<Record<Relevance, string>> = {
  'relevant-benefit': PALETTE.green,
  'possibly-relevant-benefit': PALETTE.green,
  'significant-not-relevant': PALETTE.skyBlue,
  'significant-relevance-uncertain': PALETTE.orange,
  'no-relevant-difference': PALETTE.grey,
  inconclusive: PALETTE.orange,
  'significant-harm-not-relevant': PALETTE.purple,
  'significant-harm-relevance-uncertain': PALETTE.purple,
  'possibly-relevant-harm': PALETTE.purple,
  'relevant-harm': PALETTE.purple,
};

export const FONT_SIZE = 11;

/**
 * The least gap, in px, between two axis labels: closer ones are thinned (vega's label overlap
 * rule). vega now measures labels by the font's real widths (render/text-metrics.ts), so labels
 * it keeps can sit 1 px apart ("90%100%"); a third of a character's width keeps them readable.
 */
export const LABEL_SEPARATION = 4;
export const ROW_HEIGHT = 22;

/**
 * No per-mark ARIA attributes: they repeat the data mark by mark ("key: rmdq|3m; …") while the
 * page already labels each chart as one image with its alt text; without them vega draws ~20%
 * faster and the SVGs are a quarter smaller.
 */
export const CHART_ARIA = false;

/**
 * Number formats of the chart's axes, labels and tooltips (d3-format locale, applied by vega to
 * every `format`): Danish writes 1.586 and 0,74 and "45 %" (docs/glossary-da.md); English is
 * d3's default (1,586, 0.74, 45%) and needs none.
 */
export const DANISH_NUMBER_LOCALE = { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' kr.'], minus: '\u2212', percent: '\u00a0%' } as const;

/** Danish month and day names for time axes (d3-time-format locale): "jan. 2025", not "Jan 2025". */
export const DANISH_TIME_LOCALE = {
  dateTime: '%A den %d. %B %Y %X', date: '%d.%m.%Y', time: '%H:%M:%S', periods: ['AM', 'PM'],
  days: ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'],
  shortDays: ['søn', 'man', 'tir', 'ons', 'tor', 'fre', 'lør'],
  months: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  shortMonths: ['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'],
} as const;

/** What every chart shares: the font, no per-mark ARIA, a white padded background, no view frame; Danish number and date formats for `da`. */
export function baseChartConfig(lang: Lang = 'en') {
  const common = { aria: CHART_ARIA, font: CHART_FONT_FAMILY, background: 'white', padding: 12, view: { stroke: null } } as const;
  return lang === 'da' ? { ...common, locale: { number: DANISH_NUMBER_LOCALE, time: DANISH_TIME_LOCALE } } : common;
}

/** The trial and uptake charts' look (the meta forest plot sets its own titles on the base). */
export function chartConfig(lang: Lang = 'en'): Config {
  return {
    ...(baseChartConfig(lang) as Config),
    title: { fontSize: 15, fontWeight: 'normal', subtitleFontSize: 11, subtitleColor: '#444', anchor: 'start', offset: 12 },
    axis: { labelFontSize: FONT_SIZE, titleFontSize: 12, titleFontWeight: 'normal', labelColor: '#222', titleColor: '#222', gridColor: '#e4e4e4', labelLimit: 260, labelSeparation: LABEL_SEPARATION },
    legend: { labelFontSize: FONT_SIZE, titleFontSize: 12, titleFontWeight: 'normal', labelLimit: 260 },
    header: { labelFontSize: 12, titleFontSize: 12, labelFontWeight: 'normal', titleFontWeight: 'normal' },
    text: { fontSize: FONT_SIZE, font: CHART_FONT_FAMILY },
    concat: { spacing: 12 },
  };
}
