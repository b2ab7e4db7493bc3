/**
 * The cost-effectiveness analysis of a report (bootstrap with imputation nested in every
 * replicate: the slowest analysis of the bundled reports) on a worker thread (off-thread.ts),
 * started before any report is built.
 */
import type { CeaFilesInput, analyseCeaFiles } from '../cea/analyze-cea-files.js';
import { ANALYSIS_WORKER, runOffThread } from './off-thread.js';

/** `order`: the report's place in the manifest (off-thread.ts). */
export function analyseCeaOffThread(input: CeaFilesInput, order?: number): Promise<ReturnType<typeof analyseCeaFiles>> {
  return runOffThread({
    module: ANALYSIS_WORKER,
    name: 'analyseCeaFiles',
    input,
    inThread: async () => (await import('../cea/analyze-cea-files.js')).analyseCeaFiles(input),
    what: 'cost-effectiveness analysis',
    ...(order !== undefined ? { order } : {}),
  });
}
