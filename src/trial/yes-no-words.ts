/**
 * How exports write yes and no: value labels (Danish and Swedish Ja/Nej, Norwegian Ja/Nei, English
 * Yes/No), Excel and REDCap true-false fields
 * (TRUE/FALSE, Danish Excel SAND/FALSK) and one-letter codes. One list for `plan init`'s answer
 * codes and Table 1's yes/no rule, so the two never disagree on what a yes is.
 */
export const YES_NO_PAIRS: readonly (readonly [yes: string, no: string])[] = [
  ['ja', 'nej'],
  // Norwegian: `Nei` once drafted as a missing-value code beside "answers": { "Ja": 1 } — every
  // patient analysed then answered yes (docs/plan-trial.md "Yes/no outcomes").
  ['ja', 'nei'],
  ['yes', 'no'],
  ['j', 'n'],
  ['y', 'n'],
  ['true', 'false'],
  ['sand', 'falsk'],
];

const YES_WORDS = new Set(YES_NO_PAIRS.map(([y]) => y));
const NO_WORDS = new Set(YES_NO_PAIRS.map(([, n]) => n));

/** A yes word in any case, surrounding spaces aside. */
export const isYesWord = (v: string): boolean => YES_WORDS.has(v.trim().toLowerCase());
/** A no word in any case, surrounding spaces aside. */
export const isNoWord = (v: string): boolean => NO_WORDS.has(v.trim().toLowerCase());

/**
 * The "answers" a yes/no outcome needs for a column holding `word` (`Nej` → `{ "Ja": 1, "Nej": 0 }`),
 * in the export's spellings. `cells` are the column's other cells: the pair is the one whose yes and
 * no both occur there (`N` beside `Y` is Y/N, not J/N; `Ja` beside `Nei` is Norwegian), and each
 * word is written as the column writes it — every spelling it uses (`Ja`, `ja`) — or, unseen, in
 * `word`'s case. Undefined for a word that is no yes or no.
 */
export function yesNoAnswersFor(word: string, cells: Iterable<string> = []): Record<string, number> | undefined {
  const w = word.trim();
  const lower = w.toLowerCase();
  const pairs = YES_NO_PAIRS.filter(([y, n]) => y === lower || n === lower);
  if (!pairs.length) return undefined;
  const seen = new Map<string, Set<string>>();
  for (const cell of [w, ...cells]) {
    const t = cell.trim();
    const l = t.toLowerCase();
    if (!YES_WORDS.has(l) && !NO_WORDS.has(l)) continue;
    const spellings = seen.get(l) ?? new Set<string>();
    spellings.add(t);
    seen.set(l, spellings);
  }
  const pair = pairs.find(([y, n]) => seen.has(y) && seen.has(n)) ?? pairs[0]!;
  const inCase = (x: string) => (w === w.toUpperCase() && w.length > 1 ? x.toUpperCase() : w === w.toLowerCase() ? x : x.charAt(0).toUpperCase() + x.slice(1));
  const spelt = (x: string) => (seen.has(x) ? [...seen.get(x)!].sort() : [inCase(x)]);
  return Object.fromEntries([...spelt(pair[0]).map((x) => [x, 1] as const), ...spelt(pair[1]).map((x) => [x, 0] as const)]);
}
