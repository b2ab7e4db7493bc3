/**
 * A count of one in its unit's singular (src/report/i18n.ts withUnit): a registry plan's MCID of
 * "1 weeks" of sick leave, "1 contacts", Danish "1 uger" read wrong on the page; units hta has no
 * singular for stay as the plan wrote them.
 */
import { describe, expect, it } from 'vitest';
import { withUnit } from '../../src/report/i18n.js';

describe('withUnit', () => {
  it('one in the singular, in English and Danish, the unit\'s last word', () => {
    expect(withUnit('1', 1, 'weeks')).toBe('1 week');
    expect(withUnit('1', 1, 'GP contacts')).toBe('1 GP contact');
    expect(withUnit('1', 1, 'points')).toBe('1 point');
    expect(withUnit('1', 1, 'index points')).toBe('1 index point');
    expect(withUnit('1', 1, 'uger', 'da')).toBe('1 uge');
    expect(withUnit('1', 1, 'kontakter hos egen læge', 'da')).toBe('1 kontakter hos egen læge');
    expect(withUnit('1', 1, 'lægekontakter', 'da')).toBe('1 lægekontakter');
    expect(withUnit('1', 1, 'sygedage', 'da')).toBe('1 sygedag');
    expect(withUnit('1', 1, 'Weeks')).toBe('1 Week');
  });

  it('other values, and units without a known singular, as written', () => {
    expect(withUnit('2', 2, 'weeks')).toBe('2 weeks');
    expect(withUnit('1,5', 1.5, 'uger', 'da')).toBe('1,5 uger');
    expect(withUnit('1', 1, 'kg')).toBe('1 kg');
    expect(withUnit('1', 1, 'point', 'da')).toBe('1 point');
    expect(withUnit('1', 1, '%')).toBe('1%');
    expect(withUnit('1', 1, '%', 'da')).toBe('1 %');
  });
});
