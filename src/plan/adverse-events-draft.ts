/**
 * `hta plan init`'s "adverseEvents" (docs/plan-trial.md#adverse-events): a REDCap repeating
 * instrument named like adverse events (`adverse_events`, `uonskede_haendelser`, `bivirkninger`)
 * is drafted as the section, with its seriousness, relatedness, class and term columns found by
 * name among the columns filled on its rows only. A file that is itself an event listing (one row
 * per event: MedDRA/CDISC `AETERM`, `AESER`; a Castor AE report) is recognised, so `plan init`
 * says what it is and how a plan names it ("adverseEvents": { "file" }) instead of only that it
 * found no visits.
 *
 * Pure: the export in, the section, the columns it reads and the lines for the draft out.
 */
import type { CsvTable } from '../io/read-csv.js';
import { fold } from './flow-draft.js';

/** An instrument (or form) of adverse events, folded. */
const AE_INSTRUMENT = /^(adverseevents?|aes?|saes?|adverse.*|uonskede.*|uønskede.*|utilsigtede.*|bivirkning.*|haendelse.*|hændelse.*|sideeffects?|harms?)$/;
const SERIOUS = /^(ae)?(serious|ser|alvorlig|alvorlighed|sae)$|serious|alvorlig/;
const RELATED = /^(ae)?(rel|related|relatedness|relation|relateret|sammenhaeng|sammenhæng|causality|kausalitet)$|related|relateret|causal/;
const SOC = /^(ae)?(soc|bodsys|bodysystem|organclass|systemorganclass|organklasse)$|bodsys|organclass|organklasse/;
/** Term columns, best first: the coded preferred term, then the reported one. */
const TERMS = [/^(ae)?(decod|pt|preferredterm)$|decod|preferredterm/, /^(ae)?(term|hændelse|haendelse|event|beskrivelse|description)$|term/];

const REPEAT_INSTRUMENT = new Set(['redcaprepeatinstrument', 'repeatinstrument']);

export interface AdverseEventsDraft {
  section?: { instrument: string; serious?: string; related?: string; soc?: string; term?: string };
  /** Columns the section reads (not "not used"). */
  columns: string[];
  guesses: string[];
  checks: string[];
}

/** The columns named like each field among `names`, each column used once. */
function namedColumns(names: readonly string[]): Partial<Record<'serious' | 'related' | 'soc' | 'term', string>> {
  const found: Partial<Record<'serious' | 'related' | 'soc' | 'term', string>> = {};
  const used = new Set<string>();
  const pick = (re: RegExp) => names.find((n) => !used.has(n) && re.test(fold(n)));
  for (const [field, re] of [['serious', SERIOUS], ['related', RELATED], ['soc', SOC]] as const) {
    const c = pick(re);
    if (c !== undefined) {
      found[field] = c;
      used.add(c);
    }
  }
  for (const re of TERMS) {
    const c = pick(re);
    if (c !== undefined) {
      found.term = c;
      break;
    }
  }
  return found;
}

export function draftAdverseEvents(csv: CsvTable): AdverseEventsDraft {
  const out: AdverseEventsDraft = { columns: [], guesses: [], checks: [] };
  const repeatCol = csv.header.findIndex((h) => REPEAT_INSTRUMENT.has(fold(h)));
  if (repeatCol < 0) return out;
  const instruments = new Map<string, number>();
  for (const rec of csv.records) {
    const v = rec.cells[repeatCol];
    if (v !== null && v !== undefined) instruments.set(v.trim(), (instruments.get(v.trim()) ?? 0) + 1);
  }
  const instrument = [...instruments.keys()].find((i) => AE_INSTRUMENT.test(fold(i)));
  if (instrument === undefined) return out;
  // The instrument's own columns: filled on some of its rows and on no row of a visit.
  const onEvent = new Set<number>();
  const onVisit = new Set<number>();
  for (const rec of csv.records) {
    const v = rec.cells[repeatCol];
    const mine = v !== null && v !== undefined && v.trim() === instrument;
    const isVisit = v === null || v === undefined;
    rec.cells.forEach((c, i) => {
      if (c === null || i === repeatCol) return;
      if (mine) onEvent.add(i);
      else if (isVisit) onVisit.add(i);
    });
  }
  const own = csv.header.filter((h, i) => onEvent.has(i) && !onVisit.has(i) && fold(h) !== 'redcaprepeatinstance');
  const named = namedColumns(own);
  out.section = { instrument, ...named };
  out.columns = Object.values(named);
  const read = (['serious', 'related', 'soc', 'term'] as const).flatMap((f) => (named[f] ? [`${f} "${named[f]}"`] : []));
  out.guesses.push(`adverse events ("adverseEvents"): the ${instruments.get(instrument)} rows of REDCap repeating instrument "${instrument}", one event each${read.length ? `; ${read.join(', ')}` : ''}`);
  out.checks.push(`adverse events: check the columns of "adverseEvents" (${own.map((c) => JSON.stringify(c)).join(', ') || 'none'} are the instrument's); a seriousness or relatedness cell reads Ja/Nej, Yes/No, Y/N or 1/0, and "Ved ikke" as unknown — give other codes their meaning in "columnCodes", and once a column has answer codes list every number in it (a REDCap 0/1/2 column: "2": 1 with "0": 0, "1": 1, never "2": 1 alone, which refuses every 1 and 0) (docs/plan-trial.md#adverse-events)`);
  return out;
}

/**
 * Whether the file is itself a listing of events rather than a trial export: at least two columns
 * named like an event's term, seriousness, relatedness or class (AETERM, AESER, ae_serious…), so
 * `plan init` can say so. The columns found, or undefined.
 */
export function eventListingColumns(header: readonly string[]): string[] | undefined {
  // Danish and generic listings too (`Alvorlig`, `Relateret`, `SOC`, `PT`): a class or term named
  // only `SOC`/`PT` counts beside a seriousness or relatedness column, never alone.
  const named = namedColumns(header.filter((h) => /^ae|adverse|serious|alvorlig|relateret|related|causal|kausal|sammenhaeng|bodsys|decod|organclass|organklasse|preferredterm|^soc$|^pt$/.test(fold(h))));
  const columns = Object.values(named);
  return columns.length >= 2 && (named.serious !== undefined || named.related !== undefined || columns.some((c) => /^ae|adverse|bodsys|decod/.test(fold(c)))) ? columns : undefined;
}

/**
 * The undecided line for an event listing (`columns`: eventListingColumns; `id`: the column plan
 * init took as the patient id): what the file is, and the "adverseEvents" section that names it,
 * with its own columns filled in.
 */
export function eventListingText(columns: readonly string[], id?: string): { what: string; write: string } {
  const named = namedColumns(columns);
  const fields = (['serious', 'related', 'soc', 'term'] as const).flatMap((f) => (named[f] !== undefined ? [`"${f}": ${JSON.stringify(named[f])}`] : []));
  return {
    what: 'what the file is: it looks like a listing of adverse events, one row per event',
    write:
      `a trial export (one row per patient and visit, or per patient) — the columns ${columns.map((c) => JSON.stringify(c)).join(', ')} are an event listing's. ` +
      'hta counts adverse events over every patient randomised, which a listing alone cannot give: run plan init on the trial export, and name this file in its plan as ' +
      `"adverseEvents": { "file": "<this file, relative to the plan>", "id": ${id !== undefined ? JSON.stringify(id) : '"<its patient-id column>"'}, ${fields.join(', ')} } (docs/plan-trial.md#adverse-events); the listing's ids must be the export's, and a seriousness or relatedness cell other than Ja/Nej, Yes/No, Y/N, 1/0 or "Ved ikke" (\`Muligvis\`, \`POSSIBLY RELATED\`) needs its meaning in "columnCodes": { "<column>": { "answers": { "Muligvis": 1 } } }; once a column has answer codes every number in it must be listed (a 0/1/2 column: { "0": 0, "1": 1, "2": 1 }, never { "2": 1 } alone, which refuses every 1 and 0)`,
  };
}
