// With every EQ-5D of one arm missing after baseline, the refusal for too few observed QALYs
// advised `"qalyMissing": "observed-visits"`, which cannot work (the last visit must still be
// observed). Now it says that no patient of the arm has an EQ-5D after baseline and leaves the
// suggestion out; it still suggests it where it would leave each arm enough QALYs.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { analyseCeaFiles } from '../../src/cea/analyze-cea-files.js';
import { formatError, HtaError } from '../../src/errors.js';
import { ceaFixture } from '../support/cea-fixture.js';
import { removeTempDirs } from '../support/run-cli.js';

afterAll(removeTempDirs);

/** The fixture with the EQ-5D of the app arm's (even ids) rows at `visits` emptied, for the patients `which` picks. */
function emptied(visits: string[], which: (i: number) => boolean) {
  const f = ceaFixture();
  const lines = readFileSync(f.exportFile, 'utf8').split('\n').map((l) => {
    const m = /^P(\d+),app,([^,]+),[^,]*,/.exec(l);
    if (!m || !visits.includes(m[2]!) || !which(Number(m[1]))) return l;
    const cells = l.split(',');
    cells[3] = '';
    return cells.join(',');
  });
  writeFileSync(f.exportFile, lines.join('\n'));
  return f;
}

function refusal(f: { exportFile: string; plan: string }): string {
  try {
    analyseCeaFiles({ dataFile: f.exportFile, planFile: f.plan, version: 't', dataName: 'export.csv', planName: 'cea.json', replicates: 100 });
  } catch (e) {
    expect(e).toBeInstanceOf(HtaError);
    expect((e as HtaError).exitCode).toBe(2);
    return formatError(e as HtaError);
  }
  throw new Error('not refused');
}

describe('too few observed QALYs: the way out', () => {
  it('an arm with no EQ-5D after baseline: said, and "observed-visits" not suggested', () => {
    const text = refusal(emptied(['6w', '3m'], () => true));
    expect(text).toContain('expected enough observed QALYs in the "app" arm');
    expect(text).toContain('0 of its 24 patients have them (24 missing)');
    expect(text).toContain('no patient in this arm has an EQ-5D after baseline ("6w", "3m"), so no QALY can be computed or imputed');
    expect(text).not.toContain('observed-visits');
  });

  it('the last visit missing for nearly every patient: "observed-visits" would not help, and says why', () => {
    const text = refusal(emptied(['3m'], (i) => i !== 0));
    expect(text).toContain('"qalyMissing": "observed-visits" would not help: it needs each patient\'s baseline and last visit ("3m") observed');
    expect(text).not.toContain('set "qalyMissing"');
  });

  it('a middle visit missing for nearly every patient: "observed-visits" is suggested, since it leaves enough QALYs', () => {
    const text = refusal(emptied(['6w'], (i) => i !== 0));
    expect(text).toContain('or for QALYs set "qalyMissing": "observed-visits"');
  });
});
