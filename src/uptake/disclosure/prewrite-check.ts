/**
 * The checks of a run before anything is written (docs/disclosure-control.md "Secondary
 * suppression", "Publishing again"), one function for `hta uptake` (cli/uptake.ts) and
 * `hta report` (run-uptake.ts `analyseUptake`): a protection level below the threshold
 * (sensitive-range.ts), then a chain whose earlier publication hid counts (chain-refusal.ts).
 * Until the review of session 27 the CLI asked both and `hta report` only the first, so a
 * manifest entry with `previous` was published where `hta uptake` refused it.
 *
 * Each check loads the audit (and its solver) only when it applies: a single publication at
 * the default protection level costs nothing here.
 */
import type { HtaError } from '../../errors.js';
import type { UptakeAnalysis } from '../uptake-analysis.js';
import type { PreviousFile, PreviousPublication } from './previous-publication.js';
import type { RefusalPlace } from './refusal-text.js';

/** Whether `previous` holds counts an earlier publication (before `exportDate`) hid: what cell-model.ts `hiddenPartsGrowth` ties to now. */
export function hidEarlier(previous: PreviousPublication | undefined, exportDate: string): boolean {
  return (previous?.hidden ?? []).some((c) => c.kind !== 'clinic' && c.asOf < exportDate);
}

/** What the checks read of a run: what it would write and the earlier publications it was protected against. */
export interface PrewriteRun {
  analysis: UptakeAnalysis;
  previous?: PreviousPublication;
  previousRead?: readonly PreviousFile[];
}

/**
 * The refusal (exit 1, nothing written: the caller throws it) or undefined. `onUnchecked` hears
 * the warning for a chain the audit cannot read together (chain-refusal.ts `chainUnchecked`).
 */
export async function prewriteRefusal(run: PrewriteRun, place: RefusalPlace = {}, onUnchecked: (text: string) => void = () => {}): Promise<HtaError | undefined> {
  const { analysis, previous, previousRead = [] } = run;
  const { threshold, protectionLevel } = analysis.suppression;
  if (protectionLevel < threshold) {
    const { sensitiveRangeRefusal } = await import('./sensitive-range.js');
    const refusal = sensitiveRangeRefusal(analysis, previous, previousRead, place);
    if (refusal) return refusal;
  }
  // Only where an earlier publication hid counts (the cheap test first: the audit is seconds).
  if (!hidEarlier(previous, analysis.exportDate)) return undefined;
  const { chainRefusal } = await import('./chain-refusal.js');
  return chainRefusal(analysis, previous, previousRead, onUnchecked, place);
}
