/**
 * A multi-arm trial's shared control is not counted twice (docs/input-studies.md, "A multi-arm
 * trial's shared control"). Reference: test/reference/meta-shared-control.R (metafor, REML) →
 * meta-shared-control.json: the app arms combined give Kim 2024 15.8 % of the weight and
 * −1.12 [−1.81, −0.44]; pooled as two rows (the control twice) 22.3 % and −1.16 [−1.83, −0.50].
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvText, readCsvFile } from '../../src/io/read-csv.js';
import { metaAnalyze } from '../../src/meta/meta-analyze.js';
import { parseStudies } from '../../src/meta/read-studies.js';
import { errorOf } from '../support/error-of.js';
import { runCli } from '../support/run-cli.js';

const ref = JSON.parse(readFileSync(resolve(__dirname, '../reference/meta-shared-control.json'), 'utf8')) as {
  combined: { n: number; mean: number; sd: number };
  pooled: { estimate: number; ciLower: number; ciUpper: number; weights: number[] };
};
const fixture = (name: string) => readCsvFile(resolve(__dirname, '../fixtures/meta-typed', name));

/** The problems of the input error `run` throws. */
const refusal = (run: () => unknown) => errorOf(run).problems;

describe('two rows of one trial with one control arm', () => {
  it.each(['three1.csv', 'three2.csv', 'three3.csv'])('%s: refused at the later row with the combined arm (metafor reference numbers)', (file) => {
    const ps = refusal(() => parseStudies(fixture(file)));
    expect(ps).toHaveLength(1);
    const p = ps[0]!;
    expect([p.line, p.kind]).toEqual([6, 'meta.shared-control']);
    expect(p.expected).toMatch(/same control arm \(n_control 41, mean_control 8\.1, sd_control 4\.7\)/);
    const [, n, mean, sd] = /n_intervention (\d+), mean_intervention ([\d.]+), sd_intervention ([\d.]+)/.exec(p.hint ?? '') ?? [];
    expect(Number(n)).toBe(ref.combined.n);
    expect(Number(mean)).toBeCloseTo(ref.combined.mean, 4);
    expect(Number(sd)).toBeCloseTo(ref.combined.sd, 4);
    expect(p.hint).toMatch(/Cochrane Handbook v6, §23\.3\.4; not the subgroup column/);
  });

  it('the row the refusal asks for pools as metafor does with the arms combined', () => {
    const p = refusal(() => parseStudies(fixture('three1.csv')))[0]!;
    const [, n, mean, sd] = /n_intervention (\d+), mean_intervention ([\d.]+), sd_intervention ([\d.]+)/.exec(p.hint ?? '') ?? [];
    const lines = readFileSync(resolve(__dirname, '../fixtures/meta-typed/three1.csv'), 'utf8').trim().split('\n');
    const fixed = [...lines.slice(0, 4), `Kim 2024,rmdq,3m,${n},${mean},${sd},41,8.1,4.7`].join('\n');
    const r = metaAnalyze(parseStudies(parseCsvText(fixed, 'fixed.csv')), { version: 'test' });
    const random = r.pooled.find((x) => x.model === 'random')!;
    expect(random.estimate).toBeCloseTo(ref.pooled.estimate, 4);
    expect(random.ciLower).toBeCloseTo(ref.pooled.ciLower, 4);
    expect(random.ciUpper).toBeCloseTo(ref.pooled.ciUpper, 4);
    expect(r.studies.map((s) => s.weightRandom)).toEqual(ref.pooled.weights.map((w) => expect.closeTo(w, 2)));
  });

  it('events: the same control events and n in two rows of one trial are refused with the summed arm', () => {
    const csv = ['study,outcome,time,events_intervention,n_intervention,events_control,n_control', 'A 2020,resp,3m,10,50,5,50', 'B 2021 (dose 1),resp,3m,12,40,6,41', 'B 2021 (dose 2),resp,3m,14,42,6,41'].join('\n');
    const ps = refusal(() => parseStudies(parseCsvText(csv, 'x.csv')));
    expect(ps.map((p) => [p.line, p.kind])).toEqual([[4, 'meta.shared-control']]);
    expect(ps[0]?.hint).toMatch(/events_intervention 26 and n_intervention 82/);
  });

  it('two trials with equal control summaries are not one trial', () => {
    const csv = ['study,outcome,time,n_intervention,mean_intervention,sd_intervention,n_control,mean_control,sd_control', 'A 2020,rmdq,3m,40,6,4.5,41,8.1,4.7', 'B 2021,rmdq,3m,42,6.9,4.4,41,8.1,4.7'].join('\n');
    expect(parseStudies(parseCsvText(csv, 'x.csv')).records).toHaveLength(2);
  });

  // A copy is not a second arm: combined with itself it would double the arm (n_intervention 100 for a 50-patient arm).
  it.each(['dup.csv', 'dupev.csv'])('%s: a row entered twice is refused once, as a copy to delete, not as a shared control', (file) => {
    const ps = refusal(() => parseStudies(fixture(file)));
    expect(ps.map((p) => [p.line, p.kind ?? null])).toEqual([[3, null]]);
    expect(ps[0]?.expected).toBe('one row per study, outcome, time, measure and subgroup (line 2 has the same); its numbers are the same too, so it is one result entered twice: keep one row');
    expect(ps[0]?.hint).toBeUndefined();
  });

  it('"Sandal et al. 2021" copying "Sandal 2021": one result entered twice; a real second arm is still refused with only its own numbers', () => {
    const csv = [
      'study,outcome,time,n_intervention,mean_intervention,sd_intervention,n_control,mean_control,sd_control',
      'Sandal 2021,rmdq,3m,50,3.1,2,50,4,2.1',
      'Sandal et al. 2021,rmdq,3m,50,3.1,2,50,4,2.1',
      'Sandal 2021 (app B),rmdq,3m,40,2.5,2,50,4,2.1',
      'B 2021,rmdq,3m,60,3.3,2.2,60,4.2,2',
    ].join('\n');
    const ps = refusal(() => parseStudies(parseCsvText(csv, 'x.csv')));
    expect(ps.map((p) => [p.line, p.kind ?? null])).toEqual([
      [4, 'meta.shared-control'],
      [3, null],
    ]);
    // The two distinct arms only: 50 + 40 patients, not 50 + 50 + 40.
    expect(ps[0]?.expected).toMatch(/Sandal 2021 \(line 2\) and Sandal 2021 \(app B\) \(line 4\) have the same control arm/);
    expect(ps[0]?.hint).toMatch(/n_intervention 90, mean_intervention 2\.8333, sd_intervention 2\.0112 /);
    expect(ps[1]?.expected).toBe(
      'one row per study, outcome, time, measure and subgroup (line 2 has the same ("Sandal 2021": names that differ only in "et al.", punctuation, case or spaces are one study)); its numbers are the same too, so it is one result entered twice: keep one row',
    );
  });

  // RevMan users name a multi-arm trial's comparisons 2019a/2019b, "2019 app"/"2019 web", …: the
  // identical control arm is what makes them one trial's patients, whatever the suffix.
  it.each([
    ['Ødegård 2019a', 'Ødegård 2019b'],
    ['Ødegård 2019 app', 'Ødegård 2019 web'],
    ['Ødegård 2019 A', 'Ødegård 2019 B'],
    ['Ødegård 2019 [app]', 'Ødegård 2019 [web]'],
    ['Ødegård 2019 - app', 'Ødegård 2019 – web'],
  ])('"%s" and "%s" with one control arm: refused with the combined arm', (a, b) => {
    const lines = readFileSync(resolve(__dirname, '../fixtures/meta-typed/three-ab.csv'), 'utf8').trim().split('\n');
    const named = lines.map((l) => l.replace(/^Ødegård 2019a,/, `${a},`).replace(/^Ødegård 2019b,/, `${b},`).replace(/ doi:10\.4045\/tidsskr\.18\.0001/, ''));
    const ps = refusal(() => parseStudies(parseCsvText(named.join('\n'), 'studies.csv')));
    expect(ps.map((p) => [p.line, p.kind, p.value])).toEqual([[4, 'meta.shared-control', b]]);
    expect(ps[0]?.expected).toMatch(/same control arm \(n_control 58, mean_control 9\.4, sd_control 5\.2\)/);
    // The combined app + web arm, as her metafor check combined it (121, 8.352066, 4.987310).
    expect(ps[0]?.hint).toMatch(/n_intervention 121, mean_intervention 8\.3521, sd_intervention 4\.9873 /);
  });

  it('one DOI in the citations of two differently named rows with one control arm: one trial, refused', () => {
    const lines = readFileSync(resolve(__dirname, '../fixtures/meta-typed/three-ab.csv'), 'utf8').trim().split('\n');
    const named = lines.map((l) => l.replace(/^Ødegård 2019b,/, 'Hårstad 2019,'));
    const ps = refusal(() => parseStudies(parseCsvText(named.join('\n'), 'studies.csv')));
    expect(ps.map((p) => [p.line, p.kind])).toEqual([[4, 'meta.shared-control']]);
    expect(ps[0]?.expected).toMatch(/Hårstad 2019 \(subgroup Web-based\) \(line 4\) \(one trial: each cites doi:10\.4045\/tidsskr\.18\.0001\) have the same control arm/);
  });

  it('the fixture as she entered it (2019a/2019b, one DOI) is refused; other years, other DOIs and other controls are not one trial', () => {
    expect(refusal(() => parseStudies(fixture('three-ab.csv'))).map((p) => p.line)).toEqual([4]);
    const csv = [
      'study,outcome,time,n_intervention,mean_intervention,sd_intervention,n_control,mean_control,sd_control,citation',
      'Hansen 2019,rmdq,3m,60,8.1,4.9,58,9.4,5.2,doi:10.1000/a1',
      'Hansen 2022,rmdq,3m,61,8.6,5.1,58,9.4,5.2,doi:10.1000/b2',
      'Hansen 2019b,rmdq,3m,61,8.6,5.1,58,9.4,5.3,doi:10.1000/a1',
    ].join('\n');
    expect(parseStudies(parseCsvText(csv, 'x.csv')).records).toHaveLength(3);
  });
});

describe('two trials of one first author in one year (Smith 2019a, Smith 2019b) with different DOIs', () => {
  // RevMan's names for two trials; a control arm of 6/25 is common in small trials with round n.
  const head = 'study,citation,outcome,time,measure,events_intervention,n_intervention,events_control,n_control';
  const a = 'Smith 2019a,"Smith J et al. Pilot RCT of app. BMJ Open 2019. doi:10.1136/bmjopen-2018-011111",return_to_work,6m,RR,12,25,6,25';
  const b = 'Smith 2019b,"Smith K et al. Web programme RCT. Trials 2019. doi:10.1186/s13063-019-022222",return_to_work,6m,RR,10,25,6,25';
  const jones = 'Jones 2020,"Jones 2020",return_to_work,6m,RR,30,80,20,80';

  it('are two trials: read, not refused as arms of one', () => {
    expect(parseStudies(parseCsvText([head, a, b, jones].join('\n'), 's1.csv')).records.map((r) => r.study)).toEqual(['Smith 2019a', 'Smith 2019b', 'Jones 2020']);
  });

  it('a row without a DOI joins one of them by its name, never both into one trial', () => {
    const noDoi = 'Smith 2019c,"Smith 2019",return_to_work,6m,RR,11,25,6,25';
    const ps = refusal(() => parseStudies(parseCsvText([head, a, noDoi, b].join('\n'), 's1.csv')));
    expect(ps.map((p) => [p.line, p.value])).toEqual([[3, 'Smith 2019c']]);
    expect(ps[0]!.expected).toMatch(/^one row per comparison with its own control group: Smith 2019a \(line 2\) and Smith 2019c \(line 3\) have/);
  });

  it('one DOI is still one trial; its refusal is Danish on a --lang da run, the combined arm as computed', async () => {
    const dir = (await import('../support/run-cli.js')).tempDir();
    const { writeFileSync } = await import('node:fs');
    const file = resolve(dir, 'studies.csv');
    writeFileSync(file, [head, a, b.replace('doi:10.1186/s13063-019-022222', 'doi:10.1136/bmjopen-2018-011111'), jones].join('\n') + '\n');
    const run = await runCli('meta', file, '--lang', 'da');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('studies.csv:3:1 (study): "Smith 2019b" — forventet én række pr. sammenligning med sin egen kontrolgruppe: Smith 2019a (linje 2) og Smith 2019b (linje 3) har samme kontrolgruppe (events_control 6, n_control 25), så som separate rækker i metaanalysen ville dens patienter tælle to gange; slå interventionsgrupperne sammen i én række mod den fælles kontrolgruppe (Cochrane Handbook v6, §23.3.4; ikke subgruppekolonnen, som stadig ville tælle kontrolgruppen to gange): events_intervention 22 og n_intervention 50 (gruppernes summer); eller, hvis kun én gruppe besvarer spørgsmålet, behold kun den række');
  });

  it('the DOI and subgroup clauses in Danish too (two names, one DOI)', async () => {
    const { danishProblemText } = await import('../../src/report/problem-text.js');
    const lines = readFileSync(resolve(__dirname, '../fixtures/meta-typed/three-ab.csv'), 'utf8').trim().split('\n');
    const [p] = refusal(() => parseStudies(parseCsvText(lines.map((l) => l.replace(/^Ødegård 2019b,/, 'Hårstad 2019,')).join('\n'), 'studies.csv')));
    expect(danishProblemText(p!.expected!)).toBe('én række pr. sammenligning med sin egen kontrolgruppe: Ødegård 2019a (subgruppe App-based) (linje 3) og Hårstad 2019 (subgruppe Web-based) (linje 4) (ét forsøg: hver citerer doi:10.4045/tidsskr.18.0001) har samme kontrolgruppe (n_control 58, mean_control 9.4, sd_control 5.2), så som separate rækker i metaanalysen ville dens patienter tælle to gange');
  });

  it('arm summaries: the Danish refusal keeps the combined arm\'s numbers and the formula', async () => {
    const run = await runCli('meta', resolve(__dirname, '../fixtures/meta-typed/three1.csv'), '--lang', 'da');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/har samme kontrolgruppe \(n_control 41, mean_control 8\.1, sd_control 4\.7\)/);
    expect(run.stderr).toMatch(/slå interventionsgrupperne sammen i én række mod den fælles kontrolgruppe .*: n_intervention \d+, mean_intervention [\d.]+, sd_intervention [\d.]+ \(N = n1 \+ n2, gennemsnit = \(n1·m1 \+ n2·m2\) \/ N, SD = √/);
    expect(run.stderr).not.toMatch(/combine the intervention arms|same control arm/);
  });
});
