/**
 * The two warnings on how an outcome's values fit its scale — one item of a questionnaire read as
 * its score (trial/narrow-scales.ts) and a yes/no answer read as a scale (trial/two-value-scales.ts)
 * — were "Advarsel (på engelsk: …)" on a Danish page. Made by the real note functions on small
 * trials, each is now Danish whole (the page's English-words scan), with the outcome's Danish label,
 * the instrument's Danish name and decimal commas.
 */
import { describe, expect, it } from 'vitest';
import { trialWarningText, type WarningLabels } from '../../src/report/failure-reasons.js';
import { narrowScaleNotes } from '../../src/trial/narrow-scales.js';
import { twoValueScaleNotes } from '../../src/trial/two-value-scales.js';
import type { TrialData } from '../../src/trial/trial-data.js';
import { instruments } from '../../src/instruments/registry.js';
import { ENGLISH_WORDS } from '../support/english-words.js';

const labels: WarningLabels = { outcome: (k) => (k === 'rmdq' ? 'Fysisk funktionsniveau (RMDQ 0–24)' : 'Smertestillende'), time: (t) => t, method: (m) => m, subgroup: (c) => c };

/** A trial's outcome source and its scores, as the notes read them. */
function trialOf(key: string, instrument: (typeof instruments)[keyof typeof instruments], columns: string[], scores: number[]): Pick<TrialData, 'file' | 'sources' | 'rows'> {
  return { file: 'eksport.csv', sources: [{ key, instrument, columns }], rows: { scores: { [key]: Float64Array.from(scores) } } } as unknown as Pick<TrialData, 'file' | 'sources' | 'rows'>;
}

/** The warning without what is not prose: the file, quoted names, JSON words and the docs anchor. */
const prose = (text: string) => text.replace(/^\S+: /, '').replace(/"[^"]*"/g, '""').replace(/\(docs\/\S+\)/g, '').replace(/\b(?:items|instrument|binary|direction|answers)\b/g, '');

describe('scale warnings on a Danish page', () => {
  it('one item read as the score', () => {
    const rmdq = instruments.rmdq!;
    const [warning] = narrowScaleNotes(trialOf('rmdq', rmdq, ['rmdq_1'], Array.from({ length: 40 }, (_, i) => i % 2)));
    expect(warning).toMatch(/never goes above 1 in its 40 values/);
    const da = trialWarningText(warning!, 'da', labels);
    expect(da).not.toMatch(/på engelsk/);
    expect(ENGLISH_WORDS.exec(prose(da))?.[0], da).toBeUndefined();
    expect(da).toBe(
      `eksport.csv: effektmålet Fysisk funktionsniveau (RMDQ 0–24) (kolonne "rmdq_1", læst som ${rmdq.name.da}, 0–24) kommer aldrig over 1 i sine 40 værdier (0–1): det ligner ét spørgsmål i spørgeskemaet, ikke scoren — har eksporten en kolonne pr. spørgsmål, så angiv dem alle i effektmålets "items" (i spørgsmålenes rækkefølge), og hta lægger dem sammen; er det et ja/nej-svar, så gør det til "instrument": "binary" (docs/plan-trial.md#one-item-read-as-the-score)`,
    );
  });

  it('a yes/no answer read as a scale', () => {
    const nrs = instruments.nrs!;
    const [warning] = twoValueScaleNotes(trialOf('medicin', nrs, ['smertestillende'], Array.from({ length: 40 }, (_, i) => i % 2)));
    expect(warning).toMatch(/holds only the values 0 and 1/);
    const da = trialWarningText(warning!, 'da', labels);
    expect(da).not.toMatch(/på engelsk/);
    expect(ENGLISH_WORDS.exec(prose(da))?.[0], da).toBeUndefined();
    expect(da).toContain('har kun værdierne 0 og 1 i sine 40 værdier: et ja/nej-svar (1 = ja, 0 = nej: fx brug af medicin), ikke en score på skalaen 0–10?');
    // English stays as the note wrote it.
    expect(trialWarningText(warning!, 'en', labels)).toContain('holds only the values 0 and 1');
  });
});
