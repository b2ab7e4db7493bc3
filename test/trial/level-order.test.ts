// Table 1 lists a categorical characteristic's levels as the codes run (src/trial/level-order.ts):
// a stratum's "RMDQ > 12" came before "RMDQ ≤ 12" ("≤" sorts after ">" by code unit), site 10 before site 2.
import { describe, expect, it } from 'vitest';
import { compareLevels } from '../../src/trial/level-order.js';
import { baselineTable } from '../../src/trial/baseline-table.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';

describe('the order of levels in Table 1', () => {
  it('comparison signs small to large, numbers as numbers, the rest by code unit as before', () => {
    expect(['RMDQ > 12', 'RMDQ ≤ 12'].sort(compareLevels)).toEqual(['RMDQ ≤ 12', 'RMDQ > 12']);
    expect(['≥ 65 år', '< 65 år'].sort(compareLevels)).toEqual(['< 65 år', '≥ 65 år']);
    expect(['10', '2', '1'].sort(compareLevels)).toEqual(['1', '2', '10']);
    expect(['Site 10', 'Site 2'].sort(compareLevels)).toEqual(['Site 2', 'Site 10']);
    expect(['M', 'F', 'K'].sort(compareLevels)).toEqual(['F', 'K', 'M']);
    expect(['b', 'B', 'a'].sort(compareLevels)).toEqual(['B', 'a', 'b']);
    expect(['1', '-1', 'A'].sort(compareLevels)).toEqual(['-1', '1', 'A']);
  });
  it('a stratum column of a label export', () => {
    const rows = Array.from({ length: 12 }, (_, i) => `${i + 1},${i % 2 ? 'app' : 'usual'},${i % 3 ? 'RMDQ > 12' : 'RMDQ ≤ 12'},baseline,${i % 9}`);
    const t = loadTrial(parseCsvText(`id,arm,stratum,time,nrs\n${rows.join('\n')}\n`, 't.csv'), parsePlan({ arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], allTimepoints: ['baseline', '3m'], covariates: ['stratum'], outcomes: [{ key: 'nrs', instrument: 'nrs' }] }));
    const row = baselineTable(t, []).rows.find((r) => r.key === 'stratum')!;
    expect(row.arms.control.kind === 'categorical' && row.arms.control.levels.map((l) => l.level)).toEqual(['RMDQ ≤ 12', 'RMDQ > 12']);
  });
});
