import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateEligible, simulateRegistry } from '../../src/simulate/registry.js';
import { runCli, tempDir } from '../support/run-cli.js';

const PLAN = 'data/plans/uptake.plan.json';
const REGISTRY = 'data/synthetic/registry.csv';
const ELIGIBLE = 'data/synthetic/eligible.csv';
const FX = 'test/uptake/fixtures';

/** Every count field of the analysis (and of its CSV tables). */
// `eligible` is the population denominator, not patients: never suppressed.
const COUNT_KEYS = new Set(['rows', 'referrals', 'activations', 'atRisk4w', 'retained4w', 'atRisk12w', 'retained12w']);

function isSafeCount(v: unknown): boolean {
  if (v === null) return true;
  if (typeof v === 'string') return v === 'suppressed'; // one marker, whatever the hidden value
  return typeof v === 'number' && (v >= 5 || v === 0); // zeros are published by default
}

/** Every [key, value] of count fields anywhere in a JSON value (budget projections are modelled, not counted). */
function countFields(v: unknown, path = ''): [string, unknown][] {
  if (Array.isArray(v)) return v.flatMap((x, i) => countFields(x, `${path}[${i}]`));
  if (v === null || typeof v !== 'object') return [];
  if (path.endsWith('.projection') || path.endsWith('.sensitivity')) return [];
  return Object.entries(v).flatMap(([k, x]) => [
    ...(COUNT_KEYS.has(k) && (x === null || typeof x !== 'object') ? [[`${path}.${k}`, x] as [string, unknown]] : []),
    ...countFields(x, `${path}.${k}`),
  ]);
}

/** Body rows of each text table in the summary, as {header → cell}. */
function summaryTables(text: string): Record<string, string>[] {
  const lines = text.split('\n');
  const rows: Record<string, string>[] = [];
  lines.forEach((line, i) => {
    if (!/^─/.test(line)) return;
    const header = (lines[i - 1] ?? '').split(/\s{2,}/);
    for (let j = i + 1; j < lines.length && (lines[j] ?? '').trim() !== ''; j++) {
      const cells = (lines[j] ?? '').split(/\s{2,}/);
      rows.push(Object.fromEntries(header.map((h, k) => [h, cells[k] ?? ''])));
    }
  });
  return rows;
}

function summaryCounts(text: string): string[] {
  const out: string[] = [];
  // "20,000 referrals read", or "referrals read: suppressed" when the total is hidden.
  const first = /; (?:(\S+) referrals read|referrals read: (\S+?))\./.exec(text);
  if (first) out.push((first[1] ?? first[2])!);
  for (const row of summaryTables(text)) {
    for (const [h, cell] of Object.entries(row)) {
      if (['Referred', 'Activated'].includes(h)) out.push(cell);
      const n = /\(n ([^)]+)\)$/.exec(cell);
      if (n) out.push(n[1]!);
    }
  }
  return out;
}

const textCountOk = (c: string) => c === 'suppressed' || c === '0' || (/^\d{1,3}(,\d{3})*$/.test(c) && Number(c.replace(/,/g, '')) >= 5);

function parseCsv(text: string): Record<string, string>[] {
  const [head, ...body] = text.trimEnd().split('\n');
  const cols = head!.split(',');
  return body.map((l) => Object.fromEntries(l.split(',').map((c, i) => [cols[i]!, c])));
}

async function runAll(registry: string, eligible: string, plan = PLAN) {
  const dir = tempDir();
  const csvDir = join(dir, 'tables');
  const summary = await runCli('uptake', registry, '--eligible', eligible, '--plan', plan);
  const json = await runCli('uptake', registry, '--eligible', eligible, '--plan', plan, '--json', '--csv-dir', csvDir);
  // The CSV tables (beside them, hta's index of the files it wrote: .hta-files.json).
  const csvs = existsSync(csvDir) ? Object.fromEntries(readdirSync(csvDir).filter((f) => f.endsWith('.csv')).map((f) => [f, readFileSync(join(csvDir, f), 'utf8')])) : {};
  return { summary, json, csvs, csvDir };
}

describe('hta uptake on the bundled synthetic registry', () => {
  it('prints a readable summary: regions, uptake per 1,000, equity, outlying clinics, budget and sensitivity', async () => {
    const r = await runCli('uptake', REGISTRY, '--eligible', ELIGIBLE, '--plan', PLAN);
    expect(r.code).toBe(0);
    for (const title of ['Activation and retention by region', 'Uptake per 1,000 eligible', 'Equity', 'Clinics outside the funnel limits', 'Gross app cost: observed so far', 'projected cost by year and uptake scenario', 'One-way sensitivity']) {
      expect(r.stdout).toContain(title);
    }
    expect(r.stdout).toMatch(/^Whole country +20,000 +13,264 +66\.3 \(65\.7 to 67\.0\)/m);
    expect(r.stdout).toMatch(/^Referred by +Chiropractor +2,431/m);
    expect(r.stdout).toMatch(/outside the 95% limits: 9 clinics \(5 within the 99\.8% limits, 4 outside them\) \(H010, M008, S003, S010\)/);
    expect(r.stdout).toMatch(/^S003 +Syddanmark +204 +66 +32\.4 .* Below 99\.8%$/m);
    expect(r.stdout).toContain('Cost (1,000 DKK)');
    expect(r.stdout).toMatch(/^Uptake +−50% +[\d,]+ +−[\d,]+$/m);
  });

  it('--json prints the whole UptakeAnalysis and --csv-dir writes one CSV per table', async () => {
    const dir = tempDir();
    const r = await runCli('uptake', REGISTRY, '--eligible', ELIGIBLE, '--plan', PLAN, '--json', '--csv-dir', dir);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(Object.keys(a)).toEqual(['exportDate', 'rows', 'threshold', 'suppression', 'methods', 'metrics', 'uptake', 'funnel', 'budget']);
    expect(a).toMatchObject({ exportDate: '2025-12-30', rows: 20000, threshold: 5, methods: { activationCi: 'wilson', funnel: 'exact-binomial' } });
    expect(a.funnel.outside998).toEqual(['H010', 'M008', 'S003', 'S010']);
    expect(Object.keys(a.budget)).toEqual(['currency', 'priceYear', 'mode', 'volumeScope', 'years', 'observed', 'projection', 'sensitivity']);
    expect(a.budget.projection).toHaveLength(3 * 3 * 6);
    expect(readdirSync(dir).sort()).toEqual([
      '.hta-files.json', 'activation-metrics.csv', 'budget-observed.csv', 'budget-projection.csv', 'budget-sensitivity.csv', 'clinic-funnel.csv', 'uptake-per-1000.csv',
    ]);
    const metrics = parseCsv(readFileSync(join(dir, 'activation-metrics.csv'), 'utf8'));
    expect(metrics).toHaveLength(a.metrics.length);
    expect(metrics.find((m) => m.region === 'national' && m.period === 'all' && m.dimension === 'all')).toMatchObject({ referrals: '20000', activations: '13264' });
    expect(parseCsv(readFileSync(join(dir, 'clinic-funnel.csv'), 'utf8'))).toHaveLength(a.funnel.rows.length);
  });
});

describe('hta uptake privacy', () => {
  const small = (threshold?: number) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'registry.csv'), simulateRegistry({ rows: 200, seed: 3 }));
    writeFileSync(join(dir, 'eligible.csv'), simulateEligible({ seed: 3 }));
    const plan = JSON.parse(readFileSync(PLAN, 'utf8'));
    if (threshold !== undefined) plan.suppression = { threshold, acknowledgeLowThreshold: true };
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    return { registry: join(dir, 'registry.csv'), eligible: join(dir, 'eligible.csv'), plan: join(dir, 'plan.json') };
  };

  for (const [name, files] of [
    ['the 8-row hand-computed registry', () => ({ registry: `${FX}/registry-small.csv`, eligible: `${FX}/eligible-small.csv`, plan: PLAN })],
    ['a 200-row simulated registry (many small monthly and clinic cells)', () => small()],
  ] as const) {
    // Two full analyses with suppression: past 30 s on a loaded 2-core machine.
    it(`${name}: no count 1–4 in the summary, JSON or CSV, only "suppressed"; no patient id anywhere`, { timeout: 60_000 }, async () => {
      const f = files();
      const { summary, json, csvs } = await runAll(f.registry, f.eligible, f.plan);
      expect(summary.code).toBe(0);
      expect(json.code).toBe(0);
      const a = JSON.parse(json.stdout);
      const fields = countFields(a);
      expect(fields.length).toBeGreaterThan(20);
      expect(fields.filter(([, v]) => !isSafeCount(v))).toEqual([]);
      expect(fields.some(([, v]) => v === 'suppressed')).toBe(true); // the test does exercise suppression
      expect(JSON.stringify(a)).not.toContain('<5'); // one marker only

      const counts = summaryCounts(summary.stdout);
      expect(counts.length).toBeGreaterThan(20);
      expect(counts.filter((c) => !textCountOk(c))).toEqual([]);

      expect(Object.keys(csvs)).toHaveLength(6);
      for (const [file, text] of Object.entries(csvs)) {
        if (file.startsWith('budget-projection') || file.startsWith('budget-sensitivity')) continue;
        for (const row of parseCsv(text)) {
          for (const [col, v] of Object.entries(row)) {
            if (COUNT_KEYS.has(col) && v !== '') expect(v === 'suppressed' || v === '0' || Number(v) >= 5, `${file} ${col}=${v}`).toBe(true);
          }
        }
      }
      const everything = [summary.stdout, summary.stderr, json.stdout, json.stderr, ...Object.values(csvs)].join('\n');
      expect(everything).not.toMatch(/\bP0\d\b/); // fixture ids
      expect(everything).not.toMatch(/\bR\d{3}\b/); // simulated ids R001…R200
    });
  }

  it('with threshold 1 the same small registry shows its real counts (the checks above are not vacuous)', async () => {
    const f = small(1);
    const r = await runCli('uptake', f.registry, '--eligible', f.eligible, '--plan', f.plan, '--json');
    const fields = countFields(JSON.parse(r.stdout));
    expect(fields.some(([, v]) => typeof v === 'number' && v < 5)).toBe(true);
  });
});

describe('hta uptake bad input', () => {
  it('reports every bad row with file:line:column, exits 2 and writes nothing', async () => {
    const dir = join(tempDir(), 'tables');
    const r = await runCli('uptake', `${FX}/registry-bad.csv`, '--eligible', `${FX}/eligible-small.csv`, '--plan', PLAN, '--csv-dir', dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/registry-bad\.csv:3:2 \(region\): "Fyn" — expected one of Hovedstaden/);
    expect(r.stderr).toMatch(/registry-bad\.csv:4:5 \(activated\): "2024-02-01" — expected an activation on or after the referral date 2024-02-10/);
    expect(r.stderr).toMatch(/registry-bad\.csv:5:4 \(referred\): "2024-02-30" — expected a real calendar date/);
    expect(r.stderr).not.toMatch(/\bB0\d\b/);
    expect(existsSync(dir)).toBe(false);
  });

  it('a missing plan, an invalid --lang and a missing --eligible are usage errors (exit 2)', async () => {
    expect((await runCli('uptake', REGISTRY, '--eligible', ELIGIBLE, '--plan', 'nope.json')).code).toBe(2);
    expect((await runCli('uptake', REGISTRY, '--eligible', ELIGIBLE, '--plan', PLAN, '--lang', 'sv')).code).toBe(2);
    expect((await runCli('uptake', REGISTRY, '--plan', PLAN)).code).toBe(2);
  });

  it('refuses a --csv-dir that would overwrite an input', async () => {
    const dir = tempDir();
    const reg = join(dir, 'activation-metrics.csv');
    writeFileSync(reg, readFileSync(`${FX}/registry-small.csv`));
    const r = await runCli('uptake', reg, '--eligible', `${FX}/eligible-small.csv`, '--plan', PLAN, '--csv-dir', dir);
    expect(r.code).toBe(2);
    expect(readFileSync(reg, 'utf8')).toBe(readFileSync(`${FX}/registry-small.csv`, 'utf8'));
  });
});
