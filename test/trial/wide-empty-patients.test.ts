// A wide export's line with the id, arm and covariates but no value at any visit is a randomised
// patient (one who withdrew before the baseline questionnaire), as the long export's one empty
// row for them is: counted in input.patients and the flow, and imputed in the intention-to-treat
// multiple imputation. Long and wide of the same trial give the same numbers
// (src/trial/wide-to-long.ts; docs/input-trial-export.md, "Layouts").
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const VISITS = ['baseline', '3m', '6m'] as const;
/** Patients 7 and 20 withdrew consent before the baseline questionnaire: no value at any visit. */
const EMPTY = new Set([7, 20]);

interface Patient {
  id: string;
  arm: 'A' | 'B';
  age: number;
  sex: 'F' | 'M';
  pain: (number | null)[];
  reason: string;
}

/** 26 patients, 13 per arm; some baselines and follow-ups missing, one lost to follow-up per arm. */
function patients(): Patient[] {
  const out: Patient[] = [];
  for (let p = 1; p <= 26; p++) {
    const arm = p <= 13 ? 'A' : 'B';
    const pain = VISITS.map((_, k) => {
      if (EMPTY.has(p)) return null;
      if (k === 0 && p % 6 === 1) return null; // a missing baseline
      if (k === 2 && p % 5 === 3) return null; // a missing 6-month score
      return (p * 7 + k * (arm === 'A' ? 5 : 2)) % 11;
    });
    const reason = EMPTY.has(p) ? 'withdrew consent' : p % 5 === 3 ? 'lost to follow-up' : '';
    out.push({ id: `P${String(p).padStart(2, '0')}`, arm, age: 30 + ((p * 13) % 40), sex: p % 3 === 0 ? 'M' : 'F', pain, reason });
  }
  return out;
}

const cell = (v: number | null) => (v === null ? '' : String(v));

/** The long export: one row per patient per visit with a value, one empty baseline row for a patient with none. */
function longText(ps: Patient[]): string {
  const lines = ['id,arm,time,age,sex,pain,withdrawal_reason'];
  for (const p of ps) {
    const held = VISITS.flatMap((v, k) => (p.pain[k] !== null ? [k] : []));
    for (const k of held.length > 0 ? held : [0]) lines.push([p.id, p.arm, VISITS[k], p.age, p.sex, cell(p.pain[k]!), p.reason].join(','));
  }
  return lines.join('\n') + '\n';
}

/** The wide export: one line per patient, every visit's cell empty for the two who withdrew. */
function wideText(ps: Patient[]): string {
  const lines = ['id,arm,age,sex,pain_baseline,pain_3m,pain_6m,withdrawal_reason'];
  for (const p of ps) lines.push([p.id, p.arm, p.age, p.sex, ...p.pain.map(cell), p.reason].join(','));
  return lines.join('\n') + '\n';
}

const PLAN = {
  arms: { intervention: 'A', control: 'B' },
  timepoints: ['3m', '6m'],
  covariates: ['age', 'sex'],
  primary: { outcome: 'pain', time: '6m' },
  outcomes: [{ key: 'pain', instrument: 'nrs', mcid: 2 }],
  methods: ['ancova'],
  missing: { method: 'mi', m: 5, seed: 3 },
};

describe('a wide line with no value at any visit', () => {
  it('is a patient of the loaded trial, with their covariates and withdrawal reason, as in the long export', () => {
    const ps = patients();
    const long = loadTrial(parseCsvText(longText(ps), 'long.csv'), parsePlan(PLAN));
    const wide = loadTrial(parseCsvText(wideText(ps), 'wide.csv'), parsePlan({ ...PLAN, layout: 'wide' }));
    expect(wide.patients).toHaveLength(ps.length);
    const who = (t: typeof wide) => t.patients.map((p) => [p.arm, p.covariates.age, p.withdrawal ?? null]);
    expect(who(wide)).toEqual(who(long));
    const withdrew = wide.patients.filter((p) => p.withdrawal === 'withdrew consent');
    expect(withdrew.map((p) => p.arm)).toEqual(['intervention', 'control']);
    // One empty baseline row each, as the long export has; a visit with all cells empty still did not happen.
    expect(wide.rows.length).toBe(long.rows.length);
  });

  it('hta analyze --json: long and wide give the same numbers, the two counted in input.patients, the flow and the multiple imputation', async () => {
    const ps = patients();
    const dir = tempDir();
    writeFileSync(join(dir, 'long.csv'), longText(ps));
    writeFileSync(join(dir, 'wide.csv'), wideText(ps));
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(PLAN));
    writeFileSync(join(dir, 'plan-wide.json'), JSON.stringify({ ...PLAN, layout: 'wide' }));
    const run = async (data: string, plan: string) => {
      const r = await runCli('analyze', join(dir, data), '--plan', join(dir, plan), '--json');
      expect(r.code).toBeLessThan(2);
      expect(r.stderr).not.toMatch(/^error/m);
      return JSON.parse(r.stdout) as Record<string, unknown> & { input: { patients: unknown; layout: string }; flow: { losses: Record<string, { value: string; n: number }[]> }; sensitivity: { rows: { method: string; n: unknown; details?: { imputedBaselines?: number } }[] } };
    };
    const validated = await runCli('validate', join(dir, 'wide.csv'), '--plan', join(dir, 'plan-wide.json'));
    expect(validated.stdout).toContain(`patients: ${ps.filter((p) => p.arm === 'A').length} intervention, ${ps.filter((p) => p.arm === 'B').length} control`);
    expect(validated.stdout).toContain('and an empty baseline row for a patient with none');
    const long = await run('long.csv', 'plan.json');
    const wide = await run('wide.csv', 'plan-wide.json');
    const perArm = { intervention: ps.filter((p) => p.arm === 'A').length, control: ps.filter((p) => p.arm === 'B').length };
    expect(wide.input.patients).toEqual(perArm);
    expect(wide.input.layout).toBe('wide');
    for (const arm of ['intervention', 'control']) expect(wide.flow.losses[arm]).toContainEqual(expect.objectContaining({ value: 'withdrew consent', n: 1 }));
    const mi = wide.sensitivity.rows.find((r) => r.method === 'mi-ancova')!;
    expect(mi.n).toEqual(perArm);
    expect(mi.details?.imputedBaselines).toBe(ps.filter((p) => p.pain[0] === null).length);
    // Every number the same: only the file's name, its layout and the plan's "layout" differ.
    const rest = (o: Record<string, unknown>) => JSON.stringify({ ...o, input: { ...(o.input as object), file: '', layout: '' }, plan: { ...(o.plan as object), layout: '' } });
    expect(rest(wide)).toBe(rest(long));
  });

  it('with a screening event before the baseline in "allTimepoints", the empty row is at the baseline, not at the screening', () => {
    const ps = patients();
    const plan = { ...PLAN, allTimepoints: ['screening', 'baseline', '3m', '6m'] };
    // A pain score at screening too, before the baseline; none for the two who withdrew.
    const text = wideText(ps)
      .split('\n')
      .map((l, i) => (i === 0 ? l.replace('pain_baseline', 'pain_screening,pain_baseline') : l && l.replace(/^((?:[^,]*,){4})/, (m, head: string) => `${head}${EMPTY.has(i) ? '' : 5},`)))
      .join('\n');
    const wide = loadTrial(parseCsvText(text, 'wide.csv'), parsePlan({ ...plan, layout: 'wide' }));
    const timesOf = (t: typeof wide, id: string) => t.observations.filter((o) => o.id === id).map((o) => o.time);
    expect(timesOf(wide, 'P07')).toEqual(['baseline']);
    expect(timesOf(wide, 'P20')).toEqual(['baseline']);
    expect(wide.patients).toHaveLength(ps.length);
  });

  it('a line with the id and nothing else (a randomisation number filled in ahead) is an unused slot: read past, no participant', () => {
    const ps = patients();
    const text = wideText(ps) + 'P27,,,,,,,\nP28,,,,,,,\n';
    const wide = loadTrial(parseCsvText(text, 'wide.csv'), parsePlan({ ...PLAN, layout: 'wide' }));
    expect(wide.patients).toHaveLength(ps.length);
    expect(wide.patients.some((p) => p.id === 'P27' || p.id === 'P28')).toBe(false);
    // A line with more than its id (here an age, no arm) is still a line to refuse: a participant never randomised?
    expect(() => loadTrial(parseCsvText(wideText(ps) + 'P27,,41,,,,,\n', 'wide.csv'), parsePlan({ ...PLAN, layout: 'wide' }))).toThrow();
  });
});

describe('a long export\'s patient whose rows are all at visits "ignoreTimepoints" reads past', () => {
  it('is still randomised, as the same patient\'s wide line is: an empty baseline row with their arm, covariates and withdrawal reason', () => {
    const ps = patients();
    const plan = parsePlan({ ...PLAN, ignoreTimepoints: ['unsched'] });
    // P07 and P20 were seen once, off schedule, then withdrew; P03 also has an unscheduled row among scheduled ones.
    const lines = longText(ps).trimEnd().split('\n').map((l) => (/^P(07|20),/.test(l) ? l.replace(',baseline,', ',unsched,').replace(/,,withdrew/, ',5,withdrew') : l));
    lines.push('P03,A,unsched,69,M,4,');
    const long = loadTrial(parseCsvText(lines.join('\n') + '\n', 'long.csv'), plan);
    const wide = loadTrial(parseCsvText(wideText(ps), 'wide.csv'), parsePlan({ ...PLAN, layout: 'wide' }));
    const who = (t: typeof wide) => t.patients.map((p) => [p.id, p.arm, p.covariates.age, p.covariates.sex, p.withdrawal ?? null]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(who(long)).toEqual(who(wide));
    const rowsOf = (t: typeof wide, id: string) => t.observations.filter((o) => o.id === id).map((o) => [o.time, o.scores.pain ?? null]);
    expect(rowsOf(long, 'P07')).toEqual([['baseline', null]]);
    expect(rowsOf(long, 'P03')).toEqual(rowsOf(wide, 'P03'));
  });
});

