import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CHART_FONT_FAMILY } from '../../../src/report/render/chart-font.js';
import { pngOptions, renderSvg } from '../../../src/report/render/render-chart.js';
import { chartTextFaces, textToPaths } from '../../../src/report/render/text-to-path.js';
import type { TopLevelSpec } from '../../../src/report/render/vega-lib.js';

const { Resvg } = createRequire(import.meta.url)('@resvg/resvg-js') as typeof import('@resvg/resvg-js');

/** resvg's pixels of an SVG as the PNG step draws it (zoom, fonts, background). */
const pixels = (svg: string) => new Resvg(svg, pngOptions()).render().pixels;

/** Mean absolute difference per channel, and how many channels differ by more than a quarter of the range. */
function difference(a: Uint8Array, b: Uint8Array): { mean: number; large: number } {
  expect(a.length).toBe(b.length);
  let sum = 0;
  let large = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    sum += d;
    if (d > 64) large++;
  }
  return { mean: sum / a.length, large };
}

// Charts as hta's builders write them: the chart font, bold titles, kerned pairs (Te, AV, Wa, r.),
// ligatures (fi, ffl), Danish letters, minus signs, two-line titles (tspans), rotated and
// anchored labels, a half-transparent legend.
const config = { font: CHART_FONT_FAMILY, view: { stroke: null } };
const charts: Record<string, TopLevelSpec> = {
  bars: {
    config,
    title: { text: 'Tætte AVATAR-værdier: Wa r. Te', subtitle: 'fiflffi −1,23 (95 %-KI) ← → ± ²' },
    data: { values: [{ a: 'Tå', b: -1.5 }, { a: 'Yo-yo', b: 3 }, { a: 'Løbende «rå» ØÅÆ', b: 2 }] },
    mark: 'bar',
    encoding: {
      x: { field: 'a', type: 'nominal', title: ['Gruppe (Tå og', 'Yo-yo)'], axis: { labelAngle: -40 } },
      y: { field: 'b', type: 'quantitative', title: ['Mean (points;', 'lower is better)'] },
      color: { field: 'a', type: 'nominal', legend: { title: 'Afdeling', labelOpacity: 0.6 } },
    },
  } as TopLevelSpec,
  points: {
    config,
    data: { values: [{ x: 0.001, y: -2, t: 'Ved afslutning' }, { x: 12, y: 5, t: 'AV' }] },
    layer: [
      { mark: 'point', encoding: { x: { field: 'x', type: 'quantitative', title: 'Tid (uger)' }, y: { field: 'y', type: 'quantitative', title: 'Effekt' } } },
      { mark: { type: 'text', align: 'right', dx: -4, fontWeight: 'bold', fontSize: 14 }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, text: { field: 't' } } },
      { mark: { type: 'text', align: 'center', dy: 12, angle: 320 }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, text: { field: 't' } } },
    ],
  } as TopLevelSpec,
};

describe('textToPaths', () => {
  it.each(Object.keys(charts))('draws the %s chart with its text as paths in the same pixels as resvg draws the text', async (name) => {
    const svg = await renderSvg(charts[name]!);
    const converted = textToPaths(svg, chartTextFaces());
    expect(svg).toContain('<text');
    if (name === 'bars') expect(svg).toContain('<tspan');
    // Every text of these charts is converted.
    expect(converted).not.toContain('<text');
    // Anti-aliasing may differ by a level here and there; a glyph moved by a tenth of a pixel
    // changes hundreds of channels by more than a quarter.
    const d = difference(pixels(svg), pixels(converted));
    expect(d.large).toBe(0);
    expect(d.mean).toBeLessThan(0.005);
  });

  it('is deterministic: the same SVG gives the same bytes', async () => {
    const svg = await renderSvg(charts.bars!);
    expect(textToPaths(svg, chartTextFaces())).toBe(textToPaths(svg, chartTextFaces()));
  });

  const label = (attributes: string, text: string) => `<text text-anchor="middle" transform="translate(40,30)" font-family="${CHART_FONT_FAMILY}" font-size="11px" fill="#222"${attributes}>${text}</text>`;
  const svgOf = (...texts: string[]) => `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60">${texts.join('')}</svg>`;

  it.each([
    ['a halo (stroke)', label(' stroke="white" stroke-width="6"', 'Label')],
    ['a character the core face lacks (resvg takes the fallback face)', label('', 'β-blokker √2')],
    ['another family', label('', 'Label').replace(CHART_FONT_FAMILY, 'Serif')],
    ['a weight between the two faces', label(' font-weight="600"', 'Label')],
    ['whitespace SVG collapses', label('', ' Label  2')],
    ['a combining mark (NFD text)', label('', 'Ma\u0301l')],
    ['a soft hyphen', label('', 'Behand\u00adling')],
    ['per-character positions', label(' dx="1 2 3"', 'Label')],
    ['a tspan with its own paint', label('', '<tspan fill="red">Label</tspan>')],
  ])('leaves a text with %s to resvg, byte for byte, and converts the others', (_what, text) => {
    const other = label('', 'Tæt');
    const svg = svgOf(text, other);
    const converted = textToPaths(svg, chartTextFaces());
    expect(converted).toContain(text);
    expect(converted).not.toContain(other);
    expect(converted.match(/<text\b/g)).toHaveLength(1);
    expect(difference(pixels(svg), pixels(converted)).large).toBe(0);
  });

  // A title with a blank line (vega-lite writes each line as a tspan; an empty one has no
  // characters, so resvg does not apply its dy): the lines after it stay where resvg puts them.
  const lines = (...texts: string[]) => `<text text-anchor="start" transform="translate(10,15)" font-family="${CHART_FONT_FAMILY}" font-size="13px" font-weight="bold" fill="#000">` +
    texts.map((t, i) => (i === 0 ? (t === '' ? '<tspan/>' : `<tspan>${t}</tspan>`) : t === '' ? '<tspan x="0" dy="15"/>' : `<tspan x="0" dy="15">${t}</tspan>`)).join('') + '</text>';
  it.each([
    [['First line', '', 'Third line']],
    [['', '', 'Third line']],
    [['First', '', '', 'Fourth', 'Fifth']],
  ])('places the lines after a blank line of %j as resvg does', (texts) => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="90">${lines(...texts)}</svg>`;
    const converted = textToPaths(svg, chartTextFaces());
    expect(converted).not.toContain('<text');
    const d = difference(pixels(svg), pixels(converted));
    expect(d.large).toBe(0);
    expect(d.mean).toBeLessThan(0.005);
  });

  it('leaves a line of spaces to resvg', () => {
    const text = lines('First', '  ', 'Third');
    expect(textToPaths(`<svg xmlns="http://www.w3.org/2000/svg" width="200" height="90">${text}</svg>`, chartTextFaces())).toContain(text);
  });
});
