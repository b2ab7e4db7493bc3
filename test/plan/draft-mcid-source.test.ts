// plan init's drafted MCID sources are citations, the same on a Danish page: "(…; check)" in them
// printed on the committee's page, in English (review). The reminder to check is among the
// draft's checks instead.
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { proseMcidSources } from '../../src/report/danish-gaps.js';

describe('drafted MCID sources', () => {
  it('ODI, a 0–10 pain with decimals and a 0–100 VAS: a citation without "check", the check said apart', () => {
    const lines = ['id,arm,time,odi,pain_avg,smerte_vas'];
    for (let p = 1; p <= 12; p++) for (const [k, t] of ['baseline', '3m'].entries()) lines.push(`P${p},${p % 2 ? 'app' : 'usual'},${t},${30 - 4 * k + p},${((p + k) % 9) + 0.5},${20 + 5 * p + k}`);
    const d = draftPlan(parseCsvText(lines.join('\n'), 'export.csv'), 'plan.schema.json');
    const sources = Object.values(d.plan.instruments as Record<string, { mcidSource?: string }>).map((i) => i.mcidSource);
    expect(sources).toEqual(expect.arrayContaining(['Ostelo et al. 2008', 'Ostelo et al. 2008 (NRS)', 'Ostelo et al. 2008 (VAS 0–100)']));
    expect(sources.join(' ')).not.toMatch(/check/);
    expect(proseMcidSources(d.plan)).toEqual([]);
    expect(d.checks.join('\n')).toMatch(/check "instruments\.odi"/);
  });
});
