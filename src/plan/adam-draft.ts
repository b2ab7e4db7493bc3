/**
 * `hta plan init` on CDISC ADaM data (docs/plan-trial.md "What plan init recognises", ADaM): the
 * draft reads a view of the export in which ADaM's own conventions are already settled, and the
 * plan drafted from it is put back in the export's names —
 *   - rows ADaM derived (a value in `DTYPE`: LOCF…) are not drafted from; the plan reads past them
 *     ("derivedRows": "leave-out", trial/adam-derived-rows.ts);
 *   - derived visits (`ENDPOINT`, `Week 12 LOCF`…; `End of Treatment` in a dataset with DTYPE or
 *     AVISITN) in `AVISIT` (or a CDISC dataset's `VISIT`) are no visits of the schedule: left out
 *     ("ignoreTimepoints"), said why; a trial export's own `visit` column is not read so;
 *   - records summarising others (DTYPE `AVERAGE`…) are no imputation: the draft is undecided,
 *     naming the filter that keeps ADaM's analysed records;
 *   - a one-parameter BDS dataset (one `PARAMCD`, or one `PARAM` label) is read with `AVAL` as that
 *     parameter's score;
 *   - a BDS pivoted with `values_from = c(AVAL, BASE, CHG)` reads `AVAL_<PARAMCD>` as that
 *     parameter's score, and never `BASE_<PARAMCD>` (the baseline, repeated on every row) or
 *     `CHG_<PARAMCD>` (the change) as an outcome;
 *   - ADaM's population flags (ITTFL, FASFL, PPROTFL…) are named for "population".
 * ADSL's reason for discontinuation (`DCSREAS`) is drafted with the participant flow (flow-draft.ts).
 * A dataset of several parameters in one AVAL column is refused by export-layouts.ts.
 */
import type { CsvRecord, CsvTable } from '../io/read-csv.js';
import { countedText, derivedRowsOf, derivedTypeColumn, type DerivedRows, derivedVisitColumn, derivedVisitTest, notImputedValues, summaryRowsExpected } from '../trial/adam-derived-rows.js';
import { parameterColumn } from './export-layouts.js';
import type { PlanDraft } from './draft-plan.js';

const upper = (h: string) => h.trim().toUpperCase();

/** ADaM's subject-level population flags, each "Y" or blank. */
const POPULATION_FLAGS = ['ITTFL', 'FASFL', 'MITTFL', 'PPROTFL', 'RANDFL', 'SAFFL', 'EFFFL', 'COMPLFL'];

/** Columns of a BDS row that describe its parameter or derive from AVAL: never drafted beside a one-parameter AVAL. */
const PARAMETER_COLUMNS = ['PARAMCD', 'PARAM', 'PARAMN', 'PARAMTYP', 'AVALC', 'BASE', 'CHG', 'PCHG', 'BASETYPE', 'BASEC'];

/** A name a PARAMCD value can take as a column: ADaM's are at most 8 letters, digits and _. */
const COLUMN_NAME = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;

export interface AdamView {
  /** The export as the draft reads it. */
  table: CsvTable;
  /** The draft of `table` in the export's own names, with what the view settled said and drafted. */
  finish(draft: PlanDraft): PlanDraft;
}

/** A PARAMCD value, or a PARAM label cleaned up (`RMDQ Total Score` → `RMDQ_Total_Score`), as a column name; undefined when it makes none. */
function parameterName(value: string): string | undefined {
  const name = value.trim().replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  return COLUMN_NAME.test(name) ? name : undefined;
}

/** The export's ADaM conventions settled for the draft, or undefined when it has none. */
export function adamView(table: CsvTable): AdamView | undefined {
  const header = table.header;
  const names = header.map(upper);
  const has = (n: string) => names.includes(n);
  const at = (n: string) => names.indexOf(n);
  const guesses: string[] = [];
  const checks: string[] = [];
  const renamed = new Map<string, string>(); // view name → export name
  const dropped = new Set<number>();
  const plan: Record<string, unknown> = {};

  // Rows ADaM derived (DTYPE): drafted from neither; read past by the plan.
  const dtypeCol = derivedTypeColumn(header, table.records);
  const derived: DerivedRows | undefined = derivedRowsOf(header, table.records, dtypeCol);
  // Derived visits not marked in DTYPE (or with no DTYPE column): left out as visits.
  const visitCol = derivedVisitColumn(header);
  const isDerivedVisit = derivedVisitTest(header) ?? (() => false);
  const derivedVisits = new Map<string, number>();
  const keepRow = (r: CsvRecord): boolean => {
    if (dtypeCol >= 0 && r.cells[dtypeCol] != null) return false;
    const v = visitCol >= 0 ? r.cells[visitCol] : null;
    if (v != null && isDerivedVisit(v)) {
      derivedVisits.set(v, (derivedVisits.get(v) ?? 0) + 1);
      return false;
    }
    return true;
  };

  // A one-parameter BDS dataset: AVAL is that parameter's score.
  const paramCol = parameterColumn(header);
  const avalCol = at('AVAL');
  let oneParameter: string | undefined;
  if (paramCol >= 0 && avalCol >= 0) {
    const params = new Set<string>();
    for (const r of table.records) {
      const p = r.cells[paramCol];
      if (p != null) params.add(p.trim());
      if (params.size > 1) break;
    }
    const [value] = params;
    // Several parameters: refused by export-layouts.ts, with the pivot.
    const p = params.size === 1 ? parameterName(value!) : undefined;
    if (p === undefined || has(upper(p))) return undefined;
    oneParameter = p;
    renamed.set(p, header[avalCol]!.trim());
    PARAMETER_COLUMNS.forEach((c) => has(c) && dropped.add(at(c)));
    guesses.push(`outcome column "${header[avalCol]!.trim()}": the one parameter of this CDISC ADaM BDS dataset (${header[paramCol]!.trim()} "${value!.trim()}"), read as ${p}'s score`);
    const derivedCols = ['BASE', 'CHG', 'PCHG'].filter(has);
    if (derivedCols.length) guesses.push(`not drafted: ${derivedCols.map((c) => `"${header[at(c)]!.trim()}"`).join(', ')}, ADaM's baseline and change of ${header[avalCol]!.trim()}: hta reads the baseline from the baseline visit's row and analyses the score, adjusted for it`);
  }

  // A BDS pivoted with values_from = c(AVAL, BASE, CHG): AVAL_<PARAMCD> the score, BASE_/CHG_ never outcomes.
  const prefixed = header.map((h) => /^(AVAL|BASE|CHG|PCHG)_([A-Za-z][A-Za-z0-9_]*)$/i.exec(h.trim()));
  if (!oneParameter && prefixed.some((m) => m && upper(m[1]!) === 'AVAL')) {
    prefixed.forEach((m, i) => {
      if (!m) return;
      const kind = upper(m[1]!);
      const param = m[2]!;
      const column = header[i]!.trim();
      if (kind === 'AVAL') {
        if (!has(upper(param))) renamed.set(param, column);
        return;
      }
      dropped.add(i);
      guesses.push(kind === 'BASE'
        ? `not drafted: "${column}", ADaM's baseline value of ${param} (the same on every row of a patient), never a follow-up outcome: hta reads the baseline from the baseline visit's "AVAL_${param}"`
        : `not drafted: "${column}", ADaM's ${kind === 'CHG' ? 'change' : 'percent change'} from baseline of ${param}: hta analyses the score "AVAL_${param}", adjusted for the baseline`);
    });
  }

  const flags = POPULATION_FLAGS.filter(has).map((f) => header[at(f)]!.trim());
  // Nothing of ADaM's here: the export as it is, without copying its records.
  const anyDerivedVisit = (): boolean => {
    if (visitCol < 0) return false;
    for (const r of table.records) {
      const v = r.cells[visitCol];
      if (v != null && isDerivedVisit(v)) return true;
    }
    return false;
  };
  if (!derived && !renamed.size && !dropped.size && !flags.length && !anyDerivedVisit()) return undefined;
  const keep = header.map((_, i) => i).filter((i) => !dropped.has(i));
  const viewHeader = keep.map((i) => {
    const h = header[i]!.trim();
    return [...renamed].find(([, from]) => from === h)?.[0] ?? header[i]!;
  });
  const records: CsvRecord[] = [];
  for (const r of table.records) {
    if (!keepRow(r)) continue;
    const cells = r.cells;
    const raw = r.raw;
    records.push({ line: r.line, cells: keep.map((i) => cells[i] ?? null), raw: keep.map((i) => raw[i] ?? '') });
  }
  const exportName = new Map(renamed);
  const view: CsvTable = { ...table, header: viewHeader, records };

  // Records summarising others (AVERAGE…): no plan reads past them (trial/adam-derived-rows.ts).
  const summaries = derived && notImputedValues(derived).length ? derived : undefined;
  if (derived && !summaries) {
    plan.derivedRows = 'leave-out';
    guesses.push(`ADaM derived rows read past ("derivedRows": "leave-out"): ${derived.rows} ${derived.rows === 1 ? 'row' : 'rows'} with a derivation type in "${derived.column}" (${countedText(derived.values)}), values imputed for a missed visit, not observed`);
    checks.push(`"derivedRows": "leave-out": the ${derived.rows} ${derived.rows === 1 ? 'row' : 'rows'} "${derived.column}" marks (${countedText(derived.values)}) are in no analysis, so the visits they filled are missing — the missing-data analyses (multiple imputation, tipping point) handle them; an LOCF analysis, if the protocol asks for one, is not this (docs/plan-trial.md#adam-derived-rows)`);
  }
  if (derivedVisits.size) {
    const listed = [...derivedVisits].map(([v, n]) => `${JSON.stringify(v)} (${n} ${n === 1 ? 'row' : 'rows'})`).join(', ');
    guesses.push(`left out ("ignoreTimepoints"): ${listed}, ${derivedVisits.size === 1 ? 'a visit' : 'visits'} ADaM derives (each patient's last or carried-forward value), not ${derivedVisits.size === 1 ? 'one' : 'ones'} of the schedule — analysed as a visit, it would repeat another visit's values`);
  }
  if (flags.length) {
    const pp = flags.find((f) => upper(f) === 'PPROTFL');
    const criterion = (f: string) => JSON.stringify({ column: f, op: 'in', values: ['Y'] });
    checks.push(`ADaM population flags ${flags.map((f) => `"${f}"`).join(', ')} are not used: every randomised patient is analysed (ITT)${pp ? `; for the per-protocol set as a sensitivity analysis add "population": ${JSON.stringify({ purpose: 'per-protocol', label: { en: 'Per-protocol set' }, criteria: [{ column: pp, op: 'in', values: ['Y'] }] })} (docs/plan-trial.md#per-protocol-and-itt)` : ''}; a flag is a criterion of "population" as ${criterion(flags.find((f) => f !== pp) ?? flags[0]!)} (docs/subgroups.md#target-population)`);
  }

  return {
    table: view,
    finish(draft: PlanDraft): PlanDraft {
      const back = (text: string) => {
        let t = text;
        for (const [to, from] of exportName) t = t.split(`"${to}"`).join(`"${from}"`);
        return t;
      };
      const out: PlanDraft = { plan: draft.plan, undecided: draft.undecided.map((u) => ({ what: back(u.what), write: back(u.write) })), guesses: draft.guesses.map(back), checks: draft.checks.map(back), ...(draft.mcidLeft ? { mcidLeft: draft.mcidLeft } : {}) };
      if (summaries) {
        const others = notImputedValues(summaries);
        out.undecided.unshift({ what: `ADaM derived records that summarise others (${countedText(others)} in "${summaries.column}"), beside the records they summarise`, write: summaryRowsExpected(summaries, header) });
      }
      if (draft.undecided.length) return out;
      const p = draft.plan as Record<string, unknown> & { outcomes?: { column?: string }[]; ignoreTimepoints?: string[] };
      for (const o of p.outcomes ?? []) if (o.column !== undefined && exportName.has(o.column)) o.column = exportName.get(o.column)!;
      if (derivedVisits.size) p.ignoreTimepoints = [...(p.ignoreTimepoints ?? []), ...derivedVisits.keys()];
      if (plan.derivedRows) Object.assign(p, plan);
      // Said before the list of columns not used, which ends the draft's guesses.
      const notUsed = out.guesses.findIndex((g) => g.startsWith('not used: '));
      const cut = notUsed < 0 ? out.guesses.length : notUsed;
      return { ...out, plan: p, guesses: [...out.guesses.slice(0, cut), ...guesses, ...out.guesses.slice(cut)], checks: [...out.checks, ...checks] };
    },
  };
}
