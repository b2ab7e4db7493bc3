/**
 * A Danish forest plot writes every number the Danish way, and names no subgroup in English that
 * the file did not give: "p < 0,0001" (not "P < 0.0001"); a trial given whole and by subgroup
 * (t11.csv) has no "(no subgroup)" heading (docs/input-studies.md, "One trial, one name").
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { metaAnalyze } from '../../src/meta/meta-analyze.js';
import { metaGroups } from '../../src/meta/meta-group.js';
import { parseStudies } from '../../src/meta/read-studies.js';
import { metaForestSpec } from '../../src/report/charts/meta-forest.js';

const forest = (csv: string) => {
  const r = metaAnalyze(parseStudies(parseCsvText(csv, 'f.csv')), { version: 'test', lang: 'da' });
  return JSON.stringify(metaForestSpec(metaGroups(r)[0]!, 'da'));
};

describe('Danish forest plot', () => {
  it('a p-value below 0.0001 with a decimal comma', () => {
    const spec = forest('study,outcome,time,difference,ci_lower,ci_upper\nA,rmdq,3m,-3.0,-4.0,-2.0\nB,rmdq,3m,-2.8,-3.9,-1.7\nC,rmdq,3m,-3.2,-4.1,-2.3');
    expect(spec).toContain('p < 0,0001');
    expect(spec).not.toContain('0.0001');
  });

  it('t11.csv: no "(no subgroup)" heading for the whole-trial rows', () => {
    const spec = forest(['study,outcome,time,subgroup,difference,ci_lower,ci_upper', 'Sandal 2021,rmdq,3m,,-1.1,-2.4,0.2', 'Sandal 2021,rmdq,3m,women,-1.5,-3.3,0.3', 'Sandal 2021,rmdq,3m,men,-0.6,-2.5,1.3', 'Rasmussen 2022,rmdq,3m,,-0.7,-1.9,0.5', 'Hansen 2023,rmdq,3m,,-0.9,-2.0,0.2'].join('\n'));
    expect(spec).not.toContain('no subgroup');
    expect(spec).toContain('"women"');
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
