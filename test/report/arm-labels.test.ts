/**
 * The plan's arm labels reach every part of a trial report — table headers, footnotes, chart
 * legends, "favours …" texts, page text — in English and Danish; "app" / "usual care" are only
 * the defaults.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { armNames, fillArms } from '../../src/report/arm-names.js';
import { metaForestSpec } from '../../src/report/charts/meta-forest.js';
import { metaAnalyze } from '../../src/meta/meta-analyze.js';
import { metaGroups } from '../../src/meta/meta-group.js';
import { readStudiesFile } from '../../src/meta/read-studies.js';
import { loadPlanFile } from '../../src/plan/load-plan.js';
import type { Sensitivity } from '../../src/analysis/results-schema.js';
import { sensitivityTable, tippingSentence } from '../../src/report/sensitivity-table.js';
import { sharedBuilds, trialReportFiles } from './report-files-support.js';
import { runCli, tempDir } from '../support/run-cli.js';

const LABELS = {
  intervention: { en: 'Digital coach', da: 'Digital coach' },
  control: { en: 'Waiting list', da: 'Venteliste' },
};

/** The default names in every form the catalogues use (English and the Danish catalogue's words). */
const DEFAULT_WORDS = [/\bapp(en)?\b/i, /usual care/i, /\busual\b/i, /vanlig/i];

/** A small plan (one continuous outcome, one responder definition, one yes/no outcome) with the custom labels. */
function customPlan(): Record<string, unknown> {
  const bundled = JSON.parse(readFileSync('data/plans/selfback.plan.json', 'utf8')) as Record<string, unknown> & { outcomes: { key: string }[]; responders: { key: string }[] };
  return {
    ...bundled,
    $schema: undefined,
    title: { en: 'Coaching trial', da: 'Coachingforsøg' },
    armLabels: LABELS,
    outcomes: bundled.outcomes.filter((o) => o.key === 'rmdq' || o.key === 'med_use'),
    responders: bundled.responders.filter((r) => r.key === 'rmdq_resp5'),
    methods: ['ancova'],
    // The sensitivity table and its tipping-point sentence are checked below on their own (MI is slow).
    missing: { sensitivity: false },
  };
}

describe('arm labels from the plan', () => {
  // The English and Danish pages of each plan from one analysis, as `hta report` makes them.
  const builds = sharedBuilds();
  let renamed: string | undefined;

  it.each(['en', 'da'] as const)('a trial report (%s) says "Digital coach" / the control label and never "app" or "usual care"', async (lang) => {
    const files = await trialReportFiles(customPlan(), lang, undefined, builds);
    expect([...files.keys()].filter((f) => f.endsWith('.svg')).length).toBeGreaterThanOrEqual(4);
    for (const [f, text] of files) {
      for (const word of DEFAULT_WORDS) expect(text.match(word)?.[0], `${lang}/${f} says ${String(word)}`).toBeUndefined();
    }
    const readme = files.get('README.md')!;
    const control = LABELS.control[lang];
    // Table 1 header, effects table header, the footnote, the forest intro.
    expect(readme).toMatch(new RegExp(`\\| Digital coach \\(n = \\d+\\) \\| ${control} \\(n = \\d+\\) \\|`));
    expect(readme).toContain(`n (Digital coach/${control})`);
    expect(readme).toContain(`Digital coach − ${control}`);
    expect(readme).toMatch(lang === 'en' ? /Right of 0 favours Digital coach/ : /til fordel for Digital coach/);
    // Chart legends and "favours" texts.
    // A long favours label is written on two lines (a JSON array): read the lines joined.
    const forest = files.get('effects-forest.vl.json')!.replace(/\[\s*"([^"\]]*)",\s*"([^"\]]*)"\s*\]/g, '"$1 $2"');
    expect(forest).toContain(lang === 'en' ? `← Favours ${control}` : `← Til fordel for ${control}`);
    expect(forest).toContain(lang === 'en' ? 'Favours Digital coach →' : 'Til fordel for Digital coach →');
    for (const chart of ['trajectories', 'responders']) {
      const spec = files.get(`${chart}.vl.json`)!;
      expect(spec).toContain('"Digital coach"');
      expect(spec).toContain(`"${control}"`);
    }
    expect(files.get('participant-flow.svg')).toContain(control);
  });

  it.each(['en', 'da'] as const)('a plan without armLabels whose arms are not an app against usual care (%s) is reported with neutral names, never "app" or "usual care"', async (lang) => {
    // The bundled export with its arms renamed: a researcher's own trial of exercise against a waiting list
    // (one file for both languages, so both pages come from one analysis).
    renamed ??= (() => {
      const dir = tempDir();
      const csv = readFileSync('data/synthetic/selfback-trial.csv', 'utf8').replace(/^([^,\n]*),app,/gm, '$1,Træning,').replace(/^([^,\n]*),usual,/gm, '$1,Venteliste,');
      writeFileSync(join(dir, 'export.csv'), csv);
      return relative(process.cwd(), join(dir, 'export.csv'));
    })();
    const plan = { ...customPlan(), armLabels: undefined, arms: { intervention: 'Træning', control: 'Venteliste' } };
    const files = await trialReportFiles(plan, lang, renamed, builds);
    for (const [f, text] of files) {
      for (const word of DEFAULT_WORDS) expect(text.match(word)?.[0], `${lang}/${f} says ${String(word)}`).toBeUndefined();
    }
    const [I, C] = lang === 'en' ? ['Intervention', 'Control'] : ['Interventionsgruppe', 'Kontrolgruppe'];
    const readme = files.get('README.md')!;
    expect(readme).toMatch(new RegExp(`\\| ${I} \\(n = \\d+\\) \\| ${C} \\(n = \\d+\\) \\|`));
    const forest = files.get('effects-forest.vl.json')!.replace(/\[\s*"([^"\]]*)",\s*"([^"\]]*)"\s*\]/g, '"$1 $2"');
    expect(forest).toContain(lang === 'en' ? 'Favours intervention →' : 'Til fordel for interventionen →');
    // Definite beside the definite "interventionen" (docs/glossary-da.md).
    expect(forest).toMatch(lang === 'en' ? /← Favours control\b/ : /← Til fordel for kontrolgruppen\b/);
    // The subgroup forests too (their two-line labels joined).
    const subgroupForests = [...files].filter(([f]) => /^subgroup-.*\.vl\.json$/.test(f));
    expect(subgroupForests.length).toBeGreaterThan(0);
    for (const [f, spec] of subgroupForests) expect(spec.replace(/\[\s*"([^"\]]*)",\s*"([^"\]]*)"\s*\]/g, '"$1 $2"'), f).toMatch(lang === 'en' ? /← Favours control\b/ : /← Til fordel for kontrolgruppen\b/);
  });

  it('the sensitivity table and the tipping-point sentence name the arms', () => {
    const arms = armNames(LABELS, 'da');
    const sens = {
      outcome: 'rmdq', time: '3m', rows: [],
      tippingPoint: { nImputedIntervention: 19, significantAtZero: true, tippingDelta: 0.5, maxDelta: 10 },
    } as unknown as Sensitivity;
    expect(sensitivityTable(sens, 'da', 2, arms).header[1]).toBe('n (Digital coach/Venteliste)');
    expect(tippingSentence(sens, 'point', 2, 'da', arms)).toContain('de 19 imputerede værdier i gruppen Digital coach');
    expect(tippingSentence(sens, 'points', 2, 'en', armNames(LABELS, 'en'))).toContain('the 19 imputed values of the Digital coach arm');
    expect(tippingSentence(sens, 'points', 2, 'en')).toContain('19 imputed app-arm values');
  });

  it('the meta forest plot and its subtitle use the plan\'s labels', () => {
    const plan = { ...loadPlanFile('data/plans/selfback.plan.json'), armLabels: LABELS };
    const results = metaAnalyze(readStudiesFile('data/published/selfback-studies.csv'), { preset: 'metafor', lang: 'da', plan, planFile: 'plan.json', version: 'test' });
    const arms = armNames(LABELS, 'da');
    const group = metaGroups(results).find((g) => g.setting.measure === 'MD')!;
    const spec = JSON.stringify(metaForestSpec(group, 'da', { arms, armLabels: { intervention: arms.Intervention, control: arms.Control } }));
    for (const word of DEFAULT_WORDS) expect(spec.match(word)?.[0]).toBeUndefined();
    // (On one line, or on two when the forest narrows its plot to print portrait.)
    expect(spec).toMatch(/Til fordel(?: |",")for Venteliste/);
    // A lower-is-better outcome is turned round so that right favours the intervention (docs/report-trial.md).
    expect(spec).toContain(group.setting.direction === 'lower-is-better' ? 'Venteliste − Digital coach' : 'Digital coach − Venteliste');
  });

  it('a plan label beside a default-sounding one: both arms by their labels as written, in every form', () => {
    const labels = { intervention: { en: 'Selfback-app', da: 'Selfback-app' }, control: { en: 'Usual care', da: 'Vanlig behandling' } };
    const forms = 'n ({interventionShort}/{controlShort}); {intervention} − {control}; favours {theIntervention}';
    expect(fillArms(forms, armNames(labels, 'en'))).toBe('n (Selfback-app/Usual care); Selfback-app − Usual care; favours Selfback-app');
    expect(fillArms(forms, armNames(labels, 'da'))).toBe('n (Selfback-app/Vanlig behandling); Selfback-app − Vanlig behandling; favours Selfback-app');
    // Only the control named: the intervention in its label form too, never "app" beside "Waiting list".
    expect(fillArms(forms, armNames({ intervention: { en: 'App + usual care' }, control: { en: 'Waiting list' } } as never, 'en'))).toBe(
      'n (App + usual care/Waiting list); App + usual care − Waiting list; favours App + usual care');
    // An English default label with no Danish one reads as the Danish default on a Danish page.
    expect(armNames({ intervention: { en: 'Selfback-app' }, control: { en: 'Usual care' } }, 'da').controlShort).toBe('Vanlig behandling');
  });

  it('hta analyze: the text table header names both arms by the plan\'s labels', async () => {
    const plan = { ...customPlan(), armLabels: { intervention: { en: 'Selfback-app', da: 'Selfback-app' }, control: { en: 'Usual care', da: 'Vanlig behandling' } } };
    const file = join(tempDir(), 'plan.json');
    writeFileSync(file, JSON.stringify(plan));
    const run = await runCli('analyze', 'data/synthetic/selfback-trial.csv', '--plan', file);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('n (Selfback-app/Usual care)');
    expect(run.stdout).not.toMatch(/\/usual\)/);
  });

  it('without labels (or with the default ones) the reports keep "app" and "usual care" in each sentence\'s form', () => {
    for (const labels of [undefined, { intervention: { en: 'App + usual care', da: 'App + vanlig behandling' }, control: { en: 'Usual care', da: 'Vanlig behandling' } }]) {
      expect(fillArms('n ({interventionShort}/{controlShort}); {Intervention} vs {Control}; favours {theIntervention}', armNames(labels, 'en'))).toBe('n (app/usual); App + usual care vs Usual care; favours the app');
      expect(fillArms('{intervention} − {control}, til fordel for {theIntervention}', armNames(labels, 'da'))).toBe('app − vanlig behandling, til fordel for appen');
    }
    // Danish falls back to the English label.
    expect(armNames({ intervention: { en: 'Coach' }, control: { en: 'Wait', da: 'Vent' } }, 'da').intervention).toBe('Coach');
  });
});
