/**
 * A small trial with the CONSORT flow's extra inputs (docs/plan-trial.md#participant-flow):
 * 20 patients per arm, baseline and 3-month rows, a withdrawal-reason column filled for some
 * patients on one of their rows, and a plan with a screening log. The expected counts are
 * written here by hand from the lists below, not taken from hta's output.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './run-cli.js';

/** Reason per patient number (1–40; odd = app, even = usual care). */
export const REASONS: Readonly<Record<number, string>> = {
  1: 'moved', 3: 'moved', 5: 'moved', 7: 'no_time', 9: 'no_time', 11: 'stopped_app',
  2: 'moved', 4: 'moved', 6: 'moved', 8: 'moved', 10: 'stopped_app',
};
/** Lost to follow-up: app 5 (moved 3, no time 2), usual care 4 (moved 4); discontinued: 1 in each arm. */
export const EXPECTED = {
  intervention: { lost: 5, moved: 3, noTime: 2, discontinued: 1 },
  control: { lost: 4, moved: 4, noTime: 0, discontinued: 1 },
};

export const FLOW_PLAN = {
  arms: { intervention: 'app', control: 'usual' },
  armLabels: { intervention: { en: 'App', da: 'App' }, control: { en: 'Usual care', da: 'Vanlig behandling' } },
  timepoints: ['3m'],
  primary: { outcome: 'nrs', time: '3m' },
  methods: ['ancova'],
  missing: { sensitivity: false },
  outcomes: [{ key: 'nrs', instrument: 'nrs', label: { en: 'Pain (NRS 0–10)', da: 'Smerte (NRS 0–10)' } }],
  flow: {
    assessed: 100,
    excluded: [
      { reason: { en: 'Did not meet inclusion criteria', da: 'Opfyldte ikke inklusionskriterierne' }, n: 35 },
      { reason: { en: 'Declined to participate', da: 'Ønskede ikke at deltage' }, n: 25 },
    ],
    withdrawalReasons: {
      moved: { kind: 'lost-to-follow-up', label: { en: 'Moved away', da: 'Flyttet' } },
      no_time: { kind: 'lost-to-follow-up', label: { en: 'No time', da: 'Ikke tid' } },
      stopped_app: { kind: 'discontinued', label: { en: 'Stopped using the app', da: 'Holdt op med at bruge appen' } },
    },
  },
};

/** The export's lines: patients lost to follow-up (reason other than stopped_app) have no 3m row; the reason sits on the baseline row of odd patients and the 3m (or only) row of even ones. */
export function consortLines(reasons: Readonly<Record<number, string>> = REASONS): string[] {
  const lines = ['id,arm,time,nrs,withdrawal_reason'];
  for (let k = 1; k <= 40; k++) {
    const arm = k % 2 === 1 ? 'app' : 'usual';
    const reason = reasons[k] ?? '';
    const lost = reason !== '' && reason !== 'stopped_app';
    const onBaseline = k % 2 === 1 || lost;
    lines.push(`P${k},${arm},baseline,${3 + (k % 6)},${onBaseline ? reason : ''}`);
    if (!lost) lines.push(`P${k},${arm},3m,${(k * 7) % 9},${onBaseline ? '' : reason}`);
  }
  return lines;
}

/** Writes the export and the plan to a new temporary folder. */
export function writeConsortFixture(lines = consortLines(), plan: object = FLOW_PLAN): { dir: string; csv: string; plan: string } {
  const dir = tempDir();
  const csv = join(dir, 'trial.csv');
  const planFile = join(dir, 'plan.json');
  writeFileSync(csv, lines.join('\n') + '\n');
  writeFileSync(planFile, JSON.stringify(plan, null, 2) + '\n');
  return { dir, csv, plan: planFile };
}
