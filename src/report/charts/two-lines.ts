/**
 * A header text wider than its room, broken into the two lines of most even width (at a space),
 * so a chart grows taller rather than wider and prints at ≥ 8 pt (docs/report-trial.md#print).
 */
import { textWidth } from '../render/chart-font.js';
import { chartTextWidth } from '../render/text-metrics.js';
import { FONT_SIZE } from './chart-style.js';

/** The text whole when it fits `room` px, else its two most even lines (vega draws an array as lines). */
export function twoLines(text: string, room: number, fontSize = FONT_SIZE): string | string[] {
  if (textWidth(text, fontSize) <= room) return text;
  const words = text.split(' ');
  let best: string[] = [text];
  let bestWidth = Infinity;
  for (let i = 1; i < words.length; i++) {
    // Never between a number and its unit ("95 %-KI").
    if (/^[%‰]/.test(words[i]!) || /^[\d.,−-]+$/.test(words[i - 1]!)) continue;
    const lines = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
    const w = Math.max(...lines.map((l) => textWidth(l, fontSize)));
    if (w < bestWidth) [best, bestWidth] = [lines, w];
  }
  return best;
}

/** The widest line of a text from `twoLines`. */
export function linesWidth(text: string | string[], fontSize = FONT_SIZE): number {
  return Math.max(...(Array.isArray(text) ? text : [text]).map((l) => textWidth(l, fontSize)));
}

/**
 * A subtitle broken at spaces into lines no wider than `width` px. vega measures titles by the
 * chart font's real widths (render/text-metrics.ts): a line longer than the chart's content would
 * widen the whole chart.
 */
export function wrapForVega(text: string, width: number, fontSize = FONT_SIZE): string[] {
  const fits = (line: string) => chartTextWidth({ fontSize }, line) <= width;
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && fits(`${last} ${word}`)) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
