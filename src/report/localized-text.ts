/** A text of a manifest entry (title, label) in English and, optionally, Danish. */
import { z } from 'zod';

export const localizedText = z.object({ en: z.string(), da: z.string().optional() });
