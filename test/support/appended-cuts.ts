/**
 * The registry of test/fixtures/exports/registry-dk-shapes/simple.csv (40 referrals of 2025, cut
 * 31 December) and its 30 November cut, for the tests of two cuts appended into one export
 * (test/cli/uptake-appended-export.test.ts, and with CPR numbers for ids test/cli/uptake-cpr-id-spellings.test.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './run-cli.js';

export const DK_SHAPES = 'test/fixtures/exports/registry-dk-shapes';
export const [header, ...december] = readFileSync(`${DK_SHAPES}/simple.csv`, 'utf8').split(/\r?\n/).filter((l) => l !== '') as [string, ...string[]];

/** The 30 November cut of the same registry: December's referrals absent, its activations and last-active dates not yet. */
export function novemberCut(rows: readonly string[]): string[] {
  const cut = '2025-11-30';
  return rows.flatMap((row) => {
    const f = row.split(';');
    if (f[3]! > cut) return [];
    if (f[4] !== '' && f[4]! > cut) return [[...f.slice(0, 4), '', '', ...f.slice(6)].join(';')];
    if (f[5] !== '' && f[5]! > cut) return [[...f.slice(0, 5), cut, ...f.slice(6)].join(';')];
    return [row];
  });
}

/** The fixture's plan at threshold 1 (every count printed), in a folder of its own. */
export function thresholdOnePlan(): string {
  const p = { ...JSON.parse(readFileSync(`${DK_SHAPES}/uptake.plan.json`, 'utf8')), suppression: { threshold: 1, acknowledgeLowThreshold: true } };
  const out = join(tempDir(), 'plan.json');
  writeFileSync(out, JSON.stringify(p));
  return out;
}

/** `rows` under the fixture's header, as a CRLF file `name` in a folder of its own. */
export function registryCsv(rows: readonly string[], name = 'registry.csv'): string {
  const out = join(tempDir(), name);
  writeFileSync(out, [header, ...rows].join('\r\n') + '\r\n');
  return out;
}
