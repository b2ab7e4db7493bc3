/**
 * `--mcid` outranks an instrument's MCID (docs/input-studies.md, "Which MCID and direction"), so
 * it is said per outcome whose instrument MCID it replaced, and when one number is used for
 * outcomes of different measures. Input: a reviewer's sheet with RMDQ (MD, instrument MCID 5),
 * pain intensity (SMD) and responders (RR, OR, RD); she meant 1.25 as the responders' RR threshold.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvText, readCsvFile } from '../../src/io/read-csv.js';
import { metaAnalyze } from '../../src/meta/meta-analyze.js';
import { parseStudies } from '../../src/meta/read-studies.js';
import { warningDa } from '../../src/meta/warnings-da.js';

const table = parseStudies(readCsvFile(resolve(__dirname, 'fixtures/canon.csv')));

describe('--mcid beside an instrument MCID', () => {
  it('names rmdq, whose instrument MCID 5 the flag replaced, and the mix of measures', () => {
    const r = metaAnalyze(table, { mcid: 1.25, direction: 'higher-is-better', version: 't' });
    expect(r.outcomes.find((o) => o.outcome === 'rmdq')).toMatchObject({ mcid: 1.25, mcidSource: 'flag' });
    const replaced = "rmdq: --mcid 1.25 replaces the instrument's MCID 5 (rmdq); leave --mcid out, or give a plan, to judge it against 5";
    expect(r.warnings).toContain(replaced);
    expect(r.warnings.filter((w) => w.includes('replaces the instrument'))).toEqual([replaced]);
    expect(r.warnings.some((w) => w.startsWith('--mcid 1.25 is used for outcomes of different measures (rmdq MD, pain_intensity SMD, responder RR'))).toBe(true);
    expect(warningDa(replaced)).toBe('rmdq: --mcid 1,25 erstatter instrumentets MKRF 5 (rmdq); udelad --mcid, eller angiv en plan, for at vurdere mod 5');
  });

  it('no warning when the flag is the instrument\'s own MCID, or used for one measure without an instrument', () => {
    const same = metaAnalyze(table, { mcid: 5, version: 't' });
    expect(same.warnings.filter((w) => w.includes('replaces the instrument'))).toEqual([]);
    const csv = ['study,outcome,time,measure,events_intervention,n_intervention,events_control,n_control', 'A 2020,responder,3m,RR,30,60,20,58', 'B 2021,responder,3m,RR,40,85,33,88'].join('\n');
    const one = metaAnalyze(parseStudies(parseCsvText(csv, 'r.csv')), { mcid: 1.25, direction: 'higher-is-better', version: 't' });
    expect(one.warnings.filter((w) => w.includes('--mcid'))).toEqual([]);
  });
});
