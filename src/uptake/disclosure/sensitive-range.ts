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

/** Listed in the message; the rest are counted (the audit command it names lists them all). */
const LISTED = 20;

/**
 * Who is refused, for the message: `hta report` builds many publications from one manifest, each
 * with its own plan, and the user must be told which entry and which plan failed, and the
 * command that lists every cell (review of session 27, finding 3).
 */
export interface RefusalPlace {
  /** The manifest entry (`report "jan"`), put before the message. */
  entry?: string;
  /** The plan file whose protection level is below its threshold. */
  planFile?: string;
  /** The command that lists every cell the audit bounds (`hta uptake <registry> … --audit`). */
  auditCommand?: string;
}

/** A path as typed in a POSIX shell: quoted only when it has to be. */
const shellWord = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** `hta uptake <registry> --eligible <file> --plan <plan> [--previous <file>…] --audit`, for the message. */
export function auditCommandFor(files: { registryFile?: string; eligibleFile: string; planFile?: string; previousFiles?: readonly string[] }): string {
  return ['hta uptake', ...(files.registryFile !== undefined ? [shellWord(files.registryFile)] : ['…']), '--eligible', shellWord(files.eligibleFile), '--plan', shellWord(files.planFile ?? '<plan>'),
    ...(files.previousFiles ?? []).flatMap((f) => ['--previous', shellWord(f)]), '--audit'].join(' ');
}

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
  const shown = inside.slice(0, LISTED).map((c) => `  ${c.cell}: ${c.lower} … ${c.upper}`);
  // The user of `hta uptake` ran the command already; a manifest's user did not.
  const listedBy = place.auditCommand !== undefined ? 'the command below lists them all' : 'hta uptake … --audit lists them all';
  const more = inside.length > shown.length ? [`  … and ${inside.length - shown.length} more (${listedBy})`] : [];
  const who = place.entry !== undefined ? `${place.entry}: ` : '';
  const plan = place.planFile !== undefined ? `the plan ${place.planFile} sets suppression.protectionLevel ${protectionLevel}, below its threshold ${threshold}` : `the plan's suppression.protectionLevel ${protectionLevel} is below its threshold ${threshold}`;
  return new HtaError('analysis.failed', [
    `${who}nothing written: ${plan}, and the suppression could not keep ${inside.length} hidden count(s) from being known to lie within ${minSmall} … ${threshold - 1} (a small count, however wide its interval; docs/disclosure-control.md "Secondary suppression"):`,
    ...shown, ...more,
    `Leave protectionLevel out of ${place.planFile ?? 'the plan'} (it is then the threshold) or set it to ${threshold}, or publish fewer tables (the months or the equity tables).`,
    ...(place.auditCommand !== undefined ? [`The audit of this publication: ${place.auditCommand}`] : []),
  ].join('\n'));
}
