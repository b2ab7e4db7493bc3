// `hta cea --lang da` printed its stdout in Danish but its most frequent warning (the Monte Carlo
// error of the imputed estimates, with "seed" and "DKK" that docs/glossary-da.md keeps off Danish
// output) and its notes on how the export was read (Excel's accounting zero, empty cells, baseline
// resource use) in English. Now those are Danish under --lang da; results.json keeps the English.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';
import { createRandom } from '../../src/stats/random.js';

afterAll(removeTempDirs);

/** A Danish Excel export: `;`, decimal comma, `kr. -` for 0, empty GP cells, GP visits on a few baseline rows, EQ-5D missing at 3 mdr for every 4th patient. */
function fixture() {
  const dir = tempDir();
  const rng = createRandom(7);
  const lines = ['Løbenr;Gruppe;Besøg;EQ5D_indeks;Laegebesoeg;Medicin_kr'];
  for (let i = 0; i < 40; i++) {
    const app = i % 2 === 0;
    for (const [t, visit] of ['Baseline', '3 mdr', '9 mdr'].entries()) {
      const u = i % 4 === 1 && t === 1 ? '' : (0.6 + 0.05 * t + (app ? 0.03 * t : 0) + 0.1 * rng.uniform()).toFixed(3).replace('.', ',');
      const gp = t === 0 ? (i < 3 ? '2' : '') : i % 5 === 0 && t === 1 ? '' : String(Math.floor(4 * rng.uniform()));
      const med = t === 0 ? '' : i % 3 === 0 ? 'kr. -' : `${(100 + 400 * rng.uniform()).toFixed(2).replace('.', ',')} kr.`;
      lines.push(`P${i};${app ? 'app' : 'vanlig'};${visit};${u};${gp};${med}`);
    }
  }
  writeFileSync(join(dir, 'udtraek.csv'), lines.join('\n') + '\n');
  writeFileSync(join(dir, 'trial.plan.json'), JSON.stringify({
    columns: { id: 'Løbenr', arm: 'Gruppe', time: 'Besøg' }, arms: { intervention: 'app', control: 'vanlig' }, baseline: 'Baseline',
    allTimepoints: ['Baseline', '3 mdr', '9 mdr'], timepoints: ['9 mdr'], outcomes: [{ key: 'eq5d', column: 'EQ5D_indeks', instrument: 'eq5d5l' }],
  }));
  writeFileSync(join(dir, 'cea.json'), JSON.stringify({
    trialPlan: 'trial.plan.json', currency: 'DKK', priceYear: 2024, utility: 'eq5d',
    visitTimes: { unit: 'months', times: { Baseline: 0, '3 mdr': 3, '9 mdr': 9 } }, periods: ['3 mdr', '9 mdr'],
    resourceUse: [{ key: 'laege', column: 'Laegebesoeg', category: 'primary-care' }, { key: 'medicin', column: 'Medicin_kr', category: 'medication' }],
    unitCosts: { laege: { cost: 150, source: 'takst' }, medicin: { cost: 1, source: 'apotek' } },
    interventionCost: { price: 500 }, wtp: { to: 400000, step: 100000, thresholds: [300000] },
    bootstrap: { replicates: 100, seed: 3 }, imputation: { m: 2, seed: 3 }, sensitivity: { replicates: 20 },
  }));
  return { dir, exportFile: join(dir, 'udtraek.csv'), plan: join(dir, 'cea.json') };
}

describe('hta cea --lang da on standard error', () => {
  it('says the Monte Carlo error, the accounting zero, the empty cells and the baseline use in Danish, without "seed" or "DKK"', async () => {
    const f = fixture();
    const out = join(f.dir, 'out');
    const da = await runCli('cea', f.exportFile, '--plan', f.plan, '--lang', 'da', '--out-dir', out);
    expect(da.code, da.stderr).toBe(0);
    const err = da.stderr;
    expect(err).toMatch(/advarsel: basisanalysen: med m = 2 imputationer har de samlede estimater en stor Monte Carlo-standardfejl — meromkostning −?[\d.]+ kr\. ± [\d.]+ \([\d,]+ % af dens standardfejl(, over 10 %)?\), forskel i QALY −?\d,\d{4} ± \d,\d{4} \([\d,]+ % af dens standardfejl(, over 10 %)?\); en ny imputation med andre tilfældige tal/);
    expect(err).toMatch(/bemærk: .*udtraek\.csv: "Medicin_kr": \d+ celler skrevet som Excels regnskabsnul \(en tankestreg i en kolonne med beløb, "-" eller "kr\. -"\) læst som 0 \(intet forbrug\)/);
    expect(err).toMatch(/bemærk: .*udtraek\.csv: "Laegebesoeg": \d+ tomme celler på periodernes rækker læst som manglende \(imputeret\), ikke 0 — angiv "emptyUnits": "zero" i /);
    expect(err).toMatch(/bemærk: .*udtraek\.csv: ressourceforbrug ved baseline \(månederne før randomiseringen\) tælles ikke med: 3 baselinerækker har forbrug i "Laegebesoeg"; omkostningerne er periodernes "3 mdr", "9 mdr"/);
    expect(err).not.toMatch(/\bseed\b|\bDKK\b|accounting zero|empty cells|baseline resource use|imputations the pooled/);
    // results.json keeps the English warning.
    const json = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { warnings: string[] };
    expect(json.warnings.some((w) => w.startsWith('the base case: with m = 2 imputations the pooled estimates carry a large Monte Carlo error'))).toBe(true);
    // And English stays English.
    const en = await runCli('cea', f.exportFile, '--plan', f.plan);
    expect(en.stderr).toContain('warning: the base case: with m = 2 imputations');
    expect(en.stderr).toContain("written as Excel's accounting zero");
  });
});
