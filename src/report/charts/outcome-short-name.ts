/**
 * Short names of outcomes for narrow places (the participant flow's "Analysed" box,
 * docs/report-trial.md): the instrument a label names in its closing brackets, without the
 * scale's range ("Disability (RMDQ 0–24)" → "RMDQ"), when no other outcome names the same one;
 * otherwise the label without its brackets ("Smerteintensitet (0–10)" → "Smerteintensitet",
 * "Average pain (NRS 0–10)" beside "Worst pain (NRS 0–10)" → "Average pain"). A range alone is
 * never a name: `plan init` writes labels such as "Smerteintensitet (0–10)".
 */

/** A scale's range ("0–10", "0-24", "−0.757–1", "0 to 100") and whatever qualifies it after. */
const RANGE = /[−-]?\d+(?:[.,]\d+)?\s*(?:[–—-]|to|til)\s*[−-]?\d+(?:[.,]\d+)?.*$/u;

/** The label's closing brackets, and the label without them. */
function split(label: string): { base: string; bracket?: string } {
  const m = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(label);
  return m ? { base: m[1]!.trim(), bracket: m[2]!.trim() } : { base: label.trim() };
}

/** The instrument named in the brackets, its range left out; undefined when nothing but a range (or no brackets). */
export function instrumentInLabel(label: string): string | undefined {
  const { bracket } = split(label);
  if (bracket === undefined) return undefined;
  const name = bracket.replace(RANGE, '').replace(/[\s,;:−–—-]+$/u, '').trim();
  return /\p{L}/u.test(name) ? name : undefined;
}

/** Each label's short name (same order), unique instrument names preferred. */
export function outcomeShortNames(labels: readonly string[]): string[] {
  const instruments = labels.map(instrumentInLabel);
  return labels.map((label, i) => {
    const own = instruments[i];
    if (own !== undefined && instruments.filter((x) => x === own).length === 1) return own;
    const { base } = split(label);
    return base !== '' ? base : label;
  });
}
