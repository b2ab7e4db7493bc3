/**
 * `hta cea --lang da` says how it read a Danish finance department's price list in Danish — the
 * Danish column names, a price year written "2021-niveau" — and its warnings on a placeholder
 * price (the uptake plan's tiers still plan init's) and a covariate with one value in Danish too;
 * results.json keeps the English (docs/plan-cea.md). They were English behind "bemærk:"/"advarsel:".
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

/** The bundled plans in a folder of their own, the price list as a Danish semicolon list, the uptake plan's price model a placeholder. */
function danishPlans(): string {
  const root = tempDir();
  // The plan names the published figures beside its folder (../published).
  cpSync('data/plans', join(root, 'plans'), { recursive: true });
  cpSync('data/published', join(root, 'published'), { recursive: true });
  const dir = join(root, 'plans');
  const rows = readFileSync(join(dir, 'selfback.unit-costs.csv'), 'utf8').trim().split('\n').slice(1);
  // item,unit_cost,currency,price_year,"source",… → Ydelse;Enhedspris;Valuta;Prisår;Kilde (the Danish source).
  const danish = rows.map((r, i) => {
    const [item, cost, currency, year] = r.split(',');
    const source = r.slice(r.lastIndexOf(',') + 1).replace(/"/g, '');
    return [item, cost!.replace('.', ','), currency, i === 1 ? `${year}-niveau` : year, source].join(';');
  });
  writeFileSync(join(dir, 'selfback.unit-costs.csv'), ['Ydelse;Enhedspris;Valuta;Prisår;Kilde', ...danish].join('\r\n') + '\r\n');
  const uptake = JSON.parse(readFileSync(join(dir, 'uptake.plan.json'), 'utf8'));
  writeFileSync(join(dir, 'uptake.plan.json'), JSON.stringify({ ...uptake, placeholders: ['priceModel'] }, null, 2));
  return dir;
}

describe('hta cea --lang da: the price list\'s notes and the warnings in Danish', () => {
  const plans = danishPlans();
  const argv = ['cea', 'data/synthetic/selfback-trial.csv', '--plan', join(plans, 'selfback.cea.json'), '--replicates', '100', '--json'];

  it('every note and warning in Danish words, exit 0; the same run in English without --lang da', async () => {
    const da = await runCli(...argv, '--lang', 'da');
    expect(da.code, da.stderr).toBe(0);
    const prices = join(plans, 'selfback.unit-costs.csv');
    expect(da.stderr).toContain(`bemærk: ${prices}: kolonnen "Enhedspris" (kolonne 2) er læst som unit_cost\n`);
    expect(da.stderr).toContain(`bemærk: ${prices}: prisåret "2021-niveau" (linje 3) er læst som 2021\n`);
    expect(da.stderr).toMatch(/^advarsel: ikke en reel pris: interventionens pris kommer fra uptake\.plan\.json, hvis prismodel er en pladsholder/m);
    expect(da.stderr).toMatch(/^advarsel: kovariaten country har kun én værdi blandt de analyserede patienter/m);
    // No English words left behind a Danish prefix.
    expect(da.stderr).not.toMatch(/ read as |\(column \d|not a real price|take a single value|covariate\(s\)/);

    const en = await runCli(...argv);
    expect(en.stderr).toContain(`note: ${prices}: column "Enhedspris" (column 2) read as unit_cost\n`);
    expect(en.stderr).toContain(`note: ${prices}: price year "2021-niveau" (line 3) read as 2021\n`);
    expect(en.stderr).toMatch(/^warning: not a real price: the intervention's price comes from uptake\.plan\.json/m);
    // results.json keeps the English whatever the language.
    expect(JSON.parse(da.stdout).warnings).toEqual(JSON.parse(en.stdout).warnings);
    expect(JSON.parse(da.stdout).warnings.join('\n')).toMatch(/not a real price[\s\S]*covariate\(s\) country take a single value/);
    // Beside them, one for one: each warning's kind and its words in both languages (results.json warningTexts).
    const { warnings, warningTexts } = JSON.parse(da.stdout) as { warnings: string[]; warningTexts: { kind: string; text: { en: string; da: string } }[] };
    expect(warningTexts.map((w) => w.text.en)).toEqual(warnings);
    expect(warningTexts.slice(0, 2).map((w) => w.kind)).toEqual(['placeholder-price', 'single-value-covariates']);
    expect(warningTexts[1]!.text.da).toBe('kovariaten country har kun én værdi blandt de analyserede patienter og er udeladt af regressionerne');
  });
});
