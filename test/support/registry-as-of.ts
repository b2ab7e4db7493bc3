/**
 * A simulated registry (`hta simulate registry`: id, region, clinic, referred, activated,
 * last_active, …) as it would have been exported on `date`: rows referred later left out,
 * activations after it not yet known, last activity censored at it. The monthly-publication tests
 * cut one registry into a chain of exports with it (docs/disclosure-control.md).
 */
export function registryRowsAsOf(rows: readonly string[], date: string): string[] {
  return rows.flatMap((line) => {
    const f = line.split(',');
    if (f[3]! > date) return [];
    if (f[4] && f[4] > date) f[4] = f[5] = '';
    if (f[5] && f[5] > date) f[5] = date;
    return [f.join(',')];
  });
}

/** The registry file `registry` (header and rows) as exported on `date` (registryRowsAsOf). */
export function registryAsOf(registry: string, date: string): string {
  const [head, ...rows] = registry.trim().split('\n');
  return [head, ...registryRowsAsOf(rows, date)].join('\n') + '\n';
}
