/**
 * The plan section of an observational design (registry outcome exports): who was exposed, what
 * confounds the comparison, which population the effect is for, and how extreme propensity
 * scores are handled. See docs/observational.md.
 */
import { z } from 'zod';
import { DEFAULT_PUBLICATION_THRESHOLD } from '../suppressed-marker.js';

const localized = z.object({ en: z.string().min(1), da: z.string().min(1).optional() }).strict().describe('A label in English and (optionally) Danish');

export const confounderSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a name of letters, digits and _').describe('Name in the results'),
    column: z.string().min(1).optional().describe('Export column; defaults to the name'),
    type: z.enum(['numeric', 'categorical']).describe('numeric: entered as is; categorical: one indicator per level (reference = first level in sorted order, as R factor())'),
    label: localized.optional().describe('What the report calls the confounder, e.g. {"en": "Sex", "da": "Køn"}; default: a common label for the usual names (age, sex), else the name'),
    levelLabels: z
      .record(z.string(), localized)
      .optional()
      .describe('What the report calls each level of a categorical confounder, e.g. {"K": {"en": "female", "da": "kvinde"}}; default: the value as it is in the export'),
  })
  .strict();

export const observationalSchema = z
  .object({
    exposure: z
      .object({
        column: z.string().min(1).describe('Export column saying who was exposed, e.g. "app_bruger"'),
        exposed: z.string().min(1).describe('Its value for the exposed (app users), e.g. "Ja"'),
        // "" is a deliberate choice, not a typo: registries often fill the flag for users only (docs/observational.md, "An exposure filled for users only").
        unexposed: z
          .string()
          .describe('Its value for the comparison group (non-users), e.g. "Nej"; "" when the export leaves the cell empty for non-users (a flag filled for users only): every empty cell is then a non-user'),
      })
      .strict()
      .describe('Mapped like the arms of a trial: exposed → "intervention", unexposed → "control"'),
    confounders: z.array(confounderSchema).min(1).describe('Measured confounders of the propensity and outcome models, read from the baseline row like covariates'),
    baselineAsConfounder: z.boolean().default(true).describe("The outcome's baseline score enters the propensity and outcome models too"),
    estimand: z.enum(['ATE', 'ATT', 'ATO']).default('ATE').describe('ATE: everyone (inverse-probability weights); ATT: the exposed; ATO: the population with overlap (overlap weights)'),
    trim: z.number().gt(0).lt(0.5).optional().describe('Drop patients with a propensity score below trim or above 1 − trim before weighting (e.g. 0.05)'),
    truncate: z.number().gt(0.5).lt(1).optional().describe('Cap the weights at this quantile of all weights (e.g. 0.99; under ATT of the non-users\' weights, the users keeping their weight of 1, as WeightIt trim()): the mean of the suppression-threshold many sorted weights nearest R quantile type 7 position, so the published cap is no patient\'s weight'),
    balanceThreshold: z.number().gt(0).default(0.1).describe('|SMD| above this after weighting is reported as imbalance'),
    suppressionThreshold: z
      .number()
      .int()
      .min(3)
      .max(100)
      .default(DEFAULT_PUBLICATION_THRESHOLD)
      .describe('Patient counts 1 … threshold − 1 are not published, nor anything they could be derived from; a group with fewer patients is not analysed (docs/observational.md, "Small counts")'),
  })
  .strict()
  .describe('Observational design: propensity-score weighting with doubly robust estimates (docs/observational.md)');

export type ObservationalSpec = z.infer<typeof observationalSchema>;
export type Confounder = z.infer<typeof confounderSchema>;
