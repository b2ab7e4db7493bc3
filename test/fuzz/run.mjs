// `npm run fuzz -- --cases 10000 [--seed 1] [--timeout 20000]`: the long fuzz campaign against
// the built CLI (dist/; run `npm run build` first). Cases run in-process through `main()` in a
// worker thread; a case that does not finish within the timeout is a hang, and the worker is
// replaced. Prints cases, stack traces, partial outputs, hangs, modified inputs and the other
// findings, with one example command each. Mutators and invariants: test/fuzz/fuzz-core.mjs.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { buildCase, checkCase, cleanup, seedInputs, snapshotInputs } from './fuzz-core.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

if (!isMainThread) {
  // Worker: run the cases it is sent, one at a time.
  const { main } = await import(pathToFileURL(join(root, 'dist/cli/main.js')).href);
  const { seeds, seed, dir } = workerData;
  // Node's process warnings during a case (e.g. a file descriptor closed twice) are findings too.
  let warnings = [];
  process.on('warning', (w) => warnings.push(w.message));
  parentPort.on('message', async (n) => {
    warnings = [];
    const c = buildCase(join(dir, `case-${n}`), seeds, seed, n);
    const before = snapshotInputs(c.dir, c.out);
    parentPort.postMessage({ n, started: true });
    let stdout = '';
    let stderr = '';
    let code;
    try {
      code = await main(c.argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTTY: false });
    } catch (err) {
      code = -1;
      stderr += `internal error (thrown out of main): ${err?.stack ?? err}`;
    }
    const findings = checkCase(c, before, { code, stdout, stderr }, seeds);
    for (const w of warnings) findings.push({ kind: 'node-warning', detail: w });
    cleanup(c.dir);
    parentPort.postMessage({ n, code, findings, argv: c.argv });
  });
} else {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const cases = arg('cases', 1000);
  const seed = arg('seed', 1);
  const timeout = arg('timeout', 20_000);
  if (!existsSync(join(root, 'dist/cli/main.js'))) {
    console.error('fuzz: dist/ is missing — run `npm run build` first.');
    process.exit(1);
  }
  const seeds = seedInputs(root);
  const dir = mkdtempSync(join(tmpdir(), 'hta-fuzz-'));
  const exits = new Map();
  const byKind = new Map(); // kind → { count, example }
  const started = performance.now();
  let worker;
  let next = 0;
  let done = 0;
  let timer;

  await new Promise((resolveAll) => {
    const send = () => {
      if (next >= cases) {
        worker.terminate();
        resolveAll();
        return;
      }
      const n = next++;
      worker.postMessage(n);
      timer = setTimeout(() => {
        // A hang: record it, replace the worker, go on with the next case.
        record({ n, code: 'hang', findings: [{ kind: 'hang', detail: `no exit within ${timeout} ms` }], argv: [`case ${n}`] });
        worker.terminate();
        spawn();
        send();
      }, timeout);
    };
    const record = (m) => {
      done++;
      exits.set(m.code, (exits.get(m.code) ?? 0) + 1);
      for (const f of m.findings) {
        // One example per distinct message (numbers, paths and quoted values blanked out).
        const k = byKind.get(f.kind) ?? { count: 0, signatures: new Map() };
        k.count++;
        const detail = f.detail.replaceAll(dir, '$DIR');
        const signature = detail.split(' | ')[0].replace(/"[^"]*"/g, '"…"').replace(/\$DIR\S*/g, 'PATH').replace(/\d+/g, 'N');
        const sig = k.signatures.get(signature) ?? { count: 0, example: `case ${m.n}: hta ${m.argv.map((a) => a.replace(dir, '$DIR')).join(' ')}\n      ${detail}` };
        sig.count++;
        k.signatures.set(signature, sig);
        byKind.set(f.kind, k);
      }
      if (done % 500 === 0) console.error(`fuzz: ${done}/${cases} cases …`);
    };
    const spawn = () => {
      worker = new Worker(fileURLToPath(import.meta.url), { workerData: { seeds, seed, dir } });
      worker.on('message', (m) => {
        if (m.started) return;
        clearTimeout(timer);
        record(m);
        send();
      });
      worker.on('error', (err) => {
        clearTimeout(timer);
        record({ n: next - 1, code: 'crash', findings: [{ kind: 'stack-trace', detail: `worker crashed: ${err?.stack ?? err}` }], argv: [] });
        spawn();
        send();
      });
    };
    spawn();
    send();
  });
  rmSync(dir, { recursive: true, force: true });

  const seconds = (performance.now() - started) / 1000;
  const count = (k) => byKind.get(k)?.count ?? 0;
  console.log(`fuzz: ${done} cases, seed ${seed}, ${seconds.toFixed(0)} s`);
  console.log(`exit codes: ${[...exits].sort().map(([c, n]) => `${c}: ${n}`).join(', ')}`);
  for (const k of ['stack-trace', 'partial-output', 'hang', 'modified-input', 'exit-code', 'nan-undefined', 'patient-id', 'node-warning']) console.log(`${k.padEnd(15)} ${count(k)}`);
  for (const [k, v] of byKind) {
    console.log(`\n${k} (${v.count}) — ${v.signatures.size} distinct message(s):`);
    for (const sig of [...v.signatures.values()].slice(0, 10)) console.log(`  ${sig.count} × ${sig.example}`);
  }
  process.exit(byKind.size > 0 ? 1 : 0);
}
