/**
 * A missing-value code that is a word and empties a large share of a scored column is worth a
 * second look: a scale's labelled end written as a code (`"missingCodes": ["Helt sikker"]`, PSEQ's
 * 6) made 18 % of the PSEQ answers "missing", validate called the file valid and analyze gave 6.99
 * on 12/26 patients for a true 10.03 on 27/28. `hta validate` and `hta analyze` say so in a note —
 * never an error: "Udgået" or "Ikke mødt" may be real codes (docs/plan-trial.md#missing-codes-share).
 */
import { isWordLabel } from '../plan/answer-words.js';
import { isNoWord, isYesWord } from './yes-no-words.js';
import type { TrialData } from './trial-data.js';
import { sourceColumnsText } from './source-columns-text.js';

/** A code's share of an outcome's cells above which the note is written. */
export const WORD_CODE_SHARE = 0.1;

/** The ends of what a cell of the outcome holds: an item's range, or the score's. */
function ends(source: TrialData['sources'][number]): number[] {
  const items = source.from === 'items' ? source.instrument.items : undefined;
  return items ? [items.min, items.max] : [...source.instrument.range];
}

/**
 * The notes, one per outcome and code: how many of the outcome's cells that held a value (kept
 * rows, before the codes: `filledCells`) the code made missing. Not rows × columns: a visit where
 * the outcome was never collected (a long export's empty 6- and 12-month cells) is no share of it,
 * so the same answers give the same note in a wide and a long export.
 */
export function wordMissingCodeNotes(trial: Pick<TrialData, 'file' | 'sources' | 'recoded' | 'filledCells'>): string[] {
  const notes: string[] = [];
  for (const source of trial.sources) {
    const columns = new Set(source.columns);
    const byCode = new Map<string, number>();
    // Yes and no words (`Ja`, `Nej`) as missing-value codes: the answers of a yes/no outcome drafted as a scale.
    const yesNo = new Map<string, number>();
    for (const r of trial.recoded) {
      if (r.to !== null || r.notApplicable || !columns.has(r.column)) continue;
      if (source.instrument.kind === 'continuous' && (isYesWord(r.code) || isNoWord(r.code))) yesNo.set(r.code, (yesNo.get(r.code) ?? 0) + r.count);
      else if (isWordLabel(r.code)) byCode.set(r.code, (byCode.get(r.code) ?? 0) + r.count);
    }
    const cells = trial.filledCells?.[source.key] ?? 0;
    const yesNoCount = [...yesNo.values()].reduce((x, y) => x + y, 0);
    if (cells > 0 && yesNoCount / cells > WORD_CODE_SHARE) {
      const where = sourceColumnsText(source);
      const codes = [...yesNo.keys()].sort((x, y) => Number(isNoWord(x)) - Number(isNoWord(y)));
      const answers = codes.map((c) => `${JSON.stringify(c)}: ${isYesWord(c) ? 1 : 0}`).join(', ');
      notes.push(`${trial.file}: the missing-value code${codes.length > 1 ? 's' : ''} ${codes.map((c) => JSON.stringify(c)).join(' and ')} made ${yesNoCount === cells ? 'every one' : yesNoCount} of the ${cells} cells of outcome "${source.key}" (${where}) missing (${Math.round((100 * yesNoCount) / cells)} %): yes/no answers, not unknowns — the outcome is yes/no, not a ${source.instrument.range.join('–')} scale? Make it "instrument": "binary" with "answers": { ${answers} } and its "direction", and take ${codes.length > 1 ? 'them' : 'it'} out of "missingCodes" (docs/plan-trial.md#yesno-outcomes)`);
    }
    for (const [code, count] of byCode) {
      if (cells === 0 || count / cells <= WORD_CODE_SHARE) continue;
      const where = sourceColumnsText(source);
      notes.push(`${trial.file}: the missing-value code ${JSON.stringify(code)} made ${count} of the ${cells} cells of outcome "${source.key}" (${where}) missing (${Math.round((100 * count) / cells)} %): a word, neither a number nor a "don't know" — if it is an answer (a scale's labelled end, ${ends(source).join(' or ')}), give it its number in the outcome's "answers" instead of "missingCodes"; if it says the outcome does not apply to the patient (not working, for work ability), list it in the outcome's "notApplicableCodes": it is then never imputed, and counted apart from missing`);
    }
  }
  return notes;
}
