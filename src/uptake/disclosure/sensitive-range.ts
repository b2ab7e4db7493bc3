/**
 * The check before an uptake publication is written, when its plan sets the protection level
 * below the threshold (docs/disclosure-control.md "Secondary suppression"): every hidden count's
 * interval must also reach the threshold, since a count known to lie within 0 … t − 1 is known to
 * be small, however wide. The suppression proves that in its own cell model (cell-model.ts); the
 * attacker audit (attacker-audit.ts), which shares no structure with it, reads what would be
 * published, and the publication is refused when it bounds a hidden count wholly inside the
 * sensitive range. One check for `hta uptake` and `hta report` (run-uptake.ts `analyseUptake`):
 * until 6 December 2026 only the first ran it. The default (protection level = threshold) is not
 * audited: an interval at least t wide cannot lie inside a range t − 1 wide (or t wide, zeros
 * sensitive, where reaching t is what p = t asks), and the audit would cost more than the run.
 */
import { HtaError } from '../../errors.js';
import type { UptakeAnalysis } from '../uptake-analysis.js';
import type { PublishedUptake } from './attacker-audit.js';
import type { PreviousFile, PreviousPublication } from './previous-publication.js';
import { auditAsRead } from './published-audit.js';

/** Listed in the message; the rest are counted (`hta uptake … --audit` lists them all). */
const LISTED = 20;

/**
 * The refusal (exit 1, nothing written) or undefined. `previousRead`: the earlier publications
 * read (those of this export date are other cuts of the same extract, read with it as one).
 */
export function sensitiveRangeRefusal(analysis: UptakeAnalysis, previous: PreviousPublication | undefined, previousRead: readonly PreviousFile[] = []): HtaError | undefined {
  const { threshold, protectionLevel, zerosSensitive } = analysis.suppression;
  if (protectionLevel >= threshold) return undefined;
  // The attacker reads the analysis exactly as `--json` prints it.
  const published = JSON.parse(JSON.stringify(analysis)) as PublishedUptake;
  const sameExtract = previousRead.map((p) => p.json as PublishedUptake).filter((p) => p.exportDate === published.exportDate);
  const { audit } = auditAsRead(published, { threshold, protectionLevel, zerosSensitive }, previous, sameExtract);
  const minSmall = zerosSensitive ? 0 : 1;
  const inside = audit.narrow.filter((c) => c.lower >= minSmall && c.upper <= threshold - 1);
  if (inside.length === 0) return undefined;
  const shown = inside.slice(0, LISTED).map((c) => `  ${c.cell}: ${c.lower} … ${c.upper}`);
  const more = inside.length > shown.length ? [`  … and ${inside.length - shown.length} more (hta uptake … --audit lists them all)`] : [];
  return new HtaError('analysis.failed', [
    `nothing written: the plan's suppression.protectionLevel ${protectionLevel} is below its threshold ${threshold}, and the suppression could not keep ${inside.length} hidden count(s) from being known to lie within ${minSmall} … ${threshold - 1} (a small count, however wide its interval; docs/disclosure-control.md "Secondary suppression"):`,
    ...shown, ...more,
    `Leave protectionLevel out (it is then the threshold) or set it to ${threshold}, or publish fewer tables (the months or the equity tables).`,
  ].join('\n'));
}
