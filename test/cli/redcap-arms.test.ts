/**
 * A REDCap project randomised into REDCap arms (test/fixtures/exports/redcap-arms): `hta plan
 * init` on its raw and its label export drafts "armSource": "redcap-event", says which arm it took
 * as the intervention, and `hta analyze --json` with that draft prints the very bytes it prints for
 * the same data exported with an arm column (apart from the file name; the label export also lists
 * its Ja/Nej recodes). The numbers themselves are checked against numpy/scipy in trial-exports.test.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const DIR = 'test/fixtures/exports/redcap-arms';

async function draftAndAnalyze(name: string) {
  const csv = `${DIR}/${name}.csv`;
  const before = readFileSync(csv);
  const plan = join(tempDir(), 'plan.json');
  const init = await runCli('plan', 'init', csv, '--out', plan);
  expect(init.code, init.stderr).toBe(0);
  const analyze = await runCli('analyze', csv, '--plan', plan, '--json');
  expect(analyze.code, analyze.stderr).toBe(0);
  expect(readFileSync(csv).equals(before)).toBe(true);
  return { init, plan: JSON.parse(readFileSync(plan, 'utf8')), result: JSON.parse(analyze.stdout) as { input: { file: string; recoded?: { column: string; code: string }[] } } };
}

/** The result as text without the file name and, where asked, the recode counts and the adverse-event instrument's name (a label export writes it "Adverse Events"). */
function bytesApartFrom(result: { input: { file: string; recoded?: unknown }; adverseEvents?: object }, asLabels = false): string {
  const input: Record<string, unknown> = { ...result.input, file: '' };
  if (asLabels) delete input.recoded;
  const ae = result.adverseEvents && asLabels ? { adverseEvents: { ...result.adverseEvents, instrument: '' } } : {};
  return JSON.stringify({ ...result, input, ...ae });
}

describe('plan init → analyze on a REDCap export with the arms in the event names', () => {
  it('gives the results of the same data with an arm column, raw and label exports alike', async () => {
    const [raw, labels, column] = await Promise.all(['export', 'export-labels', 'export-arm-column'].map(draftAndAnalyze));
    expect(raw!.plan).toMatchObject({ armSource: 'redcap-event', arms: { intervention: 'arm_1', control: 'arm_2' }, timeLabels: { '3_months': '3m', '6_months': '6m' }, timepoints: ['3m', '6m'] });
    expect(raw!.plan.columns.arm).toBeUndefined();
    expect(raw!.init.stderr).toMatch(/check which REDCap arm is the intervention \("arms"\): arm 1 \("arm_1"\) was taken as the intervention and arm 2 \("arm_2"\) as the control/);
    expect(labels!.plan).toMatchObject({ armSource: 'redcap-event', arms: { intervention: 'Arm 1: App', control: 'Arm 2: Usual care' }, timeLabels: { Baseline: 'baseline', '3 months': '3m', '6 months': '6m' } });
    expect(column!.plan.armSource).toBeUndefined();
    // The adverse-events instrument drafted as each export names it (docs/plan-trial.md#adverse-events).
    expect([raw!.plan.adverseEvents?.instrument, labels!.plan.adverseEvents?.instrument]).toEqual(['adverse_events', 'Adverse Events']);

    expect(bytesApartFrom(raw!.result)).toBe(bytesApartFrom(column!.result));
    expect(bytesApartFrom(labels!.result, true)).toBe(bytesApartFrom(column!.result, true));
    expect(new Set(labels!.result.input.recoded!.map((r) => r.code))).toEqual(new Set(['Ja', 'Nej']));
  });
});

describe('a REDCap record with events in two arms', () => {
  it('stops validate with exit 2 at the file, line and column of the second arm\'s event', async () => {
    const dir = tempDir();
    const lines = readFileSync(`${DIR}/export.csv`, 'utf8').split('\n');
    // The first record's second event moved to the other arm.
    const at = lines.findIndex((l, i) => i > 1 && l.startsWith('1,'));
    const arm = /_arm_(\d)/.exec(lines[at]!)![1];
    lines[at] = lines[at]!.replace(/_arm_\d/, `_arm_${arm === '1' ? 2 : 1}`);
    const csv = join(dir, 'export.csv');
    writeFileSync(csv, lines.join('\n'));
    const r = await runCli('validate', csv, '--plan', `${DIR}/plan.json`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${csv}:${at + 1}:2 (redcap_event_name): "${lines[at]!.split(',')[1]}" — expected events of one REDCap arm for each record (this record's line 2 is an event of "arm_${arm}")`);
  });
});
