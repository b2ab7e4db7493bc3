// A resource item's key is also its price list's item name (docs/plan-cea.md#unit-costs): a Danish
// list writes `Lægekonsultation`, which the key pattern refused (`^[A-Za-z][A-Za-z0-9_]*$`), so
// the user had to rename rows of the finance department's list.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ceaPlanJsonSchema, resourceItemSchema } from '../../src/cea/cea-plan-schema.js';
import { readUnitCostFile } from '../../src/cea/load-cea-plan.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

describe('Danish item keys', () => {
  it('a key may hold letters of any alphabet (æ, ø, å), in the plan and in its JSON Schema; spaces and a leading digit are still refused', () => {
    const item = (key: string) => resourceItemSchema.safeParse({ key, column: 'c', category: 'primary-care' }).success;
    expect(['læge', 'Lægekonsultation', 'røntgen_ryg', 'fysio2'].map(item)).toEqual([true, true, true, true]);
    expect(['læge besøg', '2læge', '', 'læge-besøg'].map(item)).toEqual([false, false, false, false]);
    // A key an editor saved decomposed (å as a + ring, NFD) is a key too.
    expect(['Håndterapi'.normalize('NFD'), 'Røntgen_å'.normalize('NFD')].map(item)).toEqual([true, true]);
    const pattern = new RegExp((ceaPlanJsonSchema() as { properties: { resourceUse: { items: { properties: { key: { pattern: string } } } } } }).properties.resourceUse.items.properties.key.pattern, 'u');
    expect([pattern.test('Lægekonsultation'), pattern.test('læge besøg')]).toEqual([true, false]);
  });

  it('the price list row matches the key however the file composes its letters (NFD from macOS)', () => {
    const file = join(tempDir(), 'priser.csv');
    // å decomposes (a + U+030A); æ and ø do not.
    const nfd = 'Håndterapi'.normalize('NFD');
    expect(nfd).not.toBe('Håndterapi');
    writeFileSync(file, ['Ydelse;Enhedspris;Valuta;Kilde;Prisår', `${nfd};165,23;DKK;Takstkort;2024`, 'Røntgen;450;DKK;DRG;2024'].join('\n') + '\n');
    const costs = readUnitCostFile(file, { currency: 'DKK', priceYear: 2024, resourceUse: [{ key: 'Håndterapi'.normalize('NFC'), column: 'Hånd', category: 'physiotherapy' }] });
    // A source column named `Kilde` is the Danish source too (docs/plan-cea.md, "Unit costs").
    expect(costs).toEqual({ ['Håndterapi'.normalize('NFC')]: { cost: 165.23, source: 'Takstkort', sourceDa: 'Takstkort' } });
  });
});
