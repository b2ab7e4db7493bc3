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
    costPerResponder: z.record(z.string(), z.number()).describe('responder label → cost per extra responder'),
    probabilityCostEffective: z.object({ threshold: z.number(), probability: z.number().min(0).max(1) }).strict(),
  })
  .strict();

export type PublishedCea = z.infer<typeof publishedCeaSchema>;

export function parsePublishedCea(json: unknown, file: string): PublishedCea {
  const parsed = publishedCeaSchema.safeParse(json);
  if (!parsed.success) throw new HtaError('plan.invalid', `${file} is not a valid file of published cost-effectiveness figures`, jsonProblems(json, parsed.error.issues, file));
  return parsed.data;
}
