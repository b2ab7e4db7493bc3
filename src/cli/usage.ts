/**
 * Usage errors commander lets pass with exit 0 or words poorly (docs/cli.md "Help and usage
 * errors"): a script's `hta $CMD` with CMD unset, `hta plan` without its subcommand, or
 * `hta help analyse` must not look like success, and `hta analyze --jsno x.csv` must name the
 * typo rather than a required option it hides.
 */
import type { Command, Option } from 'commander';

/** The command the leading words of `argv` name (`plan check` → plan's check), and the words after it. */
export function namedCommand(program: Command, argv: readonly string[]): { command: Command; path: string[]; rest: string[] } {
  let command = program;
  const path: string[] = [];
  let i = 0;
  for (; i < argv.length; i++) {
    const word = argv[i]!;
    const sub = command.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (!sub) break;
    command = sub;
    path.push(word);
  }
  return { command, path, rest: argv.slice(i) };
}

/** `hta plan needs one of its commands: init, schema, check` — said after the help, on stderr. */
export function missingCommandLine(command: Command, path: readonly string[]): string {
  const names = command.commands.map((c) => c.name()).filter((n) => n !== 'help');
  const full = ['hta', ...path].join(' ');
  return `error: missing command: ${full} needs one of its commands: ${names.join(', ')} (${full} --help prints this help on standard output, exit 0)\n`;
}

/**
 * What `hta help …` should do: the help of a command it names (`help plan check` included), or,
 * for a word that names no command, the argv whose parse gives commander's own "unknown command"
 * error with its suggestion (`help analyse` → `analyse`: "Did you mean analyze?").
 */
export function helpTarget(program: Command, words: readonly string[]): { help: Command } | { parse: string[] } {
  const { command, path, rest } = namedCommand(program, words);
  const next = rest[0];
  if (next === undefined || command.commands.length === 0 || next.startsWith('-')) return { help: command };
  return { parse: [...path, next] };
}

/**
 * Commander checks required options before unknown ones, so `hta analyze --jsno x.csv` said
 * "required option '--plan' not specified". Required options are instead checked in a preAction
 * hook, which runs after commander's unknown-option and argument checks; the options keep their
 * "(required)" in --help (main.ts marks them first).
 */
export function requireOptionsAfterUnknown(program: Command): void {
  const required = new Map<Command, Option[]>();
  const walk = (c: Command) => {
    const own = c.options.filter((o) => o.mandatory);
    if (own.length > 0) required.set(c, own);
    for (const o of own) o.mandatory = false;
    for (const sub of c.commands) walk(sub);
  };
  walk(program);
  program.hook('preAction', (_program, action) => {
    for (const o of required.get(action) ?? []) {
      if (action.getOptionValue(o.attributeName()) === undefined) {
        action.error(`error: required option '${o.flags}' not specified`, { code: 'commander.missingMandatoryOptionValue', exitCode: 2 });
      }
    }
  });
}

/** `hta -v`: commander suggests only long options; the version flag is `-V`. */
export function versionHint(message: string, argv: readonly string[], program: Command): string | undefined {
  if (!/unknown option '-v'/.test(message)) return undefined;
  // Only where -V means something: before any command word.
  const at = argv.indexOf('-v');
  if (argv.slice(0, at).some((w) => program.commands.some((c) => c.name() === w))) return undefined;
  return '(Did you mean -V or --version?)';
}
