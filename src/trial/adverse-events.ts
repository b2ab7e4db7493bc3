/**
 * Adverse events from a REDCap repeating instrument of the export (the plan's "adverseEvents"):
 * each row of the instrument is one event of its record. Its seriousness and relatedness cells are
 * read as yes, no or unknown — the plan's "columnCodes" and "missingCodes" first, then yes/no words
 * (Ja/Nej, Yes/No, Y/N, TRUE/FALSE) and 0/1; a don't-know word ("Ved ikke", "Unknown") is unknown,
 * never no. Any other value stops the run: an event read wrong changes a safety count
 * (docs/plan-trial.md#adverse-events).
 */
import type { Problem } from '../errors.js';
import { nfc } from '../io/nfc.js';
import { parseNumber } from '../io/parse-number.js';
import { isDontKnowWord } from '../plan/answer-words.js';
import type { Plan, PlanAdverseEvents } from '../plan/plan-schema.js';
import type { Arm } from './trial-data.js';
import { coderFor, type ColumnCoder } from './value-codes.js';
import { isNoWord, isYesWord } from './yes-no-words.js';

/** Yes (1), no (0) or not known (null). */
export type YesNoUnknown = 0 | 1 | null;

/** One event, with its patient's arm. Never leaves hta with its patient. */
export interface AdverseEvent {
  arm: Arm;
  /** The patient's index among the trial's patients (to count patients, not events). */
  patient: number;
  serious?: YesNoUnknown;
  related?: YesNoUnknown;
  soc?: string | null;
  term?: string | null;
}

/** The events read, and the rows read past (patients not in the comparison). */
export interface AdverseEventData {
  spec: PlanAdverseEvents;
  events: AdverseEvent[];
  /** Event rows whose record is no patient of the comparison (another arm, never randomised, or left out as invalid). */
  outside: number;
}

type Field = 'serious' | 'related' | 'soc' | 'term';
const YES_NO_FIELDS = new Set<Field>(['serious', 'related']);

interface PendingEvent {
  line: number;
  id: string;
  values: Partial<Record<Field, YesNoUnknown | string | null>>;
}

/**
 * Reads the instrument's rows while the export is read (load-trial.ts), and joins them to the
 * patients after it. `header`: the export's header in the plan's spelling.
 */
export class AdverseEventReader {
  readonly #spec: PlanAdverseEvents;
  readonly #instrument: string;
  readonly #columns: { field: Field; idx: number; name: string; coder: ColumnCoder | undefined }[] = [];
  readonly #pending: PendingEvent[] = [];
  readonly problems: Problem[] = [];

  constructor(
    plan: Plan & { adverseEvents: PlanAdverseEvents },
    header: readonly string[],
    private readonly file: string,
    private readonly decimalComma: boolean,
  ) {
    this.#spec = plan.adverseEvents;
    this.#instrument = nfc(this.#spec.instrument.trim());
    for (const field of ['serious', 'related', 'soc', 'term'] as const) {
      const name = this.#spec[field];
      if (name === undefined) continue;
      const idx = header.indexOf(name);
      if (idx < 0) {
        this.problems.push({ file, line: 1, value: name, expected: `a column named "${name}" for the plan's "adverseEvents": { "${field}": … } (the ${field === 'soc' ? 'system organ class' : field === 'term' ? 'event term' : `${field}ness`} of each event)`, kind: 'column.adverse-events' });
        continue;
      }
      this.#columns.push({ field, idx, name, coder: YES_NO_FIELDS.has(field) ? coderFor(plan, name, undefined, decimalComma) : undefined });
    }
  }

  /** Whether a row of this repeating instrument is an event row. */
  isEventRow(instrument: string): boolean {
    return nfc(instrument.trim()) === this.#instrument;
  }

  /** Reads one event row (`cell`: the row's cell by column index, null when empty). */
  add(line: number, id: string, cell: (idx: number) => string | null): void {
    const values: PendingEvent['values'] = {};
    for (const { field, idx, name, coder } of this.#columns) {
      const text = cell(idx);
      if (text === null || !YES_NO_FIELDS.has(field)) {
        values[field] = text === null ? null : nfc(text.trim());
        continue;
      }
      const read = this.#yesNo(text, coder);
      if (read === 'unknown-code') {
        this.problems.push({
          file: this.file, line, column: idx + 1, field: name, value: text,
          expected: `yes, no or unknown for the event's ${field === 'serious' ? 'seriousness' : 'relatedness'}: Ja/Nej, Yes/No, Y/N or 1/0, a don't-know word ("Ved ikke", "Unknown") or a code of the plan's "missingCodes"; give other codes their meaning in "columnCodes": { "${name}": { "answers": { "…": 1 }, "missing": ["…"] } }`,
          kind: `adverse-events.code:${field}`,
        });
        return;
      }
      values[field] = read;
    }
    this.#pending.push({ line, id, values });
  }

  /** The cell as yes (1), no (0) or unknown (null); 'unknown-code' when it is none of these. */
  #yesNo(text: string, coder: ColumnCoder | undefined): YesNoUnknown | 'unknown-code' {
    if (coder) {
      const coded = coder.apply(text);
      if (coded.kind === 'missing') return null;
      if (coded.kind === 'answer') return coded.value === 1 ? 1 : coded.value === 0 ? 0 : 'unknown-code';
      if (coded.kind === 'unknown') return 'unknown-code';
    }
    if (isYesWord(text)) return 1;
    if (isNoWord(text)) return 0;
    if (isDontKnowWord(text)) return null;
    const n = parseNumber(text.trim(), this.decimalComma);
    return n === 1 ? 1 : n === 0 ? 0 : 'unknown-code';
  }

  /** Event rows read (before the join to the patients). */
  get rows(): number {
    return this.#pending.length;
  }

  /** The note when no row is of the instrument (a name written otherwise, or a trial without events): `instruments`, the file's others. */
  noRowsNote(file: string, instruments: readonly string[]): string {
    const others = instruments.length ? `the file's repeating instruments are ${instruments.map((i) => JSON.stringify(i)).join(', ')}` : 'the file has no repeating-instrument rows';
    return `${file}: no row of the repeating instrument "${this.#spec.instrument}" of the plan's "adverseEvents" (${others}): no adverse event is counted — check the instrument's name if the trial had events`;
  }

  /** The events joined to the patients (`patientOf`: a record's patient index and arm, undefined outside the comparison). */
  finish(patientOf: (id: string) => { patient: number; arm: Arm } | undefined): AdverseEventData {
    const events: AdverseEvent[] = [];
    let outside = 0;
    for (const e of this.#pending) {
      const p = patientOf(e.id);
      if (p === undefined) {
        outside++;
        continue;
      }
      events.push({ arm: p.arm, patient: p.patient, ...(e.values as Partial<AdverseEvent>) });
    }
    return { spec: this.#spec, events, outside };
  }
}
