import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHART_FONT_BOLD_FILE, CHART_FONT_FILE } from '../../../src/report/render/chart-font.js';
import { renderSvg } from '../../../src/report/render/render-chart.js';
import { chartTextWidth, emWidth, fontAdvances } from '../../../src/report/render/text-metrics.js';
import type { TopLevelSpec } from '../../../src/report/render/vega-lib.js';

// Widths read from the same font files by fontTools (test/reference/chart-font-widths.py).
const reference = JSON.parse(readFileSync(new URL('../../reference/chart-font-widths.json', import.meta.url), 'utf8')) as Record<'regular' | 'bold', Record<string, number>>;

describe('fontAdvances', () => {
  for (const [face, file] of [['regular', CHART_FONT_FILE], ['bold', CHART_FONT_BOLD_FILE]] as const) {
    it(`gives fontTools' advance widths for the ${face} chart font (Latin, Danish, Greek, Cyrillic, symbols, a missing character)`, () => {
      const font = fontAdvances(readFileSync(file));
      for (const [text, em] of Object.entries(reference[face])) expect(emWidth(text, font)).toBeCloseTo(em, 12);
    });
  }
});

describe('chartTextWidth', () => {
  it('scales by the font size (vega default 11), trims, and uses the bold face for bold weights', () => {
    const regular = reference.regular['90%']!;
    const bold = reference.bold['90%']!;
    expect(chartTextWidth({}, ' 90% ')).toBeCloseTo(11 * regular, 12);
    expect(chartTextWidth({ fontSize: 20 }, '90%')).toBeCloseTo(20 * regular, 12);
    expect(chartTextWidth({ fontSize: '20', fontWeight: 'bold' }, '90%')).toBeCloseTo(20 * bold, 12);
    expect(chartTextWidth({ fontSize: 20, fontWeight: 700 }, '90%')).toBeCloseTo(20 * bold, 12);
    expect(chartTextWidth({ fontSize: 20, fontWeight: 400 }, '90%')).toBeCloseTo(20 * regular, 12);
    expect(chartTextWidth({ fontSize: 20 }, undefined)).toBe(0);
  });
});

describe('vega lays charts out by the chart font', () => {
  const chart = (label: string): TopLevelSpec => ({
    data: { values: [{ y: label, x: 1 }] },
    mark: 'bar',
    encoding: { y: { field: 'y', type: 'nominal', title: null }, x: { field: 'x', type: 'quantitative', title: null } },
    config: { font: 'DejaVu Sans', axis: { labelFontSize: 11, labelLimit: 1000 } },
  });
  const width = (svg: string) => Number(/<svg[^>]* width="([0-9.]+)"/.exec(svg)![1]);

  it("widens a chart by its longer label's real width, not by vega's 0.8 em per character", async () => {
    const extra = 'i'.repeat(40); // 'i' is 0.28 em in DejaVu Sans: far from 0.8 em
    const grown = width(await renderSvg(chart(`A${extra}`))) - width(await renderSvg(chart('A')));
    const real = chartTextWidth({ fontSize: 11 }, `A${extra}`) - chartTextWidth({ fontSize: 11 }, 'A');
    expect(Math.abs(grown - real)).toBeLessThanOrEqual(1);
    expect(grown).toBeLessThan(0.5 * 0.8 * 11 * extra.length);
  });
});
