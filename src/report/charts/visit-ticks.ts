/**
 * A time axis to scale (weeks since baseline) whose ticks sit at the visits and carry the visits'
 * names, as the tables name them: "baseline", "6 weeks", "3 months" / "6 uger", "3 mdr."
 * (docs/report-trial.md, "One time axis"). Pure and deterministic: the labels are a fixed
 * Vega expression built from the ticks in visit order.
 */
import { type Lang, shortTimeLabel, timeLabel } from '../i18n.js';

export interface VisitTick {
  /** Where the tick sits, in weeks since baseline. */
  weeks: number;
  label: string;
}

/** A visit's name on a tick: "baseline"; English in full ("6 weeks"), Danish as the glossary's axis labels ("6 uger", "3 mdr."). */
export function visitTickLabel(time: string, lang: Lang): string {
  if (time.toLowerCase() === 'baseline') return 'baseline';
  return lang === 'da' ? shortTimeLabel(time, lang) : timeLabel(time, lang);
}

/** One tick per distinct week, the first visit's name where two round to the same week. */
export function visitTicks(visits: { time: string; weeks: number }[], lang: Lang): VisitTick[] {
  const out: VisitTick[] = [];
  for (const v of visits) if (!out.some((t) => t.weeks === v.weeks)) out.push({ weeks: v.weeks, label: visitTickLabel(v.time, lang) });
  return out;
}

/**
 * The axis properties: ticks at the visits' weeks, labelled with their names. `stagger` puts every
 * other label on a second line, for a panel too narrow for the names side by side (6 weeks and
 * 3 months sit 7 weeks apart). No label is hidden for overlap: each visit keeps its name.
 */
export function visitTickAxis(ticks: VisitTick[], stagger: boolean): { values: number[]; labelExpr: string; labelOverlap: false } {
  const text = (t: VisitTick, i: number) => (stagger && i % 2 === 1 ? `['', ${JSON.stringify(t.label)}]` : JSON.stringify(t.label));
  const labelExpr = ticks.reduceRight((rest, t, i) => `datum.value === ${t.weeks} ? ${text(t, i)} : ${rest}`, "''");
  return { values: ticks.map((t) => t.weeks), labelExpr, labelOverlap: false };
}
