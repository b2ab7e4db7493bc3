/**
 * `hta analyze` on a registry plan prints what the page prints for a yes/no outcome (since session
 * 29 the page has had a table under the effects table: each adjusted row's RR with its 95% CI, the
 * adjusted risk among the unexposed per 1,000 and the absolute effect per 1,000; sof-registry-rows.ts)
 * — in the terminal table and in --csv, with the page's digits and "Not estimable", and nothing of
 * an outcome whose estimates the page withholds for a small count (docs/observational.md, "Small
 * counts", rule 6). A user who ran `analyze` instead of `report` saw a risk difference only.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registryReportKind } from '../../src/report/kinds/registry-report.js';
import { reportEnv } from '../support/report-env.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

/** The --csv file as header and rows (its cells hold no comma or quote: methods, numbers, keys). */
function readTable(file: string): { header: string[]; rows: string[][] } {
  const [header, ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => l.replace(/\r$/, '').split(','));
  return { header: header!, rows };
}

const plan = {
  design: 'observational',
  observational: {
    exposure: { column: 'app', exposed: 'Ja', unexposed: 'Nej' },
    confounders: [{ name: 'age', type: 'numeric' }, { name: 'sex', type: 'categorical' }, { name: 'henviser', type: 'categorical' }],
    estimand: 'ATE',
    baselineAsConfounder: false,
  },
  armLabels: { intervention: { en: 'App users', da: 'brugere af appen' }, control: { en: 'Non-users', da: 'ikke-brugere' } },
  layout: 'wide',
  timepoints: ['3m'],
  outcomes: [{ key: 'opioid', instrument: 'binary', direction: 'lower-is-better', answers: { Ja: 1, Nej: 0 }, label: { en: 'Any opioid redemption', da: 'Mindst én indløsning af opioider' } }],
};

const dir = tempDir();
copyFileSync('test/fixtures/observational/opioid-registry.csv', join(dir, 'registry.csv'));
writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));

/** The rows of the page's yes/no table (its second effects table). */
async function pageRows(lang: 'en' | 'da', data = 'registry.csv'): Promise<string[][]> {
  const c = await registryReportKind.build({ id: 'r', kind: 'registry', out: 'r', lang, data, plan: 'plan.json' } as never, reportEnv(dir, lang));
  const tables = c.page.sections.find((s) => s.id === 'effects')!.tables!;
  return tables.length > 1 ? tables[1]!.table.rows : [];
}

describe.each(['en', 'da'] as const)('hta analyze --lang %s: the yes/no table of the page', (lang) => {
  it('prints each adjusted row\'s RR (95% CI), risk among the unexposed and absolute effect per 1,000 as the page does', async () => {
    const r = await runCli('analyze', join(dir, 'registry.csv'), '--plan', join(dir, 'plan.json'), '--lang', lang);
    expect(r.code, r.stderr).toBe(0);
    const rows = await pageRows(lang);
    // Weighted regression and AIPW.
    expect(rows).toHaveLength(2);
    expect(r.stdout).toContain(lang === 'da' ? 'Ja/nej-effektmål, justerede estimater: relativ risiko' : 'Yes/no outcomes, adjusted estimates: risk ratio');
    for (const [, , , relative, risk, absolute] of rows) {
      // The RR, the risk and the absolute effect on one line of the terminal's table, as the page's cells read.
      const line = r.stdout.split('\n').find((l) => l.includes(relative!));
      expect(line, `${relative} in\n${r.stdout}`).toBeDefined();
      expect(line).toContain(risk!);
      expect(line).toContain(absolute!);
    }
  });
});

describe('hta analyze --csv: the numbers behind those cells', () => {
  it('adjusted risks, the RR and its limits, the risk difference per 1,000, as results.json publishes them', async () => {
    const csv = join(dir, 'effects.csv');
    const r = await runCli('analyze', join(dir, 'registry.csv'), '--plan', join(dir, 'plan.json'), '--csv', csv, '--json');
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { analyses: { effects: { method: string; difference: number; ciLower: number; ciUpper: number; risks?: { intervention: number; control: number }; riskRatio?: { estimate: number; ciLower: number; ciUpper: number } | null }[] }[] };
    const table = readTable(csv);
    const col = (name: string) => table.header.indexOf(name);
    for (const name of ['risk.exposed', 'risk.unexposed', 'riskRatio', 'riskRatioCiLower', 'riskRatioCiUpper', 'per1000', 'per1000CiLower', 'per1000CiUpper']) expect(table.header).toContain(name);
    for (const e of json.analyses[0]!.effects) {
      const row = table.rows.find((x) => x[col('method')] === e.method)!;
      if (!e.risks) {
        // The crude row has no adjusted risks: empty, as the page has no row for it.
        expect(row[col('riskRatio')]).toBe('');
        expect(row[col('per1000')]).toBe('');
        continue;
      }
      expect(Number(row[col('risk.exposed')])).toBe(e.risks.intervention);
      expect(Number(row[col('risk.unexposed')])).toBe(e.risks.control);
      expect(Number(row[col('riskRatio')])).toBe(e.riskRatio!.estimate);
      expect(Number(row[col('riskRatioCiLower')])).toBe(e.riskRatio!.ciLower);
      expect(Number(row[col('riskRatioCiUpper')])).toBe(e.riskRatio!.ciUpper);
      // Whole per 1,000 where the proportion has 3 decimals: no float noise (216.99999999999997).
      expect(row[col('per1000')]).toBe(String(Number((1000 * e.difference).toPrecision(12))));
      expect(row[col('per1000')]).not.toMatch(/\d{6}/);
      expect(Number(row[col('per1000CiLower')])).toBeCloseTo(1000 * e.ciLower, 9);
    }
    expect(json.analyses[0]!.effects.filter((e) => e.riskRatio).length).toBe(2);
  });

  it('an outcome whose estimates the page withholds (3 non-users with the event) has no such row or cell, in the table or the file', async () => {
    // Three non-users with a redemption: every estimate of it would give that count (rule 6).
    const lines = readFileSync('test/fixtures/observational/opioid-registry.csv', 'utf8').trimEnd().split('\n');
    const names = lines[0]!.split(',');
    const app = names.indexOf('"app"');
    const opioid = names.indexOf('"opioid_3m"');
    let kept = 0;
    const rare = [lines[0]!, ...lines.slice(1).map((l) => {
      const v = l.split(',');
      if (v[app] === '"Nej"' && v[opioid] === '"Ja"') v[opioid] = kept++ < 3 ? '"Ja"' : '"Nej"';
      return v.join(',');
    })];
    writeFileSync(join(dir, 'rare.csv'), rare.join('\n') + '\n');
    expect(await pageRows('en', 'rare.csv')).toEqual([]);
    const csv = join(dir, 'rare-effects.csv');
    const r = await runCli('analyze', join(dir, 'rare.csv'), '--plan', join(dir, 'plan.json'), '--csv', csv);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('Yes/no outcomes, adjusted estimates');
    expect(r.stdout).not.toMatch(/RR \d/);
    expect(r.stdout).not.toMatch(/per 1,000/);
    const table = readTable(csv);
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]![table.header.indexOf('method')]).toBe('withheld: a count below the threshold');
    expect(table.rows[0]!.slice(3).every((v) => v === '')).toBe(true);
  });
});
