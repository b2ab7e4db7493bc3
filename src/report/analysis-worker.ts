/**
 * What an analysis worker (off-thread.ts) imports: its set-up and the analyses it runs, from one
 * module. `npm run build` replaces this module's compiled form (dist/report/analysis-worker.js)
 * with a single-file bundle of it and everything it imports (scripts/bundle-hta.mjs), so a worker
 * loads one file instead of some two hundred (docs/architecture.md#the-cost-of-a-cold-regeneration).
 * Each analysis loads on its first job, as before: a worker that only runs the cost-effectiveness
 * analysis does not load the uptake engine or its solver.
 */
import type { CeaFilesInput, analyseCeaFiles as AnalyseCeaFiles } from '../cea/analyze-cea-files.js';
import type { analyseUptake as AnalyseUptake } from '../uptake/uptake-analysis.js';

export { interruptNativeWork, setUpAnalysisWorker } from './analysis-worker-setup.js';

export async function analyseCeaFiles(input: CeaFilesInput): Promise<ReturnType<typeof AnalyseCeaFiles>> {
  return (await import('../cea/analyze-cea-files.js')).analyseCeaFiles(input);
}

export async function analyseUptake(input: Parameters<typeof AnalyseUptake>[0]): ReturnType<typeof AnalyseUptake> {
  return (await import('../uptake/uptake-analysis.js')).analyseUptake(input);
}
