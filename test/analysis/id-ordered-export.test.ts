/**
 * An export already in id order — natural order, no zero padding (P1, P2, …, P10) — gives the
 * seeded numbers it gave before hta took its patients in id order (docs/plan-trial.md#row-order):
 * the Welch bootstrap resamples each arm in patient-id order (not by size), and the id order is
 * natural (not text, which would put P10 before P2). The expected numbers are the build of commit
 * e71d53dc's, whose draws took the rows' order (test/fixtures/id-ordered/README.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { analyseCeaFiles } from '../../src/cea/analyze-cea-files.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';

const DIR = 'test/fixtures/id-ordered';
const before = JSON.parse(readFileSync(`${DIR}/before.json`, 'utf8'));

describe('an export in natural id order keeps the numbers it had before the patients were sorted', () => {
  it('trial: the Welch bootstrap CIs, the MI rows and the tipping point', () => {
    const csv = readFileSync(`${DIR}/trial.csv`, 'utf8');
    expect(csv).toMatch(/"P9",[^\n]*\n"P10",/); // natural order, no zero padding
    const plan = parsePlan(JSON.parse(readFileSync(`${DIR}/plan.json`, 'utf8')));
    const r = analyzeTrial(loadTrial(parseCsvText(csv, 'trial.csv'), plan), { version: 'test', bootstrap: { replicates: 199, seed: 3 } });
    const bootstrap = r.effects.filter((e) => e.bootstrap).map((e) => ({ outcome: e.outcome, time: e.time, percentile: e.bootstrap!.percentile, bca: e.bootstrap!.bca }));
    const mi = r.effects.filter((e) => e.method === 'mi-ancova').map((e) => ({ outcome: e.outcome, time: e.time, difference: e.difference, se: e.se, ciLower: e.ciLower, ciUpper: e.ciUpper }));
    expect(bootstrap).toHaveLength(3);
    expect(bootstrap).toEqual(before.trial.bootstrap);
    expect(mi).toEqual(before.trial.mi);
    expect(r.sensitivity?.tippingPoint?.tippingDelta ?? null).toEqual(before.trial.tippingDelta);
  });

  it('cost-effectiveness: incremental cost and QALYs, ICER, quadrants and thresholds', () => {
    const { result } = analyseCeaFiles({ dataFile: `${DIR}/cea/export.csv`, planFile: `${DIR}/cea/cea.json`, version: 'test', dataName: 'export.csv', planName: 'cea.json' });
    const { incrementalCost, incrementalQaly, icer, quadrants, thresholds } = result;
    expect({ incrementalCost, incrementalQaly, icer, quadrants, thresholds }).toEqual(before.cea);
  });
});
