/**
 * How many terminal columns a text takes, for the plain-text tables hta prints (text-table.ts,
 * `hta validate`'s table): counted per grapheme cluster, not per code point, so a letter typed
 * decomposed — `A` + U+030A COMBINING RING ABOVE, as macOS file names and some exports give
 * "Århus" — is one column like the composed `Å`; an East Asian wide or fullwidth character and
 * an emoji shown as an emoji are two; a cluster of format characters alone (a zero-width space)
 * is none. It follows the terminals' wcwidth, not every font: a terminal that draws a character
 * otherwise still moves that row. Control characters are made visible before (visibleName).
 */

/**
 * Made on the first text that is not plain ASCII: setting up ICU's grapheme segmenter costs ~10 ms
 * of CPU, and most runs (`hta report` of the bundled reports, `hta --version`) never need it, while
 * this module is loaded by every command (docs/architecture.md#the-cost-of-a-cold-regeneration).
 */
let graphemes: Intl.Segmenter | undefined;

/** East Asian Wide and Fullwidth ranges (Unicode's EastAsianWidth W and F, the blocks terminals draw two columns wide). */
const WIDE = /^[\u1100-\u115f\u231a\u231b\u2329\u232a\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\u{16fe0}-\u{18cff}\u{1b000}-\u{1b2ff}\u{1f200}-\u{1f2ff}\u{20000}-\u{3fffd}]/u;
/** An emoji drawn as one (its default presentation, or text turned emoji by U+FE0F). */
const EMOJI = /^\p{Emoji_Presentation}|^\p{Extended_Pictographic}.*\uFE0F/u;
/** Nothing visible: format characters and marks with no base (a zero-width space, a lone joiner). */
const INVISIBLE = /^[\p{Cf}\p{Mn}\p{Me}]+$/u;

function clusterWidth(cluster: string): number {
  if (INVISIBLE.test(cluster)) return 0;
  return WIDE.test(cluster) || EMOJI.test(cluster) ? 2 : 1;
}

/** The terminal columns `text` takes (see the module comment). */
export function textWidth(text: string): number {
  // Plain ASCII, nearly every cell: one column a character.
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let n = 0;
  graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  for (const { segment } of graphemes.segment(text)) n += clusterWidth(segment);
  return n;
}

/** `text` padded with spaces to `columns` terminal columns, at its end (left-aligned) or start (right-aligned). */
export function padColumns(text: string, columns: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, columns - textWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}
