/**
 * The look every trial chart shares: the shipped font, the Okabe–Ito colour-blind-safe palette
 * with one fixed colour per arm (the same in every chart), readable sizes; bold where it helps
 * (the PNG step loads the bold face too).
 */
import type { Config } from 'vega-lite';
import { CHART_FONT_FAMILY } from '../render/chart-font.js';
import type { Relevance } from '../../judge/relevance.js';
import type { Arm } from '../../trial/trial-data.js';

/** Okabe & Ito (2008), "Color Universal Design". */
export const PALETTE = {
  blue: '#0072B2', vermillion: '#D55E00', orange: '#E69F00', green: '#009E73', skyBlue: '#56B4E9',
  purple: '#CC79A7', black: '#000000', grey: '#6F6F6F', lightGrey: '#EDEDED',
  /** Reference lines and points within limits in the uptake charts. */
  midGrey: '#7F7F7F',
} as const;

/** App: blue; usual care: vermillion — distinguishable in every common colour-vision deficiency. */
export const ARM_COLOURS: Readonly<Record<Arm, string>> = { intervention: PALETTE.blue, control: PALETTE.vermillion };

/** Verdict colours: benefit green, harm purple, not relevant sky blue, ruled out grey, open orange. */
export const RELEVANCE_COLOURS: Readonly<Record<Relevance, string>> = {
  'relevant-benefit': PALETTE.green,
  'possibly-relevant-benefit': PALETTE.green,
  'significant-not-relevant': PALETTE.skyBlue,
  'no-relevant-difference': PALETTE.grey,
  inconclusive: PALETTE.orange,
  'significant-harm-not-relevant': PALETTE.purple,
  'possibly-relevant-harm': PALETTE.purple,
  'relevant-harm': PALETTE.purple,
};

export const FONT_SIZE = 11;
export const ROW_HEIGHT = 22;

/**
 * No per-mark ARIA attributes: they repeat the data mark by mark ("key: rmdq|3m; …") while the
 * page already labels each chart as one image with its alt text; without them vega draws ~20%
 * faster and the SVGs are a quarter smaller.
 */
export const CHART_ARIA = false;

/** What every chart shares: the font, no per-mark ARIA, a white padded background, no view frame. */
export function baseChartConfig() {
  return { aria: CHART_ARIA, font: CHART_FONT_FAMILY, background: 'white', padding: 12, view: { stroke: null } } as const;
}

/** The trial and uptake charts' look (the meta forest plot sets its own titles on the base). */
export function chartConfig(): Config {
  return {
    ...baseChartConfig(),
    title: { fontSize: 15, fontWeight: 'normal', subtitleFontSize: 11, subtitleColor: '#444', anchor: 'start', offset: 12 },
    axis: { labelFontSize: FONT_SIZE, titleFontSize: 12, titleFontWeight: 'normal', labelColor: '#222', titleColor: '#222', gridColor: '#e4e4e4', labelLimit: 260 },
    legend: { labelFontSize: FONT_SIZE, titleFontSize: 12, titleFontWeight: 'normal', labelLimit: 260 },
    header: { labelFontSize: 12, titleFontSize: 12, labelFontWeight: 'normal', titleFontWeight: 'normal' },
    text: { fontSize: FONT_SIZE, font: CHART_FONT_FAMILY },
    concat: { spacing: 12 },
  };
}
