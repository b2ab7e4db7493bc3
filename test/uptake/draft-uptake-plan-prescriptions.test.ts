/**
 * `hta plan init --uptake` on a GP-side export: `Receptdato` (the prescription of the app is its
 * referral) is drafted as the referral date; and when no referral date can be read, firstYear is
 * the year after the export's, not after the run's clock (found in review: 2027 drafted for an
 * export of 2025, so the eligible file lacked the last scenario years).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftUptakePlan } from '../../src/uptake/draft-uptake-plan.js';

const rows = [
  '1;Sjælland;039909;12-03-2024;13-04-2024;17-08-2024;42;Kvinde;Almen praksis',
  '2;Sjælland;039909;02-05-2025;;;51;Mand;Almen praksis',
  '3;Sjælland;011601;20-10-2025;25-10-2025;31-10-2025;67;Kvinde;Almen praksis',
];
const write = (dateColumn: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'hta-draft-rx-')), 'registry.csv');
  writeFileSync(file, [`PatientNøgle;Region;Ydernummer;${dateColumn};Aktiveringsdato;Sidst aktiv;Alder;Køn;Henvisertype`, ...rows].join('\r\n') + '\r\n');
  return file;
};

describe('plan init --uptake on prescriptions', () => {
  it('reads Receptdato as the referral date, firstYear after its last year', () => {
    const draft = draftUptakePlan(write('Receptdato'));
    expect(draft.plan.columns?.registry?.referred).toBe('Receptdato');
    expect(draft.plan.firstYear).toBe(2026);
  });

  it('with no referral date read, firstYear is the year after the export date\'s', () => {
    const draft = draftUptakePlan(write('Udstedt'));
    expect(draft.plan.columns?.registry?.referred).toBeUndefined();
    expect(draft.plan.exportDate).toBe('2025-10-31');
    expect(draft.plan.firstYear).toBe(2026);
    expect(draft.notes.join('\n')).toContain('firstYear 2026: the year after the export date\'s (2025-10-31), as no referral date could be read');
  });
});
