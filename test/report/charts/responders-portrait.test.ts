/**
 * The responders chart of the bundled trial prints on a portrait page, after the text before it:
 * its rows' follow-up goes on a second line when one line would make it wider than the page (it
 * was 750 px in English, alone on a landscape page; docs/report-trial.md#print).
 */
import { describe, expect, it } from 'vitest';
import { respondersSpec } from '../../../src/report/charts/responders.js';
import { trialChartContext } from '../../../src/report/charts/trial-chart-context.js';
import { PORTRAIT_PX, printsLandscape, svgSize } from '../../../src/report/html-page.js';
import { renderSvg } from '../../../src/report/render/render-chart.js';
import { bundledTrial } from '../trial-report-support.js';

describe('responders chart width', () => {
  // (In Danish, "Klinisk relevant forbedring (RMDQ ≥ 5 point)," on a line of its own still leaves it
  // 869 px wide: it stays on a landscape page.)
  it.each(['en'] as const)('(%s) fits a portrait page, every row named in full', async (lang) => {
    const { trial, result } = bundledTrial();
    const ctx = trialChartContext(trial, lang);
    const svg = await renderSvg(respondersSpec(result, ctx));
    const size = svgSize(svg);
    expect(size.width).toBeLessThanOrEqual(PORTRAIT_PX);
    expect(printsLandscape(size)).toBe(false);
    // (A text of two lines is drawn as <tspan>s.)
    const text = [...svg.matchAll(/<t(?:ext|span)[^>]*>([^<]+)</g)].map((m) => m[1]!.replace(/&amp;/g, '&')).join(' ');
    for (const key of ['rmdq_resp5', 'rmdq_resp30']) expect(text).toContain(ctx.outcomeLabel(key));
    expect(text).toContain(ctx.timeLabel('3m'));
  });
});
