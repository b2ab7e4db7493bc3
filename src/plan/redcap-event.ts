/**
 * REDCap event names of a project randomised into REDCap arms: the arm is part of every event
 * name — `baseline_arm_1` in a raw export, `Baseline (Arm 1: App)` in a label export — and the
 * export has no arm column. With the plan's `"armSource": "redcap-event"` the arm is read from
 * this suffix and the visit from the rest, so `baseline_arm_1` and `baseline_arm_2` are the same
 * visit (docs/plan-trial.md, docs/input-trial-export.md).
 */

export interface RedcapEvent {
  /** The event without its arm: `baseline`, `3_months` (raw) or `Baseline`, `3 months` (labels). */
  visit: string;
  /** The arm as the export writes it: `arm_1` (raw) or `Arm 1: App` (labels). */
  arm: string;
  /** REDCap's arm number. */
  number: number;
  /** The arm's name in a label export (`App`), when it has one. */
  name?: string;
}

// Raw unique event names end in `_arm_<n>`; label exports put "(Arm <n>: <arm name>)" after the event label.
const RAW = /^(.+)_arm_(\d+)$/;
const LABEL = /^(.*\S)\s*\((Arm (\d+)(?::\s*([^)]*\S))?)\s*\)$/;

/** The visit and arm of an event name, or undefined when it names no REDCap arm. */
export function redcapEvent(value: string): RedcapEvent | undefined {
  const raw = RAW.exec(value);
  if (raw) return { visit: raw[1]!, arm: `arm_${raw[2]}`, number: Number(raw[2]) };
  const label = LABEL.exec(value);
  if (label) return { visit: label[1]!, arm: label[2]!, number: Number(label[3]), ...(label[4] ? { name: label[4] } : {}) };
  return undefined;
}

/**
 * Whether a plan's arm value names this event's arm: the arm as written (`arm_1`, `Arm 1: App`),
 * or `arm_<n>` for a label export's arm n too, so one "arms" serves the raw and the label export.
 */
export function isEventArm(planValue: string, event: RedcapEvent): boolean {
  return planValue === event.arm || planValue === `arm_${event.number}`;
}
