/**
 * The names registry exports give their columns (Danish, Norwegian, Swedish, English: `CPR-løbenr`,
 * `Klinik/Praksis`, `Henvisningsdato`, `pasient_id`, `Fødselsnummer`, `Vårdcentral`, `Remissdatum`, ...): `hta plan init --uptake` drafts
 * `columns.registry` from them, and `hta uptake` names the mapping that reads a file lacking
 * the default names (docs/plan-uptake.md "Drafting a plan from an export").
 */
import { foldColumnName } from '../trial/column-resolver.js';
import type { RegistryColumn, RegistryColumnNames } from './referral.js';

/** Header names (compared without case, spaces, `_`, `-`, `.` or `/`) that mean each registry column. */
export const COLUMN_NAMES: Readonly<Record<RegistryColumn, readonly string[]>> = {
  id: ['id', 'patientid', 'pasientid', 'pid', 'personid', 'pseudoid', 'løbenr', 'lobenr', 'løbenummer', 'recordid', 'cprløbenr', 'cprlobenr', 'patientnr', 'patientnummer', 'pseudocpr',
    // Norwegian and Swedish personal numbers as the id: fine in the id column, never printed (docs/output-safety.md).
    'fødselsnummer', 'fodselsnummer', 'fnr', 'personnummer', 'personnr', 'löpnr', 'lopnr', 'löpnummer', 'lopnummer',
    // SAS and CDISC names of the subject (`PATID`, `SUBJID`, `USUBJID`), as a SAS registry export writes them.
    'patid', 'subjid', 'usubjid', 'subjectid'],
  // Regionskode: the DAGI code 1081–1085, read as the region (regions.ts).
  region: ['region', 'helseregion', 'regionnavn', 'regionsnavn', 'regionname', 'regionskode', 'regionkode', 'regionsnr', 'regionnr', 'regioncode', 'regionid', 'fylke', 'landsdel',
    'helseforetak', 'hf', 'län', 'lan', 'landsting', 'regionnamn'],
  clinic: ['clinic', 'klinik', 'klinikk', 'kliniknr', 'klinikkode', 'clinicid', 'cliniccode', 'enhed', 'enhet', 'ydernr', 'ydernummer', 'klinikpraksis', 'praksis', 'praksisnr', 'praksisnavn', 'kliniknavn',
    'behandlingssted', 'behandlingsstedsnavn', 'behandlingsstedkode', 'behandlingsstedskode', 'practice', 'practicename', 'site', 'sitename',
    'legekontor', 'fastlegekontor', 'legesenter', 'vårdcentral', 'vardcentral', 'vårdcentralen', 'vårdenhet', 'vardenhet', 'hälsocentral', 'halsocentral', 'mottagning'],
  referred: ['referred', 'henvist', 'henvistdato', 'henvisningsdato', 'henvisningsdag', 'henvisning', 'referraldate', 'datereferred', 'referredon', 'remissdatum', 'remiss', 'remitterad', 'remissdag',
    // A prescribed app (GP-side exports): the prescription is the referral.
    'receptdato', 'receptdag', 'ordinationsdato', 'ordineretdato', 'prescriptiondate', 'dateprescribed', 'prescribedon', 'reseptdato', 'forskrivningsdato', 'förskrivningsdatum'],
  activated: ['activated', 'aktiveret', 'aktiveretdato', 'aktivert', 'aktiveringsdato', 'aktivering', 'activationdate', 'dateactivated', 'aktivertdato', 'aktiveringsdatum', 'aktiverad', 'aktiveraddatum'],
  last_active: ['lastactive', 'sidstaktiv', 'sistaktiv', 'senestaktiv', 'lastactivity', 'lastused', 'sidstbrugt', 'sistbrukt', 'sidsteaktivitet', 'senesteaktivitet', 'sidstaktivdato', 'sistaktivdato', 'senastaktiv', 'senastaktivdatum', 'senastanvänd'],
  age: ['age', 'alder', 'alderår', 'alderiår', 'ageyears', 'ageinyears', 'patientalder', 'ålder'],
  sex: ['sex', 'gender', 'køn', 'kon', 'kjønn', 'kjonn', 'koen', 'kön'],
  referrer: ['referrer', 'henviser', 'henvistaf', 'henvistav', 'referredby', 'referrertype', 'henvisertype', 'henvisende', 'henvisendeinstans', 'henvisningsinstans', 'henvisningskilde', 'referralsource', 'remittent', 'remitterande', 'remitterandeinstans', 'remissavsändare'],
};

/** Names of an age-band column (`Aldersgruppe`): drafted as `columns.registry.ageBand` (age-bands.ts). */
export const AGE_BAND_NAMES: readonly string[] = ['aldersgruppe', 'aldersgrupper', 'aldersinterval', 'alderskategori', 'aldersgruppeår', 'agegroup', 'ageband', 'agecategory', 'agerange'];

export const nameKey = (h: string): string => foldColumnName(h).replace(/[\s_./-]+/g, '');


/**
 * A header name as a message prints it outside quotes: a line break in it (a header cell Excel
 * wrapped with Alt+Enter) written `\n` (a CR `\r`, so `last\r\nactive` is not shown as the
 * different name `last\nactive`), as JSON writes it in the plan's `columns.registry`.
 */
export const oneLine = (h: string): string => h.trim().replace(/\r/g, '\\r').replace(/\n/g, '\\n');

const ORDER = ['id', 'region', 'clinic', 'referred', 'activated', 'last_active', 'age', 'sex', 'referrer'] as const satisfies readonly RegistryColumn[];

/**
 * The file's column for each registry column: the default name itself, else the first header
 * name that is a known synonym. `mapping` holds those found by synonym (a plan's
 * `columns.registry`; an age-band column as `ageBand`), `missing` the columns with neither.
 */
export function registryColumnsFor(header: readonly string[]): { index: Partial<Record<RegistryColumn, number>>; mapping: RegistryColumnNames; missing: RegistryColumn[] } {
  const keys = header.map(nameKey);
  const index: Partial<Record<RegistryColumn, number>> = {};
  const mapping: RegistryColumnNames = {};
  const missing: RegistryColumn[] = [];
  for (const col of ORDER) {
    const exact = header.findIndex((h) => foldColumnName(h) === col);
    let i = exact >= 0 ? exact : keys.findIndex((k) => COLUMN_NAMES[col].includes(k));
    // No age column: an age-band column is read in its place (docs/input-registry.md "Age bands").
    const band = col === 'age' && i < 0 ? keys.findIndex((k) => AGE_BAND_NAMES.includes(k)) : -1;
    if (band >= 0) i = band;
    if (i < 0) {
      missing.push(col);
      continue;
    }
    index[col] = i;
    if (band >= 0) mapping.ageBand = header[i]!.trim();
    else if (exact < 0) mapping[col] = header[i]!.trim();
  }
  return { index, mapping, missing };
}

/**
 * The other header columns that name registry column `col`, read at index `at`: the same name
 * again (`activated` twice), or a variant of it in case or spacing (`Activated`, `last active`
 * beside `last_active`: names compare as `nameKey` does; a name the plan maps, `mapped`, only
 * without case) — a second copy of the field, such as
 * an Excel user's corrected copy added at the end of the sheet. hta reads one column per field
 * and does not pick one (docs/input-registry.md "One column per field"). A known synonym beside
 * it (`Regionskode` beside `region`, `Praksisnavn` beside `clinic`) is a related column, not a
 * copy: not counted here (`unreadSynonymNotes`). A column the plan maps to another field is not counted.
 */
export function otherColumnsNaming(header: readonly string[], col: RegistryColumn, at: number, mapped: string | undefined, taken: ReadonlySet<number>): number[] {
  // The plan's own name picks one column exactly (without case): only the same name again is a second copy.
  const key = mapped === undefined ? nameKey : foldColumnName;
  const own = key(mapped ?? col);
  const others: number[] = [];
  for (const [j, h] of header.entries()) {
    if (j === at || taken.has(j) || h.trim() === '') continue;
    if (key(h) === own) others.push(j);
  }
  return others;
}

/**
 * Columns read under hta's default name (`clinic`) beside a known synonym of it (`Praksisnavn`,
 * `Ydernr`): the default name is read, as it always was, and a note names the other column and
 * the mapping that would read it instead (docs/input-registry.md "One column per field"). The
 * synonym is often a different thing (a practice's name beside its code, a hospital department
 * beside the GP clinic), so it is never read without the plan saying so. `index`: the columns
 * read (-1 or absent: none); `names`: the plan's `columns.registry`.
 */
export function unreadSynonymNotes(file: string, header: readonly string[], index: Partial<Record<RegistryColumn, number>>, names: RegistryColumnNames, lang: 'en' | 'da' = 'en'): string[] {
  const taken = new Set(Object.values(index).filter((i): i is number => i !== undefined && i >= 0));
  const notes: string[] = [];
  for (const col of ORDER) {
    const at = index[col];
    const mapped = col === 'age' ? names.ageBand ?? names.age : names[col];
    if (at === undefined || at < 0 || mapped !== undefined || foldColumnName(header[at] ?? '') !== col) continue;
    const others = header.flatMap((h, j) => (j !== at && !taken.has(j) && COLUMN_NAMES[col].includes(nameKey(h)) && nameKey(h) !== nameKey(col) ? [j] : []));
    if (others.length === 0) continue;
    const write = `"columns": { "registry": { ${JSON.stringify(col)}: ${JSON.stringify(header[others[0]!]!.trim())} } }`;
    const keep = `{ ${JSON.stringify(col)}: ${JSON.stringify(header[at]!.trim())} }`;
    if (lang === 'da') {
      const shownDa = others.map((j) => `${JSON.stringify(oneLine(header[j]!))} (kolonne ${j + 1})`).join(' og ');
      notes.push(`${file}: registerets ${col} læses fra kolonnen "${col}" (kolonne ${at + 1}), hta's standardnavn; ${shownDa} ${others.length === 1 ? 'er et andet navn' : 'er andre navne'}, hta kender for den, og læses ikke — for at læse ${others.length === 1 ? 'den' : 'en af dem'} i stedet, så angiv den i uptake-planen: ${write}; for at beholde denne læsning og undgå denne note: ${keep} (docs/input-registry.md "One column per field")`);
      continue;
    }
    const shown = others.map((j) => `${JSON.stringify(oneLine(header[j]!))} (column ${j + 1})`).join(' and ');
    notes.push(`${file}: the registry's ${col} is read from the column named "${col}" (column ${at + 1}), hta's default name; ${shown} ${others.length === 1 ? 'is another name' : 'are other names'} hta knows for it, not read — to read ${others.length === 1 ? 'it' : 'one of them'} instead, name it in the uptake plan: ${write}; to keep this reading and silence this note: ${keep} (docs/input-registry.md "One column per field")`);
  }
  return notes;
}
