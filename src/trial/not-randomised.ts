/**
 * Participants an export lists but never randomised (docs/plan-trial.md#participant-flow): a
 * Castor study export has rows for every participant created in the study, also those enrolled
 * but never randomised — the arm cell empty on every row of theirs. A patient counts as such
 * when no row of the id (by its key, patient-ids.ts idKey) has any arm value: one with an arm on
 * another row takes that arm (load-trial.ts), and one with a value that is no arm of the plan is
 * refused at that cell, never counted here.
 *
 * An arm value the plan's "flow.notRandomisedValues" lists (`Ikke randomiseret`) counts as no arm value.
 *
 * With the plan's "flow.notRandomised" their rows are passed over and counted (distinct ids,
 * lines), for the participant flow's "Excluded" box: not analysed and no problem. Without it each
 * of their empty arm cells is a problem of its own kind that says what they look like and names
 * the key. A sheet whose arm is only on the first row of each block of patients (merged cells)
 * leaves patients without an arm too: when such rows are half the export or more (the threshold
 * export-shape.ts names that shape at), they are never taken as not randomised, key or not.
 */
import type { Plan } from '../plan/plan-schema.js';
import { SpecialMissingReader } from './special-missing.js';
import { notRandomisedValueTest } from './not-randomised-values.js';
import { idKey, plainPatientId } from './patient-ids.js';
import { isBlockShape, isSummaryWord } from './export-shape.js';
import type { LongTable } from './wide-to-long.js';

/** The count of participants never randomised, as TrialData and results.json keep it. */
export interface NotRandomisedCount {
  /** Participants (distinct ids) with no arm value on any row. */
  patients: number;
  /** Lines of the export passed over for them. */
  rows: number;
  /**
   * The export's participants (distinct ids, by idKey), randomised or not, whatever rows were left
   * out as invalid: the participant flow's "Participants in the export" without the screening log.
   */
  inExport: number;
}

/** The run's note on them: how many participants and rows were passed over, or that none was. */
export function notRandomisedNote(file: string, armColumn: string, n: NotRandomisedCount, values: readonly string[] = [], lang: 'en' | 'da' = 'en'): string {
  // The plan's "flow.notRandomisedValues" read as no arm value: said with them.
  if (lang === 'da') {
    const eller = values.length ? ` (eller ${values.map((v) => JSON.stringify(v)).join(', ')})` : '';
    if (n.patients === 0) return `${file}: ingen deltager uden en gruppe${eller} i kolonnen "${armColumn}" (planens "flow.notRandomised"): ingen er talt som ikke randomiseret`;
    const hvem = n.patients === 1 ? '1 deltager' : `${n.patients} deltagere`;
    return `${file}: ${hvem} uden en gruppe${eller} i kolonnen "${armColumn}" i nogen række (${n.rows} ${n.rows === 1 ? 'række' : 'rækker'}) er inkluderet, men ikke randomiseret (planens "flow.notRandomised"): analyseres ikke, tælles som ekskluderet før randomiseringen i flowdiagrammet`;
  }
  const or = values.length ? ` (or ${values.map((v) => JSON.stringify(v)).join(', ')})` : '';
  if (n.patients === 0) return `${file}: no participant without an arm value${or} in column "${armColumn}" (the plan's "flow.notRandomised"): nobody counted as not randomised`;
  const who = n.patients === 1 ? '1 participant' : `${n.patients} participants`;
  return `${file}: ${who} with no arm value${or} in column "${armColumn}" on any row (${n.rows} ${n.rows === 1 ? 'row' : 'rows'}) ${n.patients === 1 ? 'was' : 'were'} enrolled but not randomised (the plan's "flow.notRandomised"): not analysed, counted as excluded before randomisation in the participant flow`;
}

export class NotRandomised {
  readonly #plan: Pick<Plan, 'flow'>;
  readonly #table: LongTable;
  readonly #idCol: number;
  readonly #armCols: readonly number[];
  /** Id keys with no arm value on any row → their lines; read on first need. */
  #armless: Map<string, Set<number>> | undefined;
  /** The lines of #armless, and the export's distinct id keys, read with it. */
  #armlessRows = 0;
  #participants = 0;
  #honoured = false;
  readonly #ids = new Set<string>();
  readonly #lines = new Set<number>();

  constructor(plan: Pick<Plan, 'flow'>, table: LongTable, idCol: number, armCols: readonly number[]) {
    this.#plan = plan;
    this.#table = table;
    this.#idCol = idCol;
    this.#armCols = armCols;
  }

  /** Whether the plan says such participants may be in the export ("flow.notRandomised"). */
  get planned(): boolean {
    return this.#plan.flow?.notRandomised !== undefined;
  }

  /** Whether no row of patient `id` has an arm value. One pass over the id and arm cells, on first need. */
  armless(id: string): boolean {
    return this.#read().has(idKey(id));
  }

  /** Whether the rows of patient `id` are those of a participant never randomised that the plan counts: passed over, no problem. */
  passes(id: string): boolean {
    // armless() reads the export first, which settles #honoured.
    return this.planned && this.armless(id) && this.#honoured;
  }

  /** Counts a row of such a participant, read on file line `line` (a wide line's visits are one row). */
  count(id: string, line: number): void {
    this.#ids.add(idKey(id));
    this.#lines.add(line);
  }

  /**
   * The participants and lines passed over (zero when the export had none), and the export's
   * participants: read here, where every id is (when the plan counts them; 0 otherwise, unread).
   */
  counts(): NotRandomisedCount {
    if (this.planned) this.#read();
    return { patients: this.#ids.size, rows: this.#lines.size, inExport: this.#participants };
  }

  /** The patients with no arm on any row and their lines, and whether the plan's key would count them (not the merged-cells shape): for plan init. */
  survey(): { patients: number; rows: number; countable: boolean } {
    const armless = this.#read();
    return { patients: armless.size, rows: this.#armlessRows, countable: this.#honoured };
  }

  /** The text after an empty arm cell's "an arm value: … as in the plan's "arms"" for a patient with no arm on any row. */
  emptyArmText(): string {
    this.#read();
    if (this.planned && !this.#honoured) {
      return ` (the cell is empty on every row of this patient: the plan's "flow.notRandomised" counts such participants as never randomised, but their rows are half the export or more, as when the arm is only on the first row of each block of patients — fill the arm down if so; if they really were never randomised, delete their rows and count them in "flow.excluded")`;
    }
    return ` (the cell is empty on every row of this patient: a participant never randomised? If the export lists participants enrolled but not randomised (a Castor study export does), set "flow": { "notRandomised": "Not randomised" } in the plan: they are then counted in the participant flow as excluded before randomisation, not analysed; otherwise give the patient's arm)`;
  }

  #read(): Map<string, Set<number>> {
    if (this.#armless) return this.#armless;
    const armed = new Set<string>();
    const armless = new Map<string, Set<number>>();
    const lines = new Set<number>();
    const cells = new SpecialMissingReader();
    // An arm value the plan lists as "never randomised" is no arm (not-randomised-values.ts).
    const notRandomisedValue = notRandomisedValueTest(this.#plan);
    const width = Math.max(this.#idCol, ...this.#armCols) + 1;
    for (const rec of this.#table.records) {
      cells.load(rec, width);
      lines.add(rec.line);
      const idCell = cells.cell(this.#idCol);
      if (idCell === null) continue;
      const plain = plainPatientId(idCell);
      // A totals or mean row (`I alt`, `Gennemsnit`) is no participant (export-shape.ts).
      if (isSummaryWord(plain)) continue;
      const id = idKey(plain);
      if (this.#armCols.some((c) => cells.cell(c) !== null && !notRandomisedValue(cells.cell(c)!))) {
        armed.add(id);
        armless.delete(id);
      } else if (!armed.has(id)) {
        let at = armless.get(id);
        if (!at) armless.set(id, (at = new Set()));
        at.add(rec.line);
      }
    }
    let rows = 0;
    for (const at of armless.values()) rows += at.size;
    // The arm only on the first row of each block (merged cells) is that shape, not participants never randomised.
    this.#honoured = !isBlockShape(rows, lines.size);
    this.#armlessRows = rows;
    this.#participants = armed.size + armless.size;
    this.#armless = armless;
    return armless;
  }
}
