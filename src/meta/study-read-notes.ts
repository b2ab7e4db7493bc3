/**
 * How the studies file was read, for the meta report page in its language: the columns read
 * under another name (Danish, or a CI bound named so), a 95% CI split from one column and the columns not read (docs/input-studies.md). `hta meta`
 * prints the same facts on stderr in English (read-studies.ts `notes`); the page says them in
 * its "About the data" section, in the Danish of docs/glossary-da.md.
 */
import { fillPhrase, type Lang, timeLabel } from '../report/i18n.js';
import type { StudyReadFacts } from './read-studies.js';

const TEXT = {
  readAs: {
    en: 'Column {column} "{header}" was read as {as}.',
    da: 'Kolonne {column} "{header}" er læst som {as}.',
  },
  ciSplit: {
    en: 'The 95% CI in column {column} "{header}" was split into its lower and upper limits (ci_lower and ci_upper) on {rows} (line {line}: "{cell}" as {lower} and {upper}).',
    da: '95 %-KI i kolonne {column} "{header}" er delt i nedre og øvre grænse (ci_lower og ci_upper) i {rows} (linje {line}: "{cell}" som {lower} og {upper}).',
  },
  ignored: { en: 'Columns not read: {list}.', da: 'Kolonner, der ikke er læst: {list}.' },
  ignoredColumn: { en: '"{header}" (column {column})', da: '"{header}" (kolonne {column})' },
  time: { en: 'Follow-up "{written}" (line {line}) was read as {label}.', da: 'Opfølgning "{written}" (linje {line}) er læst som {label}.' },
  roundedScientific: {
    en: 'Column "{column}": {cells} in Excel\'s "Scientific" number format (e.g. "{example}", line {line}) {were} read as the numbers written, with only the digits Excel displayed: a value with more digits than that was rounded.',
    da: 'Kolonne "{column}": {cells} i Excels talformat "Videnskabelig" (fx "{example}", linje {line}) er læst som de skrevne tal, med kun de cifre, Excel viste: en værdi med flere cifre end dem er afrundet.',
  },
  footnotes: {
    en: '{lines} after the last row {are} (a line of text, such as "Kilde: …") and {was} left out: no study.',
    da: '{lines} efter den sidste række er {are} (en tekstlinje, fx "Kilde: …") og er udeladt: intet studie.',
  },
  rowOne: { en: '1 row', da: '1 række' },
  rowMany: { en: '{n} rows', da: '{n} rækker' },
} as const;

/** A bound as the page writes numbers: decimal comma and true minus in Danish. */
const bound = (v: number, lang: Lang) => (lang === 'da' ? String(v).replace('.', ',').replace('-', '\u2212') : String(v));

/** Sentences; empty when the file was read as the contract names it. */
export function studyReadNotes(read: StudyReadFacts, lang: Lang): string[] {
  const out = read.readAs.map((r) => fillPhrase(TEXT.readAs[lang], { column: r.column, header: r.header, as: r.as }));
  const s = read.ciSplit;
  if (s) {
    const rows = s.rows === 1 ? TEXT.rowOne[lang] : fillPhrase(TEXT.rowMany[lang], { n: s.rows });
    out.push(fillPhrase(TEXT.ciSplit[lang], { column: s.column, header: s.header, rows, line: s.example.line, cell: s.example.cell, lower: bound(s.example.lower, lang), upper: bound(s.example.upper, lang) }));
  }
  if (read.ignored.length > 0) {
    out.push(fillPhrase(TEXT.ignored[lang], { list: read.ignored.map((c) => fillPhrase(TEXT.ignoredColumn[lang], { header: c.header, column: c.column })).join(', ') }));
  }
  for (const t of read.times ?? []) out.push(fillPhrase(TEXT.time[lang], { written: t.written, line: t.line, label: timeLabel(t.as, lang) }));
  for (const c of read.roundedScientific ?? []) {
    const cells = `${c.cells} ${lang === 'da' ? (c.cells === 1 ? 'celle' : 'celler') : c.cells === 1 ? 'cell' : 'cells'}`;
    out.push(fillPhrase(TEXT.roundedScientific[lang], { column: c.column, cells, were: c.cells === 1 ? 'was' : 'were', example: c.example.text, line: c.example.line }));
  }
  const f = read.footnotes ?? [];
  if (f.length) {
    const lines = lang === 'da' ? `${f.length === 1 ? 'Linje' : 'Linjerne'} ${f.join(', ')}` : `${f.length === 1 ? 'Line' : 'Lines'} ${f.join(', ')}`;
    const are = lang === 'da' ? (f.length === 1 ? 'en fodnote' : 'fodnoter') : f.length === 1 ? 'is a footnote' : 'are footnotes';
    out.push(fillPhrase(TEXT.footnotes[lang], { lines, are, was: f.length === 1 ? 'was' : 'were' }));
  }
  return out;
}
