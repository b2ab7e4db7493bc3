/**
 * An earlier publication of the same registry (`hta uptake --previous <results.json>`, manifest
 * key `previous`; docs/disclosure-control.md, "Publishing again"). Its printed counts are known
 * to every reader, and each is part of a count of the new publication: the same row counts the
 * same patients and those added since (referred, activated, at risk or retained after the earlier
 * export date). So new − old is a count of patients, sensitive when small: a region publishing
 * monthly would otherwise let anyone subtract ("whole export" 202 referred now, 201 a month ago).
 *
 * This module reads the earlier results.json into those known counts; cell-model.ts ties each to
 * the new count that contains it, and attacker-audit.ts does the same on its own.
 */
import { z } from 'zod';
import { HtaError } from '../../errors.js';
import { jsonProblems, readJsonFile } from '../../io/read-json.js';

/** One count the earlier publication printed as a number. */
export type PreviousCount =
  | { kind: 'metric'; measure: string; region: string; period: string; dimension: string; level: string; value: number }
  | { kind: 'year'; region: string; year: number; value: number }
  | { kind: 'clinic'; measure: 'referrals' | 'activations'; region: string; clinic: string; value: number };

export interface PreviousPublication {
  /** The file it was read from (for messages). */
  file: string;
  /** The earlier export date (ISO): counts of periods ending by it are final. */
  exportDate: string;
  counts: PreviousCount[];
}

/** The six counts of a metric row that only grow with later exports (activated, at risk and retained are subsets of the referred). */
export const GROWING_COUNTS = ['referrals', 'activations', 'atRisk4w', 'retained4w', 'atRisk12w', 'retained12w'] as const;

const count = z.union([z.number().int().min(0), z.literal('suppressed'), z.null()]).optional();
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const schema = z.object({
  exportDate: z.string().regex(ISO, 'a date written YYYY-MM-DD (the "exportDate" of an hta uptake --json output or a report\'s results.json)'),
  metrics: z.array(z.object({
    region: z.string(), period: z.string(), dimension: z.string(), level: z.string(),
    ...Object.fromEntries(GROWING_COUNTS.map((c) => [c, count])),
  })),
  uptake: z.array(z.object({ region: z.string(), year: z.number().int(), activations: count })).optional(),
  budget: z.object({ observed: z.array(z.object({ region: z.string(), year: z.number().int(), activations: count })) }).optional(),
  funnel: z.object({ rows: z.array(z.object({ region: z.string(), clinic: z.string(), referrals: count, activations: count })) }).optional(),
});

/** The known counts of an earlier publication's JSON (pure; `file` names it in messages). */
export function parsePreviousPublication(json: unknown, file: string): PreviousPublication {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new HtaError('input.invalid', `${file} is not the results.json of an earlier hta uptake publication`, jsonProblems(json, parsed.error.issues, file));
  }
  const p = parsed.data;
  const counts: PreviousCount[] = [];
  for (const r of p.metrics) {
    for (const measure of GROWING_COUNTS) {
      const v = (r as Record<string, unknown>)[measure];
      if (typeof v === 'number') counts.push({ kind: 'metric', measure, region: r.region, period: r.period, dimension: r.dimension, level: r.level, value: v });
    }
  }
  const seen = new Set<string>();
  for (const y of [...(p.uptake ?? []), ...(p.budget?.observed ?? [])]) {
    if (typeof y.activations !== 'number' || seen.has(`${y.region}|${y.year}`)) continue;
    seen.add(`${y.region}|${y.year}`);
    counts.push({ kind: 'year', region: y.region, year: y.year, value: y.activations });
  }
  for (const c of p.funnel?.rows ?? []) {
    for (const measure of ['referrals', 'activations'] as const) {
      const v = c[measure];
      if (typeof v === 'number') counts.push({ kind: 'clinic', measure, region: c.region, clinic: c.clinic, value: v });
    }
  }
  return { file, exportDate: p.exportDate, counts };
}

export function readPreviousPublication(file: string): PreviousPublication {
  return parsePreviousPublication(readJsonFile(file, 'earlier publication (results.json)'), file);
}

/** The last day of a referral period ("2025", "2025-03"); undefined for "all". */
export function periodEnd(period: string): string | undefined {
  if (/^\d{4}$/.test(period)) return `${period}-12-31`;
  if (/^\d{4}-\d{2}$/.test(period)) {
    const [y, m] = period.split('-').map(Number) as [number, number];
    return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  }
  return undefined;
}

/**
 * Whether the earlier count is final: referrals of a referral period that had ended by the
 * earlier export date, or activations of an activation year that had. (Activated, at risk and
 * retained counts of a past cohort still grow: late activations, longer follow-up.)
 */
export function isFinal(c: PreviousCount, previousExport: string): boolean {
  if (c.kind === 'clinic') return false;
  if (c.kind === 'year') return `${c.year}-12-31` <= previousExport;
  const end = periodEnd(c.period);
  return c.measure === 'referrals' && end !== undefined && end <= previousExport;
}
