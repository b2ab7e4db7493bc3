/**
 * `hta report` is a short run of many different functions (vega's dataflow for each chart, the
 * analyses, the page builders), most of them hot for a moment only. With V8's default tiering,
 * its optimising compiler (TurboFan, on background threads) compiled so many of them that it
 * took a third of a cold regeneration's CPU time, for code that had mostly stopped running by the
 * time it was ready. A larger interrupt budget (how much a function must run before V8 considers
 * optimising it: 2,000,000 instead of about 132,000) keeps the compiler for the code that stays
 * hot — the imputation and bootstrap loops, resvg's callers — and cut the CPU time of all threads
 * by about 1.5 s of 9.4 s at 1,000,000, and by another ~0.4 s (the compiler threads' share) at
 * 2,000,000 (8 interleaved runs each; 4,000,000 left the imputation loops unoptimised too long),
 * with the same output (JavaScript arithmetic does not depend on the tier).
 * docs/architecture.md#the-cost-of-a-cold-regeneration.
 *
 * The flag is process-wide (worker threads share it) and is read when a function's feedback is
 * first allocated, so setting it before the report code runs is enough.
 */
import { setFlagsFromString } from 'node:v8';

let applied = false;

/** HiGHS's WebAssembly tiering budget (uptake/disclosure/linear-program.ts sets the same). */
const WASM_TIERING_BUDGET = '--wasm-tiering-budget=2147483647';

export function preferShortRunJit(): void {
  if (applied) return;
  applied = true;
  setFlagsFromString('--interrupt-budget=2000000');
  // The LP solver's flag too, here on the main thread before any worker starts, although only the
  // analysis worker solves LPs: flags are process-wide, and V8 accepts a code cache only under the
  // flags it was made with. Set by the worker alone, the flag was unknown to the main thread's
  // cache writer (bundle-loader.ts tracks the flags each thread sets), so the CLI's cache was
  // written under it and rejected by every later run (~0.1 CPU-s of compiling).
  setFlagsFromString(WASM_TIERING_BUDGET);
}
