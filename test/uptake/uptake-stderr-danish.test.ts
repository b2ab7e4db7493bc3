/**
 * `hta uptake --lang da` speaks Danish on standard error (docs/cli.md "Danish output"): until
 * 6 December 2026 only the prefixes ("bemærk:", "advarsel:") and a few notes were, and the notes a
 * Danish user meets on an ordinary registry — repeated rows and ids, region codes in the registry,
 * a low threshold, plan init's placeholder prices, earlier publications' small counts left out of
 * the chain, a clinic gone since — were English after "bemærk:". Each run below is made in both
 * languages: the English stderr holds the catalogue words (so the scan can fail), the Danish one
 * none of them. Left English by design: file names, option names, JSON keys and quoted values,
 * and the docs references `(docs/….md "Heading")`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const FIXTURE = 'test/uptake/fixtures/small-three-regions';
const ELIGIBLE = join(FIXTURE, 'eligible.csv');
const dir = tempDir();

/** English-only words of the notes' catalogue: none is a Danish word. */
const ENGLISH = /\b(the|of|is|are|with|rows?|lines?|counts?|copy|copies|publications?|earlier|codes|threshold|placeholders?|counted|each|read|absent|clinic|every|not|because|here|which|published|drafted)\b/i;

/** A stderr with what stays English in either language taken out: docs references, quoted text, options, file names. */
function prose(stderr: string): string {
  return stderr
    .replace(/\(docs\/[^)]*\)/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/--[a-z][a-z-]*( <[^>]*>)?/g, '')
    .replace(/\S+\.(csv|json)\b/g, '')
    .replace(/\bhta plan init\b/g, '');
}

const plan = JSON.parse(readFileSync(join(FIXTURE, 'totals.plan.json'), 'utf8')) as Record<string, unknown>;
const [head, ...rows] = readFileSync(join(FIXTURE, 'registry.csv'), 'utf8').trim().split('\n');

beforeAll(async () => {
  // A: a region written as its DAGI code, a row exported twice, an id on two rows; threshold 2 and plan init's placeholder price.
  const a = rows.map((r, i) => (i === 1 ? r.replace(',Hovedstaden,', ',1084,') : r));
  const again = rows[6]!.split(',');
  again[3] = '2025-01-02';
  writeFileSync(join(dir, 'a.csv'), `${[head, ...a, rows[5], again.join(',')].join('\n')}\n`);
  writeFileSync(join(dir, 'a.plan.json'), JSON.stringify({ ...plan, suppression: { threshold: 2, acknowledgeLowThreshold: true }, placeholders: ['priceModel'] }));
  // B: November at threshold 3 with the clinic funnel, December at 5 with clinic H2 gone (renamed H9).
  const withClinics = { ...plan, publish: { months: false, clinics: true, equity: [] } };
  const asOf = (d: string) => rows.flatMap((line) => {
    const f = line.split(',');
    if (f[3]! > d) return [];
    if (f[4] && f[4] > d) f[4] = f[5] = '';
    if (f[5] && f[5] > d) f[5] = d;
    return [f.join(',')];
  });
  writeFileSync(join(dir, 'nov.csv'), `${[head, ...asOf('2025-11-30')].join('\n')}\n`);
  writeFileSync(join(dir, 'dec.csv'), `${[head, ...rows.map((r) => r.replace(',H2,', ',H9,'))].join('\n')}\n`);
  writeFileSync(join(dir, 'nov.plan.json'), JSON.stringify({ ...withClinics, exportDate: '2025-11-30', suppression: { threshold: 3, acknowledgeLowThreshold: true } }));
  writeFileSync(join(dir, 'dec.plan.json'), JSON.stringify(withClinics));
  const nov = await runCli('uptake', join(dir, 'nov.csv'), '--eligible', ELIGIBLE, '--plan', join(dir, 'nov.plan.json'), '--json', '--first-publication');
  expect(nov.code, nov.stderr).toBe(0);
  writeFileSync(join(dir, 'nov.json'), nov.stdout);
}, 60_000);

const runs: [string, () => string[]][] = [
  ['repeated rows and ids, region codes, a low threshold, placeholder prices', () => [join(dir, 'a.csv'), '--eligible', ELIGIBLE, '--plan', join(dir, 'a.plan.json'), '--json']],
  ['an earlier publication: its small counts not carried, a clinic gone since', () => [join(dir, 'dec.csv'), '--eligible', ELIGIBLE, '--plan', join(dir, 'dec.plan.json'), '--previous', join(dir, 'nov.json'), '--json']],
];

describe('hta uptake --lang da: the notes on standard error are Danish', () => {
  for (const [what, args] of runs) {
    it(what, async () => {
      const en = await runCli('uptake', ...args(), '--lang', 'en');
      const da = await runCli('uptake', ...args(), '--lang', 'da');
      expect(en.code, en.stderr).toBe(0);
      expect(da.code, da.stderr).toBe(0);
      // As many lines in both: the same notes, each translated.
      expect(da.stderr.trim().split('\n').length).toBe(en.stderr.trim().split('\n').length);
      const enLines = en.stderr.trim().split('\n');
      expect(enLines.filter((l) => ENGLISH.test(prose(l))).length).toBeGreaterThanOrEqual(3);
      for (const line of da.stderr.trim().split('\n')) {
        expect(line).toMatch(/^(bemærk|advarsel): /);
        expect(prose(line), line).not.toMatch(ENGLISH);
      }
    }, 60_000);
  }
});
