/**
 * One check for every command: an option that takes one value, given twice with different values
 * (`--eligible hov.csv --eligible midt.csv`), is refused before any work (exit 2, nothing
 * written). commander keeps the last one without a word: the run used midt.csv alone, and the
 * registry's Hovedstaden referrals were then refused (or left out) as a region the eligible file
 * lacks (docs/cli.md "Repeated options").
 *
 * Installed once on the program after every command is registered, as the empty-value check is
 * (empty-values.ts), so an option added later is covered without a line of its own. Options
 * meant to be repeated are left alone: a variadic one (`--aggregates <paths...>`) and one whose
 * parser takes the value so far (`--previous`: `(path, had) => [...had, path]`, commander's idiom
 * for a repeatable option). The same value twice is the same run, and read once.
 */
import type { Command, Option } from 'commander';
import { basename } from 'node:path';
import { HtaError } from '../errors.js';
import { shellWord } from '../io/shell-word.js';
import { onOptionValue, takesValue } from './empty-values.js';

/** What to do instead, for options a user repeats to give several files. */
const ADVICE: Readonly<Record<string, (first: string, second: string) => string>> = {
  // The join the registry's advice prints (uptake/several-registries.ts), into a file that is neither input.
  '--eligible': (a, b) => {
    const out = [a, b].some((f) => basename(f) === 'eligible-joined.csv') ? 'eligible-joined-2.csv' : 'eligible-joined.csv';
    return `one eligible file per run: join them into one new file with the header line once — awk 'NR == 1 || FNR > 1 { sub(/\\r$/, ""); print }' ${shellWord(a)} ${shellWord(b)} > ${out} — and give --eligible ${out} (files with years as columns are joined otherwise: docs/input-registry.md "Several eligible files")`;
  },
};

/** Whether an option is one that may be given several times. */
export function repeatable(option: Option): boolean {
  return !takesValue(option) || option.variadic || (option.parseArg?.length ?? 0) >= 2;
}

/** Refuses a second, different value of every option that takes one value, before the command runs. */
export function refuseRepeatedOptions(program: Command): void {
  // The values given so far, per command (a command runs once per process).
  const given = new Map<Command, Map<string, string>>();
  onOptionValue(program, (option, command) => {
    if (repeatable(option)) return undefined;
    const name = option.long ?? option.short ?? option.flags;
    // Before commander's own handler (and the option's parser), which would keep the last.
    return (value) => {
      if (typeof value !== 'string') return;
      const seen = given.get(command) ?? given.set(command, new Map()).get(command)!;
      const first = seen.get(name);
      if (first === undefined) seen.set(name, value);
      else if (first !== value) throw repeated(name, first, value);
    };
  });
}

function repeated(name: string, first: string, second: string): HtaError {
  const advice = ADVICE[name]?.(first, second) ?? `it takes one value, and hta would not choose between them: give ${name} once`;
  return new HtaError('usage.invalid', `${name} is given twice (${JSON.stringify(first)}, then ${JSON.stringify(second)}): ${advice}`);
}
