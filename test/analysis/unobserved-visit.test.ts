/**
 * A follow-up visit with rows but no observed score of the outcome (every cell empty) leaves the
 * multiple-imputation rows and the tipping point "not computed: no patient was observed at 6m",
 * as MMRM's; the completed data sets' missing column ("ANCOVA: completed data set has no column
 * y_6m") never reaches a user, nor stops the run with exit 2; nor does mmrm()'s "needs at least 2
 * distinct time levels" when only one visit has scores.
 */
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { notComputedText } from '../../src/report/failure-reasons.js';

const plan = parsePlan({
  arms: { intervention: 'App', control: 'Kontrol' },
  timepoints: ['3m', '6m'],
  primary: { outcome: 'pain', time: '6m' },
  methods: ['ancova', 'welch', 'mmrm'],
  missing: { method: 'mi', m: 3, seed: 1 },
  outcomes: [{ key: 'pain', instrument: 'nrs' }],
});

function exportText(): string {
  const lines = ['id,arm,time,pain'];
  for (let p = 1; p <= 20; p++) {
    const arm = p <= 10 ? 'App' : 'Kontrol';
    lines.push(`${p},${arm},baseline,${(p * 7) % 11}`, `${p},${arm},3m,${(p * 5 + 3) % 11}`, `${p},${arm},6m,`);
  }
  return lines.join('\n') + '\n';
}

describe('a visit with rows and no observed score', () => {
  it('leaves the MI rows and the sensitivity rows not computed, with the reason', () => {
    const result = analyzeTrial(loadTrial(parseCsvText(exportText(), 't.csv'), plan), { version: 'test' });
    const mi = result.effects.find((e) => e.time === '6m' && e.method === 'mi-ancova')!;
    expect(mi.error).toBe('no patient was observed at 6m');
    expect(result.sensitivity!.rows.find((r) => r.method === 'mi-ancova')!.error).toBe('no patient was observed at 6m');
    expect(result.effects.find((e) => e.time === '3m' && e.method === 'mi-ancova')!.error).toBeUndefined();
    // MMRM: nobody at 6m; at 3m one observed visit is nothing to model jointly (it was mmrm()'s usage error, exit 2).
    expect(result.sensitivity!.rows.find((r) => r.method === 'mmrm')!.error).toBe('no patient was observed at 6m');
    expect(result.effects.find((e) => e.time === '3m' && e.method === 'mmrm')!.error).toBe('MMRM needs observed scores at 2 follow-up visits or more; only 3m has any, so this row is skipped');
    expect(result.warnings.join('\n')).not.toMatch(/completed data set|distinct time levels/);
  });

  it('the MMRM reason reads in Danish on a Danish page', () => {
    expect(notComputedText('MMRM needs observed scores at 2 follow-up visits or more; only 3m has any, so this row is skipped', 'da')).toContain('MMRM kræver observerede scorer ved mindst 2 opfølgningstidspunkter; kun');
  });
});
