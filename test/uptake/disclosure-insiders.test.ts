/**
 * Insiders (docs/disclosure-control.md "Insiders: a region or a clinic that knows its own
 * counts"): a region knows its own counts, so a small count of another region protected by a
 * single complement of the insider's (the explorer's finding on reports/uptake/results.json:
 * 75 − 28 − 14 − 14 = 19 = Sjælland + Nordjylland, Sjælland knows its 15, Nordjylland = 4) must
 * not be one subtraction away for it: in every published sum, the other hidden cells of a hidden
 * one must not all be known to one other party (insider-rule.ts).
 */
import { describe, expect, it } from 'vitest';
import type { MetricRow } from '../../src/uptake/aggregate.js';
import { suppressUptakeOutputs, SUPPRESSED, type UptakeOutputs } from '../../src/uptake/suppression.js';
import { buildCellModel, metricCellKey } from '../../src/uptake/disclosure/cell-model.js';
import { cellKnowers } from '../../src/uptake/disclosure/insider-parties.js';
import { InsiderRule } from '../../src/uptake/disclosure/insider-rule.js';
import { suppressionPattern } from '../../src/uptake/disclosure/secondary-suppression.js';
import { certificateProblems } from '../../src/uptake/disclosure/suppression-certificate.js';
import { isSensitive } from '../../src/uptake/disclosure/disclosure-rule.js';
import { clinicFunnel as funnelOf } from '../../src/uptake/clinic-funnel.js';
import type { Region } from '../../src/uptake/aggregate.js';
import { auditPublishedUptake, type PublishedUptake } from '../../src/uptake/disclosure/attacker-audit.js';
import { parsePreviousPublication } from '../../src/uptake/disclosure/previous-publication.js';

const RULE = { threshold: 5, protectionLevel: 5, zerosSensitive: false };

function row(region: string, period: string, referrals: number): MetricRow {
  return {
    region: region as MetricRow['region'], period, periodType: period === 'all' ? 'all' : 'year', dimension: 'all', level: 'all',
    referrals, activations: 0, activationRate: referrals > 0 ? 0 : null, activationCiLower: null, activationCiUpper: null, medianDaysToActivation: null,
    atRisk4w: 0, retained4w: 0, retention4w: null, retention4wCiLower: null, retention4wCiUpper: null,
    atRisk12w: 0, retained12w: 0, retention12w: null, retention12wCiLower: null, retention12wCiUpper: null,
  };
}

/** Three regions × two years of referrals; A's 2024 is 2. */
function threeRegions(): UptakeOutputs {
  const cells: [string, string, number][] = [['A', '2024', 2], ['A', '2025', 40], ['B', '2024', 30], ['B', '2025', 50], ['C', '2024', 25], ['C', '2025', 35]];
  const sum = (f: (c: [string, string, number]) => boolean) => cells.filter(f).reduce((s, c) => s + c[2], 0);
  const metrics = cells.map(([r, y, n]) => row(r, y, n));
  for (const r of ['A', 'B', 'C']) metrics.push(row(r, 'all', sum((c) => c[0] === r)));
  for (const y of ['2024', '2025']) metrics.push(row('national', y, sum((c) => c[1] === y)));
  metrics.push(row('national', 'all', sum(() => true)));
  return { metrics, exportDate: '2025-12-31' };
}

function published(masked: ReturnType<typeof suppressUptakeOutputs>): PublishedUptake {
  const national = masked.metrics.find((m) => m.region === 'national' && m.period === 'all');
  return JSON.parse(JSON.stringify({ exportDate: '2025-12-31', rows: national?.referrals, metrics: masked.metrics, uptake: [], budget: { observed: [] } })) as PublishedUptake;
}

describe('insiders: a region that knows its own counts', () => {
  it('cannot pin another region\'s hidden count by subtracting its own from the country\'s', () => {
    const out = threeRegions();
    const masked = suppressUptakeOutputs(out, RULE);
    const pub = published(masked);
    for (const insider of ['A', 'B', 'C']) {
      // The insider's own true counts in place of its markers: what it reads the page with.
      const theirs = structuredClone(pub);
      theirs.metrics.forEach((r, i) => {
        if (r.region !== insider) return;
        for (const k of ['referrals', 'activations', 'atRisk4w', 'retained4w', 'atRisk12w', 'retained12w'] as const) if (r[k] === SUPPRESSED) r[k] = out.metrics[i]![k];
      });
      const audit = auditPublishedUptake(theirs, RULE);
      const others = (cell: string) => !cell.includes(` · ${insider} · `) && !cell.includes(' · national · ');
      expect(audit.narrow.filter((n) => others(n.cell)), `region ${insider}`).toEqual([]);
      expect(audit.disclosedDifferences.filter((n) => others(n.cell)), `region ${insider}`).toEqual([]);
    }
    // And for the outside reader, as before.
    const outside = auditPublishedUptake(pub, RULE);
    expect(outside.narrow).toEqual([]);
    expect(outside.disclosedDifferences).toEqual([]);
  });

  it('hides one more cell where the only complements in a sum are one other region\'s, and the outside certificate still holds', () => {
    const m = buildCellModel(threeRegions());
    const knowers = cellKnowers(m);
    expect(knowers.parties).toEqual(['region A', 'region B', 'region C']);
    const pattern = suppressionPattern(m, RULE);
    const rule = new InsiderRule(m, RULE);
    const toProtect = (c: number) => pattern.hidden.has(c) || isSensitive(m.cells[c]!, RULE);
    expect(rule.breaches(pattern.hidden, toProtect)).toEqual([]);
    expect(certificateProblems(m, RULE, pattern)).toEqual([]);
    // The 2 × 2 block of A and B (the cheapest cycle for an outside reader) breaks the rule:
    // region B knows its 2024 count, so the country's 2024 less C's pins A's.
    const at = (r: string, y: string) => m.index.get(metricCellKey('referrals', { region: r, period: y, dimension: 'all', level: 'all' } as MetricRow))!;
    const block = new Set([at('A', '2024'), at('A', '2025'), at('B', '2024'), at('B', '2025')]);
    const blockProtect = (c: number) => block.has(c) || isSensitive(m.cells[c]!, RULE);
    const breaches = rule.breaches(block, blockProtect);
    expect(breaches).toContainEqual({ relation: expect.any(Number), cell: at('A', '2024'), parties: ['region B'] });
    // Mending hides a cell none of region B knows: C's 2024 or the country's (the smaller, C's 25).
    const mended = new Set(block);
    const added = rule.mend(mended, (c) => mended.has(c) || isSensitive(m.cells[c]!, RULE));
    expect(added.map((c) => m.cells[c]!.key)).toContain(m.cells[at('C', '2024')]!.key);
    expect(rule.breaches(mended, (c) => mended.has(c) || isSensitive(m.cells[c]!, RULE))).toEqual([]);
  });
});

/** One region's clinic funnel: S006 activated 4 of 10 and S010 5 of 12; the others are large. */
function clinicFunnel(): UptakeOutputs {
  const clinics: [string, number, number][] = [['S001', 40, 17], ['S002', 45, 22], ['S003', 50, 23], ['S004', 41, 19], ['S006', 10, 4], ['S007', 60, 36], ['S010', 12, 5]];
  const rows = funnelOf(clinics.map(([clinic, referrals, activations]) => ({ clinic, region: 'Syddanmark' as Region, referrals, activations }))).rows;
  const referrals = clinics.reduce((s, c) => s + c[1], 0), activations = clinics.reduce((s, c) => s + c[2], 0);
  const metrics = ['Syddanmark', 'national'].map((r) => ({ ...row(r, 'all', referrals), activations, activationRate: activations / referrals }));
  return { metrics, clinics: rows, exportDate: '2025-12-31' };
}

describe('insiders: a clinic that knows its own funnel row', () => {
  it('cannot pin another clinic\'s hidden activations by subtracting its own from the region\'s', () => {
    const out = clinicFunnel();
    const masked = suppressUptakeOutputs(out, RULE);
    const pub = { ...published(masked), funnel: { rows: JSON.parse(JSON.stringify(masked.clinics)) as Record<string, unknown>[] } } as PublishedUptake;
    const hiddenClinics = pub.funnel!.rows.filter((r) => r.activations === SUPPRESSED || r.referrals === SUPPRESSED).map((r) => String(r.clinic));
    expect(hiddenClinics.length).toBeGreaterThanOrEqual(3); // S006, S010 and a clinic neither of them is
    for (const insider of hiddenClinics) {
      const theirs = structuredClone(pub);
      const truth = out.clinics!.find((c) => c.clinic === insider)!;
      for (const r of theirs.funnel!.rows) if (r.clinic === insider) Object.assign(r, { referrals: truth.referrals, activations: truth.activations });
      const audit = auditPublishedUptake(theirs, RULE);
      const others = (cell: string) => !cell.includes(insider) && !cell.includes(' · national · ') && !cell.includes(' · Syddanmark · ');
      expect(audit.narrow.filter((n) => others(n.cell)), `clinic ${insider}`).toEqual([]);
      expect(audit.disclosedDifferences.filter((n) => others(n.cell)), `clinic ${insider}`).toEqual([]);
    }
  });
});

/**
 * A monthly chain (the explorer's case 4, session 32, made small): November printed every clinic
 * of the region; in December Z003 and Z004 each grew by 1–2 and are hidden with Z008 as their
 * complement. Z008 knows its own December count, so the region's printed growth less the printed
 * clinics' less its own gives Z003's and Z004's growth together — 3 — and so each inside 0 … 3.
 * The growths add up like the counts (insider-rule.ts "growth relations"); a clinic knows its own.
 */
function clinicChain(): { nov: UptakeOutputs; dec: UptakeOutputs } {
  const nov: [string, number, number][] = [['Z001', 100, 60], ['Z002', 110, 70], ['Z003', 28, 12], ['Z004', 33, 19], ['Z005', 90, 61], ['Z008', 68, 52]];
  const grew: Record<string, [number, number]> = { Z001: [10, 6], Z002: [8, 5], Z003: [2, 1], Z004: [2, 2], Z005: [9, 7], Z008: [9, 4] };
  const at = (list: [string, number, number][]): UptakeOutputs => {
    const rows = funnelOf(list.map(([clinic, referrals, activations]) => ({ clinic, region: 'Sjælland' as Region, referrals, activations }))).rows;
    const referrals = list.reduce((s, c) => s + c[1], 0), activations = list.reduce((s, c) => s + c[2], 0);
    const metrics = ['Sjælland', 'national'].map((r) => ({ ...row(r, 'all', referrals), activations, activationRate: activations / referrals }));
    return { metrics, clinics: rows, exportDate: '2025-12-31' };
  };
  return { nov: { ...at(nov), exportDate: '2025-11-30' }, dec: at(nov.map(([c, r, a]) => [c, r + grew[c]![0], a + grew[c]![1]])) };
}

describe('insiders: a clinic that knows its own growth between two publications', () => {
  it('cannot bound another clinic\'s growth since the earlier publication inside the threshold', () => {
    const { nov, dec } = clinicChain();
    const novPub = { ...published(suppressUptakeOutputs(nov, RULE)), exportDate: '2025-11-30', funnel: { rows: JSON.parse(JSON.stringify(nov.clinics)) as Record<string, unknown>[] } };
    const previous = parsePreviousPublication(novPub, 'nov.json');
    const masked = suppressUptakeOutputs({ ...dec, previous }, RULE);
    const pub = { ...published(masked), funnel: { rows: JSON.parse(JSON.stringify(masked.clinics)) as Record<string, unknown>[] } } as PublishedUptake;
    const hiddenClinics = pub.funnel!.rows.filter((r) => r.activations === SUPPRESSED || r.referrals === SUPPRESSED).map((r) => String(r.clinic));
    expect(hiddenClinics).toEqual(expect.arrayContaining(['Z003', 'Z004']));
    for (const insider of hiddenClinics) {
      const theirs = structuredClone(pub);
      const truth = dec.clinics!.find((c) => c.clinic === insider)!;
      for (const r of theirs.funnel!.rows) if (r.clinic === insider) Object.assign(r, { referrals: truth.referrals, activations: truth.activations });
      const audit = auditPublishedUptake(theirs, RULE, previous);
      const others = (cell: string) => !cell.includes(insider) && !cell.includes(' · national · ') && !cell.includes(' · Sjælland · ');
      expect(audit.narrow.filter((n) => others(n.cell)), `clinic ${insider}`).toEqual([]);
      expect(audit.disclosedDifferences.filter((n) => others(n.cell)), `clinic ${insider}`).toEqual([]);
    }
  });
});
