/**
 * A key given twice in one object of any JSON hta reads is refused with both places: JSON.parse
 * keeps the later value silently (docs/limits.md "JSON files").
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJsonWithPositions } from '../../src/io/json-positions.js';
import { readJsonFile } from '../../src/io/read-json.js';
import { errorOf } from '../support/error-of.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

describe('a key given twice', () => {
  it('the parser keeps the later value, as JSON.parse, and names both keys', () => {
    const text = '{"a": {"mcid": 3, "mcid": 30}, "b": 1}';
    const { value, duplicateKeys } = parseJsonWithPositions(text);
    expect(value).toEqual(JSON.parse(text));
    expect(duplicateKeys).toEqual([{ path: ['a', 'mcid'], first: text.indexOf('"mcid"'), second: text.lastIndexOf('"mcid"') }]);
    // The same key in two different objects, or in a list of objects, is no repeat.
    expect(parseJsonWithPositions('{"a": {"k": 1}, "b": {"k": 2}, "c": [{"k": 1}, {"k": 1}]}').duplicateKeys).toEqual([]);
  });

  it('a trial plan with "mcid" twice on one line is refused at the later one, naming both line:column places', () => {
    const f = join(tempDir(), 'plan.json');
    writeFileSync(f, '{\n  "arms": {"intervention": "app", "control": "usual"},\n  "timepoints": ["3m"],\n  "outcomes": [\n    {"key": "rmdq", "instrument": "rmdq", "mcid": 3, "mcid": 30}\n  ]\n}\n');
    const e = errorOf(() => readJsonFile(f, 'plan'));
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(/key given twice \("mcid"\)/);
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]).toMatchObject({ line: 5, column: 54, field: 'outcomes.0.mcid', value: 'mcid' });
    expect(e.problems[0]!.expected).toMatch(/given twice, at 5:43 and 5:54/);
  });

  it('a drafted "missingCodes" above the user\'s own is refused, not replaced', () => {
    const f = join(tempDir(), 'plan.json');
    const text = '{\n  "missingCodes": ["Ved ikke"],\n  "arms": {"intervention": "app", "control": "usual"},\n  "timepoints": ["3m"],\n  "outcomes": [{"key": "rmdq", "instrument": "rmdq"}],\n  "missingCodes": [999]\n}\n';
    writeFileSync(f, text);
    const e = errorOf(() => readJsonFile(f, 'plan'));
    expect(e.problems[0]).toMatchObject({ line: 6, column: 3, field: 'missingCodes' });
    expect(e.problems[0]!.expected).toMatch(/at 2:3 and 6:3/);
  });

  it('hta plan check refuses an uptake plan whose stricter suppression threshold a bundled one below would replace (exit 2)', async () => {
    const f = join(tempDir(), 'uptake-plan.json');
    writeFileSync(
      f,
      JSON.stringify({ currency: 'DKK', suppression: { threshold: 10 }, priceModel: { mode: 'all-units', tiers: [{ upTo: null, price: 800 }] }, scenarios: { base: [0.1] }, firstYear: 2026 }, null, 2).replace(/\n}$/, ',\n  "suppression": { "threshold": 5 }\n}'),
    );
    const run = await runCli('plan', 'check', f);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/key given twice \("suppression"\)/);
    expect(run.stderr).toMatch(/uptake-plan\.json:\d+:3 \(suppression\).*given twice, at 3:3 and \d+:3/);
  });

  it('hta plan check refuses a report manifest entry with "out" twice', async () => {
    const f = join(tempDir(), 'reports.json');
    writeFileSync(f, '{\n  "reports": [\n    {"kind": "trial", "data": "trial.csv", "plan": "plan.json", "out": "a",\n     "out": "b"}\n  ]\n}\n');
    const run = await runCli('plan', 'check', f);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/reports\.json:4:6 \(reports\.0\.out\): "out" — expected the key once in its object: it is given twice, at 3:65 and 4:6/);
  });
});
