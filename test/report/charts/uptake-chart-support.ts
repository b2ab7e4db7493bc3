/** Shared by the uptake chart tests: analyses to draw, and compile + render to SVG. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { simulateEligible, simulateRegistry } from '../../../src/simulate/registry.js';
import { loadUptakePlanFile } from '../../../src/uptake/uptake-plan.js';
import { analyseUptake, type UptakeAnalysis } from '../../../src/uptake/uptake-analysis.js';
import { tempDir } from '../../support/run-cli.js';

const plan = () => loadUptakePlanFile('data/plans/uptake.plan.json');

let bundled: Promise<UptakeAnalysis> | undefined;
/** The bundled 20,000-row synthetic registry: few suppressed cells. */
export function bundledAnalysis(): Promise<UptakeAnalysis> {
  bundled ??= analyseUptake({ registryFile: 'data/synthetic/registry.csv', eligibleFile: 'data/synthetic/eligible.csv', plan: plan() });
  return bundled;
}

let small: Promise<UptakeAnalysis> | undefined;
/** A 150-row registry: most monthly, clinic and some retention counts are suppressed. */
export function smallAnalysis(): Promise<UptakeAnalysis> {
  small ??= (async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'r.csv'), simulateRegistry({ rows: 150, seed: 5 }));
    writeFileSync(join(dir, 'e.csv'), simulateEligible({ seed: 5 }));
    return analyseUptake({ registryFile: join(dir, 'r.csv'), eligibleFile: join(dir, 'e.csv'), plan: plan() });
  })();
  return small;
}

/** Compiles with vega-lite and renders headless to SVG (throws on any error). */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const compiled = compile(spec);
  const view = new vega.View(vega.parse(compiled.spec), { renderer: 'none' });
  return view.toSVG();
}

/** Every inline data row of a spec, with the quantitative fields encoded anywhere in it. */
export function plottedData(spec: unknown): { rows: Record<string, unknown>[]; quantitative: Set<string> } {
  const rows: Record<string, unknown>[] = [];
  const quantitative = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o.type === 'quantitative' && typeof o.field === 'string') quantitative.add(o.field);
    if (Array.isArray(o.values) && 'values' in o && !('type' in o)) rows.push(...(o.values as Record<string, unknown>[]));
    for (const x of Object.values(o)) walk(x);
  };
  walk(spec);
  return { rows, quantitative };
}

/** Quantitative values that are not numbers or null — a "<5" or "suppressed" that would be drawn. */
export function unplottableValues(spec: unknown): unknown[] {
  const { rows, quantitative } = plottedData(spec);
  return rows.flatMap((r) => [...quantitative].filter((f) => f in r && r[f] !== null && typeof r[f] !== 'number').map((f) => r[f]));
}

/** The 8-row hand-computed registry of test/uptake/fixtures: nearly everything is suppressed. */
export function tinyAnalysis(): Promise<UptakeAnalysis> {
  return analyseUptake({ registryFile: 'test/uptake/fixtures/registry-small.csv', eligibleFile: 'test/uptake/fixtures/eligible-small.csv', plan: plan() });
}
