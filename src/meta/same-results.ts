/**
 * Two differently named rows of one outcome and time with the same result — the same estimate and
 * interval (or SE), the same arm summaries or the same 2×2 table — are most likely one trial under
 * two names (a main and a secondary paper, `Sandal 2021` and `Sandal 2021a`), which pooled counts
 * twice. Numbers count as the same when they agree to the fewer digits either row gives
 * (`-0.79 [-1.51, -0.06]` and `-0.8 [-1.5, -0.1]`). A warning, not a refusal: two small trials can
 * report the same table (docs/input-studies.md, "One trial, one name").
 */
import { type EffectBounds, effectBounds, sameEffect } from './effect-bounds.js';
import { isRatioMeasure, type StudyRecord } from './read-studies.js';
import { studyKey } from './study-names.js';

/** The row's numbers with the digits each is written with; null when it has nothing to compare. */
function numbersOf(r: StudyRecord): { kind: string; values: [number, number | null][] } | null {
  const d = (name: string) => r.digits[name] ?? null;
  const i = r.input;
  switch (i.kind) {
    case 'ci':
      return { kind: i.kind, values: [[i.estimate, d('difference')], [i.lower, d('ci_lower')], [i.upper, d('ci_upper')]] };
    case 'se':
      return { kind: i.kind, values: [[i.estimate, d('difference')], [i.se, d('se')]] };
    case 'arms': {
      const a = i.arms;
      return {
        kind: i.kind,
        values: [[a.nIntervention, 0], [a.meanIntervention, d('mean_intervention')], [a.sdIntervention, d('sd_intervention')], [a.nControl, 0], [a.meanControl, d('mean_control')], [a.sdControl, d('sd_control')]],
      };
    }
    case 'events': {
      const t = i.table;
      return { kind: i.kind, values: [[t.eventsIntervention, 0], [t.nIntervention, 0], [t.eventsControl, 0], [t.nControl, 0]] };
    }
    default:
      // An estimate alone: two trials' rounded estimates coincide too often to say anything.
      return null;
  }
}

function roundTo(x: number, d: number): number {
  const f = 10 ** d;
  return (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f;
}

function sameTo([a, da]: [number, number | null], [b, db]: [number, number | null]): boolean {
  if (da === null || db === null) return a === b;
  const d = Math.min(da, db);
  return roundTo(a, d) === roundTo(b, d);
}

function sameResult(a: StudyRecord, b: StudyRecord): boolean {
  const x = numbersOf(a);
  const y = numbersOf(b);
  if (x === null || y === null || x.kind !== y.kind || x.values.length !== y.values.length) return false;
  return x.values.every((v, i) => sameTo(v, y.values[i] as [number, number | null]));
}

const FORM: Record<StudyRecord['input']['kind'], string> = { arms: 'arm summaries', events: 'events', ci: 'estimate and 95% CI', se: 'estimate and SE', estimate: 'estimate' };
const fmt = (x: number): string => String(Math.round(x * 1000) / 1000);

export function sameResultWarnings(records: readonly StudyRecord[]): string[] {
  const warnings: string[] = [];
  const groups = new Map<string, StudyRecord[]>();
  for (const r of records) {
    const key = JSON.stringify([r.outcome, r.time, r.measure, r.subgroup]);
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  for (const list of groups.values()) {
    const bounds = new Map(list.map((r) => [r, effectBounds(r)]));
    list.forEach((b, j) => {
      const a = list.slice(0, j).find((x) => studyKey(x.study) !== studyKey(b.study) && sameResult(x, b));
      if (a === undefined) {
        // The same result in two forms (arm summaries and a CI, an SE and a CI): compared as
        // (estimate, SE), each within the rounding of its digits (effect-bounds.ts).
        const eb = bounds.get(b);
        const other = eb ? list.slice(0, j).find((x) => x.input.kind !== b.input.kind && studyKey(x.study) !== studyKey(b.study) && bounds.get(x) && sameEffect(bounds.get(x)!, eb)) : undefined;
        if (other !== undefined && eb) {
          const ea = bounds.get(other)!;
          const ratio = isRatioMeasure(b.measure);
          const show = (x: EffectBounds) => `${fmt(ratio ? Math.exp(x.yi) : x.yi)}${ratio ? ' (log ' + fmt(x.yi) + ')' : ''}, SE ${fmt(x.seValue)}`;
          warnings.push(
            `${b.outcome} ${b.time}: ${b.study} (line ${b.line}, ${FORM[b.input.kind]}) and ${other.study} (line ${other.line}, ${FORM[other.input.kind]}) give the same estimate and SE ` +
              `once each is converted (${show(eb)} and ${show(ea)}, equal within the rounding of the digits given)` +
              ': if they are one trial, keep one row — pooled as two, it counts twice',
          );
        }
        return;
      }
      warnings.push(
        `${b.outcome} ${b.time}: ${b.study} (line ${b.line}) and ${a.study} (line ${a.line}) give the same ${b.input.kind === 'arms' ? 'arm summaries' : b.input.kind === 'events' ? 'events and group sizes' : b.input.kind === 'se' ? 'estimate and SE' : 'estimate and 95% CI'}` +
          ' (to the digits given): if they are one trial, keep one row — pooled as two, it counts twice',
      );
    });
  }
  return warnings;
}
