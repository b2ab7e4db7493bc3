/**
 * The `hta` command line. `main(argv, io)` runs in-process (tests call it directly) and returns
 * the exit code: 0 success, 1 analysis could not be done, 2 bad input or usage (docs/data-contracts.md#exit-codes-and-the-problem-format).
 * `bin/hta.js` only calls it.
 */
import { internalErrorText } from './internal-error-text.js';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Command } from 'commander';
import { formatError, HtaError, StreamOntoInputError } from '../errors.js';
import { fsReason, isFsError } from '../io/fs-error.js';
import { missingFileHint } from '../io/missing-file.js';
import { refuseStreamOntoArguments } from '../io/redirected-input.js';
import { terminalText, visibleStderr } from '../io/visible-text.js';
import { onStaleStagingNote, sayLeftovers } from '../io/stale-staging.js';
import { onEngineWarning } from '../uptake/engine/engine-warning.js';
import { type CliIo, maskedStderr, processIo } from './io.js';
import { danishPrefixes, requestedLang, stderrIn } from './stderr-language.js';
import { registerCommands } from './commands.js';
import { refuseEmptyValues } from './empty-values.js';
import { refuseRepeatedOptions } from './repeated-options.js';
import { refuseOptionsAsValues } from './option-as-value.js';
import { packageVersion } from './version.js';
import { helpTarget, missingCommandLine, namedCommand, requireOptionsAfterUnknown, versionHint } from './usage.js';

// commander is CommonJS: required, it loads in about half the CPU time of an ESM import, for
// which Node also parses its source for the names it exports (~10 ms of every hta command).
const commander = createRequire(import.meta.url)('commander') as typeof import('commander');

/** The program with the command `argv` names registered (every command when it names none). */
export async function buildProgram(io: CliIo, argv: readonly string[] = []): Promise<{ program: Command; exitCode: () => number }> {
  let code = 0;
  const program = new commander.Command('hta')
    .description('Health-technology-assessment outcome analytics: trial exports to effects with MCID judgements, meta-analysis, uptake and reports')
    .version(packageVersion(), '-V, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  await registerCommands(program, io, (c) => {
    code = Math.max(code, c);
  }, argv);
  // After every command is registered, so that no option is missed (docs/cli.md "Empty values").
  refuseEmptyValues(program);
  // A second, different value of a one-value option: commander would keep the last (docs/cli.md "Repeated options").
  refuseRepeatedOptions(program);
  refuseOptionsAsValues(program);
  markRequired(program);
  // After markRequired, which reads which options are required (docs/cli.md "Help and usage errors").
  requireOptionsAfterUnknown(program);
  // Subcommands (and theirs) inherit the exit override and the output from `program`:
  // commander copies both into every command created with `.command()`.
  return { program, exitCode: () => code };
}

export async function main(argv: readonly string[], cliIo: CliIo = processIo): Promise<number> {
  let commanderProgram: Command | undefined;
  // Under --lang da every note, warning and error says so in Danish ("bemærk:"): docs/cli.md "Danish output".
  const lang = requestedLang(argv);
  // Every note, warning and usage error with its control and bidi characters visible: a file name,
  // a mistyped option or a cell that holds ESC [2K must not act on the terminal, nor a column name
  // ending in U+202E turn the rest of the line around (src/io/visible-text.ts terminalText). So
  // is every summary on stdout, which quotes file and column names, values and labels of the
  // user's; machine-readable output (--json, a plan) is written exactly (io.ts printData).
  const translated = stderrIn(cliIo, lang);
  const io: CliIo = {
    ...translated,
    stdout: (text) => translated.stdout(terminalText(text)),
    stdoutData: translated.stdoutData ?? translated.stdout,
    // Every CPR-shaped number masked (io.ts maskedStderr).
    stderr: (text) => translated.stderr(visibleStderr(maskedStderr(text))),
  };
  try {
    // `hta plan check p.json >> p.json`: refused before anything, a usage error included, is written.
    refuseStreamOntoArguments(argv);
    // A staging file a killed run left beside a target is removed (or named) with a note.
    onStaleStagingNote(io.stderr, lang);
    // DuckDB's failure to close after a run that succeeded: a warning, the results stand.
    onEngineWarning(io.stderr);
    const { program, exitCode } = await buildProgram(io, argv);
    commanderProgram = program;
    // `hta` alone (a script's `hta $CMD` with CMD unset): the help, as a usage error on stderr.
    if (argv.length === 0) {
      program.outputHelp({ error: true });
      io.stderr(missingCommandLine(program, []));
      return 2;
    }
    if (argv[0] === 'help') {
      const target = helpTarget(program, argv.slice(1));
      if ('help' in target) {
        target.help.outputHelp();
        return 0;
      }
      argv = target.parse;
    }
    try {
      await program.parseAsync([...argv], { from: 'user' });
    } catch (err) {
      // What the run did with a killed run's leftovers, said before why it stopped.
      sayLeftovers();
      // `hta plan`: commander printed the group's help on stderr (help({ error: true }), exit 1).
      if (err instanceof commander.CommanderError && err.code === 'commander.help' && err.exitCode !== 0) {
        const { command, path } = namedCommand(program, argv);
        io.stderr(missingCommandLine(command, path));
        return 2;
      }
      throw err;
    }
    // What the run did with a killed run's leftovers: one note for each kind (stale-staging.ts).
    sayLeftovers();
    return exitCode();
  } catch (err) {
    // A refusal's lines in Danish too, each whole, where the catalogue has their words (errors.ts
    // formatError). Loaded on a Danish refusal only: no other run pays for the catalogue.
    const words = lang === 'da' && err instanceof HtaError ? (await import('../report/problem-text.js')).DANISH_PROBLEM_WORDS : undefined;
    if (err instanceof StreamOntoInputError) {
      // Standard error may be the input itself: the message goes where it harms nothing.
      if (err.stderrFree) io.stderr(formatError(err, words) + '\n');
      else if (err.stdoutFree) io.stdout((lang === 'da' ? danishPrefixes(formatError(err, words)) : formatError(err)) + '\n');
      return err.exitCode;
    }
    if (err instanceof HtaError) {
      io.stderr(formatError(err, words) + '\n');
      return err.exitCode;
    }
    if (isFsError(err)) {
      // A file-system failure that no reader or writer translated: still the user's to fix
      // (missing file, folder where a file belongs, full disk), not a bug (docs/output-safety.md).
      const where = typeof err.path === 'string' ? `${err.path}: ` : '';
      const hint = err.code === 'ENOENT' && typeof err.path === 'string' ? missingFileHint(err.path) : undefined;
      io.stderr(terminalText(`error: ${where}${fsReason(err.code)}${hint ? ` — ${hint}` : ''}`) + '\n');
      return 2;
    }
    if (err instanceof commander.CommanderError) {
      // Help and version are successful exits; everything else is a usage error.
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      const hint = err.code === 'commander.unknownOption' ? (dashFileHint(err.message) ?? (commanderProgram && versionHint(err.message, argv, commanderProgram))) : undefined;
      if (hint) io.stderr(`${hint}\n`);
      return 2;
    }
    // An engine error's quoted cell is left out (internal-error-text.ts): it may be a patient's name.
    io.stderr(`internal error: ${internalErrorText(err)}\nThis is a bug in hta; please report it with the command you ran.\n`);
    return 1;
  }
}

/** `--out <file> … (required)` in --help for every option commander requires (docs/cli.md). */
function markRequired(c: Command): void {
  for (const o of c.options) if (o.mandatory && !o.description.endsWith('(required)')) o.description = `${o.description} (required)`;
  for (const sub of c.commands) markRequired(sub);
}

/**
 * `hta validate -reg.csv`: a file whose name starts with '-' is taken for an option. When the
 * unknown option is a file (or is named like one), say how to give it (docs/data-contracts.md#exit-codes-and-the-problem-format).
 */
function dashFileHint(message: string): string | undefined {
  const name = /unknown option '(-[^']*)'/.exec(message)?.[1];
  if (name === undefined || (name.startsWith('--') && !existsSync(name))) return undefined;
  if (!existsSync(name) && !/\.[A-Za-z0-9]{1,5}$/.test(name)) return undefined;
  return `hint: a file whose name starts with '-': write ./${name}`;
}
