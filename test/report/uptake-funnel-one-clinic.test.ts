/**
 * The clinic funnel's sentence with one clinic outside the limits, or one clinic shown: "1 clinic"
 * and "én klinik", never "1 clinics" / "et klinikker" (count-words.ts countNoun). The analysis is
 * the bundled registry's, with the funnel cut down to the clinics a small region would have.
 */
import { describe, expect, it } from 'vitest';
import { SUPPRESSED } from '../../src/suppressed-marker.js';
import { uptakeTables } from '../../src/report/uptake-tables.js';
import type { UptakeAnalysis } from '../../src/uptake/uptake-analysis.js';
import { bundledAnalysis } from './charts/uptake-chart-support.js';

type Funnel = NonNullable<UptakeAnalysis['funnel']>;

/** The bundled analysis with only `clinics` in its funnel; `hide` have their rate and position suppressed. */
async function withClinics(clinics: string[], hide: string[] = []): Promise<UptakeAnalysis> {
  const a = await bundledAnalysis();
  const funnel = a.funnel as Funnel;
  const rows = funnel.rows
    .filter((r) => clinics.includes(r.clinic))
    .map((r) => (hide.includes(r.clinic) ? { ...r, rate: SUPPRESSED, outside95: SUPPRESSED, outside998: null } : r)) as Funnel['rows'];
  const outside = (list: string[]) => list.filter((c) => clinics.includes(c) && !hide.includes(c));
  return { ...a, funnel: { ...funnel, rows, outside95: outside(funnel.outside95), outside998: outside(funnel.outside998), verdictsSuppressed: hide.length } };
}

const sentences = (a: UptakeAnalysis, lang: 'en' | 'da') => uptakeTables(a, lang).clinics.intro.join(' ');

describe('uptake clinic funnel: a count of one clinic is singular', () => {
  it('one clinic outside the limits (H010, outside 99.8% too) among two', async () => {
    const a = await withClinics(['H001', 'H010']);
    const en = sentences(a, 'en');
    expect(en).toContain('outside the 95% limits: 1 clinic (0 within the 99.8% limits, 1 outside them) (H010)');
    const da = sentences(a, 'da');
    expect(da).toContain('uden for 95 %-grænserne: én klinik (nul inden for 99,8 %-grænserne, én uden for dem) (H010)');
    for (const text of [en, da]) expect(text).not.toMatch(/\b(1|one|et|én) (clinics|klinikker)\b/);
  });

  it('one clinic shown beside one suppressed: "of the one clinic", "1 of 2 clinics"', async () => {
    const a = await withClinics(['H001', 'H010'], ['H001']);
    const en = sentences(a, 'en');
    expect(en).toContain('of the one clinic whose position is shown, 1 is outside the 95% limits');
    expect(en).toContain('The positions of 1 of 2 clinics are suppressed');
    const da = sentences(a, 'da');
    expect(da).toContain('af den ene klinik, hvis placering vises, ligger én uden for 95 %-grænserne');
    expect(da).toContain('For én af to klinikker er placeringen diskretioneret');
  });

  it('many clinics keep the plural (the bundled funnel: 9 outside)', async () => {
    expect(sentences(await bundledAnalysis(), 'en')).toContain('outside the 95% limits: 9 clinics (5 within the 99.8% limits, 4 outside them)');
  });
});
