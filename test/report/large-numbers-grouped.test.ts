/**
 * One number format per language on a page (docs/glossary-da.md: "thousands point (1.586)"):
 * every number of 1,000 or more — a mean, SD, difference, interval bound and MCID as well as a
 * count — is grouped, `6.220,1` in Danish and `6,220.1` in English, as the charts' own axes
 * (`6.000`) are. A committee member's export of steps per day printed `6220,1 (2180,0)` in Table 1,
 * `MKRF 1000 point` and `1221,64 (482,35 til 1960,94)` in Danish. results.json keeps plain numbers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';
import { ungroupedNumbers } from '../support/ungrouped-numbers.js';

/** A Danish eCRF export: `;`, decimal comma, steps per day about 6,000, and an income column. */
function exportCsv(): string {
  const rows = ['Deltager-ID;Gruppe;Besøg;Alder;Indkomst (kr.);Skridt pr. dag'];
  for (let i = 0; i < 40; i++) {
    const arm = i % 2 === 0 ? 'App' : 'Vanlig behandling';
    const base = 4000 + ((i * 733) % 4100);
    const later = base + (arm === 'App' ? 1500 : 200) + ((i * 389) % 900) - 450;
    const income = 400000 + ((i * 7919) % 300000);
    rows.push(`P${String(i + 1).padStart(3, '0')};${arm};Baseline;${30 + (i % 35)};${income};${base}`);
    rows.push(`P${String(i + 1).padStart(3, '0')};${arm};9 mdr.;${30 + (i % 35)};${income};${later}`);
  }
  return `${rows.join('\r\n')}\r\n`;
}

const plan = {
  title: { en: 'Back app vs usual care', da: 'Rygapp sammenlignet med vanlig behandling' },
  arms: { intervention: 'App', control: 'Vanlig behandling' },
  armLabels: { intervention: { en: 'app', da: 'app' }, control: { en: 'usual care', da: 'vanlig behandling' } },
  columns: { id: 'Deltager-ID', time: 'Besøg', arm: 'Gruppe', covariates: { alder: 'Alder' } },
  timepoints: ['9m'],
  timeLabels: { Baseline: 'baseline', '9 mdr.': '9m' },
  allTimepoints: ['baseline', '9m'],
  covariates: ['alder'],
  instruments: {
    skridt: {
      label: { en: 'Steps per day', da: 'Skridt pr. dag' }, range: [0, 40000], direction: 'higher-is-better',
      mcid: 1000, mcidSource: 'Tudor-Locke et al. 2011', decimals: false,
    },
  },
  outcomes: [{ key: 'skridt', instrument: 'skridt', column: 'Skridt pr. dag', label: { en: 'Steps per day', da: 'Skridt pr. dag' } }],
  methods: ['ancova'],
  missing: { method: 'complete-case', sensitivity: false },
  subgroups: [],
};

let built: string | undefined;

/** The export reported once, in both languages, as a user's manifest names it. */
async function build(): Promise<string> {
  if (built) return built;
  const dir = tempDir();
  writeFileSync(join(dir, 'forsoeg.csv'), `\uFEFF${exportCsv()}`);
  writeFileSync(join(dir, 'forsoeg.plan.json'), JSON.stringify(plan, null, 1));
  const characteristics = [{ column: 'Indkomst (kr.)', label: { en: 'Income (DKK)', da: 'Indkomst (kr.)' } }];
  const report = (lang: 'en' | 'da') => ({ id: lang, kind: 'trial', out: lang, lang, data: 'forsoeg.csv', plan: 'forsoeg.plan.json', characteristics });
  writeFileSync(join(dir, 'm.json'), JSON.stringify({ reports: [report('en'), report('da')] }));
  const run = await runCli('report', '--manifest', join(dir, 'm.json'), '--out', join(dir, 'out'), '--no-cache');
  expect(run.code, run.stderr).toBe(0);
  built = join(dir, 'out');
  return built;
}

const pageText = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ');

describe('numbers of 1,000 or more are grouped on trial pages', () => {
  it.each(['en', 'da'] as const)('%s: no ungrouped number in the page or README.md', async (lang) => {
    const out = await build();
    expect(ungroupedNumbers(pageText(readFileSync(join(out, lang, 'index.html'), 'utf8')))).toEqual([]);
    expect(ungroupedNumbers(readFileSync(join(out, lang, 'README.md'), 'utf8'))).toEqual([]);
  }, 60_000);

  it('Table 1 means and SDs, the MCID and the difference read with the language\'s separators; results.json stays plain', async () => {
    const out = await build();
    const da = readFileSync(join(out, 'da', 'README.md'), 'utf8');
    const en = readFileSync(join(out, 'en', 'README.md'), 'utf8');
    // Table 1's row for the income column: mean (SD) in each arm, both grouped.
    expect(da).toMatch(/\| Indkomst \(kr\.\), gns\. \(SD\) \| \d{3}\.\d{3},\d \(\d{2}\.\d{3},\d\) \| \d{3}\.\d{3},\d \(\d{2}\.\d{3},\d\) \|/);
    expect(en).toMatch(/\| Income \(DKK\), mean \(SD\) \| \d{3},\d{3}\.\d \(\d{2},\d{3}\.\d\) \| \d{3},\d{3}\.\d \(\d{2},\d{3}\.\d\) \|/);
    expect(da).toContain('MKRF 1.000 point');
    expect(en).toContain('MCID 1,000 points');
    const results = JSON.parse(readFileSync(join(out, 'da', 'results.json'), 'utf8'));
    const effect = JSON.stringify(results);
    expect(effect).not.toMatch(/\d\.\d{3},\d/);
    expect(effect).toMatch(/"mcid":1000\b/);
  }, 60_000);
});
