import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metaResultsJsonSchema } from '../../src/meta/meta-results-schema.js';

const FILE = 'schemas/meta-results.schema.json';

describe('schemas/meta-results.schema.json', () => {
  it('is the JSON Schema generated from the zod schema (UPDATE_SCHEMAS=1 rewrites it)', () => {
    const generated = JSON.stringify(metaResultsJsonSchema(), null, 2) + '\n';
    if (process.env.UPDATE_SCHEMAS) writeFileSync(FILE, generated);
    expect(readFileSync(FILE, 'utf8')).toBe(generated);
  });
});
