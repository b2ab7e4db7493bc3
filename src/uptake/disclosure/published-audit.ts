/**
 * The audit of a publication as it was published (`hta uptake --audit --published
 * <results.json>`; docs/disclosure-control.md, "Audit" and "Publishing again"): the attacker
 * (attacker-audit.ts) reads the file exactly as printed, with the rule it states, against every
 * earlier publication it carries and any named with `--previous`. No registry, eligible file or
 * plan: the audit must judge what readers have, not what a new run would print.
 */
import { z } from 'zod';
import { HtaError } from '../../errors.js';
import { jsonProblems, locateProblems, readJsonFile } from '../../io/read-json.js';
import { auditPublishedUptake, type AuditReport, lossShare, type PublishedUptake } from './attacker-audit.js';
import { fillFromSameDate, mergeCuts } from '../other-cuts.js';
import { changedUnit, changedUnitsIn, checkDistinctFiles, describePreviousCount, isClosed, mergePublications, smallCarriedCounts, type PreviousPublication } from './previous-publication.js';

const row = <T extends z.ZodRawShape>(shape: T) => z.object(shape).loose();
const schema = z.object({
  exportDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD'),
  rows: z.union([z.number().int().min(0), z.literal('suppressed')]),
  suppression: z.object({
    threshold: z.number().int().min(1),
    protectionLevel: z.number().min(0),
    zerosSensitive: z.boolean(),
  }).loose(),
  metrics: z.array(row({ region: z.string(), period: z.string(), dimension: z.string(), level: z.string() })),
  uptake: z.array(row({ region: z.string(), year: z.number().int() })),
  budget: row({ observed: z.array(row({ region: z.string(), year: z.number().int() })) }),
  funnel: row({ rows: z.array(row({ region: z.string(), clinic: z.string() })) }).optional(),
});

export interface PublishedAudit {
  audit: AuditReport;
  /** Only the share of cells: the share of the count hidden needs the hidden counts. */
  informationLoss: { cellShare: number };
  published: { file: string; exportDate: string };
  /** The earlier export dates the publication was checked against, oldest first. */
  earlier: string[];
  /** Earlier publications a file was protected against but does not carry (previous-publication.ts). */
  uncarried: PreviousPublication['uncarried'];
  /** Counts the file carries (`previous.publications`) that are small under its own rule: printed again. */
  smallCarried: { cell: string; where: string }[];
  /** The --previous files of the same export date (other cuts of the extract), read with it as one publication. */
  sameExtract: string[];
  /**
   * Counts a --previous file hid, of a period closed by its date and not listed as changed here,
   * that this file prints: a reader takes the two for the same count (docs/disclosure-control.md
   * "Hidden before, hidden again").
   */
  hiddenBeforePrinted: { cell: string; where: string }[];
}

/** The counts of `previous.hidden` (closed, earlier than `exportDate`, unchanged) that `json` prints as numbers, with their place. */
function printedAgain(json: unknown, file: string, exportDate: string, previous: PreviousPublication): { cell: string; where: string }[] {
  const changed = changedUnitsIn(json);
  const places = new Map<string, string>();
  const j = json as { metrics?: Record<string, unknown>[]; uptake?: Record<string, unknown>[]; budget?: { observed?: Record<string, unknown>[] } };
  (j.metrics ?? []).forEach((r, i) => {
    for (const [k, v] of Object.entries(r)) if (typeof v === 'number') places.set(`m|${k}|${String(r.region)}|${String(r.period)}|${String(r.dimension)}|${String(r.level)}`, `metrics.${i}.${k}`);
  });
  for (const [at, list] of [['uptake', j.uptake], ['budget.observed', j.budget?.observed]] as const) {
    (list ?? []).forEach((y, i) => {
      if (typeof y.activations === 'number' && !places.has(`y|${String(y.region)}|${String(y.year)}`)) places.set(`y|${String(y.region)}|${String(y.year)}`, `${at}.${i}.activations`);
    });
  }
  // A count another earlier publication printed is public already.
  const printedBefore = new Set(previous.counts.map((c) => describePreviousCount(c)));
  const out: { cell: string; where: string }[] = [];
  for (const c of previous.hidden ?? []) {
    if (c.kind === 'clinic' || !isClosed(c) || c.asOf >= exportDate || changed.has(changedUnit(c)) || printedBefore.has(describePreviousCount(c))) continue;
    const field = places.get(c.kind === 'metric' ? `m|${c.measure}|${c.region}|${c.period}|${c.dimension}|${c.level}` : `y|${c.region}|${c.year}`);
    if (field === undefined) continue;
    const at = locateProblems(json, [{ file, field, expected: '' }])[0]!;
    out.push({ cell: `${describePreviousCount(c)} (hidden as of ${c.asOf})`, where: `${file}${at.line !== undefined ? `:${at.line}${at.column !== undefined ? `:${at.column}` : ''}` : ''} (${field})` });
  }
  return out;
}

/** Audits `file` (a results.json or `hta uptake --json` output) against its chain and `previousFiles`. */
export function auditPublishedFile(file: string, previousFiles: readonly string[] = []): PublishedAudit {
  checkDistinctFiles([file, ...previousFiles]);
  const json = readJsonFile(file, 'published uptake results (results.json)');
  const r = schema.safeParse(json);
  if (!r.success) throw new HtaError('input.invalid', `${file} is not the results.json of an hta uptake publication`, jsonProblems(json, r.error.issues, file));
  const previousJson = previousFiles.map((f) => ({ file: f, json: readJsonFile(f, 'earlier publication (results.json)') }));
  const earlier = mergePublications([{ json, file, own: false }, ...previousJson]);
  const exportDate = r.data.exportDate;
  // The same export date is another cut of the same extract, published before it (docs/disclosure-control.md "Publishing again").
  const late = earlier.exportDates.filter((d) => d > exportDate);
  if (late.length > 0) {
    throw new HtaError('usage.invalid', `--previous ${previousFiles.join(', ')}: export date${late.length > 1 ? 's' : ''} ${late.join(', ')} ${late.length > 1 ? 'are' : 'is'} after ${file}'s ${exportDate}; give the results.json of publications made before it (of earlier exports, or other cuts of the same export)`);
  }
  const { threshold, protectionLevel, zerosSensitive } = r.data.suppression;
  // Other cuts of the same extract are read with it as one publication (other-cuts.ts).
  const sameExtract = previousJson.filter((p) => schema.safeParse(p.json).data?.exportDate === exportDate);
  const read = fillFromSameDate(mergeCuts(json as PublishedUptake, sameExtract.map((p) => p.json as PublishedUptake)), earlier);
  const audit = auditPublishedUptake(read, { threshold, protectionLevel, zerosSensitive }, earlier.exportDates.length > 0 ? earlier : undefined);
  const cellShare = lossShare(audit.suppressedCells, audit.countCells);
  // A carried count is printed again: it must be publishable under the file's own rule. Named by
  // cell and place, not by value (docs/disclosure-control.md "Publishing again").
  const smallCarried = smallCarriedCounts(json, { threshold, zerosSensitive }).map(({ count, field }) => {
    const at = locateProblems(json, [{ file, field, expected: '' }])[0]!;
    return { cell: `${describePreviousCount(count)} as of ${count.asOf}`, where: `${file}${at.line !== undefined ? `:${at.line}${at.column !== undefined ? `:${at.column}` : ''}` : ''} (${field})` };
  });
  const hiddenBeforePrinted = printedAgain(json, file, exportDate, earlier);
  return { audit, informationLoss: { cellShare }, published: { file, exportDate }, earlier: earlier.exportDates, uncarried: earlier.uncarried, smallCarried, sameExtract: sameExtract.map((p) => p.file), hiddenBeforePrinted };
}
