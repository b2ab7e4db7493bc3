/**
 * The registry report prints risk differences as the trial report does — percentage points, the
 * unit in the header, in the table and the chart — while results.json keeps proportions; and its
 * warnings count patients in proper singular and plural (en, da).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findingText } from '../../src/observational/diagnostic-findings.js';
import type { ObservationalAnalysis, ObservationalResult } from '../../src/observational/observational-results-schema.js';
import { registryEffectsSpec } from '../../src/report/charts/registry-charts.js';
import { registryInterval } from '../../src/report/kinds/registry-report.js';

const rd = { kind: 'risk-difference' as const, mcid: null, difference: 0.2221, ciLower: 0.1648, ciUpper: 0.2795 };

describe('registry risk differences in percentage points', () => {
  it('a proportion prints ×100 with one decimal and its unit; a score stays in its own units', () => {
    expect(registryInterval(rd, 'en')).toBe('22.2 pp (16.5 to 28.0)');
    expect(registryInterval(rd, 'da')).toBe('22,2 %-point (16,5 til 28,0)');
    expect(registryInterval({ kind: 'mean-difference' as never, mcid: 5, difference: -2.07, ciLower: -2.55, ciUpper: -1.6 }, 'en')).toBe('−2.07 (−2.55 to −1.60)');
  });

  it('the chart plots and labels a proportion with an MCID in percentage points', () => {
    const effect = { ...rd, method: 'crude', mcid: 0.1, benefit: 0.2221, benefitCiLower: 0.1648, benefitCiUpper: 0.2795 };
    const analysis = { outcome: 'resp', label: 'Responders', time: '3m', kind: 'risk-difference', effects: [effect] } as unknown as ObservationalAnalysis;
    const values = (registryEffectsSpec([analysis], 'en') as unknown as { data: { values: Record<string, unknown>[] } }).data.values;
    expect(values[0]).toMatchObject({ benefit: 22.21, mcid: 10, minus: -10, label: '22.2 pp' });
    expect(values[0]!.lo).toBeCloseTo(16.48, 10);
    expect(String(values[0]!.panel)).toContain('percentage points');
  });

  it.each([['registry', 'pp', '.'], ['registry-da', '%-point', ',']])('reports/%s: every risk difference of results.json is printed in percentage points, the header names the unit', (name, unit, dec) => {
    const md = readFileSync(`reports/${name}/README.md`, 'utf8');
    const result = JSON.parse(readFileSync(`reports/${name}/results.json`, 'utf8')) as ObservationalResult;
    const rds = result.analyses.flatMap((a) => a.effects.filter((e) => e.kind === 'risk-difference'));
    expect(rds.length).toBeGreaterThan(0);
    for (const e of rds) {
      const text = `${(100 * e.difference!).toFixed(1).replace('.', dec).replace('-', '−')} ${unit}`;
      expect(md).toContain(`| ${text} (`);
    }
    expect(md).toMatch(unit === 'pp' ? /\| Difference \(95% CI; pp = percentage points\) \|/ : /\| Forskel \(95 %-KI; %-point for andele\) \|/);
  });
});

describe('counts in words: singular and plural, never "(s)"', () => {
  it('one patient, nine patients (en, da)', () => {
    expect(findingText({ kind: 'missing', n: 1 }, 'en')).toBe('1 patient with a missing confounder value left out (complete cases)');
    expect(findingText({ kind: 'missing', n: 9 }, 'en')).toBe('9 patients with a missing confounder value left out (complete cases)');
    expect(findingText({ kind: 'missing', n: 1 }, 'da')).toBe('1 patient med en manglende værdi af en forstyrrende faktor er udeladt (kun patienter med komplette data analyseres)');
    expect(findingText({ kind: 'missing', n: 9 }, 'da')).toBe('9 patienter med en manglende værdi af en forstyrrende faktor er udeladt (kun patienter med komplette data analyseres)');
  });

  it("an imbalance names the term as the page's balance table does, with a true minus (a reviewer saw 'referrer=gp', 'SMD -0.115')", () => {
    const label = (t: string) => (t === 'referrer=gp' ? 'Referred by: general practice' : t);
    const f = { kind: 'imbalance' as const, term: 'referrer=gp', smd: -0.115, threshold: 0.1 };
    expect(findingText(f, 'en', label)).toBe('balance not reached for Referred by: general practice: SMD −0.115 after weighting (threshold 0.10)');
    expect(findingText(f, 'da', () => 'Henvist af: almen praksis')).toBe('balance ikke opnået for Henvist af: almen praksis: SMD −0,115 efter vægtning (grænse 0,10)');
    expect(findingText({ ...f, smd: null }, 'en', label)).toContain('balance not reached for Referred by: general practice (values suppressed');
  });

  it.each(readdirSync('reports', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name))('reports/%s has no "(s)", "(er)" or "(r)" plurals in its pages and charts', (name) => {
    for (const f of readdirSync(`reports/${name}`).filter((x) => /\.(md|html|vl\.json)$/.test(x))) {
      const text = readFileSync(`reports/${name}/${f}`, 'utf8').replace(/<style[\s\S]*?<\/style>/g, '');
      expect(/[a-zæøå]\((?:s|er|r)\)/i.exec(text)?.[0], `${name}/${f}`).toBeUndefined();
    }
  });
});
