/**
 * What the uptake charts share besides the common look (chart-style.ts): one fixed colour per
 * region from the Okabe–Ito palette, and the small helpers that keep suppressed values ("<5",
 * "suppressed") out of the plotted numbers.
 */
import type { Scope } from '../../uptake/aggregate.js';
import { REGIONS } from '../../uptake/referral.js';
import { type Lang, UPTAKE_CHART_TEXT } from '../i18n.js';
import { PALETTE } from './chart-style.js';

/** One fixed colour per region (and black for the whole country), the same in every chart. */
export const SCOPE_COLOURS: Readonly<Record<Scope, string>> = {
  Hovedstaden: PALETTE.blue, Midtjylland: PALETTE.orange, Syddanmark: PALETTE.green,
  Sjælland: PALETTE.purple, Nordjylland: PALETTE.vermillion, national: PALETTE.black,
};

export const SCOPE_ORDER: readonly Scope[] = [...REGIONS, 'national'];

/** A value that may be drawn: a finite number (never "<5", "suppressed" or null). */
export function drawable(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Subtitle lines: catalogue phrases use "|" where a long subtitle breaks. */
export function lines(...phrases: string[]): string[] {
  return phrases.filter((p) => p !== '').flatMap((p) => p.split('|'));
}


export function scopeLabel(s: Scope, lang: Lang): string {
  return s === 'national' ? UPTAKE_CHART_TEXT.national[lang] : s;
}
