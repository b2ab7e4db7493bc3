/**
 * The no-overlap message (src/observational/observational-design.ts `noOverlapMessage`) is printed
 * by `hta analyze` and on the report page: it named every one-sided level in one ~30 KB line
 * (age typed categorical) and so published rare values ("87" only among the unexposed, inclusion
 * dates). Now a level held by fewer than the suppression threshold is counted, never named
 * (docs/observational.md "Small counts"), and at most three levels are named.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../support/run-cli.js';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { computeObservationalAnalyses } from '../../src/observational/analyze-observational.js';
import { noOverlapMessage } from '../../src/observational/observational-design.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { danishReason } from '../../src/report/failure-reasons.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { ENGLISH_WORDS as ENGLISH } from '../support/english-words.js';
import { completeRegistryRows, registryCsv } from '../support/registry-rows.js';

const basePlan = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')) as { observational: { confounders: { name: string; type: string }[] } };

describe('a confounder with levels in one group only', () => {
  it('age typed categorical: no rare age is named, the line is short, and it says the column looks numeric', () => {
    const plan = structuredClone(basePlan);
    plan.observational.confounders[0]!.type = 'categorical';
    const d = completeRegistryRows(200);
    const errors = computeObservationalAnalyses(loadTrial(parseCsvText(registryCsv(d), 'registry.csv'), parsePlan(plan))).map((a) => a.error!);
    for (const e of errors) {
      expect(e).toMatch(/^no overlap: confounder "age" has /);
      // An age it names is held by at least 5 patients (every patient is analysed here).
      for (const [, age] of e.matchAll(/"(\d+)"/g)) expect(d.rows.filter((r) => r.age === age).length).toBeGreaterThanOrEqual(5);
        expect(e.length).toBeLessThan(500);
      expect(e).toMatch(/\d+ more levels in one group only \(not named\)/);
      // No patient band: "fewer than 5 patients" beside "1 level" told that level's count.
      expect(e).not.toMatch(/fewer than|held by/);
      expect(e).toMatch(/levels are mostly numbers: if it is a number, declare it "type": "numeric"$/);
      const da = danishReason(e)!;
      expect(da).toMatch(/^intet overlap: den forstyrrende faktor "age" har .*\d+ niveauer mere kun i den ene gruppe \(ikke nævnt\)/);
      expect(da).not.toMatch(ENGLISH);
    }
  });

  it('names at most three levels held by enough patients, counts the rest, never names a rare one', () => {
    const big = ['a', 'b', 'c', 'd', 'e'].map((level) => ({ level, group: 'exposed' as const, patients: 6 }));
    const rare = [{ level: '87', group: 'unexposed' as const, patients: 1 }, { level: '2024-03-01', group: 'exposed' as const, patients: 4 }];
    const m = noOverlapMessage('referrer', [...big, ...rare], ['a', 'b', 'c', 'd', 'e', '87', '2024-03-01', 'x'], 5);
    expect(m).toBe('no overlap: confounder "referrer" has level "a" only among the exposed, and "b" only among the exposed, and "c" only among the exposed, and 4 more levels in one group only (not named), so those patients have no comparable patient in the other group; merge the level with another, or restrict the population');
    expect(danishReason(m)).toBe('intet overlap: den forstyrrende faktor "referrer" har niveauet "a" kun blandt de eksponerede, og "b" kun blandt de eksponerede, og "c" kun blandt de eksponerede, og 4 niveauer mere kun i den ene gruppe (ikke nævnt), så de patienter har ingen sammenlignelig patient i den anden gruppe; slå niveauet sammen med et andet, eller afgræns populationen');
    expect(noOverlapMessage('referrer', [{ level: 'Z', group: 'exposed', patients: 6 }], ['gp', 'Z'], 5)).toMatch(/has level "Z" only among the exposed, so /);
    // One rare level alone: counted, with no band of its patients, in English and Danish.
    const one = noOverlapMessage('referrer', [{ level: '87', group: 'unexposed', patients: 2 }], ['gp', '87'], 5);
    expect(one).toMatch(/has 1 level in one group only \(not named\), so /);
    expect(danishReason(one)).toMatch(/har 1 niveau kun i den ene gruppe \(ikke nævnt\), så /);
  });

  it('municipality codes (DST\'s C_KOM): merge them, never "type": "numeric", which would read the codes as amounts', async () => {
    // The DST-shaped export with each person's municipality, 51 of the codes 101 … 860.
    const codes = [101, 147, 151, 153, 155, 157, 159, 161, 163, 165, 167, 169, 173, 175, 183, 185, 187, 190, 201, 210, 217, 219, 223, 230, 240, 250, 253, 259, 260, 265, 269, 270, 306, 316, 320, 326, 329, 330, 336, 340, 350, 360, 370, 376, 390, 400, 410, 420, 430, 440, 860];
    const dir = tempDir();
    const [head, ...rows] = readFileSync('test/fixtures/observational/dst-missing-age.csv', 'latin1').split('\r\n');
    const csv = [`${head};C_KOM`, ...rows.map((l, i) => (l ? `${l};${codes[i % codes.length]}` : l))].join('\r\n');
    writeFileSync(join(dir, 'reg.csv'), csv, 'latin1');
    const plan = JSON.parse(readFileSync('test/fixtures/observational/dst-missing-age.plan.json', 'utf8'));
    plan.observational.confounders.push({ name: 'C_KOM', type: 'categorical' });
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const r = await runCli('analyze', join(dir, 'reg.csv'), '--plan', join(dir, 'plan.json'), '--json');
    const errors = (JSON.parse(r.stdout).analyses as { error?: string }[]).map((a) => a.error);
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      expect(e).toMatch(/^no overlap: confounder "C_KOM" has /);
      expect(e).toMatch(/; its 51 levels are whole numbers spread thinly over their range, as codes are \(a municipality, an education code\): merge them into fewer levels \(municipalities into regions\), not "type": "numeric", which would read the codes as amounts$/);
      expect(e).not.toMatch(/declare it "type": "numeric"/);
      const da = danishReason(e!)!;
      expect(da).toMatch(/; dens 51 niveauer er hele tal spredt tyndt over deres spænd, som koder er \(en kommune, en uddannelseskode\): slå dem sammen til færre niveauer \(kommuner til regioner\), ikke "type": "numeric", som ville læse koderne som mængder$/);
      expect(da).not.toMatch(ENGLISH);
    }
  });
});
