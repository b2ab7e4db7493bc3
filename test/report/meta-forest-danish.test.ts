/**
 * A Danish forest plot writes every number the Danish way, and names no subgroup in English that
 * the file did not give: "p < 0,001" (not "P < 0.0001"), the p and the Z of `hta meta --lang da`
 * for the same test (docs/glossary-da.md: a p below 0,001 as "< 0,001"); a trial given whole and by subgroup
 * (t11.csv) has no "(no subgroup)" heading (docs/input-studies.md, "One trial, one name").
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { metaAnalyze } from '../../src/meta/meta-analyze.js';
import { metaGroups } from '../../src/meta/meta-group.js';
import { parseStudies } from '../../src/meta/read-studies.js';
import { metaForestSpec } from '../../src/report/charts/meta-forest.js';
import { metaText } from '../../src/meta/meta-table.js';

const forest = (csv: string) => {
  const r = metaAnalyze(parseStudies(parseCsvText(csv, 'f.csv')), { version: 'test', lang: 'da' });
  return JSON.stringify(metaForestSpec(metaGroups(r)[0]!, 'da'));
};

describe('Danish forest plot', () => {
  it('a p-value below 0.001 with a decimal comma', () => {
    const spec = forest('study,outcome,time,difference,ci_lower,ci_upper\nA,rmdq,3m,-3.0,-4.0,-2.0\nB,rmdq,3m,-2.8,-3.9,-1.7\nC,rmdq,3m,-3.2,-4.1,-2.3');
    expect(spec).toContain('p < 0,001');
    expect(spec).not.toContain('0.001');
    expect(spec).not.toContain('0,0001');
  });

  // A committee member read "Z = 3,45 (p = 0,0006)" under the forest and "z = 3,45 (p < 0,001)"
  // from `hta meta --lang da` for the same test.
  it.each([
    ['p below 0,001', 'study,outcome,time,difference,ci_lower,ci_upper\nA,rmdq,3m,-3.1,-5.0,-1.2\nB,rmdq,3m,-2.9,-4.6,-1.2'],
    ['p between 0,001 and 0,01', 'study,outcome,time,difference,ci_lower,ci_upper\nA,rmdq,3m,-2.0,-4.0,0.0\nB,rmdq,3m,-2.2,-4.4,0.0'],
    ['p above 0,01', 'study,outcome,time,difference,ci_lower,ci_upper\nA,rmdq,3m,-1.0,-3.0,1.0\nB,rmdq,3m,-1.5,-3.6,0.6'],
  ])('the forest and the terminal give one test one Z and one p (%s)', (_, csv) => {
    const r = metaAnalyze(parseStudies(parseCsvText(csv, 'f.csv')), { version: 'test', lang: 'da' });
    const terminal = metaText(r, 'da');
    const test = terminal.match(/Test for samlet effekt \(fast effekt\): (Z = \S+ \(p [=<] [^)]+\))/);
    expect(test, terminal).not.toBeNull();
    expect(JSON.stringify(metaForestSpec(metaGroups(r)[0]!, 'da'))).toContain(`Test for samlet effekt: ${test![1]}`);
  });

  it('t11.csv: no "(no subgroup)" heading for the whole-trial rows', () => {
    const spec = forest(['study,outcome,time,subgroup,difference,ci_lower,ci_upper', 'Sandal 2021,rmdq,3m,,-1.1,-2.4,0.2', 'Sandal 2021,rmdq,3m,women,-1.5,-3.3,0.3', 'Sandal 2021,rmdq,3m,men,-0.6,-2.5,1.3', 'Rasmussen 2022,rmdq,3m,,-0.7,-1.9,0.5', 'Hansen 2023,rmdq,3m,,-0.9,-2.0,0.2'].join('\n'));
    expect(spec).not.toContain('no subgroup');
    expect(spec).toContain('"Women"'); // a heading starts with a capital, as the figure's numbers table writes it
  });

  it('heterogeneity that cannot be computed is "ikke aktuelt", never "ikke relevant" (it reads as "not clinically relevant")', () => {
    const csv = ['study,outcome,time,subgroup,difference,ci_lower,ci_upper', 'A,rmdq,3m,women,-1.5,-3.3,0.3', 'B,rmdq,3m,women,-0.9,-2.0,0.2', 'C,rmdq,3m,men,-0.6,-2.5,1.3', 'D,rmdq,3m,men,-0.7,-1.9,0.5'].join('\n');
    const group = metaGroups(metaAnalyze(parseStudies(parseCsvText(csv, 'f.csv')), { version: 'test', lang: 'da' }))[0]!;
    // A subtotal without a Q statistic (as a subgroup whose estimates come from one trial would be).
    const noQ = { ...group, pooled: group.pooled.map((p) => (p.subgroup === 'women' ? { ...p, q: null } : p)) };
    const spec = JSON.stringify(metaForestSpec(noQ, 'da'));
    expect(spec).toContain('Heterogenitet: ikke aktuelt');
    expect(spec).not.toMatch(/ikke relevant/i);
  });
});
