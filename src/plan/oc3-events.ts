/**
 * OpenClinica 3's wide extract names each item with its study event and CRF: `RMDQ_TOTAL_E1_C2`
 * is the item at event 1 on CRF 2, `RMDQ_TOTAL_E2_C2` the same item at event 2. The numbers say
 * the events' order, not their times, so `hta plan init` drafts no visits from them (each column
 * was drafted as an outcome of its own); its refusal names the suffixes and the "timeLabels" that
 * make them visits (docs/input-trial-export.md "Notes above the header").
 */

/** `<item>_E<event>_C<crf>` as OpenClinica 3 writes it. */
const EVENT_CRF = /^(.+)_(E(\d+)_C\d+)$/;

/**
 * The event suffixes of a header whose items are each seen at two events or more (`E1_C2`,
 * `E2_C2`, `E3_C2`, by event), with those items' names (`RMDQ_TOTAL`); undefined when no item is.
 */
export function oc3EventSuffixes(header: readonly string[]): { suffixes: string[]; items: string[] } | undefined {
  const byItem = new Map<string, Map<number, string>>();
  for (const h of header) {
    const m = EVENT_CRF.exec(h.trim());
    if (!m) continue;
    const events = byItem.get(m[1]!) ?? new Map<number, string>();
    byItem.set(m[1]!, events);
    if (!events.has(Number(m[3]))) events.set(Number(m[3]), m[2]!);
  }
  const repeated = [...byItem].filter(([, events]) => events.size > 1);
  if (!repeated.length) return undefined;
  const suffixes = new Map<string, number>();
  for (const [, events] of repeated) for (const [event, suffix] of events) suffixes.set(suffix, event);
  return {
    suffixes: [...suffixes].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([s]) => s),
    items: repeated.map(([item]) => item),
  };
}

/** OpenClinica 3's subject status column, and its statuses of a subject removed (its data invalidated). */
const SUBJECT_STATUS = /^subject[ _]?status$/i;
const REMOVED = /^(auto-)?removed$/i;

/**
 * OpenClinica 3's "Subject Status" of a subject a data manager removed (`removed`,
 * `auto-removed`: the subject's data invalidated): hta reads no such status, so the draft says
 * where they are; undefined when no line has one.
 */
export function oc3RemovedSubjects(csv: { header: readonly string[]; records: Iterable<{ line: number; cells: readonly (string | null | undefined)[] }> }): { column: string; lines: number[]; values: string[] } | undefined {
  const at = csv.header.findIndex((h) => SUBJECT_STATUS.test(h.trim()));
  if (at < 0) return undefined;
  const lines: number[] = [];
  const values = new Set<string>();
  for (const r of csv.records) {
    const v = r.cells[at]?.trim();
    if (v && REMOVED.test(v)) {
      lines.push(r.line);
      values.add(v);
    }
  }
  return lines.length ? { column: csv.header[at]!, lines, values: [...values] } : undefined;
}
