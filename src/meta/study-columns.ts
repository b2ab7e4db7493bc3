/**
 * The columns of a studies file (docs/input-studies.md, "Column names"): which header cell holds
 * which contract column. A name may differ in case, surrounding spaces and `-`/`.`/space for `_`.
 * Danish names a spreadsheet is typed with (`Studie`, `Effektmål`, `Tid`, `Forskel`, `n_kontrol`)
 * are read, each with a note, and so is a CI bound under a name that says so (`95% CI lower`,
 * `Nedre 95%-KI`); a 95% CI written in one column (`95% KI`, `CI (95%)`) is found for the reader
 * to split. Refused, because ignored they would leave a study silently unpooled or wrongly
 * weighted: two columns for one name, another usual English name (`lower`, `LL`, `estimate`)
 * while the contract's is absent, an SE per arm (`se_intervention`) where an SD is read, and any
 * other column whose name looks like a result (column-lookalikes.ts: `MD (95% CI)`, `N`) while a
 * column it points to is absent. Every other column is named in a note ("ignored columns"), so a
 * column the user meant to be read (a cluster trial's ICC, a median) is never silently dropped.
 */
import { HtaError, type Problem } from '../errors.js';
import type { CsvTable } from '../io/read-csv.js';
import { CI_BOUND_WORDS, headerWords, lookalike } from './column-lookalikes.js';

export const REQUIRED = ['study', 'outcome', 'time'] as const;
export const NUMERIC = ['n_intervention', 'mean_intervention', 'sd_intervention', 'n_control', 'mean_control', 'sd_control', 'events_intervention', 'events_control', 'difference', 'ci_lower', 'ci_upper', 'se'] as const;
/** Read only to refuse arm summaries and events of a cluster-randomised trial (docs/input-studies.md, "Cluster-randomised trials"). */
export const CLUSTER = ['design', 'clusters_intervention', 'clusters_control', 'icc'] as const;
/** How a row's 95% CI was computed, when it is asymmetric on purpose (docs/input-studies.md, "An estimate off the centre of its interval"). */
export const CI_METHOD = 'ci_method';
const KNOWN = new Set<string>([...REQUIRED, 'subgroup', 'subgroup_da', 'citation', 'measure', CI_METHOD, ...NUMERIC, ...CLUSTER]);

/**
 * A median, quartile or IQR column (`median_intervention`, `iqr_control`, `q1_kontrol`): not read,
 * but named when a row holds only such a summary, which cannot be pooled as a mean.
 */
function isMedianColumn(key: string): boolean {
  return /^(median|iqr|interquartile|q1|q3|p25|p75|kvartil|nedre_kvartil|øvre_kvartil)(_|$)/.test(key) || /(^|_)(median|iqr)$/.test(key);
}

/**
 * Other English names a contract column is often given: refused with the name to rename it to.
 * A bound with a CI word (`ci_low`, `upper_ci`) is not here: namedBound reads it.
 */
const SYNONYMS: Record<string, string> = {
  lower: 'ci_lower', lcl: 'ci_lower', lci: 'ci_lower', ll: 'ci_lower',
  upper: 'ci_upper', ucl: 'ci_upper', uci: 'ci_upper', ul: 'ci_upper',
  md: 'difference', mean_difference: 'difference', diff: 'difference', estimate: 'difference', effect: 'difference',
  standard_error: 'se', se_difference: 'se', std_error: 'se',
};

const ARM_PREFIX: Record<string, string> = { n: 'n', antal: 'n', mean: 'mean', gennemsnit: 'mean', gns: 'mean', middelværdi: 'mean', sd: 'sd', spredning: 'sd', standardafvigelse: 'sd', events: 'events', hændelser: 'events' };
const ARM_SUFFIX: Record<string, string> = { intervention: 'intervention', interv: 'intervention', kontrol: 'control', control: 'control', kontrolgruppe: 'control' };

/** Danish names of the contract's columns, read as the contract's (with a note). */
const DANISH: Record<string, string> = (() => {
  const out: Record<string, string> = {
    studie: 'study', undersøgelse: 'study', forsøg: 'study',
    effektmål: 'outcome', udfald: 'outcome', udfaldsmål: 'outcome',
    // GRADEpro's Summary of findings table heads its outcome column "Outcomes".
    outcomes: 'outcome',
    tid: 'time', tidspunkt: 'time', opfølgning: 'time', opfølgningstid: 'time',
    undergruppe: 'subgroup', subgruppe: 'subgroup',
    reference: 'citation', kilde: 'citation', henvisning: 'citation',
    forskel: 'difference', gennemsnitlig_forskel: 'difference', middelforskel: 'difference',
    nedre: 'ci_lower', nedre_grænse: 'ci_lower', ki_nedre: 'ci_lower', nedre_ki: 'ci_lower',
    øvre: 'ci_upper', øvre_grænse: 'ci_upper', ki_øvre: 'ci_upper', øvre_ki: 'ci_upper',
    standardfejl: 'se',
    mål: 'measure',
    ki_metode: CI_METHOD,
  };
  for (const [p, pc] of Object.entries(ARM_PREFIX)) {
    for (const [s, sc] of Object.entries(ARM_SUFFIX)) {
      const name = `${p}_${s}`;
      const contract = `${pc}_${sc}`;
      if (name !== contract) out[name] = contract;
    }
  }
  return out;
})();

/** A standard error per arm, which hta meta does not read (it reads the SD). */
const ARM_SE: Record<string, 'sd_intervention' | 'sd_control'> = {};
for (const se of ['se', 'sem', 'standardfejl']) {
  for (const [s, sc] of Object.entries(ARM_SUFFIX)) ARM_SE[`${se}_${s}`] = sc === 'intervention' ? 'sd_intervention' : 'sd_control';
}

/** Names of a 95% CI written in one column, once `95%`, brackets and spacing are set aside. */
const COMBINED_CI = new Set(['ci', 'ki', 'konfidensinterval', 'sikkerhedsinterval', 'confidence_interval']);

// The bound and CI words are column-lookalikes.ts's, so the two never drift apart.
const BOUND_WORDS = {
  lower: new Set(CI_BOUND_WORDS.lower),
  upper: new Set(CI_BOUND_WORDS.upper),
  ci: new Set(CI_BOUND_WORDS.ci),
  filler: new Set(['of', 'the', 'for', 'difference', 'forskel', 'md', 'af']),
};

/**
 * A bound of the 95% CI under a name that says so (`95% CI lower`, `Lower 95% CI`, `Lower limit`,
 * `Nedre 95%-KI`, `95% CI UL`): its words, `95` and `%` set aside, are one bound word, a CI word,
 * and nothing but filler. Read as ci_lower/ci_upper, with a note.
 */
function namedBound(header: string): 'ci_lower' | 'ci_upper' | undefined {
  const words = headerWords(header);
  let bound: 'ci_lower' | 'ci_upper' | undefined;
  let ci = false;
  for (const w of words) {
    if (BOUND_WORDS.lower.has(w) || BOUND_WORDS.upper.has(w)) {
      const b = BOUND_WORDS.lower.has(w) ? 'ci_lower' : 'ci_upper';
      if (bound !== undefined && bound !== b) return undefined;
      bound = b;
    } else if (BOUND_WORDS.ci.has(w)) ci = true;
    else if (!BOUND_WORDS.filler.has(w)) return undefined;
  }
  return ci ? bound : undefined;
}

/** Usual names of the required columns, for the refusal of a file that lacks one. */
const USUAL_NAMES: Record<(typeof REQUIRED)[number], string> = {
  study: 'Studie/Study → study',
  outcome: 'Effektmål/Udfald/Outcome → outcome',
  time: 'Tid/Tidspunkt/Opfølgning → time',
};

/** A header cell as compared: NFC, no-break space as space, trimmed, lower case, `-`/`.`/spaces as `_`. */
export function columnKey(header: string): string {
  return header.normalize('NFC').replace(/\u00a0/g, ' ').trim().toLowerCase().replace(/[\s.-]+/g, '_');
}

function combinedKey(key: string): string {
  return key.replace(/[()[\]]/g, '').replace(/95_?%?/g, '').replace(/_+/g, '_').replace(/^_|_$/g, '');
}

/**
 * The columns (0-based) that hold a row's numbers — group sizes, means, SDs, events, the
 * difference, its CI and SE — under the contract's name, a Danish one, a CI bound named so, or a
 * 95% CI in one column: from the header alone, for the CSV reader to tell a study row cut short
 * from a footnote (read-studies.ts `holdsStudyNumbers`).
 */
export function valueColumns(header: readonly string[]): Set<number> {
  const numeric = new Set<string>(NUMERIC);
  const out = new Set<number>();
  header.forEach((h, i) => {
    const k = columnKey(h);
    const as = KNOWN.has(k) ? k : DANISH[k] ?? namedBound(h);
    if ((as !== undefined && numeric.has(as)) || COMBINED_CI.has(combinedKey(k))) out.add(i);
  });
  return out;
}

export interface StudyColumns {
  /** Column position (0-based) by contract name. */
  col: Map<string, number>;
  /** The column holding a whole 95% CI per cell, when there is one. */
  combinedCi: { index: number; header: string } | null;
  /** One note per column read under a Danish name. */
  notes: string[];
  /** The same facts, for the report page's own wording (study-read-notes.ts): 1-based column, its header, the contract name. */
  readAs: { column: number; header: string; as: string }[];
  /** Columns hta meta does not read (a p-value, a median): 1-based column and header, for a note. */
  ignored: { column: number; header: string }[];
  /** The median/quartile/IQR columns among them (0-based), for the refusal of a row that holds only those. */
  medianColumns: { index: number; header: string }[];
}

export function studyColumns(csv: CsvTable): StudyColumns {
  const { file } = csv;
  const col = new Map<string, number>();
  const problems: Problem[] = [];
  const notes: string[] = [];
  const readAs: StudyColumns['readAs'] = [];
  let combinedCi: StudyColumns['combinedCi'] = null;
  const revman = revmanHeader(csv);
  if (revman !== null) throw new HtaError('input.invalid', `${file} is a RevMan export`, [revman]);
  const take = (name: string, i: number, h: string): void => {
    const prev = col.get(name);
    if (prev !== undefined) problems.push({ file, line: 1, column: i + 1, value: h, expected: `one ${name} column (column ${prev + 1} is "${csv.header[prev]}")` });
    else col.set(name, i);
  };
  csv.header.forEach((h, i) => {
    const k = columnKey(h);
    if (KNOWN.has(k)) take(k, i, h);
  });
  csv.header.forEach((h, i) => {
    const k = columnKey(h);
    // A Danish header, or a CI bound under a usual name ("95% CI lower"), read as its column.
    const as = DANISH[k] ?? (KNOWN.has(k) ? undefined : namedBound(h));
    if (as !== undefined) {
      take(as, i, h);
      if (col.get(as) === i) {
        notes.push(`${file}: column ${i + 1} "${h}" read as ${as}`);
        readAs.push({ column: i + 1, header: h, as });
      }
      return;
    }
    if (COMBINED_CI.has(combinedKey(k))) {
      if (combinedCi !== null) problems.push({ file, line: 1, column: i + 1, value: h, expected: `one column with the 95% CI (column ${combinedCi.index + 1} is "${combinedCi.header}")` });
      else combinedCi = { index: i, header: h };
    }
  });
  csv.header.forEach((h, i) => {
    const k = columnKey(h);
    const meant = SYNONYMS[k];
    if (meant !== undefined && !col.has(meant)) {
      problems.push({ file, line: 1, column: i + 1, value: h, expected: `the column name ${meant}, if it holds that (hta meta reads ${meant}, and would leave "${h}" unread): rename it` });
    }
    const sd = ARM_SE[k];
    if (sd !== undefined && !col.has(sd)) {
      problems.push({
        file,
        line: 1,
        column: i + 1,
        value: h,
        expected: `${sd}, the standard deviation of the arm: hta meta reads SDs, and does not read "${h}"`,
        hint: `if it holds the standard error of the arm's mean, convert each to SD = SE × √n (the arm's n) in a column named ${sd}`,
      });
    }
  });
  if (problems.length) throw new HtaError('input.invalid', `${file} has ${problems.length} problem(s) in its header`, problems);
  const used = new Set<number>([...col.values(), ...(combinedCi !== null ? [(combinedCi as { index: number }).index] : [])]);
  // A 95% CI in one column is read as ci_lower and ci_upper.
  const present = (name: string) => col.has(name) || (combinedCi !== null && (name === 'ci_lower' || name === 'ci_upper'));
  const ignored: StudyColumns['ignored'] = [];
  const medianColumns: StudyColumns['medianColumns'] = [];
  csv.header.forEach((h, i) => {
    if (used.has(i) || h.trim() === '') return;
    ignored.push({ column: i + 1, header: h });
    if (isMedianColumn(columnKey(h))) medianColumns.push({ index: i, header: h });
    // A result under a name not read (`LL`, `MD (95% CI)`, `SE (intervention)`) would be dropped unsaid.
    // Beside every column it points to (a total `N` beside n_intervention and n_control) it is an extra: ignored, with the note.
    // A bare `Total` (RevMan's column under each arm's heading, pasted without the heading; or the
    // trial's size) cannot say which arm it is: without both group sizes, where a row needs them
    // (arm means or events), it is refused with the mapping `Total 1`/`Total 2` and
    // `Experimental Total`/`Control Total` get (REVMAN_ARMS). A sheet of differences with their CI
    // or SE needs no group size: there a whole trial's N is a common extraction column, not read.
    if (columnKey(h) === 'total' && !(present('n_intervention') && present('n_control')) && rowsNeedSizes(csv, col)) {
      problems.push({
        file, line: 1, column: i + 1, value: h,
        expected: 'a group size per arm: n_intervention and n_control (a bare "Total" does not say which arm, or is the whole trial)',
        hint: 'rename the arms\' totals: Total 1 or Experimental Total → n_intervention, Total 2 or Control Total → n_control (RevMan 5 and RevMan Web); a trial\'s total size cannot be split into arms',
      });
      return;
    }
    const looks = SYNONYMS[columnKey(h)] !== undefined || ARM_SE[columnKey(h)] !== undefined ? null : lookalike(h);
    if (looks !== null && !(looks.columns.length > 0 && looks.columns.every(present))) problems.push({ file, line: 1, column: i + 1, value: h, expected: looks.expected, hint: looks.hint });
  });
  if (problems.length) throw new HtaError('input.invalid', `${file} has ${problems.length} problem(s) in its header`, problems);
  const missing = REQUIRED.filter((c) => !col.has(c));
  if (missing.length > 0) {
    throw new HtaError('input.invalid', `${file} is not a study-level results file`, [
      {
        file,
        line: 1,
        value: csv.header.join(csv.dialect.delimiter),
        expected: `a column for ${missing.join(', ')} (a study-level CSV needs study, outcome and time)`,
        hint: `names read: ${missing.map((m) => USUAL_NAMES[m]).join('; ')}`,
      },
    ]);
  }
  if (ignored.length > 0) notes.push(`${file}: ignored columns (not read): ${ignored.map((c) => `${c.column} "${c.header}"`).join(', ')}`);
  return { col, combinedCi, notes, readAs, ignored, medianColumns };
}

/** The columns whose cells need group sizes beside them: arm means and SDs, and events. */
const NEED_SIZES = ['mean_intervention', 'sd_intervention', 'mean_control', 'sd_control', 'events_intervention', 'events_control'] as const;

/** Whether any row holds a cell that needs the group sizes (an arm's mean or SD, or events). */
function rowsNeedSizes(csv: CsvTable, col: ReadonlyMap<string, number>): boolean {
  const at = NEED_SIZES.flatMap((name) => (col.has(name) ? [col.get(name)!] : []));
  if (at.length === 0) return false;
  for (const r of csv.records) if (at.some((i) => (r.cells[i] ?? '').trim() !== '')) return true;
  return false;
}

/**
 * RevMan's arm columns, as RevMan 5's "Data and analyses" CSV (`Mean 1`, `SD 1`, `Total 1`, `Events 1`;
 * `… 2` for the control; the layout meta::read.rm5 reads) and RevMan Web's forest-plot table
 * (`Experimental Mean`, `Control Total`) write them, with the contract's name for each.
 */
const REVMAN_ARMS: Record<string, string> = {
  mean_1: 'mean_intervention', sd_1: 'sd_intervention', total_1: 'n_intervention', events_1: 'events_intervention',
  mean_2: 'mean_control', sd_2: 'sd_control', total_2: 'n_control', events_2: 'events_control',
  experimental_mean: 'mean_intervention', experimental_sd: 'sd_intervention', experimental_total: 'n_intervention', experimental_events: 'events_intervention',
  control_mean: 'mean_control', control_sd: 'sd_control', control_total: 'n_control', control_events: 'events_control',
};
/** RevMan's other columns with a contract name, said beside the arm columns. */
const REVMAN_OTHER: Record<string, string> = { name: 'study', study_or_subgroup: 'study', ci_start: 'ci_lower', ci_end: 'ci_upper', year_of_study: '(not read: put the year in study, "Hansen 2019")' };

/**
 * A RevMan export is refused with the exact renaming, rather than read in part (its Totals ignored,
 * its `0` events placeholders on continuous rows a second kind of result): the header names are
 * mapped, and the rows RevMan adds are named to be left out (docs/input-studies.md, "RevMan exports").
 */
function revmanHeader(csv: CsvTable): Problem | null {
  const keys = csv.header.map((h) => columnKey(h));
  const arms = csv.header.flatMap((h, i) => (REVMAN_ARMS[keys[i]!] !== undefined ? [`${h.trim()} → ${REVMAN_ARMS[keys[i]!]}`] : []));
  if (arms.length === 0) return null;
  const other = csv.header.flatMap((h, i) => (REVMAN_OTHER[keys[i]!] !== undefined ? [`${h.trim()} → ${REVMAN_OTHER[keys[i]!]}`] : []));
  const add = (['outcome', 'time'] as const).filter((c) => !keys.includes(c));
  return {
    file: csv.file,
    line: 1,
    value: csv.header.join(csv.dialect.delimiter),
    expected: 'the columns of a study-level CSV (docs/input-studies.md); this header is RevMan\'s (1 = experimental, 2 = control)',
    hint:
      `rename: ${[...other, ...arms].join(', ')}; ${add.length ? `add ${add.join(' and ')} column${add.length > 1 ? 's' : ''}; ` : ''}keep one row per study (delete the comparison, outcome and subgroup heading rows and the totals), ` +
      'leave the events columns empty on continuous rows (RevMan writes 0 there), and leave out rows RevMan marks "Not estimable"',
  };
}
