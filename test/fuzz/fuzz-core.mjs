// The fuzz campaign's core, shared by the short fixed-seed run in `npm test`
// (test/fuzz/fuzz.test.ts, against src/) and the long run (`npm run fuzz -- --cases N`,
// test/fuzz/run.mjs, against dist/). Plain JavaScript so both can load it unchanged.
//
// A case = one command (validate, score, analyze, meta, uptake, report, simulate; analyze and
// validate on an observational plan with a registry outcome export; cea) on inputs
// derived from the bundled files by a seeded mutator (CSV bytes, plan JSON, paths). After the
// run the case is checked against the invariants of docs/limits.md ("Fuzzing"):
//   exit code in {0, 1, 2}; no stack trace or "internal error" on stderr; nothing written on
//   exit 2; inputs unchanged byte for byte; no NaN/undefined in outputs that the inputs did not
//   already contain; no patient id in any output except the scored export.
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// ---- deterministic randomness ---------------------------------------------------------------
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)], chance: (p) => next() < p };
}

// ---- seed inputs (small, so a case runs in milliseconds) --------------------------------------
export function seedInputs(root) {
  const read = (p) => readFileSync(join(root, p), 'utf8');
  const trialLines = read('data/synthetic/selfback-trial.csv').split('\n');
  // Header + the first 12 patients × 5 visits (both arms appear).
  const trial = trialLines.slice(0, 61).join('\n') + '\n';
  const plan = JSON.parse(read('data/plans/selfback.plan.json'));
  // Keep the analysis quick: no multiple imputation, no sensitivity table.
  plan.missing = { method: 'complete-case', sensitivity: false };
  plan.methods = ['ancova', 'welch'];
  const registryLines = read('data/synthetic/registry.csv').split('\n');
  // Registry outcome export (observational plan): header + 150 patients, wide.
  const outcomeLines = read('data/synthetic/registry-outcomes.csv').split('\n');
  const obsPlan = JSON.parse(read('data/plans/registry-outcomes.plan.json'));
  delete obsPlan.$schema;
  // Cost-effectiveness: 24 Danish patients (the plan's population) × 5 visits, the trial plan
  // above, quick settings (the CLI's --replicates 100 overrides the plan's bootstrap).
  const ceaIds = new Set();
  const ceaTrial = [trialLines[0]];
  for (const l of trialLines.slice(1)) {
    const c = l.split(',');
    if (c[3] !== 'DK' || (!ceaIds.has(c[0]) && ceaIds.size >= 24)) continue;
    ceaIds.add(c[0]);
    ceaTrial.push(l);
  }
  const ceaPlan = JSON.parse(read('data/plans/selfback.cea.json'));
  delete ceaPlan.$schema;
  delete ceaPlan.published;
  Object.assign(ceaPlan, { trialPlan: 'plan.json', unitCosts: 'unit-costs.csv' });
  ceaPlan.interventionCost.uptakePlan = 'uptake.plan.json';
  ceaPlan.imputation.m = 2;
  ceaPlan.sensitivity.replicates = 100;
  return {
    registryOutcomes: outcomeLines.slice(0, 151).join('\n') + '\n',
    obsPlan,
    ceaTrial: ceaTrial.join('\n') + '\n',
    ceaPlan,
    unitCosts: read('data/plans/selfback.unit-costs.csv'),
    trial,
    plan,
    studies: read('data/published/selfback-studies.csv'),
    registry: registryLines.slice(0, 150).join('\n') + '\n',
    eligible: read('data/synthetic/eligible.csv'),
    uptakePlan: JSON.parse(read('data/plans/uptake.plan.json')),
    // Patient ids of the seed trial: none may appear in any output but the scored export.
    ids: [...new Set([...trialLines.slice(1, 61).map((l) => l.split(',')[0]).filter(Boolean), ...ceaIds, ...outcomeLines.slice(1, 151).map((l) => l.split(',')[0]).filter(Boolean)])],
  };
}

// ---- CSV mutations (on bytes) -------------------------------------------------------------------
const JUNK_CELLS = ['1e308', '-1e308', '9'.repeat(400), 'Infinity', '-Infinity', 'NaN', '-0', '0x1F', '1,5', '=HYPERLINK("http://x")', '+1+1', '@SUM(A1)', '-2', 'Ærø', 'Sjælland', 'å', '""', '"', '  ', '\t', 'NA', '.', '', '١٢', '12 kg', '\u00a07'];
const JUNK_BYTES = [[0xff], [0xe6], [0xc3], [0x00], [0xef, 0xbb, 0xbf], [0x22], [0x2c], [0x3b], [0x09], [0x0d], [0x0a], [0xe2, 0x82]];

export function mutateCsv(text, r) {
  let b = Buffer.from(text, 'utf8');
  const rounds = 1 + r.int(3);
  for (let k = 0; k < rounds; k++) {
    const op = r.int(15);
    const at = r.int(Math.max(1, b.length));
    switch (op) {
      case 0: // flip a byte
        if (b.length) b[at] = r.int(256);
        break;
      case 1: // insert special bytes
        b = Buffer.concat([b.subarray(0, at), Buffer.from(r.pick(JUNK_BYTES)), b.subarray(at)]);
        break;
      case 2: // delete a range
        b = Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + 1 + r.int(40)))]);
        break;
      case 3: // truncate
        b = b.subarray(0, at);
        break;
      case 4: // separators: whole file to ; or tab, or one line
        {
          const sep = r.pick([';', '\t', '|']);
          const s = b.toString('utf8');
          b = Buffer.from(r.chance(0.5) ? s.replaceAll(',', sep) : s.replace(/^[^\n]*$/m, (l) => l.replaceAll(',', sep)), 'utf8');
        }
        break;
      case 5: // a cell replaced by junk (huge numbers, formulas, Danish letters, quotes)
      case 6: {
        const lines = b.toString('utf8').split('\n');
        const li = r.int(lines.length);
        const cells = (lines[li] ?? '').split(',');
        cells[r.int(cells.length)] = r.pick(JUNK_CELLS);
        lines[li] = cells.join(',');
        b = Buffer.from(lines.join('\n'), 'utf8');
        break;
      }
      case 7: // BOM (single or double)
        b = Buffer.concat([Buffer.from(r.chance(0.7) ? [0xef, 0xbb, 0xbf] : [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), b]);
        break;
      case 8: // CRLF, CR-only or blank lines
        {
          const s = b.toString('utf8');
          b = Buffer.from(r.pick([s.replaceAll('\n', '\r\n'), s.replaceAll('\n', '\r'), s.replaceAll('\n', '\n\n  \n')]), 'utf8');
        }
        break;
      case 9: // duplicate or drop a line
        {
          const lines = b.toString('utf8').split('\n');
          const li = r.int(lines.length);
          if (r.chance(0.5)) lines.splice(li, 0, lines[li] ?? '');
          else lines.splice(li, 1);
          b = Buffer.from(lines.join('\n'), 'utf8');
        }
        break;
      case 10: // header only / empty / one line
        {
          const s = b.toString('utf8');
          b = Buffer.from(r.pick(['', s.split('\n')[0] ?? '', s.split('\n')[0] + '\n', '\n\n\n']), 'utf8');
        }
        break;
      case 11: // a column renamed or duplicated in the header
        {
          const lines = b.toString('utf8').split('\n');
          const cells = (lines[0] ?? '').split(',');
          const i = r.int(cells.length);
          cells[i] = r.pick([cells[(i + 1) % cells.length], '', 'ID', 'Arm', 'alder', 'age ']);
          lines[0] = cells.join(',');
          b = Buffer.from(lines.join('\n'), 'utf8');
        }
        break;
      case 13: // one column made constant, empty or zero throughout (no variation, no overlap, no data)
        {
          const lines = b.toString('utf8').split('\n');
          const j = r.int(Math.max(1, (lines[0] ?? '').split(',').length));
          const value = r.pick([(lines[1] ?? '').split(',')[j] ?? '', '', '0']);
          b = Buffer.from(lines.map((l, i) => (i === 0 || l === '' ? l : l.split(',').map((c, k) => (k === j ? value : c)).join(','))).join('\n'), 'utf8');
        }
        break;
      case 14: // only the first few data lines (one patient, one group, a handful)
        {
          const lines = b.toString('utf8').split('\n');
          b = Buffer.from(lines.slice(0, 1 + r.pick([1, 2, 3, 6, 12, 25])).join('\n') + '\n', 'utf8');
        }
        break;
      default: // quote a random stretch
        {
          const s = b.toString('utf8');
          const j = Math.min(s.length, at + r.int(30));
          b = Buffer.from(`${s.slice(0, at)}"${s.slice(at, j)}${r.chance(0.5) ? '"' : ''}${s.slice(j)}`, 'utf8');
        }
    }
  }
  return b;
}

// ---- JSON mutations (on the value, then sometimes on the text) ----------------------------------
const JUNK_VALUES = [null, '', 0, -1, 1e308, 1e-320, 'x'.repeat(300), [], {}, true, '1', [[[]]], { unknown: 1 }, 1000001, 2.5, 'Infinity'];

function paths(v, prefix = [], out = []) {
  out.push(prefix);
  if (v && typeof v === 'object') for (const k of Object.keys(v)) paths(v[k], [...prefix, Array.isArray(v) ? Number(k) : k], out);
  return out;
}

export function mutateJson(value, r) {
  const v = structuredClone(value);
  const rounds = 1 + r.int(2);
  const deep = [];
  let root = v;
  for (let k = 0; k < rounds; k++) {
    const all = paths(root).filter((p) => p.length > 0);
    if (all.length === 0) break;
    const p = r.pick(all);
    const parent = p.slice(0, -1).reduce((o, key) => o[key], root);
    const key = p[p.length - 1];
    const op = r.int(6);
    if (op === 0) Array.isArray(parent) ? parent.splice(key, 1) : delete parent[key]; // deletion
    else if (op === 1) parent[key] = r.pick(JUNK_VALUES); // type swap
    else if (op === 2) {
      // Deep nesting, spliced in as text below (JSON.stringify itself would overflow the stack).
      const depth = r.pick([10, 70, 500, 5000]);
      deep.push({ marker: `__deep_${deep.length}__`, depth, inner: parent[key] });
      parent[key] = deep[deep.length - 1].marker;
    } else if (op === 3) parent[`${String(key)}x`] = 1; // unknown key
    else if (op === 4 && typeof parent[key] === 'string') parent[key] = parent[key].toUpperCase() + ' ';
    else if (op === 5 && typeof parent[key] === 'number') parent[key] = parent[key] * r.pick([-1, 1e6, 0]);
  }
  let text = JSON.stringify(root, null, 2);
  for (const d of [...deep].reverse()) text = text.replace(`"${d.marker}"`, () => '['.repeat(d.depth) + (JSON.stringify(d.inner) ?? 'null') + ']'.repeat(d.depth));
  if (r.chance(0.15)) text = text.slice(0, r.int(text.length)); // truncated file
  if (r.chance(0.1)) text = text.replace(/"/, r.pick(["'", '', '\u201c']));
  const bytes = Buffer.from(text, 'utf8');
  if (r.chance(0.05)) return Buffer.concat([bytes.subarray(0, 10), Buffer.from([0xe6]), bytes.subarray(10)]); // Latin-1 byte
  return bytes;
}

// ---- cases --------------------------------------------------------------------------------------
const COMMANDS = ['validate', 'score', 'analyze', 'meta', 'uptake', 'report', 'simulate', 'analyze-registry', 'validate-registry', 'cea'];

/**
 * Builds case `n` of a campaign with seed `seed` in `dir`: writes its inputs and returns
 * `{ command, argv, inputs, outputs, scoredExport }` (paths).
 */
export function buildCase(dir, seeds, seed, n) {
  const r = rng(seed * 1_000_003 + n);
  mkdirSync(dir, { recursive: true });
  const command = COMMANDS[n % COMMANDS.length];
  const file = (name, content) => {
    const p = join(dir, name);
    writeFileSync(p, content);
    return p;
  };
  // Path mutations: the input is a folder, missing, a symlink, or a symlink loop.
  const pathMutation = (p) => {
    if (!r.chance(0.08)) return p;
    const kind = r.int(4);
    if (kind === 0) return dir;
    if (kind === 1) return join(dir, 'missing.csv');
    if (kind === 2) {
      const link = join(dir, `link-${r.int(1e6)}`);
      symlinkSync(p, link);
      return link;
    }
    const loop = join(dir, 'loop');
    // existsSync follows the link (and a loop never resolves), so look at the link itself.
    try {
      lstatSync(loop);
    } catch {
      symlinkSync(loop, loop);
    }
    return loop;
  };
  const out = join(dir, 'out');
  mkdirSync(out, { recursive: true });
  const csvOrSeed = (seedText) => (r.chance(0.85) ? mutateCsv(seedText, r) : Buffer.from(seedText));
  const jsonOrSeed = (value) => (r.chance(0.6) ? mutateJson(value, r) : Buffer.from(JSON.stringify(value, null, 2)));
  let argv;
  let scoredExport;
  switch (command) {
    case 'validate':
    case 'analyze':
    case 'score': {
      const csv = pathMutation(file('trial.csv', csvOrSeed(seeds.trial)));
      const plan = pathMutation(file('plan.json', jsonOrSeed(seeds.plan)));
      argv = [command, csv, '--plan', plan];
      if (command === 'score') {
        scoredExport = join(out, 'scored.csv');
        argv.push('--out', r.chance(0.05) ? csv : scoredExport);
      }
      if (command === 'analyze') {
        if (r.chance(0.5)) argv.push('--json');
        if (r.chance(0.3)) argv.push('--csv', join(out, 'effects.csv'));
        if (r.chance(0.1)) argv.push('--lang', r.pick(['da', 'en', 'xx']));
        if (r.chance(0.05)) argv.push('--bootstrap', r.pick(['20', '0', '1e9', 'x']));
      }
      if (command === 'validate' && r.chance(0.3)) argv.push('--json');
      break;
    }
    case 'analyze-registry':
    case 'validate-registry': {
      // An observational plan (docs/observational.md) on a registry outcome export. One input
      // mutated at a time (or none), so that most cases get past the reading into the analysis.
      const target = r.pick(['csv', 'csv', 'plan', 'none']);
      const csv = pathMutation(file('registry-outcomes.csv', target === 'csv' ? mutateCsv(seeds.registryOutcomes, r) : seeds.registryOutcomes));
      const plan = pathMutation(file('plan.json', target === 'plan' ? mutateJson(seeds.obsPlan, r) : JSON.stringify(seeds.obsPlan, null, 2)));
      argv = [command.split('-')[0], csv, '--plan', plan];
      if (r.chance(0.5)) argv.push('--json');
      if (command === 'analyze-registry') {
        if (r.chance(0.3)) argv.push('--csv', join(out, 'effects.csv'));
        if (r.chance(0.2)) argv.push('--lang', r.pick(['da', 'en']));
        if (r.chance(0.05)) argv.push('--bootstrap', '20');
      }
      break;
    }
    case 'cea': {
      // One input mutated at a time (or none): the export, the CEA plan, the trial plan it
      // names, the unit costs or the uptake plan behind the app's price.
      const target = r.pick(['csv', 'csv', 'cea', 'cea', 'plan', 'costs', 'uptake', 'none']);
      const csv = pathMutation(file('trial.csv', target === 'csv' ? mutateCsv(seeds.ceaTrial, r) : seeds.ceaTrial));
      file('plan.json', target === 'plan' ? mutateJson(seeds.plan, r) : JSON.stringify(seeds.plan));
      file('unit-costs.csv', target === 'costs' ? mutateCsv(seeds.unitCosts, r) : seeds.unitCosts);
      file('uptake.plan.json', target === 'uptake' ? mutateJson(seeds.uptakePlan, r) : JSON.stringify(seeds.uptakePlan));
      const plan = pathMutation(file('cea.json', target === 'cea' ? mutateJson(seeds.ceaPlan, r) : JSON.stringify(seeds.ceaPlan, null, 2)));
      argv = ['cea', csv, '--plan', plan, '--replicates', r.chance(0.05) ? r.pick(['0', 'x', '1e9']) : '100'];
      if (r.chance(0.4)) argv.push('--json');
      if (r.chance(0.3)) argv.push('--out-dir', join(out, 'cea'));
      if (r.chance(0.1)) argv.push('--lang', r.pick(['da', 'xx']));
      break;
    }
    case 'meta': {
      const csv = pathMutation(file('studies.csv', csvOrSeed(seeds.studies)));
      argv = ['meta', csv];
      if (r.chance(0.5)) argv.push('--plan', file('plan.json', jsonOrSeed(seeds.plan)));
      if (r.chance(0.3)) argv.push('--json');
      if (r.chance(0.2)) argv.push('--method', r.pick(['REML', 'DL', 'PM', 'XX']));
      break;
    }
    case 'uptake': {
      const reg = pathMutation(file('registry.csv', csvOrSeed(seeds.registry)));
      const elig = file('eligible.csv', r.chance(0.3) ? mutateCsv(seeds.eligible, r) : seeds.eligible);
      const plan = file('uptake.plan.json', jsonOrSeed(seeds.uptakePlan));
      argv = ['uptake', reg, '--eligible', elig, '--plan', plan];
      if (r.chance(0.4)) argv.push('--json');
      if (r.chance(0.3)) argv.push('--csv-dir', join(out, 'tables'));
      break;
    }
    case 'report': {
      // Manifest parsing and input confinement only: `--only` names no report, so nothing is drawn.
      const entry = { id: 'trial', kind: 'trial', out: 'trial', data: r.pick(['trial.csv', '../trial.csv', '/etc/passwd', 'sub/../trial.csv']), plan: 'plan.json' };
      file('trial.csv', seeds.trial);
      file('plan.json', JSON.stringify(seeds.plan));
      const manifest = pathMutation(file('reports.json', jsonOrSeed({ reports: [entry] })));
      argv = ['report', '--manifest', manifest, '--out', out, '--check', '--only', r.pick(['none', 'trial,none'])];
      break;
    }
    default: {
      const what = r.pick(['trial', 'registry']);
      const count = r.pick(['0', '-1', '1e9', 'x', '', '3', '5', '1.5', 'Infinity', '0x10', '100000001']);
      scoredExport = join(out, 'sim.csv'); // synthetic data: its ids are data, like the scored export's
      argv = ['simulate', what, what === 'trial' ? '--patients' : '--rows', count, '--out', r.chance(0.1) ? dir : scoredExport];
    }
  }
  return { command, argv, dir, out, scoredExport };
}

/** Hashes of every regular file under `dir` except the output folder. */
export function snapshotInputs(dir, out) {
  const hashes = new Map();
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (p === out) continue;
    const st = lstatSync(p);
    if (st.isFile()) hashes.set(p, createHash('sha256').update(readFileSync(p)).digest('hex'));
  }
  return hashes;
}

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

const STACK = /\n\s+at .+[(:]\d+:\d+\)?/;

/**
 * The invariants a finished case must hold; returns the findings (empty = fine). `result` is
 * `{ code, stdout, stderr }` or `{ hang: true }`.
 */
export function checkCase(c, before, result, seeds) {
  const findings = [];
  const add = (kind, detail) => findings.push({ kind, detail });
  if (result.hang) {
    add('hang', 'no exit within the per-case timeout');
    return findings;
  }
  const { code, stdout, stderr } = result;
  if (![0, 1, 2].includes(code)) add('exit-code', `exit ${code}`);
  if (/internal error/.test(stderr) || STACK.test(stderr) || STACK.test(stdout)) add('stack-trace', stderr.split('\n').slice(0, 3).join(' | '));
  const written = listFiles(c.out).filter((p) => !/\.tmp|staging/i.test(p) || true);
  if (code === 2 && written.length) add('partial-output', `exit 2 but wrote ${written.map((p) => p.slice(c.dir.length + 1)).join(', ')}`);
  const after = snapshotInputs(c.dir, c.out);
  for (const [p, h] of before) if (after.get(p) !== h) add('modified-input', p.slice(c.dir.length + 1));
  const inputText = [...before.keys()].map((p) => readFileSync(p, 'latin1')).join('\n');
  const outputs = [['stdout', stdout], ...written.map((p) => [p.slice(c.dir.length + 1), readFileSync(p, 'latin1')])];
  for (const [name, raw] of outputs) {
    const text = withoutUndefinedKinds(name, raw);
    for (const token of ['NaN', 'undefined']) {
      if (new RegExp(`\\b${token}\\b`).test(text) && !inputText.includes(token)) add('nan-undefined', `${token} in ${name}`);
    }
  }
  for (const [name, text] of [['stderr', stderr], ...outputs]) {
    if (c.scoredExport && name === c.scoredExport.slice(c.dir.length + 1)) continue;
    const id = seeds.ids.find((i) => text.includes(i));
    if (id) add('patient-id', `${name}: ${firstLineWith(text, id).replaceAll(id, '<id>')}`);
  }
  return findings;
}

/**
 * The one place "undefined" is a value, not a leak: the CEA's ICER (and cost per extra responder)
 * kind "undefined" — no difference in cost or effect (schemas/cea-results.schema.json) — as JSON
 * `"kind": "undefined"` and in the CSV column `icer_kind`. Blanked before the check.
 */
function withoutUndefinedKinds(name, text) {
  if (name.endsWith('.csv')) {
    const lines = text.split('\n');
    const j = (lines[0] ?? '').split(',').indexOf('icer_kind');
    if (j < 0) return text;
    return lines.map((l, i) => (i === 0 ? l : l.split(',').map((c, k) => (k === j && c === 'undefined' ? '' : c)).join(','))).join('\n');
  }
  return text.replace(/"kind": "undefined"/g, '"kind": ""');
}

function firstLineWith(text, needle) {
  const line = text.split('\n').find((l) => l.includes(needle)) ?? '';
  return line.length > 160 ? line.slice(0, 157) + '…' : line;
}

export function cleanup(dir) {
  rmSync(dir, { recursive: true, force: true });
}
