/**
 * Answer and missing-value codes, applied to a cell before it is validated: "Ja" → 1,
 * "2" → 0, 999 / -9 / "Ved ikke" → missing. Numeric codes match numerically after the
 * export's decimal-comma normalisation ("999,0" is 999); text codes match exactly. Every
 * recoded cell is counted per column and code, so `validate` and `analyze --json` can say what
 * was changed. Precedence and the scored export's treatment: docs/plan-trial.md.
 */
import { nfc } from '../io/nfc.js';
import { parseNumber, planCodeNumber } from '../io/parse-number.js';
import type { AnswerCodes, MissingCodes, Plan, PlanOutcome } from '../plan/plan-schema.js';

/** What a cell became. */
export type CodedCell =
  | { kind: 'text'; text: string }
  | { kind: 'answer'; value: number }
  | { kind: 'missing' }
  | { kind: 'not-applicable' }
  | { kind: 'unknown' };

/** One line of the record of recoding: `count` cells of `column` held `code` and became `to`. */
export interface RecodeCount {
  column: string;
  code: string;
  /** The number the code stands for; null = missing. */
  to: number | null;
  count: number;
  /** The code says the outcome does not apply (the outcome's "notApplicableCodes"): no value, and not missing either. */
  notApplicable?: true;
}

/**
 * A code's matching key: numbers by value ("999" = "999,0" = "999.0"), text as written — in NFC:
 * "Ved ikke/Uoplyst" with a decomposed letter (macOS) is the plan's text (io/nfc.ts).
 */
function keyOf(text: string, decimalComma: boolean): string {
  const n = parseNumber(text, decimalComma);
  return n === undefined ? `t:${nfc(text)}` : `n:${n}`;
}

/**
 * Plan codes are read with either decimal mark: a plan is written by hand. A code that reads
 * either way ("9,999": 9.999 with a decimal comma, 9999 with thousands commas) is read with the
 * file's mark, as its cells are, so that the code written as the file writes it matches
 * (io/parse-number.ts `planCodeNumber`, the one rule the scale checks share).
 */
const planKey = (code: string | number, decimalComma: boolean): string => {
  if (typeof code === 'number') return `n:${code}`;
  const n = planCodeNumber(code, decimalComma);
  return n === undefined ? `t:${nfc(code.trim())}` : `n:${n}`;
};

export class ColumnCoder {
  private readonly answers = new Map<string, { code: string; value: number }>();
  private readonly missing = new Map<string, string>();
  private readonly notApplicable = new Map<string, string>();

  /**
   * `planWide`: the plan's own `missingCodes`, read once for every column (planMissingCodes);
   * a column's and its outcome's codes (`missing`) come first.
   */
  constructor(answers: AnswerCodes | undefined, missing: MissingCodes, private readonly decimalComma: boolean, notApplicable: MissingCodes = [], private readonly planWide: ReadonlyMap<string, string> = new Map()) {
    for (const [code, value] of Object.entries(answers ?? {})) this.answers.set(planKey(code, decimalComma), { code, value });
    for (const code of notApplicable) if (!this.notApplicable.has(planKey(code, decimalComma))) this.notApplicable.set(planKey(code, decimalComma), String(code));
    for (const code of missing) if (!this.missing.has(planKey(code, decimalComma))) this.missing.set(planKey(code, decimalComma), String(code));
  }

  /** Whether the column has codes saying the outcome does not apply. */
  get hasNotApplicable(): boolean {
    return this.notApplicable.size > 0;
  }

  /** True when the column has answer codes: every other non-missing cell is then a problem. */
  get closed(): boolean {
    return this.answers.size > 0;
  }

  /** Whether the cell is one of the column's answer codes (not a missing-value code). */
  isAnswer(text: string): boolean {
    return this.answers.has(keyOf(text, this.decimalComma));
  }

  /**
   * The answer code a cell differs from only in case (`nej` for the plan's `Nej`), for messages:
   * codes match as written, so the cell is refused, with the code it probably means.
   */
  caseVariantOf(text: string): { code: string; value: number } | undefined {
    const t = nfc(text.trim()).toLowerCase();
    return [...this.answers.values()].find((a) => a.code !== text && nfc(a.code.trim()).toLowerCase() === t);
  }

  /** Answer codes as written in the plan, for messages. */
  answerCodes(): string[] {
    return [...this.answers.values()].map((a) => a.code);
  }

  /** Answer codes as written in the plan with their numbers, for messages. */
  answerEntries(): { code: string; value: number }[] {
    return [...this.answers.values()];
  }

  /**
   * The plan-wide code (as the plan writes it) that reads `text` as missing when none of the
   * column's own codes (answer, not-applicable, missing) claims it: the plan's, not the user's
   * word for this column (number-code-values.ts).
   */
  planWideMissing(text: string): string | undefined {
    const key = keyOf(text, this.decimalComma);
    if (this.answers.has(key) || this.notApplicable.has(key) || this.missing.has(key)) return undefined;
    return this.planWide.get(key);
  }

  /** Applies the codes to a non-empty cell; `onRecode` hears the plan code and its meaning ('not-applicable' for a not-applicable code). */
  apply(text: string, onRecode?: (code: string, to: number | null | 'not-applicable') => void): CodedCell {
    const key = keyOf(text, this.decimalComma);
    // An answer code wins over a missing code: it was written for this column.
    const answer = this.answers.get(key);
    if (answer) {
      onRecode?.(answer.code, answer.value);
      return { kind: 'answer', value: answer.value };
    }
    // The outcome's own not-applicable code wins over a plan-wide missing code.
    const notApplicable = this.notApplicable.get(key);
    if (notApplicable !== undefined) {
      onRecode?.(notApplicable, 'not-applicable');
      return { kind: 'not-applicable' };
    }
    const missing = this.missing.get(key) ?? this.planWide.get(key);
    if (missing !== undefined) {
      onRecode?.(missing, null);
      return { kind: 'missing' };
    }
    return this.closed ? { kind: 'unknown' } : { kind: 'text', text };
  }
}

/**
 * The coder for one export column read for `outcome` (or for a covariate when `outcome` is
 * undefined): answer codes from the column's own `columnCodes`, else the outcome's `answers`;
 * missing codes from the column, the outcome and the plan together. Undefined when no code
 * applies, so unmapped plans read cells exactly as before.
 */
export function coderFor(plan: Plan, column: string, outcome: PlanOutcome | undefined, decimalComma: boolean): ColumnCoder | undefined {
  const own = Object.hasOwn(plan.columnCodes, column) ? plan.columnCodes[column] : undefined;
  const answers = own?.answers ?? outcome?.answers;
  const missing = [...(own?.missing ?? []), ...(outcome?.missingCodes ?? [])];
  const notApplicable = outcome?.notApplicableCodes ?? [];
  if (!answers && missing.length === 0 && plan.missingCodes.length === 0 && notApplicable.length === 0) return undefined;
  return new ColumnCoder(answers, missing, decimalComma, notApplicable, planMissingCodes(plan.missingCodes, decimalComma));
}

/** The plan-wide missing codes by their key, per list and decimal mark: built once, not once per column. */
const planWideCodes = new WeakMap<MissingCodes, Map<boolean, Map<string, string>>>();

/**
 * The plan's `missingCodes` as one table that every column's coder shares. Built per column, a
 * plan of 400,000 codes cost columns × codes: `validate` took 115 s and 1.9 GB
 * (docs/limits.md#plans).
 */
function planMissingCodes(codes: MissingCodes, decimalComma: boolean): ReadonlyMap<string, string> {
  const byMark = planWideCodes.get(codes) ?? new Map<boolean, Map<string, string>>();
  planWideCodes.set(codes, byMark);
  let table = byMark.get(decimalComma);
  if (!table) {
    table = new Map();
    for (const code of codes) if (!table.has(planKey(code, decimalComma))) table.set(planKey(code, decimalComma), String(code));
    byMark.set(decimalComma, table);
  }
  return table;
}

/**
 * Every text the plan reads as a value in some column: missing-value codes (plan-wide, an
 * outcome's, a column's) and answer codes. A row holding them is data, not a row of labels
 * (io/header-line.ts).
 */
export function planValueCodes(plan: Plan): string[] {
  const codes = [...plan.missingCodes, ...plan.outcomes.flatMap((o) => [...(o.missingCodes ?? []), ...(o.notApplicableCodes ?? []), ...Object.keys(o.answers ?? {})])];
  for (const c of Object.values(plan.columnCodes)) codes.push(...(c.missing ?? []), ...Object.keys(c.answers ?? {}));
  return [...new Set(codes.map(String))];
}

/** Counts recoded cells per column and code, in the order first met. */
export class RecodeTally {
  private readonly counts = new Map<string, RecodeCount>();

  add(column: string, code: string, to: number | null | 'not-applicable'): void {
    const key = `${column}\u0000${code}`;
    const c = this.counts.get(key);
    if (c) c.count++;
    else this.counts.set(key, to === 'not-applicable' ? { column, code, to: null, count: 1, notApplicable: true } : { column, code, to, count: 1 });
  }

  /** Sorted by the column's position in the file, then code order as met. */
  list(header: readonly string[]): RecodeCount[] {
    const pos = (c: string) => {
      const i = header.indexOf(c);
      return i < 0 ? Number.MAX_SAFE_INTEGER : i;
    };
    return [...this.counts.values()].map((c, i) => ({ c, i })).sort((a, b) => pos(a.c.column) - pos(b.c.column) || a.i - b.i).map(({ c }) => c);
  }
}

/** `rmdq_1: "Ja" → 1 × 120, "Nej" → 0 × 300` lines for text output. */
/** A recode count as validate prints it: "suppressed" where an observational run hides a small count (observational/confounder-levels.ts). */
export type PrintedRecode = Omit<RecodeCount, 'count'> & { count: number | 'suppressed' };

export function formatRecodes(recoded: readonly PrintedRecode[], lang: 'en' | 'da' = 'en'): string[] {
  const byColumn = new Map<string, PrintedRecode[]>();
  for (const r of recoded) byColumn.set(r.column, [...(byColumn.get(r.column) ?? []), r]);
  const [notApplicable, missing] = lang === 'da' ? ['ikke relevant', 'manglende'] : ['not applicable', 'missing'];
  // The marker in the summary's language, as the glossary says it (docs/glossary-da.md: diskretioneret).
  const count = (c: PrintedRecode['count']) => (c === 'suppressed' && lang === 'da' ? 'diskretioneret' : c);
  return [...byColumn].map(([column, rs]) => `${column}: ${rs.map((r) => `${JSON.stringify(r.code)} → ${r.notApplicable ? notApplicable : r.to === null ? missing : r.to} × ${count(r.count)}`).join(', ')}`);
}
