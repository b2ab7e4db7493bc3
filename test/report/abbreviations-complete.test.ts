/**
 * Every abbreviation a bundled page prints is in the catalogue (src/report/abbreviations.ts), so
 * its list near the top writes it out: the pages printed GRADE, CONSORT, DKK, EUR, DRG and DAGS
 * with no words for them. Scans each page's visible text for upper-case tokens (two capitals or
 * more: "GRADE", "EQ-5D-5L", "HC0") and checks each is catalogued in the page's language, or is a
 * name rather than an abbreviation (below, each with why).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/report/abbreviations.js';

/** Upper-case tokens that are not abbreviations to write out, and why. */
const NAMES: Record<string, string> = {
  BMJ: 'a journal\'s name in a citation ("BMJ Open 2024")',
  JAMA: 'a journal\'s name in a citation ("JAMA Intern Med 2021")',
  RW: 'an author\'s initials in a citation ("Ostelo RW et al.")',
  // The cost-effectiveness plane's quadrants, explained in the sentence that uses them ("N: costs more, S: costs less; E: more QALYs, W: fewer").
  NE: 'a quadrant, explained where it stands',
  NW: 'a quadrant, explained where it stands',
  SE: 'a quadrant, explained where it stands',
  SW: 'a quadrant, explained where it stands',
  'NØ': 'a quadrant, explained where it stands',
  NV: 'a quadrant, explained where it stands',
  'SØ': 'a quadrant, explained where it stands',
  SV: 'a quadrant, explained where it stands',
};

/** The text a reader sees: no styles, scripts, tags, DOIs ("doi:10.1097/BRS.0b013…") or chart file names. */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ')
    .replace(/doi:\S+/g, ' ');
}

function upperCaseTokens(text: string): string[] {
  const tokens = text.match(/(?<![\p{L}\d])\p{Lu}[\p{Lu}\d-]*[\p{Lu}\d](?![\p{L}\d])/gu) ?? [];
  return [...new Set(tokens.filter((t) => (t.match(/\p{Lu}/gu) ?? []).length >= 2))].sort();
}

/** Abbreviations written in lower case, which the upper-case scan cannot find: degrees of freedom. */
const LOWER_CASE = ['df', 'fg'];

function lowerCaseTokens(text: string): string[] {
  return LOWER_CASE.filter((t) => new RegExp(`(?<![\\p{L}\\d])${t}(?![\\p{L}\\d])`, 'u').test(text));
}

describe('every abbreviation a bundled page prints is catalogued', () => {
  it('finds the tokens it should, and not words in lower case or numbers', () => {
    expect(upperCaseTokens('GRADE certainty, EQ-5D-5L index, HC0 sandwich, 95% CI; DKK. Ja Nej A')).toEqual(['CI', 'DKK', 'EQ-5D-5L', 'GRADE', 'HC0']);
    expect(lowerCaseTokens('Statistic (df); Q = 4, fg = 2; pdf, afgørelse')).toEqual(['df', 'fg']);
  });

  const pages = readdirSync('reports', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  it.each(pages)('reports/%s', (name) => {
    const html = readFileSync(`reports/${name}/index.html`, 'utf8');
    const lang = /<html lang="da">/.test(html) ? 'da' : 'en';
    const known = new Set(CATALOGUE.map((e) => e[lang].abbr));
    const missing = [...upperCaseTokens(visibleText(html)), ...lowerCaseTokens(visibleText(html))].filter((t) => !known.has(t) && !Object.hasOwn(NAMES, t));
    expect(missing, `${name}: not in the ${lang} catalogue`).toEqual([]);
  });
});
