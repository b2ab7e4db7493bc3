/**
 * Swedish personnummer and Norwegian fødselsnummer are stopped and masked as a Danish CPR number
 * is (src/io/cpr-number.ts; docs/output-safety.md "Personal identity numbers"): they used to pass
 * every check, reaching results.json from a clinic column and error messages from a date column.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeCpr, maskCpr } from '../../src/io/cpr-number.js';
import { cprShapedIds } from '../../src/trial/patient-ids.js';
import { runCli, tempDir } from '../support/run-cli.js';

// Each shape, and a number of the same length whose date part is no date.
const SHAPES: [string, string, string][] = [
  ['Swedish, twelve digits with hyphen', '19460619-1950', '19461319-1950'],
  ['Swedish, ten digits with hyphen', '460619-1950', '461319-1950'],
  ['Swedish, twelve bare digits', '194606191950', '194606321950'],
  ['Swedish, ten bare digits', '4606191950', '4613451950'],
  ['Swedish, 100 years or older', '460619+1950', '461319+1950'],
  ['Swedish samordningsnummer (day + 60)', '19460679-1950', '19460699-1950'],
  ['Swedish samordningsnummer, ten digits', '460679-1950', '460692-1950'],
  ['Norwegian fødselsnummer', '12038512345', '12138512345'],
  ['Norwegian D-nummer (day + 40)', '52038512345', '72038512345'],
  ['Norwegian with a space', '120385 12345', '121385 12345'],
];

describe('personal identity numbers of Sweden and Norway', () => {
  for (const [what, yes, no] of SHAPES) {
    it(`${what}: ${yes} is one, ${no} is not`, () => {
      expect(looksLikeCpr(yes)).toBe(true);
      expect(looksLikeCpr(no)).toBe(false);
      const masked = maskCpr(`cell "${yes}" and "${no}"`);
      expect(masked).not.toContain(yes);
      expect(masked).toContain(`"${no}"`);
    });
  }

  it('ordinary numbers are not: counts, years, dates, a twelve-digit number not from 1800–2099, thirteen digits', () => {
    for (const t of ['94000', '2025', '2025-02-08', '20250208', '123456789012', '1946061919501', '0', '99999999999']) expect(looksLikeCpr(t), t).toBe(false);
    expect(maskCpr('2025-02-08, 94000 eligible, 123456789012')).toBe('2025-02-08, 94000 eligible, 123456789012');
  });

  it('masks each shape inside a text by its own pattern', () => {
    expect(maskCpr('a 19460619-1950 b 460619+1950 c 12038512345')).toBe('a YYYYMMDD-XXXX b YYMMDD-XXXX c DDMMYYXXXXX');
  });

  it('trial ids of these shapes count as personal-number ids (the note CPR-shaped ids get)', () => {
    expect(cprShapedIds(['19460619-1950', '460619-1950', '12038512345', 'P001'])).toBe(3);
  });
});

describe('a registry with a personnummer outside the id column', () => {
  const setup = (cell: string, column: number) => {
    const dir = tempDir();
    const rows = ['Personnummer;Region;Vårdcentral;Remissdatum;Aktiveringsdatum;Senast aktiv;Ålder;Kön;Remittent'];
    const regions = ['Region Skåne', 'Västra Götalandsregionen', 'Region Jämtland Härjedalen'];
    for (let i = 0; i < 30; i++) rows.push([`P${i}`, regions[i % 3], `VC ${i % 4}`, `2025-0${(i % 9) + 1}-1${i % 10}`, '', '', `${40 + i}`, i % 2 ? 'Kvinna' : 'Man', 'Läkare'].join(';'));
    const cells = rows[5]!.split(';');
    cells[column] = cell;
    rows[5] = cells.join(';');
    writeFileSync(join(dir, 'registry.csv'), rows.join('\n') + '\n');
    writeFileSync(join(dir, 'eligible.csv'), 'Region;År;Antal\nRegion Skåne;2025;38000\nVästra Götalandsregionen;2025;53000\nRegion Jämtland Härjedalen;2025;4400\n');
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({
      currency: 'SEK', priceModel: { mode: 'all-units', volumeScope: 'national', tiers: [{ upTo: null, price: 1200 }] },
      scenarios: { low: [0.02], base: [0.05], high: [0.08] }, firstYear: 2025, suppression: { threshold: 5 },
      columns: { eligible: { year: 'År', eligible: 'Antal' }, registry: { id: 'Personnummer', region: 'Region', clinic: 'Vårdcentral', referred: 'Remissdatum', activated: 'Aktiveringsdatum', last_active: 'Senast aktiv', age: 'Ålder', sex: 'Kön', referrer: 'Remittent' } },
      values: { sex: { Kvinna: 'female', Man: 'male' }, referrer: { Läkare: 'gp' } }, exportDate: '2025-12-31', dateFormat: 'iso',
    }));
    return (...extra: string[]) => runCli('uptake', join(dir, 'registry.csv'), '--eligible', join(dir, 'eligible.csv'), '--plan', join(dir, 'plan.json'), ...extra);
  };

  for (const [cell, column, name] of [['19460619-1950', 2, 'Vårdcentral'], ['12038512345', 2, 'Vårdcentral'], ['460619-1950', 3, 'Remissdatum']] as const) {
    it(`${cell} in ${name} stops the run, named by line and column, never quoted (text and --json)`, async () => {
      const run = setup(cell, column);
      for (const extra of [[], ['--json'], ['--exclude-invalid']]) {
        const r = await run(...extra);
        expect(r.code, extra.join(' ')).toBe(2);
        const text = r.stdout + r.stderr;
        expect(text).not.toContain(cell);
        expect(text).toContain('look like CPR numbers');
        expect(text).toContain(`registry.csv:6:${column + 1} (${name})`);
      }
    });
  }

  it('the same file without it runs (the personnummer id column is fine)', async () => {
    const r = await setup('VC 1', 2)();
    expect(r.code).toBe(0);
  });
});
