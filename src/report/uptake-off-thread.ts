/**
 * The uptake analysis of a report on a worker thread (off-thread.ts). It is CPU-bound
 * (aggregation and the disclosure-control linear programs) and independent of the other reports,
 * so `hta report` starts it first (ReportKind.prefetch); it also keeps the HiGHS solver (WASM,
 * compiled when its module loads) off the main thread and out of runs without an uptake report.
 */
import type { Problem } from '../errors.js';
import type { UptakeAnalysis } from '../uptake/uptake-analysis.js';
import type { UptakePlan } from '../uptake/uptake-plan.js';
import { ANALYSIS_WORKER, runOffThread } from './off-thread.js';

export { stopOffThreadAnalyses } from './off-thread.js';

/** The uptake analysis, off the main thread when running from built modules; `order`: the report's place in the manifest (off-thread.ts); `lang`: the entry's, for its refusals (the chain's and the protection level's, said as `hta uptake --lang` says them). */
export function analyseUptakeOffThread(input: { registryFile: string; eligibleFile: string; plan: UptakePlan; planFile?: string; reportName?: string; previousFiles?: readonly string[]; sameRunCuts?: readonly { file: string; json: unknown }[]; sameRunName?: string; sameRunPlace?: Omit<Problem, 'expected'>; firstPublication?: boolean; lang?: 'en' | 'da' }, order?: number): Promise<UptakeAnalysis> {
  return runOffThread({
    module: ANALYSIS_WORKER,
    name: 'analyseUptake',
    input,
    inThread: async () => (await import('../uptake/uptake-analysis.js')).analyseUptake(input),
    what: 'uptake analysis',
    ...(order !== undefined ? { order } : {}),
  });
}
