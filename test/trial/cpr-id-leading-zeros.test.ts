/**
 * Review s29 privacy, findings 3 and 4 (trial side): a CPR number whose leading zero Excel dropped
 * on some rows (`060369-0855` on the baseline row, `603690855` on the rows a sheet re-saved) was
 * two patients, silently; and a no-break space inside an id that is no CPR number (`SB 0003`
 * beside `SB\u00a00003`, as copied from an EHR or a web form) was two patients too. The first is
 * refused as the bare digits `0603690855` beside `603690855` are ("leading zeros"), the second as
 * one id spelled two ways ("characters"), as a zero-width space is (docs/input-trial-export.md#cpr-spellings).
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { idDifferences, otherSpellingExpected } from '../../src/trial/patient-ids.js';
import { refusalText } from '../support/error-of.js';

const PLAN = {
  columns: { id: 'id', arm: 'gruppe', time: 'besoeg' },
  arms: { intervention: 'App', control: 'Kontrol' },
  timeLabels: { Baseline: 'baseline', '3 mdr.': '3m' },
  timepoints: ['3m'],
  primary: { outcome: 'smerte', time: '3m' },
  outcomes: [{ key: 'smerte', column: 'smerte_gns', instrument: 'nrs' }],
};

/** 8 patients per arm, two visits each; `idOf(p, visit)` writes patient p's id at the visit (0 baseline, 1 at 3 months). */
function exportText(idOf: (p: number, visit: number) => string): string {
  const lines = ['id;gruppe;besoeg;smerte_gns'];
  for (let p = 1; p <= 16; p++) ['Baseline', '3 mdr.'].forEach((v, k) => lines.push(`${idOf(p, k)};${p <= 8 ? 'App' : 'Kontrol'};${v};${(p + 5 + k * 3) % 11}`));
  return lines.join('\n') + '\n';
}
const load = (text: string) => loadTrial(parseCsvText(text, 'udtraek.csv'), parsePlan(PLAN));

/** Patient p's CPR number (days 01–16 of March 1969: each starts with 0 or 1), its parts joined by `sep`. */
const cpr = (p: number, sep: string) => `${String(p).padStart(2, '0')}0369${sep}${String(800 + p).padStart(4, '0')}`;

describe('a CPR number written with its leading zero on some rows and without it (Excel) on others', () => {
  it('is refused as leading zeros, as the bare digits are, naming the lines and never the id', () => {
    // Patients 1–9 start with 0: their 3-month rows as Excel writes them, 9 digits.
    const text = exportText((p, k) => (k === 1 && p < 10 ? String(Number(cpr(p, ''))) : cpr(p, '-')));
    const refusal = refusalText(() => load(text));
    expect(refusal).toContain('once with leading zeros and once without');
    expect(refusal).not.toMatch(/\d{6}-?\d{4}|\d{9}/);
    const bare = refusalText(() => load(exportText((p, k) => (k === 1 && p < 10 ? String(Number(cpr(p, ''))) : cpr(p, '')))));
    expect(bare).toContain('once with leading zeros and once without');
  });

  it('written one way (hyphen on every row) or two ways with the same digits, is read as one patient each', () => {
    expect(load(exportText((p) => cpr(p, '-'))).patients?.length).toBe(16);
    expect(load(exportText((p, k) => cpr(p, k ? '' : '-'))).patients?.length).toBe(16);
  });
});

describe('a no-break space inside an id that is no CPR number', () => {
  it('is refused as one id spelled two ways, as a zero-width space is', () => {
    const text = exportText((p, k) => (p === 3 && k === 1 ? 'SB\u00a00003' : `SB ${String(p).padStart(4, '0')}`));
    expect(refusalText(() => load(text))).toContain('a no-break space for a space');
    expect(idDifferences('SB 0003', 'SB\u00a00003')).toEqual(['characters']);
  });

  it('the refusal\'s R advice removes every character the rule refuses (soft hyphen, direction marks: Cf) and writes a no-break space as a space', () => {
    const { expected } = otherSpellingExpected(2, ['characters']);
    expect(expected).toContain('gsub("\\\\p{Cf}", "", gsub("[\\\\x{a0}\\\\x{2007}\\\\x{202f}]", " ", id, perl = TRUE), perl = TRUE)');
    // The soft hyphen and a direction mark are refused by the rule the advice serves.
    expect(idDifferences('SB-1001', 'SB-\u00ad1001')).toEqual(['characters']);
    expect(idDifferences('SB-1001', '\u200eSB-1001')).toEqual(['characters']);
  });
});
