/**
 * The registry forest's "favours" labels say it as the trial forests do (docs/glossary-da.md): with
 * the article, and a plan's group names in lower case mid-sentence ("Til fordel for kontrolgruppen",
 * "Til fordel for ikke-brugere"), never "Til fordel for kontrolgruppe" nor a capitalised group name.
 */
import { describe, expect, it } from 'vitest';
import { armNames } from '../../src/report/arm-names.js';
import { registryEffectsSpec } from '../../src/report/charts/registry-charts.js';
import { CATALOGUE } from '../../src/report/abbreviations.js';

const favours = (spec: unknown): string[] =>
  (spec as { spec: { layer: { encoding?: { text?: { datum?: string } } }[] } }).spec.layer.flatMap((l) => (l.encoding?.text?.datum !== undefined ? [l.encoding.text.datum] : []));

describe('registry forest: favours labels in Danish', () => {
  it('neutral arms (no labels, not an app against usual care): the glossary\'s neutral forms with the article', () => {
    const arms = armNames(undefined, 'da', { intervention: '1', control: '2' } as never);
    expect(favours(registryEffectsSpec([], 'da', arms))).toEqual(['← Til fordel for kontrolgruppen', 'Til fordel for interventionen →']);
  });
  it('the plan\'s group names: in lower case mid-sentence', () => {
    const arms = armNames({ intervention: { en: 'App users', da: 'Brugere af appen' }, control: { en: 'Non-users', da: 'Ikke-brugere' } } as never, 'da');
    expect(favours(registryEffectsSpec([], 'da', arms))).toEqual(['← Til fordel for ikke-brugere', 'Til fordel for brugere af appen →']);
  });
  it('MMRM is written out in the council glossary\'s form', () => {
    expect(CATALOGUE.find((a) => a.en.abbr === 'MMRM')!.da.full).toBe('mixed model for gentagne målinger');
  });
});
