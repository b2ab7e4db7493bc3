/**
 * One interval style per language in every table of every bundled report (issue #15): the summary
 * of findings' "(−1.47 to −0.15)" in English and "(−1,47 til −0,15)" in Danish — never brackets
 * with "to" ("[−1.47 to −0.15]"), a comma between the ends ("[−1.51, −0.06]", which in Danish
 * collides with the decimal comma), or a dash ("(42.1–46.2)", which beside a minus sign reads as
 * a subtraction). The charts print their intervals the same way. Reads the committed reports
 * (index.html and README.md tables, chart specs), which `hta report --check` keeps in step with
 * the code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tableInterval } from '../../src/report/i18n.js';

const NUM = String.raw`[−+-]?[€$]?\d[\d.,]*(?:\s?(?:%|EUR|DKK|pp|%-point))?`;

/** The interval forms that are not the page's language's style, with a name for the message. */
function wrongForms(lang: 'en' | 'da'): [string, RegExp][] {
  const other = lang === 'da' ? 'to' : 'til';
  return [
    ['brackets with to/til', new RegExp(String.raw`\[${NUM} (?:to|til) ${NUM}\]`)],
    ['brackets with a comma', new RegExp(String.raw`\[${NUM}, ${NUM}\]`)],
    ['a dash between the ends', new RegExp(String.raw`\(${NUM}\s?[–-]\s?${NUM}\)`)],
    [`the other language's "${other}"`, new RegExp(String.raw`\(${NUM} ${other} ${NUM}\)`)],
  ];
}

const decode = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** Every table cell of the HTML page and every row of the README's tables. */
function tableCells(dir: string): string[] {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const cells = [...html.matchAll(/<table>[\s\S]*?<\/table>/g)].flatMap((t) => [...t[0].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((m) => decode(m[1]!)));
  const readme = readFileSync(join(dir, 'README.md'), 'utf8').split('\n').filter((l) => l.startsWith('|'));
  return [...cells, ...readme];
}

const REPORTS = readdirSync('reports', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

describe('interval style in every table and chart of every bundled report', () => {
  it('the style itself: parentheses, "to" in English, "til" in Danish', () => {
    expect(tableInterval('−1.47', '−0.15', 'en')).toBe('(−1.47 to −0.15)');
    expect(tableInterval('−1,47', '−0,15', 'da')).toBe('(−1,47 til −0,15)');
  });

  it('finds the forms a reviewer found (so the scan can fail)', () => {
    expect(wrongForms('en').filter(([, re]) => re.test('−0.81 [−1.47 to −0.15]')).length).toBe(1);
    expect(wrongForms('en').filter(([, re]) => re.test('MD −0.79 [−1.51, −0.06]')).length).toBe(1);
    expect(wrongForms('en').filter(([, re]) => re.test('44.1 (42.1–46.2)')).length).toBe(1);
    expect(wrongForms('da').filter(([, re]) => re.test('0,0319 (0,0149 to 0,0499)')).length).toBe(1);
    expect(wrongForms('en').filter(([, re]) => re.test('MD 0.81 points lower (1.47 lower to 0.15 lower)') || re.test('−0.81 (−1.47 to −0.15)')).length).toBe(0);
  });

  it.each(REPORTS)('%s: every interval in its tables is written one way', (name) => {
    const dir = join('reports', name);
    const lang = /<html lang="da"/.test(readFileSync(join(dir, 'index.html'), 'utf8')) ? 'da' : 'en';
    const cells = tableCells(dir);
    expect(cells.length).toBeGreaterThan(0);
    const bad = cells.flatMap((c) => wrongForms(lang).filter(([, re]) => re.test(c)).map(([form]) => `${form}: ${c}`));
    expect(bad).toEqual([]);
  });

  it.each(REPORTS)('%s: every interval printed in its charts is written the same way', (name) => {
    const dir = join('reports', name);
    const lang = /<html lang="da"/.test(readFileSync(join(dir, 'index.html'), 'utf8')) ? 'da' : 'en';
    const strings: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') strings.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
    };
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.vl.json'))) walk(JSON.parse(readFileSync(join(dir, f), 'utf8')));
    const bad = strings.flatMap((c) => wrongForms(lang).filter(([, re]) => re.test(c)).map(([form]) => `${form}: ${c}`));
    expect(bad).toEqual([]);
  });
});
