/**
 * The checks of a loaded trial that `hta analyze` says before it estimates anything (word codes
 * read as answer codes, plan-wide codes on an outcome's scale, yes/no answers read as scores,
 * one item read as a score, Excel's rounded Scientific cells, follow-up-only patients), in one
 * place, so that `hta report` says the same notes once per input as `hta analyze` does
 * (docs/input-trial-export.md). Those that are warnings of a trial's results too
 * (analyze-trial.ts) are said there, once, and left out of the notes.
 */
import { followUpOnlyNote } from './follow-up-only.js';
import { narrowScaleNotes } from './narrow-scales.js';
import { oneBasedCodeNotes } from './one-based-answers.js';
import { scaleCodeNotes } from './scale-code-notes.js';
import { roundedScientificNotes, roundedScoreWarnings } from './scientific-cells.js';
import type { TrialData } from './trial-data.js';
import { twoValueScaleNotes } from './two-value-scales.js';
import { wordMissingCodeNotes } from './word-missing-codes.js';

/** Every post-load note, in the order `hta analyze` adds them to the reader's notes. */
export function postLoadNotes(trial: TrialData, lang: 'en' | 'da' = 'en'): string[] {
  const followUpOnly = followUpOnlyNote(trial, lang);
  return [
    // A word code that empties much of an outcome may be a labelled answer (word-missing-codes.ts).
    ...wordMissingCodeNotes(trial),
    // A plan-wide number code that is an answer on an outcome's scale (9 on RMDQ and NRS: scale-code-notes.ts).
    ...scaleCodeNotes(trial, lang),
    // A missing-value code just above a 0–n scale no cell of which holds 0: options counted from 1, read a point too high (one-based-answers.ts).
    ...oneBasedCodeNotes(trial, lang),
    // A scale outcome holding only 0 and 1 (or its two ends): a yes/no answer read as a score? (two-value-scales.ts).
    ...twoValueScaleNotes(trial),
    // A 0–60 scale never above 6: one item read as the score? (narrow-scales.ts).
    ...narrowScaleNotes(trial),
    // Cells Excel's "Scientific" format rounded (`4.91E+05`), per column; an outcome of only such scores is a warning (scientific-cells.ts).
    ...roundedScientificNotes(trial, lang),
    ...roundedScoreWarnings(trial),
    // A patient at follow-up visits with no baseline row: an id typed wrong? (follow-up-only.ts).
    ...(followUpOnly ? [followUpOnly] : []),
  ];
}

/** The post-load notes that a trial's analysis lists among its warnings (analyze-trial.ts): said there, not as notes. */
export function warnedByAnalysis(trial: TrialData): Set<string> {
  return new Set([...wordMissingCodeNotes(trial), ...twoValueScaleNotes(trial), ...narrowScaleNotes(trial), ...roundedScoreWarnings(trial)]);
}

/**
 * `hta report`'s notes on a trial export beyond the reader's: the post-load notes in English and
 * Danish (the run's language picks one), but for those a trial's analysis warns of.
 */
export function postLoadReportNotes(trial: TrialData): { en: string; da: string }[] {
  const en = postLoadNotes(trial, 'en');
  const da = postLoadNotes(trial, 'da');
  const warned = trial.plan.design === 'observational' ? new Set<string>() : warnedByAnalysis(trial);
  return en.flatMap((text, i) => (warned.has(text) ? [] : [{ en: text, da: da[i]! }]));
}
