/**
 * Every command hta offers; only working commands are registered. Each command's module is
 * loaded only when that command runs (or for the overall help): `hta uptake` does not load the
 * trial analyses, the report renderer or the meta-analysis (docs/limits.md, start-up time).
 */
import type { Command } from 'commander';
import type { CliIo } from './io.js';

type Register = (program: Command, io: CliIo, setExit: (code: number) => void) => Promise<void>;

/** In the order `hta --help` lists them. */
const COMMANDS: Readonly<Record<string, Register>> = {
  validate: async (p, io) => (await import('./validate.js')).registerValidate(p, io),
  score: async (p, io) => (await import('./score.js')).registerScore(p, io),
  simulate: async (p, io) => (await import('./simulate.js')).registerSimulate(p, io),
  analyze: async (p, io, setExit) => (await import('./analyze.js')).registerAnalyze(p, io, setExit),
  plan: async (p, io) => (await import('./plan.js')).registerPlan(p, io),
  uptake: async (p, io, setExit) => (await import('./uptake.js')).registerUptake(p, io, setExit),
  meta: async (p, io) => (await import('./meta.js')).registerMeta(p, io),
  report: async (p, io, setExit) => (await import('./report.js')).registerReport(p, io, setExit),
  cea: async (p, io) => (await import('./cea.js')).registerCea(p, io),
};

/**
 * Registers the command `argv` names, or every command when it names none (help, a typo that
 * commander should answer with a suggestion). `setExit` lets a command report a non-fatal
 * failure (exit 1) after printing its results.
 */
export async function registerCommands(program: Command, io: CliIo, setExit: (code: number) => void, argv: readonly string[] = []): Promise<void> {
  const first = argv[0];
  const names = first !== undefined && Object.hasOwn(COMMANDS, first) ? [first] : Object.keys(COMMANDS);
  for (const name of names) await COMMANDS[name]!(program, io, setExit);
}
