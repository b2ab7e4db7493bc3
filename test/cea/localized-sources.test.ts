/**
 * Unit-cost sources and the published citation in Danish (docs/plan-cea.md): an optional
 * `source_da` column or `{ en, da }` source, and a `{ en, da }` citation; the English stays what
 * results.json keeps.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readUnitCostFile } from '../../src/cea/load-cea-plan.js';
import { parsePublishedCea } from '../../src/cea/published-cea.js';
import { ceaPlanSchema } from '../../src/cea/cea-plan-schema.js';
import { tempDir } from '../support/run-cli.js';

const plan = { currency: 'EUR', priceYear: 2021, resourceUse: [{ key: 'gp', column: 'ru_gp', category: 'primary-care' as const }, { key: 'physio', column: 'ru_physio', category: 'physiotherapy' as const }] };

describe('sources in Danish', () => {
  it('reads the optional source_da column, and leaves it out when the cell is empty', () => {
    const file = join(tempDir(), 'unit-costs.csv');
    writeFileSync(file, 'item,unit_cost,currency,price_year,source,source_da\ngp,21,EUR,2021,GP tariff,lægetakst\nphysio,33,EUR,2021,physio tariff,\n');
    const costs = readUnitCostFile(file, plan);
    expect(costs.gp).toEqual({ cost: 21, source: 'GP tariff', sourceDa: 'lægetakst' });
    expect(costs.physio).toEqual({ cost: 33, source: 'physio tariff' });
  });

  it('accepts a source and a citation in both languages, and still refuses an empty one', () => {
    const uc = ceaPlanSchema.shape.unitCosts.safeParse({ gp: { cost: 21, source: { en: 'GP tariff', da: 'lægetakst' } } });
    expect(uc.success).toBe(true);
    expect(ceaPlanSchema.shape.unitCosts.safeParse({ gp: { cost: 21, source: { da: 'lægetakst' } } }).success).toBe(false);
    const pub = { citation: { en: 'X 2024 (in the Danish patients)', da: 'X 2024 (blandt de danske patienter)' }, patients: { intervention: 1, control: 1 }, followUpMonths: 9, perspective: 'healthcare', currency: 'EUR',
      incrementalCost: { estimate: 1, ciLower: 0, ciUpper: 2 }, icer: 1, costPerResponder: {}, probabilityCostEffective: { threshold: 1, probability: 0.5 } };
    expect(parsePublishedCea(pub, 'p.json').citation).toEqual(pub.citation);
    expect(() => parsePublishedCea({ ...pub, citation: '' }, 'p.json')).toThrow();
  });
});
