/**
 * The warnings of `hta meta` on a Danish page and with --lang da (docs/input-studies.md, "Warnings
 * in Danish"): every warning these inputs make is worded in Danish, numbers with a decimal comma.
 * The inputs are made to trigger the catalogue's warnings, so an English wording changed without
 * its Danish one fails here.
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { metaAnalyze } from '../../src/meta/meta-analyze.js';
import { parseStudies } from '../../src/meta/read-studies.js';
import { warningDa, warningsIn } from '../../src/meta/warnings-da.js';
import { runCli, tempDir } from '../support/run-cli.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const analyze = (csv: string, options: Partial<Parameters<typeof metaAnalyze>[1]> = {}) => metaAnalyze(parseStudies(parseCsvText(csv, 'w.csv')), { version: 'test', ...options });

const CASES: [string, string, Partial<Parameters<typeof metaAnalyze>[1]>][] = [
  ['whole and by subgroup (t11)', 'study,outcome,time,subgroup,difference,ci_lower,ci_upper\nSandal 2021,rmdq,3m,,-1.1,-2.4,0.2\nSandal 2021,rmdq,3m,women,-1.5,-3.3,0.3\nSandal 2021,rmdq,3m,men,-0.6,-2.5,1.3\nRasmussen 2022,rmdq,3m,,-0.7,-1.9,0.5', {}],
  ['only by subgroup', 'study,outcome,time,subgroup,difference,ci_lower,ci_upper\nSandal 2021,rmdq,3m,women,-1.5,-3.3,0.3\nSandal 2021,rmdq,3m,men,-0.6,-2.5,1.3\nRasmussen 2022,rmdq,3m,,-0.7,-1.9,0.5', {}],
  ['two forms and same result (t8, t9)', 'study,outcome,time,n_intervention,mean_intervention,sd_intervention,n_control,mean_control,sd_control,difference,ci_lower,ci_upper,se\nSandal 2021,rmdq,3m,120,7.9,5.1,118,9.0,5.4,,,,\nSandal 2023,rmdq,3m,,,,,,,-1.1,-2.43,0.23,\nJensen 2020,rmdq,3m,,,,,,,-0.5,-1.28,0.28,\nJensen 2020b,rmdq,3m,,,,,,,-0.5,-1.28,0.28,', {}],
  ['12 weeks and 3 months (t1)', 'study,outcome,time,difference,ci_lower,ci_upper\nA,rmdq,12 uger,-1.2,-2.3,-0.1\nB,rmdq,3m,-0.8,-1.9,0.3', {}],
  ['an SD far below the others', 'study,outcome,time,n_intervention,mean_intervention,sd_intervention,n_control,mean_control,sd_control\nA,rmdq,3m,100,6,5,100,7,5\nB,rmdq,3m,25,6,1.2,25,7,4', {}],
  ['no interval; nothing pooled', 'study,outcome,time,difference\nA,pain,3m,-1.2', {}],
  ['events beside a reported RR; direction assumed', 'study,outcome,time,measure,events_intervention,n_intervention,events_control,n_control,difference,ci_lower,ci_upper\nA,resp,3m,RR,10,50,20,50,,,\nB,resp,3m,RR,,,,,0.8,0.6,1.07', { mcid: 1.25 }],
  ['an RD MCID in percentage points', 'study,outcome,time,measure,difference,ci_lower,ci_upper\nA,resp,3m,RD,-0.1,-0.2,0.0\nB,resp,3m,RD,-0.05,-0.15,0.05', { mcid: 10, direction: 'lower-is-better' }],
  ['an estimate off the centre of its interval', 'study,outcome,time,difference,ci_lower,ci_upper\nA,rmdq,3m,-1.0,-2.5,0.1\nB,rmdq,3m,-0.8,-1.9,0.3', {}],
  ['a follow-up not read, beside one that is', 'study,outcome,time,difference,ci_lower,ci_upper\nA,rmdq,12 months,-1.2,-2.3,-0.1\nB,rmdq,post-treatment,-0.8,-1.9,0.3\nC,rmdq,3m,-0.8,-1.9,0.3', {}],
  ['an odds ratio bound beyond 100', 'study,outcome,time,measure,difference,ci_lower,ci_upper\nA,ae,3m,OR,5.0,0.21,120', {}],
  ['a risk difference nearly at an end, decimal commas', 'study;outcome;time;measure;difference;ci_lower;ci_upper\nA;resp;3m;RD;-0,05;-0,3;0,0\nB;resp;3m;RD;-0,05;-0,15;0,05', {}],
];

describe('warnings in Danish', () => {
  it.each(CASES)('%s: every warning is worded in Danish', (_, csv, options) => {
    const w = analyze(csv, options).warnings;
    expect(w.length).toBeGreaterThan(0);
    const da = warningsIn(w, 'da');
    da.forEach((d, i) => expect(d, w[i]).not.toBe(w[i]));
    for (const d of da) expect(d).not.toMatch(/\d\.\d/);
    expect(warningsIn(w, 'en')).toEqual(w);
  });

  it('the words of t11\'s warning', () => {
    expect(warningDa('rmdq 3m: Sandal 2021 is given whole (line 2) and by subgroup (women, men: lines 3, 4); the pool across trials uses its whole-trial row, so the trial counts once; its subgroup rows are used only within their subgroups'))
      .toBe('rmdq 3m: Sandal 2021 er angivet samlet (linje 2) og pr. subgruppe (women, men: linje 3, 4); den samlede metaanalyse bruger forsøgets samlede række, så forsøget tælles én gang; subgrupperækkerne bruges kun inden for deres subgrupper');
  });

  it('hta meta --lang da prints them in Danish on stderr', async () => {
    const file = join(tempDir(), 't11.csv');
    writeFileSync(file, CASES[0]![1]);
    const r = await runCli('meta', file, '--lang', 'da');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('advarsel: rmdq 3m: Sandal 2021 er angivet samlet (linje 2)');
  });
});
