/**
 * The forest plot's arm columns are headed by the arms' names, as its "favours …" labels are: a
 * meta-analysis whose plan has neutral arms ("gruppe" against "kontrol", no labels) shows
 * "Intervention" / "Control" (da "Interventionsgruppe" / "Kontrolgruppe"), never a fixed
 * "App + usual care" (src/report/arm-names.ts; docs/plan-trial.md, "Arm names").
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { metaAnalyze } from '../../src/meta/meta-analyze.js';
import { metaGroups } from '../../src/meta/meta-group.js';
import { parseStudies } from '../../src/meta/read-studies.js';
import { armNames } from '../../src/report/arm-names.js';
import { metaForestSpec } from '../../src/report/charts/meta-forest.js';

const CSV = [
  'study,outcome,time,n_intervention,mean_intervention,sd_intervention,n_control,mean_control,sd_control',
  'A 2019,rmdq,3m,120,7.9,5.1,118,9.0,5.4',
  'D 2022,rmdq,3m,64,8.4,4.8,66,6.1,5.0',
].join('\n');

const forest = (lang: 'en' | 'da', arms: { intervention: string; control: string }) => {
  const group = metaGroups(metaAnalyze(parseStudies(parseCsvText(CSV, 'f.csv')), { version: 'test', lang }))[0]!;
  return JSON.stringify(metaForestSpec(group, lang, { arms: armNames(undefined, lang, arms) }));
};

describe('forest plot arm headers', () => {
  it('neutral arms: "Intervention" / "Control", no "App" anywhere (en and da)', () => {
    const en = forest('en', { intervention: 'gruppe', control: 'kontrol' });
    expect(en).toContain('"Intervention"');
    expect(en).toContain('"Control"');
    expect(en).not.toMatch(/\bapp\b|usual care/i);
    const da = forest('da', { intervention: 'gruppe', control: 'kontrol' });
    expect(da).toContain('"Interventionsgruppe"');
    expect(da).not.toMatch(/\bapp(en)?\b|vanlig behandling/i);
  });

  it('an app against usual care keeps "App + usual care" / "Usual care"', () => {
    const en = forest('en', { intervention: 'app', control: 'usual' });
    expect(en).toContain('"App + usual care"');
    expect(en).toContain('"Usual care"');
  });
});
