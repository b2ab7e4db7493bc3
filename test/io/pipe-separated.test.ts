/**
 * `|`-separated exports (SAS `PROC EXPORT DBMS=DLM; DELIMITER='|'`, Stata `export delimited,
 * delimiter("|")`, hospital and registry systems) read by every reader of delimited text, with
 * the same numbers as the same file written with its own separator (docs/input-trial-export.md
 * "Dialects"). Each file here is a committed fixture rewritten with `|` outside quotes, so the
 * references checked against R (or the fixture's own independent script) apply unchanged.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { HtaError } from '../../src/errors.js';
import { sniffDelimiter } from '../../src/io/dialect.js';
import { headerLayoutError } from '../../src/io/header-line.js';
import { readCsvFile } from '../../src/io/read-csv.js';
import { separatorHint } from '../../src/io/separator-hint.js';
import { readUnitCostFile } from '../../src/cea/load-cea-plan.js';
import { metaAnalyze } from '../../src/meta/meta-analyze.js';
import { readStudiesFile } from '../../src/meta/read-studies.js';
import { loadPlanFile } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { scoredExport } from '../../src/trial/scored-export.js';
import { readEligibleFile, readRegistryFile, sniffFileDelimiter } from '../../src/uptake/read-registry.js';
import { reorderedHeaders, reorderJoinCommand } from '../../src/uptake/reorder-join.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';
import { expectClose } from '../support/tolerance.js';

afterAll(removeTempDirs);

interface EffectReference { outcome: string; time: string; method: string; difference: number; pValue: number }

/** Each reference row found among `effects` with its difference and p (a fixture's own independent numbers). */
function expectReferences(effects: readonly { outcome: string; time: string; method: string; difference: number | null; pValue?: number | null }[], refs: readonly EffectReference[]): void {
  expect(refs.length).toBeGreaterThan(0);
  for (const ref of refs) {
    const row = effects.find((e) => e.outcome === ref.outcome && e.time === ref.time && e.method === ref.method)!;
    expect(row, `${ref.outcome} ${ref.time} ${ref.method}`).toBeDefined();
    expectClose(row.difference!, ref.difference);
    expectClose(row.pValue!, ref.pValue);
  }
}

/** `text` with every `from` outside double quotes replaced by `|` (a quoted `;` or `,` stays). */
function withPipes(text: string, from: string): string {
  let quoted = false;
  let out = '';
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    out += !quoted && ch === from ? '|' : ch;
  }
  return out;
}

/** The fixture `file` rewritten with `|` into a temp dir, under the same base name. */
function pipeCopy(file: string, from: string): string {
  const out = join(tempDir(), file.split('/').pop()!);
  writeFileSync(out, withPipes(readFileSync(file, 'utf8'), from));
  return out;
}

/** `run()`'s result with the file names in it made one, for comparing two reads of one table. */
const sameNames = (value: unknown, file: string, as: string): unknown => JSON.parse(JSON.stringify(value).replaceAll(JSON.stringify(file).slice(1, -1), as));

describe('sniffing `|`', () => {
  it('takes `|` only when the header has no comma, semicolon or tab outside quotes', () => {
    expect(sniffDelimiter('USUBJID|TRT01P|AVISIT|AVAL')).toBe('|');
    expect(sniffDelimiter('"id, patient"|arm|"score; total"')).toBe('|');
    // A comma file naming a column `a|b`: the comma stays.
    expect(sniffDelimiter('id,a|b,arm')).toBe(',');
    expect(sniffDelimiter('id;a|b|c;arm')).toBe(';');
    expect(sniffDelimiter('id\ta|b|c')).toBe('\t');
    // One column: as before.
    expect(sniffDelimiter('id')).toBe(',');
  });

  it('reads Excel\'s `sep=|` line as the separator, and judges a `|` header with a title above it', () => {
    expect(separatorHint('p.csv', 'sep=|\nid|arm\n1|App\n')).toEqual({ delimiter: '|', end: 6 });
    expect(headerLayoutError('p.csv', 'sep=|\nid|arm|rmdq\n1|App|5\n')).toBeUndefined();
    expect(headerLayoutError('p.csv', 'Udtræk 01-12-2025\nid|arm|rmdq\n1|App|5\n2|Kontrol|6\n')?.message).toBe(
      'p.csv: line 1 is a title, not the header: the header seems to be on line 2 (id|arm|rmdq) — delete line 1 and save again',
    );
    // A title with a `|` above a comma table is still a title.
    expect(headerLayoutError('p.csv', 'Udtræk | 2025\nid,arm,rmdq\n1,App,5\n2,Kontrol,6\n')?.message).toBe(
      'p.csv: line 1 is a title, not the header: the header seems to be on line 2 (id,arm,rmdq) — delete line 1 and save again',
    );
  });

  it('a title holding a comma above a `|` or `;` table is a title, not "no header line" (a reviewer)', () => {
    for (const [d, shown] of [['|', 'id|arm|rmdq'], [';', 'id;arm;rmdq']] as const) {
      const text = `Udtræk, 2025\n${['id', 'arm', 'rmdq'].join(d)}\n${['1', 'App', '5'].join(d)}\n${['2', 'Kontrol', '6'].join(d)}\n`;
      expect(headerLayoutError('p.csv', text)?.message).toBe(`p.csv: line 1 is a title, not the header: the header seems to be on line 2 (${shown}) — delete line 1 and save again`);
    }
  });

  it('a `|` table whose quoted free-text cell runs over two lines, the second with a comma, is no title (a reviewer)', () => {
    const text = 'id|arm|rmdq|note\n1|App|5|"first line\nsecond, with comma"\n2|Kontrol|6|\n3|App|4|\n';
    expect(headerLayoutError('p.csv', text)).toBeUndefined();
  });

  it('a `|` header whose names hold spaces is no space-separated file', () => {
    const dir = tempDir();
    const file = join(dir, 'sas.txt');
    // As many space-separated words on each line as R's write.table(quote = FALSE) would write.
    writeFileSync(file, 'Patient ID|Treatment arm|Visit name|RMDQ\nDK 001|Usual care|Week 12|7\nDK 002|App only|Week 12|5\n');
    const csv = readCsvFile(file);
    expect(csv.header).toEqual(['Patient ID', 'Treatment arm', 'Visit name', 'RMDQ']);
    expect(csv.dialect.delimiter).toBe('|');
  });
});

describe('a trial export written with `|`', () => {
  it('a Danish export with decimal commas written with `|` (excel-semicolon-wide as `|`): the cells decide the comma, and analyze gives the fixture\'s reference numbers', () => {
    const dir = 'test/fixtures/exports/excel-semicolon-wide';
    const plan = loadPlanFile(`${dir}/plan.json`);
    const pipe = pipeCopy(`${dir}/export.csv`, ';');
    const csv = readCsvFile(pipe, { duplicateNames: 'keep' });
    expect(csv.dialect.delimiter).toBe('|');
    expect(csv.dialect.decimalComma).toBe(true);
    const viaPipe = analyzeTrial(loadTrial(csv, plan), { version: 'test' });
    const viaSemicolon = analyzeTrial(loadTrial(readCsvFile(`${dir}/export.csv`, { duplicateNames: 'keep' }), plan), { version: 'test' });
    expect(sameNames(viaPipe.effects, pipe, 'export.csv')).toEqual(sameNames(viaSemicolon.effects, `${dir}/export.csv`, 'export.csv'));
    const refs = JSON.parse(readFileSync(`${dir}/expected.json`, 'utf8')) as { outcome: string; time: string; method: string; n_intervention: number; n_control: number; difference: number; ciLower: number; ciUpper: number; pValue: number }[];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const row = viaPipe.effects.find((e) => e.outcome === ref.outcome && e.time === ref.time && e.method === ref.method)!;
      expect(row, `${ref.outcome} ${ref.time} ${ref.method}`).toBeDefined();
      expect(row.n).toEqual({ intervention: ref.n_intervention, control: ref.n_control });
      for (const k of ['difference', 'ciLower', 'ciUpper', 'pValue'] as const) expectClose(row[k]!, ref[k]);
    }
  });

  it('SAS PROC EXPORT DBMS=DLM; DELIMITER=\'|\' (sas-special-missing as `|`: E notation, .A/.B): the fixture\'s reference numbers', () => {
    const dir = 'test/fixtures/exports/sas-special-missing';
    const plan = loadPlanFile(`${dir}/plan.json`);
    const pipe = pipeCopy(`${dir}/export.csv`, ',');
    expect(readFileSync(pipe, 'utf8').split('\n')[1]).toBe('1|0|4.50000E+01|1.30000E+01|1.10000E+01|1.00000E+01|9.00000E+00');
    const viaPipe = analyzeTrial(loadTrial(readCsvFile(pipe, { duplicateNames: 'keep' }), plan), { version: 'test' });
    const viaComma = analyzeTrial(loadTrial(readCsvFile(`${dir}/export.csv`, { duplicateNames: 'keep' }), plan), { version: 'test' });
    expect(sameNames(viaPipe.effects, pipe, 'export.csv')).toEqual(sameNames(viaComma.effects, `${dir}/export.csv`, 'export.csv'));
    const refs = JSON.parse(readFileSync(`${dir}/expected.json`, 'utf8')) as { outcome: string; time: string; method: string; difference: number; pValue: number }[];
    expectReferences(viaPipe.effects, refs);
  });

  it('Stata `export delimited, delimiter("|")` (stata-tab-wide as `|`): the R-checked numbers of test/reference/exports.R', () => {
    const dir = 'test/fixtures/exports/stata-tab-wide';
    const plan = loadPlanFile(`${dir}/plan.json`);
    const pipe = pipeCopy(`${dir}/export.csv`, '\t');
    const viaPipe = analyzeTrial(loadTrial(readCsvFile(pipe, { duplicateNames: 'keep' }), plan), { version: 'test' });
    const viaTab = analyzeTrial(loadTrial(readCsvFile(`${dir}/export.csv`, { duplicateNames: 'keep' }), plan), { version: 'test' });
    expect(sameNames(viaPipe.effects, pipe, 'export.csv')).toEqual(sameNames(viaTab.effects, `${dir}/export.csv`, 'export.csv'));
    const refs = (JSON.parse(readFileSync('test/reference/exports.json', 'utf8')) as { fixture: string; outcome: string; time: string; method: string; difference: number; pValue: number }[]).filter((r) => r.fixture === 'stata-tab-wide');
    expectReferences(viaPipe.effects, refs);
  });

  it('hta score writes a `|` export back with `|` and its decimal comma, a cell holding `|` quoted (no score columns for this plan: the cells as read)', () => {
    const dir = 'test/fixtures/exports/excel-semicolon-wide';
    const plan = loadPlanFile(`${dir}/plan.json`);
    const text = withPipes(readFileSync(`${dir}/export.csv`, 'utf8'), ';').replace('|App|', '|"App|1"|').replaceAll('|App|', '|"App|1"|');
    const file = join(tempDir(), 'export.txt');
    writeFileSync(file, text);
    const csv = readCsvFile(file, { duplicateNames: 'keep' });
    const out = scoredExport(csv, loadTrial(csv, { ...plan, arms: { ...plan.arms, intervention: 'App|1' } }));
    const [header, first] = out.split(/\r?\n/);
    expect(header!.startsWith('Løbenr|Gruppe|')).toBe(true);
    expect(first).toMatch(/^P001\|"App\|1"\|23-07-2025\|65\|408\.490\|19\|23\|2,2\|0,1$/);
    // Read again, the copy is the same table.
    const again = join(tempDir(), 'scored.txt');
    writeFileSync(again, out);
    const reread = readCsvFile(again);
    expect(reread.dialect).toMatchObject({ delimiter: '|', decimalComma: true });
    expect(reread.records.length).toBe(csv.records.length);
    expect([...reread.records].filter((r) => r.cells[1] === 'App|1').length).toBeGreaterThan(0);
  });

  it('a `|` file whose numbers do not show their mark (`1.250`) is refused, as a tab file is', () => {
    const file = join(tempDir(), 'dlm.txt');
    writeFileSync(file, 'id|arm|time|rmdq|income\nP1|App|baseline|5|408.490\nP2|Kontrol|baseline|6|134.379\n');
    const csv = readCsvFile(file);
    expect(csv.dialect.decimalUndecided?.count).toBe(2);
    // With one decimal comma among them, the cells decide it.
    writeFileSync(file, 'id|arm|time|rmdq|income\nP1|App|baseline|5,5|408.490\nP2|Kontrol|baseline|6|134.379\n');
    expect(readCsvFile(file).dialect).toMatchObject({ delimiter: '|', decimalComma: true });
    expect(readCsvFile(file).dialect.decimalUndecided).toBeUndefined();
  });
});

describe('the other readers', () => {
  it('the meta studies file (selfback-studies.csv as `|`, a quoted citation with commas and semicolons): the same pooled results', () => {
    const plan = loadPlanFile('data/plans/selfback.plan.json');
    const src = 'data/published/selfback-studies.csv';
    const pipe = pipeCopy(src, ',');
    expect(readFileSync(pipe, 'utf8')).toContain('"Sandal et al., JAMA Intern Med 2021;181(10):1288-1296"|rmdq');
    const options = { version: 'test', plan, direction: 'lower-is-better' as const };
    const viaPipe = metaAnalyze(readStudiesFile(pipe), options);
    const viaComma = metaAnalyze(readStudiesFile(src), options);
    expect(sameNames(viaPipe, pipe, 'studies.csv')).toEqual(sameNames(viaComma, src, 'studies.csv'));
    // And metafor's fixed-effect estimates (test/reference/meta-cli-selfback.R).
    const R = JSON.parse(readFileSync('test/reference/meta-cli-selfback.json', 'utf8')) as { groups: { outcome: string; time: string; fixed: { estimate: number; se: number } }[] };
    expect(R.groups.length).toBeGreaterThan(0);
    for (const g of R.groups.filter((x) => !('subgroupTest' in x))) {
      // The group's own row: pooled over whole trials, or the one subgroup its estimates all come from.
      const rows = viaPipe.pooled.filter((p) => p.outcome === g.outcome && p.time === g.time && p.model !== 'random');
      const row = rows.find((p) => p.subgroup === null) ?? (rows.length === 1 ? rows[0] : undefined);
      expect(row, `${g.outcome} ${g.time}`).toBeDefined();
      expectClose(row.estimate, g.fixed.estimate);
      expectClose(row.se, g.fixed.se);
    }
  });

  it('the eligible file and the registry (registry-dk-excel as `|`): the same rows and counts', async () => {
    const dir = 'test/fixtures/exports/registry-dk-excel';
    const plan = JSON.parse(readFileSync(`${dir}/uptake.plan.json`, 'utf8')) as { columns: { registry: Record<string, string>; eligible: Record<string, string> } };
    // Counts grouped with `.` in a `|` file, which does not say its mark as Danish Excel's `;`
    // does: 31.488 is no whole number of people as a decimal, so the `.` groups thousands and the
    // rows are those of the `;` file (uptake/eligible-count-mark.ts; refused until 6 December 2026).
    const eligible = pipeCopy(`${dir}/eligible.csv`, ';');
    const semicolon = readEligibleFile(`${dir}/eligible.csv`, { columns: plan.columns.eligible }).rows;
    expect(semicolon.some((r) => r.eligible === 31488)).toBe(true);
    expect(sameNames(readEligibleFile(eligible, { columns: plan.columns.eligible }).rows, eligible, 'e')).toEqual(sameNames(semicolon, `${dir}/eligible.csv`, 'e'));
    // Only counts that are whole either way (31.000: 31 or 31000) leave it undecided: refused.
    const whole = join(tempDir(), 'eligible-whole.txt');
    writeFileSync(whole, readFileSync(eligible, 'utf8').replace(/(\d{1,3})\.\d{3}/g, '$1.000'));
    expect(() => readEligibleFile(whole, { columns: plan.columns.eligible })).toThrow(/does not show its decimal mark/);
    // Counts written plainly are read: the same rows as with commas.
    const plain = 'test/uptake/fixtures/small-three-regions/eligible.csv';
    const plainPipe = pipeCopy(plain, ',');
    const rows = readEligibleFile(plainPipe).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(sameNames(rows, plainPipe, 'e')).toEqual(sameNames(readEligibleFile(plain).rows, plain, 'e'));

    const registry = pipeCopy(`${dir}/registry.csv`, ';');
    expect(await sniffFileDelimiter(registry)).toBe('|');
    const options = { columns: plan.columns.registry, dateFormat: 'dd.mm.yyyy' as const, exportDate: '2026-12-31' };
    const viaPipe = await readRegistryFile(registry, options);
    const viaSemicolon = await readRegistryFile(`${dir}/registry.csv`, options);
    expect(viaPipe.aggregate.rows).toBeGreaterThan(0);
    expect(sameNames(viaPipe, registry, 'r')).toEqual(sameNames(viaSemicolon, `${dir}/registry.csv`, 'r'));
  });

  it('the unit-cost price list (priser.csv as `|`: "1.234,50", `1.340` kroner, 67,-): the same amounts', () => {
    const src = 'test/fixtures/exports/unit-costs-finance/priser.csv';
    const pipe = pipeCopy(src, ';');
    const items = ['gp', 'physio', 'chiro', 'specialist', 'imaging', 'medication', 'hospital', 'sick_leave'];
    const plan = { currency: 'DKK', priceYear: 2023, resourceUse: items.map((key) => ({ key, column: `ru_${key}`, category: 'primary-care' as const })) };
    const costs = (file: string) => Object.fromEntries(Object.entries(readUnitCostFile(file, plan)).map(([k, v]) => [k, v.cost]));
    expect(readCsvFile(pipe).dialect.delimiter).toBe('|');
    // The amounts as read off the file by eye (as test/cea/unit-cost-file.test.ts).
    expect(costs(pipe)).toEqual({ gp: 156.25, physio: 1234.5, chiro: 250, specialist: 1950, imaging: 1340, medication: 67, hospital: 10400, sick_leave: 1600 });
    expect(costs(pipe)).toEqual(costs(src));
  });
});

describe('two `|` registries with their columns in another order', () => {
  it('are joined by name with awk splitting on `|`', () => {
    const r = reorderedHeaders(['id|region|referred', 'referred|id|region'])!;
    expect(r).toEqual({ delimiter: '|', exact: true });
    expect(reorderJoinCommand(['a.txt', 'b.txt'], 'joined.txt', r.delimiter)).toMatch(/^LC_ALL=C awk -F '\|' /);
  });

  // The printed command itself, run where awk is (every Linux and macOS machine; a reviewer ran it by hand).
  it.runIf(spawnSync('sh', ['-c', 'command -v awk']).status === 0).each([',', '|'] as const)('the printed join runs: the second file\'s columns in the first\'s order (%s)', (d) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), ['id', 'region', 'referred'].join(d) + '\n' + ['1', 'Nord', '2025-01-01'].join(d) + '\n');
    writeFileSync(join(dir, 'b.txt'), ['referred', 'id', 'region'].join(d) + '\r\n' + ['2025-02-01', '2', 'Syd'].join(d) + '\r\n');
    const run = spawnSync('sh', ['-c', reorderJoinCommand(['a.txt', 'b.txt'], 'joined.txt', d)], { cwd: dir, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(dir, 'joined.txt'), 'utf8')).toBe([['id', 'region', 'referred'], ['1', 'Nord', '2025-01-01'], ['2', 'Syd', '2025-02-01']].map((r) => r.join(d)).join('\n') + '\n');
  });
});

describe('refusals still name the separators', () => {
  it('an unread separator (`:`) names `|` among the ones read', () => {
    const file = join(tempDir(), 'colon.csv');
    writeFileSync(file, 'id:arm:time:rmdq_1:rmdq_2:rmdq_3:rmdq_4:rmdq_5:rmdq_6:rmdq_7\nP1:App:baseline:1:0:1:0:1:0:1\n');
    try {
      loadTrial(readCsvFile(file), loadPlanFile('data/plans/selfback.plan.json'));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(HtaError);
      expect((e as HtaError).problems[0]!.expected).toContain('commas, semicolons, tabs or "|"');
    }
  });
});
