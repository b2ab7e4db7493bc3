/**
 * Checks on a chart spec before it is drawn. A chart with nothing to show is left out of the
 * report (its section says why) rather than drawn as an empty frame, and a spec carrying a
 * non-finite number is a bug, not a picture: vega would write `width="Infinity"` into the SVG.
 */
import { HtaError } from '../errors.js';
import type { ChartSpec, PageSection } from './report-page.js';

/**
 * True when the spec has no data rows to draw: every inline `data.values` is empty, apart from
 * the one-empty-row placeholders (`[{}]`) that headers and reference lines are drawn from.
 */
export function chartDataIsEmpty(spec: unknown): boolean {
  let rows = 0;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const values = (node as { data?: { values?: unknown } }).data?.values;
    if (Array.isArray(values) && !(values.length === 1 && isEmptyObject(values[0]))) rows += values.length;
    for (const [key, child] of Object.entries(node)) if (key !== 'data') visit(child);
  };
  visit(spec);
  return rows === 0;
}

function isEmptyObject(v: unknown): boolean {
  return v !== null && typeof v === 'object' && Object.keys(v).length === 0;
}

/** Paths of the numbers in a spec that are not finite (NaN, ±Infinity). */
export function nonFiniteNumbers(spec: unknown, path = ''): string[] {
  if (typeof spec === 'number') return Number.isFinite(spec) ? [] : [path || '(root)'];
  if (spec === null || typeof spec !== 'object') return [];
  return Object.entries(spec).flatMap(([k, v]) => nonFiniteNumbers(v, path ? `${path}.${k}` : k));
}

/** Throws `output.failed` naming the chart and the first bad numbers when a spec is not drawable. */
export function assertFiniteChart(chart: ChartSpec): void {
  const bad = nonFiniteNumbers(chart.spec);
  if (bad.length > 0) {
    throw new HtaError('output.failed', `chart "${chart.name}" has numbers that are not finite (${bad.slice(0, 3).join(', ')}${bad.length > 3 ? ', …' : ''}); it was not drawn`);
  }
}

/**
 * The charts worth drawing, and the sections' text for the others: a chart whose data are
 * empty is dropped and its section gets `reason` (in the report language) where the chart
 * would be; a chart in `leftOut` (by name) is dropped with its own reason there (a kind that
 * knows why, e.g. every number suppressed). Every kept chart is checked for non-finite numbers.
 */
export function dropEmptyCharts(
  charts: readonly ChartSpec[],
  sections: readonly PageSection[],
  reason: string,
  leftOut: ReadonlyMap<string, string> = new Map(),
): { charts: ChartSpec[]; sections: PageSection[] } {
  const kept = charts.filter((c) => !leftOut.has(c.name) && !chartDataIsEmpty(c.spec));
  kept.forEach(assertFiniteChart);
  const names = new Set(kept.map((c) => c.name));
  return {
    charts: kept,
    sections: sections.map((s) => {
      if (!s.chart || names.has(s.chart)) return s;
      const { chart: _chart, ...rest } = s;
      return { ...rest, intro: [...(s.intro ?? []), leftOut.get(s.chart) ?? reason] };
    }),
  };
}
