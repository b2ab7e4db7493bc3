/**
 * The check before a chained uptake publication is written (`--previous` naming a publication
 * that hid counts): docs/disclosure-control.md "Publishing again", "Hidden parts: checked before
 * writing".
 *
 * The suppression (cell-model.ts `hiddenPartsGrowth`) ties an earlier publication's hidden
 * counts to now only through their SUM within each of its relations; a reader, and the attacker
 * audit (attacker-audit.ts `hiddenEarlier`), takes each hidden count as its own unknown, tied by
 * all of that publication's relations and row limits, and bounds each one's growth. A pattern
 * proven wide in the first model can be narrow in the second (a monthly chain: a new cohort's
 * retained at 4 weeks bounded to 0 … 4). Until the suppression models each earlier hidden count
 * as a cell (it would need the registry aggregated as of each earlier date), the run audits what
 * it would publish and refuses (exit 1, nothing written) where the audit fails on counts that
 * the earlier hidden counts make narrow.
 *
 * Only those: a second audit with the earlier hidden counts left out (run only when the first
 * fails) says which failures they cause. A failure found without them too is the audit's, not
 * this gap's (its "pinned to the earlier print" readings of changed periods on ordinary chains
 * among them), and does not refuse. Single publications, and chains whose earlier publications
 * hid nothing, are not audited here: their output and cost are unchanged.
 */
import { HtaError } from '../../errors.js';
import type { UptakeAnalysis } from '../uptake-analysis.js';
import type { AuditInterval, AuditReport } from './attacker-audit.js';
import type { PreviousFile, PreviousPublication } from './previous-publication.js';
import { prewriteAudit } from './prewrite-audit.js';

/** Listed in the message; the rest are counted (`hta uptake … --audit` lists them all). */
const LISTED = 20;

/** Whether `previous` holds counts an earlier publication (before `exportDate`) hid: what `hiddenPartsGrowth` ties to now. */
export function hidEarlier(previous: PreviousPublication | undefined, exportDate: string): boolean {
  return (previous?.hidden ?? []).some((c) => c.kind !== 'clinic' && c.asOf < exportDate);
}

/** The audit's failing intervals (those `hta uptake --audit` exits 1 on that name a count), keyed by their text. */
/**
 * The audit's failures that could be a small count: an interval reaching below the threshold (a
 * zero only where zeros are sensitive). A hidden count the earlier file's hidden counts pin at 97
 * gives no small count away, and refusing for it would refuse ordinary chains.
 */
function failures(a: AuditReport, threshold: number, zerosSensitive: boolean): Map<string, AuditInterval> {
  const out = new Map<string, AuditInterval>();
  for (const c of [...a.narrow, ...a.disclosedDifferences]) {
    if (!(c.lower < threshold) || (!zerosSensitive && c.upper === 0)) continue;
    out.set(`${c.cell}: ${c.lower} … ${c.upper}`, c);
  }
  return out;
}

/** The audit's verdict, or undefined where it cannot read the chain's numbers together (said by the caller). */
function auditOrUnreadable(read: () => AuditReport): AuditReport | undefined {
  try {
    return read();
  } catch (err) {
    if (err instanceof HtaError && /cannot read the published numbers together/.test(err.message)) return undefined;
    throw err;
  }
}

/** Said on stderr when the check could not audit the chain (the run writes as it did before the check). */
export const CHAIN_UNCHECKED = 'the chained publication could not be checked against the counts the earlier publication hid: the audit reads the two as contradictory (a period the earlier publication hid changed since, e.g. a patient removed). It is written as before this check existed; audit it with `hta uptake … --audit --published <this file> --previous <earlier file>` before publishing (docs/disclosure-control.md "Publishing again").';

/**
 * The refusal (exit 1, nothing written) or undefined. `previousRead`: the earlier publications
 * read (those of this export date are other cuts of the same extract, read with it as one).
 */
export function chainRefusal(analysis: UptakeAnalysis, previous: PreviousPublication | undefined, previousRead: readonly PreviousFile[] = [], onUnchecked: (text: string) => void = () => {}): HtaError | undefined {
  if (!previous || !hidEarlier(previous, analysis.exportDate)) return undefined;
  const { threshold, protectionLevel, zerosSensitive } = analysis.suppression;
  const withAudit = auditOrUnreadable(() => prewriteAudit(analysis, previous, previousRead));
  if (!withAudit) {
    onUnchecked(CHAIN_UNCHECKED);
    return undefined;
  }
  const withHidden = failures(withAudit, threshold, zerosSensitive);
  if (withHidden.size === 0) return undefined;
  const withoutAudit = auditOrUnreadable(() => prewriteAudit(analysis, { ...previous, hidden: [] }, previousRead));
  const without = withoutAudit ? failures(withoutAudit, threshold, zerosSensitive) : new Map<string, AuditInterval>();
  const caused = [...withHidden].filter(([k]) => !without.has(k)).map(([k]) => k);
  if (caused.length === 0) return undefined;
  const dates = [...new Set((previous.hidden ?? []).filter((c) => c.kind !== 'clinic' && c.asOf < analysis.exportDate).map((c) => c.asOf))].sort();
  const shown = caused.slice(0, LISTED).map((k) => `  ${k}`);
  const more = caused.length > shown.length ? [`  … and ${caused.length - shown.length} more (hta uptake … --audit lists them all)`] : [];
  return new HtaError('analysis.failed', [
    `nothing written: with the counts the publication of ${dates.join(', ')} (${previous.file}) hid, each its own unknown tied by that publication's relations, a reader bounds ${caused.length} count(s) of this publication narrower than the protection level ${protectionLevel} or inside the sensitive range (the suppression protects only their sums; docs/disclosure-control.md "Publishing again"):`,
    ...shown, ...more,
    'Publish fewer tables than the earlier publication hid counts of (the plan\'s publish.months false, or fewer equity tables), or keep this export unpublished until more patients were added; `hta uptake … --audit` with the same --previous shows the audit in full.',
  ].join('\n'));
}
