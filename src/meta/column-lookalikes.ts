/**
 * A column hta meta would not read, but whose name says it holds a result (docs/input-studies.md,
 * "Column names"): an interval limit (`LL`, `Upper limit`), an SE, an SD, a group size, a mean,
 * events, a difference with its CI in one cell (`MD (95% CI)`), a mean with its SD in one cell
 * (`Gennemsnit (SD) intervention`), an arm's own CI, a median difference. Left unread it would
 * leave a study silently unpooled or wrongly weighted, so it is refused, naming what to do —
 * unless the file already has every column it points to (a total `N` beside n_intervention and
 * n_control): then it is an extra, ignored with a note like any other column.
 *
 * Only names made wholly of such words (and filler like `group`, `arm`, `of`) are taken for a
 * result: `Mean age`, `Country` or `p` stay ignored columns (with a note). A column the user wants
 * kept unread is named with a `note`/`comment` prefix (`note_sd`).
 */

/** What a column's name looks like it holds, and what to do about it. */
export interface Lookalike {
  expected: string;
  hint: string;
  /**
   * The contract columns it points to. When the file has them all, the column is an extra (a total
   * `N` beside n_intervention and n_control), not a result left unread: it stays an ignored column.
   * Empty when there is none to point to (a median difference): always refused.
   */
  columns: readonly string[];
}

const WORDS = {
  lower: ['lower', 'low', 'lo', 'll', 'lcl', 'lci', 'nedre'],
  upper: ['upper', 'high', 'hi', 'ul', 'ucl', 'uci', 'øvre'],
  ci: ['ci', 'ki', 'cl', 'confidence', 'konfidens', 'konfidensinterval', 'sikkerhedsinterval', 'interval', 'limit', 'limits', 'bound', 'bounds', 'grænse'],
  se: ['se', 'sem', 'standardfejl', 'stderr'],
  sd: ['sd', 'spredning', 'standardafvigelse', 'std', 'deviation', 'stdev'],
  n: ['n', 'antal', 'number', 'size', 'participants', 'patients', 'deltagere', 'patienter', 'randomised', 'randomized', 'analysed', 'analyzed'],
  mean: ['mean', 'gennemsnit', 'gns', 'middelværdi', 'average'],
  events: ['events', 'event', 'hændelser', 'responders', 'respondere', 'cases'],
  difference: ['difference', 'diff', 'md', 'forskel'],
  median: ['median', 'iqr', 'q1', 'q3', 'kvartil', 'p25', 'p75', 'interquartile'],
  intervention: ['intervention', 'interv', 'int', 'treatment', 'behandling', 'app', 'experimental', 'exp'],
  control: ['control', 'kontrol', 'ctrl', 'kontrolgruppe', 'usual', 'care', 'placebo', 'comparator'],
  filler: ['group', 'gruppe', 'arm', 'of', 'the', 'in', 'i', 'for', 'at', 'ved', 'af', 'and', 'og', 'error', 'standard', 'value', 'værdi', 'score', 'points', 'point', 'no', 'total'],
} as const;

/**
 * The words of a 95% CI bound, shared with study-columns.ts, which reads a header made of a bound
 * word and a CI word (`Lower 95% CI`) as ci_lower/ci_upper: one vocabulary, so a name read there is
 * the name refused here when it is not.
 */
export const CI_BOUND_WORDS: { readonly lower: readonly string[]; readonly upper: readonly string[]; readonly ci: readonly string[] } = { lower: WORDS.lower, upper: WORDS.upper, ci: WORDS.ci };

type Word = keyof typeof WORDS;
const VOCABULARY = new Map<string, Word>();
for (const [kind, words] of Object.entries(WORDS) as [Word, readonly string[]][]) for (const w of words) if (!VOCABULARY.has(w)) VOCABULARY.set(w, kind);

/** Words kept unread on purpose: `note_sd`, `Comment (SE)`. */
const KEEP_UNREAD = new Set(['note', 'notes', 'comment', 'comments', 'kommentar', 'bemærkning', 'bemærkninger']);

/** The header's words: lower case, `95`/`%` dropped (`95% CI lower` → ci, lower). */
export function headerWords(header: string): string[] {
  return header
    .normalize('NFC')
    .toLowerCase()
    .split(/[^a-zæøå0-9]+/)
    .filter((w) => w !== '' && w !== '95');
}

const RENAME = 'rename the column if it holds that, or, to keep it unread, start its name with note_ (note_…)';

export function lookalike(header: string): Lookalike | null {
  const words = headerWords(header);
  if (words.length === 0 || KEEP_UNREAD.has(words[0] as string)) return null;
  const kinds = new Set<Word>();
  for (const w of words) {
    const k = VOCABULARY.get(w);
    if (k === undefined) return null;
    kinds.add(k);
  }
  const has = (k: Word) => kinds.has(k);
  const arm = has('intervention') && !has('control') ? 'intervention' : has('control') && !has('intervention') ? 'control' : null;
  const armName = (prefix: string) => (arm === null ? `${prefix}_intervention or ${prefix}_control` : `${prefix}_${arm}`);
  const armColumns = (prefix: string) => (arm === null ? [`${prefix}_intervention`, `${prefix}_control`] : [`${prefix}_${arm}`]);
  const limit = has('lower') ? 'ci_lower' : has('upper') ? 'ci_upper' : null;

  if (has('median')) {
    if (!has('difference')) return null; // a median per arm: refused per row when it is all a row holds (read-studies.ts)
    return {
      expected: 'a mean difference: hta meta pools mean differences, and a median difference is not one',
      hint: 'give the mean difference with its 95% CI (difference, ci_lower, ci_upper), or the mean and SD per arm, if the paper reports them; a median is never converted silently (Cochrane Handbook v6, chapter 6) — otherwise leave the study out of the pool and describe it beside it',
      columns: [],
    };
  }
  if (has('mean') && has('sd')) {
    return {
      expected: `a mean and its SD in two columns, ${armName('mean')} and ${armName('sd')}`,
      hint: `the column holds "mean (SD)" in one cell, as a paper's table prints it: split it, the mean into ${armName('mean')} and the SD into ${armName('sd')}`,
      columns: [...armColumns('mean'), ...armColumns('sd')],
    };
  }
  if (has('difference') && (has('ci') || limit !== null) && limit === null) {
    return {
      expected: 'the difference and its 95% CI in separate columns',
      hint: 'the column holds an estimate with its interval ("-1.7 (-3.7 to 0.3)"): put the estimate in a column difference and the interval in a column named 95% CI ("-3.7 to 0.3", split on reading), or in ci_lower and ci_upper',
      columns: ['difference', 'ci_lower', 'ci_upper'],
    };
  }
  if (arm !== null && (has('ci') || limit !== null) && !has('difference')) {
    return {
      expected: `the SD of the ${arm} arm in sd_${arm}: hta meta reads an arm's SD, not the 95% CI of its mean`,
      hint: `compute SD = √n × (upper − lower) / 3.92 from the arm's n and its CI (for an arm under 60, use 2 × t(0.975, n − 1) instead of 3.92: Cochrane Handbook v6, §6.5.2.2) and put it in sd_${arm}, the mean in mean_${arm}`,
      columns: [`sd_${arm}`, `mean_${arm}`],
    };
  }
  if (limit !== null) return { expected: `the column name ${limit}, if it holds that bound of the 95% CI (hta meta would leave "${header}" unread)`, hint: RENAME, columns: [limit] };
  if (has('se')) {
    return arm === null
      ? { expected: 'the column name se, if it holds the standard error of the difference', hint: RENAME, columns: ['se'] }
      : { expected: `sd_${arm}, the SD of the arm: hta meta reads SDs`, hint: `if it holds the standard error of the arm's mean, convert each to SD = SE × √n (the arm's n) in a column named sd_${arm}`, columns: [`sd_${arm}`] };
  }
  if (has('sd')) return { expected: `the column name ${armName('sd')}, if it holds an arm's standard deviation`, hint: RENAME, columns: armColumns('sd') };
  if (has('mean')) return { expected: `the column name ${has('difference') ? 'difference' : armName('mean')}, if it holds that`, hint: RENAME, columns: has('difference') ? ['difference'] : armColumns('mean') };
  if (has('events')) return { expected: `the column name ${armName('events')}, if it holds an arm's events`, hint: RENAME, columns: armColumns('events') };
  if (has('n')) return { expected: `the column name ${armName('n')}, if it holds an arm's group size`, hint: RENAME, columns: armColumns('n') };
  if (has('difference')) return { expected: 'the column name difference, if it holds the reported difference', hint: RENAME, columns: ['difference'] };
  if (has('ci')) return { expected: 'a column named 95% CI with both bounds ("-3.7 to 0.3"), or ci_lower and ci_upper', hint: RENAME, columns: ['ci_lower', 'ci_upper'] };
  return null;
}
