/**
 * A Parquet registry's columns as the file holds them (docs/input-registry.md "Parquet"). DuckDB's
 * DESCRIBE is not enough on its own:
 * - it renames a name the file holds twice (`activated` and `Activated`: `Activated_1`), which
 *   would hide a column named twice from the check that refuses it (referral.ts
 *   `repeatedColumnProblems`) and read the first silently. The names as written come from the
 *   file's schema (`parquet_schema`); DuckDB's name is kept for the SQL.
 * - it gives an INT96 timestamp as a plain TIMESTAMP. INT96 is how Spark (Databricks, Fabric),
 *   Hive and Impala store a timestamp, and Spark and Hive store it as a UTC instant: a Danish
 *   midnight is 22:00 or 23:00 of the day before. It is read as an instant, as a TIMESTAMP WITH
 *   TIME ZONE is, on its Danish calendar day.
 * Every read of the file turns DuckDB's hive partitioning off (`PARQUET_READ_OPTIONS`): a folder
 * named `region=Syddanmark/` on the path would otherwise replace the file's own region column by
 * the folder's value in every row, or add a column the file does not hold.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlIdent } from '../../io/sql-text.js';

/** The options of every read_parquet of a registry: its own columns only, whatever folders hold it. */
export const PARQUET_READ_OPTIONS = 'hive_partitioning = false';

export interface ParquetColumn {
  /** The name as the file holds it. */
  name: string;
  /** The name DuckDB reads it by (another where the file repeats a name). */
  sqlName: string;
  /** DuckDB's type; an INT96 column's is TIMESTAMP WITH TIME ZONE (an instant), as `sql` reads it. */
  type: string;
  /** The column as SQL of `type`: its quoted name, or the INT96 column made an instant in UTC. */
  sql: string;
  /** Stored as INT96. */
  int96: boolean;
}


/** The file's top-level columns in file order; `path`: the file as an SQL string literal, as read_parquet takes it. */
export async function parquetColumns(db: DuckDBConnection, path: string): Promise<ParquetColumn[]> {
  const described = (await db.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${path}, ${PARQUET_READ_OPTIONS})`)).getRowsJS() as unknown[][];
  const schema = (await db.runAndReadAll(`SELECT name, type, num_children FROM parquet_schema(${path})`)).getRowsJS() as unknown[][];
  const top = topLevel(schema.map(([name, type, children]) => ({ name: String(name), physical: type === null ? undefined : String(type), children: Number(children ?? 0) })));
  // The schema and DESCRIBE list the same columns in the same order (a single file, no hive
  // columns): were they ever to differ, DuckDB's names are the ones the SQL can read.
  const same = top.length === described.length;
  return described.map(([sqlName, type], i) => {
    const int96 = same && top[i]!.physical === 'INT96' && String(type) === 'TIMESTAMP';
    const sql = sqlIdent(String(sqlName));
    return {
      name: same ? top[i]!.name : String(sqlName),
      sqlName: String(sqlName),
      type: int96 ? 'TIMESTAMP WITH TIME ZONE' : String(type),
      // The stored clock time is UTC's: timezone('UTC', …) makes it the instant it is.
      sql: int96 ? `timezone('UTC', ${sql})` : sql,
      int96,
    };
  });
}

/**
 * The top-level INT96 columns of the Parquet files `paths` (an SQL string or list, as read_parquet
 * takes it): those a suggested DuckDB command that joins the files must keep instants
 * (io/parquet-folder.ts `keepInstants`). None when the files cannot be read: their reader says why.
 */
export async function int96Columns(db: DuckDBConnection, paths: string): Promise<string[]> {
  try {
    const top = new Set(((await db.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${paths}, union_by_name = true, ${PARQUET_READ_OPTIONS})`)).getRowsJS() as unknown[][]).map((r) => String(r[0])));
    const int96 = (await db.runAndReadAll(`SELECT DISTINCT name FROM parquet_schema(${paths}) WHERE type = 'INT96' ORDER BY name`)).getRowsJS() as unknown[][];
    return int96.map((r) => String(r[0])).filter((n) => top.has(n));
  } catch {
    return [];
  }
}

interface SchemaElement { name: string; physical: string | undefined; children: number }

/** The root's children in a flattened Parquet schema (each group element followed by its own subtree). */
function topLevel(elements: readonly SchemaElement[]): SchemaElement[] {
  const root = elements[0];
  if (!root) return [];
  const top: SchemaElement[] = [];
  let i = 1;
  // Skips an element and everything under it; returns the index after it.
  const skip = (at: number): number => {
    let next = at + 1;
    for (let c = 0; c < (elements[at]?.children ?? 0); c++) next = skip(next);
    return next;
  };
  for (let c = 0; c < root.children && i < elements.length; c++) {
    top.push(elements[i]!);
    i = skip(i);
  }
  return top;
}
