/**
 * `hta plan check` on a report manifest: the texts each Danish entry would show in English (its
 * plan's and its own `{ en }` with no `da`; src/report/danish-gaps.ts), as `hta report` warns.
 * A plan file that cannot be read is passed over: `hta report` says why when it builds the report.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { entryDanishWarnings } from '../report/danish-gaps.js';

export function manifestDanishWarnings(manifestFile: string, reports: readonly Record<string, unknown>[]): string[] {
  const readPlan = (path: string): unknown => {
    try {
      return JSON.parse(readFileSync(resolve(dirname(manifestFile), path), 'utf8'));
    } catch {
      return undefined;
    }
  };
  return reports.filter((r) => r.lang === 'da').flatMap((r) => entryDanishWarnings(r, readPlan).map((w) => `report "${String(r.id)}": ${w}`));
}
