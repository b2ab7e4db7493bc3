/**
 * The disclosure audit in Danish (docs/disclosure-control.md "Audit"): `hta uptake --audit
 * --lang da` (of a run, or `--published`) prints its report in Danish, in the terms of
 * docs/glossary-da.md ("diskretioneret", "antalsceller", "offentliggørelse", intervals with "til"),
 * the cells it names too. Until 6 December 2026 it was English whatever `--lang` said, and so was
 * the "Changed since" note it prints on stderr.
 */
import { describe, expect, it } from 'vitest';
import type { MetricRow } from '../../src/uptake/aggregate.js';
import { auditPublishedUptake, type PublishedUptake } from '../../src/uptake/disclosure/attacker-audit.js';
import { auditCellName, auditText } from '../../src/uptake/disclosure/audit-text.js';
import { runCli } from '../support/run-cli.js';

const FIX = 'test/uptake/fixtures/hidden-parts';
const ENGLISH = /Disclosure audit|Suppressed|Earlier publications|count cells|none\)|Rule:|LPs solved/;

describe('the audit speaks the run\'s language', () => {
  it('--audit --published … --lang da: every line Danish; without --lang, English as before', async () => {
    const da = await runCli('uptake', '--audit', '--published', `${FIX}/dec-before-fix.json`, '--lang', 'da');
    expect(da.code, da.stderr).toBe(0);
    expect(da.stdout).toMatch(/^Kontrol af diskretioneringen/);
    expect(da.stdout).toContain('Diskretioneret: 27 af 80 antalsceller (33,75 %)');
    expect(da.stdout).toContain('Diskretionerede celler smallere end 5: 0 (ingen)');
    expect(da.stdout).toContain('Regel: antal 1–4 er følsomme; nuller vises; beskyttelsesniveau 5.');
    expect(da.stdout).not.toMatch(ENGLISH);
    const en = await runCli('uptake', '--audit', '--published', `${FIX}/dec-before-fix.json`);
    expect(en.stdout).toContain('Suppressed: 27 of 80 count cells (33.75%)');
    expect(en.stdout).toContain('Suppressed cells narrower than 5: 0 (none)');
  });

  it('a failure names its cells and intervals in Danish words', () => {
    // One region S (the whole country the same): its 2024 (0 referrals) and 2025 hidden, its whole
    // export and 2025's 38 activated printed: 2024 lies at 0 … 2 (disclosure-sensitive-range.test.ts).
    const row = (region: string, period: string, referrals: number | string, activations: number | string): MetricRow => ({
      region, period, periodType: period === 'all' ? 'all' : 'year', dimension: 'all', level: 'all', referrals, activations,
      activationRate: typeof referrals === 'number' && typeof activations === 'number' ? activations / referrals : 'suppressed',
      atRisk4w: 0, retained4w: 0, atRisk12w: 0, retained12w: 0,
    } as unknown as MetricRow);
    const rows = ['S', 'national'].flatMap((r) => [row(r, '2024', 'suppressed', 'suppressed'), row(r, '2025', 'suppressed', 38), row(r, 'all', 40, 38)]);
    const pub = JSON.parse(JSON.stringify({ exportDate: '2025-12-31', rows: 40, metrics: rows, uptake: [], funnel: { rows: [] }, budget: { observed: [] } })) as PublishedUptake;
    const audit = auditPublishedUptake(pub, { threshold: 5, protectionLevel: 5, zerosSensitive: true });
    const text = auditText({ audit, informationLoss: { cellShare: 0.5 }, earlier: [] }, 'da');
    expect(text).toContain('  henvisninger · S · 2024 · alle: 0 til 2');
    expect(text).toContain('  henvisninger − aktiveringer · S · 2025 · alle: 0 til 2');
    expect(text).toContain('Rækker, der mangler, selvom nuller er følsomme');
    expect(text).not.toMatch(ENGLISH);
    expect(text).not.toMatch(/\b(referrals|activations|national|published on|as of|hidden then)\b/);
  });

  it('the cell names of earlier publications and changes', () => {
    expect(auditCellName('referrals · Syddanmark · 2025-03 · all=all published on 2025-10-31 − the same count now (a closed period changed)', 'da'))
      .toBe('henvisninger · Syddanmark · 2025-03 · alle offentliggjort 2025-10-31 − samme antal nu (en afsluttet periode ændret)');
    expect(auditCellName('activations · national · activated in 2024 as of 2025-11-30 (hidden then)', 'da')).toBe('aktiveringer · hele landet · aktiveret i 2024 pr. 2025-11-30 (diskretioneret dengang)');
    expect(auditCellName('retained12w · Nordjylland · all · all=all − the same count as of 2025-11-30 (hidden then)', 'da')).toBe('fastholdt 12 uger · Nordjylland · hele udtrækket · alle − samme antal pr. 2025-11-30 (diskretioneret dengang)');
    expect(auditCellName('referrals · clinic Region Syddanmark/Odense C Lægehus', 'en')).toBe('referrals · clinic Region Syddanmark/Odense C Lægehus');
  });

  // Until 6 December 2026 (review of session 26) the breakdowns, costs and average prices kept
  // their English codes, and numbers of four digits or more had no thousands point.
  it('the equity groups, costs and average prices in the Danish pages\' words', () => {
    expect(auditCellName('retained12w · Hovedstaden · all · ageBand=45-59', 'da')).toBe('fastholdt 12 uger · Hovedstaden · hele udtrækket · aldersgruppe=45–59');
    expect(auditCellName('referrals · national · 2025 · sex=female', 'da')).toBe('henvisninger · hele landet · 2025 · køn=kvinder');
    expect(auditCellName('activations · Sjælland · 2025 · sex=unknown', 'da')).toBe('aktiveringer · Sjælland · 2025 · køn=ukendt');
    expect(auditCellName('activations · Sjælland · all · referrer=gp', 'da')).toBe('aktiveringer · Sjælland · hele udtrækket · henvist af=almen praksis');
    expect(auditCellName('cost · national · activated in 2025', 'da')).toBe('udgift · hele landet · aktiveret i 2025');
    expect(auditCellName('averagePrice · Sjælland · activated in 2024', 'da')).toBe('gennemsnitspris · Sjælland · aktiveret i 2024');
    for (const c of ['retained12w · Hovedstaden · all · ageBand=45-59', 'cost · national · activated in 2025']) expect(auditCellName(c, 'en')).toBe(c);
  });

  it('numbers with the Danish thousands point and decimal comma; one group in the singular', () => {
    const audit = {
      rule: { threshold: 5, protectionLevel: 2, zerosSensitive: true }, suppressedCells: 150, countCells: 2288,
      narrow: [{ cell: 'referrals · national · all · all=all', lower: 1234.5, upper: 4321 }], disclosedDifferences: [], intervals: [],
      costsOnSuppressed: [], absentRows: [], lpSolves: 1012, components: 1,
    };
    const da = auditText({ audit, informationLoss: { cellShare: 150 / 2288 }, earlier: [] }, 'da');
    expect(da).toContain('Diskretioneret: 150 af 2.288 antalsceller (6,56 %)');
    expect(da).toContain('  henvisninger · hele landet · hele udtrækket · alle: 1.234,5 til 4.321');
    expect(da).toContain("1.012 LP'er løst over 1 uafhængig gruppe af diskretionerede celler.");
    const en = auditText({ audit, informationLoss: { cellShare: 150 / 2288 }, earlier: [] }, 'en');
    expect(en).toContain('Suppressed: 150 of 2288 count cells (6.56%)');
    expect(en).toContain('  referrals · national · all · all=all: 1234.5 … 4321');
  });
});
