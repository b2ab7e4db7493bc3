/**
 * `hta meta` on studies files as a meta-analyst types them in Danish Excel (BOM, `;`, CRLF,
 * decimal comma; test/fixtures/exports/studies-excel-dk/, written by make-studies-fixtures.py;
 * docs/input-studies.md): the 95% CI in one column (`95% KI`, `CI (95%)`), Danish column names,
 * an interval typed into ci_lower, SEs typed as SDs or under se_* names. Pooled numbers are checked
 * against the same studies as a plain comma file with the contract's names, and the fixed effect
 * of the intervals once more by hand (inverse variance, SE = width / (2 × 1.959964)).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MetaResults } from '../../src/meta/meta-results-schema.js';
import { metaReportKind } from '../../src/report/kinds/meta-report.js';
import { reportEnv } from '../support/report-env.js';
import { runCli } from '../support/run-cli.js';

const DIR = 'test/fixtures/exports/studies-excel-dk';

async function meta(file: string) {
  const r = await runCli('meta', join(DIR, file), '--json');
  expect(r.code, r.stderr).toBe(0);
  return { json: JSON.parse(r.stdout) as MetaResults, stderr: r.stderr };
}

async function refused(file: string) {
  const r = await runCli('meta', join(DIR, file));
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/at .*\.[jt]s:\d+/);
  return r.stderr;
}

/** A result without what names the file and its lines. */
function numbers(r: MetaResults) {
  const drop = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'line'));
  return { outcomes: r.outcomes, pooled: r.pooled.map(drop), studies: r.studies.map(drop), warnings: r.warnings };
}

describe('a 95% CI written in one column', () => {
  it('is read under Danish headers ("95% KI": "-1,51 til -0,06", "(-2,4; 0,0)", "[−3,0; −1,2]", "-1,4 – 0,4") as the plain file\'s ci_lower/ci_upper, with a note per column', async () => {
    const [typed, plain] = await Promise.all([meta('ki-en-kolonne.csv'), meta('ki-plain.csv')]);
    expect(numbers(typed.json)).toEqual(numbers(plain.json));
    expect(typed.json.studies.map((s) => [s.study, s.ciLower, s.ciUpper])).toEqual([
      ['Sandal 2021', -1.51, -0.06], ['Hansen 2022', -2.4, 0], ['Jensen 2023', -3, -1.2], ['Holm 2024', -1.4, 0.4],
    ]);
    // The fixed effect by hand from the intervals.
    const ci: [number, number, number][] = [[-0.79, -1.51, -0.06], [-1.2, -2.4, 0], [-2.1, -3, -1.2], [-0.5, -1.4, 0.4]];
    const w = ci.map(([, lo, hi]) => 1 / ((hi - lo) / (2 * 1.959964)) ** 2);
    const fixed = ci.reduce((s, [d], i) => s + d * (w[i] as number), 0) / w.reduce((a, b) => a + b, 0);
    expect(typed.json.pooled.find((p) => p.model === 'fixed')!.estimate).toBeCloseTo(fixed, 10);
    for (const [i, h, c] of [[1, 'Studie', 'study'], [2, 'Effektmål', 'outcome'], [3, 'Tid', 'time'], [4, 'Forskel', 'difference']] as const) {
      expect(typed.stderr).toContain(`note: ${DIR}/ki-en-kolonne.csv: column ${i} "${h}" read as ${c}\n`);
    }
    expect(typed.stderr).toContain('the 95% CI in column 5 "95% KI" read as ci_lower and ci_upper on 4 row(s) (line 2: "-1,51 til -0,06" as -1.51 and -0.06)');
  });

  it('is read beside ci_lower/ci_upper when each row gives one interval, or both agree', async () => {
    const [typed, plain] = await Promise.all([meta('ki-blandet.csv'), meta('ki-plain.csv')]);
    expect(numbers(typed.json)).toEqual(numbers(plain.json));
    expect(typed.stderr).toContain('the 95% CI in column 7 "CI (95%)" read as ci_lower and ci_upper on 2 row(s)');
  });

  it('is refused where it disagrees with ci_lower/ci_upper on the same row (which one?)', async () => {
    const err = await refused('ki-uenige.csv');
    expect(err).toContain('ki-uenige.csv:2:7 (95% CI): "-1,61 til -0,06" — expected one interval per row: ci_lower and ci_upper say [-1,51; -0,06], "95% CI" says "-1,61 til -0,06" — which one?');
  });

  it('is refused, naming the cells and how to split them, where a cell does not split unambiguously', async () => {
    const err = await refused('ki-uklar.csv');
    expect(err).toContain('3 × test/fixtures/exports/studies-excel-dk/ki-uklar.csv:lines 2–4, column 5 (KI): "-1,51 -0,06", "-2,4-0,0", "-3.0 til -1.2" — expected the two bounds of the 95% CI');
    expect(err).toContain('or split it into two columns, ci_lower and ci_upper, with one number each');
  });
});

describe('an interval typed into ci_lower', () => {
  it('says the cell holds both bounds and the upper belongs in ci_upper, grouped with its column', async () => {
    const err = await refused('ki-i-nedre.csv');
    expect(err).toContain('3 × test/fixtures/exports/studies-excel-dk/ki-i-nedre.csv:lines 2–4, column 5 (ci_lower): "-1,51 til -0,06", "(-2,4; 0,0)", "-3,0 til -1,2" — expected one number (decimal comma), the lower bound; the cell holds both bounds of the interval: keep the lower bound in ci_lower and put the upper bound in ci_upper');
  });
});

describe('standard errors where SDs belong', () => {
  const warning = (arm: string, sd: string, n: number, sdFromSe: string) =>
    `rmdq 3m: Hansen 2022 (line 3), sd_${arm} ${sd} is below a quarter of the other studies' median SD of this outcome and time (5.05); if it is the standard error of the mean, the SD is SE × √n = ${sd} × √${n} = ${sdFromSe}`;

  it('an SD far below the other studies\' is warned about in text, JSON and the report page (arm summaries under Danish names, as the plain file)', async () => {
    const [typed, plain] = await Promise.all([meta('arme-danske-navne.csv'), meta('arme-plain.csv')]);
    expect(numbers(typed.json)).toEqual(numbers(plain.json));
    // Median of 5.1, 5.3, 4.9, 5.0 = 5.05; 0.45 × √62 = 3.543, 0.48 × √64 = 3.84.
    expect(typed.json.warnings.filter((w) => w.includes('below a quarter')).map((w) => w.slice(0, w.indexOf(' — ')))).toEqual([
      warning('intervention', '0.45', 62, '3.54'),
      warning('control', '0.48', 64, '3.84'),
    ]);
    const text = await runCli('meta', join(DIR, 'arme-danske-navne.csv'));
    expect(text.stderr).toContain(`warning: ${warning('intervention', '0.45', 62, '3.54')}`);
    expect(text.stderr).toContain('note: test/fixtures/exports/studies-excel-dk/arme-danske-navne.csv: column 5 "gns_interv" read as mean_intervention');
    const page = await metaReportKind.build({ id: 'm', kind: 'meta', out: 'm', lang: 'en', data: 'arme-danske-navne.csv', preset: 'metafor' }, reportEnv(DIR, 'en'));
    expect(page.page.sections.find((s) => s.id === 'warnings')?.notes).toContain(typed.json.warnings.find((w) => w.includes('sd_control')));
  });

  it('no such warning where the SDs are alike (the bundled selfBACK studies, the Excel studies file)', async () => {
    for (const f of ['data/published/selfback-studies.csv', join(DIR, 'thousands.csv')]) {
      const r = await runCli('meta', f, '--json');
      expect(r.code, r.stderr).toBe(0);
      expect((JSON.parse(r.stdout) as MetaResults).warnings.filter((w) => w.includes('below a quarter'))).toEqual([]);
    }
  });

  it('se_intervention/se_control are refused, named, with SD = SE × √n', async () => {
    const err = await refused('se-per-arm.csv');
    expect(err).toContain('se-per-arm.csv:1:6: "se_intervention" — expected sd_intervention, the standard deviation of the arm: hta meta reads SDs, and does not read "se_intervention"; if it holds the standard error of the arm\'s mean, convert each to SD = SE × √n');
    expect(err).toContain('se-per-arm.csv:1:9: "se_control" — expected sd_control');
  });
});

describe('a header without a time column', () => {
  it('is shown with the file\'s own separator, naming what is missing and the names read for it', async () => {
    const err = await refused('mangler-tid.csv');
    expect(err).toContain('mangler-tid.csv:1: "Studie;Effekt;Forskel;95% KI" — expected a column for outcome, time');
    expect(err).toContain('Effektmål/Udfald/Outcome → outcome; Tid/Tidspunkt/Opfølgning → time');
  });
});
