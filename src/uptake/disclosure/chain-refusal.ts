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
 *
 * No chain is known on which this second audit changes the verdict, so no test fails without it
 * (it runs only where the first found a small count: a refusal's cost, not every run's). It is
 * kept because it is not redundant: a failure found without the earlier hidden counts — two
 * earlier publications' printed counts against each other (a small difference of constants), or
 * an error of the audit — would otherwise refuse, naming the hidden counts, a chain that
 * publishing fewer tables cannot mend. Tried in session 29: November and a December made without
 * --previous, whose differences are such failures, leave the January run's suppression no
 * pattern (exit 2, before this check is reached).
 */
import { HtaError } from '../../errors.js';
import { dateText } from '../../report/date-text.js';
import type { Lang } from '../../report/i18n.js';
import type { UptakeAnalysis } from '../uptake-analysis.js';
import type { AuditInterval, AuditReport } from './attacker-audit.js';
import type { PreviousFile, PreviousPublication } from './previous-publication.js';
import { prewriteAudit } from './prewrite-audit.js';
import { hidEarlier } from './prewrite-check.js';
import { auditCommandLines, boundedCell, entryPrefix, listedBy, listedCells, type RefusalPlace } from './refusal-text.js';

/**
 * The audit's failures that could be a small count: an interval reaching below the threshold (a
 * zero only where zeros are sensitive), keyed by cell and interval. A hidden count the earlier
 * file's hidden counts pin at 97 gives no small count away, and refusing for it would refuse
 * ordinary chains.
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
export function chainUnchecked(lang: Lang = 'en'): string {
  return lang === 'da'
    ? 'den kædede offentliggørelse kunne ikke kontrolleres mod de antal, som den tidligere offentliggørelse diskretionerede: kontrollen læser de to som modstridende (en periode, som den tidligere offentliggørelse diskretionerede, er ændret siden, fx en patient fjernet). Den skrives som før denne kontrol fandtes; kontrollér den med `hta uptake … --audit --published <denne fil> --previous <tidligere fil>`, før den offentliggøres (docs/disclosure-control.md "Publishing again").'
    : 'the chained publication could not be checked against the counts the earlier publication hid: the audit reads the two as contradictory (a period the earlier publication hid changed since, e.g. a patient removed). It is written as before this check existed; audit it with `hta uptake … --audit --published <this file> --previous <earlier file>` before publishing (docs/disclosure-control.md "Publishing again").';
}
/**
 * In `hta report`, the same chain is refused (exit 1, nothing written): its analysis runs on a
 * worker with no channel for a warning, and a publication the check could not read must not go
 * out unsaid. `hta uptake` writes it with the warning above, for the audit by hand.
 */
export function uncheckedChainRefusal(place: RefusalPlace): HtaError {
  const text = place.lang === 'da'
    ? 'intet skrevet: den kædede offentliggørelse kunne ikke kontrolleres mod de antal, som den tidligere offentliggørelse diskretionerede: kontrollen læser de to som modstridende (en periode, som den tidligere offentliggørelse diskretionerede, er ændret siden, fx en patient fjernet). `hta uptake` skriver den med en advarsel; kontrollér dens --json-output med `hta uptake --audit --published <fil> --previous <tidligere fil>`, før den offentliggøres (docs/disclosure-control.md "Publishing again").'
    : 'nothing written: the chained publication could not be checked against the counts the earlier publication hid: the audit reads the two as contradictory (a period the earlier publication hid changed since, e.g. a patient removed). `hta uptake` writes it with a warning; audit its --json output with `hta uptake --audit --published <file> --previous <earlier file>` before publishing (docs/disclosure-control.md "Publishing again").';
  return new HtaError('analysis.failed', [`${entryPrefix(place)}${text}`, ...auditCommandLines(place)].join('\n'));
}

/** The English text of `chainUnchecked`. */
export const CHAIN_UNCHECKED = chainUnchecked('en');

/**
 * The refusal (exit 1, nothing written) or undefined. `previousRead`: the earlier publications
 * read (those of this export date are other cuts of the same extract, read with it as one);
 * `place`: who is refused and in which language (refusal-text.ts).
 */
export function chainRefusal(analysis: UptakeAnalysis, previous: PreviousPublication | undefined, previousRead: readonly PreviousFile[] = [], onUnchecked: (text: string) => void = () => {}, place: RefusalPlace = {}): HtaError | undefined {
  if (!previous || !hidEarlier(previous, analysis.exportDate)) return undefined;
  const lang = place.lang ?? 'en';
  const { threshold, protectionLevel, zerosSensitive } = analysis.suppression;
  const withAudit = auditOrUnreadable(() => prewriteAudit(analysis, previous, previousRead));
  if (!withAudit) {
    onUnchecked(chainUnchecked(lang));
    return undefined;
  }
  const withHidden = failures(withAudit, threshold, zerosSensitive);
  if (withHidden.size === 0) return undefined;
  const withoutAudit = auditOrUnreadable(() => prewriteAudit(analysis, { ...previous, hidden: [] }, previousRead));
  const without = withoutAudit ? failures(withoutAudit, threshold, zerosSensitive) : new Map<string, AuditInterval>();
  const caused = [...withHidden].filter(([k]) => !without.has(k)).map(([, c]) => c);
  if (caused.length === 0) return undefined;
  const dates = [...new Set((previous.hidden ?? []).filter((c) => c.kind !== 'clinic' && c.asOf < analysis.exportDate).map((c) => c.asOf))].sort();
  const cells = listedCells(caused.map((c) => boundedCell(c, lang)), listedBy(place), lang);
  const planIn = place.planFile !== undefined ? (lang === 'da' ? ` i ${place.planFile}` : ` in ${place.planFile}`) : '';
  if (lang === 'da') {
    return new HtaError('analysis.failed', [
      `${entryPrefix(place)}intet skrevet: med de antal, som offentliggørelsen af ${dates.map((d) => dateText(d, 'da')).join(', ')} (${previous.file}) diskretionerede, hvert sin ubekendte bundet af den offentliggørelses relationer, kan en læser afgrænse ${caused.length} antal i denne offentliggørelse smallere end beskyttelsesniveauet ${protectionLevel} eller inden for det følsomme område (diskretioneringen beskytter kun deres summer; docs/disclosure-control.md "Publishing again"):`,
      ...cells,
      `Offentliggør færre tabeller end dem, den tidligere offentliggørelse diskretionerede antal i (planens publish.months false${planIn}, eller færre opdelinger), eller vent med at offentliggøre dette udtræk, til flere patienter er kommet til; \`hta uptake … --audit\` med samme --previous viser hele kontrollen.`,
      ...auditCommandLines(place),
    ].join('\n'));
  }
  return new HtaError('analysis.failed', [
    `${entryPrefix(place)}nothing written: with the counts the publication of ${dates.join(', ')} (${previous.file}) hid, each its own unknown tied by that publication's relations, a reader bounds ${caused.length} count(s) of this publication narrower than the protection level ${protectionLevel} or inside the sensitive range (the suppression protects only their sums; docs/disclosure-control.md "Publishing again"):`,
    ...cells,
    `Publish fewer tables than the earlier publication hid counts of (the plan's publish.months false${planIn}, or fewer equity tables), or keep this export unpublished until more patients were added; \`hta uptake … --audit\` with the same --previous shows the audit in full.`,
    ...auditCommandLines(place),
  ].join('\n'));
}
