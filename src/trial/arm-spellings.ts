/**
 * Arm values as one arm however they were typed (docs/input-trial-export.md "Arm values"): an
 * export where one site wrote `SelfBACK` and another `selfback ` holds one arm, read as the plan's
 * spelling, and the reader says so; SPSS's `1,00` is the plan's `1`. Compared after NFC, in lower case, without blanks at the ends
 * and with one space between words. When the plan's two arms are one value in that form (`A` and
 * `a`), case and blanks tell them apart and only NFC is applied, as before.
 */
import { nfc } from '../io/nfc.js';
import type { Arm } from './trial-data.js';

/** The form arm values are compared in: NFC, lower case, single inner spaces, no blanks at the ends. */
export function armKey(value: string): string {
  return nfc(value).replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The loose form of an arm value: armKey, and a whole-number code written with zero decimals as
 * SPSS writes a numeric variable (`1,00`, `2.0`) read as that whole number (`1`), so a plan's
 * `"1"` finds it. Only zeros after the mark: `1,50` stays a value of its own.
 */
export function looseArmKey(value: string): string {
  return armKey(value).replace(/^([+-]?\d+)[.,]0+$/, '$1');
}

export class ArmSpellings {
  readonly #exact: Map<string, Arm>;
  readonly #loose: Map<string, Arm> | undefined;
  /**
   * Spellings read as a plan arm though not written as the plan writes it, with the file lines
   * they were read on: a wide export's line gives a row per visit, and is one line the user fixes.
   */
  readonly #other = new Map<string, { arm: Arm; lines: Set<number> }>();

  constructor(private readonly arms: { intervention: string; control: string }) {
    this.#exact = new Map([
      [nfc(arms.intervention), 'intervention'],
      [nfc(arms.control), 'control'],
    ]);
    const [i, c] = [looseArmKey(arms.intervention), looseArmKey(arms.control)];
    this.#loose = i === c ? undefined : new Map([[i, 'intervention'], [c, 'control']]);
  }

  /** The plan arm `value` names, or undefined; `line` (the file line it was read on) tallies a spelling other than the plan's for the note. */
  armOf(value: string, line?: number): Arm | undefined {
    const exact = this.#exact.get(nfc(value));
    if (exact !== undefined || this.#loose === undefined) return exact;
    const arm = this.#loose.get(looseArmKey(value));
    if (arm !== undefined && line !== undefined) {
      const seen = this.#other.get(value);
      if (seen) seen.lines.add(line);
      else this.#other.set(value, { arm, lines: new Set([line]) });
    }
    return arm;
  }

  /**
   * The note for spellings read as a plan arm: `export.csv: column "gruppe": arm values that differ
   * from the plan's only in case, blanks or zero decimals are read as the plan's arm: "selfback " as "SelfBACK"
   * (45 rows)`; in a wide export, lines (`(1 line)`: one patient's line, not its three visit rows).
   * Counts, never who; with `threshold` (an observational plan's) a smaller count reads "fewer than 5 rows", and the values are the exposure's (a registry's messages never say "arm").
   */
  note(file: string, column: string, threshold?: number, wide = false): string | undefined {
    if (!this.#other.size) return undefined;
    const unit = wide ? 'line' : 'row';
    const rows = (k: number) => (threshold !== undefined && k < threshold ? `fewer than ${threshold} ${unit}s` : `${k} ${unit}${k === 1 ? '' : 's'}`);
    const listed = [...this.#other].map(([spelling, { arm, lines }]) => `${JSON.stringify(spelling)} as ${JSON.stringify(this.arms[arm])} (${rows(lines.size)})`);
    // A registry's messages never say "arm" (docs/observational.md): its plan gives the threshold.
    const what = threshold !== undefined ? ['exposure values', "plan's exposure value"] : ['arm values', "plan's arm"];
    return `${file}: column "${column}": ${what[0]} that differ from the plan's only in case, blanks or zero decimals are read as the ${what[1]}: ${listed.join(', ')}`;
  }
}
