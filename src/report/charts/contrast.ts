/**
 * WCAG 2.1 contrast ratio of two sRGB colours (success criteria 1.4.3 text ≥ 4.5:1 and 1.4.11
 * graphics ≥ 3:1): (L1 + 0.05) / (L2 + 0.05), L the relative luminance
 * 0.2126 R + 0.7152 G + 0.0722 B of the linearised channels (docs/report-trial.md).
 */

/** Relative luminance of `#rgb` or `#rrggbb`. */
export function relativeLuminance(hex: string): number {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio, from 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The colour a mark of `hex` drawn with `opacity` shows on white: each sRGB channel
 * opacity · c + (1 − opacity) · 255, as browsers and Vega composite. A translucent mark is held to
 * the 3:1 rule by this colour (docs/colours.md); overlapping marks only come out darker.
 */
export function overWhite(hex: string, opacity: number): string {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new Error(`not a #rrggbb colour: ${hex}`);
  const a = Math.min(1, Math.max(0, opacity));
  return `#${[0, 2, 4].map((i) => Math.round(a * parseInt(full.slice(i, i + 2), 16) + (1 - a) * 255).toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}
