/**
 * A double-zero study (no events in either arm) under the revman5 preset: "Not estimable" and
 * left out of the RR model (k, df, weights), as RevMan 5 and Cochrane Handbook §10.4.4; under the
 * metafor preset kept with ½ added (escalc's default drop00 = FALSE).
 * Reference: test/reference/meta-double-zero.R (metafor 3.8) → meta-double-zero.json.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { metaAnalyze } from '../../src/meta/meta-analyze.js';
import { metaText } from '../../src/meta/meta-table.js';
import { parseStudies } from '../../src/meta/read-studies.js';
import { metaGroups } from '../../src/meta/meta-group.js';
import { metaForestNumbers, metaForestSpec } from '../../src/report/charts/meta-forest.js';
import { warningsIn } from '../../src/meta/warnings-da.js';
import { expectClose } from '../support/tolerance.js';

const csv = readFileSync(resolve(__dirname, '../reference/meta-double-zero.csv'), 'utf8');
const ref = JSON.parse(readFileSync(resolve(__dirname, '../reference/meta-double-zero.json'), 'utf8')) as {
  revman5: { k: number; estimate: number; se: number; ciLower: number; ciUpper: number; tau2: number; q: number; qDf: number; i2: number; weightsRandom: number[]; mhEstimate: number; mhSe: number; weightsFixed: number[] };
  metafor: { k: number; estimate: number; se: number; tau2: number };
};

function run(preset: 'revman5' | 'metafor') {
  return metaAnalyze(parseStudies(parseCsvText(csv, 'studies.csv')), { preset, direction: 'higher-is-better', version: 'test' });
}

describe('revman5 preset: a double-zero study is not estimable and left out', () => {
  const r = run('revman5');
  const random = r.pooled.find((p) => p.model === 'random')!;
  const fixed = r.pooled.find((p) => p.model === 'fixed')!;
  it('random effects (DL) equal metafor on the four other studies', () => {
    expect(random.k).toBe(ref.revman5.k);
    expect(random.qDf).toBe(ref.revman5.qDf);
    expectClose(random.estimate, ref.revman5.estimate, 1e-6);
    expectClose(random.se as number, ref.revman5.se, 1e-6);
    expectClose(random.ciLower as number, ref.revman5.ciLower, 1e-6);
    expectClose(random.ciUpper as number, ref.revman5.ciUpper, 1e-6);
    expectClose(random.tau2 as number, ref.revman5.tau2, 1e-6);
    expectClose(random.q as number, ref.revman5.q, 1e-6);
    expectClose(random.i2 as number, ref.revman5.i2, 1e-6);
  });
  it('Mantel–Haenszel fixed effect and the weights leave the study out', () => {
    expectClose(fixed.estimate, ref.revman5.mhEstimate, 1e-6);
    expectClose(fixed.se as number, ref.revman5.mhSe, 1e-6);
    const kept = r.studies.filter((s) => s.study !== 'Hägg 2018');
    kept.forEach((s, i) => {
      expectClose(s.weightRandom as number, ref.revman5.weightsRandom[i] as number, 1e-6);
      expectClose(s.weightFixed as number, ref.revman5.weightsFixed[i] as number, 1e-6);
    });
  });
  it('the study row says "Not estimable", with no interval, weight or verdict, and a warning names it', () => {
    const hagg = r.studies.find((s) => s.study === 'Hägg 2018')!;
    expect(hagg).toMatchObject({ pooled: false, note: 'not estimable', ciLower: null, ciUpper: null, weightFixed: null, weightRandom: null, relevance: null });
    expect(r.warnings.some((w) => w.includes('Hägg 2018: no events in either arm: not estimable'))).toBe(true);
    const line = metaText(r, 'en').split('\n').find((l) => l.startsWith('Hägg 2018'))!;
    expect(line).toContain('Not estimable');
    expect(line).toContain('not analysed: not estimable');
    expect(warningsIn(r.warnings, 'da').some((w) => w.includes('Hägg 2018: ingen hændelser i nogen af armene: kan ikke estimeres'))).toBe(true);
    expect(metaText(r, 'da').split('\n').find((l) => l.startsWith('Hägg 2018'))).toContain('Kan ikke estimeres');
  });
});

describe('the page\'s forest plot shows the revman5 double-zero row as "Not estimable"', () => {
  it('en and da', () => {
    const [g] = metaGroups(run('revman5'));
    for (const [lang, words] of [['en', 'Not estimable'], ['da', 'Kan ikke estimeres']] as const) {
      const rows = metaForestNumbers(metaForestSpec(g!, lang)).rows;
      const hagg = rows.find((r) => r[0] === 'Hägg 2018');
      expect(hagg, lang).toBeDefined();
      expect(hagg!.join(' | '), lang).toContain(words);
    }
  });
});

describe('metafor preset: the double-zero study is kept with ½ added (escalc drop00 = FALSE)', () => {
  it('k = 5 and REML equal metafor on all five', () => {
    const random = run('metafor').pooled.find((p) => p.model === 'random')!;
    expect(random.k).toBe(ref.metafor.k);
    expectClose(random.estimate, ref.metafor.estimate, 1e-6);
    expectClose(random.se as number, ref.metafor.se, 1e-6);
    expectClose(random.tau2 as number, ref.metafor.tau2, 1e-6);
  });
});
