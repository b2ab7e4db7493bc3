/**
 * A clinic merge between two publications (docs/disclosure-control.md "Changed since an earlier
 * publication"). A Syddanmark + Sjælland registry (Regionskode 1083/1085, Behandlingssted,
 * dd-mm-yyyy, BOM, CRLF) is published as of 30 June 2025 (P1) and again as of 30 September 2025
 * (P2, `--previous P1`). Between the cuts the BI system relabelled every row of "Svendborg Fysio",
 * old ones too, as "Odense C Lægehus", and only 2 new referrals went to the two. Until
 * 4 December 2026 P2 printed Odense's merged count and no Svendborg row, exit 0, no note, and the
 * audit of the pair passed: Odense now − Odense then − Svendborg then = 2, and equally the
 * region's growth less Kolding's, Vejle's and Esbjerg's = 2.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { absentCategories, unprotectedAbsences, type PreviousCount, type PreviousPublication } from '../../src/uptake/disclosure/previous-publication.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

const HEADER = '\uFEFFPatientID;Regionskode;Kommunekode;Behandlingssted;Henvisningsdato;Aktiveringsdato;Sidst aktiv;Alder;Køn;Henviser';
const SYD = 'Region Syddanmark';
const ODENSE = 'Odense C Lægehus', SVENDBORG = 'Svendborg Fysio', KOLDING = 'Lægerne Kolding', VEJLE = 'Vejle Kiropraktik', ESBJERG = 'Esbjerg Fysioterapi';
/** Syddanmark's clinics other than the two merged. */
const OTHERS = [KOLDING, VEJLE, ESBJERG];
/** Referrals per clinic up to P1 (2024-01-01 … 2025-06-30) and added by P2 (July–September 2025). */
const CLINICS: [region: string, clinic: string, before: number, added: number][] = [
  ['1083', ODENSE, 40, 1], ['1083', SVENDBORG, 45, 1], ['1083', KOLDING, 38, 11], ['1083', VEJLE, 42, 9],
  ['1085', 'Roskilde Lægecenter', 44, 10], ['1085', 'Næstved Fysioterapi', 47, 12], ['1085', 'Holbæk Praksis', 41, 8],
  // A fifth Syddanmark clinic: the merged Odense's hidden count needs complements of two other
  // clinics (one alone knows its own and would subtract it from the region's: docs/disclosure-control.md
  // "Insiders"), so with three others one is left printed where the merge is declared.
  ['1083', ESBJERG, 36, 7],
];
const CUT1 = Date.UTC(2025, 5, 30), CUT2 = Date.UTC(2025, 8, 30), START = Date.UTC(2024, 0, 1), DAY = 86_400_000;

interface Row { id: string; region: string; clinic: string; referred: number; activated?: number; last?: number; age: number; sex: string }

function rows(): Row[] {
  let seed = 11;
  const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const out: Row[] = [];
  let id = 10_000;
  for (const [region, clinic, before, added] of CLINICS) {
    const span = (from: number, to: number) => from + Math.floor(rnd() * ((to - from) / DAY + 1)) * DAY;
    for (let i = 0; i < before + added; i++) {
      const referred = i < before ? span(START, CUT1) : span(CUT1 + DAY, CUT2);
      const activated = rnd() < 0.65 ? referred + Math.floor(rnd() * 20) * DAY : undefined;
      out.push({ id: `P${++id}`, region, clinic, referred, age: 18 + Math.floor(rnd() * 70), sex: rnd() < 0.5 ? 'K' : 'M', ...(activated !== undefined ? { activated, last: activated + Math.floor(rnd() * 200) * DAY } : {}) });
    }
  }
  return out;
}

const ddmmyyyy = (t: number) => { const d = new Date(t); return `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`; };

/** The export cut at `end`; `merged`: Svendborg's rows, old ones too, labelled Odense. */
function registry(end: number, merged: boolean, spell: (clinic: string) => string = (c) => c): string {
  const lines = rows().filter((r) => r.referred <= end).map((r) => {
    const a = r.activated !== undefined && r.activated <= end ? r.activated : undefined;
    const last = a !== undefined ? Math.min(r.last!, end) : undefined;
    const clinic = spell(merged && r.clinic === SVENDBORG ? ODENSE : r.clinic);
    return [r.id, r.region, r.region === '1083' ? '461' : '265', clinic, ddmmyyyy(r.referred), a !== undefined ? ddmmyyyy(a) : '', last !== undefined ? ddmmyyyy(last) : '', r.age, r.sex, 'Egen læge'].join(';');
  });
  return [HEADER, ...lines].join('\r\n') + '\r\n';
}

const plan = (exportDate: string, extra: Record<string, unknown> = {}) => ({
  currency: 'DKK',
  priceModel: { mode: 'all-units', volumeScope: 'national', tiers: [{ upTo: 2000, price: 1500 }, { upTo: null, price: 1200 }] },
  scenarios: { low: [0.02, 0.04, 0.06], base: [0.05, 0.08, 0.11], high: [0.08, 0.13, 0.18] },
  firstYear: 2025,
  suppression: { threshold: 5 },
  columns: { registry: { id: 'PatientID', referred: 'Henvisningsdato', activated: 'Aktiveringsdato', last_active: 'Sidst aktiv', age: 'Alder', sex: 'Køn', referrer: 'Henviser', region: 'Regionskode', clinic: 'Behandlingssted' } },
  dateFormat: 'dd-mm-yyyy',
  publish: { months: false, clinics: true, equity: [] },
  exportDate,
  ...extra,
});

type Json = { metrics: Record<string, unknown>[]; funnel: { rows: Record<string, unknown>[] }; previous?: { changed?: { clinicRegions: string[] } } };
const clinicCount = (j: Json, clinic: string) => j.funnel.rows.find((r) => r.region === SYD && r.clinic === clinic)?.referrals;
const regionAll = (j: Json) => j.metrics.find((r) => r.region === SYD && r.period === 'all' && r.dimension === 'all')?.referrals;
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** The two subtractions a reader guessing the merge makes; undefined where a count they need is hidden. */
function routes(p1: Json, p2: Json): { direct?: number; growth?: number } {
  const [o2, o1, s1] = [num(clinicCount(p2, ODENSE)), num(clinicCount(p1, ODENSE)), num(clinicCount(p1, SVENDBORG))];
  const [r2, r1] = [num(regionAll(p2)), num(regionAll(p1))];
  const grown = OTHERS.map((c) => { const a = num(clinicCount(p2, c)), b = num(clinicCount(p1, c)); return a !== undefined && b !== undefined ? a - b : undefined; });
  return {
    ...(o2 !== undefined && o1 !== undefined && s1 !== undefined ? { direct: o2 - o1 - s1 } : {}),
    ...(r2 !== undefined && r1 !== undefined && grown.every((g) => g !== undefined) ? { growth: r2 - r1 - grown.reduce((t, g) => t! + g!, 0)! } : {}),
  };
}

let dir: string;
let p1: Json, unsafe: Json, fixed: Json, fixedStderr: string, declared: Json, declaredStderr: string, same: Json, spelt: Json, speltStderr: string, notMergedStderr: string;
let p3: Json, p3Stderr: string;
const CUT3 = Date.UTC(2025, 11, 31);
const ELIGIBLE = 'Region;2024;2025;2026;2027;2028\r\n1083;25.000;25.400;25.800;26.000;26.300\r\n1085;17.000;17.200;17.400;17.600;17.800\r\n';

async function publish(name: string, end: number, merged: boolean, previous?: string, extra?: Record<string, unknown>, spell?: (clinic: string) => string): Promise<{ json: Json; stderr: string }> {
  const reg = join(dir, `${name}.csv`), planFile = join(dir, `${name}.plan.json`), out = join(dir, `${name}.json`);
  writeFileSync(reg, registry(end, merged, spell));
  writeFileSync(planFile, JSON.stringify(plan(new Date(end).toISOString().slice(0, 10), extra)));
  const r = await runCli('uptake', reg, '--eligible', join(dir, 'eligible.csv'), '--plan', planFile, '--json', ...(previous ? ['--previous', previous] : []));
  expect(r.code, r.stderr).toBe(0);
  writeFileSync(out, r.stdout);
  return { json: JSON.parse(r.stdout) as Json, stderr: r.stderr };
}

beforeAll(async () => {
  dir = tempDir();
  writeFileSync(join(dir, 'eligible.csv'), ELIGIBLE);
  p1 = (await publish('p1', CUT1, false)).json;
  // What hta printed before this fix, with --previous too: every clinic, the merged Odense among them.
  unsafe = (await publish('p2-unsafe', CUT2, true)).json;
  const f = await publish('p2', CUT2, true, join(dir, 'p1.json'));
  fixed = f.json;
  fixedStderr = f.stderr;
  const d = await publish('p2-declared', CUT2, true, join(dir, 'p1.json'), { clinicMerges: [{ from: SVENDBORG, into: ODENSE }] });
  declared = d.json;
  declaredStderr = d.stderr;
  // No merge; the second export spells Odense in lower case with a trailing blank.
  same = (await publish('p2-same', CUT2, false, join(dir, 'p1.json'))).json;
  // P3 names the declared P2 only; its plan does not declare the merge again.
  const three = await publish('p3', CUT3, true, join(dir, 'p2-declared.json'));
  p3 = three.json;
  p3Stderr = three.stderr;
  // A merge declared where none happened: Svendborg is still there, so it does not apply.
  notMergedStderr = (await publish('p2-not-merged', CUT2, false, join(dir, 'p1.json'), { clinicMerges: [{ from: SVENDBORG, into: ODENSE }] })).stderr;
  const sp = await publish('p2-spelt', CUT2, false, join(dir, 'p1.json'), {}, (c) => (c === ODENSE ? 'odense c lægehus ' : c));
  spelt = sp.json;
  speltStderr = sp.stderr;
}, 60_000);
afterAll(removeTempDirs);

describe('a clinic merged into another between two publications', () => {
  it('the unsafe pair gives the 2 new referrals by both routes', () => {
    expect(clinicCount(unsafe, SVENDBORG)).toBeUndefined();
    expect(clinicCount(unsafe, ODENSE)).toBe(40 + 1 + 45 + 1);
    expect(routes(p1, unsafe)).toEqual({ direct: 2, growth: 2 });
  });

  it('with --previous, the region\'s clinics are hidden as changed and neither route is open', () => {
    expect(fixed.previous?.changed?.clinicRegions).toEqual([SYD]);
    for (const c of [ODENSE, ...OTHERS]) expect(clinicCount(fixed, c)).toBe('suppressed');
    expect(routes(p1, fixed)).toEqual({});
    // Sjælland's clinics are not touched by Syddanmark's merge.
    expect(fixed.funnel.rows.filter((r) => r.region !== SYD).some((r) => typeof r.referrals === 'number')).toBe(true);
  });

  it('the run names the clinic gone and what it did, on stderr, without counts', () => {
    expect(fixedStderr).toContain(`clinic ${SVENDBORG} (${SYD}), printed as of 2025-06-30`);
    expect(fixedStderr).toContain('hidden here (every clinic count of its region)');
    expect(fixedStderr).not.toMatch(/Svendborg[^\n]*\b(45|46)\b/);
  });

  it('the audit fails the unsafe P2, naming the merge and the difference, and passes the fixed one', async () => {
    writeFileSync(join(dir, 'p2-unsafe.json'), JSON.stringify(unsafe));
    const bad = await runCli('uptake', '--audit', '--published', join(dir, 'p2-unsafe.json'), '--previous', join(dir, 'p1.json'));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('whose counts this file does not list as changed: 1');
    expect(bad.stdout).toContain(`clinic ${SVENDBORG} (${SYD}), printed as of 2025-06-30`);
    expect(bad.stdout).toMatch(new RegExp(`referrals · clinic ${SYD}/${ODENSE} now − as of 2025-06-30 − ${SVENDBORG}'s as of 2025-06-30: 2`));
    const good = await runCli('uptake', '--audit', '--published', join(dir, 'p2.json'), '--previous', join(dir, 'p1.json'));
    expect(good.stdout).toContain('whose counts this file does not list as changed: 0 (none)');
    expect(good.code, good.stdout).toBe(0);
  }, 30_000);
});

describe('a clinic merge the plan declares (clinicMerges)', () => {
  it('compares like with like: Odense now against Odense + Svendborg then, its 2 added hidden, no blanket over the region', () => {
    expect(declared.previous).toMatchObject({ clinicMerges: [{ region: SYD, from: SVENDBORG, into: ODENSE }] });
    expect(declared.previous?.changed).toBeUndefined();
    expect(clinicCount(declared, ODENSE)).toBe('suppressed');
    expect(routes(p1, declared)).toEqual({});
    // Fewer clinics hidden than without the declaration: some Syddanmark clinic is printed.
    expect(OTHERS.some((c) => typeof clinicCount(declared, c) === 'number')).toBe(true);
    expect(declaredStderr).toContain(`${SVENDBORG} into ${ODENSE} (${SYD})`);
    expect(declaredStderr).not.toContain('absent now');
  });

  it('a later publication naming the declared one applies its merge again without the plan declaring it: no blanket over the region', async () => {
    expect(p3.previous).toMatchObject({ clinicMerges: [{ region: SYD, from: SVENDBORG, into: ODENSE }] });
    expect(p3.previous?.changed).toBeUndefined();
    expect(OTHERS.some((c) => typeof clinicCount(p3, c) === 'number')).toBe(true);
    expect(p3Stderr).toContain(`clinic merges an earlier publication applied (its previous.clinicMerges), applied again, compared like with like — the earlier counts of both against the one clinic now: ${SVENDBORG} into ${ODENSE} (${SYD})`);
    expect(p3Stderr).not.toContain('absent now');
    // The audit of P3 against P2 (which carries P1) passes: it reads P3's own record of the merge.
    const audit = await runCli('uptake', '--audit', '--published', join(dir, 'p3.json'), '--previous', join(dir, 'p2-declared.json'));
    expect(audit.code, audit.stdout).toBe(0);
  }, 30_000);

  it('a declaration that did not apply is named on stderr, saying when one applies (the first listed earlier, printed or hidden, absent now; the second there now)', () => {
    expect(notMergedStderr).toContain(`clinic merges the plan declares (clinicMerges) not applied: ${SVENDBORG} into ${ODENSE} — applied only where an earlier publication listed the first (its counts printed or hidden), the first is absent now and the second is there now, in the same region`);
  });

  it('the audit compares the file\'s declared merge like with like: passes it, and fails it with Odense\'s 88 printed (88 − 40 − 45 − 1 … the 2 added)', async () => {
    const good = await runCli('uptake', '--audit', '--published', join(dir, 'p2-declared.json'), '--previous', join(dir, 'p1.json'));
    expect(good.code, good.stdout).toBe(0);
    const odense = declared.funnel.rows.find((r) => r.region === SYD && r.clinic === ODENSE)!;
    odense.referrals = 40 + 1 + 45 + 1;
    writeFileSync(join(dir, 'p2-declared-printed.json'), JSON.stringify(declared));
    const bad = await runCli('uptake', '--audit', '--published', join(dir, 'p2-declared-printed.json'), '--previous', join(dir, 'p1.json'));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(`referrals · clinic ${SYD}/${ODENSE} − the same count published on 2025-06-30: 2 … 2`);
  }, 30_000);
});

describe('a clinic spelled otherwise only by case or blanks in the next export', () => {
  it('is the same clinic: compared like with like, as if spelled the same, with a note; the audit passes it', async () => {
    expect(speltStderr).toContain(`clinic names of an earlier publication that differ from a clinic now only in case or blanks are compared as that clinic, its counts then against its counts now: "${ODENSE}" (${SYD}, printed as of 2025-06-30) as "odense c lægehus"`);
    expect(speltStderr).not.toContain('absent now');
    expect(spelt.previous?.changed).toBeUndefined();
    // The same table as the export spelling it as before (Odense's 1 added hidden, not every clinic of the region).
    const byName = (rows: Record<string, unknown>[]) => [...rows].sort((a, b) => String(a.region + '|' + a.clinic).localeCompare(String(b.region + '|' + b.clinic)));
    const rename = (j: Json) => byName(j.funnel.rows.map((r) => ({ ...r, clinic: r.clinic === ODENSE ? 'odense c lægehus' : r.clinic })));
    expect(spelt.funnel.rows.map((r) => r.clinic)).toContain('odense c lægehus');
    expect(byName(spelt.funnel.rows)).toEqual(rename(same));
    expect(clinicCount(spelt, 'odense c lægehus')).toBe('suppressed');
    expect([...OTHERS, SVENDBORG].some((c) => typeof clinicCount(spelt, c) === 'number')).toBe(true);
    const audit = await runCli('uptake', '--audit', '--published', join(dir, 'p2-spelt.json'), '--previous', join(dir, 'p1.json'));
    expect(audit.code, audit.stdout).toBe(0);
  }, 30_000);
});

describe('absentCategories', () => {
  const m = (region: string, period: string, dimension: string, level: string, value = 30): PreviousCount => ({ asOf: '2025-06-30', kind: 'metric', measure: 'referrals', region, period, dimension, level, value });
  const row = (region: string, period: string, dimension: string, level: string) => ({ region, period, dimension, level });
  const now = {
    metrics: [row('A', 'all', 'all', 'all'), row('A', '2025', 'all', 'all'), row('A', '2025', 'referrer', 'Almen praksis'), row('national', '2025', 'referrer', 'Almen praksis')],
    clinics: [{ region: 'A', clinic: 'x' }, { region: 'B', clinic: 'moved' }],
  };
  it('a renamed equity level changes its region\'s period and the whole country\'s', () => {
    const r = absentCategories([m('A', '2025', 'referrer', 'Egen læge')], now, '2025-09-30');
    expect(r.absent).toEqual([{ asOf: '2025-06-30', kind: 'level', region: 'A', dimension: 'referrer', level: 'Egen læge' }]);
    expect([...r.units].sort()).toEqual(['m|A|2025', 'm|national|2025']);
  });
  it('a vanished region changes every region\'s period; a breakdown not printed now is not compared', () => {
    expect([...absentCategories([m('Z', '2025', 'all', 'all')], now, '2025-09-30').units]).toEqual(['m|A|2025']);
    expect(absentCategories([m('A', '2025', 'sex', 'K')], now, '2025-09-30').absent).toEqual([]);
  });
  it('a clinic gone changes its region\'s clinics and those of a region where its name appears now', () => {
    const c: PreviousCount = { asOf: '2025-06-30', kind: 'clinic', measure: 'referrals', region: 'A', clinic: 'moved', value: 12 };
    expect([...absentCategories([c], now, '2025-09-30').units].sort()).toEqual(['c|A', 'c|B']);
    // No funnel printed now, or another cut of this same extract: nothing compared.
    expect(absentCategories([c], { ...now, clinics: [] }, '2025-09-30').absent).toEqual([]);
    expect(absentCategories([c], now, '2025-06-30').absent).toEqual([]);
  });
  it('gives each category its own units, of every date it was printed as of; the audit names only a category whose units the file does not list', () => {
    const gone: PreviousCount = { asOf: '2025-03-31', kind: 'clinic', measure: 'referrals', region: 'A', clinic: 'gone', value: 12 };
    const earlier = [gone, m('A', '2025', 'referrer', 'Egen læge'), { ...m('A', '2024', 'referrer', 'Egen læge'), asOf: '2025-03-31' }, m('A', '2024', 'all', 'all')];
    const r = absentCategories(earlier, { ...now, metrics: [...now.metrics, row('A', '2024', 'all', 'all'), row('A', '2024', 'referrer', 'Almen praksis')] }, '2025-09-30');
    expect(r.absent.map((a) => a.kind)).toEqual(['clinic', 'level']);
    expect(r.unitsOf.map((u) => [...u].sort())).toEqual([['c|A'], ['m|A|2024', 'm|A|2025', 'm|national|2024', 'm|national|2025']]);
    // The file lists the clinic's region and the level's 2025 as changed, not its 2024: only the level is unprotected.
    const published = {
      exportDate: '2025-09-30',
      metrics: [...now.metrics, row('A', '2024', 'all', 'all'), row('A', '2024', 'referrer', 'Almen praksis')],
      funnel: { rows: now.clinics },
      previous: { changed: { periods: [{ region: 'A', period: '2025' }, { region: 'national', period: '2025' }], activationYears: [], clinicRegions: ['A'] } },
    };
    const publication: PreviousPublication = { file: 'p1.json', exportDate: '2025-06-30', exportDates: ['2025-03-31', '2025-06-30'], counts: earlier, uncarried: [] };
    expect(unprotectedAbsences(published, publication, { threshold: 5, zerosSensitive: false }).map((a) => a.category)).toEqual(['referrer Egen læge (A)']);
  });
});
