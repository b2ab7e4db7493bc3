/**
 * Uptake per 1,000 is published for the years the export observes only: a year after the export
 * date has no activation by definition, and "0 per 1,000 (CI up to 0.10)" there would read as no
 * uptake (docs/plan-uptake.md). Left out of every output — JSON, CSV, text — and of the cell
 * model, with the audit still finding nothing narrow.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { uptakeAudit, uptakeCsvFiles, uptakeSummary } from '../../src/cli/uptake.js';
import { runUptake } from '../../src/uptake/run-uptake.js';
import { parseUptakePlan } from '../../src/uptake/uptake-plan.js';

const FX = 'test/fixtures/exports/registry-dk-regional';

describe('uptake per 1,000 eligible', () => {
  it('has no row for a year after the export date (2026, 2027 of the eligible file), in JSON, CSV and text; the audit passes', async () => {
    // The monthly series and clinics are not what this is about, and they are most of the cells
    // the audit must bound (~1,400 cells, ~15 s of LPs): published here are the years, the
    // per-1,000 rows and one equity breakdown (~400 cells, ~1 s).
    const plan = parseUptakePlan({ ...JSON.parse(readFileSync(`${FX}/uptake.plan.json`, 'utf8')), publish: { months: false, clinics: false, equity: ['sex'] } });
    const run = await runUptake({ registryFile: `${FX}/registry.csv`, eligibleFile: `${FX}/eligible.csv`, plan });
    const a = run.analysis;
    expect(a.exportDate).toBe('2025-12-31');
    expect([...new Set(a.uptake.map((u) => u.year))]).toEqual([2024, 2025]);
    const csv = uptakeCsvFiles(a).get('uptake-per-1000.csv')!;
    expect(csv).not.toMatch(/,202[67],/);
    expect(uptakeSummary(a)).not.toMatch(/\b202[67]\b.*(?:0\.0|per 1,000)/);
    // The scenario years still project on the eligible file's 2026 and 2027.
    expect(a.budget.projection.some((p) => p.year === 2027)).toBe(true);
    const { audit } = await uptakeAudit(run);
    expect(audit.narrow).toEqual([]);
    expect(audit.disclosedDifferences).toEqual([]);
  });
});
