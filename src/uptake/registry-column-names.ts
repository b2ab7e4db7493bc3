/**
 * The names registry exports give their columns (Danish, Norwegian, English: `CPR-løbenr`,
 * `Klinik/Praksis`, `Henvisningsdato`, `pasient_id`, ...): `hta plan init --uptake` drafts
 * `columns.registry` from them, and `hta uptake` names the mapping that reads a file lacking
 * the default names (docs/plan-uptake.md "Drafting a plan from an export").
 */
import { foldColumnName } from '../trial/column-resolver.js';
import type { RegistryColumn } from './referral.js';

/** Header names (compared without case, spaces, `_`, `-`, `.` or `/`) that mean each registry column. */
export const COLUMN_NAMES: Readonly<Record<RegistryColumn, readonly string[]>> = {
  id: ['id', 'patientid', 'pasientid', 'pid', 'personid', 'pseudoid', 'løbenr', 'lobenr', 'løbenummer', 'recordid', 'cprløbenr', 'cprlobenr', 'patientnr', 'patientnummer', 'pseudocpr'],
  region: ['region', 'helseregion', 'regionnavn', 'regionname', 'fylke', 'landsdel'],
  clinic: ['clinic', 'klinik', 'klinikk', 'kliniknr', 'klinikkode', 'clinicid', 'cliniccode', 'enhed', 'enhet', 'ydernr', 'ydernummer', 'klinikpraksis', 'praksis', 'praksisnr', 'praksisnavn', 'kliniknavn'],
  referred: ['referred', 'henvist', 'henvistdato', 'henvisningsdato', 'henvisning', 'referraldate', 'datereferred', 'referredon'],
  activated: ['activated', 'aktiveret', 'aktivert', 'aktiveringsdato', 'activationdate', 'dateactivated'],
  last_active: ['lastactive', 'sidstaktiv', 'sistaktiv', 'senestaktiv', 'lastactivity', 'lastused', 'sidstbrugt', 'sistbrukt', 'sidsteaktivitet', 'senesteaktivitet', 'sidstaktivdato'],
  age: ['age', 'alder'],
  sex: ['sex', 'gender', 'køn', 'kon', 'kjønn', 'kjonn'],
  referrer: ['referrer', 'henviser', 'henvistaf', 'henvistav', 'referredby', 'referrertype', 'henvisertype'],
};

export const nameKey = (h: string): string => foldColumnName(h).replace(/[\s_./-]+/g, '');


const ORDER = ['id', 'region', 'clinic', 'referred', 'activated', 'last_active', 'age', 'sex', 'referrer'] as const satisfies readonly RegistryColumn[];

/**
 * The file's column for each registry column: the default name itself, else the first header
 * name that is a known synonym. `mapping` holds those found by synonym (a plan's
 * `columns.registry`), `missing` the columns with neither.
 */
export function registryColumnsFor(header: readonly string[]): { index: Partial<Record<RegistryColumn, number>>; mapping: Partial<Record<RegistryColumn, string>>; missing: RegistryColumn[] } {
  const keys = header.map(nameKey);
  const index: Partial<Record<RegistryColumn, number>> = {};
  const mapping: Partial<Record<RegistryColumn, string>> = {};
  const missing: RegistryColumn[] = [];
  for (const col of ORDER) {
    const exact = header.findIndex((h) => foldColumnName(h) === col);
    const i = exact >= 0 ? exact : keys.findIndex((k) => COLUMN_NAMES[col].includes(k));
    if (i < 0) {
      missing.push(col);
      continue;
    }
    index[col] = i;
    if (exact < 0) mapping[col] = header[i]!.trim();
  }
  return { index, mapping, missing };
}
