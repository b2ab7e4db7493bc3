/**
 * A patient with rows at follow-up visits but none at the baseline, in a long export: most often
 * an id typed wrong at one visit (`SB1O20`, a letter O for a zero, where the patient types their
 * own id into a survey tool). Read as it stands, the typo is one more patient ("Randomised:
 * n = 151" for 150) and the real patient loses that visit's values. `hta validate`, `hta plan
 * check --export` and `hta analyze` say so — a note, never an error: a baseline may be missing.
 * Ids are never quoted: lines, the id's shape (letters as A, digits as 9) and counts only
 * (docs/input-trial-export.md "Patient ids").
 */
import { editDistance } from '../edit-distance.js';
import { idKey } from './patient-ids.js';
import type { TrialData } from './trial-data.js';

/** The shape of an id without the id: letters as A, digits as 9, anything else as written (`SB1O20` → `AA9A99`). */
export function idShape(id: string): string {
  return id.replace(/\p{L}/gu, 'A').replace(/\d/g, '9');
}

/** Lines listed in the note before "and N more". */
const SHOWN = 5;

/** The note on patients seen only at follow-up visits of a long export, or undefined when every patient has a baseline row. */
export function followUpOnlyNote(trial: Pick<TrialData, 'file' | 'layout' | 'times' | 'patients' | 'rows'>, lang: 'en' | 'da' = 'en'): string | undefined {
  if (trial.layout !== 'long' || trial.times.length < 2) return undefined;
  const { rows } = trial;
  const atBaseline = new Uint8Array(trial.patients.length);
  const firstLine = new Int32Array(trial.patients.length).fill(-1);
  // Each patient's visits, "patient:visit" keys: a typo leaves the real patient without that visit.
  const seenAt = new Set<string>();
  // A baseline row left out under --exclude-invalid for a bad cell is a baseline all the same.
  trial.patients.forEach((pt, p) => {
    if (pt.baselineExcluded) atBaseline[p] = 1;
  });
  for (let i = 0; i < rows.length; i++) {
    const p = rows.patient[i]!;
    if (rows.time[i] === 0) atBaseline[p] = 1;
    // The patient's first line in the file (the rows come by patient and visit: canonical-order.ts).
    if (firstLine[p] === -1 || rows.line[i]! < firstLine[p]!) firstLine[p] = rows.line[i]!;
    seenAt.add(`${p}:${rows.time[i]}`);
  }
  const only: number[] = [];
  for (let p = 0; p < trial.patients.length; p++) if (!atBaseline[p] && firstLine[p] !== -1) only.push(p);
  if (!only.length) return undefined;
  // One character from a patient who has a baseline row but no row at a visit where this id has
  // one: what a typo leaves behind. Sequential ids (SB1004, SB1005) are all one character from a
  // neighbour who has every visit: no sign of a typo.
  const withBaseline = trial.patients.flatMap((pt, p) => (atBaseline[p] ? [[idKey(pt.id), p] as const] : []));
  const visitsOf = (p: number) => trial.times.flatMap((_, t) => (seenAt.has(`${p}:${t}`) ? [t] : []));
  // Compared only for ≤ 50 such patients: every pair of a large export would be slow, and many such patients are no typo.
  const near = only.length > 50 ? [] : only.filter((p) => {
    const key = idKey(trial.patients[p]!.id);
    // Short ids (`7` and `8`, `P1` and `P2`) are all one character apart: no sign of a typo.
    if (key.length < 4) return false;
    const visits = visitsOf(p);
    return withBaseline.some(([k, q]) => Math.abs(k.length - key.length) <= 1 && editDistance(k, key) === 1 && visits.some((t) => !seenAt.has(`${q}:${t}`)));
  });
  only.sort((a, b) => firstLine[a]! - firstLine[b]!);
  const n = only.length;
  if (lang === 'da') {
    // docs/glossary-da.md: "baseline", "opfølgning"; the id's shape, never the id.
    const listedDa = only.slice(0, SHOWN).map((p) => `linje ${firstLine[p]} (et id af formen ${idShape(trial.patients[p]!.id)})`).join(', ');
    const moreDa = only.length > SHOWN ? ` og ${only.length - SHOWN} flere` : '';
    const nearDa = near.length ? `; ${near.length === n ? (n === 1 ? 'dets id er' : 'hvert id er') : `${near.length} af id'erne er`} ét tegn fra id'et for en patient, der har en baselinerække, men ingen række ved det besøg — en tastefejl?` : '';
    return `${trial.file}: ${n} patient${n === 1 ? '' : 'er'} har rækker ved opfølgningsbesøg, men ingen ved baseline: ${listedDa}${moreDa}${nearDa ? `${nearDa} ` : '. '}${n === 1 ? 'Patienten' : 'Hver af dem'} tælles som ${n === 1 ? 'sin egen patient' : 'en patient for sig'} (blandt de ${trial.patients.length} patienter), uden baselinescore. Hvis et id er tastet forkert ved et opfølgningsbesøg, så ret det i eksporten: læst, som det står, tæller én patient to gange og mister besøgets værdier (docs/input-trial-export.md#follow-up-without-baseline)`;
  }
  const listed = only.slice(0, SHOWN).map((p) => `line ${firstLine[p]} (an id shaped ${idShape(trial.patients[p]!.id)})`).join(', ');
  const more = only.length > SHOWN ? `, and ${only.length - SHOWN} more` : '';
  const nearText = near.length ? `; ${near.length === n ? (n === 1 ? 'its id is' : 'each id is') : `${near.length} of the ids are`} one character from the id of a patient who has a baseline row but no row at that visit — a typo?` : '';
  return `${trial.file}: ${n} patient${n === 1 ? ' has' : 's have'} rows at follow-up visits but none at the baseline: ${listed}${more}${nearText} ${n === 1 ? 'It is' : 'Each is'} counted as a patient of ${n === 1 ? 'its' : 'their'} own (among the ${trial.patients.length} patients), without a baseline score. If an id was typed wrong at a follow-up visit, correct it in the export: read as it stands, one patient counts twice and loses that visit's values (docs/input-trial-export.md#follow-up-without-baseline)`;
}
