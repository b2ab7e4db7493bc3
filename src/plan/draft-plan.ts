/**
 * `hta plan init`: a first plan drafted from an export's header and values, for the user to
 * check. It guesses the id, arm and time columns from their names (English and Danish), arms
 * and visits from the values (long) or column suffixes (wide), outcomes from column names
 * (rmdq, roland, pseq, eq5d, smerte, nrs, was, odi, …) and numbered item blocks, answer codes
 * from the distinct answers (Ja/Nej, 1/2) and missing-value codes from sentinels (999, -9,
 * "Ved ikke"). Every guess is listed, with what the user must check. Pure: the CLI reads and
 * writes. See docs/plan-trial.md.
 */
import { basename } from 'node:path';
import { DECIMAL_COMMA, DOT_DECIMAL } from '../io/dialect.js';
import { parseNumber } from '../io/parse-number.js';
import type { CsvTable } from '../io/read-csv.js';
import { looseForm } from '../trial/near-miss.js';

export interface PlanDraft {
  plan: Record<string, unknown>;
  /** What was guessed, one line each. */
  guesses: string[];
  /** What the user must check or edit before analysing, one line each. */
  checks: string[];
}

const ID = /^(id|recordid|pid|patientid|patient|subject|subjectid|deltager|deltagerid|studieid|studyid|participantid|respondent|respondentid)$/;
// Castor EDC writes the group as "Randomization Group" (its code) and "Randomization Group Name" (its label).
const ARM = /^(arm|group|gruppe|randomi[sz]ation|randomisering|allocation|allokering|treatment|behandling|intervention|randomi[sz]ationgroup(name)?)$/;
const TIME = /^(?=.)(time|tid|visit|besoeg|besog|redcapeventname|eventname|event|timepoint|tidspunkt|maaling|maling)?(uger?|weeks?|wk|maaneder|maaned|mdr|months?|mo)?$/;
/** The unit a time column's name gives its numeric visits: "uge", "Tid (uger)", "time_weeks" → w; "maaned", "months" → m. */
const TIME_UNIT = /(uger?|weeks?|wk|maaneder|maaned|mdr|months?|mo)$/;
const BASELINE = /^(baseline|base|bl|t0|0|0m|0w|uge0|inklusion|screening|baselinearm\d*)$/;
// Pure numbers are item numbers (rmdq_12), not visits.
const WIDE_SUFFIX = /^(baseline|base|bl|t\d+|\d+(w|m|mo|mdr|uger|weeks|months)|fu\d*|followup)$/i;
const COVARIATE = /^(age|alder|sex|gender|kon|koen|køn|bmi|country|land|site|center|region|education|uddannelse)$/;
/** Values that usually mean "missing" in exports (SPSS/Excel user-missing codes). */
const SENTINELS = new Set([-9, -99, -999, 99, 999, 9999, -1, -8, -7]);
/** Numbers in the decimal mark the file does not use: "6,0" in a dot-decimal file, "6.5" in a decimal-comma one. */
const OTHER_MARK = { dot: DECIMAL_COMMA, comma: DOT_DECIMAL };
const YES = /^(ja|yes|y|j|sand|true)$/i;
const NO = /^(nej|no|n|falsk|false)$/i;

interface Outcome {
  key: string;
  instrument: string;
  column?: string;
  items?: string | string[] | Record<string, string>;
  answers?: Record<string, number>;
  maxMissingItems?: number;
}

/** A plan name from a column name: Danish and Norwegian letters spelled out ("Køn" → "koen"), accents dropped, other characters one "_" ("Smerte (0-10)" → "smerte_0_10"). */
function asciiName(column: string): string {
  return column
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Plan label for a REDCap-style event name ("3_months_arm_1" → "3m"), else the value. */
export function visitLabel(value: string): string {
  const v = looseForm(value);
  if (BASELINE.test(v)) return 'baseline';
  // looseForm drops the ring of å: "3 måneder" arrives as "3maneder".
  const m = /^(\d+)(months?|maaneder|maneder|mdr|m|mo|weeks?|uger|w)(arm\d+)?$/.exec(v);
  if (m) return `${m[1]}${/^(w|weeks?|uger)$/.test(m[2]!) ? 'w' : 'm'}`;
  return value;
}

export function draftPlan(csv: CsvTable, schemaRef: string): PlanDraft {
  const guesses: string[] = [];
  const checks: string[] = [];
  const header = csv.header;
  const find = (re: RegExp) => header.find((h) => re.test(looseForm(h)));
  // An unnamed first column is row names (R's write.csv, pandas' to_csv), never the id.
  const idCol = find(ID) ?? header.find((h) => h !== '')!;
  // Castor's label column reads better in the plan than its code column beside it.
  const armCol = header.find((h) => /^randomi[sz]ationgroupname$/.test(looseForm(h))) ?? find(ARM);
  const timeCol = find(TIME);
  const colIdx = (c: string) => header.indexOf(c);
  const valuesOf = (c: string): string[] => {
    const i = colIdx(c);
    const out = new Set<string>();
    for (const r of csv.records) {
      const v = r.cells[i];
      if (v !== null && v !== undefined) out.add(v);
    }
    return [...out];
  };
  if (!find(ID)) checks.push(`no column is named like a patient id; "${idCol}" (the first column) was taken: set "columns": { "id": … }`);
  guesses.push(`patient id column: "${idCol}"`);

  // The file's name only: the title is printed on the report's pages, and a folder path from
  // the user's own machine has no place there.
  const plan: Record<string, unknown> = { $schema: schemaRef, title: { en: `Draft plan for ${basename(csv.file)}`, da: `Udkast til analyseplan for ${basename(csv.file)}` } };
  const columns: Record<string, unknown> = {};
  if (idCol !== 'id') columns.id = idCol;

  // Layout and visits.
  let wide = false;
  let visits: string[] = [];
  const timeLabels: Record<string, string> = {};
  let stemsOf: (c: string) => string = (c) => c;
  if (timeCol) {
    if (timeCol !== 'time') columns.time = timeCol;
    const values = valuesOf(timeCol);
    const unitWord = TIME_UNIT.exec(looseForm(timeCol))?.[1];
    const unit = unitWord === undefined ? undefined : /^(u|w)/.test(unitWord) ? 'w' : 'm';
    const bare = values.filter((v) => /^\d+$/.test(v.trim()) && visitLabel(v) !== 'baseline');
    if (bare.length && !unit) {
      checks.push(`visits ${bare.map((v) => JSON.stringify(v)).join(', ')} are bare numbers: say their unit in "timeLabels" (e.g. { "${bare[0]}": "${bare[0]}w" }), so reports can say "${bare[0]} weeks" and draw time to scale`);
    }
    for (const v of values) {
      // A bare number in a column whose name gives the unit ("Tid (uger)": 12) is that many weeks or months.
      const label = unit && /^\d+$/.test(v.trim()) && visitLabel(v) !== 'baseline' ? `${Number(v)}${unit}` : visitLabel(v);
      if (label !== v) timeLabels[v] = label;
      if (!visits.includes(label)) visits.push(label);
    }
    guesses.push(`long layout: visits from column "${timeCol}": ${values.map((v) => (timeLabels[v] ? `${JSON.stringify(v)} → ${timeLabels[v]}` : JSON.stringify(v))).join(', ')}`);
  } else {
    const counts = new Map<string, number>();
    for (const h of header) {
      const m = /_([^_]+)$/.exec(h);
      if (m && WIDE_SUFFIX.test(m[1]!) && !/^\d+$/.test(m[1]!)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
    }
    visits = [...counts.keys()].filter((s) => (counts.get(s) ?? 0) >= 1);
    if (visits.length) {
      wide = true;
      const suffixes = visits;
      stemsOf = (c) => {
        const s = suffixes.find((t) => c.endsWith(`_${t}`));
        return s ? c.slice(0, -(s.length + 1)) : c;
      };
      guesses.push(`wide layout: visits from column suffixes ${visits.map((v) => `_${v}`).join(', ')}`);
    } else {
      checks.push('no time column (time, tid, visit, redcap_event_name, …) and no _<visit> column suffixes were found: set "columns": { "time": … } or rename the columns');
    }
  }
  const baseline = visits.find((v) => v === 'baseline' || BASELINE.test(looseForm(v))) ?? visits[0] ?? 'baseline';
  if (baseline !== 'baseline') plan.baseline = baseline;
  const followUp = visits.filter((v) => v !== baseline);
  if (!visits.some((v) => v === baseline && (v === 'baseline' || BASELINE.test(looseForm(v))))) checks.push(`no visit is named like a baseline; "${baseline}" was taken as the baseline`);
  if (!followUp.length) checks.push('no follow-up visit was found: validate works, but analyze needs follow-up visits in "timepoints"');

  // Arms.
  if (armCol) {
    if (armCol !== 'arm') columns.arm = armCol;
    const arms = valuesOf(armCol);
    // SPSS in a Danish locale writes codes with decimals ("1,00").
    const interventionFirst = /app|interv|selfback|behandl|treat|active|aktiv|^a$|^1([.,]0+)?$/i;
    const intervention = arms.find((a) => interventionFirst.test(a)) ?? arms[0] ?? 'intervention';
    const control = arms.find((a) => a !== intervention) ?? 'control';
    plan.arms = { intervention, control };
    guesses.push(`arm column "${armCol}": ${JSON.stringify(intervention)} = intervention, ${JSON.stringify(control)} = control`);
    checks.push(`check which arm value is the intervention ("arms"): ${JSON.stringify(intervention)} was guessed`);
    if (arms.length > 2) checks.push(`column "${armCol}" has ${arms.length} values (${arms.map((a) => JSON.stringify(a)).join(', ')}); the plan compares two`);
  } else {
    plan.arms = { intervention: 'intervention', control: 'control' };
    checks.push('no arm column (arm, group, gruppe, randomisering, …) was found: set "columns": { "arm": … } and "arms"');
    // REDCap projects can randomise into REDCap arms: the group is then only in the event name.
    const redcapArms = timeCol ? [...new Set(valuesOf(timeCol).map((v) => /_arm_(\d+)$/.exec(v)?.[1]).filter((a) => a !== undefined))] : [];
    if (redcapArms.length > 1) {
      checks.push(`the visits of "${timeCol}" end in ${redcapArms.map((a) => `_arm_${a}`).join(', ')}: REDCap arms. hta reads the randomised group from a column, not from event names — if these arms are the groups, add a column with each patient's arm to the export (REDCap: a field on the baseline form) and name it in "columns": { "arm": … }`);
    }
  }
  plan.columns = columns;
  if (wide) plan.layout = 'wide';
  plan.timepoints = followUp;
  if (Object.keys(timeLabels).length) plan.timeLabels = timeLabels;
  if (visits.length > 1) plan.allTimepoints = [baseline, ...followUp];

  // Outcome columns: the (stemmed) header minus id, arm and time.
  const used = new Set([idCol, armCol, timeCol].filter((c): c is string => c !== undefined));
  const stems: string[] = [];
  const stemColumns = new Map<string, string[]>();
  for (const h of header) {
    if (used.has(h)) continue;
    const s = stemsOf(h);
    if (!stemColumns.has(s)) {
      stemColumns.set(s, []);
      stems.push(s);
    }
    stemColumns.get(s)!.push(h);
  }
  const stemValues = (s: string) => [...new Set((stemColumns.get(s) ?? []).flatMap(valuesOf))];
  const taken = new Set<string>();
  const outcomes: Outcome[] = [];
  const missing = new Set<string | number>();
  const mixedMarks = new Set<string>();
  const instruments: Record<string, unknown> = {};

  /** Codes from the distinct answers of item columns with allowed range [lo, hi]. */
  const codesFor = (cols: string[], lo: number, hi: number, binary: boolean): Record<string, number> | undefined => {
    const values = [...new Set(cols.flatMap((c) => stemValues(c)))];
    const answers: Record<string, number> = {};
    const numeric = values.map((v) => parseNumber(v, csv.dialect.decimalComma));
    values.forEach((v, k) => {
      const n = numeric[k];
      if (n === undefined) {
        if (OTHER_MARK[csv.dialect.decimalComma ? 'comma' : 'dot'].test(v)) {
          // A number in the other decimal mark is data, never a missing-value code.
          mixedMarks.add(v);
          return;
        }
        if (binary && YES.test(v)) answers[v] = 1;
        else if (binary && NO.test(v)) answers[v] = 0;
        else missing.add(v);
      } else if ((n < lo || n > hi) && (SENTINELS.has(n) || n < lo)) missing.add(n);
    });
    const inRange = numeric.filter((n): n is number => n !== undefined && !SENTINELS.has(n));
    if (binary && Object.keys(answers).length === 0 && inRange.length && inRange.every((n) => n === 1 || n === 2) && inRange.includes(2)) {
      checks.push(`items ${cols[0]}…${cols[cols.length - 1]} are coded 1/2: read as 1 = yes, 2 = no ("answers": { "1": 1, "2": 0 }); swap if the questionnaire codes them the other way`);
      return { '1': 1, '2': 0 };
    }
    return Object.keys(answers).length ? answers : undefined;
  };

  // Numbered item blocks: prefix → columns in item order.
  const blocks = new Map<string, { n: number; stem: string }[]>();
  for (const s of stems) {
    const m = /^(.*?)(\d+)$/.exec(s);
    if (!m || m[1] === '') continue;
    blocks.set(m[1]!, [...(blocks.get(m[1]!) ?? []), { n: Number(m[2]), stem: s }]);
  }
  for (const [prefix, list] of blocks) {
    const sorted = [...list].sort((a, b) => a.n - b.n);
    if (sorted.length < 5 || sorted.some((x, i) => x.n !== i + 1)) continue;
    const name = looseForm(prefix);
    const cols = sorted.map((x) => x.stem);
    const count = cols.length;
    let instrument: string | undefined;
    if (/rmdq|roland/.test(name) || (/^q$|^item$|^sp$|^spm$/.test(name) && (count === 24 || count === 23))) instrument = count === 23 ? 'rmdq23' : count === 24 ? 'rmdq' : undefined;
    else if (/pseq/.test(name) && count === 10) instrument = 'pseq';
    else if (/wai/.test(name) && count === 7) instrument = 'wai';
    if (!instrument) {
      checks.push(`numbered columns ${cols[0]}…${cols[count - 1]} (${count}) were not recognised as an instrument`);
      continue;
    }
    const base = prefix.replace(/_$/, '');
    const key = /rmdq|roland|pseq|wai/.test(name) ? instrument.replace('23', '') : instrument.replace('23', '');
    const defaultItems = prefix.endsWith('_') && base === key;
    const o: Outcome = { key, instrument, ...(defaultItems ? {} : { items: prefix.endsWith('_') ? base : `${prefix}{i}` }) };
    const binary = instrument.startsWith('rmdq');
    const answers = codesFor(cols, instrument === 'pseq' ? 0 : instrument === 'wai' ? 0 : 0, instrument === 'pseq' ? 6 : instrument === 'wai' ? 10 : 1, binary);
    if (answers) o.answers = answers;
    if (instrument === 'pseq' || instrument.startsWith('rmdq')) {
      const anyTextMissing = [...missing].some((m) => typeof m === 'string');
      if (anyTextMissing) {
        o.maxMissingItems = 2;
        checks.push(`outcome "${key}": "maxMissingItems": 2 lets up to 2 missing items be prorated; set 0 to require every item`);
      }
    }
    outcomes.push(o);
    cols.forEach((c) => taken.add(c));
    guesses.push(`outcome "${key}" (${instrument}) from items ${cols[0]}…${cols[count - 1]}${answers ? ` with answer codes ${Object.entries(answers).map(([k, v]) => `${JSON.stringify(k)} → ${v}`).join(', ')}` : ''}`);
    if (!/rmdq|roland|pseq|wai/.test(name)) checks.push(`items ${cols[0]}…${cols[count - 1]} were taken as ${instrument} from their count (${count}) and answers: check`);
  }

  // EQ-5D dimensions by name.
  const eqCols = stems.filter((s) => /eq5d|eq_5d|eq-5d/i.test(s) && !taken.has(s));
  const dimRe: Record<string, RegExp> = {
    mo: /(^|_)(mo|mob|mobility|mobilitet|bevaegelighed|gang)/i,
    sc: /(^|_)(sc|self|selfcare|personlig|pleje|egenomsorg)/i,
    ua: /(^|_)(ua|usual|activit|aktivitet|daglig)/i,
    pd: /(^|_)(pd|pain|smerte|ubehag)/i,
    ad: /(^|_)(ad|anx|angst|depres|uro)/i,
  };
  if (eqCols.length >= 5) {
    const dims: Record<string, string> = {};
    for (const [d, re] of Object.entries(dimRe)) {
      const c = eqCols.find((s) => re.test(s.replace(/^eq[-_]?5d[-_]?/i, '')));
      if (c) dims[d] = c;
    }
    if (Object.keys(dims).length === 5) {
      const standard = Object.entries(dims).every(([d, c]) => c === `eq5d_${d}`);
      outcomes.push({ key: 'eq5d', instrument: 'eq5d5l', ...(standard ? {} : { items: dims }) });
      Object.values(dims).forEach((c) => taken.add(c));
      guesses.push(`outcome "eq5d" (EQ-5D-5L, Danish value set) from ${Object.entries(dims).map(([d, c]) => `${d} = ${c}`).join(', ')}`);
      checks.push('EQ-5D: check the version (eq5d5l or eq5d3l) and the value set ("valueSet")');
      codesFor(Object.values(dims), 1, 5, false);
    }
  }

  // REDCap checkbox fields: one 0/1 column per option (`meds___1`, `meds___2`), whose meaning
  // the export does not say; not outcomes by name ("meds" would read as medication use).
  const checkboxes = new Map<string, string[]>();
  for (const s of stems) {
    const m = /^(.+)___[0-9a-z_]+$/i.exec(s);
    if (!m || taken.has(s)) continue;
    checkboxes.set(m[1]!, [...(checkboxes.get(m[1]!) ?? []), s]);
    taken.add(s);
  }
  for (const [field, cols] of checkboxes) {
    guesses.push(`not used: REDCap checkbox field "${field}" (${cols.join(', ')}: one 0/1 column per option)`);
    checks.push(`REDCap checkbox "${field}": add an option's column as a "binary" outcome or a covariate if the protocol analyses it`);
  }

  // Single score columns by name.
  for (const s of stems) {
    if (taken.has(s)) continue;
    const n = looseForm(s);
    const values = stemValues(s);
    const nums = values.map((v) => parseNumber(v, csv.dialect.decimalComma)).filter((x): x is number => x !== undefined && !SENTINELS.has(x));
    const decimals = nums.some((x) => !Number.isInteger(x));
    const key = asciiName(s).replace(/^[^a-z]+/, '') || 'outcome';
    const col = key === s ? {} : { column: s };
    let o: Outcome | undefined;
    if (/^(rmdq|roland)/.test(n)) o = { key: 'rmdq', instrument: 'rmdq', ...(s === 'rmdq' ? {} : { column: s }) };
    else if (/^pseq/.test(n)) o = { key: 'pseq', instrument: 'pseq', ...(s === 'pseq' ? {} : { column: s }) };
    else if (/^(odi|oswestry)/.test(n)) {
      instruments.odi = { label: { en: 'Oswestry Disability Index (0–100)', da: 'Oswestry Disability Index (0–100)' }, range: [0, 100], direction: 'lower-is-better', mcid: 10, mcidSource: 'Ostelo et al. 2008 (check)', decimals };
      o = { key: 'odi', instrument: 'odi', ...(s === 'odi' ? {} : { column: s }) };
      checks.push('ODI: the draft uses MCID 10 points (Ostelo et al. 2008): check "instruments.odi"');
    } else if (/(smerte|pain|nrs|vas)/.test(n)) {
      if (decimals) {
        instruments.pain_0_10 = { label: { en: 'Pain (0–10, with decimals)', da: 'Smerte (0–10, med decimaler)' }, range: [0, 10], direction: 'lower-is-better', mcid: 2, mcidSource: 'Ostelo et al. 2008 (NRS; check)', decimals: true };
        o = { key, instrument: 'pain_0_10', ...col };
        checks.push(`"${s}" has decimals (an average?): read with the plan instrument "pain_0_10" (0–10, MCID 2): check range and MCID`);
      } else o = { key, instrument: 'nrs', ...col };
    } else if (/^(was|arbejdsevne|workability)/.test(n)) {
      o = { key: 'was', instrument: 'was', ...(s === 'was' ? {} : { column: s }) };
      checks.push('WAS has no published MCID: the draft leaves "mcid" for you to set (the plan is invalid until then)');
    } else if (/^(med|medicin|medication|analgetika)/.test(n)) o = { key, instrument: 'binary', ...col };
    else if (/^eq5d$|^eq5dindex$|^eq5d5l$/.test(n)) o = { key: 'eq5d', instrument: 'eq5d5l', ...(s === 'eq5d' ? {} : { column: s }) };
    if (!o) continue;
    const range: [number, number] = o.instrument === 'odi' ? [0, 100] : o.instrument === 'binary' ? [0, 1] : /rmdq/.test(o.instrument) ? [0, 24] : o.instrument === 'pseq' ? [0, 60] : o.instrument.startsWith('eq5d') ? [-1, 1] : [0, 10];
    const answers = codesFor([s], range[0], range[1], o.instrument === 'binary');
    if (answers) o.answers = answers;
    outcomes.push(o);
    taken.add(s);
    guesses.push(`outcome "${o.key}" (${o.instrument}) from column "${s}"`);
  }
  if (!outcomes.length) checks.push('no outcome column was recognised: add "outcomes" by hand (see docs/plan-trial.md)');

  // Covariates: known names among the rest.
  const covariates: string[] = [];
  const renames: Record<string, string> = {};
  for (const s of stems) {
    if (taken.has(s) || !COVARIATE.test(looseForm(s))) continue;
    const name = asciiName(s);
    covariates.push(name);
    if (name !== s) renames[name] = s;
    const values = stemValues(s).map((v) => parseNumber(v, csv.dialect.decimalComma));
    for (const v of values) if (v !== undefined && SENTINELS.has(v) && v < 0) missing.add(v);
    for (const v of values) if (v !== undefined && (v === 999 || v === 9999)) missing.add(v);
  }
  if (covariates.length) {
    plan.covariates = covariates;
    if (Object.keys(renames).length) columns.covariates = renames;
    guesses.push(`covariates: ${covariates.map((c) => (renames[c] ? `${c} (column "${renames[c]}")` : c)).join(', ')}`);
    checks.push('covariates: keep only those the trial protocol pre-specified for adjustment');
  }
  const ignored = stems.filter((s) => s !== '' && !taken.has(s) && !COVARIATE.test(looseForm(s)));
  if (ignored.length) guesses.push(`not used: ${ignored.join(', ')}`);
  if (header[0] === '') guesses.push('not used: column 1, which has no name: row names, as R\'s write.csv and pandas write them');

  if (mixedMarks.size) {
    const examples = [...mixedMarks].slice(0, 3).map((v) => JSON.stringify(v)).join(', ');
    const [theirs, file] = csv.dialect.decimalComma ? ['a decimal point', 'a decimal comma'] : ['a decimal comma', 'a decimal point'];
    checks.push(`values such as ${examples} have ${theirs} while the file's other numbers have ${file}: hta reads one decimal mark per file, so these are not numbers — export the file again with one decimal mark (docs/input-trial-export.md#dialects)`);
  }
  if (missing.size) {
    plan.missingCodes = [...missing].sort((a, b) => String(a).localeCompare(String(b)));
    guesses.push(`missing-value codes: ${[...missing].map((m) => JSON.stringify(m)).join(', ')}`);
    checks.push('missing-value codes: check that none of them is a real answer');
  }
  if (Object.keys(instruments).length) plan.instruments = instruments;
  plan.outcomes = outcomes;
  plan.methods = ['ancova', 'welch'];
  return { plan, guesses, checks };
}
