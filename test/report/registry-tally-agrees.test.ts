/**
 * The registry page's small-count tally counts what the page shows: it said "(18 counts here)"
 * beside 4 cells reading "suppressed", counting results.json's cells, where each of the three
 * analyses carries its own copy of the flow and the groups' trimmed counts (src/report/registry-tally.ts).
 * The responder's patients at a baseline of 0, hidden per group, are counted where the note prints them.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ObservationalResult } from '../../src/observational/observational-results-schema.js';
import type { Lang } from '../../src/report/i18n.js';
import { registryReportKind } from '../../src/report/kinds/registry-report.js';
import type { ReportEnv } from '../../src/report/kinds/report-kind.js';
import { reportEnv } from '../support/report-env.js';

const memo = new Map<string, unknown>();
const env = (lang: Lang): ReportEnv => reportEnv(resolve('data'), lang, memo);

describe('the registry page\'s small-count tally', () => {
  it.each([
    ['en', 'suppressed', /\(6 counts here; 20 in results\.json, which gives each analysis's counts apart, and each group's, where this page prints analyses with the same counts once\)/],
    ['da', 'diskretioneret', /\(6 antal her; 20 i results\.json, som angiver antallene for hver analyse og hver gruppe for sig, hvor siden viser analyser med de samme antal én gang\)/],
  ] as const)('(%s) counts the cells the page shows as the marker, and says where the others are', async (lang, marker, tally) => {
    const entry = { id: 'r', kind: 'registry', out: 'r', lang, data: 'synthetic/registry-outcomes.csv', plan: 'plans/registry-outcomes.plan.json' };
    const content = await registryReportKind.build(entry as never, env(lang));
    const sections = content.page.sections;
    // The cells reading the marker, counted independently of registry-tally.ts: all of them are in the flow table.
    const cells = sections.flatMap((s) => (s.tables ?? []).flatMap((t) => t.table.rows.flat())).filter((c) => c === marker);
    expect(cells).toHaveLength(4);
    expect(sections.find((s) => s.id === 'flow')!.tables![0]!.table.rows.flat().filter((c) => c === marker)).toHaveLength(4);
    // And the two groups' patients at a baseline of 0 under the 30% rule, in the note under the effects.
    const zeroNote = sections.find((s) => s.id === 'effects')!.notes!.find((n) => /baseline of 0|0 ved baseline/.test(n))!;
    expect(zeroNote.split(marker)).toHaveLength(3);
    const methods = sections.find((s) => s.id === 'methods')!.intro!.join('\n');
    expect(methods).toMatch(tally);
    expect((content.results as ObservationalResult).plan.suppression.suppressedCounts).toBe(20);
  });
});
