/**
 * Rows of a cluster-randomised trial (docs/input-studies.md, "Cluster-randomised trials"): its
 * arm summaries and event counts describe patients, not the clusters that were randomised, so an
 * SE from them is too small by the design effect 1 + (m − 1) × ICC (Cochrane Handbook v6,
 * §23.1.4) and the trial would take far too much weight. hta meta does not adjust them: such a row
 * is refused, asking for the paper's cluster-adjusted estimate with its CI or SE, which a
 * difference row of a cluster trial is taken to be.
 *
 * `design` is `individual` (or `parallel`, `individually randomised`, Danish `individuelt
 * randomiseret`, `parallelgruppe`) or `cluster` (`cluster randomised`, Danish `klynge`,
 * `klyngerandomiseret`) or `crossover` (`cross-over`, Danish `overkrydsning`: a paired difference
 * with its CI or SE is read, arm summaries and events refused): DESIGN_WORDS; a row with `clusters_intervention`,
 * `clusters_control` or `icc` filled and no design is a cluster trial's too.
 */
import type { Problem } from '../errors.js';
import { parseNumber } from '../io/parse-number.js';
import type { StudyColumns } from './study-columns.js';

/** The words read for each design, as written in the refusal (docs/input-studies.md, "Cluster-randomised trials"). */
const DESIGN_WORDS = {
  individual: ['individual', 'parallel', 'parallel group', 'parallelgruppe', 'individually randomised', 'individually randomized', 'RCT', 'randomised', 'randomized', 'randomised controlled trial', 'randomized controlled trial', 'randomiseret', 'randomiseret kontrolleret forsøg', 'individuel', 'individuelt randomiseret', 'individuelt randomiseret forsøg'],
  cluster: ['cluster', 'cluster randomised', 'cluster randomized', 'cluster RCT', 'klynge', 'klyngerandomiseret', 'klyngerandomiseret forsøg'],
  crossover: ['crossover', 'cross-over', 'crossover trial', 'overkrydsning', 'overkrydsningsforsøg'],
} as const;

const designKey = (t: string) => t.normalize('NFC').trim().toLowerCase().replace(/[\s.-]+/g, '_');

type Design = keyof typeof DESIGN_WORDS;
const DESIGNS = new Map<string, Design>(
  (Object.entries(DESIGN_WORDS) as [Design, readonly string[]][]).flatMap(([design, words]) => words.map((w) => [designKey(w), design] as const)),
);

const DESIGN_EXPECTED =
  `individual or cluster (how the trial was randomised): ${DESIGN_WORDS.individual.filter((w) => !w.endsWith('forsøg')).join(', ')} are read as individual; ` +
  `${DESIGN_WORDS.cluster.filter((w) => !w.endsWith('forsøg')).join(', ')} as cluster; ${DESIGN_WORDS.crossover.join(', ')} as crossover (case, spaces and hyphens aside); another design is not pooled as a parallel trial`;

/**
 * Adds a problem when the row's design is unknown, or when it is a cluster trial's row of arm
 * summaries or events. `n` holds the row's group sizes as read.
 */
export function clusterRow(
  file: string,
  line: number,
  cells: readonly (string | null)[],
  columns: StudyColumns,
  n: { n_intervention?: number; n_control?: number },
  kind: 'arms' | 'events' | 'effect',
  decimalComma: boolean,
  problems: Problem[],
): void {
  const cell = (name: string) => {
    const i = columns.col.get(name);
    return i === undefined ? null : (cells[i] ?? null);
  };
  const where = (name: string, value: string | null) => {
    const i = columns.col.get(name);
    return { file, line, ...(i !== undefined ? { column: i + 1 } : {}), field: name, ...(value !== null ? { value } : {}) };
  };
  const designText = cell('design');
  const design = designText === null ? null : DESIGNS.get(designKey(designText));
  if (designText !== null && design === undefined) {
    problems.push({ ...where('design', designText), expected: DESIGN_EXPECTED });
    return;
  }
  if (design === 'crossover') {
    // A paired analysis's difference with its CI or SE is poolable as any other (Cochrane Handbook
    // v6, §23.2.6); the arms' summaries ignore the pairing, so their SE is wrong.
    if (kind !== 'effect') {
      problems.push({
        ...where('design', designText),
        kind: `meta.crossover.${kind}`,
        expected: `a cross-over trial's paired difference with its 95% CI or SE: its ${kind === 'arms' ? 'arm summaries (n, mean, SD per period)' : 'events per period'} ignore that each patient had both treatments, so their SE is wrong`,
        hint: "enter the paper's paired-analysis difference (difference, ci_lower, ci_upper, or se) on this row instead (Cochrane Handbook v6, §23.2); without one, leave the trial out or use the first period alone as a parallel trial (design individual)",
      });
    }
    return;
  }
  const clusterCells = (['clusters_intervention', 'clusters_control', 'icc'] as const).filter((c) => cell(c) !== null);
  const cluster = design === 'cluster' || (design === null && clusterCells.length > 0);
  if (!cluster || kind === 'effect') return;

  const num = (name: string) => {
    const t = cell(name);
    const v = t === null ? undefined : parseNumber(t, decimalComma);
    return v === null ? undefined : v;
  };
  const [ki, kc, icc] = [num('clusters_intervention'), num('clusters_control'), num('icc')];
  let effect = '';
  if (ki !== undefined && kc !== undefined && icc !== undefined && ki > 0 && kc > 0 && n.n_intervention !== undefined && n.n_control !== undefined) {
    const m = (n.n_intervention + n.n_control) / (ki + kc);
    const de = 1 + (m - 1) * icc;
    const r = (x: number) => String(Math.round(x * 100) / 100);
    effect = ` (here the design effect is 1 + (m − 1) × ICC = 1 + (${r(m)} − 1) × ${icc} = ${r(de)}, with m = ${r(m)} patients per cluster)`;
  }
  const what = kind === 'arms' ? 'arm summaries (n, mean, SD per arm)' : 'events and group sizes';
  const at = design === 'cluster' ? where('design', designText) : where(clusterCells[0] as string, cell(clusterCells[0] as string));
  problems.push({
    ...at,
    kind: `meta.cluster.${kind}`,
    expected:
      `a cluster-adjusted result: this is a cluster-randomised trial, and its ${what} ignore the clustering, so pooled as they are the trial gets far too much weight${effect}`,
    hint:
      kind === 'arms'
        ? "enter the paper's cluster-adjusted difference with its 95% CI (difference, ci_lower, ci_upper) or SE on this row instead; without one, the Cochrane Handbook's approximate analysis (§23.1.4) gives se = √(design effect × (sd_intervention²/n_intervention + sd_control²/n_control)) for the difference of the means"
        : "enter the paper's cluster-adjusted risk or odds ratio with its 95% CI (measure RR or OR, difference, ci_lower, ci_upper) on this row instead (Cochrane Handbook §23.1.4)",
  });
}
