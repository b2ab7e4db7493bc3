/**
 * A 0–100 score exported from Excel percentage cells (44 % saved as its value, 0.44) is read as
 * 0.44 points: the ODI's difference came out −0.07 against an MCID of 10, "significant, but not
 * clinically relevant", for a true difference of about 7 points — exit 0, with only the note of
 * one item read as the score (narrow-scales.ts), which says the wrong thing. So when every value
 * of an outcome's score column lies from 0 to 1, most of them with decimals, on a scale from 0
 * whose top is 10 or more, `hta validate`, `analyze`, `report` and `score` refuse the export at
 * its first such cell, also with --exclude-invalid (it is the column's problem, not a row's), and
 * `hta plan init` says so among its checks (docs/plan-trial.md#fractions-of-one). A true 0–1
 * scale (its top below 10) and a few low values (fewer than ten) are never refused; nor is a
 * column with one value above 1, which no percentage cell writes.
 */
import type { Problem } from '../errors.js';
import type { Instrument } from '../instruments/instrument.js';

/** A scale whose top is below this (0–1, 0–5) may well hold values from 0 to 1 with decimals. */
export const FRACTION_MIN_TOP = 10;
/** Fewer values than this say too little (a small pilot's low scores). */
export const FRACTION_MIN_VALUES = 10;

/** One outcome column's numbers as the reader meets them: how many, how many outside 0–1, how many with decimals, and the first with decimals. */
export class FractionTally {
  count = 0;
  outside = 0;
  decimals = 0;
  /** The first cell with decimals: its place, its text as written and its number. */
  first: { at: Omit<Problem, 'expected'>; text: string; value: number } | undefined;

  /** Counts a number; true when it is the first with decimals, whose place the caller then gives to `firstAt`. */
  add(v: number): boolean {
    this.count++;
    if (v < 0 || v > 1) {
      this.outside++;
      return false;
    }
    if (v === 0 || v === 1) return false;
    this.decimals++;
    return this.first === undefined;
  }

  firstAt(at: Omit<Problem, 'expected'>, text: string, value: number): void {
    this.first = { at, text: text.trim(), value };
  }
}

/** Whether a scale of this range is one a column of fractions of 1 is told for: from 0, its top 10 or more. */
export function fractionRange(range: readonly [number, number]): boolean {
  return range[0] === 0 && range[1] >= FRACTION_MIN_TOP;
}

/** Whether the tallied column of a scale of this range holds fractions of 1: ten or more values, none outside 0–1, most with decimals. */
export function holdsFractions(tally: Pick<FractionTally, 'count' | 'outside' | 'decimals'>, range: readonly [number, number]): boolean {
  return fractionRange(range) && tally.count >= FRACTION_MIN_VALUES && tally.outside === 0 && tally.decimals * 2 > tally.count;
}

/** `44` for `0.44`: the value × 100 without float noise, written with the file's decimal mark. */
export function timesHundred(value: number, decimalComma: boolean): string {
  const text = String(Number((value * 100).toPrecision(12)));
  return decimalComma ? text.replace('.', ',') : text;
}

/**
 * What a fraction's cell was expected to hold: on a 0–100 scale the score it stands for (`44 …,
 * not 0.44`), on another the scale's own score.
 */
export function fractionExpected(range: readonly [number, number], tally: Pick<FractionTally, 'count' | 'decimals'>, text: string, value: number, decimalComma: boolean): string {
  const [lo, hi] = range;
  const seen = `every one of its ${tally.count} values lies from 0 to 1, ${tally.decimals} of them with decimals`;
  if (hi === 100) return `${timesHundred(value, decimalComma)} (a score from ${lo} to ${hi}), not ${text} — the column looks like fractions of 1 (Excel percentage cells, 44 % saved as 0.44): ${seen}; multiply the column by 100 or format it as numbers in the spreadsheet, and export again (docs/plan-trial.md#fractions-of-one)`;
  return `a score from ${lo} to ${hi}, not a fraction of 1 such as ${text} — the column looks like fractions of 1 (Excel percentage cells, or scores divided by the scale's top): ${seen}; put the scores on the ${lo}–${hi} scale in the export and export again (docs/plan-trial.md#fractions-of-one)`;
}

/** The refusal's problem for each score column of fractions (one per outcome, at its first cell with decimals). */
export function fractionProblems(sources: readonly { key: string; instrument: Pick<Instrument, 'kind' | 'range'>; fractions?: FractionTally }[], decimalComma: boolean): Problem[] {
  return sources.flatMap((src) => {
    const tally = src.fractions;
    if (!tally?.first || src.instrument.kind !== 'continuous' || !holdsFractions(tally, src.instrument.range)) return [];
    const { at, text, value } = tally.first;
    return [{ ...at, value: text, expected: fractionExpected(src.instrument.range, tally, text, value, decimalComma), kind: `score.fraction:${src.key}` }];
  });
}

/** The refusal's message: the file and the outcomes whose columns hold fractions. */
export function fractionMessage(file: string, problems: readonly Problem[]): string {
  const outcomes = problems.map((p) => `"${p.kind!.slice('score.fraction:'.length)}" (column "${p.field}")`);
  return `${file}: outcome${outcomes.length > 1 ? 's' : ''} ${outcomes.join(', ')} ${outcomes.length > 1 ? 'hold' : 'holds'} fractions of 1, not scores; nothing was written (also with --exclude-invalid)`;
}
