/**
 * A registry report whose plan says `"invalidRows": "exclude"` says what it left out: the page has
 * "Rows left out of the analysis" with the count masked as `hta analyze --json` masks it (rule 13:
 * "suppressed" when 1 … threshold − 1), stderr the most-rows warning `hta analyze` prints, and a
 * plan that leaves out every row gets the every-row refusal, not "too few patients"
 * (docs/observational.md "Rows left out in the report"). Before, the page analysed the rows left
 * and said nothing: 880 of 900 patients gone unsaid.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { registryReportKind } from '../../src/report/kinds/registry-report.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

/** A registry of 300 patients (one row each) whose run hides no count, so the rows left out are printed when 5 or more. */
const plan = {
  design: 'observational',
  observational: { exposure: { column: 'app', exposed: 'Ja', unexposed: 'Nej' }, confounders: [{ name: 'age', type: 'numeric' }, { name: 'sex', type: 'categorical' }], estimand: 'ATE', baselineAsConfounder: false },
  layout: 'wide',
  timepoints: ['3m'],
  outcomes: [{ key: 'work', instrument: 'binary', direction: 'higher-is-better', answers: { Ja: 1, Nej: 0 } }],
  invalidRows: 'exclude',
};

/** The export with the first `bad` patients' age written "44 år" (a unit: no number). */
function csvWithBadAges(bad: number): string {
  const [head, ...rows] = readFileSync('test/fixtures/observational/follow-up-only.csv', 'utf8').trim().split('\n');
  return [head, ...rows.map((l, i) => (i < bad ? l.replace(/^([^,]*,[^,]*,)(\d+)/, '$1$2 år') : l))].join('\n') + '\n';
}

/**
 * The long export of the same 300 patients (a baseline and a 3-month row each) with both rows of
 * the first `gone` patients' ages written "44 år": those patients have no row left.
 */
function longCsvWithoutPatients(gone: number): string {
  const [head, ...rows] = readFileSync('test/fixtures/observational/follow-up-only-long.csv', 'utf8').trim().split('\n');
  const out = [head];
  rows.forEach((l, i) => {
    const c = l.split(',');
    if (i < gone) c[2] += ' år';
    const base = [...c];
    base[4] = 'baseline';
    out.push(base.join(','), c.join(','));
  });
  return out.join('\n') + '\n';
}

async function build(csv: string, lang: 'en' | 'da' = 'en', layout: 'wide' | 'long' = 'wide') {
  const dir = tempDir();
  writeFileSync(join(dir, 'registry.csv'), csv);
  writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...plan, layout }));
  const warnings: string[] = [];
  const env = { input: (p: string) => join(dir, p), lang, version: 'test', memo: <T>(_k: string, f: () => T) => f(), warn: (w: string) => warnings.push(w) };
  const content = await registryReportKind.build({ id: 'reg', kind: 'registry', out: 'reg', lang, data: 'registry.csv', plan: 'plan.json' } as never, env as never);
  return { content, warnings };
}

const excludedIntro = (content: Awaited<ReturnType<typeof build>>['content']) => content.page.sections.find((s) => s.id === 'excluded-rows')?.intro?.[0];

describe('a registry report under "invalidRows": "exclude"', () => {
  it('names the rows left out, with their count when it is at least the threshold', async () => {
    const en = await build(csvWithBadAges(12));
    const intro = excludedIntro(en.content)!;
    expect(en.content.page.sections.find((s) => s.id === 'excluded-rows')!.title).toBe('Rows left out of the analysis');
    expect(intro).toContain('Rows of the export left out: 12.');
    expect(intro).toContain('with one row per patient, its patient is in no count, table or analysis of this report');
    // Lines and values are the patients' own: not on the page.
    expect(intro).not.toMatch(/år|line \d/);
    const da = await build(csvWithBadAges(12), 'da');
    expect(da.content.page.sections.find((s) => s.id === 'excluded-rows')!.title).toBe('Rækker udeladt af analysen');
    expect(excludedIntro(da.content)).toContain('Udeladte rækker i udtrækket: 12.');
    expect(en.warnings.filter((w) => w.includes('left out most'))).toEqual([]);
  });

  it('masks a count of 1–4 as "suppressed" ("diskretioneret"), and the page\'s tally counts it', async () => {
    const en = await build(csvWithBadAges(3));
    expect(excludedIntro(en.content)).toContain('Rows of the export left out: suppressed.');
    expect(excludedIntro(en.content)).not.toMatch(/\b3\b/);
    expect(excludedIntro((await build(csvWithBadAges(3), 'da')).content)).toContain('Udeladte rækker i udtrækket: diskretioneret.');
    // The methods' tally of hidden counts counts it: this export hides no other count (0 without the rows left out).
    const tally = (c: typeof en.content) => /\d+ counts? here/.exec(JSON.stringify(c.page.sections.find((s) => s.id === 'methods')))?.[0];
    expect(tally(en.content)).toBe('1 counts here');
    expect(tally((await build(csvWithBadAges(0))).content)).toBe('0 counts here');
  });

  it('a long export: counts the patients every row of whom was left out, and the flow starts at the patients read', async () => {
    const en = await build(longCsvWithoutPatients(6), 'en', 'long');
    const intro = excludedIntro(en.content)!;
    expect(intro).toContain('Rows of the export left out: 12.');
    expect(intro).toContain('Patients every row of whom was left out (in no other count of this report): 6.');
    // The flow's first row counts the 294 patients read, not the export's 300.
    const flow = en.content.page.sections.find((s) => s.id === 'flow')!.tables![0]!.table;
    expect(flow.rows[0]).toEqual(['Read from the export', expect.any(String), expect.any(String), '294']);
    expect(flow.rows.map((r) => r[0])).not.toContain('In the export');
    const da = await build(longCsvWithoutPatients(6), 'da', 'long');
    expect(excludedIntro(da.content)).toContain('Patienter med alle rækker udeladt (i ingen anden optælling i denne rapport): 6.');
    expect(da.content.page.sections.find((s) => s.id === 'flow')!.tables![0]!.table.rows[0]![0]).toBe('Indlæst fra udtrækket');
    // 3 such patients: masked as analyze --json masks input.excluded.patients, and tallied. Their
    // 6 rows are masked too: 6 rows of a 2-visit export give the 3 patients back (6 / 2).
    const three = await build(longCsvWithoutPatients(3), 'en', 'long');
    expect(excludedIntro(three.content)).toContain('Patients every row of whom was left out (in no other count of this report): suppressed.');
    expect(excludedIntro(three.content)).toContain('Rows of the export left out: suppressed.');
    expect(/\d+ counts? here/.exec(JSON.stringify(three.content.page.sections.find((s) => s.id === 'methods')))?.[0]).toBe('2 counts here');
    // Without rows left out the flow's first row is the export's.
    const clean = await build(longCsvWithoutPatients(0), 'en', 'long');
    expect(clean.content.page.sections.find((s) => s.id === 'flow')!.tables![0]!.table.rows[0]![0]).toBe('In the export');
  });

  it('no section when no row was left out', async () => {
    expect(excludedIntro((await build(csvWithBadAges(0))).content)).toBeUndefined();
  });

  it('warns on stderr when most rows were left out, as hta analyze does', async () => {
    const { warnings } = await build(csvWithBadAges(160));
    expect(warnings).toContainEqual(expect.stringMatching(/registry\.csv: the plan's "invalidRows": "exclude" left out most of the export \(160 of 300 rows, 53 %\)/));
  });

  it('refuses a plan that leaves out every row with the every-row refusal, not "too few patients"', async () => {
    const err = await build(csvWithBadAges(300)).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(HtaError);
    expect((err as HtaError).message).toMatch(/registry\.csv: the plan's "invalidRows": "exclude" left out every row \(300 of 300\)/);
    expect((err as HtaError).message).not.toMatch(/too few patients/);
  });
});
