/**
 * A study row with an estimate but no interval is shown and not pooled; the CLI table gives it
 * no verdict ("not analysed: no interval"), not "Inconclusive" as if it had been judged.
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { metaAnalyze } from '../../src/meta/meta-analyze.js';
import { metaText } from '../../src/meta/meta-table.js';
import { parseStudies } from '../../src/meta/read-studies.js';

const CSV = [
  'study,outcome,time,measure,difference,ci_lower,ci_upper',
  'Sandal 2021,rmdq,3m,MD,-0.8,-1.81,0.21',
  'Kjærgaard 2023,rmdq,3m,MD,-0.3,-1.46,0.86',
  'Mikkelsen 2017,rmdq,3m,MD,-1.0,,',
].join('\n');

function table(lang: 'en' | 'da'): string {
  const results = metaAnalyze(parseStudies(parseCsvText(CSV, 'studies.csv')), { mcid: 5, direction: 'lower-is-better', version: 'test' });
  return metaText(results, lang);
}

function rowOf(text: string, study: string): string {
  const line = text.split('\n').find((l) => l.startsWith(study));
  if (line === undefined) throw new Error(`no row for ${study}`);
  return line;
}

describe('a study row without an interval gets no verdict in the CLI table', () => {
  it('English: "not analysed: no interval", not "Inconclusive"', () => {
    const row = rowOf(table('en'), 'Mikkelsen 2017');
    expect(row).toContain('not analysed: no interval');
    expect(row).not.toMatch(/inconclusive/i);
    // Rows with an interval keep their verdict.
    expect(rowOf(table('en'), 'Sandal 2021')).toContain('No clinically relevant difference');
  });
  it('Danish: "ikke analyseret: intet interval"', () => {
    const row = rowOf(table('da'), 'Mikkelsen 2017');
    expect(row).toContain('ikke analyseret: intet interval');
    expect(row).not.toMatch(/uafklaret|inconclusive/i);
  });
});
