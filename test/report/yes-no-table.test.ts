/**
 * The shares per arm behind each yes/no difference, with the risk and odds ratios: in `hta
 * analyze`'s text, its `--csv` and the trial page's README.md (src/report/yes-no-table.ts).
 * The ratios are binary-effect.ts's, checked against R there; here, that each output carries them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { effectsCsv } from '../../src/analysis/effects-csv.js';
import { trialSummaryText } from '../../src/cli/analyze-text.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { trialReportKind } from '../../src/report/kinds/trial-report.js';
import { markdownPage } from '../../src/report/markdown-page.js';
import { yesNoTable } from '../../src/report/yes-no-table.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { reportEnv } from '../support/report-env.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const PLAN = {
  arms: { intervention: 'App', control: 'Usual' },
  timepoints: ['3m'],
  outcomes: [{ key: 'anymed', instrument: 'binary', answers: { Ja: 1, Nej: 0 }, direction: 'lower-is-better', label: { en: 'Any pain medication', da: 'Smertestillende medicin' } }],
  methods: ['ancova'],
  missing: { sensitivity: false },
};
/** 20 patients per arm; at 3 months 18 per arm answer: 6 "Ja" in the app arm, 12 in usual care. */
function lines(): string[] {
  const out = ['id,arm,time,anymed'];
  for (let k = 0; k < 20; k++) {
    for (const arm of ['App', 'Usual']) {
      out.push(`${arm}${k},${arm},baseline,${k % 2 === 0 ? 'Ja' : 'Nej'}`);
      if (k < 18) out.push(`${arm}${k},${arm},3m,${k < (arm === 'App' ? 6 : 12) ? 'Ja' : 'Nej'}`);
    }
  }
  return out;
}

describe('yes/no shares per arm with the risk and odds ratios', () => {
  const trial = loadTrial(parseCsvText(lines().join('\n'), 'med.csv'), parsePlan(PLAN));
  const result = analyzeTrial(trial, { version: 'test' });
  const row = result.effects.find((e) => e.method === 'risk-difference')!;

  it('the table: yes/n (%) per arm over the patients answering, RR and OR with their CIs', () => {
    // 6/18 against 12/18: RR = 0.5, OR = (6·6)/(12·12) = 0.25.
    expect(row.riskRatio!.estimate).toBeCloseTo(0.5, 12);
    expect(row.oddsRatio!.estimate).toBeCloseTo(0.25, 12);
    // R: (6/18)/(12/18) · exp(±qnorm(0.975) · sqrt(1/6 − 1/18 + 1/12 − 1/18)) = 0.2408496, 1.0379922;
    // Woolf's OR interval 0.25 · exp(±qnorm(0.975) · sqrt(1/6 + 1/12 + 1/12 + 1/6)) = 0.0625244, 0.9996095,
    // whose upper limit is not rounded onto 1 (interval-bound.ts).
    const t = yesNoTable(result.effects, 'en', () => 'Any pain medication')!;
    expect(t.rows).toEqual([['Any pain medication', '3 months', '6/18 (33.3%)', '12/18 (66.7%)', '0.50 (0.24 to 1.04)', '0.25 (0.06 to 0.9996)']]);
    expect(yesNoTable(result.effects, 'da', () => 'Smertestillende medicin')!.rows[0]!.slice(2, 4)).toEqual(['6/18 (33,3 %)', '12/18 (66,7 %)']);
  });
  it('a ratio or limit below 0.01 keeps two significant digits, never "0.00"', () => {
    const tiny = { ...row, riskRatio: { estimate: 0.0059, ciLower: 0.0008, ciUpper: 0.042 }, oddsRatio: { estimate: 0.003, ciLower: 0.000123, ciUpper: 0.5 } };
    const t = yesNoTable([tiny], 'en', () => 'Any pain medication')!;
    expect(t.rows[0]!.slice(4)).toEqual(['0.0059 (0.00080 to 0.04)', '0.0030 (0.00012 to 0.50)']);
    expect(yesNoTable([tiny], 'da', () => 'x')!.rows[0]![4]).toBe('0,0059 (0,00080 til 0,04)');
  });
  it('hta analyze prints it after the effects', () => {
    const text = trialSummaryText(result, trial, 'en');
    expect(text).toContain("Yes/no outcomes and responders: each arm's share of the patients analysed at that visit");
    expect(text).toMatch(/3 months +6\/18 \(33\.3%\) +12\/18 \(66\.7%\) +0\.50 \(/);
  });
  it('--csv has the shares, the ratios, the NNT and the patients with "yes" per arm on the row', () => {
    const [header, rows] = effectsCsv(result);
    const at = (c: string) => rows[0]![header.indexOf(c)];
    expect([at('risks.intervention'), at('risks.control'), at('riskRatio.estimate'), at('oddsRatio.estimate'), at('patientsWithEvent.intervention'), at('patientsWithEvent.control')]).toEqual([6 / 18, 12 / 18, row.riskRatio!.estimate, row.oddsRatio!.estimate, 6, 12]);
    expect(at('nnt.label')).toBe(row.nnt!.label);
    expect(String(at('nnt.label'))).toMatch(/^NNTB 3\.0 /);
  });
  it('the trial page shows it under the responders chart, in README.md too', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'export.csv'), lines().join('\n') + '\n');
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(PLAN));
    const c = await trialReportKind.build({ id: 'r', kind: 'trial', out: 'r', lang: 'en', data: 'export.csv', plan: 'plan.json', characteristics: [] } as never, reportEnv(dir, 'en'));
    const readme = markdownPage(c.page, new Map(c.charts.map((x) => [x.name, x])));
    expect(readme).toMatch(/\| Any pain medication \| 3 months \| 6\/18 \(33\.3%\) \| 12\/18 \(66\.7%\) \| 0\.50 \(/);
  });
});
