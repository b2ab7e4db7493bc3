/**
 * Session 14, point 9: one word for the reweighted rows — the Target population section's
 * ("Omvægtet" / "Reweighted") — in the summary of findings too, no English "raking" on the Danish
 * page, the glossary's "indirekte evidens" (docs/glossary-da.md), and an MCID printed as the plan
 * writes it (0.5, not "0.500").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatMcid, formatRowMcid } from '../../src/report/i18n.js';
import { sharedBuilds, trialReportFiles } from './report-files-support.js';

const text = (html: string) => html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the MCID as the plan writes it', () => {
  it('0.5, 0.088, 5.5, 5; risk differences in percentage points', () => {
    expect(formatMcid(0.5, 'en')).toBe('0.5');
    expect(formatMcid(0.5, 'da')).toBe('0,5');
    expect(formatMcid(0.088, 'en')).toBe('0.088');
    expect(formatMcid(5.5, 'da')).toBe('5,5');
    expect(formatMcid(5, 'en')).toBe('5');
    expect(formatRowMcid({ method: 'ancova', mcid: 0.5 }, 'da', 'point')).toBe('0,5 point');
    expect(formatRowMcid({ method: 'risk-difference', mcid: 0.1 }, 'en')).toBe('10 pp');
  });
});

describe('the bundled trial with an MCID of 0.5 for disability', () => {
  const plan = JSON.parse(readFileSync('data/plans/selfback.plan.json', 'utf8')) as { outcomes: { key: string; mcid?: number }[] };
  plan.outcomes.find((o) => o.key === 'rmdq')!.mcid = 0.5;
  // Both pages from one analysis, as `hta report` makes them.
  const builds = sharedBuilds();

  it('Danish: "Omvægtet" in the summary of findings as in its section, no "raking", "indirekte evidens", "0,5 point"', async () => {
    const files = await trialReportFiles(plan, 'da', undefined, builds);
    for (const page of [text(files.get('index.html')!), files.get('README.md')!]) {
      expect(page).toMatch(/Omvægtet, eff\. n \d+/);
      expect(page).not.toMatch(/raking|Overført/i);
      expect(page).toContain('ikke nedgraderet for indirekte evidens');
      expect(page).not.toContain('indirekthed');
      expect(page).toContain('MKRF 0,5 point');
      expect(page).not.toMatch(/0,500/);
    }
  }, 60_000);

  it('English: "Reweighted" in the summary of findings, as its section says', async () => {
    const page = text((await trialReportFiles(plan, 'en', undefined, builds)).get('index.html')!);
    expect(page).toMatch(/Reweighted, eff\. n \d+/);
    expect(page).not.toMatch(/Transported/);
    expect(page).toContain('MCID 0.5 points');
  }, 60_000);
});
