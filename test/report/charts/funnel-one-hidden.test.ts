/**
 * The all-clinics funnel's subtitle counts the clinics it does not draw: one is "1 clinic … is
 * not drawn" / "1 klinik …", never "1 clinics" / "1 klinikker" (charts keep digits).
 */
import { describe, expect, it } from 'vitest';
import { uptakeClinicFunnelSpec } from '../../../src/report/charts/uptake-clinic-funnel.js';
import { bundledAnalysis } from './uptake-chart-support.js';

describe('the funnel chart names its hidden clinics with the right number', () => {
  for (const [hide, lang, want] of [
    [1, 'en', '1 clinic with suppressed counts (disclosure control) is not drawn'],
    [1, 'da', '1 klinik med diskretionerede antal er ikke tegnet'],
    [2, 'en', '2 clinics with suppressed counts (disclosure control) are not drawn'],
    [2, 'da', '2 klinikker med diskretionerede antal er ikke tegnet'],
  ] as const) {
    it(`${hide} hidden, ${lang}`, async () => {
      const a = await bundledAnalysis();
      const rows = a.funnel.rows.map((r, k) => (k < hide ? { ...r, referrals: null, rate: null } : r));
      const json = JSON.stringify(uptakeClinicFunnelSpec({ funnel: { ...a.funnel, rows } as typeof a.funnel, curve: [] }, { lang }));
      expect(json).toContain(want);
      expect(json).not.toMatch(/\b1 (clinics|klinikker)\b/);
    });
  }
});
