/**
 * Issue #15: labels in words, not codes. The registry report's love plot and balance table name
 * each balance term in words from the plan's confounder `label` and `levelLabels` ("Sex: female",
 * "Køn: kvinde", not "sex=K") and its effects chart writes the groups mid-sentence in lower case
 * ("← Favours non-users"); the target population's criteria start with a capital in their table. Reads the committed reports (CI fails when they are stale: `hta report --check`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Confounder } from '../../../src/observational/observational-plan-schema.js';
import { balanceTermLabel } from '../../../src/report/balance-term-label.js';

describe('balanceTermLabel', () => {
  const confounders: Confounder[] = [
    { name: 'sex', type: 'categorical', label: { en: 'Sex', da: 'Køn' }, levelLabels: { K: { en: 'female', da: 'kvinde' }, M: { en: 'male' } } },
    { name: 'region', type: 'categorical' },
    { name: 'alder', type: 'numeric' },
  ];

  it('uses the plan\'s label and level labels, in the page\'s language, English when Danish is not given', () => {
    expect(balanceTermLabel('sex=K', confounders, 'en')).toBe('Sex: female');
    expect(balanceTermLabel('sex=K', confounders, 'da')).toBe('Køn: kvinde');
    expect(balanceTermLabel('sex=M', confounders, 'da')).toBe('Køn: male');
  });

  it('falls back to a common label or the capitalised name, the level as in the export, and names the baseline score', () => {
    expect(balanceTermLabel('region=Nordjylland', confounders, 'en')).toBe('Region: Nordjylland');
    expect(balanceTermLabel('alder', confounders, 'da')).toBe('Alder (år)');
    expect(balanceTermLabel('baseline', confounders, 'da')).toBe('Baselinescore');
    expect(balanceTermLabel('baseline', confounders, 'en')).toBe('Baseline score');
  });
});

describe.each([
  ['registry', 'Sex: female', 'Referred by: general practice', '← Favours non-users'],
  ['registry-da', 'Køn: kvinde', 'Henvist af: almen praksis', '← Til fordel for ikke-brugere'],
])('the bundled %s report', (out, sex, referrer, favours) => {
  const spec = JSON.parse(readFileSync(`reports/${out}/love-plot.vl.json`, 'utf8')) as { layer: { data: { values: { term?: string }[] } }[] };
  const terms = [...new Set(spec.layer.flatMap((l) => l.data.values.map((v) => v.term)).filter((t): t is string => t !== undefined))];
  const html = readFileSync(`reports/${out}/index.html`, 'utf8');

  it('names every love-plot term in words', () => {
    expect(terms).toContain(sex);
    expect(terms).toContain(referrer);
    for (const t of terms) expect(t, t).not.toMatch(/=|^[a-z]/);
  });

  it('writes the plan\'s group names mid-sentence in lower case in the effects chart', () => {
    expect(readFileSync(`reports/${out}/effects.svg`, 'utf8')).toContain(`>${favours}</text>`);
  });

  it('names every balance-table row as the love plot does', () => {
    const table = /<section id="balance">[\s\S]*?<\/section>/.exec(html)![0];
    for (const t of terms) expect(table).toContain(`<th scope="row">${t.replace(/&/g, '&amp;')}</th>`);
    expect(table).not.toMatch(/<t[dh][^>]*>[a-z]+=/);
  });
});

describe.each(['selfback', 'selfback-da'])('the bundled %s report', (out) => {
  it('starts each target-population criterion with a capital in its table', () => {
    const html = readFileSync(`reports/${out}/index.html`, 'utf8');
    const section = /<section id="target-population">[\s\S]*?<\/section>/.exec(html)![0];
    const table = /<table[\s\S]*?<\/table>/.exec(section)![0];
    const firstCells = [...table.matchAll(/<tr><t[dh][^>]*>([^<]*)<\/t[dh]>/g)].map((m) => m[1]!);
    expect(firstCells.length).toBeGreaterThan(2);
    for (const c of firstCells) expect(c, c).toMatch(/^[\dA-ZÆØÅ]/);
  });
});
