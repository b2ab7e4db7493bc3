/**
 * Issue #15, point 7: every number in a Danish chart in Danish format — decimal comma, thousands
 * with a dot, "til" in intervals (docs/glossary-da.md). Scans the text of every committed chart of
 * every Danish report in data/reports.json (CI fails when they are stale: `hta report --check`),
 * and checks that each Danish spec carries the Danish number locale, which vega applies to every
 * axis, label and tooltip `format`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync('data/reports.json', 'utf8')) as { reports: { out: string; lang?: string }[] };
const DANISH = manifest.reports.filter((r) => r.lang === 'da').map((r) => r.out);
const CHARTS = DANISH.flatMap((out) =>
  readdirSync(join('reports', out))
    .filter((f) => f.endsWith('.svg'))
    .map((f) => `${out}/${f.replace(/\.svg$/, '')}`),
);

/** The text of an SVG's text elements (vega writes one element per line, entities for & < >). */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
}

/**
 * Numbers written with a decimal point: "0.74", "2.5", "1.2345". A dot followed by exactly three
 * digits is a Danish thousands separator ("1.586", "12.345.678") and is allowed unless it starts
 * with "0." (a thousands group never does).
 */
function decimalPoints(text: string): string[] {
  return [...text.matchAll(/(?<![\d.,])\d+(?:\.\d+)+(?![\d.])/g)].map((m) => m[0]).filter((n) => n.startsWith('0.') || n.split('.').slice(1).some((g) => g.length !== 3));
}

describe('the decimal-point scan', () => {
  it('finds decimal points and lets Danish thousands and decimal commas pass', () => {
    expect(decimalPoints('0.74 og −2.5 og 1.2345')).toEqual(['0.74', '2.5', '1.2345']);
    expect(decimalPoints('1.586 patienter; 12.345.678 kr.; 0,74 (0,15 til 1,47); 45 %')).toEqual([]);
    expect(decimalPoints('0.100')).toEqual(['0.100']);
  });
});

describe('Danish charts', () => {
  it('there are Danish reports with charts', () => {
    expect(DANISH.length).toBeGreaterThanOrEqual(3);
    expect(CHARTS.length).toBeGreaterThan(10);
  });

  it.each(CHARTS)('%s writes no number with a decimal point, and intervals with "til"', (name) => {
    const lines = texts(readFileSync(`reports/${name}.svg`, 'utf8'));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(decimalPoints(line), line).toEqual([]);
      // "[2,27, 5,03]": an interval written with a comma between its ends, next to decimal commas.
      expect(line, line).not.toMatch(/\d,\d+, [−-]?\d+,\d/);
    }
  });

  it.each(CHARTS)('%s carries the Danish number locale', (name) => {
    const spec = JSON.parse(readFileSync(`reports/${name}.vl.json`, 'utf8')) as { config?: { locale?: { number?: { decimal?: string; thousands?: string } } } };
    expect(spec.config?.locale?.number).toMatchObject({ decimal: ',', thousands: '.' });
  });
});
