/**
 * `hta plan check` on a report manifest: the texts each Danish entry would show in English (its
 * plan's and its own `{ en }` with no `da`; src/report/danish-gaps.ts), as `hta report` warns.
 * A plan file that cannot be read is passed over: `hta report` says why when it builds the report.
 */
import { entryDanishWarnings, quietPlanReader } from '../report/danish-gaps.js';
import { manifestInput } from '../report/manifest.js';

export function manifestDanishWarnings(manifestFile: string, reports: readonly Record<string, unknown>[]): string[] {
  return reports
    .filter((r) => r.lang === 'da')
    .flatMap((r) => entryDanishWarnings(r, quietPlanReader((path) => manifestInput(manifestFile, String(r.id), path))).map((w) => `report "${String(r.id)}": ${w}`));
}
