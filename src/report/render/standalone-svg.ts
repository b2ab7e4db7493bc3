import { escapeHtml } from '../text-table.js';

/**
 * A chart's SVG as a file of its own (`<chart>.svg`). Opened alone (in a browser, or placed in a
 * document or slide) it names itself as one image in the report's language, as the page names the
 * same drawing inline (html-page.ts; docs/report-trial.md#print): role="img" and aria-label on
 * the root, and a <title>, which screen readers read and browsers show as a tooltip. vega's own
 * English labels are gone already (render-chart.ts `withoutVegaAria`). The PNG is drawn from the
 * bare SVG, and neither the attributes nor the <title> are painted.
 */
export function standaloneSvg(svg: string, alt: string): string {
  const label = escapeHtml(alt);
  return svg.replace(/^<svg ([^>]*)>/, (_, attrs: string) => `<svg role="img" aria-label="${label}" ${attrs}><title>${label}</title>`);
}
