/** A small cluster-randomised export for the tests of cluster-randomised trials (docs/plan-trial.md#cluster-randomised-trials). */

/**
 * 6 practices of 4 patients (P1–P3 intervention, P4–P6 control), two visits. `site` has both arms
 * at each of its 2 sites; `alder` gives each age one arm (as a synthetic export may); `note` changes by visit.
 */
export function clusterExportLines(practice = (p: number) => `P${p}`): string[] {
  const lines = ['id,praksis,site,alder,note,arm,time,nrs'];
  let k = 0;
  for (let p = 1; p <= 6; p++) {
    for (let j = 0; j < 4; j++) {
      k++;
      const arm = p <= 3 ? 'app' : 'usual';
      const site = k % 2 === 0 ? 'Nord' : 'Syd';
      const age = 40 + (p <= 3 ? 2 * (k % 5) : 2 * (k % 5) + 1);
      lines.push(`S${k},${practice(p)},${site},${age},a${k % 3},${arm},baseline,${(k * 7) % 11}`);
      lines.push(`S${k},${practice(p)},${site},${age},b${k % 4},${arm},3m,${(k * 5) % 11}`);
    }
  }
  return lines;
}

