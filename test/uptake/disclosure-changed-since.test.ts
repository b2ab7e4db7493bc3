/**
 * A closed month that changed between two publications (docs/disclosure-control.md, "Changed
 * since an earlier publication"). A region publishes monthly (April, May, June 2024, each June
 * with `--previous` the one before). In June the registry differs in January:
 *  - rm: one January referral removed (not activated). Until 3 December 2026 June printed
 *    Midtjylland's January as 147 referred / 97 activated where May printed 148 / 97: one patient
 *    removed, never activated, exit 0 and no note;
 *  - one: one January referral registered late (149 where May printed 148): the suppression hid
 *    January, but the audit equated it with May's 148 and failed the publication ("148 … 148");
 *  - mv: a referral date corrected from January to February (147 / 156 where May printed 148 / 155).
 * Now every count of a changed month is hidden (the whole country's too), results.json lists the
 * month (`previous.changed`), the audit reads it, and the run says which months changed.
 * (The counts above are of the first registry: Syddanmark and Nordjylland 120 referrals each,
 * seed 7. Since the insider rule May hid all three regions' May activations with the country's
 * printed, and June, printing them, was rightly refused by the chain check (Nordjylland's 3 as of
 * 31 May pinned): the registry is now Syddanmark and Nordjylland 300 each, seed 11, whose chain
 * publishes, with the same January changes of Midtjylland.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditPublishedUptake } from '../../src/uptake/disclosure/attacker-audit.js';
import type { PreviousPublication } from '../../src/uptake/disclosure/previous-publication.js';
import type { UptakeAnalysis } from '../../src/uptake/uptake-analysis.js';
import { uptakeTables } from '../../src/report/uptake-tables.js';
import { runCli, tempDir } from '../support/run-cli.js';

const HEADER = '\uFEFFPatientID;Region;Klinik;Henvist;Aktiveret;SidstAktiv;Alder;Køn;Henviser';
const MID = 'Region Midtjylland';

interface Person { id: number; region: string; clinic: string; referred: number; activated?: number; last?: number }

/** 1,500 referrals January–June 2024 (Midtjylland 900, Syddanmark and Nordjylland 300 each), day numbers from 1 January. */
function people(): Person[] {
  let seed = 11;
  const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const out: Person[] = [];
  let id = 8000;
  for (const [region, n] of [[MID, 900], ['Region Syddanmark', 300], ['Region Nordjylland', 300]] as const) {
    for (let i = 0; i < n; i++) {
      const referred = Math.floor(rnd() * 182);
      const activated = rnd() < 0.6 ? referred + Math.floor(rnd() * 21) : undefined;
      out.push({ id: ++id, region, clinic: rnd() < 0.5 ? '0101' : '0102', referred, ...(activated !== undefined ? { activated, last: activated + Math.floor(rnd() * 120) } : {}) });
    }
  }
  return out.sort((a, b) => a.referred - b.referred || a.id - b.id);
}

const date = (d: number) => {
  const x = new Date(Date.UTC(2024, 0, 1) + d * 86_400_000);
  return `${String(x.getUTCDate()).padStart(2, '0')}-${String(x.getUTCMonth() + 1).padStart(2, '0')}-${x.getUTCFullYear()}`;
};
const EXPORTS = { 4: ['2024-04-30', 120], 5: ['2024-05-31', 151], 6: ['2024-06-30', 181] } as const;

/** The export of month `m` (rows referred by its end, censored there). */
function registry(list: readonly Person[], m: 4 | 5 | 6): string {
  const end = EXPORTS[m][1];
  const rows = list.filter((p) => p.referred <= end).map((p) => {
    const act = p.activated !== undefined && p.activated <= end ? p.activated : undefined;
    const last = act !== undefined ? Math.min(p.last!, end) : undefined;
    return [p.id, p.region, p.clinic, date(p.referred), act !== undefined ? date(act) : '', last !== undefined ? date(last) : '', '41', 'K', 'Fysioterapeut'].join(';');
  });
  return [HEADER, ...rows].join('\r\n') + '\r\n';
}

const ALL = people();
/** Midtjylland's January referrals never activated: the patients the variants touch. */
const janNotActivated = ALL.filter((p) => p.region === MID && p.referred < 31 && p.activated === undefined);
const late = janNotActivated[0]!, removed = janNotActivated[1]!, moved = janNotActivated[2]!;
const before = ALL.filter((p) => p !== late);
const VARIANTS = {
  rm: ALL.filter((p) => p !== late && p !== removed),
  one: ALL,
  mv: before.map((p) => (p === moved ? { ...p, referred: 35 } : p)),
};

const ELIGIBLE = ['Region;År;Antal', ...[MID, 'Region Syddanmark', 'Region Nordjylland'].flatMap((r) => [`${r};2024;40.000`, `${r};2025;40.000`])].join('\n') + '\n';
const plan = (m: 4 | 5 | 6) => ({
  currency: 'DKK',
  priceModel: { mode: 'all-units', volumeScope: 'national', tiers: [{ upTo: 2000, price: 1500 }, { upTo: null, price: 1200 }] },
  scenarios: { low: [0.02], base: [0.05], high: [0.08] },
  firstYear: 2025,
  suppression: { threshold: 5 },
  exportDate: EXPORTS[m][0],
  columns: {
    registry: { id: 'PatientID', clinic: 'Klinik', referred: 'Henvist', activated: 'Aktiveret', last_active: 'SidstAktiv', age: 'Alder', sex: 'Køn', referrer: 'Henviser' },
    eligible: { year: 'År', eligible: 'Antal' },
  },
  dateFormat: 'dd-mm-yyyy',
  publish: { months: true, clinics: false, equity: [] },
});

let dir = '';
async function publish(name: string, list: readonly Person[], m: 4 | 5 | 6, previous?: string) {
  const reg = join(dir, `${name}.csv`), planFile = join(dir, `plan${m}.json`), elig = join(dir, 'elig.csv');
  writeFileSync(reg, registry(list, m));
  writeFileSync(elig, ELIGIBLE);
  writeFileSync(planFile, JSON.stringify(plan(m)));
  const run = await runCli('uptake', reg, '--eligible', elig, '--plan', planFile, '--json', ...(previous ? ['--previous', previous] : []));
  expect(run.code, run.stderr).toBe(0);
  const file = join(dir, `${name}.json`);
  writeFileSync(file, run.stdout);
  return { analysis: JSON.parse(run.stdout) as UptakeAnalysis, file, stderr: run.stderr, registry: reg, plan: planFile, eligible: elig };
}

const COUNTS = ['referrals', 'activations', 'atRisk4w', 'retained4w', 'atRisk12w', 'retained12w'] as const;
/**
 * The reader's subtraction: every row printed in both, where a count fell or a closed month's
 * count changed, by 1–4 (then − now or now − then), or where its activations are unchanged while
 * its referrals changed (the changed patient was not activated).
 */
function subtractions(then: UptakeAnalysis, now: UptakeAnalysis, exportThen: string): string[] {
  const found: string[] = [];
  for (const r of now.metrics) {
    const old = then.metrics.find((m) => m.region === r.region && m.period === r.period && m.dimension === r.dimension && m.level === r.level);
    if (!old) continue;
    const closed = /^\d{4}-\d{2}$/.test(r.period) && `${r.period}-31` <= exportThen;
    for (const c of COUNTS) {
      const [x, y] = [r[c], old[c]];
      if (typeof x !== 'number' || typeof y !== 'number') continue;
      const d = Math.abs(x - y);
      if ((x < y || (closed && c === 'referrals')) && d > 0 && d < 5) found.push(`${c} ${r.region} ${r.period}: ${y} then, ${x} now`);
    }
  }
  return found;
}

let P5: Awaited<ReturnType<typeof publish>>;
beforeAll(async () => {
  dir = tempDir();
  const P4 = await publish('P4', before, 4);
  P5 = await publish('P5', before, 5, P4.file);
}, 120_000);

const row = (a: UptakeAnalysis, region: string, period: string) => a.metrics.find((m) => m.region === region && m.period === period && m.dimension === 'all')!;

describe('a referral removed from a closed month', () => {
  it('is hidden with every count of its month (the whole country\'s too): no subtraction gives it, the audit passes, the run says which month changed', async () => {
    expect(row(P5.analysis, MID, '2024-01').referrals).toEqual(expect.any(Number));
    // Without --previous June can be subtracted from May: 1 removed.
    const alone = await publish('P6rm-alone', VARIANTS.rm, 6);
    expect(subtractions(P5.analysis, alone.analysis, '2024-05-31')).toContain(`referrals ${MID} 2024-01: ${row(P5.analysis, MID, '2024-01').referrals} then, ${Number(row(P5.analysis, MID, '2024-01').referrals) - 1} now`);

    const P6 = await publish('P6rm', VARIANTS.rm, 6, P5.file);
    expect(subtractions(P5.analysis, P6.analysis, '2024-05-31')).toEqual([]);
    for (const region of [MID, 'national']) for (const c of COUNTS) expect(row(P6.analysis, region, '2024-01')[c], `${c} ${region}`).toBe('suppressed');
    // With the month, the whole export and the activation years from 2024 on: the same units whether the removed patient was activated or not (closeChangedUnits).
    expect(P6.analysis.previous?.changed?.periods).toEqual([{ region: MID, period: '2024-01' }, { region: MID, period: 'all' }, { region: 'national', period: '2024-01' }, { region: 'national', period: 'all' }]);
    expect(P6.analysis.previous?.changed?.activationYears).toContainEqual({ region: MID, year: 2024 });
    expect(P6.analysis.previous?.changed?.activationYears.every((y) => y.year >= 2024 && (y.region === MID || y.region === 'national'))).toBe(true);
    // Said, without the size of the change (CLI and page, en/da).
    expect(P6.stderr).toContain(`note: Changed since an earlier publication of this registry (late registrations or corrections): referrals in 2024-01 (${MID} and the whole country); all referrals (the whole export) (${MID} and the whole country); activations in 2024 (${MID} and the whole country). Every count of them is hidden in this publication, whatever its value`);
    expect(uptakeTables(P6.analysis, 'en').preamble.join('\n')).toContain(`Changed since an earlier publication of this registry (late registrations or corrections): referrals in 2024-01 (${MID} and whole country);`);
    // In text mode once, in the summary on stdout (it was on stderr too).
    const text = await runCli('uptake', P6.registry, '--eligible', P6.eligible, '--plan', P6.plan, '--previous', P5.file);
    expect(text.code, text.stderr).toBe(0);
    expect((text.stdout + text.stderr).split('Changed since an earlier publication').length - 1).toBe(1);
    expect(text.stdout).toContain('Changed since an earlier publication');
    expect(uptakeTables(P6.analysis, 'da').preamble.join('\n')).toContain(`Ændret siden en tidligere offentliggørelse af dette register (efterregistreringer eller rettelser): henvisninger i 2024-01 (${MID} og hele landet);`);
    expect(uptakeTables(P5.analysis, 'en').preamble.join('\n')).not.toContain('Changed since');

    const audited = await runCli('uptake', '--audit', '--published', P6.file);
    expect(audited.code, audited.stdout).toBe(0);
    // The audit given the unprotected June finds the fall.
    const unprotected = await runCli('uptake', '--audit', '--published', alone.file, '--previous', P5.file);
    expect(unprotected.code).toBe(1);
    expect(unprotected.stdout).toContain(`referrals · ${MID} · 2024-01 · all=all published on 2024-05-31 − the same count now (it fell): 1 … 1`);
  }, 180_000);
});

describe('a late registration or a date corrected in a closed month', () => {
  it('the protected publication passes the audit (as published and on the registry); the unprotected one fails', async () => {
    const one = await publish('P6one', VARIANTS.one, 6, P5.file);
    expect(row(one.analysis, MID, '2024-01').referrals).toBe('suppressed');
    const audited = await runCli('uptake', '--audit', '--published', one.file);
    expect(audited.code, audited.stdout).toBe(0);
    expect(audited.stdout).toContain('Suppressed cells narrower than 5: 0 (none)');
    const onRegistry = await runCli('uptake', one.registry, '--eligible', one.eligible, '--plan', one.plan, '--previous', P5.file, '--audit');
    expect(onRegistry.code, onRegistry.stdout).toBe(0);

    const mv = await publish('P6mv', VARIANTS.mv, 6, P5.file);
    expect(mv.analysis.previous?.changed?.periods).toEqual([
      { region: MID, period: '2024-01' }, { region: MID, period: '2024-02' }, { region: MID, period: 'all' }, { region: 'national', period: '2024-01' }, { region: 'national', period: '2024-02' }, { region: 'national', period: 'all' },
    ]);
    expect((await runCli('uptake', '--audit', '--published', mv.file)).code).toBe(0);

    const alone = await publish('P6one-alone', VARIANTS.one, 6);
    const unprotected = await runCli('uptake', '--audit', '--published', alone.file, '--previous', P5.file);
    expect(unprotected.code).toBe(1);
    expect(unprotected.stdout).toContain(`referrals · ${MID} · 2024-01 · all=all published on 2024-05-31 − the same count now (a closed period changed): 1 … 1`);
  }, 240_000);
});

describe('the audit of a closed month', () => {
  // January 2024 hidden with February, the year printed 70; May printed January as 40 and February as 30.
  const month = (period: string, referrals: number | 'suppressed') => ({ region: 'A', period, dimension: 'all', level: 'all', referrals, activations: 0, atRisk4w: 0, retained4w: 0, atRisk12w: 0, retained12w: 0 });
  const pub = (changed?: object) => ({
    exportDate: '2024-06-30', rows: 70,
    metrics: [month('2024-01', 'suppressed'), month('2024-02', 'suppressed'), month('2024', 70), month('all', 70)],
    uptake: [], budget: { observed: [] },
    ...(changed ? { previous: { changed } } : {}),
  });
  const previous: PreviousPublication = {
    file: 'P5.json', exportDate: '2024-05-31', exportDates: ['2024-05-31'], uncarried: [],
    counts: [
      { asOf: '2024-05-31', kind: 'metric', measure: 'referrals', region: 'A', period: '2024-01', dimension: 'all', level: 'all', value: 40 },
      { asOf: '2024-05-31', kind: 'metric', measure: 'referrals', region: 'A', period: '2024-02', dimension: 'all', level: 'all', value: 30 },
    ],
  };
  const rule = { threshold: 5, protectionLevel: 5, zerosSensitive: false };

  it('equates an unchanged month with its earlier print (pinned), and does not where the publication says it changed', () => {
    // Pinned to exactly its earlier print: listed apart, not a failure (zeros shown; docs "Audit").
    const unchanged = auditPublishedUptake(pub() as never, rule, previous);
    expect(unchanged.narrow).toEqual([]);
    expect(unchanged.unchangedSincePrinted?.map((n) => n.cell)).toEqual(['referrals · A · 2024-01 · all=all', 'referrals · A · 2024-02 · all=all']);
    expect(auditPublishedUptake(pub() as never, { ...rule, zerosSensitive: true }, previous).narrow.map((n) => n.cell)).toEqual(['referrals · A · 2024-01 · all=all', 'referrals · A · 2024-02 · all=all']);
    const changed = { periods: [{ region: 'A', period: '2024-01' }, { region: 'A', period: '2024-02' }], activationYears: [], clinicRegions: [] };
    const report = auditPublishedUptake(pub(changed) as never, rule, previous);
    expect(report.narrow).toEqual([]);
    expect(report.disclosedDifferences).toEqual([]);
  });

  it('still reports a changed month pinned to within 1–4 of its earlier print', () => {
    // The year printed 41 with February printed 0: January is 41, one more than May's 40.
    const p = { ...pub({ periods: [{ region: 'A', period: '2024-01' }], activationYears: [], clinicRegions: [] }), rows: 41, metrics: [month('2024-01', 'suppressed'), month('2024-02', 0), month('2024', 41), month('all', 41)] };
    const report = auditPublishedUptake(p as never, rule, { ...previous, counts: [previous.counts[0]!] });
    expect(report.disclosedDifferences.map((d) => d.cell)).toContain('referrals · A · 2024-01 · all=all now − published on 2024-05-31 (changed since)');
  });
});

describe('the "changed since" sentence', () => {
  it('names referral periods as such and the whole export in words, never the code "all"', async () => {
    const { changedSentence } = await import('../../src/uptake/publication-notes.js');
    const changed = { periods: [{ region: 'Midtjylland', period: 'all' }, { region: 'national', period: 'all' }, { region: 'Midtjylland', period: '2024' }], activationYears: [], clinicRegions: [] };
    const en = changedSentence(changed, 'en', (s) => (s === 'national' ? 'the whole country' : s))!;
    expect(en).toContain('referrals in 2024 (Midtjylland); all referrals (the whole export) (Midtjylland and the whole country)');
    const da = changedSentence(changed, 'da', (s) => (s === 'national' ? 'hele landet' : s))!;
    expect(da).toContain('henvisninger i 2024 (Midtjylland); alle henvisninger (hele udtrækket) (Midtjylland og hele landet)');
    expect(da).not.toMatch(/\ball\b/);
  });

  it('is true also of a period the earlier publication hid: no "earlier print" is assumed (en, da)', async () => {
    const { changedSentence } = await import('../../src/uptake/publication-notes.js');
    // May 2025 was hidden by P1 and listed because P1's totals no longer add up (unprintedPeriodsChanged).
    const changed = { periods: [{ region: 'Syddanmark', period: '2025-05' }], activationYears: [], clinicRegions: [] };
    const en = changedSentence(changed, 'en')!;
    expect(en).not.toMatch(/earlier print|difference from/);
    expect(en).toContain("whatever its value: set against the earlier publication's numbers, whether it printed that count or hid it, it would count the patients registered late or corrected.");
    const da = changedSentence(changed, 'da')!;
    expect(da).not.toContain('forskellen fra det tidligere tal');
    expect(da).toContain('uanset værdi: holdt op mod den tidligere offentliggørelses tal, hvad enten den viste eller diskretionerede tallet, ville det tælle de efterregistrerede eller rettede patienter.');
  });
});
