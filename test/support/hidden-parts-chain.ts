/**
 * The monthly chain the chained-publication refusal tests build from the hidden-parts registry
 * (test/uptake/fixtures/hidden-parts): its lines filtered, the export as it stood on a day, and its
 * plan with the months published as of an export date. One copy for disclosure-chain-refusal and
 * its `hta report` twin, so both refuse the same chain.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const HP = 'test/uptake/fixtures/hidden-parts';

/** The registry's lines (header first) kept by `keep` (the columns split at commas). */
export function registry(keep: (f: string[]) => boolean): string[] {
  const [head, ...rows] = readFileSync(join(HP, 'registry.csv'), 'utf8').trimEnd().split('\n');
  return [head!, ...rows.filter((r) => keep(r.split(',')))];
}

/**
 * The chain the check before writing refuses (disclosure-chain-refusal and its `hta report` twin):
 * the three regions from July 2024, ids ≡ 0 (mod 7) left out. Until session 33 it was Hovedstaden
 * and Sjælland from 2024, ids ≡ 0 left out; with two regions the insider rule hides the whole
 * country's count wherever a region's is hidden, and November hid enough that December no longer
 * needed refusing.
 */
export const refusedCut = (f: string[]) => f[3]! >= '2024-07-01' && Number(f[0]!.slice(1)) % 7 !== 0;

/** The ordinary chain of the monthly-chain fixture (its make.sh): the three regions from July 2024, ids ≡ 3 (mod 7) left out. */
export const ordinaryCut = (f: string[]) => f[3]! >= '2024-07-01' && Number(f[0]!.slice(1)) % 7 !== 3;

/** The export as it stood on `day`: later referrals left out, later activations and activity not yet there. */
export function asOf(lines: readonly string[], day: string): string {
  const [head, ...rows] = lines;
  const out = [head!];
  for (const r of rows) {
    const f = r.split(',');
    if (f[3]! > day) continue;
    if (f[4] !== '' && f[4]! > day) { f[4] = ''; f[5] = ''; } else if (f[5] !== '' && f[5]! > day) f[5] = day;
    out.push(f.join(','));
  }
  return out.join('\n') + '\n';
}

/** hidden-parts' plan with the months published, as of `exportDate`. */
export function plan(dir: string, exportDate: string): string {
  const p = JSON.parse(readFileSync(join(HP, 'plan.json'), 'utf8')) as { exportDate: string; publish: { months: boolean } };
  const file = join(dir, `plan-${exportDate}.json`);
  writeFileSync(file, JSON.stringify({ ...p, exportDate, publish: { ...p.publish, months: true } }));
  return file;
}
