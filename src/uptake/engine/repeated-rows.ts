/**
 * Repeated rows and ids of a registry export (docs/input-registry.md "Repeated rows and ids").
 * Table `checked` carries two hashes of each row's text: `idh` of its id, `rowh` of every cell
 * of the row — all the file's columns, those hta does not read too (view `raw`'s `otherh`, with
 * the id) — a CPR number's spellings keyed by its digits (keyCprIds). Among the valid rows:
 *
 * - an **identical row** (every cell of the row the same, id and unread columns included) is one
 *   referral exported twice: the view `uptake_referrals` keeps one copy (partitioned by the hash
 *   and every typed value, so a hash collision alone never merges rows hta reads differently),
 *   and the run says how many, with example lines;
 * - one **id on several different rows** — different in any cell, also one of a column hta does
 *   not read, such as a referral number — may be a patient referred twice (two referrals, as
 *   counted) or one referral written as a referral row and an activation row: the run warns
 *   with counts and example lines — never an id — and says how to merge the latter.
 *
 * Example lines are found by reading the rows of at most a few ids again (CSV: line by line, or
 * streamed through the CSV parser when the file has quotes; Parquet: their row numbers); the ids
 * stay in this module's memory only.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { visitPlainCsvRecords } from '../../io/plain-csv-records.js';
import { registryRecordsWithLines } from '../read-registry.js';
import type { ColumnIndex } from '../referral.js';
import { sqlText } from './duckdb-session.js';
import { SCIENTIFIC_ID } from '../scientific-ids.js';
import { cprDigits, invisibleAndDigitsPlain } from '../../io/cpr-number.js';
import type { Delimiter } from '../../io/dialect.js';

/**
 * An id that may be a CPR number written another way than its bare digits (a hyphen, an en dash,
 * a blank, other digits, an invisible character: io/cpr-number.ts): no ASCII letter, ten to forty
 * characters, not all ASCII digits. Only such ids are read again by keyCprIds — a registry of
 * pseudonyms (`P5001`) or of bare digits has none.
 */
const MAY_BE_SPELLED_CPR = (id: string) => `(length(${id}) BETWEEN 10 AND 40 AND NOT regexp_full_match(${id}, '[0-9]*') AND NOT regexp_matches(${id}, '[A-Za-z]'))`;

/**
 * An id whose key (idKeyOf) may be other than its text: one that may be a CPR number spelled
 * otherwise, an all-digit id with a leading zero (`0603690855` is keyed as `603690855`, as Excel
 * writes it), one with blanks around it or a character outside printable ASCII (a no-break space,
 * a zero-width character, other digits). The rest (`P5001`, `603690855`) are keyed as written.
 */
const MAY_BE_KEYED = (id: string) => `(${MAY_BE_SPELLED_CPR(id)} OR regexp_full_match(${id}, '0[0-9]+') OR ${id} <> trim(${id}) OR regexp_matches(${id}, '[^\\x20-\\x7e]'))`;

/**
 * SQL of the hashes over view `raw` (the columns `createChecked` adds to `checked`): `idh` of the
 * id, `rowh` of every cell of the row (the id last), `otherh` of every cell but the id, and
 * `idc`, the id itself when it may be a CPR number spelled otherwise (NULL for the rest), for
 * keyCprIds to key by its digits.
 */
export const REPEAT_HASHES_SQL = `hash(raw.id) AS idh, hash(raw.otherh, raw.id) AS rowh, raw.otherh AS otherh, CASE WHEN ${MAY_BE_KEYED('raw.id')} THEN raw.id END AS idc, CASE WHEN regexp_full_match(raw.id, '[1-9][0-9]*') THEN least(length(raw.id), 255)::UTINYINT END AS idd`;

/** An id with a character outside printable ASCII: read through invisibleAndDigitsPlain. */
const NON_ASCII_ID = /[^\x20-\x7e]/;

/**
 * The key of an id that may be written otherwise (MAY_BE_KEYED), and whether it is a CPR
 * number's: a CPR number by its digits without leading zeros (`060369-0855`, `060369–0855`,
 * `0603690855` and `603690855`, the last as Excel writes it, are `603690855`: io/cpr-number.ts
 * cprDigits); any other id trimmed, its invisible characters (Unicode Cf) left out, a no-break
 * space read as a space and other digits as ASCII (as the trial's idKey reads them), an all-digit
 * id without its leading zeros. An en dash in an id that is no CPR number stays (`R–1` is not `R-1`).
 */
export function idKeyOf(id: string): { key: string; cpr: boolean } {
  const digits = cprDigits(id);
  if (digits !== undefined) return { key: digits.replace(/^0+(?=\d)/, ''), cpr: true };
  const t = (NON_ASCII_ID.test(id) ? invisibleAndDigitsPlain(id.normalize('NFC')) : id).trim();
  return { key: /^\d+$/.test(t) ? t.replace(/^0+(?=\d)/, '') : t, cpr: false };
}

/**
 * One person one person: a CPR number written with and without its hyphen, with an en dash, a
 * blank or other digits (`060369-0855`, `060369–0855`, `0603690855`) is one id, as in a trial
 * export (io/cpr-number.ts cprDigits, the privacy checks' own list of spellings). Each such id of
 * `checked` is keyed by its digits: `idh` and `rowh` are those of the bare spelling, so that an
 * appended extract writing the ids without the hyphen is one referral exported twice (counted
 * once), two cuts of one referral are refused, and rows alike but for the id's spelling are no
 * "new pseudonyms" (docs/input-registry.md "Repeated rows and ids"). Table `id_keys` (the
 * spellings and their digits) stays for the example lines; returns how many CPR numbers the file
 * writes in more than one way.
 */
export async function keyCprIds(db: DuckDBConnection): Promise<{ cpr: number; other: number }> {
  // Nothing to key when no two ids can share a key: the ids that may be keyed all of one shape
  // (their digits aside: `DDDDDD-DDDD` throughout), printable ASCII and trimmed — two texts of
  // one shape have different digits — and no all-digit id written as is (`idd`) as long as one
  // of their keys. The most common registry (each CPR number written one way) is then never read
  // into JS (review s29 privacy 5: twice the time and +400 MB on 800 000 rows).
  // The table of keys made in the same run of DuckDB.
  // Whether they are of more than one shape: the least and the greatest shape differ (a DISTINCT
  // count of the shapes cost ~1 ms more of a small file's run).
  const [[shapes, odd, digitIds]] = (await db.runAndReadAll(`CREATE OR REPLACE TEMP TABLE id_keys (raw VARCHAR, key VARCHAR, cpr BOOLEAN);
    SELECT COALESCE(min(translate(idc, '0123456789', 'dddddddddd')) <> max(translate(idc, '0123456789', 'dddddddddd')), false),
      count(*) FILTER (WHERE idc <> trim(idc) OR regexp_matches(idc, '[^\\x20-\\x7e]')), count(idd)
    FROM checked WHERE NOT bad`)).getRowsJS() as [[unknown, unknown, unknown]];
  const meets = async () => {
    // An all-digit id written as is of the length of a key (`603690855` beside `060369-0855`).
    const [[n]] = (await db.runAndReadAll(`SELECT count(*) FROM (SELECT DISTINCT idd FROM checked WHERE idd IS NOT NULL AND NOT bad)
      WHERE idd IN (SELECT DISTINCT length(ltrim(regexp_replace(idc, '[^0-9]', '', 'g'), '0')) FROM checked WHERE idc IS NOT NULL AND NOT bad)`)).getRowsJS() as [[unknown]];
    return Number(n) > 0;
  };
  if (shapes === false && Number(odd) === 0 && (Number(digitIds) === 0 || !(await meets()))) return { cpr: 0, other: 0 };
  const spelled = (await db.runAndReadAll('SELECT DISTINCT idc FROM checked WHERE idc IS NOT NULL AND NOT bad')).getRowsJS() as unknown[][];
  const keyed = spelled.flatMap(([raw]) => {
    const id = String(raw);
    const { key, cpr } = idKeyOf(id);
    return key === id ? [] : [[id, key, cpr] as const];
  });
  if (!keyed.length) return { cpr: 0, other: 0 };
  // In chunks: a statement of a few thousand values at a time.
  for (let i = 0; i < keyed.length; i += 1000) {
    await db.run(`INSERT INTO id_keys VALUES ${keyed.slice(i, i + 1000).map(([id, key, cpr]) => `(${sqlText(id)}, ${sqlText(key)}, ${cpr})`).join(', ')}`);
  }
  await db.run('UPDATE checked SET idh = hash(k.key), rowh = hash(checked.otherh, k.key) FROM id_keys k WHERE checked.idc = k.raw');
  // The ids the file writes in more than one way (a spelling keyed as written has idc NULL or unkeyed), for the notes.
  const [[cpr, other]] = (await db.runAndReadAll(`SELECT count(*) FILTER (WHERE c), count(*) FILTER (WHERE NOT c) FROM (
      SELECT idh, COALESCE(bool_or(k.cpr), false) AS c FROM checked LEFT JOIN id_keys k ON checked.idc = k.raw WHERE NOT bad
      GROUP BY idh HAVING count(DISTINCT COALESCE(checked.idc, '')) > 1)`)).getRowsJS() as [[unknown, unknown]];
  return { cpr: Number(cpr), other: Number(other) };
}

/** The valid rows of `checked`, one per identical row (what `uptake_referrals` is built from). */
export const ONE_COPY_SQL = `SELECT region, clinic, referred, activated, last_active, age, sex, referrer FROM checked WHERE NOT bad
  QUALIFY row_number() OVER (PARTITION BY rowh, region, clinic, referred, activated, last_active, age, sex, referrer) = 1`;

/** Groups shown with their lines in a note. */
const EXAMPLES = 3;

/** Files up to this size are read whole to find the example lines; larger ones streamed. */
const PLAIN_READ_BYTES = 32 * 2 ** 20;

export interface RepeatedRows {
  /** Identical copies beyond the first (counted once), in how many groups; example groups' lines. */
  copies: { extra: number; groups: number; examples: number[][] };
  /**
   * Ids on several different rows: how many ids, rows, of them looking like referral + activation
   * rows, of them whose rows differ only in columns hta does not read; example lines.
   */
  ids: { ids: number; rows: number; episodes: number; unread: number; examples: number[][] };
  /**
   * Ids with two or more rows of one referral date and one activation date (or none) that differ
   * in the last-active date — one referral in two cuts of the export, appended; the run refuses
   * (appended-export.ts). How many ids and rows, of the ids how many are also (or only)
   * episodes; example lines.
   */
  cuts: { ids: number; rows: number; examples: number[][] };
  /**
   * Rows alike in every column but the id, under different ids (one export appended with new
   * pseudonyms?): how many groups, rows, of how many distinct rows; example lines.
   */
  twins: { groups: number; rows: number; of: number; examples: number[][] };
  /** How many columns each row has (all compared). */
  width: number;
  /** Patient ids that are CPR numbers written in more than one way in the file, each read as one id (keyCprIds). */
  cprSpelled?: number;
  /** Other patient ids written in more than one way (blanks around, an invisible character or a no-break space, other digits, leading zeros), each read as one id (keyCprIds, idKeyOf). */
  idSpelled?: number;
  /** Whether the example ids on several rows are all in scientific notation (Excel's rounded numbers: scientific-ids.ts). */
  scientificIds: boolean;
  /** Of such ids, whether all are written with a lower-case `e` (`1.23e+08`): Stata's float or %9.0g, not Excel's `E`. */
  scientificLowerCase?: boolean;
}

const DISTINCT_ROWS = `SELECT idh, rowh, any_value(otherh) AS otherh, region, clinic, referred, activated, last_active, age, sex, referrer, count(*) AS n FROM checked WHERE NOT bad
  GROUP BY idh, rowh, region, clinic, referred, activated, last_active, age, sex, referrer`;

type RepeatSource = { file: string; delimiter?: Delimiter; columns: ColumnIndex; width: number };

/** The working tables of `repeatedRows`, dropped however it ends (an error reading lines included). */
const REPEAT_TABLES = ['repeat_rows', 'repeat_ids', 'repeat_cuts', 'repeat_twins', 'id_keys'];

/**
 * What is repeated among the valid rows of `checked`, a CPR number's spellings keyed as one id
 * first (keyCprIds: `checked` keeps the keyed hashes, which the view `uptake_referrals` reads);
 * undefined when nothing is.
 */
export async function repeatedRows(db: DuckDBConnection, source: RepeatSource): Promise<RepeatedRows | undefined> {
  try {
    const spelled = await keyCprIds(db);
    const found = await findRepeats(db, source);
    if (spelled.cpr === 0 && spelled.other === 0) return found;
    return { ...(found ?? nothingRepeated(source.width)), ...(spelled.cpr ? { cprSpelled: spelled.cpr } : {}), ...(spelled.other ? { idSpelled: spelled.other } : {}) };
  } finally {
    await db.run(REPEAT_TABLES.map((t) => `DROP TABLE IF EXISTS ${t};`).join(' '));
  }
}

/** No repeated rows nor ids, for a file whose only news is a CPR number's spellings. */
const nothingRepeated = (width: number): RepeatedRows => ({
  copies: { extra: 0, groups: 0, examples: [] },
  ids: { ids: 0, rows: 0, episodes: 0, unread: 0, examples: [] },
  cuts: { ids: 0, rows: 0, examples: [] },
  twins: { groups: 0, rows: 0, of: 0, examples: [] },
  width,
  scientificIds: false,
});

async function findRepeats(db: DuckDBConnection, source: RepeatSource): Promise<RepeatedRows | undefined> {
  const rows = async (sql: string) => (await db.runAndReadAll(sql)).getRowsJS() as unknown[][];
  // The four working tables and their counts (one row: copies, ids, cuts, twins): one run of DuckDB.
  const [counts] = await rows(`CREATE TEMP TABLE repeat_rows AS ${DISTINCT_ROWS};
    -- An episode: two different rows of one id with one referral date, one without an activation and one with.
    CREATE TEMP TABLE repeat_ids AS SELECT idh, count(*) AS k,
      count(*) = 2 AND count(DISTINCT referred) = 1 AND count(activated) = 1 AS episode,
      count(DISTINCT (region, clinic, referred, activated, last_active, age, sex, referrer)) = 1 AS unread
    FROM repeat_rows GROUP BY idh HAVING count(*) > 1;
    -- One referral in two cuts: one id, referral date and activation date (NULL = NULL here), and
    -- more than one last-active date (an empty one counted as a value): the date only a later
    -- export moves on (docs/input-registry.md "Repeated rows and ids").
    CREATE TEMP TABLE repeat_cuts AS SELECT idh, count(*) AS k FROM repeat_rows GROUP BY idh, referred, activated
      HAVING count(DISTINCT last_active) + CAST(count(*) > count(last_active) AS INTEGER) > 1;
    -- Alike but for the id: every other cell the same, as a delivery appended with new pseudonyms.
    CREATE TEMP TABLE repeat_twins AS SELECT min(idh) AS a, max(idh) AS b, count(DISTINCT idh) AS k FROM repeat_rows
      GROUP BY otherh, region, clinic, referred, activated, last_active, age, sex, referrer HAVING count(DISTINCT idh) > 1;
    SELECT * FROM (SELECT count(*) FILTER (WHERE n > 1), COALESCE(sum(n - 1) FILTER (WHERE n > 1), 0) FROM repeat_rows)
      CROSS JOIN (SELECT count(*), COALESCE(sum(k), 0), count(*) FILTER (WHERE episode), count(*) FILTER (WHERE unread) FROM repeat_ids)
      CROSS JOIN (SELECT count(DISTINCT idh), COALESCE(sum(k), 0) FROM repeat_cuts)
      CROSS JOIN (SELECT count(*), COALESCE(sum(k), 0), (SELECT count(*) FROM repeat_rows) FROM repeat_twins)`);
  const copies = counts?.slice(0, 2), ids = counts?.slice(2, 6), cuts = counts?.slice(6, 8), twins = counts?.slice(8, 11);
  const copyGroups = Number(copies?.[0] ?? 0), idCount = Number(ids?.[0] ?? 0), cutIds = Number(cuts?.[0] ?? 0), twinGroups = Number(twins?.[0] ?? 0);
  if (copyGroups === 0 && idCount === 0 && twinGroups === 0) return undefined;
  // The ids of a few example groups, to find their lines.
  const copyIdh = (await rows(`SELECT DISTINCT idh FROM repeat_rows WHERE n > 1 ORDER BY idh LIMIT ${EXAMPLES}`)).map((r) => String(r[0]));
  const idIdh = (await rows(`SELECT idh FROM repeat_ids ORDER BY episode DESC, unread DESC, idh LIMIT ${EXAMPLES}`)).map((r) => String(r[0]));
  const cutIdh = (await rows(`SELECT DISTINCT idh FROM repeat_cuts ORDER BY idh LIMIT ${EXAMPLES}`)).map((r) => String(r[0]));
  const twinIdh = (await rows(`SELECT a, b FROM repeat_twins ORDER BY a, b LIMIT ${EXAMPLES}`)).map((r) => [String(r[0]), String(r[1])] as const);
  const wanted = [...new Set([...copyIdh, ...idIdh, ...cutIdh, ...twinIdh.flat()])];
  const hashes = wanted.map((h) => `${h}::UBIGINT`).join(', ');
  // Each id hash's spellings: the bare id, and those keyed by their CPR digits (keyCprIds).
  const spellings = await rows(`SELECT DISTINCT CAST(hash(id) AS VARCHAR), id, NULL FROM raw WHERE hash(id) IN (${hashes})
    UNION ALL SELECT CAST(hash(key) AS VARCHAR), raw, key FROM id_keys WHERE hash(key) IN (${hashes})`);
  const textsOf = new Map<string, string[]>();
  const keyOf = new Map<string, string>();
  for (const [h, id, key] of spellings) {
    textsOf.set(String(h), [...(textsOf.get(String(h)) ?? []), String(id)]);
    if (key !== null) keyOf.set(String(id), String(key));
  }
  const textOf = (h: string) => textsOf.get(h)?.[0];
  const byText = await linesOfIds(db, source, new Set([...textsOf.values()].flat()), keyOf);
  // The lines of each id hash, every spelling's, in file order.
  const byId = new Map([...textsOf].map(([h, texts]) => [h, texts.flatMap((t) => byText.get(t) ?? []).sort((a, b) => a.line - b.line)]));
  const copyExamples: number[][] = [];
  const idExamples: number[][] = [];
  for (const found of byId.values()) {
    if (!found.length) continue;
    const byRow = new Map<string, number[]>();
    for (const { key, line } of found) byRow.set(key, [...(byRow.get(key) ?? []), line]);
    const same = [...byRow.values()].find((l) => l.length > 1);
    if (same && copyExamples.length < EXAMPLES) copyExamples.push(same);
    if (byRow.size > 1 && idExamples.length < EXAMPLES) idExamples.push(found.map((f) => f.line));
  }
  const linesOf = (...idh: string[]) => idh.flatMap((h) => byId.get(h)?.map((f) => f.line) ?? []).sort((x, y) => x - y);
  const cutExamples = cutIdh.map((h) => [...new Set(linesOf(h))]).filter((l) => l.length > 1);
  const twinExamples = twinIdh.map(([a, b]) => linesOf(a, b)).filter((l) => l.length > 1);
  return {
    copies: { extra: Number(copies?.[1] ?? 0), groups: copyGroups, examples: copyExamples },
    ids: { ids: idCount, rows: Number(ids?.[1] ?? 0), episodes: Number(ids?.[2] ?? 0), unread: Number(ids?.[3] ?? 0), examples: idExamples },
    cuts: { ids: cutIds, rows: Number(cuts?.[1] ?? 0), examples: cutExamples },
    twins: { groups: twinGroups, rows: Number(twins?.[1] ?? 0), of: Number(twins?.[2] ?? 0), examples: twinExamples },
    width: source.width,
    scientificIds: scientificIds([...idIdh, ...cutIdh].map((h) => textOf(h))),
    scientificLowerCase: [...idIdh, ...cutIdh].every((h) => !/E/.test(textOf(h) ?? '')),
  };
}

/** Whether every one of `ids` (at least one) is a number in scientific notation. */
function scientificIds(ids: readonly (string | undefined)[]): boolean {
  return ids.length > 0 && ids.every((id) => id !== undefined && SCIENTIFIC_ID.test(id));
}

/**
 * For each id in `ids`, its rows (in file order): line (Parquet: row number) and every cell of the
 * row as one key, the id as keyed (`keyOf`: a CPR number's spellings by their digits; Parquet: the
 * hash of every cell, as `rowh`), so rows differing only in a column hta does not read are told
 * apart as the counts tell them, and rows differing only in the id's spelling are not.
 */
async function linesOfIds(db: DuckDBConnection, source: { file: string; delimiter?: Delimiter; columns: ColumnIndex }, ids: ReadonlySet<string>, keyOf: ReadonlyMap<string, string>): Promise<Map<string, { key: string; line: number }[]>> {
  const out = new Map<string, { key: string; line: number }[]>();
  const add = (id: string, key: string, line: number) => out.set(id, [...(out.get(id) ?? []), { key, line }]);
  if (source.delimiter === undefined) {
    const found = await db.runAndReadAll(`SELECT rid, raw.id, CAST(hash(raw.otherh, COALESCE(k.key, raw.id)) AS VARCHAR) FROM raw LEFT JOIN id_keys k ON k.raw = raw.id WHERE raw.id IN (${[...ids].map(sqlText).join(', ')}) ORDER BY rid`);
    for (const r of found.getRowsJS() as unknown[][]) add(String(r[1]), String(r[2]), Number(r[0]) + 1);
    return out;
  }
  const visit = (record: string[], line: number) => {
    const id = record[source.columns.id] ?? '';
    const key = keyOf.get(id);
    if (ids.has(id)) add(id, JSON.stringify(key === undefined ? record : record.map((c, i) => (i === source.columns.id ? key : c))), line);
  };
  // A file without quotes (most registry exports) is split line by line, without csv-parse: the
  // same records and lines (io/plain-csv-records.ts); a larger one is streamed, never held whole.
  if (statSync(source.file).size <= PLAIN_READ_BYTES && visitPlainCsvRecords(readFileSync(source.file), source.delimiter, visit)) return out;
  for await (const { record, line } of registryRecordsWithLines(createReadStream(source.file), source.file, source.delimiter)) visit(record, line);
  return out;
}
