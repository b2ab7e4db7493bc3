/**
 * An earlier publication's hidden counts after rows were removed (docs/disclosure-control.md
 * "Hidden parts that fell"). The audit ties each count an earlier publication hid to the same count
 * now as "now ≥ then" (attacker-audit.ts `hiddenEarlier`): counts only grow — unless patients are
 * withdrawn from the registry, when a hidden count can be smaller now and the constraint is false.
 *
 * The chain (fixture hidden-parts-fell/, README.md): the hidden-parts registry published as of
 * 30 November 2025 (years only, the default plan: nov.json hides Sjælland's and Nordjylland's 2025
 * activations; the country's 389 and Hovedstaden's 261 printed, so those two regions' are 128
 * together) and again as of 31 December 2025 with one Nordjylland patient activated in April 2025
 * withdrawn (P01360) and no Sjælland or Nordjylland activation registered in December: their 2025
 * activations are 127 together now. No printed count fell (Nordjylland's referrals and at risk at 4
 * weeks gained December's patients), so nothing was listed as changed. Until 6 December 2026 the
 * run wrote that December unchecked ("could not be checked", the audit's model having no table of
 * counts: 127 ≥ 128 false), and `--audit --published` stopped with exit 2, though the subtraction
 * (389 − 261) − (410 − 283) = 1 tells a reader that one patient of theirs was withdrawn.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditAsRead } from '../../src/uptake/disclosure/published-audit.js';
import { mergePublications } from '../../src/uptake/disclosure/previous-publication.js';
import type { PublishedUptake } from '../../src/uptake/disclosure/attacker-audit.js';
import { runCli, tempDir } from '../support/run-cli.js';
import { HP, asOf, registry } from '../support/hidden-parts-chain.js';

const FIXTURE = 'test/uptake/fixtures/hidden-parts-fell';
const COUNTS = ['referrals', 'activations', 'atRisk4w', 'retained4w', 'atRisk12w', 'retained12w'] as const;
type Json = { metrics: Record<string, unknown>[]; uptake: Record<string, unknown>[]; previous?: { changed?: { activationYears: { region: string; year: number }[] } } };

/** December's export: `withdrawn` (default P01360) left out, no Sjælland or Nordjylland activation registered in December 2025. */
function decemberLines(withdrawn = 'P01360'): string[] {
  return registry((f) => f[0] !== withdrawn).map((line) => {
    const f = line.split(',');
    if ((f[1] === 'Sjælland' || f[1] === 'Nordjylland') && f[4]! >= '2025-12-01') { f[4] = ''; f[5] = ''; }
    return f.join(',');
  });
}

/** hidden-parts' plan as of `exportDate`, with `suppression` (default: the plan's), the months published where `months`. */
function planFile(dir: string, exportDate: string, suppression?: object, months = false): string {
  const p = JSON.parse(readFileSync(join(HP, 'plan.json'), 'utf8')) as Record<string, unknown>;
  const file = join(dir, `plan-${exportDate}-${suppression ? 'raw' : 'pub'}${months ? '-months' : ''}.json`);
  writeFileSync(file, JSON.stringify({ ...p, exportDate, ...(suppression ? { suppression } : {}), ...(months ? { publish: { months: true, clinics: false, equity: [] } } : {}) }));
  return file;
}

/** Every count of an export, none hidden (threshold 1), by the audit's cell names. */
async function trueCounts(dir: string, csv: string, exportDate: string): Promise<Map<string, number>> {
  const file = join(dir, `true-${exportDate}.csv`);
  writeFileSync(file, csv);
  const run = await runCli('uptake', file, '--eligible', join(HP, 'eligible.csv'), '--plan', planFile(dir, exportDate, { threshold: 1, acknowledgeLowThreshold: true }), '--first-publication', '--json');
  expect(run.code, run.stderr).toBe(0);
  const j = JSON.parse(run.stdout) as Json;
  const out = new Map<string, number>();
  for (const m of j.metrics) for (const c of COUNTS) out.set(`${c} · ${String(m.region)} · ${String(m.period)} · ${String(m.dimension)}=${String(m.level)}`, m[c] as number);
  for (const u of j.uptake) out.set(`activations · ${String(u.region)} · activated in ${String(u.year)}`, u.activations as number);
  return out;
}

/**
 * The audit's exact bounds (a protection level no interval reaches: each cell's minimum and maximum
 * solved) of `dec` read with `nov`, checked against the true counts: this file's hidden cells
 * against December's, November's hidden counts ("… as of 2025-11-30 (hidden then)") against
 * November's. Returns the number of intervals checked.
 */
function boundsHoldTruth(dec: Json, nov: unknown, truth: { nov: Map<string, number>; dec: Map<string, number> }): number {
  const earlier = mergePublications([{ json: nov, file: 'nov.json' }, { json: dec, file: 'dec.json', own: false }]);
  const { audit } = auditAsRead(dec as unknown as PublishedUptake, { threshold: 5, protectionLevel: 1e9, zerosSensitive: false }, earlier, []);
  const all = [...audit.intervals, ...(audit.earlierHidden ?? [])];
  for (const i of all) {
    const hiddenThen = i.cell.endsWith(' as of 2025-11-30 (hidden then)');
    const value = hiddenThen ? truth.nov.get(i.cell.slice(0, -' as of 2025-11-30 (hidden then)'.length)) : truth.dec.get(i.cell);
    expect(value, i.cell).toBeDefined();
    expect(i.lower, `${i.cell}: ${i.lower} … ${i.upper}, true ${value}`).toBeLessThanOrEqual(value! + 1e-6);
    expect(i.upper, `${i.cell}: ${i.lower} … ${i.upper}, true ${value}`).toBeGreaterThanOrEqual(value! - 1e-6);
  }
  return all.length;
}

describe('a chain whose earlier hidden counts fell (rows withdrawn since)', () => {
  it('the setting: no printed count fell, the two regions\' hidden 2025 activations did (128 then, 127 now)', async () => {
    const dir = tempDir();
    const nov = await trueCounts(dir, asOf(registry(() => true), '2025-11-30'), '2025-11-30');
    const dec = await trueCounts(dir, decemberLines().join('\n') + '\n', '2025-12-31');
    const both = (t: Map<string, number>, k: (r: string) => string) => t.get(k('Sjælland'))! + t.get(k('Nordjylland'))!;
    expect(both(nov, (r) => `activations · ${r} · activated in 2025`)).toBe(128);
    expect(both(dec, (r) => `activations · ${r} · activated in 2025`)).toBe(127);
    // Nordjylland's own fell (16 → 15); its printed referrals and at risk at 4 weeks did not.
    expect([nov.get('activations · Nordjylland · activated in 2025'), dec.get('activations · Nordjylland · activated in 2025')]).toEqual([16, 15]);
    expect(dec.get('referrals · Nordjylland · 2025 · all=all')!).toBeGreaterThan(nov.get('referrals · Nordjylland · 2025 · all=all')!);
    expect(dec.get('atRisk4w · Nordjylland · 2025 · all=all')).toBe(nov.get('atRisk4w · Nordjylland · 2025 · all=all'));
  }, 60_000);

  it('the run lists the fallen hidden parts as changed and is checked (no "could not be checked"); the audit\'s exact bounds hold the true counts', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'dec.csv'), decemberLines().join('\n') + '\n');
    const run = await runCli('uptake', join(dir, 'dec.csv'), '--eligible', join(HP, 'eligible.csv'), '--plan', planFile(dir, '2025-12-31'), '--previous', join(FIXTURE, 'nov.json'), '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('could not be checked');
    expect(run.stderr).toContain('Changed since an earlier publication');
    const dec = JSON.parse(run.stdout) as Json;
    expect(dec.previous?.changed?.activationYears).toEqual(expect.arrayContaining([{ region: 'Nordjylland', year: 2025 }, { region: 'Sjælland', year: 2025 }]));
    writeFileSync(join(dir, 'dec.json'), run.stdout);
    const audit = await runCli('uptake', '--audit', '--published', join(dir, 'dec.json'), '--previous', join(FIXTURE, 'nov.json'));
    expect(audit.code, audit.stdout + audit.stderr).toBe(0);
    const truth = {
      nov: await trueCounts(dir, asOf(registry(() => true), '2025-11-30'), '2025-11-30'),
      dec: await trueCounts(dir, decemberLines().join('\n') + '\n', '2025-12-31'),
    };
    const nov = JSON.parse(readFileSync(join(FIXTURE, 'nov.json'), 'utf8')) as unknown;
    expect(boundsHoldTruth(dec, nov, truth)).toBeGreaterThan(40);
    // The file made before the fix (nothing listed): read with the fall, its bounds hold the truth too.
    expect(boundsHoldTruth(JSON.parse(readFileSync(join(FIXTURE, 'dec-before-fix.json'), 'utf8')) as Json, nov, truth)).toBeGreaterThan(40);
  }, 180_000);

  it('the audit of the December made before the fix reads the chain and reports the fall (exit 1, not 2)', async () => {
    const audit = await runCli('uptake', '--audit', '--published', join(FIXTURE, 'dec-before-fix.json'), '--previous', join(FIXTURE, 'nov.json'));
    expect(audit.stderr).not.toContain('contradict each other');
    expect(audit.code, audit.stdout + audit.stderr).toBe(1);
    expect(audit.stdout).toContain('activations · national · activated in 2025 − the parts printed, published on 2025-11-30 − the same parts now (the hidden parts fell): 1 … 1');
    const da = await runCli('uptake', '--audit', '--published', join(FIXTURE, 'dec-before-fix.json'), '--previous', join(FIXTURE, 'nov.json'), '--lang', 'da');
    expect(da.stdout).toContain('aktiveringer · hele landet · aktiveret i 2025 − de viste dele, offentliggjort 2025-11-30 − samme dele nu (de diskretionerede dele faldt): 1 til 1');
  }, 60_000);
});

describe('an earlier hidden year whose month is listed as changed (attacker-audit.ts `changedWithin`)', () => {
  it('is not tied to now as grown: the audit\'s interval of it holds the true count', async () => {
    // Months published. December: P01334 (Nordjylland, referred 29 May 2025, activated in June)
    // withdrawn, no Sjælland or Nordjylland activation registered in December. November printed
    // the country's May, not Nordjylland's: December lists the country's May (the change seen only
    // there). Nordjylland's 2025 activations, hidden in November (16), are 15 now: held as grown
    // since, the audit bounded November's at most 15 (each cell's maximum solved), the true 16
    // outside; a reader who knows the listing knows better.
    const dir = tempDir();
    writeFileSync(join(dir, 'nov.csv'), asOf(registry(() => true), '2025-11-30'));
    const nov = await runCli('uptake', join(dir, 'nov.csv'), '--eligible', join(HP, 'eligible.csv'), '--plan', planFile(dir, '2025-11-30', undefined, true), '--first-publication', '--json');
    expect(nov.code, nov.stderr).toBe(0);
    writeFileSync(join(dir, 'nov.json'), nov.stdout);
    writeFileSync(join(dir, 'dec.csv'), decemberLines('P01334').join('\n') + '\n');
    const dec = await runCli('uptake', join(dir, 'dec.csv'), '--eligible', join(HP, 'eligible.csv'), '--plan', planFile(dir, '2025-12-31', undefined, true), '--previous', join(dir, 'nov.json'), '--json');
    expect(dec.code, dec.stderr).toBe(0);
    expect(dec.stderr).toContain('referrals in 2025-05 (the whole country)');
    writeFileSync(join(dir, 'dec.json'), dec.stdout);
    const truth = await trueCounts(dir, asOf(registry(() => true), '2025-11-30'), '2025-11-30');
    expect(truth.get('activations · Nordjylland · 2025 · all=all')).toBe(16);
    const audit = await runCli('uptake', '--audit', '--published', join(dir, 'dec.json'), '--previous', join(dir, 'nov.json'), '--json');
    expect(audit.code, audit.stdout.slice(0, 2000)).toBe(0);
    const hidden = (JSON.parse(audit.stdout) as { audit: { earlierHidden: { cell: string; lower: number; upper: number }[] } }).audit.earlierHidden;
    const nj = hidden.find((i) => i.cell === 'activations · Nordjylland · 2025 · all=all as of 2025-11-30 (hidden then)')!;
    // Both ends are values of tables the audit cannot rule out, so every value between them is one too.
    expect(nj.lower).toBeLessThanOrEqual(16);
    expect(Number(nj.upper)).toBeGreaterThanOrEqual(16);
  }, 180_000);
});
