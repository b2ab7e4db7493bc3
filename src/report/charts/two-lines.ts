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

/**
 * Where a line may not break: between a number and its unit, before an operator or "→", after "←".
 * A bracket after a number opens an aside, not a unit: "Opfølgning 1 (telefonkontakt)" breaks as
 * "Opfølgning 1" / "(telefonkontakt)", not "Opfølgning" / "1 (telefonkontakt)".
 */
function keptTogether(before: string, after: string): boolean {
  return /^[%‰]/.test(after) || (/^[\d.,−-]+$/.test(before) && !after.startsWith('(')) || /^[−÷/+→×]$/.test(after) || before === '←';
}

/**
 * A text in at most `maxLines` lines, each no wider than `room` px in the chart font (its real
 * widths: render/text-metrics.ts), as even as they can be, broken at spaces only where
 * `keptTogether` allows. Only when the words need more lines does the last line end in "…" (a
 * label from the user's plan can be any length); a single word wider than `room` is cut the same way.
 */
export function fitLines(text: string, room: number, maxLines: number, style: { fontSize?: number; bold?: boolean } = {}): string[] {
  const whole = wrapLines(text, room, maxLines, style);
  if (whole) return whole;
  // Last resort: the lines that fit, and the rest cut short with "…".
  const width = widthIn(style);
  const greedy = wrap(tokensOf(text), room, width);
  const lines = greedy.slice(0, maxLines - 1).map((l) => cut(l, room, width));
  lines.push(cut(greedy.slice(maxLines - 1).join(' '), room, width));
  return lines;
}

/**
 * As `fitLines`, but null where the whole text does not fit in `maxLines` lines of `room` px: for a
 * chart that makes room for its labels rather than cut them.
 */
export function wrapLines(text: string, room: number, maxLines: number, style: { fontSize?: number; bold?: boolean } = {}): string[] | null {
  const width = widthIn(style);
  const tokens = tokensOf(text);
  const widest = Math.max(0, ...tokens.map(width));
  const greedy = wrap(tokens, room, width);
  if (greedy.length > maxLines || widest > room) return null;
  // The narrowest limit that needs no more lines: lines of even width.
  let [lo, hi] = [widest, room];
  if (wrap(tokens, lo, width).length <= greedy.length) return wrap(tokens, lo, width);
  while (hi - lo > 0.5) {
    const mid = (lo + hi) / 2;
    if (wrap(tokens, mid, width).length <= greedy.length) hi = mid;
    else lo = mid;
  }
  return wrap(tokens, hi, width);
}

function widthIn(style: { fontSize?: number; bold?: boolean }): (s: string) => number {
  const item = { fontSize: style.fontSize ?? FONT_SIZE, fontWeight: style.bold ? 'bold' : 'normal' };
  return (s) => chartTextWidth(item, s);
}

/** The text's words, those `keptTogether` binds joined into one token. */
function tokensOf(text: string): string[] {
  const tokens: string[] = [];
  for (const word of text.split(' ').filter((w) => w !== '')) {
    const last = tokens.at(-1);
    if (last !== undefined && keptTogether(last.split(' ').at(-1)!, word)) tokens[tokens.length - 1] = `${last} ${word}`;
    else tokens.push(word);
  }
  return tokens;
}

/** The tokens in lines no wider than `limit`, each line as full as it can be (a token wider than that on a line of its own). */
function wrap(tokens: readonly string[], limit: number, width: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const token of tokens) {
    const last = lines.at(-1);
    if (last !== undefined && width(`${last} ${token}`) <= limit) lines[lines.length - 1] = `${last} ${token}`;
    else lines.push(token);
  }
  return lines;
}

/** The text whole when it fits `room`, else as many of its characters as fit before "…". */
function cut(text: string, room: number, width: (s: string) => number): string {
  if (width(text) <= room) return text;
  const chars = [...text];
  while (chars.length > 0 && width(`${chars.join('').trimEnd()}…`) > room) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** The widest of these lines in the chart font, in px. */
export function fittedWidth(lines: readonly string[], style: { fontSize?: number; bold?: boolean } = {}): number {
  const item = { fontSize: style.fontSize ?? FONT_SIZE, fontWeight: style.bold ? 'bold' : 'normal' };
  return Math.max(0, ...lines.map((l) => chartTextWidth(item, l)));
}
