/**
 * An outcome's export columns as a note names them: `column "pseq_3m"`, or the first and last of
 * its item columns, `columns RMDQ_1…RMDQ_24`.
 */
import type { OutcomeSource } from './trial-data.js';

export function sourceColumnsText(source: Pick<OutcomeSource, 'columns'>): string {
  const c = source.columns;
  return c.length === 1 ? `column "${c[0]}"` : `columns ${c[0]}…${c[c.length - 1]}`;
}
