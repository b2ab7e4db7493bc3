/**
 * The forest plot's subtitle and Table 1 count the same trials (rep/da.csv of the explorer: the
 * forest said "3 forsøg" where Table 1 said "2 forsøg", Lund 2022 having no interval).
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { metaAnalyze } from '../../src/meta/meta-analyze.js';
import { metaGroups } from '../../src/meta/meta-group.js';
import { parseStudies } from '../../src/meta/read-studies.js';
import { metaForestSpec } from '../../src/report/charts/meta-forest.js';
import { metaSummaryTable } from '../../src/report/meta-summary-table.js';

const CSV = ['Studie;Effektmål;Tid;Forskel;95 %-KI;antal_intervention;antal_kontrol', 'Sandal 2021;rmdq;3 mdr.;-0,79;-1,51 til -0,06;232;229', 'Holm 2024;rmdq;3 måneder;-1,7;-3,7 til 0,3;60;61', 'Lund 2022;rmdq;3 mdr.;-0,4;;;'].join('\n');

describe('one count of trials', () => {
  const r = metaAnalyze(parseStudies(parseCsvText(CSV, 'da.csv')), { version: 'test', lang: 'da' });
  const subtitle = (lang: 'da' | 'en') => JSON.stringify((metaForestSpec(metaGroups(r)[0]!, lang) as { title: { subtitle: unknown } }).title.subtitle);

  it('Table 1 and the forest subtitle both count 2 pooled trials; the forest adds the one shown only', () => {
    const table = metaSummaryTable(r, 'da');
    expect(JSON.stringify(table)).toContain('2 forsøg (');
    expect(subtitle('da')).toContain('2 forsøg (+1 vist, ikke poolet)');
    expect(subtitle('en')).toContain('2 trials (+1 shown, not pooled)');
    expect(subtitle('da')).not.toContain('3 forsøg');
  });
});
