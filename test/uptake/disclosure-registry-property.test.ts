/**
 * Property (issue 13, docs/disclosure-control.md): random REGISTRIES — simulated exports of
 * 50–5,000 referral rows with rare regions, clinics, months and equity levels, and export dates
 * that cut follow-up short — through the real `hta uptake` command: the independent audit never
 * finds a suppressed cell narrower than the protection level nor a difference pinned in the
 * sensitive range, and every suppressed cell is the same marker in JSON, CSV and text.
 *
 * Cheap by default (a few small registries, fixed seed); HTA_DISCLOSURE_RUNS=<n> runs n cases
 * up to 5,000 rows.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulateEligible, simulateRegistry } from '../../src/simulate/registry.js';
import { uptakeSummary } from '../../src/cli/uptake.js';
import { uptakeResultsSchema } from '../../src/uptake/uptake-results-schema.js';
import type { UptakeAnalysis } from '../../src/uptake/uptake-analysis.js';
import { runCli, tempDir } from '../support/run-cli.js';

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const LONG = Number(process.env.HTA_DISCLOSURE_RUNS ?? 0);
const COUNTS = ['referrals', 'activations', 'atRisk4w', 'retained4w', 'atRisk12w', 'retained12w'] as const;

/** CSV rows as records (the files have no quoted commas in these columns). */
const csvRecords = (text: string) => {
  const [head, ...lines] = text.trim().split('\n');
  const cols = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i]!, v])));
};

describe('property: random registries through hta uptake', () => {
  it('the audit finds nothing narrow, and a suppressed cell is the same marker in JSON, CSV and text', async () => {
    const basePlan = JSON.parse(readFileSync(root('data/plans/uptake.plan.json'), 'utf8')) as Record<string, unknown>;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          rows: LONG ? fc.integer({ min: 50, max: 5000 }) : fc.integer({ min: 50, max: 80 }),
          seed: fc.integer({ min: 1, max: 1_000_000 }),
          // Short exports: the last months' cohorts are not yet at risk at 4 or 12 weeks.
          months: LONG ? fc.integer({ min: 2, max: 24 }) : fc.integer({ min: 2, max: 3 }),
          threshold: fc.integer({ min: 3, max: 6 }),
          zerosSensitive: fc.boolean(),
        }),
        async ({ rows, seed, months, threshold, zerosSensitive }) => {
          const dir = tempDir();
          const reg = join(dir, 'registry.csv'), elig = join(dir, 'eligible.csv'), plan = join(dir, 'plan.json');
          writeFileSync(reg, simulateRegistry({ rows, seed, startDate: '2025-01-01', years: months / 12 }));
          writeFileSync(elig, simulateEligible({ seed }));
          writeFileSync(plan, JSON.stringify({ ...basePlan, firstYear: 2025, eligibleFill: 'carry-forward', suppression: { threshold, zerosSensitive } }));

          const audit = await runCli('uptake', reg, '--eligible', elig, '--plan', plan, '--audit', '--json');
          expect(audit.stderr).toBe('');
          const report = JSON.parse(audit.stdout) as { audit: { narrow: unknown[]; disclosedDifferences: unknown[]; suppressedCells: number } };
          expect(report.audit.narrow).toEqual([]);
          expect(report.audit.disclosedDifferences).toEqual([]);
          expect(audit.code).toBe(0);

          const run = await runCli('uptake', reg, '--eligible', elig, '--plan', plan, '--json', '--csv-dir', join(dir, 'csv'));
          expect(run.code).toBe(0);
          const a = JSON.parse(run.stdout) as UptakeAnalysis;
          expect(a.suppression.suppressedCells).toBe(report.audit.suppressedCells);
          expect(uptakeResultsSchema.safeParse(a).success).toBe(true);
          // JSON and CSV: the same cells are the marker, and only the one marker is used.
          const csv = csvRecords(readFileSync(join(dir, 'csv', 'activation-metrics.csv'), 'utf8'));
          expect(csv.length).toBe(a.metrics.length);
          a.metrics.forEach((m, i) => {
            for (const c of COUNTS) {
              const j = m[c], v = csv[i]![c]!;
              if (j === 'suppressed') expect(v).toBe('suppressed');
              else expect(Number(v)).toBe(j);
            }
          });
          const funnel = csvRecords(readFileSync(join(dir, 'csv', 'clinic-funnel.csv'), 'utf8'));
          a.funnel.rows.forEach((r, i) => {
            for (const c of ['referrals', 'activations', 'rate', 'outside95'] as const) if (r[c] === 'suppressed') expect(funnel[i]![c]).toBe('suppressed');
          });
          const all = run.stdout + readFileSync(join(dir, 'csv', 'activation-metrics.csv'), 'utf8') + readFileSync(join(dir, 'csv', 'budget-observed.csv'), 'utf8');
          expect(all).not.toMatch(/<\s?\d/);
          // Text: the same marker, never "<k" or an empty cell standing for a hidden 0.
          const text = uptakeSummary(a);
          expect(text).not.toMatch(/<\s?\d/);
          if (a.metrics.some((m) => COUNTS.some((c) => m[c] === 'suppressed'))) expect(text).toContain('suppressed');
        },
      ),
      { numRuns: LONG || 1 },
    );
  }, LONG ? 3_600_000 : 60_000);
});
