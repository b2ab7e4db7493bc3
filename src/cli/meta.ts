/** `hta meta`: pool study-level results (published estimates or arm summaries) and judge them. */
import { encodingNote } from '../io/encoding-note.js';
import { refuseSwappedInputs } from './swapped-inputs.js';
import { guardPaths } from './guard-output.js';
import { inputFiles } from '../io/input-files.js';
import { publishedName } from '../report/published-name.js';
import { publishedJson } from './json-names.js';
import type { Command } from 'commander';
import { HtaError } from '../errors.js';
import type { Direction } from '../instruments/instrument.js';
import { loadPlanFile } from '../plan/load-plan.js';
import type { MetaPreset } from '../stats/meta/presets.js';
import type { Tau2Method } from '../stats/meta/tau2.js';
import type { Lang } from '../report/i18n.js';
import { type CliIo, printData } from './io.js';
import { packageVersion } from './version.js';
import { studyNoteDa, warningsIn } from '../meta/warnings-da.js';

const METHODS = ['REML', 'DL', 'PM'] as const;
const PRESETS = ['metafor', 'revman5', 'revman-web', 'iqwig6'] as const;
const DIRECTIONS = ['higher-is-better', 'lower-is-better'] as const;

function oneOf<T extends string>(flag: string, allowed: readonly T[], normalize: (v: string) => string = (v) => v) {
  return (v: string): T => {
    const n = normalize(v);
    if (!(allowed as readonly string[]).includes(n)) throw new HtaError('usage.invalid', `${flag} ${JSON.stringify(v)}: expected one of ${allowed.join(', ')}`);
    return n as T;
  };
}

interface MetaCliOptions {
  plan?: string;
  method?: Tau2Method;
  hksj?: boolean;
  preset?: MetaPreset;
  mcid?: number;
  direction?: Direction;
  json?: boolean;
  decimalMark?: '.' | ',';
  lang: Lang;
}

export function registerMeta(program: Command, io: CliIo): void {
  program
    .command('meta')
    .description('meta-analysis of study-level results: fixed and random effects, heterogeneity, prediction interval, subgroups, MCID verdict')
    .argument('<csv>', 'study-level results (one row per study × outcome × time; the format: docs/input-studies.md)')
    .option('--plan <file>', 'analysis plan: MCIDs and directions for outcome keys it names')
    .option('--method <method>', 'τ² estimator for random effects: REML (default), DL or PM', oneOf('--method', METHODS, (v) => v.toUpperCase()))
    .option('--hksj', 'Hartung–Knapp–Sidik–Jonkman interval for random effects (t on k − 1 df)')
    .option('--preset <preset>', "use a tool's defaults: metafor, revman5, revman-web or iqwig6", oneOf('--preset', PRESETS, (v) => v.toLowerCase()))
    .option('--mcid <x>', 'MCID for outcomes the plan does not cover (a ratio > 1 for RR/OR)', (v) => {
      const n = Number(v);
      if (!(Number.isFinite(n) && n > 0)) throw new HtaError('usage.invalid', `--mcid ${JSON.stringify(v)}: expected a number > 0`);
      return n;
    })
    .option('--direction <dir>', 'direction for outcomes neither the plan nor an instrument knows: higher-is-better or lower-is-better', oneOf('--direction', DIRECTIONS))
    .option('--decimal-mark <mark>', "the sheet's decimal mark, \".\" or \",\", for a sheet whose numbers do not show it (a comma-separated sheet of \"1,375\" only); refused when they show the other", oneOf('--decimal-mark', ['.', ','] as const))
    .option('--json', 'print the results as JSON (schema: `hta plan schema --meta-results`)')
    .option('--lang <lang>', 'language of the text output: en or da', oneOf('--lang', ['en', 'da'] as const), 'en' as Lang)
    .action(async (file: string, opts: MetaCliOptions) => {
      // Loaded on use: `hta --help` should not pay for the meta-analysis modules.
      const [{ metaAnalyze }, { metaText }, { parseStudies, columnNotes, readStudiesCsv }, { armNames }] = await Promise.all([
        import('../meta/meta-analyze.js'),
        import('../meta/meta-table.js'),
        import('../meta/read-studies.js'),
        import('../report/arm-names.js'),
      ]);
      refuseSwappedInputs({ option: '<csv>', path: file }, opts.plan !== undefined ? { option: '--plan', path: opts.plan } : undefined, 'a CSV file');
      // The inputs, and the files the plan names, are never where standard output or error goes.
      guardPaths({ inputs: inputFiles([{ option: '<csv>', path: file, kind: 'file' }, opts.plan !== undefined ? { option: '--plan', path: opts.plan, kind: 'trial-plan' } : undefined]) });
      const plan = opts.plan ? loadPlanFile(opts.plan) : undefined;
      const csv = readStudiesCsv(file);
      const note = encodingNote(file, csv.dialect);
      if (note) io.stderr(`note: ${note}\n`);
      let table: ReturnType<typeof parseStudies>;
      try {
        // The sheet's own mark, or --decimal-mark's: never the trial plan's "decimalMark", which declares the trial export's (docs/input-studies.md).
        table = parseStudies(csv, { decimalMark: opts.decimalMark, lang: opts.lang });
      } catch (err) {
        // A refused file's columns not read may be why (docs/input-studies.md, "Errors"): said with the refusal.
        for (const n of columnNotes(csv)) io.stderr(`note: ${opts.lang === 'da' ? studyNoteDa(n) : n}\n`);
        throw err;
      }
      for (const n of table.notes) io.stderr(`note: ${opts.lang === 'da' ? studyNoteDa(n) : n}\n`);
      const result = metaAnalyze(table, {
        version: packageVersion(),
        ...(plan ? { plan, planFile: opts.plan } : {}),
        ...(opts.method ? { method: opts.method } : {}),
        ...(opts.hksj ? { hksj: true } : {}),
        ...(opts.preset ? { preset: opts.preset } : {}),
        ...(opts.mcid !== undefined ? { mcid: opts.mcid } : {}),
        ...(opts.direction ? { direction: opts.direction } : {}),
        lang: opts.lang,
      });
      // `--json` is an output one may publish: the inputs by their last names, a CPR-shaped number in them masked, as analyze --json and a report's results.json name them.
      const arms = armNames(plan?.armLabels, opts.lang, plan?.arms);
      // The arms as the text names them, and where from (as a meta report's results.json).
      const named = { ...result, arms: { intervention: arms.Intervention, control: arms.Control, source: plan?.armLabels ? ('plan' as const) : ('default' as const) } };
      if (opts.json) printData(io, JSON.stringify(publishedJson({ ...named, input: { ...result.input, file: publishedName(result.input.file), plan: result.input.plan === null ? null : publishedName(result.input.plan) } }, [{ path: file }, { path: result.input.plan ?? undefined, kind: 'trial-plan' }]), null, 2) + '\n');
      else io.stdout(metaText(result, opts.lang, arms));
      // In the language asked for (warnings-da.ts); the JSON keeps them as made, in English.
      for (const w of warningsIn(result.warnings, opts.lang)) io.stderr(`warning: ${w}\n`);
    });
}
