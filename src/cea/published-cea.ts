/**
 * Published cost-effectiveness figures shown beside the recomputed ones (data/published/): the
 * citation and the headline numbers as the paper reports them. docs/plan-cea.md.
 */
import { z } from 'zod';
import { HtaError } from '../errors.js';
import { jsonProblems } from '../io/read-json.js';
import { currencyCode, localized } from './cea-plan-schema.js';

export const publishedCeaSchema = z
  .object({
    $comment: z.string().optional(),
    citation: z.union([z.string().min(1), localized]).describe('the reference; { "en": …, "da": … } when its description should read in Danish on a Danish page'),
    doi: z.string().min(1).optional(),
    patients: z.object({ intervention: z.number().int().positive(), control: z.number().int().positive() }).strict(),
    followUpMonths: z.number().positive(),
    perspective: z.enum(['healthcare', 'societal']),
    currency: currencyCode,
    incrementalCost: z.object({ estimate: z.number(), ciLower: z.number(), ciUpper: z.number() }).strict(),
    icer: z.number().describe('cost per QALY gained'),
    costPerResponder: z
      .record(z.string(), z.union([z.number(), z.object({ cost: z.number(), responder: z.string().min(1).describe('the responder key (trial or cost-effectiveness plan) of the definition the paper used') }).strict()]))
      .describe('outcome label ("RMDQ") → cost per extra responder; { "cost": …, "responder": "rmdq_resp5" } names the definition it belongs to'),
    probabilityCostEffective: z.object({ threshold: z.number(), probability: z.number().min(0).max(1) }).strict(),
  })
  .strict();

export type PublishedCea = z.infer<typeof publishedCeaSchema>;

export function parsePublishedCea(json: unknown, file: string): PublishedCea {
  const parsed = publishedCeaSchema.safeParse(json);
  if (!parsed.success) throw new HtaError('plan.invalid', `${file} is not a valid file of published cost-effectiveness figures`, jsonProblems(json, parsed.error.issues, file));
  return parsed.data;
}

/** A published cost per extra responder and the label the figures file gives it ("RMDQ"). */
export interface PublishedResponderCost {
  label: string;
  cost: number;
}

/**
 * Which published cost per extra responder belongs beside which responder row (docs/plan-cea.md,
 * "Published figures"): an entry naming its definition (`responder`) beside that row only; a bare
 * number under an outcome's name ("RMDQ") beside the row of that outcome only when the page has a
 * single definition of it — with two (≥ 5 points and ≥ 30 %) the paper's figure belongs to one of
 * them, which the file does not say, so it is placed beside neither and listed in `unplaced`.
 */
export function placePublishedResponderCosts(
  published: PublishedCea,
  rows: readonly { key: string; outcome: string }[],
): { byKey: Map<string, PublishedResponderCost>; unplaced: PublishedResponderCost[] } {
  const byKey = new Map<string, PublishedResponderCost>();
  const unplaced: PublishedResponderCost[] = [];
  for (const [label, v] of Object.entries(published.costPerResponder)) {
    if (typeof v !== 'number') {
      if (rows.some((r) => r.key === v.responder)) byKey.set(v.responder, { label, cost: v.cost });
      else unplaced.push({ label, cost: v.cost });
      continue;
    }
    const same = rows.filter((r) => r.outcome.toUpperCase() === label.toUpperCase());
    if (same.length === 1) byKey.set(same[0]!.key, { label, cost: v });
    else unplaced.push({ label, cost: v });
  }
  return { byKey, unplaced };
}
