/**
 * `hta plan`: the JSON Schemas of the files a user writes (trial plans, uptake plans, the report
 * manifest) and of `hta analyze --json` / `hta validate --json`; `plan check`, which validates any
 * of those files and prints it with every default filled in (kinds and schemas: plan-files.ts);
 * and `plan init`, which drafts a trial plan from an export (draft-plan.ts).
 */
import { encodingNote } from '../io/encoding-note.js';
import type { Command } from 'commander';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resultsJsonSchema } from '../analysis/results-schema.js';
import { HtaError } from '../errors.js';
import { readCsvFile } from '../io/read-csv.js';
import { shellWord } from '../io/shell-word.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { draftPlan } from '../plan/draft-plan.js';
import { DRAFT_TEXT, draftLineDa, uptakeDraftLineDa } from '../plan/draft-notes-da.js';
import { headerOnly } from '../trial/check-content.js';
import { repeatedHeaderNotes, withoutRepeatedHeaders } from '../trial/repeated-header-rows.js';
import { danishLine, UNDECIDED_LEADS_DA } from '../plan/undecided-da.js';
import { visibleName } from '../io/visible-text.js';
import { ssmsTrailerNote } from '../io/ssms-trailer.js';
import { formatLineRanges } from '../problem-groups.js';
import { validationJsonSchema } from '../trial/validation-schema.js';
import { guardPaths } from './guard-output.js';
import { NO_SCHEMA_LINE, portableSchemaRef } from './schema-ref.js';
import { checkLang, FORCE_OPTION } from './options.js';
import { type CliIo, printData } from './io.js';
import type { FileKind } from './plan-files.js';
import type { Plan } from '../plan/plan-schema.js';

// plan-files.js loads the report kinds (for the manifest's schema): imported on use, so that
// `hta --help` and the other commands do not pay for them.
const FILE_KINDS: readonly FileKind[] = ['trial', 'uptake', 'manifest', 'cea'];
const SCHEMA_OPTIONS = ['uptake', 'manifest', 'results', 'validation', 'ceaPlan', 'ceaResults', 'metaResults', 'uptakeResults'] as const;
const flag = (k: string) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

export function registerPlan(program: Command, io: CliIo): void {
  const plan = program.command('plan').description('plans and other input files: drafting, JSON Schemas and checking');
  plan
    .command('schema')
    .description('print the JSON Schema of trial analysis plans (or, with an option, of another file)')
    .option('--uptake', 'the schema of uptake plans (`hta uptake --plan`)')
    .option('--manifest', 'the schema of the report manifest (`hta report --manifest`)')
    .option('--results', 'the schema of the analysis results (`hta analyze --json`)')
    .option('--validation', 'the schema of `hta validate --json`')
    .option('--cea-plan', 'the schema of cost-effectiveness plans (`hta cea --plan`)')
    .option('--cea-results', 'the schema of `hta cea --json` (and a cost-effectiveness report\'s results.json)')
    .option('--meta-results', 'the schema of `hta meta --json`')
    .option('--uptake-results', 'the schema of `hta uptake --json` (and an uptake report\'s results.json)')
    .action(async (opts: Partial<Record<(typeof SCHEMA_OPTIONS)[number], boolean>>) => {
      const chosen = SCHEMA_OPTIONS.filter((k) => opts[k]);
      if (chosen.length > 1) throw new HtaError('usage.invalid', `give one of ${SCHEMA_OPTIONS.map(flag).join(', ')} (not ${chosen.map(flag).join(' and ')})`);
      const which = chosen[0];
      if (which === 'results') return void printData(io, json(resultsJsonSchema()));
      if (which === 'validation') return void printData(io, json(validationJsonSchema()));
      // Loaded on use, as the commands that write these load them.
      if (which === 'ceaPlan') return void printData(io, json((await import('../cea/cea-plan-schema.js')).ceaPlanJsonSchema()));
      if (which === 'ceaResults') return void printData(io, json((await import('../cea/cea-results-schema.js')).ceaResultsJsonSchema()));
      if (which === 'metaResults') return void printData(io, json((await import('../meta/meta-results-schema.js')).metaResultsJsonSchema()));
      if (which === 'uptakeResults') return void printData(io, json((await import('../uptake/uptake-results-schema.js')).uptakeResultsJsonSchema()));
      const { jsonSchemaOf } = await import('./plan-files.js');
      printData(io, json(jsonSchemaOf(which ?? 'trial')));
    });
  plan
    .command('init')
    .description('draft a plan from a data file: a trial export (columns, arms, visits, outcomes, answer and missing codes) or, with --uptake, a registry export (column names, date format, codes); prints it, and on stderr what was guessed and what to check')
    .argument('[export]', 'trial export (CSV)')
    .option('--uptake <registry>', 'a registry export instead: drafts an uptake plan (docs/plan-uptake.md)')
    .option('--eligible <file>', 'with --uptake: the eligible (denominator) file, to draft columns.eligible and check its regions and years')
    .option('--out <file>', 'write the draft here instead of stdout (never over an existing file unless --force)')
    .option('--lang <lang>', 'language of what is printed on stderr (what was guessed, what to check): en or da; the plan keeps its documented keys', 'en')
    .option(...FORCE_OPTION)
    .action(async (file: string | undefined, opts: { uptake?: string; eligible?: string; out?: string; force?: boolean; lang: string }) => {
      const lang = checkLang(opts.lang) ?? 'en';
      if ((file === undefined) === (opts.uptake === undefined)) {
        throw new HtaError('usage.invalid', 'give a trial export (hta plan init export.csv) or a registry export (hta plan init --uptake registry.csv), one of the two');
      }
      if (opts.eligible !== undefined && opts.uptake === undefined) throw new HtaError('usage.invalid', '--eligible goes with --uptake (hta plan init --uptake registry.csv --eligible eligible.csv)');
      const input = file !== undefined ? { option: '<export>', path: file } : { option: '--uptake', path: opts.uptake! };
      const eligibleInput = opts.eligible !== undefined ? { option: '--eligible', path: opts.eligible } : undefined;
      guardPaths({ inputs: eligibleInput ? [input, eligibleInput] : [input], outputs: [opts.out !== undefined ? { option: '--out', path: opts.out } : undefined], force: opts.force === true });
      let text: string;
      if (file === undefined) {
        // The draft reads the registry as CSV text; a Parquet registry (docs/input-registry.md)
        // would fail there with a quoting error on line 1 that says nothing useful.
        if (/\.parquet$/i.test(input.path)) {
          throw new HtaError('input.invalid', `${input.path} is a Parquet file: plan init --uptake drafts from a CSV registry only`, [
            { file: input.path, expected: 'a CSV registry export; for Parquet, write the uptake plan by hand: its columns are read by the names in "columns.registry" (defaults: id, region, clinic, referred, activated, last_active, age, sex, referrer; docs/plan-uptake.md)' },
          ]);
        }
        const { draftUptakePlanText } = await import('../uptake/draft-uptake-plan.js');
        const draft = draftUptakePlanText(input.path, opts.eligible !== undefined ? { eligible: opts.eligible } : {});
        // In Danish under --lang da, the notes the catalogue knows, each line whole (plan/draft-notes-da.ts); the prefixes by stderrIn.
        io.stderr(lang === 'da' ? draft.stderr.replace(/^(note|warning): (.*)$/gm, (_l, kind: string, text: string) => `${kind}: ${uptakeDraftLineDa(text)}`) : draft.stderr);
        text = draft.stdout;
      } else {
        const csv = readCsvFile(file, { duplicateNames: 'keep' });
        // Nothing to guess from: the error alone, not guesses from the header and then the error.
        if (csv.records.length === 0) throw headerOnly(file);
        const note = encodingNote(file, csv.dialect, lang);
        if (note) io.stderr(`note: ${note}\n`);
        // A path inside the draft's own project only (cli/schema-ref.ts).
        const schemaRef = portableSchemaRef(opts.out ? dirname(opts.out) : '.', fileURLToPath(new URL('../../schemas/plan.schema.json', import.meta.url)));
        // A header line repeated or underlined (SSMS) is no patient's row: left out of the draft,
        // as SSMS's closing lines are by the reader (trial/repeated-header-rows.ts, io/ssms-trailer.ts).
        const kept = withoutRepeatedHeaders(csv);
        const draft = draftPlan(kept.table, schemaRef);
        if (schemaRef === undefined) draft.checks.push(NO_SCHEMA_LINE);
        // In Danish under --lang da, the lines the catalogues know (plan/draft-notes-da.ts, plan/undecided-da.ts).
        const said = (line: string) => (lang === 'da' ? draftLineDa(line) : line);
        const saidWhole = (line: string) => (lang === 'da' ? (danishLine(line, UNDECIDED_LEADS_DA) ?? line) : line);
        for (const n of [...repeatedHeaderNotes(file, kept, lang), ssmsTrailerNote(file, csv.trailer ?? [], lang)]) if (n) io.stderr(`note: ${n}\n`);
        // One line each: a column name spanning lines (a survey question's header with a line
        // break in it) is written `\x0d\x0a`, as a control character in a name is (io/visible-text.ts).
        const oneLine = (line: string) => line.replace(/[\r\n]/g, (c) => visibleName(c));
        const listing = () => io.stderr([DRAFT_TEXT.guessed[lang], ...draft.guesses.map((g) => `  ${oneLine(said(g))}`), DRAFT_TEXT.check[lang], ...draft.checks.map((c) => `  - ${oneLine(said(c))}`), ''].join('\n'));
        // Nothing is written that hta validate would refuse (check-draft.ts): what the draft could
        // not decide stops it first, with what to write; then the draft is read as validate reads it.
        if (draft.undecided.length) {
          // What makes the draft's advice moot is said before it (plan/date-visits.ts: a visit column of dates only).
          for (const u of draft.undecided) if (u.lead) io.stderr(`plan init: ${saidWhole(u.lead)}\n`);
          // A registry of users and non-users gets no trial plan: a trial plan's guesses and
          // checks ("give the plan a title", …) would be advice on a plan that is never written.
          if (!draft.undecided.some((u) => u.noTrial)) listing();
          // The header is what could not be read: no line to point at, and what is undecided is said in the message.
          throw new HtaError('input.invalid', `plan init could not decide ${draft.undecided.map((u) => u.what).join('; and ')}; nothing was written`, draft.undecided.map((u) => ({ file, expected: u.write })));
        }
        const { checkDraft } = await import('../plan/check-draft.js');
        let checked;
        try {
          checked = checkDraft(csv, draft.plan, draft.mcidLeft);
        } catch (err) {
          listing();
          throw err;
        }
        if (checked.badRows) {
          draft.checks.push(`${checked.badRows} row(s) of ${file} have values the draft cannot read (lines ${formatLineRanges(checked.badLines)}): \`hta validate ${shellWord(file)} --plan ${shellWord(opts.out ?? 'plan.json')}\` lists them and what each needs — correct them in the export, or the plan as it says`);
          // A shape those rows add up to (ids only on first rows, a totals row) is said as such.
          for (const shape of checked.shapes ?? []) draft.checks.push(`${file}, ${shape}`);
        }
        draftOutcomeTimepoints(draft, checked.partialOutcomes ?? [], file);
        listing();
        text = JSON.stringify(draft.plan, null, 2) + '\n';
      }
      if (opts.out) {
        await writeFileAtomic(opts.out, text, { replace: opts.force === true });
        io.stderr(file === undefined ? `${lang === 'da' ? 'skrev' : 'wrote'} ${opts.out}\n` : `${DRAFT_TEXT.wrote[lang](opts.out, `hta validate ${shellWord(file)} --plan ${shellWord(opts.out)}`)}\n`);
      } else printData(io, text);
    });
  plan
    .command('check')
    .description('validate a trial plan, uptake plan, cost-effectiveness plan or report manifest and print it with every default filled in')
    .argument('<file>', 'the JSON file; its kind is recognised from "$schema" or its fields')
    .option('--kind <kind>', `what the file is: ${FILE_KINDS.join(', ')} (default: recognised)`)
    .option('--export <csv>', 'with a trial plan: also read this trial export with it, as `hta validate` does (its problems, and notes on columns found under another spelling)')
    .action(async (file: string, opts: { kind?: string; export?: string }) => {
      if (opts.kind !== undefined && !(FILE_KINDS as readonly string[]).includes(opts.kind)) {
        throw new HtaError('usage.invalid', `--kind "${opts.kind}": expected one of ${FILE_KINDS.join(', ')}`);
      }
      // Standard output or error onto the file or the export (`>> p.json`) is refused first.
      guardPaths({ inputs: [{ option: '<file>', path: file }, opts.export !== undefined ? { option: '--export', path: opts.export } : undefined] });
      const { checkUserFile } = await import('./plan-files.js');
      const checked = checkUserFile(file, opts.kind as FileKind | undefined);
      if (checked.kind === 'trial') {
        const { planWarnings } = await import('../plan/plan-warnings.js');
        for (const w of planWarnings(checked.value as Plan, { exportMark: opts.export !== undefined })) io.stderr(`warning: ${file}: ${w}\n`);
        // What loading changed (margin shares rescaled to 1); with --export the loader's notes say it.
        if (opts.export === undefined) {
          const { planNotes } = await import('../plan/load-plan.js');
          for (const n of planNotes(checked.value as Plan)) io.stderr(`note: ${n}\n`);
        }
      }
      if (checked.kind === 'manifest') {
        // An entry in Danish whose plan (or own labels) lack "da": the page would show English (docs/manifest.md).
        const { manifestDanishWarnings } = await import('./manifest-danish.js');
        for (const w of manifestDanishWarnings(file, (checked.value as { reports: Record<string, unknown>[] }).reports)) io.stderr(`warning: ${file}: ${w}\n`);
      }
      if (opts.export !== undefined) {
        if (checked.kind !== 'trial') throw new HtaError('usage.invalid', `--export reads a trial export with a trial plan; ${file} is a${checked.kind === 'uptake' ? 'n' : ''} ${checked.kind} file`);
        // The same reading as `hta validate`: the same column matching, problems and notes.
        const { ignoredVisitsNote, loadTrialInputs, passedOverNote } = await import('./load-inputs.js');
        // A code that reads two ways ("9,000"), read with the export's mark: said with it, or without
        // it when the export is refused (two-reading-codes.ts).
        const plan = checked.value as Plan;
        const { twoReadingCodeWarnings } = await import('../plan/two-reading-codes.js');
        const twoWays = (mark?: boolean) => {
          if (plan.decimalMark !== undefined) return;
          for (const w of twoReadingCodeWarnings(plan, mark === undefined ? undefined : { mark: mark ? ',' : '.', by: `the export ${opts.export} writes` })) io.stderr(`warning: ${file}: ${w}\n`);
        };
        let trial: Awaited<ReturnType<typeof loadTrialInputs>>['trial'];
        try {
          ({ trial } = loadTrialInputs(opts.export, file, { need: 'rows' }));
        } catch (err) {
          twoWays();
          throw err;
        }
        twoWays(trial.decimalComma);
        for (const note of [...(trial.readNotes ?? []), passedOverNote(trial), ignoredVisitsNote(trial)]) if (note) io.stderr(`note: ${note}\n`);
      }
      printData(io, json(checked.value));
    });
}

/**
 * An outcome with no value at some of the draft's follow-ups (ODI at baseline and 6 months only)
 * gets its own "timepoints", the visits it has, and a check saying so (docs/plan-trial.md#outcome-timepoints):
 * without them its rows there would be "not computed" on every run. Not when the draft's primary
 * is at such a visit (plan init drafts none; kept safe).
 */
function draftOutcomeTimepoints(draft: { plan: Record<string, unknown>; checks: string[] }, partial: readonly { key: string; empty: string[] }[], file: string): void {
  const timepoints = draft.plan.timepoints as string[];
  const outcomes = draft.plan.outcomes as { key: string; timepoints?: string[] }[];
  const primary = draft.plan.primary as { outcome: string; time: string } | undefined;
  for (const p of partial) {
    const o = outcomes.find((x) => x.key === p.key);
    if (!o || (primary?.outcome === p.key && p.empty.includes(primary.time))) continue;
    o.timepoints = timepoints.filter((t) => !p.empty.includes(t));
    draft.checks.push(`outcome "${p.key}" has no value in ${file} at ${p.empty.join(', ')}: drafted as measured at ${o.timepoints.join(', ')} only (its own "timepoints"), so it has no rows there — if the protocol measures it at ${p.empty.length > 1 ? 'those visits' : 'that visit'} and the values are missing, remove its "timepoints" (docs/plan-trial.md#outcome-timepoints)`);
  }
}
