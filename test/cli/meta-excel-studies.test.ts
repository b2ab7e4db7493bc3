/**
 * `hta meta` on a studies spreadsheet as an analyst saves it from Danish Excel
 * (test/fixtures/exports/studies-excel-dk/, docs/input-studies.md): BOM, `;`, CRLF, decimal
 * comma, columns in another order and capitalised, the outcome written `RMDQ`, a label with æøå
 * and a comma in quotes, a citation with a line break inside quotes, a `;;;;` row and an empty
 * last line. It must give exactly what the same studies give as a plain comma file with the
 * contract's names (studies-plain.csv): the plain file is the independent reference.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MetaResults } from '../../src/meta/meta-results-schema.js';
import { runCli } from '../support/run-cli.js';

const DIR = 'test/fixtures/exports/studies-excel-dk';
const PLAN = 'data/plans/selfback.plan.json';

async function metaJson(file: string): Promise<MetaResults> {
  const r = await runCli('meta', join(DIR, file), '--plan', PLAN, '--json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as MetaResults;
}

/** A result without what names the file, its lines and the outcome's spelling. */
function numbers(r: MetaResults) {
  const drop = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'outcome' && k !== 'line'));
  return { outcomes: r.outcomes.map(drop), pooled: r.pooled.map(drop), studies: r.studies.map(drop) };
}

describe('hta meta on a studies spreadsheet saved from Danish Excel', () => {
  it('pools the same numbers as the plain file, with the plan\'s MCID and direction for RMDQ, the citation on one line and the lines as in the file', async () => {
    const [excel, plain] = await Promise.all([metaJson('studier.csv'), metaJson('studies-plain.csv')]);
    expect(numbers(excel)).toEqual(numbers(plain));
    expect(excel.outcomes[0]).toMatchObject({ outcome: 'RMDQ', mcid: 5, mcidSource: 'plan', direction: 'lower-is-better', directionSource: 'plan' });
    expect(excel.studies.map((s) => [s.study, s.line])).toEqual([['Sandal 2021', 2], ['Æbelø, Ørsted & Å 2022', 4], ['Trial C 2023', 5]]);
    expect(excel.studies[0]!.citation).toBe('Sandal et al., JAMA Intern Med 2021;181(10):1288-1296');
  });

  it('reads group sizes with a thousands dot (1.234) and a PDF minus sign (−0,79) as the plain file\'s 1234 and -0.79', async () => {
    const [excel, plain] = await Promise.all([metaJson('thousands.csv'), metaJson('thousands-plain.csv')]);
    expect(numbers(excel)).toEqual(numbers(plain));
    expect(excel.studies[0]!.arms).toMatchObject({ nIntervention: 1234, nControl: 1118, meanIntervention: 7.9 });
  });

  it('refuses a column under another usual name (lower/upper) instead of leaving the interval unread', async () => {
    const r = await runCli('meta', join(DIR, 'lower-upper.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('lower-upper.csv:1:5: "lower" — expected the column name ci_lower');
    expect(r.stderr).toContain('lower-upper.csv:1:6: "upper" — expected the column name ci_upper');
    expect(r.stdout).toBe('');
  });

  it('refuses labels that differ only in case or spaces (one trial counted twice, one outcome split in two pools)', async () => {
    const r = await runCli('meta', join(DIR, 'spellings.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('spellings.csv:4:1 (study): "sandal 2021" — expected the same spelling as "Sandal 2021" on line 2');
    expect(r.stderr).toContain('spellings.csv:5:2 (outcome): "RMDQ" — expected the same spelling as "rmdq" on line 2');
    // `3 m` and `3m` are one follow-up (docs/input-studies.md#follow-up-times): line 6 repeats line 3.
    expect(r.stderr).toContain('spellings.csv:6:1 (study): "Trial B 2022" — expected one row per study, outcome, time, measure and subgroup (line 3 has the same): follow-up "3 m" here and "3m" there are one time, 3m; its numbers are the same too, so it is one result entered twice: keep one row');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
