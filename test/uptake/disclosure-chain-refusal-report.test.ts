/**
 * The check before writing a chained publication, through `hta report` and in Danish
 * (docs/disclosure-control.md "Publishing again"; review of session 27). The chain is that of
 * disclosure-chain-refusal.test.ts: the hidden-parts registry from July 2024 less every seventh
 * id (`refusedCut`), published as of 30 November 2025 (`--first-publication`) and again as of 31
 * December, months published — December's pattern leaves the 2025-12 cohort's retained at 4
 * weeks at 0 … 4 once November's hidden counts are read each as its own unknown. `hta uptake`
 * refused it; until this review a manifest entry with `"previous": "nov.json"` was published
 * (the report's analysis asked only the protection-level check), exit 0.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';
import { HP, asOf, ordinaryCut, plan, refusedCut, registry } from '../support/hidden-parts-chain.js';
import { listedCells } from '../../src/uptake/disclosure/refusal-text.js';


let dir = '';
beforeAll(async () => {
  dir = tempDir();
  const lines = registry(refusedCut);
  writeFileSync(join(dir, 'nov.csv'), asOf(lines, '2025-11-30'));
  writeFileSync(join(dir, 'dec.csv'), lines.join('\n') + '\n');
  writeFileSync(join(dir, 'eligible.csv'), readFileSync(join(HP, 'eligible.csv')));
  plan(dir, '2025-12-31');
  const first = await runCli('uptake', join(dir, 'nov.csv'), '--eligible', join(dir, 'eligible.csv'), '--plan', plan(dir, '2025-11-30'), '--first-publication', '--json');
  expect(first.code, first.stderr).toBe(0);
  writeFileSync(join(dir, 'nov.json'), first.stdout);
}, 60_000);

describe('hta report: a manifest entry chained onto a publication whose hidden counts bound its cells', () => {
  it('is refused as hta uptake refuses it: exit 1, the entry, the cells and the audit to run; nothing under --out', async () => {
    const manifest = join(dir, 'reports.json');
    writeFileSync(manifest, JSON.stringify({ reports: [{ id: 'dec', kind: 'uptake', out: 'dec', lang: 'en', registry: 'dec.csv', eligible: 'eligible.csv', plan: 'plan-2025-12-31.json', previous: 'nov.json' }] }));
    const out = join(dir, 'out');
    const r = await runCli('report', '--manifest', manifest, '--out', out, '--no-cache');
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(`report "dec": nothing written: with the counts the publication of 2025-11-30 (${join(dir, 'nov.json')}) hid`);
    expect(r.stderr).toContain('  retained4w · Sjælland · 2025-12 · all=all: 0 … 4');
    expect(r.stderr).toContain(`(the plan's publish.months false in ${join(dir, 'plan-2025-12-31.json')}, or fewer equity tables)`);
    expect(r.stderr).toContain(`The audit of this publication: hta uptake ${join(dir, 'dec.csv')} --eligible ${join(dir, 'eligible.csv')} --plan ${join(dir, 'plan-2025-12-31.json')} --previous ${join(dir, 'nov.json')} --audit`);
    expect(r.stderr).not.toMatch(/\n\s+at .+\.(js|ts):\d+/);
    expect(existsSync(out)).toBe(false);
  }, 120_000);
  it('a Danish entry ("lang": "da") is refused in Danish, as hta uptake --lang da refuses it', async () => {
    const manifest = join(dir, 'reports-da.json');
    writeFileSync(manifest, JSON.stringify({ reports: [{ id: 'dec', kind: 'uptake', out: 'dec', lang: 'da', registry: 'dec.csv', eligible: 'eligible.csv', plan: 'plan-2025-12-31.json', previous: 'nov.json' }] }));
    const out = join(dir, 'out-da');
    const r = await runCli('report', '--manifest', manifest, '--out', out, '--no-cache');
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(`intet skrevet: med de antal, som offentliggørelsen af 30. november 2025 (${join(dir, 'nov.json')}) diskretionerede`);
    expect(r.stderr).toMatch(/\n {2}fastholdt 4 uger · Sjælland · 2025-12 · alle: 0 til 4\n/);
    expect(r.stderr).not.toContain('nothing written');
    expect(existsSync(out)).toBe(false);
  }, 120_000);
  it('an ordinary chain is published as before: results.json byte for byte as hta uptake --json writes it', async () => {
    // The monthly-chain fixture (its make.sh): December's registry cut against its November.
    const d = tempDir();
    const CHAIN = 'test/uptake/fixtures/monthly-chain';
    writeFileSync(join(d, 'dec.csv'), registry(ordinaryCut).join('\n') + '\n');
    writeFileSync(join(d, 'eligible.csv'), readFileSync(join(HP, 'eligible.csv')));
    writeFileSync(join(d, 'nov.json'), readFileSync(join(CHAIN, 'nov.json')));
    plan(d, '2025-12-31');
    writeFileSync(join(d, 'reports.json'), JSON.stringify({ reports: [{ id: 'dec', kind: 'uptake', out: 'dec', lang: 'en', registry: 'dec.csv', eligible: 'eligible.csv', plan: 'plan-2025-12-31.json', previous: 'nov.json' }] }));
    const r = await runCli('report', '--manifest', join(d, 'reports.json'), '--out', join(d, 'out'), '--no-cache');
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(d, 'out', 'dec', 'results.json'), 'utf8')).toBe(readFileSync(join(CHAIN, 'dec.json'), 'utf8'));
  }, 120_000);
});

describe('hta uptake --lang da: the refusal in Danish', () => {
  it('says it in the glossary\'s words, the cells as the Danish audit names them, nothing written', async () => {
    const r = await runCli('uptake', join(dir, 'dec.csv'), '--eligible', join(dir, 'eligible.csv'), '--plan', join(dir, 'plan-2025-12-31.json'), '--previous', join(dir, 'nov.json'), '--lang', 'da', '--json', '--csv-dir', join(dir, 'tables'));
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`fejl: intet skrevet: med de antal, som offentliggørelsen af 30. november 2025 (${join(dir, 'nov.json')}) diskretionerede`);
    expect(r.stderr).toContain('smallere end beskyttelsesniveauet 5');
    // The audit's Danish cell words (audit-text.ts) and "til" for the interval.
    expect(r.stderr).toMatch(/\n {2}fastholdt 4 uger · Sjælland · 2025-12 · alle: 0 til 4\n/);
    expect(r.stderr).not.toMatch(/: \d+ … \d+/);
    expect(existsSync(join(dir, 'tables'))).toBe(false);
  }, 120_000);
});

describe('the cells a refusal lists: one function for both refusals', () => {
  it('the first 20, then how many more, in the run\'s language', () => {
    const cells = Array.from({ length: 1234 + 20 }, (_, i) => `c${i}: 0 … 4`);
    expect(listedCells(cells, 'hta uptake … --audit lists them all', 'en').slice(19)).toEqual(['  c19: 0 … 4', '  … and 1234 more (hta uptake … --audit lists them all)']);
    expect(listedCells(cells, 'hta uptake … --audit viser dem alle', 'da').at(-1)).toBe('  … og 1.234 flere (hta uptake … --audit viser dem alle)');
    expect(listedCells(cells.slice(0, 20), 'x', 'en')).toHaveLength(20);
  });
});
