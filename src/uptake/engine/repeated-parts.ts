/**
 * `hta uptake --aggregates`: a region's part given twice. The parts are summed, so a part given
 * twice doubles its region — and the one consistency check (totals against the national cells)
 * passes, both doubling. Refused before anything is summed (docs/uptake-aggregates.md
 * "Each region once"):
 *  - the same file twice (the same path, a folder and a file inside it, or a link to it);
 *  - two byte-identical files of a table with region cells (two regions never share those);
 *  - one region's monthly cells in two parts. Parts cut by batches of months share years and
 *    clinics, never a region's month, so the month is the key.
 */
import { HtaError, type Problem } from '../../errors.js';
import { sameFile } from '../../io/same-file.js';
import type { AggregateTables, TableName } from './aggregate-tables.js';

/** One file read: the path it was given as (a folder, or the file), its table and rows (region names resolved). */
export interface AggregatePart {
  source: string;
  path: string;
  table: TableName;
  tables: AggregateTables;
}

/** The first region a part names (not only national rows), or undefined. */
function regionOf(p: AggregatePart): string | undefined {
  const t = p.tables;
  return t.cells.find((c) => c.region !== null)?.region ?? t.clinics[0]?.region ?? t.activationYears.find((a) => a.region !== null)?.region ?? undefined;
}

/**
 * Refuses a file given twice, byte-identical files with region rows, and a region's month
 * (uptake_cells) in two files: each would count that region twice. Names the parts (as given)
 * and the region; nothing is summed or written.
 */
export function refuseRepeatedParts(parts: readonly AggregatePart[]): void {
  const problems: Problem[] = [];
  const regions = new Set<string>();
  const pairs = new Set<string>();
  // The region a given path (folder) holds, for a file of it without regions (uptake_totals).
  const regionOfPath = new Map<string, string>();
  for (const p of parts) {
    const r = regionOf(p);
    if (r !== undefined && !regionOfPath.has(p.path)) regionOfPath.set(p.path, r);
  }
  const twice = (p: AggregatePart, pair: string, expected: string) => {
    const region = regionOf(p) ?? regionOfPath.get(p.path);
    if (region !== undefined) regions.add(region);
    pairs.add(pair);
    problems.push({ file: p.source, ...(region !== undefined ? { field: 'region', value: region } : {}), expected });
  };
  // The parts kept so far (each file once), and those of them with region rows.
  const kept: AggregatePart[] = [];
  const keptWithRegions: AggregatePart[] = [];
  const repeated = new Set<string>();
  for (const p of parts) {
    const same = kept.find((q) => sameFile(q.source, p.source) === 'same file');
    if (same !== undefined) {
      repeated.add(p.source);
      twice(p, same.path === p.path ? `${p.path} is given twice` : `${p.source} is given twice (also in ${same.path})`,
        `each part once: this is ${same.source} again, and its counts would be added twice`);
      continue;
    }
    kept.push(p);
    // Two regions' uptake_totals may well be equal; two files with region rows never are.
    if (regionOf(p) === undefined) continue;
    const first = keptWithRegions.find((q) => sameFile(q.source, p.source) === 'identical copy');
    if (first === undefined) {
      keptWithRegions.push(p);
      continue;
    }
    repeated.add(p.source);
    twice(p, first.path !== first.source && p.path !== p.source ? `${p.path} is a byte-identical copy of ${first.path}` : `${p.source} is a byte-identical copy of ${first.source}`,
      `each region's part once: this file is a byte-identical copy of ${first.source}, and its counts would be added twice`);
  }
  // A region's month in two files of uptake_cells (its monthly cells of all referrals).
  const months = new Map<string, AggregatePart>();
  const reported = new Set<string>();
  for (const p of parts) {
    if (p.table !== 'uptake_cells' || repeated.has(p.source)) continue;
    for (const c of p.tables.cells) {
      if (c.region === null || c.refYear === null || c.refMonth === null || c.ageBand !== null || c.sex !== null || c.referrer !== null) continue;
      const period = `${c.refYear}-${String(c.refMonth).padStart(2, '0')}`;
      const key = `${c.region}\u0000${period}`;
      const first = months.get(key);
      if (first === undefined) {
        months.set(key, p);
        continue;
      }
      if (first === p || reported.has(`${c.region}\u0000${first.source}\u0000${p.source}`)) continue;
      reported.add(`${c.region}\u0000${first.source}\u0000${p.source}`);
      twice(p, `${first.path} and ${p.path} both hold ${c.region}'s cells for ${period}`,
        `each region's part once: ${c.region}'s cells for ${period} are also in ${first.source}, and would be added twice`);
    }
  }
  if (problems.length === 0) return;
  const who = regions.size > 0 ? `count ${[...regions].join(', ')} twice` : 'add a part twice';
  throw new HtaError('input.invalid', `the aggregate tables would ${who} (${[...pairs].join('; ')}): give each region's part once (docs/uptake-aggregates.md "Each region once")`, problems);
}
