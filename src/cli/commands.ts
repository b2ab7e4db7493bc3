/** Every command hta offers; only working commands are registered. */
import type { Command } from 'commander';
import type { CliIo } from './io.js';
import { registerValidate } from './validate.js';
import { registerScore } from './score.js';
import { registerSimulate } from './simulate.js';
import { registerPlan } from './plan.js';
import { registerAnalyze } from './analyze.js';
import { registerUptake } from './uptake.js';
import { registerMeta } from './meta.js';
import { registerReport } from './report.js';
import { registerCea } from './cea.js';

/** `setExit` lets a command report a non-fatal failure (exit 1) after printing its results. */
export function registerCommands(program: Command, io: CliIo, setExit: (code: number) => void): void {
  registerValidate(program, io);
  registerScore(program, io);
  registerSimulate(program, io);
  registerAnalyze(program, io, setExit);
  registerPlan(program, io);
  registerUptake(program, io, setExit);
  registerMeta(program, io);
  registerReport(program, io, setExit);
  registerCea(program, io);
}
