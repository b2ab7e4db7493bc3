/**
 * A plan's number code that reads differently under the two decimal marks: `"9,000"` is 9000 with
 * the decimal point (English thousands) and 9 with the decimal comma (EQ-5D's user-missing 9,000
 * as Danish SPSS writes it). The trial reader reads it with the export's mark, as its cells
 * (io/parse-number.ts `planCodeNumber`); `hta plan check` says which reading that is — the plan's
 * `"decimalMark"`, or the export's with `--export` — or, with neither, that the file decides
 * between the two (docs/plan-trial.md#codes-order-and-scope).
 */
import type { DecimalMark } from '../io/decimal-mark.js';
import { parseNumber } from '../io/parse-number.js';
import type { Plan } from './plan-schema.js';
import { scalesHolding, scalesText } from './scale-missing-codes.js';

/** The code's two readings, when it has two different ones. */
export function twoReadings(code: string | number): { point: number; comma: number } | undefined {
  if (typeof code === 'number') return undefined;
  const text = code.trim();
  const point = parseNumber(text, false);
  const comma = parseNumber(text, true);
  return point !== undefined && comma !== undefined && point !== comma ? { point, comma } : undefined;
}

/** Where each code stands in the plan, as the warning names it. */
function codesOf(plan: Pick<Plan, 'missingCodes' | 'columnCodes' | 'outcomes'>): { where: string; code: string | number }[] {
  const out: { where: string; code: string | number }[] = [];
  for (const code of plan.missingCodes ?? []) out.push({ where: '"missingCodes"', code });
  for (const [column, c] of Object.entries(plan.columnCodes ?? {})) {
    for (const code of c.missing ?? []) out.push({ where: `"columnCodes" of "${column}" ("missing")`, code });
    for (const code of Object.keys(c.answers ?? {})) out.push({ where: `"columnCodes" of "${column}" ("answers")`, code });
  }
  for (const o of plan.outcomes) for (const code of Object.keys(o.answers ?? {})) out.push({ where: `outcome "${o.key}" ("answers")`, code });
  return out;
}

/**
 * The warnings, one per such code. `mark`: the mark it is read with and what says so (the plan's
 * `"decimalMark"`, or the export `--export` names); undefined when nothing does.
 */
export function twoReadingCodeWarnings(plan: Pick<Plan, 'missingCodes' | 'columnCodes' | 'outcomes' | 'instruments'>, mark?: { mark: DecimalMark; by: string }): string[] {
  const out: string[] = [];
  for (const { where, code } of codesOf(plan)) {
    const r = twoReadings(code);
    if (!r) continue;
    // The mark the code is written with is the thousands separator of the other reading: "9,000"'s comma with the point, "9.000"'s point with the comma.
    const text = String(code);
    const readings = `${JSON.stringify(code)}, which reads two ways: ${r.point} with a decimal point${text.includes(',') ? ' (its comma a thousands separator)' : ''} and ${r.comma} with a decimal comma${text.includes('.') ? ' (its point a thousands separator)' : ''}`;
    // A plan-wide missing code on an outcome's scale empties its answers (scale-missing-codes.ts): said for the reading that does.
    const onScale = (v: number) => (where === '"missingCodes"' && scalesHolding(v, plan).length ? ` — as ${v} it is also a valid answer on the scale of ${scalesText(scalesHolding(v, plan))}, whose every ${v} would be read as missing` : '');
    if (mark) {
      const v = mark.mark === ',' ? r.comma : r.point;
      out.push(`${where} holds ${readings}; ${mark.by} the decimal ${mark.mark === ',' ? 'comma' : 'point'}, so it is read as ${v}${onScale(v)}. Write it as ${v} (a number) so that it cannot be read otherwise (docs/plan-trial.md#codes-order-and-scope)`);
    } else {
      const scale = onScale(r.comma) || onScale(r.point);
      out.push(`${where} holds ${readings}; the export's decimal mark decides which (no "decimalMark" in the plan; --export names a file to say it)${scale}. Write the number you mean (${r.point} or ${r.comma}) so that it cannot be read otherwise, or declare "decimalMark" in the plan (docs/plan-trial.md#codes-order-and-scope)`);
    }
  }
  return out;
}
