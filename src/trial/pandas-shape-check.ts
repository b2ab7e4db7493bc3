/**
 * An export pandas wrote in a shape hta does not read, given to validate, analyze or report with a
 * plan whose outcome columns it lacks: pandas' melt() (`variable`, `value`) or a header of column
 * tuples (`('rmdq', '3m')`). Refused as that shape, with the pandas line that makes it an export
 * hta reads (plan/export-layouts.ts, as plan init gives it), instead of "expected a column "rmdq""
 * per outcome. docs/input-trial-export.md#pandas-shapes.
 */
import { HtaError, type Problem } from '../errors.js';
import { meltedLayout, tupleHeaderLayout } from '../plan/export-layouts.js';

/** The refusal of such an export, or undefined (also when no outcome column is missing: the plan reads the file as it is). */
export function pandasShapeError(file: string, header: readonly string[], headerProblems: readonly Problem[]): HtaError | undefined {
  if (!headerProblems.some((p) => (p.kind ?? '').startsWith('column.outcome'))) return undefined;
  const layout = meltedLayout(header) ?? tupleHeaderLayout(header);
  if (!layout) return undefined;
  const what = layout.what.replace(/^the layout: /, '');
  const expected = layout.write.replace(/ — then run plan init on that file.*$/, ' — then run hta on that file with a plan naming its columns, or draft one with hta plan init (docs/input-trial-export.md#pandas-shapes)');
  return new HtaError('input.invalid', `${file}: ${what}; the plan's outcome columns are not in it`, [{ file, line: 1, expected, kind: 'layout.pandas' }]);
}
