/**
 * The adverse-event tables (the plan's "adverseEvents"; docs/report-trial.md#adverse-events), for
 * `hta analyze` and the trial report alike: patients with an event, a serious and a related event
 * per arm over the patients randomised, with the risk difference; then events by class and term.
 * The counts are the trial's own, as a CONSORT harms table prints them (a trial report prints its
 * arms' event counts, as the yes/no rows do; docs/output-safety.md); no patient id is ever read out.
 */
import type { AnalysisResult, EffectRow } from '../analysis/results-schema.js';
import { type ArmNames, defaultArmNames, fillArms } from './arm-names.js';
import { formatEffect } from './effects-table.js';
import { notComputedText } from './failure-reasons.js';
import { formatFixed, formatP, formatThousands, type Lang } from './i18n.js';
import type { Table } from './text-table.js';
import { share } from './yes-no-table.js';

type AdverseEvents = NonNullable<AnalysisResult['adverseEvents']>;
type AeRow = AdverseEvents['rows'][number];

/** Each kind's row name; also the label of its `hta analyze --csv` row (analysis/effects-csv.ts). */
export const ADVERSE_EVENT_KIND_TEXT: Record<AeRow['kind'], Record<Lang, string>> = {
  any: { en: 'Patients with ≥ 1 adverse event', da: 'Patienter med ≥ 1 uønsket hændelse' },
  serious: { en: 'Patients with ≥ 1 serious adverse event', da: 'Patienter med ≥ 1 alvorlig uønsket hændelse' },
  related: { en: 'Patients with ≥ 1 adverse event related to the intervention', da: 'Patienter med ≥ 1 uønsket hændelse relateret til interventionen' },
};

export const ADVERSE_EVENTS_TITLE: Record<Lang, string> = { en: 'Adverse events', da: 'Uønskede hændelser' };


export function adverseEventsTable(ae: AdverseEvents, lang: Lang, arms: ArmNames = defaultArmNames(lang)): Table {
  const header =
    lang === 'da'
      ? ['', fillArms('{Intervention}', arms), fillArms('{Control}', arms), fillArms('Forskel {intervention} − {control} (95 %-KI)', arms), 'p']
      : ['', fillArms('{Intervention}', arms), fillArms('{Control}', arms), fillArms('Difference {intervention} − {control} (95% CI)', arms), 'p'];
  const rows = ae.rows.map((r) => [
    ADVERSE_EVENT_KIND_TEXT[r.kind][lang],
    share(r.patients.intervention, ae.randomised.intervention, lang),
    share(r.patients.control, ae.randomised.control, lang),
    r.error ? notComputedText(r.error, lang) : formatEffect({ method: 'risk-difference', difference: r.difference, ciLower: r.ciLower, ciUpper: r.ciUpper, mcid: null } as EffectRow, 1, lang),
    r.pValue === null ? '—' : formatP(r.pValue, lang),
  ]);
  const any = ae.rows.find((r) => r.kind === 'any')!;
  rows.push([lang === 'da' ? 'Uønskede hændelser (antal)' : 'Adverse events (number)', formatThousands(any.events.intervention, 0, lang), formatThousands(any.events.control, 0, lang), '', '']);
  return { header, align: ['left', 'right', 'right', 'right', 'right'], fit: ['wide', 'nowrap', 'nowrap', 'compact', undefined], rows };
}

/**
 * The notes under the table: the denominators, and how events of unknown seriousness (relatedness)
 * are counted. "Unknown" is said in neutral words (a don't-know answer, a code of "missingCodes"
 * or "columnCodes", an empty cell: adverse-events.ts reads them all as unknown); the share may be too
 * low only when some patient had no event known to be of the kind.
 */
export function adverseEventsNotes(ae: AdverseEvents, lang: Lang, arms: ArmNames = defaultArmNames(lang)): string[] {
  const notes = [
    lang === 'da'
      ? 'Andele af alle randomiserede patienter (intention-to-treat): en patient uden registreret hændelse tælles som uden hændelse. Forskellen er en risikodifference med Newcombes interval (som for ja/nej-effektmål).'
      : 'Shares of all patients randomised (intention to treat): a patient with no event recorded counts as having had none. The difference is a risk difference with Newcombe\'s interval (as for yes/no outcomes).',
  ];
  const n = (k: number) => formatThousands(k, 0, lang);
  for (const r of ae.rows) {
    const events = r.unknownEvents ? r.unknownEvents.intervention + r.unknownEvents.control : 0;
    if (!events || !r.unknownPatients) continue;
    const patients = r.unknownPatients.intervention + r.unknownPatients.control;
    const serious = r.kind === 'serious';
    const one = events === 1;
    if (lang === 'da') {
      const what = serious ? 'alvorlighed' : 'relation til interventionen';
      const adjective = serious ? (one ? 'alvorlig' : 'alvorlige') : one ? 'relateret' : 'relaterede';
      const head = `${n(events)} ${one ? 'hændelse' : 'hændelser'} med ukendt ${what} (ved ikke, en kode for manglende værdi eller tom celle) tælles ikke som ${adjective}`;
      notes.push(
        patients === 0
          ? `${head}; alle patienter med en sådan havde også en ${serious ? 'alvorlig' : 'relateret'} hændelse, så andelen påvirkes ikke.`
          : `${head}; ${n(patients)} ${patients === 1 ? 'patient' : 'patienter'} (${arms.Intervention} ${n(r.unknownPatients.intervention)}, ${arms.Control} ${n(r.unknownPatients.control)}) havde kun sådanne, så andelen kan være for lav.`,
      );
    } else {
      const what = serious ? ['seriousness', 'serious'] : ['relatedness', 'related'];
      const head = `${n(events)} ${one ? 'event' : 'events'} of unknown ${what[0]} (a don't-know answer, a missing-value code or an empty cell) ${one ? 'is' : 'are'} not counted as ${what[1]}`;
      notes.push(
        patients === 0
          ? `${head}; every patient with one also had a ${what[1]} event, so the share is unaffected.`
          : `${head}; ${n(patients)} ${patients === 1 ? 'patient' : 'patients'} (${arms.Intervention} ${n(r.unknownPatients.intervention)}, ${arms.Control} ${n(r.unknownPatients.control)}) had only such events, so the share may be too low.`,
      );
    }
  }
  // Which codes count as serious (related): "Muligvis" → 1 puts possibly related events in the related row.
  for (const kind of ['serious', 'related'] as const) {
    const yes = (ae.recoded ?? []).filter((r) => r.kind === kind && r.to === 1);
    if (!yes.length) continue;
    const list = yes.map((r) => `"${r.code}" (${n(r.events)} ${lang === 'da' ? (r.events === 1 ? 'hændelse' : 'hændelser') : r.events === 1 ? 'event' : 'events'})`).join(', ');
    notes.push(
      lang === 'da'
        ? `Tælles som ${kind === 'serious' ? 'alvorlig' : 'relateret til interventionen'}, som planens "columnCodes" angiver: ${list}.`
        : `Counted as ${kind === 'serious' ? 'serious' : 'related to the intervention'}, as the plan's "columnCodes" say: ${list}.`,
    );
  }
  if (ae.noEventRows) {
    const one = ae.noEventRows === 1;
    notes.push(
      lang === 'da'
        ? `${n(ae.noEventRows)} ${one ? 'række' : 'rækker'}, hvor alle celler undtagen patient-id er tomme, angiver ingen hændelse (en liste over alle patienter med tomme celler for dem uden hændelser) og tælles ikke som ${one ? 'hændelse' : 'hændelser'}.`
        : `${n(ae.noEventRows)} ${one ? 'row' : 'rows'} with every cell but the id empty ${one ? 'names' : 'name'} no event (a listing of every patient, blank for those without events) and ${one ? 'is' : 'are'} not counted as ${one ? 'an event' : 'events'}.`,
    );
  }
  // Rows of the listing left out as invalid: their events are missing from every count above, so the table says so (docs/plan-trial.md#adverse-events).
  if (ae.unknownIdRows) {
    const one = ae.unknownIdRows === 1;
    notes.push(
      lang === 'da'
        ? `${n(ae.unknownIdRows)} ${one ? 'række' : 'rækker'} i listen over uønskede hændelser ${one ? 'angiver en patient' : 'angiver patienter'}, som forsøgets eksport ikke har; ${one ? 'den er udeladt' : 'de er udeladt'} som ${one ? 'række' : 'rækker'} med fejl (planens "invalidRows": "exclude" eller --exclude-invalid), og ${one ? 'dens hændelse' : 'deres hændelser'} tælles ikke, så antallene ovenfor kan være for lave.`
        : `${n(ae.unknownIdRows)} ${one ? 'row' : 'rows'} of the adverse-event listing ${one ? 'names a patient' : 'name patients'} the export does not have; ${one ? 'it is' : 'they are'} left out as invalid (the plan's "invalidRows": "exclude", or --exclude-invalid) and ${one ? 'its event is' : 'their events are'} not counted, so the counts above may be too low.`,
    );
  }
  if (ae.outside > 0) {
    const one = ae.outside === 1;
    notes.push(
      lang === 'da'
        ? `${n(ae.outside)} ${one ? 'hændelsesrække' : 'hændelsesrækker'} for poster uden for sammenligningen tælles ikke.`
        : `${n(ae.outside)} event ${one ? 'row' : 'rows'} of records outside the comparison ${one ? 'is' : 'are'} not counted.`,
    );
  }
  return notes;
}

/** The by-class table's caption: by system organ class (and term), or by term. */
export function adverseEventsByClassCaption(ae: AdverseEvents, lang: Lang): string {
  const soc = ae.byClass.some((c) => c.term === null);
  const terms = ae.byClass.some((c) => c.term !== null);
  if (lang === 'da') return `Uønskede hændelser efter ${soc ? (terms ? 'systemorganklasse og term' : 'systemorganklasse') : 'term'}`;
  return `Adverse events by ${soc ? (terms ? 'system organ class and term' : 'system organ class') : 'term'}`;
}

/** Events by class and term: patients (events) per arm; null when the plan names neither column. */
export function adverseEventsByClassTable(ae: AdverseEvents, lang: Lang, arms: ArmNames = defaultArmNames(lang)): Table | null {
  if (!ae.byClass.length) return null;
  const none = lang === 'da' ? '(ikke angivet)' : '(not given)';
  const cell = (p: number, e: number) => `${formatThousands(p, 0, lang)} (${formatThousands(e, 0, lang)})`;
  const unit = lang === 'da' ? 'patienter (hændelser)' : 'patients (events)';
  return {
    // Class total rows (term null) exist only when the plan names the class column.
    header: [ae.byClass.some((c) => c.term === null) ? (lang === 'da' ? 'Systemorganklasse / term' : 'System organ class / term') : 'Term', `${fillArms('{Intervention}', arms)}: ${unit}`, `${fillArms('{Control}', arms)}: ${unit}`],
    align: ['left', 'right', 'right'],
    fit: ['wide', undefined, undefined],
    rows: ae.byClass.map((c) => [c.term === null ? (c.soc ?? none) : `${c.soc === null ? '' : '  '}${c.term || none}`, cell(c.patients.intervention, c.events.intervention), cell(c.patients.control, c.events.control)]),
  };
}
