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
import type { PreviousFile, PreviousPublication } from './previous-publication.js';
import { prewriteAudit } from './prewrite-audit.js';
import { auditCommandLines, boundedCell, entryPrefix, listedBy, listedCells, type RefusalPlace } from './refusal-text.js';

export { auditCommandFor, type RefusalPlace } from './refusal-text.js';

/**
 * The refusal (exit 1, nothing written) or undefined. `previousRead`: the earlier publications
 * read (those of this export date are other cuts of the same extract, read with it as one).
 */
export function sensitiveRangeRefusal(analysis: UptakeAnalysis, previous: PreviousPublication | undefined, previousRead: readonly PreviousFile[] = [], place: RefusalPlace = {}): HtaError | undefined {
  const { threshold, protectionLevel, zerosSensitive } = analysis.suppression;
  if (protectionLevel >= threshold) return undefined;
  const audit = prewriteAudit(analysis, previous, previousRead);
  const minSmall = zerosSensitive ? 0 : 1;
  const inside = audit.narrow.filter((c) => c.lower >= minSmall && c.upper <= threshold - 1);
  if (inside.length === 0) return undefined;
  const cells = listedCells(inside.map((c) => boundedCell(c, place.lang ?? 'en')), listedBy(place), place.lang ?? 'en');
  if (place.lang === 'da') {
    const plan = place.planFile !== undefined ? `planen ${place.planFile} sætter suppression.protectionLevel til ${protectionLevel}, under sin diskretioneringstærskel ${threshold}` : `planens suppression.protectionLevel ${protectionLevel} er under dens diskretioneringstærskel ${threshold}`;
    return new HtaError('analysis.failed', [
      `${entryPrefix(place)}intet skrevet: ${plan}, og diskretioneringen kunne ikke forhindre, at ${inside.length} diskretionerede antal vides at ligge i ${minSmall} til ${threshold - 1} (et lille antal, hvor bredt dets interval end er; docs/disclosure-control.md "Secondary suppression"):`,
      ...cells,
      `Udelad protectionLevel i ${place.planFile ?? 'planen'} (så er det diskretioneringstærsklen), eller sæt det til ${threshold}, eller offentliggør færre tabeller (den månedlige serie eller opdelingerne).`,
      ...auditCommandLines(place),
    ].join('\n'));
  }
  const plan = place.planFile !== undefined ? `the plan ${place.planFile} sets suppression.protectionLevel ${protectionLevel}, below its threshold ${threshold}` : `the plan's suppression.protectionLevel ${protectionLevel} is below its threshold ${threshold}`;
  return new HtaError('analysis.failed', [
    `${entryPrefix(place)}nothing written: ${plan}, and the suppression could not keep ${inside.length} hidden count(s) from being known to lie within ${minSmall} … ${threshold - 1} (a small count, however wide its interval; docs/disclosure-control.md "Secondary suppression"):`,
    ...cells,
    `Leave protectionLevel out of ${place.planFile ?? 'the plan'} (it is then the threshold) or set it to ${threshold}, or publish fewer tables (the months or the equity tables).`,
    ...auditCommandLines(place),
  ].join('\n'));
}
