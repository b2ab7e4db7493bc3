/**
 * Exports saved by Danish Excel as "CSV (semikolonsepareret)": Windows-1252, not UTF-8
 * (test/fixtures/exports/excel-windows-1252/, docs/input-trial-export.md "Encodings"). Such a
 * file is read, with a note naming its letters, and gives exactly what its "CSV UTF-8" twin gives;
 * code page 850 and a file mixing UTF-8 with Windows-1252 are refused at their line. Effects are
 * checked against expected.json, which make-s9-fixtures.py computes from the raw bytes with
 * Python's own cp1252 codec, csv module and numpy/scipy.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvBytes, readCsvFile } from '../../src/io/read-csv.js';
import { noteIn, readUnitCostFile } from '../../src/cea/load-cea-plan.js';
import { trialReportKind } from '../../src/report/kinds/trial-report.js';
import { reportEnv } from '../support/report-env.js';
import { runCli, tempDir } from '../support/run-cli.js';
import { expectClose } from '../support/tolerance.js';

const DIR = 'test/fixtures/exports/excel-windows-1252';

interface Ref {
  outcome: string;
  time: string;
  method: string;
  n_intervention: number;
  n_control: number;
  difference: number;
  ciLower: number;
  ciUpper: number;
  pValue: number;
}

describe('a trial export saved as Windows-1252 (Danish Excel "CSV (semikolonsepareret)")', () => {
  it('is read: analyze agrees with numpy on the cp1252 bytes, notes the encoding and its letters, and records it in the results', async () => {
    const before = readFileSync(`${DIR}/export.csv`);
    const a = await runCli('analyze', `${DIR}/export.csv`, '--plan', `${DIR}/plan.json`, '--json');
    expect(a.code, a.stderr).toBe(0);
    expect(a.stderr).toContain('export.csv is not UTF-8: read as Windows-1252');
    expect(a.stderr).toMatch(/its characters ø æ ’ – € Æ “ ” ½ å\)/);
    const result = JSON.parse(a.stdout) as { input: { encoding?: string }; effects: (Ref & { n: { intervention: number; control: number } })[] };
    expect(result.input.encoding).toBe('windows-1252');
    const refs = JSON.parse(readFileSync(`${DIR}/expected.json`, 'utf8')) as Ref[];
    expect(refs.length).toBe(4);
    for (const ref of refs) {
      const row = result.effects.find((e) => e.outcome === ref.outcome && e.time === ref.time && e.method === ref.method);
      expect(row, `${ref.outcome} ${ref.method}`).toBeDefined();
      expect(row!.n).toEqual({ intervention: ref.n_intervention, control: ref.n_control });
      for (const k of ['difference', 'ciLower', 'ciUpper', 'pValue'] as const) expectClose(row![k], ref[k]);
    }
    expect(readFileSync(`${DIR}/export.csv`).equals(before)).toBe(true);
  });

  it('gives the same results as its "CSV UTF-8" twin, whose results carry no encoding', async () => {
    const [cp, utf8] = await Promise.all([
      runCli('analyze', `${DIR}/export.csv`, '--plan', `${DIR}/plan.json`, '--json'),
      runCli('analyze', `${DIR}/export-utf8.csv`, '--plan', `${DIR}/plan.json`, '--json'),
    ]);
    expect(utf8.code, utf8.stderr).toBe(0);
    expect(utf8.stderr).not.toContain('Windows-1252');
    const strip = (s: string) => {
      const j = JSON.parse(s) as { input: Record<string, unknown> };
      delete j.input.file;
      delete j.input.encoding;
      return j;
    };
    expect(JSON.parse(utf8.stdout).input.encoding).toBeUndefined();
    expect(strip(cp.stdout)).toEqual(strip(utf8.stdout));
  });

  it('reads every cell as its twin does, the free text with “”, –, €, ½ and ’ included, in any chunking', () => {
    const twin = parseCsvBytes(readFileSync(`${DIR}/export-utf8.csv`), 'twin');
    const cells = (t: { records: Iterable<{ cells: (string | null)[] }> }) => [...t.records].map((r) => r.cells);
    for (const chunkBytes of [7, 64, 4 * 1024 * 1024]) {
      const t = readCsvFile(`${DIR}/export.csv`, { chunkBytes });
      expect(t.header).toEqual(twin.header);
      expect(cells(t)).toEqual(cells(twin));
      expect(t.dialect.windows1252?.characters).toBe('øæ’–€Æ“”½å');
    }
    const inMemory = parseCsvBytes(readFileSync(`${DIR}/export.csv`), 'export.csv');
    expect(cells(inMemory)).toEqual(cells(twin));
    expect(cells(twin).flat()).toContain('Pt. siger “det hjælper”');
  });

  it('plan init drafts from it (the intervention "App og vanlig behandling" is not taken for the control) and the draft validates', async () => {
    const out = join(tempDir(), 'plan.json');
    const init = await runCli('plan', 'init', `${DIR}/export.csv`, '--out', out);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stderr).toContain('read as Windows-1252');
    const plan = JSON.parse(readFileSync(out, 'utf8')) as { columns: { id: string }; arms: { intervention: string; control: string } };
    expect(plan.columns.id).toBe('Løbenr');
    expect(plan.arms).toEqual({ intervention: 'App og vanlig behandling', control: 'Sædvanlig behandling' });
    const v = await runCli('validate', `${DIR}/export.csv`, '--plan', out, '--json');
    expect(v.code, v.stderr).toBe(0);
  });

  it('the trial page says in its methods how the export was read, in English and Danish; the UTF-8 twin\'s page does not', async () => {
    const methods = async (lang: 'en' | 'da', data: string) => {
      const built = await trialReportKind.build({ id: 'r', kind: 'trial', out: 'r', lang, data, plan: 'plan.json', characteristics: [] } as never, reportEnv(DIR, lang));
      return built.page.sections.find((s) => s.id === 'methods')!.intro!.join('\n');
    };
    expect(await methods('en', 'export.csv')).toContain('The export is not UTF-8: it was read as Windows-1252, as Excel\'s plain "CSV" saves it.');
    expect(await methods('da', 'export.csv')).toContain('Eksportfilen er ikke UTF-8: den er indlæst som Windows-1252, sådan som Excels almindelige "CSV (semikolonsepareret)" gemmer den.');
    expect(await methods('en', 'export-utf8.csv')).not.toContain('UTF-8');
  });

  it('hta score writes the copy as UTF-8 with the BOM Excel needs, its æ, ø, € intact', async () => {
    const out = join(tempDir(), 'scored.csv');
    const r = await runCli('score', `${DIR}/export.csv`, '--plan', `${DIR}/plan.json`, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]!.startsWith('\uFEFFLøbenr;Gruppe;')).toBe(true);
    expect(text).toContain('Betalte 50 € selv');
  });
});

describe('exports that are neither UTF-8 nor Windows-1252 are refused, not misread', () => {
  it('code page 850 (DOS, old SAS): at the first letter that would read as a symbol, exit 2, nothing written', async () => {
    const dir = tempDir();
    const out = join(dir, 'results.csv');
    const r = await runCli('analyze', `${DIR}/export-cp850.csv`, '--plan', `${DIR}/plan.json`, '--csv', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('export-cp850.csv is not UTF-8 text, nor Windows-1252 text');
    expect(r.stderr).toContain('export-cp850.csv:1: "byte 0x9B at byte offset 1: › between two letters"');
    expect(r.stderr).toContain('code page 850');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(existsSync(out)).toBe(false);
  });

  it('UTF-8 with Windows-1252 lines added: named at the first such line', async () => {
    const r = await runCli('validate', `${DIR}/export-mixed.csv`, '--plan', `${DIR}/plan.json`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('export-mixed.csv mixes two encodings');
    expect(r.stderr).toMatch(/export-mixed\.csv:41: "byte 0xE6 at byte offset \d+" — expected UTF-8 text like line 1/);
    // In memory (small tables) the same.
    expect(() => parseCsvBytes(readFileSync(`${DIR}/export-mixed.csv`), 'm.csv')).toThrow(/mixes two encodings/);
  });

  it('a file with a UTF-8 byte-order mark is UTF-8: a Windows-1252 byte in it is refused', async () => {
    const file = join(tempDir(), 'bom.csv');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(`${DIR}/export.csv`)]));
    const r = await runCli('validate', file, '--plan', `${DIR}/plan.json`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('as the byte-order mark at its start says');
  });
});

describe('other inputs saved as Windows-1252', () => {
  it('hta meta reads a studies file as its UTF-8 original, with a note', async () => {
    const studies = 'test/fixtures/exports/studies-excel-dk';
    const [cp, utf8] = await Promise.all([
      runCli('meta', `${studies}/studier-1252.csv`, '--plan', 'data/plans/selfback.plan.json', '--json'),
      runCli('meta', `${studies}/studier.csv`, '--plan', 'data/plans/selfback.plan.json', '--json'),
    ]);
    expect(cp.code, cp.stderr).toBe(0);
    expect(cp.stderr).toContain('studier-1252.csv is not UTF-8: read as Windows-1252');
    const studiesOf = (s: string) => (JSON.parse(s) as { studies: { study: string }[] }).studies.map((x) => x.study);
    expect(studiesOf(cp.stdout)).toContain('Æbelø, Ørsted & Å 2022');
    expect(JSON.parse(cp.stdout).pooled).toEqual(JSON.parse(utf8.stdout).pooled);
  });

  it('a unit-cost price list gives the same costs and sources as its UTF-8 original, and says how it was read', () => {
    const dir = 'test/fixtures/exports/unit-costs-finance';
    const items = ['gp', 'physio', 'chiro', 'specialist', 'imaging', 'medication', 'hospital', 'sick_leave'];
    const plan = { currency: 'DKK', priceYear: 2023, resourceUse: items.map((key) => ({ key, column: `ru_${key}`, category: 'primary-care' as const })) };
    const notes: string[] = [];
    const cp = readUnitCostFile(`${dir}/priser-1252.csv`, plan, (n) => notes.push(noteIn(n, 'en')));
    expect(cp).toEqual(readUnitCostFile(`${dir}/priser.csv`, plan));
    expect(cp.sick_leave!.source).toBe('Gennemsnitlig dagløn');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('priser-1252.csv is not UTF-8: read as Windows-1252');
  });
});

describe('a plan visit a wide export has no column for', () => {
  it('is refused at validate and analyze, naming the export\'s own visits, instead of "valid" with every score at it missing', async () => {
    const dir = tempDir();
    const plan = JSON.parse(readFileSync(`${DIR}/plan.json`, 'utf8')) as Record<string, unknown>;
    const write = (name: string, extra: Record<string, unknown>) => {
      const file = join(dir, name);
      writeFileSync(file, JSON.stringify({ ...plan, $schema: undefined, ...extra }));
      return file;
    };
    const baseline0 = write('b.json', { baseline: '0m' });
    const v = await runCli('validate', `${DIR}/export.csv`, '--plan', baseline0);
    expect(v.code).toBe(2);
    expect(v.stderr).toContain('"_0m" — expected columns ending in "_0m" for the plan\'s baseline "0m"; the export\'s visits: _baseline, _3m');
    const a = await runCli('analyze', `${DIR}/export.csv`, '--plan', write('t.json', { timepoints: ['3m', '6m'] }));
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('for the plan\'s visit "6m"');
    expect(a.stdout).toBe('');
  });
});

describe('the meta-analysis page of a studies file saved as Windows-1252', () => {
  it('says how the file was read, in English and Danish (found in review: only stderr said so)', async () => {
    const { metaReportKind } = await import('../../src/report/kinds/meta-report.js');
    const build = async (lang: 'en' | 'da', data: string) => {
      const content = await metaReportKind.build({ id: 'm', kind: 'meta', out: 'm', lang, data, plan: 'data/plans/selfback.plan.json', preset: 'metafor' } as never, reportEnv('.', lang));
      return content.page.sections.find((s) => s.id === 'data')?.notes?.join('\n');
    };
    const studies = 'test/fixtures/exports/studies-excel-dk';
    expect(await build('en', `${studies}/studier-1252.csv`)).toBe(`studier-1252.csv is not UTF-8: read as Windows-1252, as Excel's plain "CSV" (Danish: "CSV (semikolonsepareret)") and SPSS without "Encode values in UTF-8" write it; save it as UTF-8 (Excel: "CSV UTF-8"; SPSS: tick "Encode values in UTF-8") to make the encoding certain.`);
    expect(await build('da', `${studies}/studier-1252.csv`)).toContain('er ikke UTF-8: den er indlæst som Windows-1252');
    expect(await build('en', `${studies}/studier.csv`)).toBeUndefined();
  });

  it('hta report says on stderr how a meta sheet and an uptake registry were read, as it does a trial export (explorer win, 6 December 2026)', async () => {
    const { metaReportKind } = await import('../../src/report/kinds/meta-report.js');
    const { uptakeReportKind } = await import('../../src/report/kinds/uptake-report.js');
    const notes: unknown[] = [];
    const env = (lang: 'en' | 'da') => ({ ...reportEnv('.', lang), note: (n: unknown) => notes.push(n) });
    const studies = 'test/fixtures/exports/studies-excel-dk';
    await metaReportKind.build({ id: 'm', kind: 'meta', out: 'm', lang: 'en', data: `${studies}/studier-1252.csv`, plan: 'data/plans/selfback.plan.json', preset: 'metafor' } as never, env('en'));
    await metaReportKind.build({ id: 'm', kind: 'meta', out: 'm', lang: 'en', data: `${studies}/studier.csv`, plan: 'data/plans/selfback.plan.json', preset: 'metafor' } as never, env('en'));
    expect(notes).toEqual([{
      en: `${studies}/studier-1252.csv is not UTF-8: read as Windows-1252, as Excel's plain "CSV" (Danish: "CSV (semikolonsepareret)") and SPSS without "Encode values in UTF-8" write it (its characters Æ ø Ø Å); save it as UTF-8 (Excel: "CSV UTF-8"; SPSS: tick "Encode values in UTF-8") to make the encoding certain`,
      da: expect.stringContaining(`${studies}/studier-1252.csv er ikke UTF-8: den er indlæst som Windows-1252`),
    }]);
    notes.length = 0;
    const W = 'test/fixtures/exports/registry-dk-windows-1252';
    await uptakeReportKind.build({ id: 'u', kind: 'uptake', out: 'u', lang: 'en', registry: `${W}/registry.csv`, eligible: `${W}/eligible.csv`, plan: `${W}/uptake.plan.json` } as never, env('en'));
    expect(notes).toContainEqual({ en: expect.stringMatching(new RegExp(`^${W}/registry\\.csv is not UTF-8: read as Windows-1252`)), da: expect.stringContaining('er ikke UTF-8') });
  }, 60_000);
});
