/**
 * Patients who withdrew consent (docs/plan-trial.md#consent-withdrawn). The fixture is a REDCap
 * long export whose column `samtykke_trukket` says `Ja` for three patients — two on their
 * baseline row, one on a follow-up row only — and `Nej` or nothing for the others. Before, the
 * column was "not used": the three were analysed and published with everyone else.
 *
 * With "columns": { "consentWithdrawn" } every result must be what the same export gives with
 * those patients' rows deleted (the comparison is computed by hta on both files, not written
 * here), and the flow states only their number, in the randomised box. Without the key the run
 * stops; with null it reads the column as any other.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { HtaError } from '../../src/errors.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { draftLineDa } from '../../src/plan/draft-notes-da.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { flowBoxes } from '../../src/report/charts/flow-boxes.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { patientLookup, readEventListing } from '../../src/trial/adverse-events.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { ignoredVisitPlan } from '../support/ignored-visit-plan.js';

const text = readFileSync(new URL('../fixtures/consent-withdrawn/redcap.csv', import.meta.url), 'utf8');
const lines = text.trimEnd().split('\n');
const header = lines[0]!.split(',');
const consentAt = header.indexOf('samtykke_trukket');
const export_ = (body = text) => parseCsvText(body, 'redcap.csv');
/** The ids the fixture marks, read from its own cells. */
const withdrawnIds = [...new Set(lines.slice(1).filter((l) => l.split(',')[consentAt] === 'Ja').map((l) => l.split(',')[0]!))];
/** The export with those patients' rows deleted by hand, as a user who could delete them would. */
const deleted = lines.filter((l, i) => i === 0 || !withdrawnIds.includes(l.split(',')[0]!)).join('\n') + '\n';
const plan = (consentWithdrawn?: string | null) => ignoredVisitPlan({ columns: { id: 'record_id', time: 'redcap_event_name', arm: 'randomisering', ...(consentWithdrawn !== undefined ? { consentWithdrawn } : {}) } });

describe('patients who withdrew consent', () => {
  it('the fixture marks three patients, one of them on a follow-up row only', () => {
    expect(withdrawnIds).toHaveLength(3);
    expect(lines.some((l) => l.split(',')[consentAt] === 'Ja' && !l.split(',')[1]!.startsWith('baseline'))).toBe(true);
  });

  it('with "consentWithdrawn": every row of theirs is left out, and every result is that of the export without them', () => {
    const trial = loadTrial(export_(), plan('samtykke_trukket'));
    const rowsOfThem = lines.slice(1).filter((l) => withdrawnIds.includes(l.split(',')[0]!)).length;
    expect(trial.consentWithdrawn).toEqual({ column: 'samtykke_trukket', patients: 3, rows: rowsOfThem, randomised: 3 });
    expect(trial.patients.map((p) => p.id).filter((id) => withdrawnIds.includes(id))).toEqual([]);
    const without = loadTrial(export_(deleted), plan());
    expect(trial.patients).toEqual(without.patients);
    const a = analyzeTrial(trial, { version: 'test' });
    const b = analyzeTrial(without, { version: 'test' });
    expect(a.effects).toEqual(b.effects);
    expect(a.descriptives).toEqual(b.descriptives);
    expect(a.missingness).toEqual(b.missingness);
    expect(a.input.patients).toEqual(b.input.patients);
    // One number for the trial, never per arm.
    expect(a.flow).toEqual({ consentWithdrawn: { n: 3 } });
    expect(b.flow).toBeUndefined();
    // Said on stderr by count only.
    expect(trial.readNotes?.join('\n')).toContain('3 patients who withdrew consent in column "samtykke_trukket"');
  });

  it('the participant flow counts them among the randomised and says their number once, in English and Danish', () => {
    const trial = loadTrial(export_(), plan('samtykke_trukket'));
    const result = analyzeTrial(trial, { version: 'test' });
    const analysed = result.input.patients.intervention + result.input.patients.control;
    for (const [lang, words] of [['en', ['Randomised: n = ', 'Withdrew consent (data not used): n = 3']], ['da', ['Randomiseret: n = ', 'Trak samtykket tilbage (data ikke anvendt): n = 3']]] as const) {
      const boxes = flowBoxes(result, trialChartContext(trial, lang));
      expect(boxes.randomised.map((l) => l.text)).toEqual([`${words[0]}${analysed + 3}`, words[1]]);
      // The arms' allocation boxes count the patients analysed only.
      expect(boxes.arms.intervention[0]![1]!.text).toContain(`${result.input.patients.intervention}`);
      expect(JSON.stringify(boxes.arms)).not.toMatch(/consent|samtykke/i);
    }
  });

  it('without the key, a column named for withdrawn consent that marks anybody stops the run at its first mark', () => {
    let err: unknown;
    try {
      loadTrial(export_(), plan());
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HtaError);
    const e = err as HtaError;
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain('column "samtykke_trukket" is named for withdrawn consent and marks 3 patients');
    const firstLine = lines.findIndex((l) => l.split(',')[consentAt] === 'Ja') + 1;
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]).toMatchObject({ line: firstLine, column: consentAt + 1, field: 'samtykke_trukket', value: 'Ja', kind: 'consent.unnamed' });
    expect(e.problems[0]!.expected).toContain('add "consentWithdrawn": "samtykke_trukket" to its "columns"');
    // --exclude-invalid does not read past it.
    expect(() => loadTrial(export_(), plan(), { excludeInvalid: true })).toThrow(/named for withdrawn consent/);
  });

  it('"consentWithdrawn": null says their data may be used: read as before', () => {
    const trial = loadTrial(export_(), plan(null));
    expect(trial.consentWithdrawn).toBeUndefined();
    expect(trial.patients.filter((p) => withdrawnIds.includes(p.id))).toHaveLength(3);
  });

  it('a cell that says neither is refused at its line and column, --exclude-invalid too', () => {
    const odd = text.replace('\n2,baseline_arm_1,', '\n2,baseline_arm_1,').split('\n').map((l, i) => (l.startsWith('2,baseline_arm_1,') ? l.replace(/,Nej$/, ',Delvist') : l)).join('\n');
    const line = odd.split('\n').findIndex((l) => l.endsWith(',Delvist')) + 1;
    expect(line).toBeGreaterThan(1);
    for (const excludeInvalid of [false, true]) {
      let err: HtaError | undefined;
      try {
        loadTrial(export_(odd), plan('samtykke_trukket'), { excludeInvalid });
      } catch (e) {
        err = e as HtaError;
      }
      expect(err?.problems[0]).toMatchObject({ line, column: consentAt + 1, value: 'Delvist', kind: 'consent.value' });
    }
    // The plan's codes for the column read it.
    const coded = ignoredVisitPlan({ columns: { id: 'record_id', time: 'redcap_event_name', arm: 'randomisering', consentWithdrawn: 'samtykke_trukket' }, columnCodes: { samtykke_trukket: { answers: { Delvist: 1, Ja: 1, Nej: 0 } } } });
    expect(loadTrial(export_(odd), coded).consentWithdrawn?.patients).toBe(4);
  });

  it('a listing of adverse events passes their events over too', () => {
    const withListing = ignoredVisitPlan({ columns: { id: 'record_id', time: 'redcap_event_name', arm: 'randomisering', consentWithdrawn: 'samtykke_trukket' }, adverseEvents: { file: 'events.csv', serious: 'ae_serious' } });
    const trial = loadTrial(export_(), withListing);
    // An event of a patient who withdrew consent, and one of a patient analysed.
    const listing = parseCsvText(`record_id,ae_serious\n${withdrawnIds[0]},1\n1,0\n`, 'events.csv');
    const { data } = readEventListing(listing, trial.plan as never, patientLookup(trial.patients), trial.exportIdKeys, false, trial.consentWithdrawnIds);
    expect(data.events).toHaveLength(1);
  });

  it('plan init drafts the key, says so in English and Danish, and the draft validates', () => {
    const d = draftPlan(export_(), 'plan.schema.json');
    expect((d.plan.columns as Record<string, unknown>).consentWithdrawn).toBe('samtykke_trukket');
    expect(d.guesses).toContain('consent withdrawn: column "samtykke_trukket" ("columns": { "consentWithdrawn" }) marks 3 patients');
    expect(d.guesses.join('\n')).not.toMatch(/not used:.*samtykke_trukket/);
    const check = d.checks.find((c) => c.startsWith('"samtykke_trukket" is named for withdrawn consent'))!;
    expect(check).toContain('the 3 patients it marks');
    expect(check).toContain('"consentWithdrawn": null');
    expect(draftLineDa(check)).toContain('de 3 patienter, som kolonnen markerer');
    expect(draftLineDa(d.guesses.find((g) => g.startsWith('consent withdrawn'))!)).toBe('tilbagetrukket samtykke: kolonnen "samtykke_trukket" ("columns": { "consentWithdrawn" }) markerer 3 patienter');
    const trial = loadTrial(export_(), parsePlan(JSON.parse(JSON.stringify({ ...d.plan, $schema: undefined }))));
    expect(trial.consentWithdrawn?.patients).toBe(3);
  });
});
