/**
 * The cost-effectiveness analysis from its files: the plan (with the trial plan and unit costs it
 * names), the trial export, then `analyzeCea`. Takes and returns plain data only, so `hta report`
 * can run it on a worker thread (src/report/cea-off-thread.ts) as well as on the main thread.
 */
import { tableWithDeclaredMark } from '../io/declared-mark.js';
import { readCsvFile } from '../io/read-csv.js';
import { analyzeCea } from './analyze-cea.js';
import type { CeaResult } from './cea-results-schema.js';
import { loadCeaPlanFile, type PlanNote, type ResolvedCeaPlan } from './load-cea-plan.js';
import { exclusionLines, loadCeaTrial } from './cea-trial.js';
import { publishedName } from '../report/published-name.js';

export interface CeaFilesInput {
  dataFile: string;
  planFile: string;
  version: string;
  /** How the export and the plan are named in the results (as the user gave them). */
  dataName: string;
  planName: string;
  /** Overrides the plan's replicates; the sensitivity scenarios then use at most as many. */
  replicates?: number;
  /** The run's language, for the export reader's notes and refusals (as `hta cea --lang`; the trial report reads so too). */
  lang?: 'en' | 'da';
}

/** `idNote`: the trial's note on ids shaped like CPR numbers, for the caller to print (trial-data.ts). */
/** `notes`: how the plan's files and the export were read (load-cea-plan.ts, analyze-cea.ts), for the caller to print. */
export function analyseCeaFiles(input: CeaFilesInput): { result: CeaResult; resolved: ResolvedCeaPlan; idNote?: string; notes: PlanNote[] } {
  const resolved = loadCeaPlanFile(input.planFile);
  // Read with the trial plan's "decimalMark" when it declares one (io/declared-mark.ts).
  const csv = tableWithDeclaredMark(readCsvFile(input.dataFile, { duplicateNames: 'keep' }), resolved.trialPlan.decimalMark);
  const { trial, exclusion } = loadCeaTrial(csv, resolved, input.lang ? { lang: input.lang } : {});
  // How the export was read (its encoding, quoted decimal commas, a Danish sheet's `1.250` read as
  // 1250 in a cost column, header spellings…), as `hta cea` prints them: never in silence.
  const notes: PlanNote[] = [...(resolved.readNotes ?? []), ...(trial.readNotes ?? [])];
  // Rows the trial plan's "invalidRows": "exclude" left out, said as `hta cea` says them (never in silence),
  // in both languages: the analysis is stored once for the run's en and da pages, and the note is printed
  // in the run's language (noteIn), as `hta cea --lang da` words it.
  if (exclusion.length) notes.push({ en: exclusion.join('\n'), da: exclusionLines(trial, 'da').join('\n') });
  const result = analyzeCea(trial, csv, resolved, {
    onNote: (note) => notes.push(note),
    version: input.version,
    // results.json is published: the trial plan by its last name, a CPR-shaped number masked, as
    // `hta cea` names it (src/cli/cea.ts) — never the path the cea plan writes (folders, a person's name).
    names: { export: input.dataName, plan: input.planName, trialPlan: publishedName(resolved.plan.trialPlan) },
    ...(input.replicates !== undefined ? { replicates: input.replicates, sensitivityReplicates: Math.min(input.replicates, resolved.plan.sensitivity.replicates) } : {}),
  });
  return { result, resolved, ...(trial.idNote ? { idNote: trial.idNote } : {}), notes };
}
