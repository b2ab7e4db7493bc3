/**
 * An e-mail address, a phone number or a date where a category belongs — a SurveyXact respondent
 * list shifted by one row puts `mette.hansen@gmail.com` into "Køn" — is never printed as a level
 * (a covariate's Table 1 row, a subgroup's) nor quoted in a message (text, `validate --json`,
 * `analyze --exclude-invalid --json`): docs/output-safety.md "Free text",
 * src/trial/identifying-characteristic.ts, src/io/contact-details.ts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { baselineTable } from '../../src/trial/baseline-table.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { errorOf } from '../support/error-of.js';
import { runCli, tempDir } from '../support/run-cli.js';

/** A SurveyXact "Dataudtræk" shaped plan: Danish headers, visits by label, age and sex as covariates. */
const PLAN = {
  arms: { intervention: 'App', control: 'Sædvanlig behandling' },
  columns: { id: 'Deltagernummer', time: 'Besøg', arm: 'Gruppe', covariates: { alder: 'Alder', koen: 'Køn' } },
  timepoints: ['3m'],
  timeLabels: { Baseline: 'baseline', '3 måneder': '3m' },
  covariates: ['alder', 'koen'],
  outcomes: [{ key: 'smerte', instrument: 'nrs', column: 'Smerte' }],
  methods: ['welch'],
  missing: { sensitivity: false },
};

/** 40 respondents, baseline and 3 months, `;`-separated; `cell(i, column)` overrides a baseline cell of respondent i. */
function export_(cell: (i: number, column: string) => string | undefined = () => undefined, extra: string[] = []): string {
  const header = ['Respondent-id', 'Deltagernummer', 'Gruppe', 'Besøg', 'Alder', 'Køn', 'Smerte', ...extra];
  const lines = [header.join(';')];
  for (let i = 1; i <= 40; i++) {
    const base: Record<string, string> = { 'Respondent-id': String(4711300 + i), Deltagernummer: `RYG-${String(i).padStart(3, '0')}`, Gruppe: i % 2 ? 'App' : 'Sædvanlig behandling', Alder: String(30 + (i % 35)), Køn: i % 3 ? 'Kvinde' : 'Mand', Smerte: String(3 + (i % 6)) };
    for (const e of extra) base[e] = ['Nord', 'Syd'][i % 2]!;
    lines.push(header.map((h) => (h === 'Besøg' ? 'Baseline' : (cell(i, h) ?? base[h]!))).join(';'));
    lines.push(header.map((h) => (h === 'Besøg' ? '3 måneder' : h === 'Smerte' ? String(2 + (i % 5)) : base[h]!)).join(';'));
  }
  return lines.join('\r\n');
}

const load = (text: string, plan: object = PLAN, excludeInvalid = false) => loadTrial(parseCsvText(text, 'sx_samlet.csv'), parsePlan(plan), { excludeInvalid });

describe('identifiers where a category belongs', () => {
  it('an e-mail address in "Køn" stops the run at its line and column, never quoted, also with --exclude-invalid', () => {
    const text = export_((i, c) => (i === 9 && c === 'Køn' ? 'mette.hansen@gmail.com' : undefined));
    for (const exclude of [false, true]) {
      const err = errorOf(() => load(text, PLAN, exclude));
      // Respondent 9's baseline row is line 18 (header, then two rows per respondent); "Køn" is column 6.
      expect(err.problems!.map((p) => [p.line, p.column, p.field, p.kind])).toEqual([[18, 6, 'Køn', 'covariate.free-text:Køn']]);
      expect(err.problems![0]!.detail).toBe('the cell has an e-mail address');
      expect(JSON.stringify(err)).not.toMatch(/mette|gmail/);
    }
  });

  it('a name and phone number, and SAS and Danish dates, are refused alike; the file without them gives Table 1 its two levels', () => {
    for (const note of ['Mette Hansen tlf 20456789', 'ring 20 45 67 89', '17JUN2020', '17. juni 2020']) {
      const err = errorOf(() => load(export_((i, c) => (i === 9 && c === 'Køn' ? note : undefined))));
      expect(err.problems!.map((p) => [p.line, p.column, p.kind]), note).toEqual([[18, 6, 'covariate.free-text:Køn']]);
      expect(JSON.stringify(err), note).not.toContain(note);
    }
    const t1 = baselineTable(load(export_()), new Map());
    const sex = t1.rows.find((r) => r.key === 'koen')!;
    expect(sex.arms.intervention.kind === 'categorical' && sex.arms.intervention.levels.map((l) => l.level)).toEqual(['Kvinde', 'Mand']);
  });

  it('a subgroup column holding a phone number is refused the same way', () => {
    const plan = { ...PLAN, subgroups: [{ column: 'Region', label: { en: 'region', da: 'region' }, prespecified: false }] };
    const err = errorOf(() => load(export_((i, c) => (i === 4 && c === 'Region' ? 'ring til mig på 20 45 67 89' : undefined), ['Region']), plan));
    expect(err.problems!.map((p) => [p.line, p.column, p.kind])).toEqual([[8, 8, 'attribute.free-text:Region']]);
    expect(JSON.stringify(err)).not.toMatch(/20 45 67 89/);
    // With "levels" the other values are counted, never shown (docs/subgroups.md): read.
    const listed = { ...PLAN, subgroups: [{ column: 'Region', label: { en: 'region', da: 'region' }, levels: ['Nord', 'Syd'], prespecified: false }] };
    expect(load(export_((i, c) => (i === 4 && c === 'Region' ? 'ring til mig på 20 45 67 89' : undefined), ['Region']), listed).patients).toHaveLength(40);
  });

  it('a value several patients share is a code (a clinic\'s phone number); a column of dates is no covariate', () => {
    const clinic = load(export_((i, c) => (c === 'Køn' && i <= 6 ? 'Klinik 70203040' : undefined)));
    expect(clinic.patients.filter((p) => p.covariates.koen === 'Klinik 70203040')).toHaveLength(6);
    const dates = errorOf(() => load(export_((i, c) => (c === 'Køn' ? `${String((i % 28) + 1).padStart(2, '0')}MAR2024` : undefined))));
    expect(dates.problems!.map((p) => p.kind)).toEqual(['covariate.date:Køn']);
    expect(JSON.stringify(dates)).not.toMatch(/MAR2024/);
  });
});

describe('identifiers in quoted cells', () => {
  it('validate, validate --json and analyze --exclude-invalid --json quote an e-mail address and a phone number masked', async () => {
    const dir = tempDir();
    const csv = join(dir, 'v_pii2.csv');
    const plan = join(dir, 'plan.json');
    writeFileSync(csv, export_((i, c) => (i === 6 && c === 'Alder' ? 'mette.hansen@gmail.com' : i === 7 && c === 'Smerte' ? 'ring til mig på 20 45 67 89' : undefined)));
    writeFileSync(plan, JSON.stringify(PLAN));
    const text = await runCli('validate', csv, '--plan', plan);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('v_pii2.csv:12:5 (Alder): "[e-mail]" — expected');
    expect(text.stderr).toContain('v_pii2.csv:14:7 (Smerte): "ring til mig på XX XX XX XX" — expected');
    const json = await runCli('validate', csv, '--plan', plan, '--json');
    const analyzed = await runCli('analyze', csv, '--plan', plan, '--exclude-invalid', '--json');
    expect(analyzed.code).toBe(0);
    const groups = JSON.parse(analyzed.stdout).input.excluded.groups as { values: string[] }[];
    expect(groups.map((g) => g.values)).toEqual([['[e-mail]'], ['ring til mig på XX XX XX XX']]);
    for (const out of [text.stdout, text.stderr, json.stdout, json.stderr, analyzed.stdout, analyzed.stderr]) expect(out).not.toMatch(/mette|gmail|20 45 67 89/);
  });
});
