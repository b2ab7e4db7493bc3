/**
 * The sentences every uptake output carries when the input was not taken as it stood
 * (docs/plan-uptake.md): a registry read as Windows-1252 or UTF-16 (docs/input-registry.md
 * "Encodings"), the detected date format (dateFormat "auto"), denominators filled by carry-forward (each filled region × year) and
 * registry rows left out as invalid (how many, and why, grouped with line ranges — never ids).
 * The plain-text summary of `hta uptake` and the uptake report page both print them (the
 * encoding also goes to stderr, as `hta plan init --uptake` prints it); the JSON carries the
 * same facts as `registryEncoding`, `eligibleFill` and `excluded`.
 */
import { decodedNote } from '../io/encoding-note.js';
import { formatProblemGroup } from '../problem-groups.js';
import type { UptakeAnalysis } from './uptake-analysis.js';
import { DATE_FORMAT_EXAMPLE } from './registry-dates.js';
import type { RegistryEncoding } from './registry-encoding.js';

type Lang = 'en' | 'da';

const TEXT = {
  registry: { en: 'The registry file', da: 'Registerfilen' },
  fillNone: {
    en: 'Eligible counts: the plan fills missing years by carry-forward; none was missing.',
    da: 'Antal berettigede: planen udfylder manglende år ved fremskrivning; intet manglede.',
  },
  fill: {
    en: 'Eligible counts missing from the eligible file were filled by carry-forward (the plan\'s eligibleFill; nearest earlier year, else later): {cells}.',
    da: 'Manglende antal berettigede er udfyldt ved fremskrivning (planens eligibleFill; nærmeste tidligere år, ellers senere): {cells}.',
  },
  cell: { en: '{region} {year} from {from}', da: '{region} {year} fra {from}' },
  dates: {
    en: 'Registry dates were read as {format} (detected: the plan\'s dateFormat is "auto").',
    da: 'Registerets datoer er læst som {format} (fundet automatisk: planens dateFormat er "auto").',
  },
  excludedNone: {
    en: 'Invalid registry rows are excluded (--exclude-invalid); none was invalid.',
    da: 'Ugyldige registerrækker udelades (--exclude-invalid); ingen var ugyldige.',
  },
  excluded: {
    en: '{rows} invalid registry row(s) were excluded from every number (--exclude-invalid); the problems, by kind:',
    da: '{rows} ugyldige registerrække(r) er udeladt af alle tal (--exclude-invalid); problemerne efter art:',
  },
} as const;

const fill = (t: string, v: Record<string, string | number>) => t.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? `{${k}}`));

/**
 * The sentence saying how a registry that was not UTF-8 was read, with its non-ASCII characters
 * (so that a misreading shows): the CSV readers' note (io/encoding-note.ts). `file`: the file's
 * name (stderr); default "The registry file".
 */
export function registryEncodingNote(e: RegistryEncoding, lang: Lang = 'en', file: string = TEXT.registry[lang]): string {
  return `${decodedNote(file, e, lang)}.`;
}

/** Sentences (and, for excluded rows, one line per problem group); empty when the input was used as it stood. */
export function uptakeInputNotes(a: Pick<UptakeAnalysis, 'eligibleFill' | 'excluded' | 'dateFormatDetected' | 'registryEncoding'>, lang: Lang = 'en'): string[] {
  const out: string[] = [];
  if (a.registryEncoding) out.push(registryEncodingNote(a.registryEncoding, lang));
  if (a.dateFormatDetected) out.push(fill(TEXT.dates[lang], { format: DATE_FORMAT_EXAMPLE[a.dateFormatDetected] }));
  if (a.eligibleFill) {
    const cells = a.eligibleFill.filled.map((c) => fill(TEXT.cell[lang], { region: c.region, year: c.year, from: c.fromYear }));
    out.push(cells.length === 0 ? TEXT.fillNone[lang] : fill(TEXT.fill[lang], { cells: cells.join(', ') }));
  }
  if (a.excluded) {
    if (a.excluded.rows === 0) out.push(TEXT.excludedNone[lang]);
    else {
      out.push(fill(TEXT.excluded[lang], { rows: a.excluded.rows }));
      for (const g of a.excluded.problems) out.push(`  ${formatProblemGroup(g)}`);
    }
  }
  return out;
}
