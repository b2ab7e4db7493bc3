/**
 * A wide export whose visits follow a period, as SPSS's Restructure (CASESTOVARS, default
 * separator ".") and R's reshape() write them (`RMDQ.0`, `RMDQ.3`): read as with "_"
 * (docs/plan-trial.md#visits-of-a-wide-export). Found by an explorer: plan init drafted each visit
 * column as an outcome of its own and then refused ("expected … column names ending in their
 * visit: _baseline …"), and a hand-written wide plan was refused at "_0", "_3".
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { periodVisitHeader } from '../../src/plan/period-visits.js';
import { runCli, tempDir } from '../support/run-cli.js';

const FIXTURE = 'test/fixtures/spss-restructure/trial.csv';
const dotted = readFileSync(FIXTURE, 'utf8');
/** The same export with "_" before the visits, as hta has always read it. */
const underscored = dotted.replace(/^[^\r\n]*/, (h) => h.replace(/\.(0|3)(?=;|$)/g, '_$1'));

describe('visits after a period (SPSS CASESTOVARS, R reshape)', () => {
  it('the fixture is the CASESTOVARS shape, and its copy the "_" one', () => {
    expect(dotted.split(/\r?\n/)[0]).toBe('løbenr;gruppe;koen;alder;randdato;RMDQ.0;RMDQ.3;smerte.0;smerte.3');
    expect(underscored.split(/\r?\n/)[0]).toBe('løbenr;gruppe;koen;alder;randdato;RMDQ_0;RMDQ_3;smerte_0;smerte_3');
  });

  it('plan init drafts the two outcomes at their visits, saying where the visits were read', () => {
    const draft = draftPlan(parseCsvText(dotted, 'trial.csv'), undefined);
    expect(draft.undecided).toEqual([]);
    expect(draft.plan.layout).toBe('wide');
    expect(draft.plan.timeLabels).toEqual({ '0': 'baseline', '3': '3m' });
    expect(draft.plan.timepoints).toEqual(['3m']);
    expect((draft.plan.outcomes as { key: string; column?: string }[]).map((o) => [o.key, o.column ?? o.key])).toEqual([['rmdq', 'RMDQ'], ['smerte', 'smerte']]);
    expect(draft.guesses).toContain('wide layout, visits written after "." as SPSS\'s Restructure (CASESTOVARS) and R\'s reshape() name them: .0 → baseline, .3 → 3m');
    // The check on the unit names the suffix as the file writes it.
    expect(draft.checks.join('\n')).toContain('visit suffixes .3 say no unit');
    // The same plan as from the "_" export, but for the title naming the file.
    const plain = draftPlan(parseCsvText(underscored, 'trial.csv'), undefined);
    expect({ ...draft.plan, title: 0 }).toEqual({ ...plain.plan, title: 0 });
  });

  it('analyze reads the drafted plan on the period export as on the "_" one, and says how it read the columns', async () => {
    const dir = tempDir();
    const plan = join(dir, 'plan.json');
    const init = await runCli('plan', 'init', FIXTURE, '--out', plan);
    expect(init.code, init.stderr).toBe(0);
    writeFileSync(join(dir, 'underscored.csv'), underscored);
    const a = await runCli('analyze', FIXTURE, '--plan', plan, '--json');
    const b = await runCli('analyze', join(dir, 'underscored.csv'), '--plan', plan, '--json');
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const effects = (r: { stdout: string }) => JSON.parse(r.stdout).effects;
    expect(effects(a).length).toBeGreaterThan(0);
    expect(effects(a)).toEqual(effects(b));
    expect(a.stderr).toContain('note: ' + FIXTURE + ': the visit columns give their visit after "." (as SPSS\'s Restructure/CASESTOVARS and R\'s reshape() name them), read as with "_": "RMDQ.0" → "RMDQ_0", "RMDQ.3" → "RMDQ_3", "smerte.0" → "smerte_0", … (4 columns)');
    expect(b.stderr).not.toContain('after "."');
  });

  it('a hand-written wide plan reads R reshape()\'s lower-case names too, and in Danish says so in Danish', async () => {
    const dir = tempDir();
    const file = join(dir, 'r.csv');
    writeFileSync(file, dotted.replace(/^[^\r\n]*/, (h) => h.replace('RMDQ.0', 'rmdq.0').replace('RMDQ.3', 'rmdq.3')));
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, JSON.stringify({ columns: { id: 'løbenr', arm: 'gruppe' }, layout: 'wide', arms: { intervention: '1,00', control: '2,00' }, timeLabels: { '0': 'baseline', '3': '3m' }, timepoints: ['3m'], missingCodes: [999, 99, -9], outcomes: [{ key: 'rmdq', instrument: 'rmdq', column: 'RMDQ' }] }));
    const r = await runCli('validate', file, '--plan', plan, '--lang', 'da');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('besøgskolonnerne har besøget efter "." (som SPSS\' Restructure/CASESTOVARS og R\'s reshape() navngiver dem) og læses som med "_": "rmdq.0" → "rmdq_0", "rmdq.3" → "rmdq_3"');
  });

  it('a period is a visit separator only where "_" would read a visit', () => {
    // `pain.avg` beside the visits, R's `x.1`, `x.2` for repeated names, an item block, a number-like name.
    const h = periodVisitHeader(['id', 'arm', 'pain.avg', 'RMDQ.0', 'RMDQ.3', 'x', 'x.1', 'x.2', 'q.1', 'q.2', 'q.3', '2.5']);
    expect(h?.header).toEqual(['id', 'arm', 'pain.avg', 'RMDQ_0', 'RMDQ_3', 'x', 'x.1', 'x.2', 'q.1', 'q.2', 'q.3', '2.5']);
    expect(periodVisitHeader(['id', 'arm', 'x', 'x.1', 'x.2', 'pain.avg', 'pain.max'])).toBeUndefined();
    // A file that gives its visits after "_" keeps its periods as written.
    expect(periodVisitHeader(['id', 'arm', 'RMDQ_0', 'RMDQ_3', 'EQ.0', 'EQ.3'])).toBeUndefined();
    // Item columns restructured (`rmdq_1.0`): the item at the visit.
    expect(periodVisitHeader(['id', 'rmdq_1.bl', 'rmdq_1.3m', 'rmdq_2.bl', 'rmdq_2.3m'])?.header).toEqual(['id', 'rmdq_1_bl', 'rmdq_1_3m', 'rmdq_2_bl', 'rmdq_2_3m']);
  });
});
