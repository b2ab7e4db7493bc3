/**
 * Table 1 in words (issue #15: "sex as F/M"): the usual codes of a sex or country column are
 * written as words in the page's language (docs/glossary-da.md: køn: kvinde / mand), in the
 * bundled trial reports too; other columns and unknown codes stay as the export writes them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { levelWords } from '../../src/report/table-one.js';

/** The level rows (indented cells) of the baseline table of a bundled page. */
function levelCells(report: string): string[] {
  const html = readFileSync(`reports/${report}/index.html`, 'utf8');
  const table = /<section id="baseline">[\s\S]*?<\/section>/.exec(html)![0];
  // (A level's header also names its characteristic, to screen readers only: <span class="vh">Sex, n (%): </span>.)
  return [...table.matchAll(/<th scope="row" class="indent">(?:<span class="vh">[^<]*<\/span>)?([^<]*)<\/th>/g)].map((m) => m[1]!);
}

describe('Table 1 levels in words', () => {
  it('sex and country codes in words, in both languages; anything else as written', () => {
    expect(['F', 'M', 'K'].map((l) => levelWords('sex', l, 'en'))).toEqual(['Female', 'Male', 'Female']);
    expect(['F', 'M'].map((l) => levelWords('køn', l, 'da'))).toEqual(['Kvinde', 'Mand']);
    expect(['DK', 'NO'].map((l) => levelWords('country', l, 'da'))).toEqual(['Danmark', 'Norge']);
    expect(['kvinne', 'mann'].map((l) => levelWords('kjoenn', l, 'en'))).toEqual(['Female', 'Male']);
    expect(['kvinna', 'man'].map((l) => levelWords('kon', l, 'da'))).toEqual(['Kvinde', 'Mand']);
    // Words in any case, as exports write them; a one-letter code only as listed.
    expect(['Kvinde', 'MAND', 'Female', 'Kvinna'].map((l) => levelWords('koen', l, 'en'))).toEqual(['Female', 'Male', 'Female', 'Female']);
    expect(['Kvinde', 'Mand'].map((l) => levelWords('køn', l, 'da'))).toEqual(['Kvinde', 'Mand']);
    expect(levelWords('sex', 'f', 'en')).toBe('f');
    expect(levelWords('education', 'M', 'en')).toBe('M');
    expect(levelWords('sex', 'X', 'en')).toBe('X');
    expect(levelWords('sex', 'constructor', 'en')).toBe('constructor');
  });

  it.each([['selfback', ['Denmark', 'Norway', 'Female', 'Male']], ['selfback-da', ['Danmark', 'Norge', 'Kvinde', 'Mand']]] as const)('%s: the bundled Table 1 writes its levels in words', (report, words) => {
    const cells = levelCells(report);
    for (const w of words) expect(cells).toContain(w);
    expect(cells.filter((c) => /^[A-Z]{1,2}$/.test(c))).toEqual([]);
  });
});
