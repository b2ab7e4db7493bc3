/**
 * What an analysis worker (off-thread.ts) sets before its first job. Its analyses parse a handful
 * of JSON files (the cost-effectiveness plan, the trial plan, the uptake plan, the published
 * figures) once each, so zod's compiled fast path for object schemas (source code generated and
 * compiled by `new Function` per schema at its first parse) costs more than it saves: without it
 * the cost-effectiveness plan loads in ~35 instead of ~55 ms CPU
 * (docs/architecture.md#the-cost-of-a-cold-regeneration). The parse and its results are the
 * same either way; the setting is this worker's own (each worker thread has its own zod).
 */
import { z } from 'zod';
import { shareNativeWorkFlag } from '../native-work.js';

export { interruptNativeWork } from '../native-work.js';

/** `nativeWork`: the flag the main thread reads before it terminates this worker (native-work.ts). */
export function setUpAnalysisWorker(nativeWork?: Int32Array): void {
  z.config({ jitless: true });
  if (nativeWork) shareNativeWorkFlag(nativeWork);
}
