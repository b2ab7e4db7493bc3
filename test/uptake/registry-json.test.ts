/**
 * A file is named JSON alike as the registry and as any CSV input: one test of its first bytes
 * (src/io/looks-like-json.ts), so a file the eligible reader calls JSON is not "not valid CSV" as
 * the registry (docs/input-registry.md "Dialects").
 */
import { describe, expect, it } from 'vitest';
import { notCsvFile } from '../../src/io/read-csv.js';
import { jsonRegistry } from '../../src/uptake/registry-json.js';

describe('JSON first bytes', () => {
  it.each(['[{"id":"P1"}]', '[]', '{"id":"P1"}', '\uFEFF  [\n', '{ ', 'id;region\nP1;Hovedstaden\n', '"[id]";region\n'])('%j is JSON to the registry reader exactly when it is to the CSV reader', (text) => {
    const head = Buffer.from(text);
    expect(jsonRegistry('r.csv', head) !== undefined).toBe(notCsvFile('r.csv', head) !== undefined);
  });
});
