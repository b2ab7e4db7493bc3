/**
 * What the uptake charts share besides the common look (chart-style.ts): one fixed colour per
 * region from the Okabe–Ito palette, and the small helpers that keep suppressed values ("<5",
 * "suppressed") out of the plotted numbers.
 */
import type { Scope } from '../../uptake/aggregate.js';
import { regionsIn } from '../../uptake/regions.js';
import { type Lang, UPTAKE_CHART_TEXT, UPTAKE_TEXT } from '../i18n.js';
import { SUPPRESSED } from '../../suppressed-marker.js';
import { CATEGORY_COLOURS, PALETTE } from './chart-style.js';
import type { NationalWords } from '../uptake-scope-words.js';

/**
 * Region colours by position in the region order (the eligible file's), black for the whole
 * country: the non-arm category palette, so no region is drawn in an arm's blue or vermillion.
 */
const REGION_COLOURS = [...CATEGORY_COLOURS, PALETTE.grey];

/** The regions of the analysis rows in their order (see uptake/regions.ts), then 'national'. */
export function scopeOrder(...rows: Iterable<{ region: Scope }>[]): Scope[] {
  return [...regionsIn(...rows), 'national'];
}

/** One fixed colour per region position, the same in every chart of one analysis. */
export function scopeColour(scopes: readonly Scope[], s: Scope): string {
  if (s === 'national') return PALETTE.black;
  const i = scopes.filter((x) => x !== 'national').indexOf(s);
  return REGION_COLOURS[i % REGION_COLOURS.length] ?? PALETTE.grey;
}

/**
 * One marker shape per region position, beside its colour: five lines that cross, told apart by
 * colour alone, fail a reader with a colour-vision deficiency (WCAG 2.1 1.4.1; under protanopia
 * the first and third region colours are close). The whole country: a cross, drawn in black.
 */
const REGION_SHAPES = ['circle', 'square', 'triangle-up', 'diamond', 'triangle-down', 'triangle-right'];

/** One fixed marker shape per region position, the same in every chart of one analysis (docs/colours.md). */
export function scopeShape(scopes: readonly Scope[], s: Scope): string {
  if (s === 'national') return 'cross';
  const i = scopes.filter((x) => x !== 'national').indexOf(s);
  return REGION_SHAPES[i % REGION_SHAPES.length] ?? 'circle';
}

/** A value that may be drawn: a finite number (never "<5", "suppressed" or null). */
export function drawable(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Subtitle lines: catalogue phrases use "|" where a long subtitle breaks. */
/** A value that is not drawn, as chart text: the marker in the page's language ("diskretioneret"), else as written, "–" for none. */
export function markerText(v: unknown, lang: Lang): string {
  if (v === SUPPRESSED) return UPTAKE_TEXT.suppressed[lang];
  return v === null || v === undefined ? '–' : String(v);
}

export function lines(...phrases: string[]): string[] {
  return phrases.filter((p) => p !== '').flatMap((p) => p.split('|'));
}


/** A scope as the charts name it; the total by `words` (uptake-scope-words.ts: "Whole country" unless one region). */
export function scopeLabel(s: Scope, lang: Lang, words?: NationalWords): string {
  return s === 'national' ? (words?.label ?? UPTAKE_CHART_TEXT.national[lang]) : s;
}
