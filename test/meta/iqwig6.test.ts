/**
 * The iqwig6 preset applies IQWiG General Methods 6's ad hoc variance correction of the HKSJ
 * interval (R meta's settings.meta("IQWiG6"): adhoc.hakn.ci = "IQWiG6"); revman-web, whose
 * documentation gives no correction, says when its interval is narrower than the fixed-effect CI.
 * Reference: test/reference/meta-iqwig6.R (metafor 3.8, the rule computed by hand) →
 * meta-iqwig6.json. rmdq: six trials that agree closely (Q < df), the uncorrected HKSJ CI
 * (−1.26 to −0.43) narrower than the fixed effect's (−1.38 to −0.31); pain: heterogeneous, unchanged;
 * homogeneous (meta-iqwig6-homogeneous.csv, three trials, τ² = 0, s² = 0.23): not corrected, its
 * PI on √(1/Σw) as meta's method.predict = "V" — it was on the HK SE, the CI itself (−1.23 to −0.28)
 * where R meta gives −1.75 to 0.24.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvFile } from '../../src/io/read-csv.js';
import { metaAnalyze, poolSettingsFrom } from '../../src/meta/meta-analyze.js';
import { parseStudies } from '../../src/meta/read-studies.js';

type Ref = { estimate: number; se: number; ciLower: number; ciUpper: number; corrected: boolean; knhaLower: number; knhaUpper: number; piLower: number; piUpper: number };
const ref = JSON.parse(readFileSync(resolve(__dirname, '../reference/meta-iqwig6.json'), 'utf8')) as Record<'rmdq' | 'pain' | 'homogeneous', Ref>;
const table = parseStudies(readCsvFile(resolve(__dirname, '../reference/meta-iqwig6.csv')));
const homogeneous = parseStudies(readCsvFile(resolve(__dirname, '../reference/meta-iqwig6-homogeneous.csv')));
const random = (r: ReturnType<typeof metaAnalyze>, outcome: string) => r.pooled.find((p) => p.outcome === outcome && p.model === 'random')!;

describe('iqwig6: the HKSJ interval with IQWiG 6\'s variance correction', () => {
  const r = metaAnalyze(table, { preset: 'iqwig6', version: 't' });
  it.each(['rmdq', 'pain'] as const)('%s: CI, SE and PI as the rule computed with metafor', (o) => {
    const row = random(r, o);
    const x = ref[o];
    expect(row.estimate).toBeCloseTo(x.estimate, 6);
    expect(row.se).toBeCloseTo(x.se, 6);
    expect(row.ciLower).toBeCloseTo(x.ciLower, 6);
    expect(row.ciUpper).toBeCloseTo(x.ciUpper, 6);
    expect(row.piLower).toBeCloseTo(x.piLower, 6);
    expect(row.piUpper).toBeCloseTo(x.piUpper, 6);
  });

  it('homogeneous (uncorrected, τ² = 0): the CI on the HK SE, the PI on √(1/Σw) — meta\'s method.predict = "V"', () => {
    const h = metaAnalyze(homogeneous, { preset: 'iqwig6', version: 't', direction: 'lower-is-better' });
    const row = random(h, 'pain');
    const x = ref.homogeneous;
    expect(x.corrected).toBe(false);
    expect(row.se).toBeCloseTo(x.se, 6);
    expect(row.ciLower).toBeCloseTo(x.ciLower, 6);
    expect(row.ciUpper).toBeCloseTo(x.ciUpper, 6);
    expect(row.piLower).toBeCloseTo(x.piLower, 6);
    expect(row.piUpper).toBeCloseTo(x.piUpper, 6);
    // The PI is wider than the CI here and includes 0: the page's "in a new setting" sentence says so.
    expect(row.piUpper).toBeGreaterThan(0);
    expect(h.warnings.filter((w) => /IQWiG 6/.test(w))).toEqual([]);
  });

  it('the correction is said where applied (rmdq), not where the HKSJ CI was already wider (pain)', () => {
    expect(ref.rmdq.corrected).toBe(true);
    expect(ref.pain.corrected).toBe(false);
    expect(r.warnings).toContain("rmdq 3m, random effect: Hartung–Knapp–Sidik–Jonkman interval narrower than the DerSimonian–Laird interval: IQWiG 6's variance correction applied (SE = √(1/Σw), t on k − 1 df)");
    expect(r.warnings.filter((w) => w.startsWith('pain 3m'))).toEqual([]);
  });

  it('--method PM --hksj without the preset is plain knha, and is not labelled iqwig6; --hksj alone is not "revman-web"', () => {
    const plain = metaAnalyze(table, { method: 'PM', hksj: true, version: 't' });
    expect(random(plain, 'rmdq').ciLower).toBeCloseTo(ref.rmdq.knhaLower, 6);
    expect(random(plain, 'rmdq').ciUpper).toBeCloseTo(ref.rmdq.knhaUpper, 6);
    expect(plain.options.preset).toBeNull();
    expect(poolSettingsFrom({ hksj: true }).preset).toBeNull();
    expect(poolSettingsFrom({}).preset).toBe('metafor');
  });
});

describe('revman-web: an HKSJ interval narrower than the fixed-effect CI is said', () => {
  it('rmdq (s² < 1): the CI and the PI; pain (heterogeneous): nothing', () => {
    const r = metaAnalyze(table, { preset: 'revman-web', version: 't' });
    const row = random(r, 'rmdq');
    const fixed = r.pooled.find((p) => p.outcome === 'rmdq' && p.model === 'fixed')!;
    expect(row.ciUpper - row.ciLower).toBeLessThan(fixed.ciUpper - fixed.ciLower);
    expect(r.warnings).toContain('rmdq 3m, random effect: the Hartung–Knapp–Sidik–Jonkman 95% CI is narrower than the fixed-effect 95% CI (the studies agree more closely than their SEs imply); read the uncertainty as at least the fixed-effect CI');
    expect(r.warnings.some((w) => w.startsWith('rmdq 3m, random effect: the prediction interval is narrower than the fixed-effect 95% CI'))).toBe(true);
    expect(r.warnings.filter((w) => w.startsWith('pain 3m'))).toEqual([]);
  });
});

describe('the new warnings in Danish (warnings-da.ts)', () => {
  it('the correction, the narrower interval and the Mantel–Haenszel double-zero study', async () => {
    const { warningDa } = await import('../../src/meta/warnings-da.js');
    const r = metaAnalyze(table, { preset: 'iqwig6', version: 't' });
    const web = metaAnalyze(table, { preset: 'revman-web', version: 't' });
    for (const w of [...r.warnings, ...web.warnings].filter((x) => /Hartung|prediction/.test(x))) expect(warningDa(w)).not.toBe(w);
    expect(warningDa("responder 3m (RR), fixed effect: Hägg 2018 has no events in either arm: it adds nothing to the Mantel–Haenszel estimate and is left out of that model's own Q (df = 3, in the JSON's fixed-effect row); the random-effects model and the heterogeneity shown (Q, df = 4) include it, with ½ added to each cell")).toBe(
      'responder 3m (RR), fast effekt: Hägg 2018 har ingen hændelser i nogen af grupperne: studiet bidrager ikke til Mantel–Haenszel-estimatet og er udeladt af den models egen Q (fg = 3, i JSON-filens række for fast effekt); modellen med tilfældige effekter og den viste heterogenitet (Q, fg = 4) medtager det med ½ lagt til hver celle',
    );
  });
});
