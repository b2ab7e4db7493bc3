/**
 * The notes a trial export's read prints under `--lang da` (docs/cli.md "Danish output"): ids shaped
 * like CPR numbers, float rounding in whole-number scores, arm values and category values spelled
 * otherwise than the plan, rows of an arm not compared, participants never randomised. Until
 * 6 December 2026 each was English after a Danish "bemærk:". Checked with the English-words scan
 * the Danish pages use, on each note without its file, quoted values and the plan's keys.
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { ENGLISH_WORDS } from '../support/english-words.js';

const PLAN = {
  arms: { intervention: 'app', control: 'usual' },
  otherArms: ['waitlist'],
  flow: { notRandomised: { en: 'Not randomised', da: 'Ikke randomiseret' } },
  timepoints: ['3m'],
  covariates: ['sex'],
  outcomes: [{ key: 'nrs', instrument: 'nrs' }],
};

/** Ten patients with CPR-shaped ids: app, usual (one "App " and one "usual"), two wait-listed, one never randomised; "Mand"/"mand"; one noisy score. */
function exportText(): string {
  const arms = ['app', 'usual', 'App ', 'usual', 'app', 'usual', 'waitlist', 'waitlist', '', 'app'];
  const rows = arms.flatMap((arm, k) =>
    ['baseline', '3m'].map((time, t) => {
      const id = `0${k + 1}0190-12${k}4`.slice(-11);
      const nrs = k === 0 && t === 1 ? '3.000000000000001' : String((k + t) % 10);
      const sex = k === 1 ? 'mand' : k % 2 ? 'Mand' : 'Kvinde';
      return [id, arm, time, nrs, sex].join(',');
    }),
  );
  return [['id', 'arm', 'time', 'nrs', 'sex'].join(','), ...rows].join('\n');
}

/** A note without its file and quoted values, JSON keys and the docs anchor. */
function prose(note: string): string {
  return note
    .replace(/^\S+?: /, '')
    .replace(/"[^"]*"/g, '""')
    .replace(/docs\/\S+/g, '')
    .replace(/\bflow\.notRandomised\b|\botherArms\b/g, '')
    // Danish genitive ("en patients rækker"), spelled as the English plural.
    .replace(/\bpatients (?=rækker)/g, '');
}

describe('a trial export read under --lang da', () => {
  const read = (lang: 'en' | 'da') => loadTrial(parseCsvText(exportText(), 'forsøg.csv'), parsePlan(PLAN), { lang }).readNotes ?? [];

  it('says each note in Danish, whole', () => {
    const da = read('da');
    const en = read('en');
    expect(da.length).toBe(en.length);
    const about = (words: RegExp) => da.find((n) => words.test(n));
    for (const words of [/ligner CPR-numre/, /afrundingsstøj/, /gruppeværdier, der kun adskiller sig/, /er én kategori/, /ikke med i denne sammenligning/, /inkluderet, men ikke randomiseret/]) expect(about(words), String(words)).toBeDefined();
    expect(about(/ikke randomiseret/)).toBe('forsøg.csv: 1 deltager uden en gruppe i kolonnen "arm" i nogen række (2 rækker) er inkluderet, men ikke randomiseret (planens "flow.notRandomised"): analyseres ikke, tælles som ekskluderet før randomiseringen i flowdiagrammet');
    for (const note of da) expect(ENGLISH_WORDS.exec(prose(note))?.[0], note).toBeUndefined();
  });

  it('keeps the English notes as they were', () => {
    const en = read('en');
    expect(en.some((n) => n.includes('look like CPR numbers'))).toBe(true);
    expect(en.some((n) => n.includes('4 rows of arm "waitlist" in column "arm" (2 patients) are not in this comparison'))).toBe(true);
    expect(en.some((n) => n.includes('hold float rounding') || n.includes('holds float rounding'))).toBe(true);
  });
});
