/**
 * The audit of what a run would write, before it writes: the attacker (attacker-audit.ts) reads
 * the analysis exactly as `--json` prints it, with the earlier publications named and the other
 * cuts of the same extract (docs/disclosure-control.md "Secondary suppression", "Publishing
 * again"). Both checks before writing ask it — the protection-level check (sensitive-range.ts)
 * and the chain check (chain-refusal.ts) — and a chained run with a protection level below the
 * threshold asks both: the audit (seconds of LP solving) is made once per analysis and earlier
 * publication.
 */
import type { UptakeAnalysis } from '../uptake-analysis.js';
import type { AuditReport, PublishedUptake } from './attacker-audit.js';
import type { PreviousFile, PreviousPublication } from './previous-publication.js';
import { auditAsRead } from './published-audit.js';

const made = new WeakMap<UptakeAnalysis, { previous: PreviousPublication | undefined; audit: AuditReport }>();

export function prewriteAudit(analysis: UptakeAnalysis, previous: PreviousPublication | undefined, previousRead: readonly PreviousFile[]): AuditReport {
  const known = made.get(analysis);
  if (known && known.previous === previous) return known.audit;
  const { threshold, protectionLevel, zerosSensitive } = analysis.suppression;
  const published = JSON.parse(JSON.stringify(analysis)) as PublishedUptake;
  const sameExtract = previousRead.map((p) => p.json as PublishedUptake).filter((p) => p.exportDate === published.exportDate);
  const { audit } = auditAsRead(published, { threshold, protectionLevel, zerosSensitive }, previous, sameExtract);
  made.set(analysis, { previous, audit });
  return audit;
}
