/**
 * One check for every command: an option value or argument that is empty or blank is refused
 * before any work (exit 2, nothing written). A script's unset variable (`--plan "$PLAN"`) gives
 * `--plan ""`, which must not quietly mean "no plan" (the built-in defaults, other numbers), nor
 * `--csv-dir ""` "the current folder" (docs/cli.md "Empty values").
 *
 * It is installed once on the program after every command is registered, so an option added
 * later is covered without a line of its own; test/cli/empty-values.test.ts walks every option.
 */
import type { EventEmitter } from 'node:events';
import type { Command, Option } from 'commander';
import { HtaError } from '../errors.js';

/** Placeholders of values that are paths (`<file>`, `<dir>`, `<csv>`, …): their message says so. */
const PATH_PLACEHOLDER = /^(file|dir|csv|export|registry|paths|results\.json)$/;

const isBlank = (v: unknown): boolean => typeof v === 'string' && v.trim() === '';

function refusal(name: string, placeholder: string | undefined, value: string): HtaError {
  const path = placeholder !== undefined && PATH_PLACEHOLDER.test(placeholder);
  const what = value === '' ? 'is empty' : 'is blank';
  const needed = path ? 'a file or folder name is needed' : 'a value is needed';
  return new HtaError('usage.invalid', `${name} ${what} (${needed}; a script's unset variable, as in ${name.startsWith('-') ? `${name} "$VAR"` : '"$VAR"'}, gives an empty one)`);
}

/** `<file>` of `--plan <file>`, `paths` of `--aggregates <paths...>`. */
function placeholderOf(option: Option): string | undefined {
  return /[<[]([^>\]]+?)(\.\.\.)?[>\]]/.exec(option.flags)?.[1];
}

/** Whether an option's value is a path (`--out <file>`), by its placeholder. */
export const isPathOption = (option: Option): boolean => PATH_PLACEHOLDER.test(placeholderOf(option) ?? '');

/** Every command of the program (itself included), depth first. */
export function allCommands(program: Command): Command[] {
  return [program, ...program.commands.flatMap((c) => allCommands(c))];
}

/** Whether an option takes a value (`--plan <file>`), not a switch (`--json`). */
export const takesValue = (option: Option): boolean => option.required || option.optional;

/**
 * Calls `check(value)` whenever `command` reads a value of `option`, for every option that takes
 * a value of every command, as commander reads it: before commander's own handler and the
 * option's parser (prepended), so before any work. The one installer of the per-option checks
 * (this module's, repeated-options.ts, option-as-value.ts); `make` runs once per option, after
 * every command is registered, so an option added later is covered without a line of its own.
 */
export function onOptionValue(program: Command, make: (option: Option, command: Command) => ((value: unknown) => void) | undefined): void {
  for (const command of allCommands(program)) {
    for (const option of command.options) {
      if (!takesValue(option)) continue;
      const check = make(option, command);
      // commander's Command is an EventEmitter; its typings do not say so.
      if (check) (command as unknown as EventEmitter).prependListener(`option:${option.name()}`, check);
    }
  }
}

/**
 * Refuses empty or blank values of every option that takes one, as commander reads it (before
 * the option's own parser: `--seed ""` is empty, not "not a whole number"), and of every
 * argument, before the command runs.
 */
export function refuseEmptyValues(program: Command): void {
  onOptionValue(program, (option) => {
    const name = option.long ?? option.short ?? option.flags;
    return (value) => {
      if (isBlank(value)) throw refusal(name, placeholderOf(option), value as string);
    };
  });
  program.hook('preAction', (_hooked, action) => {
    const declared = action.registeredArguments;
    action.args.forEach((value, i) => {
      if (!isBlank(value)) return;
      const arg = declared[Math.min(i, declared.length - 1)];
      const name = arg ? `<${arg.name()}>` : 'an argument';
      throw refusal(`the argument ${name}`, arg?.name(), value);
    });
  });
}
