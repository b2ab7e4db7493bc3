// The meta page's conclusion (docs/input-studies.md#the-conclusion-of-the-meta-report), read off
// the summary table the page prints: the prediction interval's wording from 3 trials on, rows the
// table does not pool (no study reported an interval), and the few-trials sentence.
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { MIN_PI_TRIALS, metaAnalyze } from '../../src/meta/meta-analyze.js';
import { parseStudies } from '../../src/meta/read-studies.js';
import type { Lang } from '../../src/report/i18n.js';
import { metaConclusion, metaConclusionRows } from '../../src/report/meta-conclusion.js';
import { metaSummaryTable } from '../../src/report/meta-summary-table.js';

const HEAD = 'study,outcome,time,difference,ci_lower,ci_upper';
const results = (lines: string[]) => metaAnalyze(parseStudies(parseCsvText([HEAD, ...lines].join('\n'), 'studies.csv')), { version: 't' });
const conclusion = (lines: string[], lang: Lang = 'en') => {
  const r = results(lines);
  const table = metaSummaryTable(r, lang);
  return { text: metaConclusion(table, metaConclusionRows(r, lang), undefined, 'app', MIN_PI_TRIALS, lang), table };
};
const THREE = ['A,rmdq,3m,-0.79,-1.51,-0.06', 'B,rmdq,3m,-2.1,-3.0,-1.2', 'C,rmdq,3m,-0.2,-1.0,0.6'];

describe('meta conclusion', () => {
  it.each([
    ['en', 'In a new setting the effect is expected in the range'],
    ['da', 'I en ny sammenhæng forventes effekten at ligge i intervallet'],
  ] as const)('(%s) three trials: the prediction interval as the table prints it, "in the range", not "between"', (lang, words) => {
    const { text, table } = conclusion(THREE, lang);
    const pi = table.rows[0]![5]!;
    expect(pi).toMatch(lang === 'en' ? /\d to −?\d/ : /\d til −?\d/);
    expect(text).toContain(`${words} ${pi} (`);
    expect(text).not.toMatch(/between|mellem/);
  });

  it('a first row not pooled (no study reported an interval) is not the headline: named as not pooled, never with a verdict', () => {
    const { text, table } = conclusion(['A,rmdq,3m,-0.79,,', 'B,pain,3m,-0.8,-1.3,-0.2']);
    expect(table.rows[0]![3]).toBe('Not pooled (no study reported an interval)');
    expect(text).toMatch(/^Pain at 3 months: benefit of app MD −0\.80 \(95% CI −1\.30 to −0\.20\) – /);
    expect(text).toContain('Not pooled (no study reported an interval): rmdq at 3 months.');
    expect(text).not.toContain('other result');
    expect(text).not.toMatch(/– ;|: \./);
    // The unpooled row rests on no trial: "Every result rests on one trial" is of the pooled one.
    expect(text).toContain('Every result rests on one trial');
    const da = conclusion(['A,rmdq,3m,-0.79,,', 'B,pain,3m,-0.8,-1.3,-0.2'], 'da').text;
    expect(da).toContain('Ikke poolet (intet studie angav et interval): rmdq efter 3 måneder.');
    // The glossary's "effektforskel" with its sign spelled out, the app with its article — not the calque "gavn af app".
    expect(metaConclusion(metaSummaryTable(results(['B,pain,3m,-0.8,-1.3,-0.2']), 'da'), metaConclusionRows(results(['B,pain,3m,-0.8,-1.3,-0.2']), 'da'), undefined, 'appen', MIN_PI_TRIALS, 'da'))
      .toMatch(/^Pain efter 3 måneder: effektforskel MD −0,80 \(95 %-KI −1,30 til −0,20; positiv: til fordel for appen\) – /);
    expect(conclusion(['B,pain,3m,-0.8,-1.3,-0.2'], 'da').text).not.toMatch(/gavn/);
    // With an MCID the sign's note stays with the effect: after "mod en MKRF på 5" it read as the MCID's (review).
    expect(conclusion(THREE, 'da').text).toMatch(/effektforskel MD −?\d,\d+ \(95 %-KI [^()]+; positiv: til fordel for app\) mod en MKRF på 5 – /);
  });

  it('no row pooled: no conclusion', () => {
    expect(conclusion(['A,rmdq,3m,-0.79,,', 'B,pain,3m,-0.8,,']).text).toBe('');
  });

  it('every result on fewer than 3 trials: how many on one trial, and no "(0 of 2 …)" when none is', () => {
    const two = ['A,rmdq,3m,-0.79,-1.51,-0.06', 'B,rmdq,3m,-2.1,-3.0,-1.2', 'A,pain,3m,-0.8,-1.3,-0.2', 'B,pain,3m,-0.5,-1.2,0.2'];
    const none = conclusion(two).text;
    expect(none).toContain('Every result rests on fewer than 3 trials: how the effect varies');
    expect(none).not.toContain(' of 2 on one trial');
    expect(conclusion(two, 'da').text).toContain('Alle resultater bygger på færre end 3 forsøg: hvor meget');
    const some = conclusion([...two.slice(0, 3)]).text;
    expect(some).toContain('Every result rests on fewer than 3 trials (1 of 2 on one trial): how');
  });
});
