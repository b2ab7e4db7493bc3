/**
 * The methods' notes of a cluster-randomised trial (docs/plan-trial.md#cluster-randomised-trials):
 * the unit randomised with the number of clusters per arm (CONSORT's extension for cluster trials),
 * the cluster-robust SE with the degrees of freedom its t uses, and — with fewer than 30 clusters
 * analysed — docs/limits.md's caveat that CR1 intervals can then still be too narrow.
 *
 * Pure: the results and the report's text in, sentences out (none for an individually randomised trial).
 */
import type { AnalysisResult } from '../analysis/results-schema.js';
import { fillPhrase, formatThousands, type Lang } from './i18n.js';
import type { TrialChartContext } from './charts/trial-chart-context.js';

/** Below this many clusters analysed the page repeats the caveat ("fewer than about 20–30": the upper end, to be safe). */
export const FEW_CLUSTERS = 30;

function span(values: readonly number[], lang: Lang): string {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? formatThousands(lo, 0, lang) : `${formatThousands(lo, 0, lang)}–${formatThousands(hi, 0, lang)}`;
}

export function clusterNotes(result: Pick<AnalysisResult, 'input' | 'effects'>, ctx: Pick<TrialChartContext, 'text' | 'lang'>): string[] {
  const allocated = result.input.clusters;
  if (!allocated) return [];
  const count = (n: number) => formatThousands(n, 0, ctx.lang);
  const total = allocated.intervention + allocated.control;
  // Each row's t has G − 1 df, G the clusters with patients analysed in that row: fewer than
  // randomised when a cluster has no patient observed at a visit. Without a computed row, the clusters randomised.
  const analysed = [...new Set(result.effects.flatMap((e) => (e.clusters === undefined || e.error ? [] : [e.clusters])))];
  const g = analysed.length ? analysed : [total];
  const note = fillPhrase(ctx.text('clusteredNote'), {
    column: allocated.column,
    clusters: count(total),
    clustersIntervention: count(allocated.intervention),
    clustersControl: count(allocated.control),
    df: span(g.map((x) => x - 1), ctx.lang),
  });
  const few = Math.max(...g) < FEW_CLUSTERS ? [fillPhrase(ctx.text('clusteredFewNote'), { clusters: span(g, ctx.lang), df: span(g.map((x) => x - 1), ctx.lang) })] : [];
  return [note, ...few];
}
