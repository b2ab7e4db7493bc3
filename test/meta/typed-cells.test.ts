/**
 * Cells typed from papers that are no number, said for what they are (docs/input-studies.md,
 * "Errors"), and the `design` words read (docs/input-studies.md, "Cluster-randomised trials").
 */
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parseStudies } from '../../src/meta/read-studies.js';

function problemsOf(text: string) {
  try {
    parseStudies(parseCsvText(text, 'x.csv'));
  } catch (err) {
    expect(err).toBeInstanceOf(HtaError);
    return (err as HtaError).problems;
  }
  throw new Error('expected an input error');
}

const EVENTS = 'study;outcome;time;measure;events_intervention;n_intervention;events_control;n_control';

describe('cells typed as a paper prints them', () => {
  it('23/150 (15,3 %) in an events column: the count here, n in n_intervention', () => {
    const [p] = problemsOf(`${EVENTS}\nA 2019;med_use;3m;RR;23/150 (15,3 %);;30;148`);
    expect([p!.field, p!.kind]).toEqual(['events_intervention', 'meta.events-as-printed']);
    expect(p!.hint).toBe('the cell holds the events as a paper prints them: write only the count (23) here; n (150) goes in n_intervention; a percentage is not read');
    const [q] = problemsOf(`${EVENTS}\nA 2019;med_use;3m;RR;23;150;30 (20,3%);148`);
    expect(q!.hint).toBe('the cell holds the events as a paper prints them: write only the count (30) here, and n in n_control; a percentage is not read');
  });

  it('01-maj (Danish Excel made 1.5 a date): says so, and what to write', () => {
    const [p] = problemsOf('study;outcome;time;difference;ci_lower;ci_upper\nA 2019;rmdq;3m;01-maj;-0,5;3,5');
    expect([p!.field, p!.kind]).toEqual(['difference', 'meta.excel-date']);
    expect(p!.hint).toMatch(/^Excel made a date of a number: 1\.5 typed into a spreadsheet whose decimal mark is a comma \(Danish Excel\) becomes the date 1 maj, shown as "01-maj" — if the paper says 1\.5, write 1,5/);
  });
});

describe('the design column', () => {
  const head = 'study;outcome;time;design;difference;ci_lower;ci_upper';
  it('reads the Danish and English synonyms of an individually randomised trial', () => {
    for (const word of ['individuelt randomiseret', 'parallel', 'parallelgruppe', 'Individually randomised', 'klyngerandomiseret']) {
      const t = parseStudies(parseCsvText(`${head}\nA 2019;rmdq;3m;${word};-1,0;-2,0;0,0`, 'x.csv'));
      expect(t.records, word).toHaveLength(1);
    }
  });

  it('refuses another word, listing the words read', () => {
    const [p] = problemsOf(`${head}\nA 2019;rmdq;3m;stepped wedge;-1,0;-2,0;0,0`);
    expect(p!.expected).toBe(
      'individual or cluster (how the trial was randomised): individual, parallel, parallel group, parallelgruppe, individually randomised, individually randomized, RCT, randomised, randomized, randomised controlled trial, randomized controlled trial, randomiseret, individuel, individuelt randomiseret are read as individual; cluster, cluster randomised, cluster randomized, cluster RCT, klynge, klyngerandomiseret as cluster; crossover, cross-over, crossover trial, overkrydsning, overkrydsningsforsøg as crossover (case, spaces and hyphens aside); another design is not pooled as a parallel trial',
    );
  });
});
