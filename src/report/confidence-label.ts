/**
 * The phrases of the trial report and `hta analyze` name "95% CI" (da "95 %-KI"), written once in
 * the catalogue (i18n.ts); a plan with another `alpha` computes every interval at 1 − alpha, so
 * its labels must say that level: an `"alpha": 0.1` gave 90% intervals labelled "95% CI" in every
 * table, note, conclusion and chart. This rewrites the label to the plan's level in finished text
 * (or in a whole page and its chart specs) instead of threading the level through every phrase.
 * docs/plan-trial.md "alpha".
 */

/**
 * "95% CI", "95% CIs", "95 %-KI": the level as every catalogue phrase writes it; not the end of a
 * level already written ("99.95% CI"), so text relabelled twice (a table, then its page) stays right.
 */
const LABEL = /(?<![\w.,])95(% CI| %-KI)/g;

/** The level in percent as a label writes it: 90, 99.9 (en) or 99,9 (da). */
export function levelPercent(confLevel: number, lang: 'en' | 'da'): string {
  const text = String(Number((confLevel * 100).toFixed(6)));
  return lang === 'da' ? text.replace('.', ',') : text;
}

/** `text` with each "95% CI" / "95 %-KI" saying the plan's confidence level. */
export function withConfidenceLevel(text: string, confLevel: number): string {
  if (Math.abs(confLevel - 0.95) < 1e-12) return text;
  return text.replace(LABEL, (_, rest: string) => `${levelPercent(confLevel, rest === '% CI' ? 'en' : 'da')}${rest}`);
}

/**
 * Every string in a page, a chart spec or a text table (plain objects and arrays), relabelled;
 * other values kept. A text table is relabelled before it is laid out, so a level of another width
 * ("99.9% CI") keeps its columns aligned (text-table.ts pads to the widest cell).
 */
export function withConfidenceLevels<T>(value: T, confLevel: number): T {
  if (Math.abs(confLevel - 0.95) < 1e-12) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return withConfidenceLevel(v, confLevel);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return v;
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}
