import { describe, expect, it } from 'vitest';
import { withDuckDb } from '../../src/uptake/engine/duckdb-session.js';
import { sampleTexts } from '../../src/uptake/engine/value-dictionaries.js';

// A sample that read fewer rows than it asked for read the whole file: its texts are all there
// are (registry-engine.ts then builds the lookup tables from them alone).
describe('sampleTexts', () => {
  it('says whether the sample read every row, with the distinct texts of what it read', async () => {
    await withDuckDb({ threads: 1 }, async (db) => {
      await db.run(`CREATE TABLE t AS SELECT * FROM (VALUES
        ('A', 'c1', 'f', 'gp', '30', '2025-01-02', '', ''),
        ('A', 'c2', 'm', 'gp', '', '2025-01-03', '2025-01-04', ''),
        ('B', 'c1', 'f', 'physio', '30', '2025-01-02', '', '')
      ) v(region, clinic, sex, referrer, age, referred, activated, last_active)`);
      const all = await sampleTexts(db, 4, 't');
      expect(all.wholeFile).toBe(true);
      expect(all.texts.region.sort()).toEqual(['A', 'B']);
      expect(all.texts.activated.sort()).toEqual(['', '2025-01-04']);
      expect((await sampleTexts(db, 3, 't')).wholeFile).toBe(false);
      expect((await sampleTexts(db, 2, 't')).wholeFile).toBe(false);
    });
  });
});
