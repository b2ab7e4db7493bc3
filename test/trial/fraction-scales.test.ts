// Fractions of 1 read as a 0–100 score (docs/plan-trial.md#fractions-of-one): an ODI column of
// Excel percentage cells saved as 0.44 was analysed on a 0–1 scale against an MCID of 10 — exit 0,
// every verdict "not clinically relevant". validate, analyze and report now refuse it at the first
// such cell, also with --exclude-invalid; plan init says so among its checks. A true 0–1 scale, a
// few low values and a column with a value above 1 are not refused.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const FIXTURE = 'test/fixtures/exports/odi-fractions';
const exportText = readFileSync(join(FIXTURE, 'export.csv'), 'utf8');
const fixturePlan = JSON.parse(readFileSync(join(FIXTURE, 'plan.json'), 'utf8')) as Record<string, unknown>;

/** A long export of 12 patients at two visits with one column `score` (cells as written by `cell`), read as `instrument`. */
function load(instrument: string, cell: (p: number, t: number) => string, instruments?: Record<string, unknown>, excludeInvalid = false) {
  const lines = ['id,arm,time,score'];
  for (let p = 1; p <= 12; p++) ['baseline', '3m'].forEach((t, k) => lines.push(`${p},${p % 2 ? 'A' : 'B'},${t},${cell(p, k)}`));
  const plan = parsePlan({ arms: { intervention: 'A', control: 'B' }, timepoints: ['3m'], ...(instruments ? { instruments } : {}), outcomes: [{ key: 'score', instrument }] });
  return () => loadTrial(parseCsvText(lines.join('\n') + '\n', 'x.csv'), plan, { excludeInvalid });
}
const odi = (decimals: boolean) => ({ odi: { label: { en: 'Oswestry Disability Index (0–100)' }, range: [0, 100], direction: 'lower-is-better', mcid: 10, decimals } });
/** 0.12 … 0.62: two decimals, none 0 or 1. */
const fraction = (p: number, t: number) => `0.${12 + ((p * 7 + t * 3) % 50)}`;

function refusal(run: () => unknown): HtaError {
  try {
    run();
  } catch (err) {
    if (err instanceof HtaError) return err;
    throw err;
  }
  throw new Error('not refused');
}

describe('a 0–100 score column of fractions of 1', () => {
  it('is refused at its first cell with decimals: line, column, value and the score it stands for', () => {
    const err = refusal(load('odi', fraction, odi(true)));
    expect(err.message).toBe('x.csv: outcome "score" (column "score") holds fractions of 1, not scores; nothing was written (also with --exclude-invalid)');
    expect(err.problems).toHaveLength(1);
    const [p] = err.problems;
    expect(p).toMatchObject({ file: 'x.csv', line: 2, column: 4, field: 'score', value: fraction(1, 0), kind: 'score.fraction:score' });
    // 0.19 is 19 on the 0–100 scale, computed from the cell, not typed here as text.
    expect(p!.expected.startsWith(`${Math.round(Number(fraction(1, 0)) * 100)} (a score from 0 to 100), not ${fraction(1, 0)} — the column looks like fractions of 1 (Excel percentage cells`)).toBe(true);
    expect(p!.expected).toContain('every one of its 24 values lies from 0 to 1, 24 of them with decimals; multiply the column by 100 or format it as numbers');
  });

  it('is refused with --exclude-invalid too: it is the column\'s problem, not a row\'s', () => {
    expect(refusal(load('odi', fraction, odi(true), true)).problems[0]!.kind).toBe('score.fraction:score');
  });

  it('on a whole-number instrument says fractions, not "define an instrument with decimals"', () => {
    const err = refusal(load('odi', fraction, odi(false)));
    expect(err.problems.map((p) => p.kind)).toEqual(['score.fraction:score']);
    expect(err.problems[0]!.expected).not.toContain('"decimals": true');
  });

  it('on a scale whose top is not 100 (RMDQ 0–24) asks for the scores on that scale', () => {
    const err = refusal(load('rmdq', fraction));
    expect(err.problems[0]!.expected).toContain('a score from 0 to 24, not a fraction of 1 such as');
    expect(err.problems[0]!.expected).toContain('put the scores on the 0–24 scale in the export');
  });

  it('a decimal-comma file gets the score with its comma', () => {
    const lines = ['id;arm;time;score'];
    for (let p = 1; p <= 12; p++) ['baseline', '3m'].forEach((t, k) => lines.push(`${p};${p % 2 ? 'A' : 'B'};${t};${fraction(p, k).replace('.', ',')}5`));
    const plan = parsePlan({ arms: { intervention: 'A', control: 'B' }, timepoints: ['3m'], instruments: odi(true), outcomes: [{ key: 'score', instrument: 'odi' }] });
    const p = refusal(() => loadTrial(parseCsvText(lines.join('\n') + '\n', 'x.csv'), plan)).problems[0]!;
    expect(p.value).toBe(`${fraction(1, 0).replace('.', ',')}5`);
    expect(p.expected.startsWith(`${fraction(1, 0).slice(2)},5 (a score from 0 to 100), not ${p.value} —`)).toBe(true);
  });
});

describe('not refused', () => {
  it('a true 0–1 scale (its top below 10)', () => {
    const share = { share: { label: { en: 'Share of days at work' }, range: [0, 1], direction: 'higher-is-better', mcid: 0.1, decimals: true } };
    expect(() => load('share', fraction, share)()).not.toThrow();
  });

  it('fewer than ten values', () => {
    expect(() => load('odi', (p, t) => (p <= 4 && t === 1 ? fraction(p, t) : ''), odi(true))()).not.toThrow();
  });

  it('a column with one value above 1, which no percentage cell writes', () => {
    expect(() => load('odi', (p, t) => (p === 5 && t === 1 ? '2' : fraction(p, t)), odi(true))()).not.toThrow();
  });

  it('a column of mostly whole 0s and 1s (one item read as the score: a note, not this refusal)', () => {
    expect(() => load('odi', (p, t) => (p === 3 ? '0.5' : String((p + t) % 2)), odi(true))()).not.toThrow();
  });

  it('a real 0–100 score', () => {
    expect(() => load('odi', (p, t) => String(20 + p + t), odi(true))()).not.toThrow();
  });
});

describe('the user\'s export (REDCap long, ODI from Excel percentage cells, the plan init drafted)', () => {
  async function run(...args: string[]) {
    const dir = tempDir();
    writeFileSync(join(dir, 'export.csv'), exportText);
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(fixturePlan));
    const r = await runCli(...args.map((a) => a.replace('DIR', dir)));
    return { ...r, dir };
  }

  it('validate and analyze refuse it (exit 2) and write nothing', async () => {
    const v = await run('validate', 'DIR/export.csv', '--plan', 'DIR/plan.json');
    expect(v.code).toBe(2);
    expect(v.stderr).toContain('(odi): "0.61" — expected 61 (a score from 0 to 100), not 0.61 — the column looks like fractions of 1');
    const a = await run('analyze', 'DIR/export.csv', '--plan', 'DIR/plan.json', '--out', 'DIR/out.json');
    expect(a.code).toBe(2);
    expect(existsSync(join(a.dir, 'out.json'))).toBe(false);
    expect(a.stderr).not.toContain('looks like one item of the questionnaire');
  });

  it('--lang da words the refusal in Danish', async () => {
    const a = await run('analyze', 'DIR/export.csv', '--plan', 'DIR/plan.json', '--lang', 'da');
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('effektmål "odi" (kolonnen "odi") indeholder andele af 1, ikke scorer; intet er skrevet (heller ikke med --exclude-invalid)');
    expect(a.stderr).toContain('forventet 61 (en score fra 0 til 100), ikke 0.61 — kolonnen ligner andele af 1 (Excel-celler formateret som procent, 44 % gemt som 0,44): alle dens 60 værdier ligger fra 0 til 1, 60 af dem med decimaler; gang kolonnen med 100');
    expect(a.stderr).not.toMatch(/expected|looks like|every one/);
  });

  it('plan init drafts the plan and says so among its checks', () => {
    const d = draftPlan(parseCsvText(exportText, 'export.csv'), 'plan.schema.json');
    const check = d.checks.find((c) => c.includes('fractions of 1'));
    expect(check).toContain('"odi" is drafted as a 0–100 scale, but every one of its 60 values lies from 0 to 1, 60 of them with decimals (line 2: 0.61)');
    expect(check).toContain('Multiply the column by 100 (0.61 → 61)');
    // The same export with the scores ×100 has no such check.
    const scores = exportText.replace(/,(0\.\d+)$/gm, (_m, f: string) => `,${Math.round(Number(f) * 100)}`);
    expect(draftPlan(parseCsvText(scores, 'export.csv'), 'plan.schema.json').checks.some((c) => c.includes('fractions of 1'))).toBe(false);
  });
});
