/**
 * The README's verdict table is what a new user reads first: it must list the verdicts the code
 * gives, in the order the rules are tried, in the words the reports print (src/report/i18n.ts),
 * with the rules of docs/data-contracts.md#verdicts — an eight-row table once outlived the ten rules.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RELEVANCE_LABELS } from '../../src/judge/relevance.js';
import { VERDICT_TEXT } from '../../src/report/i18n.js';

/** The rows of the first Markdown table after `heading` in `text`, as cells. */
function tableAfter(text: string, heading: RegExp): string[][] {
  const from = text.search(heading);
  expect(from, `${heading} in the document`).toBeGreaterThanOrEqual(0);
  const lines = text.slice(from).split('\n');
  const start = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (const l of lines.slice(start)) {
    if (!l.startsWith('|')) break;
    rows.push(l.split('|').slice(1, -1).map((c) => c.trim()));
  }
  return rows.slice(2); // header and separator
}

describe('README verdict table', () => {
  const readme = tableAfter(readFileSync('README.md', 'utf8'), /The verdicts, from the benefit b/);
  const contracts = tableAfter(readFileSync('docs/data-contracts.md', 'utf8'), /^## Verdicts/m);

  it('has one row per verdict, in the order of docs/data-contracts.md, with the same rules', () => {
    expect(contracts.map((r) => r[1]!.replace(/`/g, ''))).toEqual(RELEVANCE_LABELS);
    expect(readme.map((r) => r[0])).toEqual(contracts.map((r) => r[0]));
  });

  it('words each verdict as the reports print it', () => {
    const labels = contracts.map((r) => r[1]!.replace(/`/g, '') as (typeof RELEVANCE_LABELS)[number]);
    expect(readme.map((r) => r[1])).toEqual(labels.map((l) => VERDICT_TEXT[l].en.toLowerCase()));
  });
});
