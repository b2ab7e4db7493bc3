/**
 * The adverse events per arm (the plan's "adverseEvents"; docs/plan-trial.md#adverse-events):
 * patients with at least one event, one serious and one related event, over the patients
 * randomised (ITT: a patient with no event row had no event), and the number of events. Each
 * share is compared as a yes/no outcome is — the risk difference with Newcombe's hybrid-score
 * interval (binary-effect.ts) — so a per-patient 0/1 flag analysed as a yes/no outcome gives the
 * same numbers, including its risk ratio (log-scale Wald/Katz interval, 0.5 added to every cell
 * when one is zero) and the risks per arm the summary of findings reads its per-1,000 rows from
 * (docs/report-trial.md#summary-of-findings). An event whose seriousness (relatedness) is not known is not counted as serious
 * (related): the patients with only such events are counted apart, so the reader sees how many
 * the share may miss.
 */
import { HtaError } from '../errors.js';
import type { AdverseEventData, YesNoUnknown } from '../trial/adverse-events.js';
import type { Arm } from '../trial/trial-data.js';
import { binaryEffect } from './binary-effect.js';
import type { EffectRow } from './results-schema.js';

export type ArmPair = Record<Arm, number>;

export type AdverseEventKind = 'any' | 'serious' | 'related';

/** One share compared between the arms. */
export interface AdverseEventRow {
  kind: AdverseEventKind;
  /** Patients with at least one such event. */
  patients: ArmPair;
  /** Events of the kind. */
  events: ArmPair;
  /** Patients whose events of unknown seriousness (relatedness) might be of the kind: none of their events is known to be. */
  unknownPatients?: ArmPair;
  /** Events whose seriousness (relatedness) is not known. */
  unknownEvents?: ArmPair;
  /** Intervention − control share of the randomised patients, with its interval; null when it could not be computed. */
  difference: number | null;
  ciLower: number | null;
  ciUpper: number | null;
  confLevel: number;
  ciMethod: string;
  pValue: number | null;
  /** Risks per arm (patients with an event over the randomised), as a yes/no effect row holds them; absent when not computed. */
  risks?: NonNullable<EffectRow['risks']>;
  /** Intervention ÷ control risk with its log-scale Wald (Katz) interval; null when not estimable (ratiosNotEstimable says why). */
  riskRatio?: EffectRow['riskRatio'];
  ratiosNotEstimable?: string;
  error?: string;
}

/** Events and patients with an event per arm, by system organ class and term. */
export interface AdverseEventClassRow {
  soc: string | null;
  /** null: the class's total row. */
  term: string | null;
  patients: ArmPair;
  events: ArmPair;
}

export interface AdverseEventSummary {
  /** Where the events were read: the export's REDCap repeating instrument, or a listing file (as the plan writes its path). */
  instrument?: string;
  file?: string;
  /** Every share is over the patients randomised (intention to treat). */
  denominator: 'randomised';
  randomised: ArmPair;
  rows: AdverseEventRow[];
  byClass: AdverseEventClassRow[];
  /** Event rows of records outside the comparison (another arm, never randomised, left out as invalid). */
  outside: number;
  /** Rows naming no event (every cell but the id empty, of a patient without events: a listing of every patient); present when any. */
  noEventRows?: number;
  /** Listing rows whose id is on no row of the export, left out as invalid ("invalidRows": "exclude", --exclude-invalid): events not counted; present when any. */
  unknownIdRows?: number;
  /** The plan's codes read in the seriousness and relatedness columns, over the events counted ("Muligvis" → 1: possibly related counts as related); present when any. */
  recoded?: { kind: 'serious' | 'related'; column: string; code: string; to: number | null; events: number }[];
}

const pair = (): ArmPair => ({ intervention: 0, control: 0 });

/** Patients (distinct) and events per arm among `events` meeting `test`. */
function tally<E extends { arm: Arm; patient: number }>(events: readonly E[], test: (e: E) => boolean): { patients: ArmPair; events: ArmPair } {
  const patients = pair();
  const count = pair();
  const who = new Set<number>();
  for (const e of events) {
    if (!test(e)) continue;
    count[e.arm]++;
    if (!who.has(e.patient)) {
      who.add(e.patient);
      patients[e.arm]++;
    }
  }
  return { patients, events: count };
}

/**
 * The counts of one kind, in one pass over the events: patients and events known to be of it,
 * events not known (null), and the patients with such an event and none known to be of it.
 */
function kindCounts(events: readonly { arm: Arm; patient: number; serious?: YesNoUnknown; related?: YesNoUnknown }[], field: 'serious' | 'related' | undefined) {
  const yes = { patients: pair(), events: pair() };
  const unknownEvents = pair();
  const yesWho = new Set<number>();
  const unknownArm = new Map<number, Arm>();
  for (const e of events) {
    const v = field === undefined ? 1 : e[field];
    if (v === 1) {
      yes.events[e.arm]++;
      if (!yesWho.has(e.patient)) {
        yesWho.add(e.patient);
        yes.patients[e.arm]++;
      }
    } else if (v === null || v === undefined) {
      unknownEvents[e.arm]++;
      unknownArm.set(e.patient, e.arm);
    }
  }
  const unknownPatients = pair();
  for (const [patient, arm] of unknownArm) if (!yesWho.has(patient)) unknownPatients[arm]++;
  return { yes, unknownEvents, unknownPatients };
}

/**
 * The row of one kind: its counts and the risk difference over the randomised patients. No p
 * value when neither arm or every patient of both had one (the χ² statistic is 0/0; R's
 * prop.test gives NaN), not a p of 1: binaryEffect leaves it null.
 */
function kindRow(kind: AdverseEventKind, data: AdverseEventData, randomised: ArmPair, confLevel: number, field?: 'serious' | 'related'): AdverseEventRow {
  const { yes, unknownEvents, unknownPatients } = kindCounts(data.events, field);
  const base: AdverseEventRow = { kind, patients: yes.patients, events: yes.events, difference: null, ciLower: null, ciUpper: null, confLevel, ciMethod: '', pValue: null };
  if (field !== undefined) {
    base.unknownEvents = unknownEvents;
    base.unknownPatients = unknownPatients;
  }
  try {
    const est = binaryEffect({ intervention: { events: yes.patients.intervention, n: randomised.intervention }, control: { events: yes.patients.control, n: randomised.control } }, confLevel, 'bad');
    const { risks, riskRatio, ratiosNotEstimable } = est.extra ?? {};
    return {
      ...base, difference: est.difference, ciLower: est.ciLower, ciUpper: est.ciUpper, ciMethod: est.ciMethod, pValue: est.pValue,
      ...(risks ? { risks } : {}), ...(riskRatio !== undefined ? { riskRatio } : {}), ...(ratiosNotEstimable !== undefined ? { ratiosNotEstimable } : {}),
    };
  } catch (err) {
    if (!(err instanceof HtaError)) throw err;
    return { ...base, error: err.message };
  }
}

/** Per class (and term within it): patients with an event and events per arm, classes and terms in code-point order (deterministic). */
function byClass(data: AdverseEventData): AdverseEventClassRow[] {
  const { soc, term } = data.spec;
  if (soc === undefined && term === undefined) return [];
  const key = (s: string | null | undefined) => s ?? '';
  const order = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
  const socs = soc === undefined ? [null] : [...new Set(data.events.map((e) => e.soc ?? null))].sort(order);
  const out: AdverseEventClassRow[] = [];
  for (const s of socs) {
    const inClass = soc === undefined ? data.events : data.events.filter((e) => key(e.soc) === key(s));
    if (soc !== undefined) {
      const t = tally(inClass, () => true);
      out.push({ soc: s, term: null, patients: t.patients, events: t.events });
    }
    if (term === undefined) continue;
    const terms = [...new Set(inClass.map((e) => e.term ?? null))].sort(order);
    for (const tm of terms) {
      const t = tally(inClass, (e) => key(e.term) === key(tm));
      out.push({ soc: s, term: tm ?? '', patients: t.patients, events: t.events });
    }
  }
  return out;
}

export function adverseEventSummary(data: AdverseEventData, randomised: ArmPair, confLevel: number): AdverseEventSummary {
  const kindOf = (column: string): 'serious' | 'related' | undefined => (column === data.spec.serious ? 'serious' : column === data.spec.related ? 'related' : undefined);
  const recoded = (data.recoded ?? []).flatMap((r) => ((kind) => (kind ? [{ kind, column: r.column, code: r.code, to: r.to, events: r.count }] : []))(kindOf(r.column)));
  const rows = [kindRow('any', data, randomised, confLevel)];
  if (data.spec.serious !== undefined) rows.push(kindRow('serious', data, randomised, confLevel, 'serious'));
  if (data.spec.related !== undefined) rows.push(kindRow('related', data, randomised, confLevel, 'related'));
  return { ...(data.spec.instrument !== undefined ? { instrument: data.spec.instrument } : { file: data.spec.file! }), denominator: 'randomised', randomised: { ...randomised }, rows, byClass: byClass(data), outside: data.outside, ...(data.noEventRows ? { noEventRows: data.noEventRows } : {}), ...(data.unknownIdRows ? { unknownIdRows: data.unknownIdRows } : {}), ...(recoded.length ? { recoded } : {}) };
}
