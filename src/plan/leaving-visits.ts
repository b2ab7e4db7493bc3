/**
 * A visit held when a patient leaves the study — early termination, a withdrawal visit, end of
 * study (`early_termination_arm_1`, "Early termination", "Withdrawal visit", "End of study",
 * "Tidligt ophør", "Udtrædelse", "EOS", "ET"): it falls at a different time for each patient
 * who has one, so it is no time point of the schedule. Drafted as a time point, its effect row
 * compared the few who left early (2 against 4 patients) and the MMRM modelled it as a visit
 * between the scheduled ones; `hta plan init` drafts it in "ignoreTimepoints" as it does an
 * unscheduled visit, with a check saying what to do when the protocol uses its values
 * (docs/plan-trial.md#visits-left-out).
 *
 * A time in the name (`eos_12_months`, "End of study (52 weeks)") makes it the schedule's last
 * visit, drafted as any other, as does a visit most patients have (visitShares: an "EOS" every
 * patient attends); "End of treatment" is a scheduled visit and not matched.
 */
import type { CsvTable } from '../io/read-csv.js';
import { redcapEvent } from './redcap-event.js';

/** The words, each as a word of its own (Danish spelled with and without æ/ø/å, as exports write it). */
const LEAVING = new RegExp(
  '(^|[^a-zæøå])(' +
    [
      'early[\\s_-]*(?:termination|terminated|withdrawal|discontinuation|exit)',
      'premature[\\s_-]*(?:termination|discontinuation|withdrawal)',
      'withdrawal(?:[\\s_-]*visit)?',
      'end[\\s_-]*of[\\s_-]*(?:study|trial|participation)',
      'study[\\s_-]*(?:termination|exit|discontinuation)',
      'termination(?:[\\s_-]*visit)?',
      'tidligt[\\s_-]*(?:ophør|ophoer|ophor|stop)',
      'ophør|ophoer',
      'udtrædelse|udtraedelse|udtrædelsesbesøg|udtraedelsesbesoeg',
    ].join('|') +
    ')([^a-zæøå]|$)',
  'i',
);
/** The usual abbreviations, as the whole visit name only: "et" inside a name is a Danish word ("Et år"). */
const LEAVING_CODE = /^\s*(et|eos)\s*$/i;
/** A time in a visit's name: "12_months", "52 weeks", "12 mdr", "1 år". */
const TIME_IN_NAME = /(^|[^a-zæøå0-9])\d+\s*[_-]?\s*(måneder|maaneder|maneder|måned|maaned|maned|mdr|mnd|months?|mo|uger?|weeks?|wk|år|aar|years?)([^a-zæøå]|$)/i;

/** Whether the export's visit value `v` names a visit at leaving the study, at no fixed time. */
export function isLeavingVisit(v: string): boolean {
  const visit = redcapEvent(v)?.visit ?? v;
  if (TIME_IN_NAME.test(visit)) return false;
  return LEAVING.test(visit) || LEAVING_CODE.test(visit.replace(/_/g, ' '));
}

/**
 * Each visit's share of the export's patients (distinct ids with a row at it), by `visitOf` of the
 * visit column's cell (a REDCap event without its arm). A visit at leaving is held by those who
 * left early, a few; one that most patients have ("EOS" as the schedule's last visit) is the
 * schedule's, drafted as any other.
 */
export function visitShares(csv: CsvTable, idAt: number, timeAt: number, visitOf: (cell: string) => string = (c) => c): (visit: string) => number {
  const ids = new Set<string>();
  const at = new Map<string, Set<string>>();
  if (idAt >= 0 && timeAt >= 0) {
    for (const r of csv.records) {
      const id = r.cells[idAt];
      const t = r.cells[timeAt];
      if (id === null || id === undefined) continue;
      ids.add(id);
      if (t === null || t === undefined) continue;
      const v = visitOf(t);
      let who = at.get(v);
      if (!who) at.set(v, (who = new Set()));
      who.add(id);
    }
  }
  return (visit) => (ids.size ? (at.get(visit)?.size ?? 0) / ids.size : 0);
}

/** plan init's guess line for such visits drafted in "ignoreTimepoints", in English or (draft-notes-da.ts reads it back) Danish. */
export function leavingVisitsGuess(visits: readonly string[], lang: 'en' | 'da' = 'en'): string {
  const named = visits.map((v) => JSON.stringify(v)).join(', ');
  const many = visits.length > 1;
  if (lang === 'da') return `udeladt ("ignoreTimepoints"): ${named}, navngivet som ${many ? 'besøg' : 'et besøg'} ved udtræden af forsøget`;
  return `left out ("ignoreTimepoints"): ${named}, named as ${many ? 'visits' : 'a visit'} at leaving the study`;
}

/** plan init's check for such visits drafted in "ignoreTimepoints", in English or (draft-notes-da.ts reads it back) Danish. */
export function leavingVisitsCheck(visits: readonly string[], lang: 'en' | 'da' = 'en'): string {
  const named = visits.map((v) => JSON.stringify(v)).join(', ');
  const many = visits.length > 1;
  if (lang === 'da') {
    return `${named} er taget som ${many ? 'besøg' : 'et besøg'}, der holdes, når en patient forlader forsøget (tidligt ophør, udtræden, afslutning af forsøget), på et forskelligt tidspunkt for hver patient, og er i udkastet i "ignoreTimepoints": ${many ? 'deres' : 'dets'} rækker indgår ikke i nogen analyse — som opfølgningstidspunkt ville ${many ? 'hvert' : 'det'} kun sammenligne de patienter, der forlod forsøget dér, og MMRM ville modellere ${many ? 'dem som besøg' : 'det som et besøg'} i besøgsplanen. Regner protokollen et sådant besøgs værdier som det næste planlagte besøgs (efter besøgsvinduerne), så giv de rækker det besøg i eksporten; er det et planlagt besøg, så flyt det til "timepoints" og "allTimepoints" (docs/plan-trial.md#visits-left-out)`;
  }
  return `${named} ${many ? 'were' : 'was'} taken as ${many ? 'visits' : 'a visit'} held when a patient leaves the study (early termination, withdrawal, end of study), at a different time for each patient, and drafted in "ignoreTimepoints": ${many ? 'their' : 'its'} rows are in no analysis — as a time point ${many ? 'each' : 'it'} would compare only the patients who left there, and the MMRM would model ${many ? 'them as visits' : 'it as a visit'} of the schedule. If the protocol counts such a visit's values as those of the next scheduled visit (by its visit windows), label those rows with that visit in the export; if it is a scheduled visit, move it to "timepoints" and "allTimepoints" (docs/plan-trial.md#visits-left-out)`;
}

/** The visit names of a guess or check line above (`"ET", "EOS"`), or undefined when `quoted` is no such list. */
export function quotedVisits(quoted: string): string[] | undefined {
  try {
    const list = JSON.parse(`[${quoted}]`) as unknown;
    return Array.isArray(list) && list.length && list.every((v) => typeof v === 'string') ? (list as string[]) : undefined;
  } catch {
    return undefined;
  }
}
