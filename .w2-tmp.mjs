import { Worker } from 'node:worker_threads';
const mods = process.argv.slice(2).map((m) => new URL(m, import.meta.url).href);
const c0 = process.cpuUsage();
const n = 5;
for (let i = 0; i < n; i++) {
  const w = new Worker(`const { parentPort, workerData } = require('node:worker_threads'); (async () => { for (const m of workerData) await import(m); parentPort.postMessage(1); })();`, { eval: true, workerData: mods });
  await new Promise((r) => w.once('message', r));
  await w.terminate();
}
const d = process.cpuUsage(c0);
console.log(process.argv.slice(2).join('+'), ((d.user + d.system) / 1000 / n).toFixed(0), 'ms CPU per worker');
