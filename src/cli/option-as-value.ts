/**
 * One check for every command: an option's value that is one of the command's own option names
 * is refused before any work (exit 2, nothing written). commander takes whatever follows an
 * option that needs a value, so a CI line `--out $OUT --check` with OUT unset became
 * `--out --check`: a report folder `./--check` built and exit 0 instead of a check; `score …
 * --out --force` wrote a file `--force` (docs/cli.md "An option where a value belongs").
 *
 * Installed once on the program after every command is registered, like empty-values.ts, so an
 * option added later is covered; test/cli/option-as-value.test.ts walks every option.
 */
import type { Command, Option } from 'commander';
import { HtaError } from '../errors.js';
import { isPathOption, onOptionValue } from './empty-values.js';

/** The option names `command` understands: its own, its parents' and the help option. */
function optionNames(command: Command): Set<string> {
  const names = new Set<string>();
  const add = (o: Option) => {
    if (o.long) names.add(o.long);
    if (o.short) names.add(o.short);
  };
  for (let c: Command | null = command; c; c = c.parent) {
    c.options.forEach(add);
    // The help option (and the program's --version) are not in `options`; the help lists them.
    c.createHelp().visibleOptions(c).forEach(add);
  }
  return names;
}

/** The option `value` spells (`--check`, or `--plan` of `--plan=p.json`), if it spells one of `names`. */
function spelledOption(value: unknown, names: ReadonlySet<string>): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('-')) return undefined;
  const name = value.startsWith('--') ? value.split('=')[0]! : value;
  return names.has(name) ? name : undefined;
}

function optionAsValue(flag: string, value: string, path: boolean): HtaError {
  const file = path ? ` (write ./${value} for a file of that name)` : '';
  return new HtaError('usage.invalid', `${flag} needs a value; \`${value}\` is an option${file}`);
}

/**
 * Refuses, for every option that takes a value, a value that is an option name of the same
 * command, as commander reads it (before the option's own parser and before any work).
 */
export function refuseOptionsAsValues(program: Command): void {
  // The option names of each command, found when one of its values is first read.
  const namesOf = new Map<Command, Set<string>>();
  onOptionValue(program, (option, command) => {
    const flag = option.long ?? option.short ?? option.flags;
    return (value) => {
      const names = namesOf.get(command) ?? namesOf.set(command, optionNames(command)).get(command)!;
      if (spelledOption(value, names) !== undefined) throw optionAsValue(flag, value as string, isPathOption(option));
    };
  });
}
