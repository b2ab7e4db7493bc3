/**
 * A Parquet registry whose data cannot be read, in hta's words (docs/input-registry.md "Parquet").
 * Only the file's footer is read when its columns are listed (registry-engine.ts viewParquet); a
 * damaged data page (a Snappy or Zstandard page that does not decompress) or a text value that is
 * not UTF-8 (a SAS or ODBC session in Latin-1) fails later, in whichever statement reads it, in
 * DuckDB's words — which were printed as an internal error ("a bug in hta", exit 1), quoting the
 * cell: a patient's name and phone number from a column hta does not even count. Said instead as
 * an input error (exit 2) naming the file and the column, never the value; a column stored as
 * binary whose bytes are not UTF-8 text is named with its first such row.
 */
import { basename } from 'node:path';
import { HtaError } from '../../errors.js';
import { fileStart } from '../../io/file-start.js';
import type { DuckDBConnection } from '@duckdb/node-api';
import { PARQUET_READ_OPTIONS } from './parquet-columns.js';
import { sqlIdent } from '../../io/sql-text.js';

/** What is wrong with a column's data, in English and Danish. */
const EXPECTED = {
  utf8: {
    en: 'text in UTF-8, as Parquet stores text: a value in this column is not valid UTF-8 (text written in Latin-1 or Windows-1252, as a SAS or ODBC session in that encoding writes it; the value is not shown) — hta reads every column of the file to tell identical rows apart, this one too: write the file again with its text in UTF-8',
    da: 'tekst i UTF-8, sådan som Parquet gemmer tekst: en værdi i kolonnen er ikke gyldig UTF-8 (tekst skrevet i Latin-1 eller Windows-1252, som en SAS- eller ODBC-session med den tegnkodning skriver den; værdien vises ikke) — hta læser alle filens kolonner for at skelne ens rækker, også denne: skriv filen igen med teksten i UTF-8',
  },
  damaged: {
    en: 'readable data: a data page of this column is damaged (it cannot be decompressed or decoded; its values are not shown) — copy the file again from where it was made, or export it again',
    da: 'læsbare data: en dataside i kolonnen er beskadiget (den kan ikke pakkes ud eller afkodes; dens værdier vises ikke) — kopiér filen igen fra der, hvor den blev dannet, eller eksportér den igen',
  },
  binary: {
    en: 'text: the column is stored as binary (BYTE_ARRAY without the UTF8 annotation, as Hive, Impala and older writers store strings), which hta reads as UTF-8 text, and this cell\'s bytes are not UTF-8 (the value is not shown) — write the column as a UTF-8 string (Spark: cast it to string; pyarrow: pa.string()) and export again',
    da: 'tekst: kolonnen er gemt som binære data (BYTE_ARRAY uden UTF8-angivelsen, som Hive, Impala og ældre programmer gemmer tekst), som hta læser som UTF-8-tekst, og cellens bytes er ikke UTF-8 (værdien vises ikke) — skriv kolonnen som UTF-8-tekst (Spark: cast den til string; pyarrow: pa.string()) og eksportér igen',
  },
} as const;

const MESSAGE = { en: (file: string) => `${file} has data that cannot be read`, da: (file: string) => `${file} har data, der ikke kan læses` };

const SEPARATOR_NAMES: Record<string, { en: string; da: string }> = {
  ',': { en: 'commas', da: 'kommaer' }, ';': { en: 'semicolons', da: 'semikoloner' }, '\t': { en: 'tabs', da: 'tabulatorer' }, '|': { en: 'vertical bars', da: 'lodrette streger' },
};
const CSV_NAMED = {
  message: { en: (file: string) => `${file} is CSV text, not a Parquet file`, da: (file: string) => `${file} er CSV-tekst, ikke en Parquet-fil` },
  expected: {
    en: (fields: number, sep: string, name: string) => `a Parquet file: this file is text, its first line has ${fields} fields separated by ${sep}, as a CSV export's header line is — give it a name ending in .csv (${name}), which hta uptake reads as CSV`,
    da: (fields: number, sep: string, name: string) => `en Parquet-fil: filen er tekst, dens første linje har ${fields} felter adskilt af ${sep}, som en CSV-eksports overskriftslinje er — giv den et navn, der ender på .csv (${name}), så læser hta uptake den som CSV`,
  },
};

/**
 * The refusal of a file named .parquet that is CSV text (a CSV export saved under the Parquet
 * name): said as such, with the name to give it, instead of DuckDB's "No magic bytes found at end
 * of file"; undefined for any other file. Its first line is not quoted: without a header it is a
 * patient's row.
 */
export function csvNamedParquetError(file: string, label: string): HtaError | undefined {
  const head = fileStart(file, 64 * 1024);
  if (head === undefined || head.startsWith('PAR1') || /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(head)) return undefined;
  const first = head.split(/\r\n|\n|\r/).find((l) => l.trim() !== '');
  if (first === undefined) return undefined;
  const counts = Object.keys(SEPARATOR_NAMES).map((c) => [c, first.split(c).length - 1] as const).sort((a, b) => b[1] - a[1]);
  const [sep, n] = counts[0]!;
  if (n === 0) return undefined;
  const name = `e.g. ${basename(file).replace(/\.parquet$/i, '')}.csv`;
  return new HtaError('input.invalid', CSV_NAMED.message.en(label), [{ file: label, line: 1, expected: CSV_NAMED.expected.en(n + 1, SEPARATOR_NAMES[sep]!.en, name) }]);
}

/**
 * DuckDB's failure to read Parquet data: text that is not UTF-8 (its own words), or any other
 * failure of reading (a page that does not decompress, `Invalid Error: don't know what type`), to
 * be confirmed by reading a column alone (parquetDataError). SQL of hta's own that DuckDB cannot
 * bind or parse is a bug, never the file's.
 */
function failureKind(err: unknown): 'utf8' | 'damaged' | undefined {
  if (!(err instanceof Error) || err instanceof HtaError) return undefined;
  const m = err.message;
  if (/^Invalid Input Error: Invalid string encoding found in Parquet file/.test(m)) return 'utf8';
  if (/^(?:Invalid Input Error|Invalid Error|IO Error|Internal Error|Conversion Error|Serialization Error|Out of Range Error): /.test(m)) return 'damaged';
  return undefined;
}


/**
 * The input error for DuckDB's failure `err` to read the data of Parquet file `path` (as DuckDB
 * reads it: literal-path.ts), naming the first column whose values fail when read alone;
 * undefined for any other error, and for a failure that no column repeats, which pass unchanged
 * (a bug stays a bug).
 */
export async function parquetDataError(db: DuckDBConnection, err: unknown, path: string, label: string, header: readonly string[]): Promise<HtaError | undefined> {
  const kind = failureKind(err);
  if (kind === undefined) return undefined;
  let at: number | undefined;
  for (let i = 0; i < header.length && at === undefined; i++) {
    try {
      await db.run(`SELECT max(hash(${sqlIdent(header[i]!)})) FROM read_parquet(${path}, ${PARQUET_READ_OPTIONS})`);
    } catch (e) {
      if (failureKind(e) !== undefined) at = i;
    }
  }
  // A failure no column's data repeats is not the file's: passed on unchanged.
  if (at === undefined && kind === 'damaged') return undefined;
  const place = at === undefined ? {} : { column: at + 1, field: header[at]!.trim() };
  return new HtaError('input.invalid', MESSAGE.en(label), [{ file: label, ...place, expected: EXPECTED[kind].en }]);
}

/**
 * Refuses a registry column stored as binary (`BLOB`: Hive's and Impala's strings, without the
 * UTF8 annotation) that holds bytes that are not UTF-8, naming its first such row (a Parquet
 * file's row N is its "line N") and how many there are; the others are read as the UTF-8 text
 * they are (registry-engine.ts parquetText). `columns`: the 0-based indexes of the columns read.
 */
export async function refuseBinaryNotUtf8(db: DuckDBConnection, path: string, label: string, header: readonly string[], types: readonly string[], columns: readonly number[]): Promise<void> {
  for (const i of [...new Set(columns)].filter((c) => c >= 0 && types[c]!.toUpperCase() === 'BLOB').sort((a, b) => a - b)) {
    const col = sqlIdent(header[i]!);
    const [row, cells] = (await db.runAndReadAll(`SELECT min(file_row_number), count(*) FROM read_parquet(${path}, ${PARQUET_READ_OPTIONS}, file_row_number = true) WHERE ${col} IS NOT NULL AND try(decode(${col})) IS NULL`)).getRowsJS()[0] as [bigint | null, bigint];
    const n = Number(cells);
    if (n > 0) throw new HtaError('input.invalid', MESSAGE.en(label), [{ file: label, line: Number(row) + 1, column: i + 1, field: header[i]!.trim(), expected: `${EXPECTED.binary.en}${n > 1 ? ` (${n} cells of the column are not)` : ''}` }]);
  }
}

/** A refusal's message above its problems in Danish (report/problem-text.ts; docs/cli.md "Danish output"); undefined for another text. */
export function parquetFailureMessageDa(text: string): string | undefined {
  const m = /^(.+) has data that cannot be read$/s.exec(text);
  if (m) return MESSAGE.da(m[1]!);
  const csv = /^(.+) is CSV text, not a Parquet file$/s.exec(text);
  return csv ? CSV_NAMED.message.da(csv[1]!) : undefined;
}

/** A problem's `expected` in Danish; undefined for another text. */
export function parquetFailureExpectedDa(text: string): string | undefined {
  const csv = /^a Parquet file: this file is text, its first line has (\d+) fields separated by (.+?), as a CSV export's header line is — give it a name ending in \.csv \(e\.g\. (.*)\), which hta uptake reads as CSV$/s.exec(text);
  const sep = csv ? Object.values(SEPARATOR_NAMES).find((s) => s.en === csv[2]) : undefined;
  if (csv && sep) return CSV_NAMED.expected.da(Number(csv[1]), sep.da, `fx ${csv[3]!}`);
  for (const e of Object.values(EXPECTED)) {
    if (text === e.en) return e.da;
    if (text.startsWith(e.en)) {
      const n = /^ \((\d+) cells of the column are not\)$/.exec(text.slice(e.en.length));
      if (n) return `${e.da} (${n[1]} celler i kolonnen er ikke)`;
    }
  }
  return undefined;
}
