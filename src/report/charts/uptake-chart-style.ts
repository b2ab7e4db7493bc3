/**
 * Shared look of the uptake charts: one font (the file shipped for SVG → PNG), the Okabe–Ito
 * colour-blind-safe palette, readable axis sizes, and the small helpers that keep suppressed
 * values ("<5", "suppressed") out of the plotted numbers.
 */
import type { Config } from 'vega-lite';
import type { Scope } from '../../uptake/aggregate.js';
import { REGIONS } from '../../uptake/referral.js';
import type { Lang } from '../i18n.js';
import { chartConfig } from './chart-style.js';

/** The family in every spec's `config.font`; rendering loads DejaVuSans-subset.ttf under this name. */
export const CHART_FONT = 'DejaVu Sans';

/** Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision deficiency. */
export const OKABE_ITO = {
  blue: '#0072B2', orange: '#E69F00', green: '#009E73', purple: '#CC79A7',
  skyBlue: '#56B4E9', vermillion: '#D55E00', yellow: '#F0E442', black: '#000000', grey: '#7F7F7F',
} as const;

/** One fixed colour per region (and black for the whole country), the same in every chart. */
export const SCOPE_COLOURS: Readonly<Record<Scope, string>> = {
  Hovedstaden: OKABE_ITO.blue, Midtjylland: OKABE_ITO.orange, Syddanmark: OKABE_ITO.green,
  Sjælland: OKABE_ITO.purple, Nordjylland: OKABE_ITO.vermillion, national: OKABE_ITO.black,
};

export const SCOPE_ORDER: readonly Scope[] = [...REGIONS, 'national'];

/** The look every hta chart shares (chart-style.ts): the same titles, axes and legends as the trial charts. */
export function uptakeChartConfig(): Config {
  return chartConfig();
}

/** A value that may be drawn: a finite number (never "<5", "suppressed" or null). */
export function drawable(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Subtitle lines: catalogue phrases use "|" where a long subtitle breaks. */
export function lines(...phrases: string[]): string[] {
  return phrases.filter((p) => p !== '').flatMap((p) => p.split('|'));
}


export function scopeLabel(s: Scope, lang: Lang): string {
  return s === 'national' ? (lang === 'da' ? 'Hele landet' : 'Whole country') : s;
}
