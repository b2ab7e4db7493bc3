import { Worker } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
const tick = () => { const f = readFileSync('/proc/self/stat', 'utf8').slice(readFileSync('/proc/self/stat', 'utf8').lastIndexOf(')') + 2).split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
const mod = process.argv[2];
const c0 = process.cpuUsage();
const n = 5;
for (let i = 0; i < n; i++) {
  const w = new Worker(`const { parentPort, workerData } = require('node:worker_threads'); ${mod ? `import(workerData).then(() => parentPort.postMessage(1));` : 'parentPort.postMessage(1);'}`, { eval: true, workerData: mod ? new URL(mod, import.meta.url).href : undefined });
  await new Promise((r) => w.once('message', r));
  await w.terminate();
}
const d = process.cpuUsage(c0);
console.log(mod ?? 'empty', ((d.user + d.system) / 1000 / n).toFixed(0), 'ms CPU per worker (process-wide)');
