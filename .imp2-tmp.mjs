const steps = process.argv.slice(2);
const out = [];
for (const s of steps) {
  const t0 = process.cpuUsage();
  for (const m of s.split('+')) await import(m.startsWith('.') ? new URL(m, import.meta.url) : m);
  const d = process.cpuUsage(t0);
  out.push(`${s.replace(/\.\/dist\//g, '')}=${((d.user + d.system) / 1000).toFixed(0)}`);
}
console.log(out.join('  '));
