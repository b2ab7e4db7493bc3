/**
 * Issue #15 point 4: the cost-effectiveness page opens with a short generated conclusion — the
 * ICER in words with the perspective and the probability of cost-effectiveness at the plan's
 * threshold (src/report/cea-conclusion.ts), en and da — and says no number its results table
 * does not show. Reads the bundled results (reports/selfback-cea/results.json and its Danish twin) and tables
 * (README.md, the same tables as index.html).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CeaResult } from '../../src/cea/cea-results-schema.js';
import { defaultArmNames } from '../../src/report/arm-names.js';
import { ceaConclusion } from '../../src/report/cea-conclusion.js';
import { pctText } from '../../src/cea/cea-phrases.js';

const ARMS = { en: defaultArmNames('en'), da: defaultArmNames('da') } as const;

describe.each([['en', 'selfback-cea'], ['da', 'selfback-cea-da']] as const)('the CEA conclusion (%s)', (lang, out) => {
  const r = JSON.parse(readFileSync(`reports/${out}/results.json`, 'utf8')) as CeaResult;
  const text = ceaConclusion(r, ARMS[lang], lang);

  it('says the ICER in words with the time horizon, the perspective and the CIs of the incremental cost and QALYs, and the probability at the plan\'s threshold', () => {
    expect(text).toBe(lang === 'en'
      ? 'Over 9 months, from a healthcare perspective, the app costs €235 more per patient than usual care and gains 0.0319 QALYs (95% CIs €74 to €390 and 0.0149 to 0.0499): an ICER of €7,359 per QALY gained. At the plan\'s threshold of €23,250 per QALY, the probability that the app is cost-effective is 98%.'
      : 'Over 9 måneder og i et sundhedssektorperspektiv koster appen 235 EUR mere pr. patient end vanlig behandling og giver 0,0319 QALY mere (95 %-KI henholdsvis 74 EUR til 390 EUR og 0,0149 til 0,0499): en ICER på 7.359 EUR pr. vundet QALY. Ved planens tærskelværdi på 23.250 EUR pr. QALY er sandsynligheden for, at appen er omkostningseffektiv, 98 %.');
  });

  it('has no number the page\'s results table does not show', () => {
    const tables = readFileSync(`reports/${out}/README.md`, 'utf8').split('\n').filter((l) => l.startsWith('|')).join('\n');
    for (const n of text.match(/\d[\d.,]*\d|\d/g) ?? []) expect(tables, n).toContain(n.replace(/[.,]$/, ''));
  });

  it('words another quadrant by the ICER\'s own words, and several thresholds', () => {
    const dominated = { ...r, icer: { kind: 'dominated' as const }, incrementalQaly: { ...r.incrementalQaly, estimate: -0.01, ciLower: -0.03, ciUpper: 0.01 }, thresholds: [r.thresholds[0]!, { ...r.thresholds[0]!, threshold: 40000, probabilityCostEffective: 0.5 }] };
    const t = ceaConclusion(dominated, ARMS[lang], lang);
    expect(t).toContain(lang === 'en' ? '(incremental cost +€235, 95% CI €74 to €390; incremental QALYs −0.0100, 95% CI −0.0300 to 0.0100)' : '(meromkostning +235 EUR, 95 %-KI 74 EUR til 390 EUR; forskel i QALY −0,0100, 95 %-KI −0,0300 til 0,0100)');
    // Without utilities after baseline no horizon is claimed.
    expect(ceaConclusion({ ...dominated, utilities: r.utilities.slice(0, 1) }, ARMS[lang], lang)).toMatch(lang === 'en' ? /^From a healthcare perspective, / : /^I et sundhedssektorperspektiv koster /);
    expect(t).toContain(lang === 'en' ? 'thresholds of €23,250 and €40,000 per QALY' : 'tærskelværdier på 23.250 EUR og 40.000 EUR pr. QALY');
    expect(t).toContain(lang === 'en' ? 'is 98% and 50%, respectively.' : 'henholdsvis 98 % og 50 %.');
    // Dominated on the point estimate, but the QALYs' CI reaches gains: said as an average, with the replicates that gain.
    const gain = pctText(r.quadrants.NE + r.quadrants.SE, lang);
    expect(t).toContain(lang === 'en'
      ? `so the app is dominated on the point estimates, but the 95% CI of the incremental QALYs includes more QALYs (${gain} of the bootstrap replicates gain more).`
      : `så appen er domineret ifølge punktestimaterne, men 95 %-KI for forskellen i QALY omfatter flere QALY (${gain} af bootstrap-replikationerne giver flere).`);
    // The cost's CI (€74 to €390) does not reach savings: nothing said of it.
    expect(t).not.toMatch(/includes lower costs|lavere omkostninger/);
  });

  it('a dominance whose cost CI spans 0: the verdict comes after what the app does on average, qualified in the same sentence, with one colon at most', () => {
    // A health economist's fixed price of 600 kr.: −48 kr. (95 % CI −432 to 342), 42 % of the replicates cost more.
    const dominant = { ...r, currency: 'DKK', icer: { kind: 'dominant' as const }, quadrants: { NE: 0.42, NW: 0, SE: 0.58, SW: 0 },
      incrementalCost: { ...r.incrementalCost, estimate: -48, ciLower: -432, ciUpper: 342 }, incrementalQaly: { ...r.incrementalQaly, estimate: 0.0151, ciLower: 0.002, ciUpper: 0.028 } };
    const t = ceaConclusion(dominant, ARMS[lang], lang);
    expect(t).toMatch(lang === 'en'
      ? /^Over 9 months, from a healthcare perspective, the app saves money and gains health on average compared with usual care \(incremental cost −48 DKK, 95% CI −432 DKK to 342 DKK; /
      : /^Over 9 måneder og i et sundhedssektorperspektiv sparer appen i gennemsnit penge og giver mere sundhed sammenlignet med vanlig behandling \(meromkostning −48 kr\., 95 %-KI −432 kr\. til 342 kr\.; /);
    expect(t).toContain(lang === 'en'
      ? 'so the app is dominant on the point estimates, but the 95% CI of the incremental cost includes higher costs (42% of the bootstrap replicates cost more).'
      : 'så appen er dominerende ifølge punktestimaterne, men 95 %-KI for meromkostningen omfatter højere omkostninger (42 % af bootstrap-replikationerne er dyrere).');
    const first = t.split('. ')[0]!;
    expect(first.split(':').length).toBeLessThanOrEqual(2);
    expect(first).not.toMatch(/dominant:|dominerende:/);
    // Both CIs on one side: the verdict stands alone.
    const sure = { ...dominant, incrementalCost: { ...dominant.incrementalCost, ciUpper: -10 }, quadrants: { NE: 0, NW: 0, SE: 1, SW: 0 } };
    expect(ceaConclusion(sure, ARMS[lang], lang)).toContain(lang === 'en' ? '), so the app is dominant. ' : '), så appen er dominerende. ');
  });

  it('adds the CE plane\'s whole points, not the exact shares rounded on their own', () => {
    // The plane shows SE 1 % and SW 1 % (largest remainder: the two 48.5 % get the leftover points);
    // the exact sum, 3 %, rounded on its own would say a number the plane does not add up to.
    const quadrants = { NE: 0.485, NW: 0.485, SE: 0.015, SW: 0.015 };
    const dominated = { ...r, quadrants, icer: { kind: 'dominated' as const }, incrementalCost: { ...r.incrementalCost, estimate: 100, ciLower: -20, ciUpper: 300 } };
    const t = ceaConclusion(dominated, ARMS[lang], lang);
    expect(t).toContain(lang === 'en' ? '(2% of the bootstrap replicates cost less).' : '(2 % af bootstrap-replikationerne er billigere).');
    expect(t).not.toMatch(/3 ?%/);
  });
});
