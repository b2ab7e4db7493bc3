/**
 * A SAS registry export names its id `PATID`, `SUBJID` or `USUBJID` (the SAS and CDISC names of
 * the subject). `plan init --uptake` drafted no `columns.registry.id` for them ("no column
 * recognised for id: add them …"), where the trial draft takes PATID (docs/plan-uptake.md
 * "Drafting a plan from an export"; src/uptake/registry-column-names.ts).
 */
import { expect, it } from 'vitest';
import { registryColumnsFor } from '../../src/uptake/registry-column-names.js';

it.each(['PATID', 'SUBJID', 'USUBJID', 'Subject ID'])('%s is the registry id', (name) => {
  const r = registryColumnsFor([name, 'REGION', 'CLINIC', 'REFERRED', 'ACTIVATED', 'LAST_ACTIVE', 'AGE', 'SEX', 'REFERRER']);
  expect(r.missing).toEqual([]);
  expect(r.mapping).toEqual({ id: name });
});
