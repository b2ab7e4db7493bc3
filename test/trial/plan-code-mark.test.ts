/**
 * A plan's number code that reads both ways (`"9,999"`: 9.999 with a decimal comma, 9999 with
 * English Excel's thousands comma) is one number wherever it is compared: the cells it matches and
 * the scale check that names a plan-wide code lying on an outcome's scale both read it with the
 * file's decimal mark (src/io/parse-number.ts `planCodeNumber`; docs/plan-trial.md, "Codes: order
 * and scope").
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { scaleCodeNotes } from '../../src/trial/scale-code-notes.js';
import { scaleCodeWarnings } from '../../src/plan/scale-missing-codes.js';

/** Daily steps (0–50 000) at baseline and 3 months; 9999 is the site's "not worn" code. */
const plan = parsePlan({
  arms: { intervention: 'App', control: 'Usual' },
  timepoints: ['3m'],
  missingCodes: ['9,999'],
  instruments: { steps: { label: { en: 'Daily steps' }, range: [0, 50000], direction: 'higher-is-better', mcid: 1000, decimals: false } },
  outcomes: [{ key: 'steps', instrument: 'steps' }],
});

const STEPS = [6120, 7450, 9999, 5300, 8010, 9999, 6640, 7020, 5890, 9120, 6400, 7777];
/** English Excel, "Use 1000 separator": `"6,120"` quoted, comma-separated. */
const english = ['id,arm,time,steps', ...STEPS.flatMap((s, i) => [0, 1].map((t) => `${i + 1},${i % 2 ? 'Usual' : 'App'},${t ? '3m' : 'baseline'},"${(s + t * 10).toLocaleString('en-US')}"`))].join('\r\n') + '\r\n';
/** Danish Excel: `;`-separated, thousands point (`6.120`), decimal comma. */
const danish = english.replaceAll(',', ';').replace(/"(\d+);(\d+)"/g, '$1.$2');

describe('a plan code that reads both ways', () => {
  it('is the file\'s 9999 in an English export: the scale note names the cells it emptied', () => {
    const trial = loadTrial(parseCsvText(english, 'steps_en.csv'), plan);
    // The reader matched the code as 9999 (the cells "9,999"), as the note must read it.
    expect(trial.recoded.filter((r) => r.to === null).reduce((a, r) => a + r.count, 0)).toBe(2);
    const notes = scaleCodeNotes(trial);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('steps_en.csv: the plan-wide missing-value code "9,999" made 2 cells of outcome "steps" (0–50000) missing, where 9999 is a valid answer');
  });

  it('is the same 9999 in a Danish export writing "9.999" with the plan\'s code "9.999"', () => {
    const trial = loadTrial(parseCsvText(danish, 'steps_da.csv'), parsePlan({ ...plan, missingCodes: ['9.999'] }));
    expect(trial.recoded.filter((r) => r.to === null).reduce((a, r) => a + r.count, 0)).toBe(2);
    expect(scaleCodeNotes(trial)[0]).toContain('code "9.999" made 2 cells of outcome "steps" (0–50000) missing, where 9999 is a valid answer');
  });

  it('is 9.999 in the Danish export, as its cells read it: no cell matched and no note', () => {
    const trial = loadTrial(parseCsvText(danish, 'steps_da.csv'), plan);
    expect(trial.recoded.filter((r) => r.to === null)).toEqual([]);
    expect(scaleCodeNotes(trial)).toEqual([]);
  });

  it('is not guessed by plan check, which has no file to say the mark', () => {
    expect(scaleCodeWarnings(plan)).toEqual([]);
    expect(scaleCodeWarnings(parsePlan({ ...plan, missingCodes: ['9999'] }))[0]).toContain('"missingCodes" holds "9999", a valid answer on the scale of outcome "steps" (0–50000)');
  });
});
