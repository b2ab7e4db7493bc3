/**
 * The cost-effectiveness page and `hta cea` summary say what was run, as a health economist who
 * must defend it reads them (docs/plan-cea.md#missing-data-bootstrap-and-how-they-are-combined,
 * #results, "Unit costs"):
 *  - the method sentence: one imputation in each bootstrap replicate (the Danish page said
 *    "multipel imputation"), PMM, what was imputed (baseline utilities too, counted), the seeds;
 *  - no complete-case row that is the base case itself (nothing missing): it was a second, smaller
 *    bootstrap of the same analysis, read as "more pessimistic"; rows on fewer replicates say so;
 *  - a column already in money (unit cost 1) shown as amounts, not "1.00" per consultation; the
 *    specialist category not a back trial's "spine clinic";
 *  - a price list's `Kilde` column read as the Danish source (no warning to copy it to source_da);
 *  - the Danish summary's price and unit-cost scenarios keep their sizes;
 *  - the CE plane's quadrant shares add up to 100 %;
 *  - a death, which hta does not model, is counted when the visits after it hold utility 0 and no
 *    use, as docs/plan-cea.md#deaths tells the user (without those rows it is imputed).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quadrantPercents } from '../../src/cea/cea-phrases.js';
import type { CeaResult } from '../../src/cea/cea-results-schema.js';
import { ceaSummaryText } from '../../src/cea/cea-text.js';
import { CATEGORY_LABEL } from '../../src/cea/resource-labels.js';
import { cePlaneSpec } from '../../src/report/charts/ce-plane.js';
import { ceaReportKind } from '../../src/report/kinds/cea-report.js';
import type { ReportContent } from '../../src/report/report-page.js';
import { ceaFixture } from '../support/cea-fixture.js';

type Lang = 'en' | 'da';

async function build(lang: Lang, f: ReturnType<typeof ceaFixture>, warned: string[] = []): Promise<ReportContent> {
  const env = { input: (p: string) => p, lang, version: 'test', memo: <T>(_k: string, compute: () => T) => compute(), warn: (w: string) => warned.push(w) };
  return ceaReportKind.build({ id: 'x', kind: 'cea', out: 'x', lang, data: f.exportFile, plan: f.plan }, env);
}
const section = (c: ReportContent, id: string) => c.page.sections.find((s) => s.id === id)!;

/** The fixture with missing 6-week utilities and, besides, the baseline utility of two patients (P1, P3) and one GP count (P5's) missing. */
function withMissingBaselines(): ReturnType<typeof ceaFixture> {
  const f = ceaFixture({ missingMiddleVisit: true });
  const lines = readFileSync(f.exportFile, 'utf8').split('\n').map((l) => (/^P[13],[^,]*,baseline,/.test(l) ? l.replace(/^(P[13],[^,]*,baseline,)[^,]*/, '$1') : /^P5,[^,]*,3m,/.test(l) ? l.replace(/,[^,]*$/, ',') : l));
  writeFileSync(f.exportFile, lines.join('\n'));
  return f;
}

describe('the method sentence of the results section', () => {
  const f = withMissingBaselines();
  const pages = { en: build('en', f), da: build('da', f) };

  it('(da) bootstrap then one imputation per replicate, never "derefter multipel imputation"; PMM, what was imputed, the seeds', async () => {
    const c = await pages.da;
    const r = c.results as CeaResult;
    const intro = section(c, 'results').intro!.join(' ');
    expect(intro).not.toContain('derefter multipel imputation');
    expect(intro).toContain(`bootstrap og derefter ét imputeret datasæt i hver af ${r.method.bootstrapReplicates} replikationer (Brand m.fl. 2019; startværdi: 3)`);
    const qaly = r.patients.missingQaly.intervention + r.patients.missingQaly.control;
    const cost = r.patients.missingCost.intervention + r.patients.missingCost.control;
    expect(qaly).toBeGreaterThan(1);
    // One total cost missing: in the singular.
    expect(cost).toBe(1);
    expect(intro).toContain(`Manglende data (2 baseline-nytteværdier, ${qaly} QALY og 1 samlet omkostning mangler): multipel imputation ved kædede ligninger pr. gruppe (PMM) af baseline-nytteværdi, QALY og samlede omkostninger under ét, m = 5 imputationer samlet efter Rubins regler (startværdi for de tilfældige tal: 3)`);
    // Never "seed" on a Danish page (docs/glossary-da.md).
    expect(intro).not.toMatch(/\bseed\b/i);
  });

  it('(en) names PMM, the imputed variables with the baselines counted, and both seeds', async () => {
    const c = await pages.en;
    const r = c.results as CeaResult;
    const intro = section(c, 'results').intro!.join(' ');
    const qaly = r.patients.missingQaly.intervention + r.patients.missingQaly.control;
    const cost = r.patients.missingCost.intervention + r.patients.missingCost.control;
    expect(cost).toBe(1);
    expect(intro).toContain(`Missing data (2 baseline utilities, ${qaly} QALYs and 1 total cost missing): multiple imputation by chained equations per arm (predictive mean matching, PMM) of baseline utility, QALYs and total cost together, m = 5 imputations pooled by Rubin's rules (seed 3); bootstrap then impute, one imputation in each of ${r.method.bootstrapReplicates} replicates (Brand et al. 2019; seed 3)`);
  });

  it('(en) lists only the counts above 0', async () => {
    const f = ceaFixture({ missingMiddleVisit: true });
    const c = await build('en', f);
    const r = c.results as CeaResult;
    const intro = section(c, 'results').intro!.join(' ');
    expect(intro).toContain(`Missing data (${r.patients.missingQaly.intervention + r.patients.missingQaly.control} QALYs missing): multiple imputation`);
  });

  it('(en, da) without missing data: no imputation, the bootstrap seed', async () => {
    const f0 = ceaFixture();
    expect(section(await build('en', f0), 'results').intro!.join(' ')).toContain('No missing data (no imputation); 100 bootstrap replicates (seed 3)');
    expect(section(await build('da', f0), 'results').intro!.join(' ')).toContain('Ingen manglende data (uden imputation); 100 bootstrap-replikationer (startværdi for de tilfældige tal: 3)');
  });
});

/** The fixture with a productivity item (sick-leave days) whose 3-month cell is empty for every 4th patient: nothing missing in a healthcare base case. */
function withEmptyProductivity(): ReturnType<typeof ceaFixture> {
  const f = ceaFixture({
    unitCostRows: ['gp,30,EUR,2021,test tariff', 'sick,200,EUR,2021,test wage'],
    planExtra: { resourceUse: [{ key: 'gp', column: 'ru_gp', category: 'primary-care' }, { key: 'sick', column: 'ru_sick', category: 'productivity' }] },
  });
  const lines = readFileSync(f.exportFile, 'utf8').trimEnd().split('\n').map((l, i) => {
    if (i === 0) return `${l},ru_sick`;
    const id = Number(/^P(\d+)/.exec(l)![1]);
    return `${l},${/,3m,/.test(l) ? (id % 4 === 0 ? '' : String(id % 3)) : ''}`;
  });
  writeFileSync(f.exportFile, lines.join('\n') + '\n');
  return f;
}

describe('a healthcare base case with nothing missing whose societal scenario imputes', () => {
  it('says the base case has no missing data and that the societal scenario imputes, on the page and in the summary (en, da)', async () => {
    const f = withEmptyProductivity();
    const en = await build('en', f);
    const r = en.results as CeaResult;
    expect(r.method.missing).toBe('none');
    const soc = r.sensitivity.find((s) => s.key === 'societal')!;
    // Patients P0, P4, …, P44: 12 empty productivity cells, read as missing and imputed.
    expect(soc.imputedCosts).toBe(12);
    expect(r.sensitivity.filter((s) => s.imputedCosts)).toEqual([soc]);
    const intro = section(en, 'results').intro!.join(' ');
    expect(intro).not.toContain('No missing data (no imputation)');
    expect(intro).toContain('No missing data in the base case (healthcare perspective; no imputation); the scenario “with productivity costs (limited societal perspective)” imputes 12 missing total costs (multiple imputation by chained equations per arm, PMM, m = 5); 100 bootstrap replicates (seed 3)');
    const da = section(await build('da', f), 'results').intro!.join(' ');
    expect(da).toContain('Ingen manglende data i basisanalysen (sundhedssektorperspektiv; uden imputation); scenariet “med produktivitetsomkostninger (begrænset samfundsperspektiv)” imputerer 12 manglende samlede omkostninger (multipel imputation ved kædede ligninger pr. gruppe, PMM, m = 5)');
    expect(r.method.missingText).toBe('no missing costs, QALYs or covariates in the base case (healthcare perspective): no imputation; the sensitivity scenario "with productivity costs (societal perspective)" imputes 12 missing total costs (multiple imputation by chained equations per arm, PMM, m = 5)');
    expect(ceaSummaryText(r, 'da')).toContain('Ingen manglende omkostninger, QALY eller kovariater i basisanalysen (sundhedssektorperspektiv): ingen imputation; følsomhedsscenariet "');
    expect(ceaSummaryText(r, 'da')).toContain('" imputerer 12 manglende samlede omkostninger (multipel imputation ved kædede ligninger pr. gruppe, PMM, m = 5).');
  });
});

describe('the complete-case scenario and the scenarios on fewer replicates', () => {
  it('nothing missing: no complete-case scenario (it is the base case), said on the page and in the summary', async () => {
    const f = ceaFixture();
    for (const lang of ['en', 'da'] as const) {
      const c = await build(lang, f);
      const r = c.results as CeaResult;
      expect(r.method.missing).toBe('none');
      expect(r.sensitivity.map((s) => s.key)).not.toContain('complete-cases');
      const sens = section(c, 'sensitivity');
      const labels = sens.tables![0]!.table.rows.map((row) => row[0]);
      expect(labels).toHaveLength(1 + r.sensitivity.length);
      expect(labels.filter((l) => /complete|komplette/i.test(l!))).toEqual([]);
      expect(sens.notes).toContain(lang === 'en'
        ? 'No complete-case row: no data are missing in the base case, so the complete-case analysis is the base case itself.'
        : 'Ingen række for patienter med komplette data: der mangler ingen data i basisanalysen, så den analyse er basisanalysen selv.');
      expect(ceaSummaryText(r, lang)).toContain(lang === 'en' ? '  complete cases: no data are missing in the base case, so the same as the base case\n' : '  patienter med komplette data: der mangler ingen data i basisanalysen, så det er basisanalysen\n');
    }
  });

  it('with missing data: the complete-case row, and a note that it rests on fewer replicates', async () => {
    const f = ceaFixture({ missingMiddleVisit: true });
    const en = await build('en', f);
    const r = en.results as CeaResult;
    const cc = r.sensitivity.find((s) => s.key === 'complete-cases')!;
    expect(cc.replicates).toBe(20);
    // The Danish row in the glossary's words (docs/glossary-da.md: "patienter med komplette data").
    expect(section(await build('da', f), 'sensitivity').tables![0]!.table.rows.at(-1)![0]).toBe('Patienter med komplette data (uden imputation)');
    expect(section(en, 'sensitivity').notes).toContain('Complete cases (no imputation): recomputed with 20 bootstrap replicates (the base case 100), so its probabilities of cost-effectiveness are less precise: a difference of a few percentage points from the base case can be bootstrap noise alone. More replicates: the plan\'s "sensitivity": {"replicates": …}.');
    expect(ceaSummaryText(r, 'en')).toContain('  fewer replicates: complete cases only (no imputation) ran 20 bootstrap replicates against the base case\'s 100, so its P(CE) is less precise\n');
    // Two such scenarios: "their" P(CE).
    const two = { ...r, sensitivity: [...r.sensitivity, { ...cc, key: 'societal', changed: 'with productivity costs (societal perspective)' }] };
    expect(ceaSummaryText(two, 'en')).toContain('  fewer replicates: complete cases only (no imputation) and with productivity costs (societal perspective) ran 20 bootstrap replicates against the base case\'s 100, so their P(CE) is less precise\n');
    // As many replicates as the base case: nothing to say.
    const same = ceaFixture({ missingMiddleVisit: true, planExtra: { sensitivity: { replicates: 100 } } });
    expect(section(await build('en', same), 'sensitivity').notes ?? []).not.toEqual(expect.arrayContaining([expect.stringContaining('recomputed with')]));
  });
});

describe('the unit-cost table', () => {
  it('an item of amounts (unit cost 1) is named as costs and its price reads "amounts in …", not "1.00"', async () => {
    const f = ceaFixture({ unitCostRows: ['gp,1,EUR,2021,register costs'] });
    const en = section(await build('en', f), 'unit-costs').tables![0]!.table;
    expect(en.rows[1]).toEqual(['General-practice costs', 'General practice', 'amounts in EUR', 'register costs']);
    const da = section(await build('da', f), 'unit-costs').tables![0]!.table;
    expect(da.rows[1]!.slice(0, 3)).toEqual(['Omkostninger i almen praksis', 'Almen praksis', 'beløb i EUR']);
    // A count keeps its unit cost and its count's name.
    const counts = section(await build('en', ceaFixture({ unitCostRows: ['gp,30,EUR,2021,tariff'] })), 'unit-costs').tables![0]!.table;
    expect(counts.rows[1]!.slice(0, 3)).toEqual(['General-practice consultations', 'General practice', '30.00']);
  });

  it('the specialist category is not a back trial\'s spine clinic', () => {
    expect(CATEGORY_LABEL.specialist).toEqual({ en: 'Specialist', da: 'Speciallæge' });
  });

  it('a price list whose source column is named "Kilde" has its Danish source: shown, no warning', async () => {
    const f = ceaFixture();
    writeFileSync(join(f.dir, 'unit-costs.csv'), 'Ydelse,Enhedspris,Valuta,Prisår,Kilde\ngp,30,EUR,2021,"Sygesikringsregister, honorartabel"\n');
    const warned: string[] = [];
    const da = await build('da', f, warned);
    expect(warned).toEqual([]);
    expect(section(da, 'unit-costs').tables![0]!.table.rows[1]!.at(-1)).toBe('Sygesikringsregister, honorartabel');
    // A `source_da` column beside `Kilde` with this row's cell empty: the row falls back to `Kilde`, no warning.
    writeFileSync(join(f.dir, 'unit-costs.csv'), 'Ydelse,Enhedspris,Valuta,Prisår,Kilde,source_da\ngp,30,EUR,2021,"Sygesikringsregister, honorartabel",\n');
    const warned1: string[] = [];
    const da1 = await build('da', f, warned1);
    expect(warned1).toEqual([]);
    expect(section(da1, 'unit-costs').tables![0]!.table.rows[1]!.at(-1)).toBe('Sygesikringsregister, honorartabel');
    // A column named "source" with the same prose is taken as English: warned, with how to give the Danish.
    writeFileSync(join(f.dir, 'unit-costs.csv'), 'item,unit_cost,currency,price_year,source\ngp,30,EUR,2021,"Sygesikringsregister, honorartabel"\n');
    const warned2: string[] = [];
    await build('da', f, warned2);
    expect(warned2).toEqual(['the unit costs unit-costs.csv have no Danish source ("source_da") for gp "Sygesikringsregister, honorartabel": the Danish page shows it in English — add a column "source_da" with the Danish text, or, if the "source" column is Danish already, name it "Kilde"']);
  });
});

describe('the summary and the CE plane', () => {
  // A price above 0: with 0 the price scenarios are left out (test/cea/price-zero.test.ts).
  const f = ceaFixture({ missingMiddleVisit: true, planExtra: { interventionCost: { price: 120 }, sensitivity: { interventionPrice: 0.25, unitCosts: 0.1, replicates: 20 } } });
  const page = build('en', f);

  it('(da) the price and unit-cost scenarios say by how much', async () => {
    const summary = ceaSummaryText((await page).results as CeaResult, 'da');
    for (const s of ['interventionens pris −25 %:', 'interventionens pris +25 %:', 'enhedsomkostninger −10 %:', 'enhedsomkostninger +10 %:']) expect(summary).toContain(`  ${s}`);
    expect(summary).toContain('  patienter med komplette data (uden imputation):');
  });

  it('quadrant shares in whole percents that add up to 100 (largest remainder)', async () => {
    expect(quadrantPercents({ NE: 0.805, NW: 0, SE: 0.195, SW: 0 }, 'en')).toEqual({ NE: '81%', NW: '0%', SE: '19%', SW: '0%' });
    // Thirds: 33 + 33 + 33 and the leftover point to the first in NE, NW, SE, SW order.
    expect(quadrantPercents({ NE: 1 / 3, NW: 1 / 3, SE: 1 / 3, SW: 0 }, 'da')).toEqual({ NE: '34 %', NW: '33 %', SE: '33 %', SW: '0 %' });
    // 12.6 + 12.6 + 74.8: floors 12 + 12 + 74, the two points left to the largest remainders, SE's .8 and then NE's .6 (before NW's equal .6).
    expect(quadrantPercents({ NE: 0.126, NW: 0.126, SE: 0.748, SW: 0 }, 'en')).toEqual({ NE: '13%', NW: '12%', SE: '75%', SW: '0%' });
    // A share above 0 that gets no point reads "<1%"; one below 1 that gets them all ">99%".
    expect(quadrantPercents({ NE: 0.998, NW: 0.002, SE: 0, SW: 0 }, 'en')).toEqual({ NE: '>99%', NW: '<1%', SE: '0%', SW: '0%' });
    // Exact ties of k/B shares broken by the NE, NW, SE, SW order, not by floating-point noise:
    // 193/200 and 7/200 both leave .5 (in floating point 0.4999999… against 0.5000000…).
    expect(quadrantPercents({ NE: 193 / 200, NW: 0, SE: 7 / 200, SW: 0 }, 'en')).toEqual({ NE: '97%', NW: '0%', SE: '3%', SW: '0%' });
    expect(quadrantPercents({ NE: 0, NW: 7 / 200, SE: 0, SW: 193 / 200 }, 'en')).toEqual({ NE: '0%', NW: '4%', SE: '0%', SW: '96%' });
    const r = { ...((await page).results as CeaResult), quadrants: { NE: 0.805, NW: 0, SE: 0.195, SW: 0 } };
    expect(ceaSummaryText(r, 'en')).toContain('CE plane: NE 81%, NW 0%, SE 19%, SW 0%\n');
    expect(ceaSummaryText(r, 'da')).toContain('Omkostningseffektivitetsplan: NØ 81 %, NV 0 %, SØ 19 %, SV 0 %\n');
    const subtitle = JSON.stringify((cePlaneSpec({ ...r, cloud: { cost: [1], qaly: [0.01] } }, 'en') as { title: { subtitle: string[] } }).title.subtitle);
    expect(subtitle).toContain('Share of all replicates: NE 81%, NW 0%, SE 19%, SW 0%');
  });
});

describe('deaths (docs/plan-cea.md#deaths)', () => {
  it('a patient whose visits after death hold EQ-5D 0 and no use is counted, not imputed; without those rows the QALY is imputed', async () => {
    const f = ceaFixture();
    const rows = readFileSync(f.exportFile, 'utf8').split('\n');
    // P0 dies after the 6-week visit: its 3-month row says utility 0 and no GP visits.
    writeFileSync(f.exportFile, rows.map((l) => (/^P0,[^,]*,3m,/.test(l) ? l.replace(/^(P0,[^,]*,3m,)[^,]*,([^,]*),[^,]*/, (_m, head: string, rmdq: string) => `${head}0,${rmdq},0`) : l)).join('\n'));
    const counted = (await build('en', f)).results as CeaResult;
    expect(counted.patients.missingQaly).toEqual({ intervention: 0, control: 0 });
    expect(counted.utilities[2]!.intervention.n).toBe(24);
    // The row left out, as an export without post-death rows has it: the QALY and cost are missing (imputed).
    writeFileSync(f.exportFile, rows.filter((l) => !/^P0,[^,]*,3m,/.test(l)).join('\n'));
    const imputed = (await build('en', f)).results as CeaResult;
    expect(imputed.patients.missingQaly).toEqual({ intervention: 1, control: 0 });
    expect(imputed.patients.missingCost).toEqual({ intervention: 1, control: 0 });
  });
});
