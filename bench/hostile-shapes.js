// Hostile input shapes (docs/limits.md): how the time grows with an export's width and with a
// plan's list of missing-value codes. A benchmark, not a test: it prints ratios and never fails.
// A quadratic step shows as a ratio near the square of the size ratio (session 30: plan init on
// 40,000 columns took 67 s, `header.indexOf` per column; validate with 400,000 missing codes
// 115 s and 1.9 GB, a table of every code built per column).
//
//   node bench/hostile-shapes.js        (after `npm run build`; `npm run bench` runs it too)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const hta = join(root, 'bin/hta.js');

/** Seconds of one `hta …` run in a fresh process (exit code ignored: a refused draft still ends). */
function seconds(...argv) {
  const start = performance.now();
  const r = spawnSync(process.execPath, [hta, ...argv], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (/\n\s+at /.test(r.stderr)) throw new Error(`hta ${argv.join(' ')}: a stack trace\n${r.stderr}`);
  return (performance.now() - start) / 1000;
}

/** A long export: id, arm, visit and `columns` item columns of small whole numbers, 20 rows. */
function wideExport(columns) {
  const items = Array.from({ length: columns }, (_, i) => `c${i}`);
  const rows = [['id', 'arm', 'time', ...items].join(',')];
  for (let r = 0; r < 20; r++) rows.push([`P${Math.floor(r / 2)}`, r % 4 < 2 ? 'app' : 'usual', r % 2 === 0 ? 'baseline' : '3m', ...items.map((_, i) => String((r * 7 + i) % 5))].join(','));
  return `${rows.join('\n')}\n`;
}

export function hostileShapesBench() {
  const dir = mkdtempSync(join(tmpdir(), 'hta-bench-hostile-'));
  try {
    const widths = [4_000, 32_000].map((n) => {
      const f = join(dir, `wide${n}.csv`);
      writeFileSync(f, wideExport(n));
      return { columns: n, seconds: seconds('plan', 'init', f) };
    });
    const plan = JSON.parse(readFileSync(join(root, 'data/plans/selfback.plan.json'), 'utf8'));
    const codesFile = join(dir, 'codes.json');
    writeFileSync(codesFile, JSON.stringify({ ...plan, missingCodes: [...(plan.missingCodes ?? []), ...Array.from({ length: 150_000 }, (_, i) => `x${i}`)] }));
    const check = seconds('plan', 'check', codesFile);
    const validate = seconds('validate', join(root, 'data/synthetic/selfback-trial.csv'), '--plan', codesFile);
    return { widths, codes: { count: 150_000, check, validate } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = hostileShapesBench();
  const [a, b] = r.widths;
  console.log(`plan init, ${a.columns} → ${b.columns} columns: ${a.seconds.toFixed(2)} → ${b.seconds.toFixed(2)} s (× ${(b.seconds / a.seconds).toFixed(1)}; linear ≈ × ${b.columns / a.columns})`);
  console.log(`${r.codes.count} missing codes: plan check ${r.codes.check.toFixed(2)} s, validate ${r.codes.validate.toFixed(2)} s (× ${(r.codes.validate / r.codes.check).toFixed(1)})`);
}
