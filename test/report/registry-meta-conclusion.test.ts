/**
 * The registry and meta-analysis pages open with a conclusion, as the trial page does
 * (docs/report-trial.md#order, docs/observational.md#report, docs/input-studies.md): the primary
 * result with its 95% CI against the MCID and its verdict, written as the page's own table writes
 * them, the other results against that verdict, and what the evidence cannot say (not randomised:
 * the E-value; one trial: no prediction interval, certainty not rated) — in English and Danish.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ObservationalResult } from '../../src/observational/observational-results-schema.js';
import type { Lang } from '../../src/report/i18n.js';
import { metaReportKind } from '../../src/report/kinds/meta-report.js';
import { registryReportKind } from '../../src/report/kinds/registry-report.js';
import type { ReportEnv } from '../../src/report/kinds/report-kind.js';
import type { PageSection } from '../../src/report/report-page.js';
import { ENGLISH_WORDS } from '../support/english-words.js';
import { reportEnv } from '../support/report-env.js';

const memo = new Map<string, unknown>();
const env = (lang: Lang): ReportEnv => reportEnv(resolve('data'), lang, memo);

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const conclusionOf = (sections: readonly PageSection[]) => {
  expect(sections[0]!.id).toBe('conclusion');
  expect(sections[0]!.intro).toHaveLength(1);
  return sections[0]!.intro![0]!;
};

describe('registry conclusion', () => {
  it.each(['en', 'da'] as const)('(%s) the primary adjusted estimate as Table 1 prints it, its verdict and certainty, the other results and the E-value', async (lang) => {
    const entry = { id: 'r', kind: 'registry', out: 'r', lang, data: 'synthetic/registry-outcomes.csv', plan: 'plans/registry-outcomes.plan.json' };
    const content = await registryReportKind.build(entry as never, env(lang));
    const text = conclusionOf(content.page.sections);
    const table = content.page.sections.find((s) => s.id === 'effects')!.tables![0]!.table;
    // Table 1's weighted-regression row of the primary outcome (the plan's: RMDQ at 3 months).
    // In the trial conclusion's words, with a direction: "MD 2,07 point lavere", not "−2,07" beside
    // a figure that prints the gain "2,07".
    const row = table.rows.find((r) => /RMDQ/.test(r[0]!) && /regression/i.test(r[2]!))!;
    // (The table writes the instrument's unit after the estimate: "−2.07 points (−2.55 to −1.60)".)
    const [estimate, lower, upper] = /^−(\S+) (?:points|point) \(−(\S+) (?:to|til) −(\S+)\)$/.exec(row[5]!)!.slice(1);
    expect(text).toContain(lang === 'en' ? `MD ${estimate} points lower (95% CI ${lower} lower to ${upper} lower)` : `MD ${estimate} point lavere (95 %-KI ${lower} lavere til ${upper} lavere)`);
    expect(text).toContain(lang === 'en' ? '(primary outcome)' : '(primært effektmål)');
    expect(text).toContain(lang === 'en' ? 'against an MCID of 5 points – significant, but not clinically relevant (low certainty of evidence)' : 'mod en MKRF på 5 point – signifikant, men ikke klinisk relevant (lav evidenskvalitet)');
    // The other outcomes, named with their own verdicts.
    expect(text).toMatch(lang === 'en' ? /pain intensity at 3 months/ : /smerteintensitet efter 3 måneder/);
    // Not randomised: the E-value of the same estimate, as the E-value section gives it.
    const result = content.results as ObservationalResult;
    const e = result.analyses.find((a) => a.outcome === 'rmdq')!.effects.find((x) => x.method === 'weighted-regression')!.eValue!;
    const f = (v: number) => (lang === 'en' ? v.toFixed(2) : v.toFixed(2).replace('.', ','));
    expect(text).toContain(lang === 'en' ? `The groups were not randomised: an unmeasured confounder` : 'Grupperne er ikke randomiseret: en umålt forstyrrende faktor');
    expect(text).toContain(f(e.estimate));
    expect(text).toContain(`(${f(e.ciLimit)} `);
    // (120: the direction words, "MD … point lavere (… lavere til … lavere)", took the Danish one to 116.)
    expect(words(text)).toBeLessThanOrEqual(120);
    if (lang === 'da') expect(text).not.toMatch(ENGLISH_WORDS);
  });
});

describe('meta-analysis conclusion', () => {
  it.each(['en', 'da'] as const)('(%s) the primary outcome\'s estimate as the summary table prints it, the others, and no prediction interval from one trial', async (lang) => {
    const entry = { id: 'm', kind: 'meta', out: 'm', lang, data: 'published/selfback-studies.csv', plan: 'plans/selfback.plan.json', preset: 'metafor' as const };
    const content = await metaReportKind.build(entry, env(lang));
    const text = conclusionOf(content.page.sections);
    const table = content.page.sections.find((s) => s.id === 'pooled')!.tables![0]!.table;
    // The plan's primary outcome and follow-up: disability (RMDQ) at 3 months, the table's first row.
    const row = table.rows.find((r) => /RMDQ/.test(r[0]!) && /^3 /.test(r[1]!))!;
    // Danish: the sign's note in the effect's own parenthesis, before the MCID (meta-conclusion.ts).
    expect(text).toContain((row[3] ?? '').replace(' (', lang === 'en' ? ' (95% CI ' : ' (95 %-KI ').replace(/\)$/, lang === 'en' ? ')' : '; positiv: til fordel for appen) mod en MKRF på 5 point'));
    // The table's "1 trial (461)" under "Trials (participants)"; the sentence says what 461 counts.
    // Danish running text counts the trials in words ("ét forsøg"), the table in digits.
    expect(text).toContain(`${(row[2] ?? '').replace(/\)$/, lang === 'en' ? ' participants)' : ' deltagere)').replace(/^1 /, lang === 'en' ? '1 ' : 'ét ')}: ${row[4]}`);
    expect(text).toContain(lang === 'en' ? 'at 3 months (primary outcome)' : 'efter 3 måneder (primært effektmål)');
    expect(text).toContain(lang === 'en' ? '– significant, but not clinically relevant;' : '– signifikant, men ikke klinisk relevant;');
    // Three of the other four results are one subgroup's: said apart, not counted as agreeing.
    expect(text).toContain(lang === 'en' ? 'The other result, pain self-efficacy at 9 months, agrees.' : 'Det øvrige resultat, handlekompetence, mestringstro efter 9 måneder, har samme vurdering.');
    expect(text).toContain(lang === 'en' ? 'In one subgroup only (high physical demands), not all patients: significant, but not clinically relevant for ' : 'Kun i én subgruppe (høje fysiske krav), ikke hos alle patienter: signifikant, men ikke klinisk relevant for ');
    // Every row rests on one trial: the conclusion says what that leaves unknown.
    expect(text).toContain(lang === 'en' ? 'Every result rests on one trial: how the effect varies between settings cannot be estimated (no prediction interval), and the certainty of the evidence is not rated here.' : 'Alle resultater bygger på ét forsøg');
    expect(words(text)).toBeLessThanOrEqual(110);
    if (lang === 'da') expect(text).not.toMatch(ENGLISH_WORDS);
  });
});
