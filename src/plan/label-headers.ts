/**
 * A wide export whose header holds SPSS variable labels, not variable names ("Write variable
 * labels as column headings": `RMDQ total (0-24) ved baseline`, `RMDQ total (0-24) ved 3
 * måneder`): each column ends in its visit as a phrase (`ved baseline`, `ved 3 måneder`, `efter 9
 * mdr.`, `at 3 months`), not as a `_<visit>` suffix. plan init drafts such a header (the stem is
 * the column, the phrase the visit: wide-visits.ts); a plan that names them otherwise is told,
 * at the column, what the header is and what to write (docs/input-trial-export.md#spss-variable-labels).
 */
import { phraseColumn, suffixVisits } from './wide-visits.js';

export interface LabelHeaders {
  /** 1-based columns whose names end in a visit phrase, in header order. */
  columns: number[];
  /** The first of them, as the header writes it. */
  first: string;
  /** The stems measured at two visits or more ("RMDQ total (0-24)"). */
  stems: string[];
  /** The first stem's visit phrases, in header order ("ved baseline", "ved 3 måneder"). */
  phrases: string[];
}

/** The visit phrase a header ends in, split off: [stem, phrase], or undefined (wide-visits.ts phraseColumn). */
export const labelVisit = phraseColumn;

/**
 * The header's variable-label columns, when some stem is measured at two visits or more; else
 * undefined. A header whose columns give visits by `_<visit>` suffixes is no header of labels,
 * whatever pair of names beside them ends in a phrase (`Dato ved baseline`, `Dato ved 3 måneder`),
 * as plan init reads it (wide-visits.ts wideVisits).
 */
export function labelHeaders(header: readonly string[]): LabelHeaders | undefined {
  if (suffixVisits(header).visits.length) return undefined;
  const byStem = new Map<string, number[]>();
  header.forEach((h, i) => {
    const v = labelVisit(h);
    if (v) byStem.set(v[0], [...(byStem.get(v[0]) ?? []), i + 1]);
  });
  const stems = [...byStem].filter(([, cols]) => cols.length >= 2);
  if (!stems.length) return undefined;
  const columns = stems.flatMap(([, cols]) => cols).sort((a, b) => a - b);
  const phrases = stems[0]![1].map((c) => labelVisit(header[c - 1]!)![1]);
  return { columns, first: header[columns[0]! - 1]!, stems: stems.map(([s]) => s), phrases };
}

/**
 * What the header is and what to do, for a problem's `expected`: export again with variable names.
 * SPSS writes the labels with "Write variable labels as column headings" (Export Data / Save As CSV).
 */
export function variableLabelsText(labels: LabelHeaders): string {
  const phrases = labels.phrases.map((p) => `${JSON.stringify(p)}: "<visit>"`).join(', ');
  return `the column names are SPSS variable labels (${JSON.stringify(labels.first)}, columns ${columnRanges(labels.columns)}), each ending in its visit as a phrase: name the measure by the words before it ("column": ${JSON.stringify(labels.stems[0])}) and map the phrases in "timeLabels" (${phrases}), as hta plan init drafts them — or export again with variable names as column headings (in SPSS untick "Write variable labels as column headings"; docs/input-trial-export.md#spss-variable-labels)`;
}

/**
 * Header problems (a plan's outcome column or visit not found) of an export whose header is
 * variable labels: each gets the column it most likely meant (the first label column whose stem
 * starts with the plan's name, else the first label column) and says what the header is. Others
 * are left as they are.
 */
export function withLabelHeaders<P extends { line?: number; column?: number; value?: string; expected: string; kind?: string }>(problems: P[], header: readonly string[]): P[] {
  const labels = labelHeaders(header);
  if (!labels) return problems;
  return problems.map((p) => {
    if (p.column !== undefined || !/^column\.(visit|outcome|items)/.test(p.kind ?? '')) return p;
    const name = (p.value ?? '').replace(/^_/, '').trim();
    const at = labels.columns.find((c: number) => name !== '' && (header[c - 1]!.startsWith(name) || labelVisit(header[c - 1]!)![1].endsWith(name))) ?? labels.columns[0]!;
    return { ...p, column: at, expected: `${p.expected}; ${variableLabelsText(labels)}` };
  });
}

/** The columns said briefly: "columns 6–8, 9–11" as ranges. */
export function columnRanges(columns: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < columns.length; ) {
    let j = i;
    while (j + 1 < columns.length && columns[j + 1] === columns[j]! + 1) j++;
    out.push(i === j ? `${columns[i]}` : `${columns[i]}–${columns[j]}`);
    i = j + 1;
  }
  return out.join(', ');
}
