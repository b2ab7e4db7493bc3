/**
 * A region's own publication beside the national one of the same date (docs/disclosure-control.md
 * "Two cuts of one extract"): `--audit --published P12.json --previous H12.json` stopped with "not
 * cuts of one extract … give a changed extract its own, later export date" — wrong advice for a
 * different scope. A one-region file's whole-country rows are its region's (the same patients), so
 * the two are read together; other scopes are refused saying what the audit can do.
 */
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { asRegionRows, oneScope, otherScopeRefusal, regionsOfPublication } from '../../src/uptake/disclosure/cut-scope.js';

const row = (region: string, referrals: number | 'suppressed', activations: number | 'suppressed') => ({ region, period: 'all', dimension: 'all', level: 'all', referrals, activations });
const national = { exportDate: '2025-12-31', rows: 900, metrics: [row('Hovedstaden', 191, 'suppressed'), row('Sjælland', 80, 50), row('national', 271, 'suppressed')], uptake: [{ region: 'national', year: 2025, activations: 'suppressed', eligible: 4000 }], budget: { observed: [] } };
const region = { exportDate: '2025-12-31', rows: 191, metrics: [row('Hovedstaden', 191, 'suppressed'), row('national', 191, 120)], uptake: [{ region: 'Hovedstaden', year: 2025, activations: 'suppressed', eligible: 1500 }, { region: 'national', year: 2025, activations: 120, eligible: 1500 }], budget: { observed: [] } };

describe('publications of another scope, same date', () => {
  it('a one-region file reads its whole-country rows as its region\'s: a count one hides and the other prints is printed; its row count is not the extract\'s', () => {
    const r = asRegionRows(region, 'Hovedstaden');
    expect(r.metrics).toEqual([row('Hovedstaden', 191, 120)]);
    expect(r.uptake).toEqual([{ region: 'Hovedstaden', year: 2025, activations: 120, eligible: 1500 }]);
    expect('rows' in r).toBe(false);
    // Its costs rest on its region's volume, not the country's: not read beside the other file.
    const withCost = asRegionRows({ ...region, budget: { observed: [{ region: 'national', year: 2025, activations: 120, cost: 180000, averagePrice: 1500 }] } }, 'Hovedstaden');
    expect(withCost.budget.observed).toEqual([{ region: 'Hovedstaden', year: 2025, activations: 120 }]);
    expect(regionsOfPublication(r)).toEqual(['Hovedstaden']);
  });

  it('beside the national publication, either way round, the one-region file is the one read so', () => {
    const a = oneScope({ file: 'P12.json', json: national }, [{ file: 'H12.json', json: region }]);
    expect(a.regionCuts).toEqual(['H12.json']);
    expect(a.published).toBe(national);
    expect(a.cuts[0]!.metrics).toEqual([row('Hovedstaden', 191, 120)]);
    const b = oneScope({ file: 'H12.json', json: region }, [{ file: 'P12.json', json: national }]);
    expect(b.regionCuts).toEqual(['H12.json']);
    expect(b.published.metrics).toEqual([row('Hovedstaden', 191, 120)]);
  });

  it('the same scope is left as it is', () => {
    const a = oneScope({ file: 'A.json', json: national }, [{ file: 'B.json', json: national }]);
    expect(a.regionCuts).toEqual([]);
    expect(a.cuts[0]).toBe(national);
  });

  it('two scopes of several regions each are refused (exit 2), naming both and what the audit can do', () => {
    const other = { ...national, metrics: [row('Midtjylland', 70, 40), row('Sjælland', 80, 50), row('national', 150, 90)] };
    let err: unknown;
    try {
      oneScope({ file: 'P12.json', json: national }, [{ file: 'X.json', json: other }]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HtaError);
    expect((err as HtaError).exitCode).toBe(2);
    expect((err as HtaError).message).toContain('different scopes (P12.json prints regions Hovedstaden, Sjælland; X.json prints regions Midtjylland, Sjælland)');
    // One instruction (publish one of the two), not also "audit each on its own"; no municipality advice for two scopes of several regions.
    expect((err as HtaError).message).toContain('these two it cannot read together');
    expect((err as HtaError).message).toContain('Publish only one of the two for this export date (docs');
    expect((err as HtaError).message).not.toContain('audit each publication on its own');
    expect((err as HtaError).message).not.toContain('totalName');
    expect((err as HtaError).message).not.toContain('later export date');
  });

  it('a run naming a publication of another scope is told to audit the two before publishing, and to publish less if that fails', () => {
    const err = otherScopeRefusal('H12.json', '2025-12-31', ['Hovedstaden'], ['Hovedstaden', 'Sjælland']);
    expect(err.exitCode).toBe(2);
    expect(err.message).toContain('before publishing it, audit the two together: hta uptake --audit --published new.json --previous H12.json');
    expect(err.message).toContain('If the audit fails (exit 1), publish less');
    expect(err.message).not.toMatch(/publish this one without it/i);
  });
  it('a run naming a publication of several other regions: no municipality advice', () => {
    const err = otherScopeRefusal('X.json', '2025-12-31', ['Midtjylland', 'Sjælland'], ['Hovedstaden', 'Nordjylland']);
    expect(err.message).toContain('Publish only one of the two for this export date (docs');
    expect(err.message).not.toContain('totalName');
  });
  it('a run naming a publication of units the audit cannot read beside it (a region\'s municipalities beside the region) is not sent to that audit, but told to publish one of the two', () => {
    const err = otherScopeRefusal('muni.json', '2025-10-31', ['Greve', 'Køge'], ['Region Sjælland']);
    expect(err.exitCode).toBe(2);
    expect(err.message).not.toContain('hta uptake --audit');
    expect(err.message).toContain('Nor can the audit read the two together');
    expect(err.message).toContain('Publish only one of the two for this export date: a publication by municipality already carries its region\'s figures in its total rows (name them with the uptake plan\'s "totalName"');
    // And the audit, asked anyway, says the same.
    const pub = { exportDate: '2025-10-31', metrics: [row('Region Sjælland', 150, 90), row('national', 150, 90)] };
    const muni = { exportDate: '2025-10-31', metrics: [row('Greve', 70, 40), row('Køge', 80, 50), row('national', 150, 90)] };
    expect(() => oneScope({ file: 'reg.json', json: pub }, [{ file: 'muni.json', json: muni }])).toThrow(/Publish only one of the two for this export date/);
    // A region spelt as the other prints it ("Region Sjælland" beside "Sjælland") is still sent to the audit that reads them together.
    expect(otherScopeRefusal('reg.json', '2025-10-31', ['Region Sjælland'], ['Hovedstaden', 'Sjælland']).message).toContain('hta uptake --audit --published new.json --previous reg.json');
  });
});
