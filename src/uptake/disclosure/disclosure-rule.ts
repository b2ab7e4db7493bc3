/**
 * The primary rule (docs/disclosure-control.md, "Primary rule"): which cells must not be
 * learnt to within the protection level.
 *
 *  - a count 1 … threshold − 1 is sensitive, printed or only derivable by subtraction
 *    (activated − at risk, referred − activated, …: those are cells of the model too);
 *  - a zero is published as 0 unless `zerosSensitive`, which makes it sensitive like 1 … k − 1;
 *  - a structural zero (zero by definition) is never sensitive, nor a count an earlier
 *    publication printed (`known`: every reader has it);
 *  - a count of a period that changed since an earlier publication where it cannot grow, or fell
 *    (`changed`, cell-model.ts), is sensitive whatever its value: the change is a count of patients;
 *  - so is a count an earlier publication hid, of a closed period that has not changed since
 *    (`hiddenBefore`, cell-model.ts): a reader takes it to be the same count.
 */
import type { ModelCell } from './cell-model.js';

export interface DisclosureRule {
  threshold: number;
  /** Minimum width of the interval an attacker can derive for a hidden cell. */
  protectionLevel: number;
  zerosSensitive: boolean;
}

export function isSensitive(cell: ModelCell, rule: DisclosureRule): boolean {
  if (cell.structural || cell.known) return false;
  if (cell.changed || cell.hiddenBefore) return true;
  if (cell.value === 0) return rule.zerosSensitive;
  return cell.value > 0 && cell.value < rule.threshold;
}
