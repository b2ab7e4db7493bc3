/**
 * Swedish and Norwegian registry column names are guessed by `hta plan init --uptake`
 * (src/uptake/registry-column-names.ts; docs/plan-uptake.md "Drafting a plan from an export").
 */
import { describe, expect, it } from 'vitest';
import { registryColumnsFor } from '../../src/uptake/registry-column-names.js';

describe('Nordic registry column names', () => {
  it('a Swedish export: Personnummer, Region, Vårdcentral, Remissdatum, Aktiveringsdatum, Senast aktiv, Ålder, Kön, Remittent', () => {
    const r = registryColumnsFor(['Personnummer', 'Region', 'Vårdcentral', 'Remissdatum', 'Aktiveringsdatum', 'Senast aktiv', 'Ålder', 'Kön', 'Remittent']);
    expect(r.missing).toEqual([]);
    expect(r.mapping).toEqual({ id: 'Personnummer', clinic: 'Vårdcentral', referred: 'Remissdatum', activated: 'Aktiveringsdatum', last_active: 'Senast aktiv', age: 'Ålder', sex: 'Kön', referrer: 'Remittent' });
  });

  it('a Norwegian export: Fødselsnummer, Helseforetak, Legekontor, Henvist dato, Aktivert dato, Sist aktiv, Alder, Kjønn, Henviser', () => {
    const r = registryColumnsFor(['Fødselsnummer', 'Helseforetak', 'Legekontor', 'Henvist dato', 'Aktivert dato', 'Sist aktiv', 'Alder', 'Kjønn', 'Henviser']);
    expect(r.missing).toEqual([]);
    expect(r.mapping).toMatchObject({ id: 'Fødselsnummer', region: 'Helseforetak', clinic: 'Legekontor', activated: 'Aktivert dato' });
  });
});
