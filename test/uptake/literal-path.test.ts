/**
 * A registry whose name holds a glob character (`udtræk [2025].csv`, `udtræk?.parquet`, `*`, `{a,b}`)
 * is read as that one file, never as a pattern matching another file beside it
 * (src/uptake/engine/literal-path.ts). Each decoy here is a file the pattern would match, holding
 * more rows (the registry twice): a count from it would be 206, not 103 — through `hta uptake`'s
 * reader and through `hta report`'s manifest.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { readRegistry } from '../../src/uptake/read-registry.js';
import { readRegistryFile } from '../../src/uptake/read-registry.js';
import { buildReports } from '../../src/report/build-reports.js';
import { loadManifest } from '../../src/report/manifest.js';
import type { ChartCache } from '../../src/report/render/chart-cache.js';
import type { UptakeAnalysis } from '../../src/uptake/uptake-analysis.js';
import { escapeGlob, literalPath } from '../../src/uptake/engine/literal-path.js';
import { aggregateRegistry } from '../../src/uptake/engine/registry-engine.js';
import { tempDir } from '../support/run-cli.js';

const FIX = 'test/uptake/fixtures/small-three-regions';
const REGISTRY = readFileSync(join(FIX, 'registry.csv'), 'utf8');
const ROWS = REGISTRY.trim().split('\n').length - 1;
/** The registry's rows twice, with other ids: what a pattern match would wrongly count. */
const DOUBLED = REGISTRY + REGISTRY.trim().split('\n').slice(1).map((l) => l.replace(/^P/, 'Q')).join('\n') + '\n';

/**
 * [name, decoys the name matches as a pattern]. The second name holds every character at once,
 * and a decoy that its `?` and `*` match with `[` read literally: a reader escaping one of them
 * but not the others still matches a decoy.
 */
const NAMES: [string, string[]][] = [
  ['udtræk [2025]', ['udtræk 2']],
  ['u [1]?*{a,b}', ['u 1Xyz{a,b}', 'u [1]Xyz{a,b}']],
];

async function toParquet(csv: string, parquet: string): Promise<void> {
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  // Written through the escaped path: the test's own writer must not glob either.
  await db.run(`COPY (SELECT * FROM read_csv('${escapeGlob(csv).replace(/'/g, "''")}', all_varchar = true)) TO '${parquet.replace(/'/g, "''")}' (FORMAT parquet)`);
  db.closeSync();
}

describe('a registry whose name holds [ ? * {', () => {
  it('is read as that one CSV file, not a file its name matches as a pattern', async () => {
    const dir = tempDir();
    expect(ROWS).toBe(103);
    for (const [name, decoy] of NAMES) {
      writeFileSync(join(dir, `${name}.csv`), REGISTRY);
      for (const d of decoy) writeFileSync(join(dir, `${d}.csv`), DOUBLED);
      expect((await readRegistry(join(dir, `${name}.csv`))).rows, name).toBe(ROWS);
    }
  });

  it('is read as that one Parquet file', async () => {
    const dir = tempDir();
    for (const [name, decoy] of NAMES) {
      writeFileSync(join(dir, 'r.csv'), REGISTRY);
      writeFileSync(join(dir, 'd.csv'), DOUBLED);
      await toParquet(join(dir, 'r.csv'), join(dir, `${name}.parquet`));
      for (const d of decoy) await toParquet(join(dir, 'd.csv'), join(dir, `${d}.parquet`));
      expect((await readRegistry(join(dir, `${name}.parquet`))).rows, name).toBe(ROWS);
    }
  });

  it('a JSON registry so named is refused as JSON under its own name', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'udtræk [1].json'), '[{"id":"P1"}]');
    writeFileSync(join(dir, 'udtræk 1.json'), REGISTRY);
    await expect(readRegistryFile(join(dir, 'udtræk [1].json'))).rejects.toThrow(`${join(dir, 'udtræk [1].json')} is JSON`);
  });

  it('is read as that one file by hta report from a manifest', async () => {
    const dir = tempDir();
    for (const f of ['eligible.csv', 'totals.plan.json']) copyFileSync(join(FIX, f), join(dir, f));
    writeFileSync(join(dir, 'udtræk [2025].csv'), REGISTRY);
    writeFileSync(join(dir, 'udtræk 2.csv'), DOUBLED);
    const manifestFile = join(dir, 'manifest.json');
    writeFileSync(manifestFile, JSON.stringify({ reports: [{ id: 'g', kind: 'uptake', out: 'g', lang: 'en', registry: 'udtræk [2025].csv', eligible: 'eligible.csv', plan: 'totals.plan.json' }] }));
    const chartCache: ChartCache = { get: () => ({ svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', png: new Uint8Array() }), put: () => {}, prune: () => {} };
    const files = await buildReports(loadManifest(manifestFile), { manifestFile, version: 'test', chartCache });
    const a = JSON.parse(files.get('g/results.json') as string) as UptakeAnalysis;
    expect(a.rows).toBe(ROWS);
  });

  it.runIf(process.platform !== 'win32')('a name DuckDB cannot address literally (a \\ beside [) is refused, not read as another file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a\\b [1].csv'), REGISTRY);
    writeFileSync(join(dir, 'a\\b 1.csv'), DOUBLED);
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    try {
      await expect(literalPath(db, join(dir, 'a\\b [1].csv'), 'a\\b [1].csv')).rejects.toThrow('cannot open this file by its name');
    } finally {
      db.closeSync();
    }
  });

  it('a relative name is read from the working folder, never through DuckDB\'s ~ or remote schemes', async () => {
    // A folder literally named `~` (and one named `s3:`): DuckDB reads `~/registry.csv` as the
    // home folder's file (from $HOME) and `s3:/…` as remote unless given the absolute path.
    const dir = tempDir();
    const home = join(dir, 'home');
    mkdirSync(home);
    writeFileSync(join(home, 'registry.csv'), DOUBLED);
    mkdirSync(join(dir, '~'));
    writeFileSync(join(dir, '~', 'registry.csv'), REGISTRY);
    mkdirSync(join(dir, 's3:'));
    writeFileSync(join(dir, 's3:', 'registry.csv'), REGISTRY);
    const was = { cwd: process.cwd(), home: process.env.HOME };
    process.env.HOME = home;
    process.chdir(dir);
    try {
      expect((await readRegistry('~/registry.csv')).rows).toBe(ROWS);
      const db = await (await DuckDBInstance.create(':memory:')).connect();
      try {
        expect(await literalPath(db, 's3:/registry.csv')).toBe(join(dir, 's3:', 'registry.csv'));
      } finally {
        db.closeSync();
      }
    } finally {
      process.chdir(was.cwd);
      if (was.home === undefined) delete process.env.HOME;
      else process.env.HOME = was.home;
    }
  });

  it('a missing file whose name holds [ is refused, never handed to DuckDB unescaped', async () => {
    // Unescaped, `gone [1].csv` would read `gone 1.csv` beside it.
    const dir = tempDir();
    writeFileSync(join(dir, 'gone 1.csv'), DOUBLED);
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    try {
      await expect(literalPath(db, join(dir, 'gone [1].csv'), 'gone [1].csv')).rejects.toThrow('cannot read gone [1].csv: the file does not exist');
    } finally {
      db.closeSync();
    }
  });

  it.runIf(process.platform !== 'win32')('a CSV read under another label (a temporary copy) is refused by that label, not the path read', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a\\b [1].csv'), REGISTRY);
    await expect(aggregateRegistry(join(dir, 'a\\b [1].csv'), {}, 'udtræk.csv')).rejects.toThrow(/^udtræk\.csv: the SQL engine cannot open this file by its name/);
  });
});
