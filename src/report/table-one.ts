/** Table 1 (baseline characteristics per arm) as a table: mean (SD) or n (%), missing counts. */
import type { BaselineTable, CharacteristicSummary } from '../trial/baseline-table.js';
import { PLACE_SUFFIX } from '../plan/place-covariates.js';
import { SEX_COLUMN } from '../trial/sex-column.js';
import type { TrialChartContext } from './charts/trial-chart-context.js';
import { fillPhrase, formatFixed, formatThousands, type Lang, percentSign, REPORT_TEXT } from './i18n.js';
import type { Table } from './text-table.js';
import { byCategory } from '../trial/category-values.js';

export type CharacteristicLabels = ReadonlyMap<string, string>;
/** The manifest's `levelLabels` of Table 1's rows, by row key: what each code or value is called. */
export type LevelLabels = ReadonlyMap<string, Readonly<Record<string, { en: string; da?: string | undefined }>>>;

/**
 * Labels for the covariates trial plans name most often, when the manifest gives none: a plan's
 * covariate is a column key ("alder", "bmi"), which is no label for a committee. Keys are matched
 * in lower case; anything else is shown as its key with a capital first letter.
 */
const COMMON_LABELS: Record<string, Record<Lang, string>> = {
  age: { en: 'Age (years)', da: 'Alder (år)' },
  alder: { en: 'Age (years)', da: 'Alder (år)' },
  sex: { en: 'Sex', da: 'Køn' },
  gender: { en: 'Sex', da: 'Køn' },
  køn: { en: 'Sex', da: 'Køn' },
  kon: { en: 'Sex', da: 'Køn' },
  koen: { en: 'Sex', da: 'Køn' },
  bmi: { en: 'Body-mass index (kg/m²)', da: 'BMI (kg/m²)' },
  country: { en: 'Country', da: 'Land' },
  land: { en: 'Country', da: 'Land' },
  education: { en: 'Education', da: 'Uddannelse' },
  uddannelse: { en: 'Education', da: 'Uddannelse' },
  smoking: { en: 'Smoking', da: 'Rygning' },
  rygning: { en: 'Smoking', da: 'Rygning' },
  // A registry's usual confounders (docs/observational.md): the bundled plan's labels.
  referrer: { en: 'Referred by', da: 'Henvist af' },
  henviser: { en: 'Referred by', da: 'Henvist af' },
  region: { en: 'Region', da: 'Region' },
  // A multicentre trial's site and the randomisation's stratum (a Danish page once said "Site").
  site: { en: 'Site', da: 'Forsøgssted' },
  center: { en: 'Site', da: 'Forsøgssted' },
  centre: { en: 'Site', da: 'Forsøgssted' },
  stratum: { en: 'Stratum', da: 'Stratum' },
  strata: { en: 'Stratum', da: 'Stratum' },
};

/**
 * The keys plan init drafts for a trial's site beside the bare ones above: an EDC's site column
 * (Castor's `Site Abbreviation` → `site_abbreviation`, `site_id`, `centernr`) and REDCap's data
 * access group (`redcap_data_access_group`, `data_access_group` from a label export), which plan
 * init drafts as the site (draft-plan.ts). Their keys on a Danish page were English words.
 */
const SITE_KEY = new RegExp(`^(?:(?:site|center|centre|studiested)_?${PLACE_SUFFIX}|(?:redcap_)?data_access_group)$`);

function commonLabel(key: string): Record<Lang, string> | undefined {
  const k = key.toLowerCase();
  return COMMON_LABELS[k] ?? (SITE_KEY.test(k) ? COMMON_LABELS.site : undefined);
}

/** Whether a key has a common label (else a page would show the key, or better its export column). */
export function hasCommonLabel(key: string): boolean {
  return commonLabel(key) !== undefined;
}

/** The label of a covariate or characteristic key: the manifest's, a common one, or the key capitalised. */
export function characteristicLabel(key: string, lang: Lang, labels: CharacteristicLabels = new Map()): string {
  return labels.get(key) ?? commonLabel(key)?.[lang] ?? key.charAt(0).toUpperCase() + key.slice(1);
}

function numeric(s: CharacteristicSummary, decimals: number, lang: Lang): string {
  if (s.kind !== 'numeric' || s.mean === null) return '—';
  const sd = s.sd === null ? '—' : formatFixed(s.sd, decimals, lang);
  return `${formatFixed(s.mean, decimals, lang)} (${sd})${missing(s, lang)}`;
}

function missing(s: CharacteristicSummary, lang: Lang): string {
  // Patients an outcome does not apply to are no missing values (docs/plan-trial.md#not-applicable).
  const na = s.notApplicable ? `; ${REPORT_TEXT.notApplicableCount[lang]} ${s.notApplicable}` : '';
  return (s.missing > 0 ? `; ${REPORT_TEXT.missingCount[lang]} ${s.missing}` : '') + na;
}

const pct = (count: number, percent: number | null, lang: Lang) => `${formatThousands(count, 0, lang)} (${percent === null ? '—' : formatFixed(percent, 1, lang)}${percentSign(lang)})`;

/**
 * The usual codes of the usual columns in words, as a committee reads them: sex F/M (Danish K/M)
 * → "Female"/"Male", "Kvinde"/"Mand" (docs/glossary-da.md); country codes → the country's name.
 * Only for a column of that kind; any other level is shown as the export writes it.
 */
const FEMALE = { en: 'Female', da: 'Kvinde' };
const MALE = { en: 'Male', da: 'Mand' };
const LEVEL_WORDS: [RegExp, Record<string, Record<Lang, string>>][] = [
  // Norwegian (`Kjønn`: Kvinne/Mann) and Swedish (`Kön`: Kvinna/Man) as plan init keys them.
  [SEX_COLUMN, { F: FEMALE, K: FEMALE, female: FEMALE, kvinde: FEMALE, kvinne: FEMALE, kvinna: FEMALE, M: MALE, male: MALE, mand: MALE, mann: MALE, man: MALE }],
  [/^(country|land)$/i, { DK: { en: 'Denmark', da: 'Danmark' }, NO: { en: 'Norway', da: 'Norge' }, SE: { en: 'Sweden', da: 'Sverige' } }],
];

/**
 * A level of a categorical characteristic in words (LEVEL_WORDS), else as written. A word is
 * matched in any case (exports write `Kvinde`, `KVINDE`, `Female`); a one-letter code only as
 * listed (`F`, `K`, `M`), where case may be the code.
 */
export function levelWords(key: string, level: string, lang: Lang, levelLabels: LevelLabels = new Map()): string {
  const named = manifestLevel(levelLabels.get(key), level);
  if (named) return named[lang] ?? named.en;
  const words = LEVEL_WORDS.find(([column]) => column.test(key))?.[1];
  if (!words) return level;
  const at = Object.hasOwn(words, level) ? level : level.length > 1 && Object.hasOwn(words, level.toLowerCase()) ? level.toLowerCase() : undefined;
  return at === undefined ? level : (words[at] as Record<Lang, string>)[lang];
}

/** A code the export writes as a bare number (`1`, `2`, `9`, SPSS's `1.00`): no word for a reader. */
const BARE_CODE = /^-?\d+(?:\.\d+)?$/;

/**
 * The manifest's name of a level: by the level as written, in any case or Unicode form
 * (category-values.ts), or by its number (`"1"` names the level `1.0` an SPSS export wrote).
 */
function manifestLevel<T>(record: Readonly<Record<string, T>> | undefined, level: string): T | undefined {
  const byText = byCategory(record, level);
  if (byText !== undefined || record === undefined || !BARE_CODE.test(level.trim())) return byText;
  const key = Object.keys(record).find((k) => BARE_CODE.test(k.trim()) && Number(k) === Number(level));
  return key === undefined ? undefined : record[key];
}

/**
 * The note `hta report` prints when Table 1 would show a covariate's or characteristic's levels as
 * bare number codes (sex `1`/`2` from an SPSS or REDCap export without value labels): hta does not
 * guess which code is which, so it says how to name them (docs/manifest.md, "characteristics").
 * Undefined when every such level has a name.
 */
export function bareCodesNote(t1: BaselineTable, levelLabels: LevelLabels, file: string, columnOf: (key: string) => string): { en: string; da: string } | undefined {
  const rows = t1.rows.filter((c) => {
    if (c.source === 'outcome' || c.kind !== 'categorical') return false;
    const levels = t1Levels(c);
    return levels.length > 0 && levels.every((l) => BARE_CODE.test(l)) && levels.some((l) => levelWords(c.key, l, 'en', levelLabels) === l);
  });
  if (!rows.length) return undefined;
  const codes = (c: (typeof rows)[number]) => t1Levels(c);
  const each = rows.map((c) => `"${columnOf(c.key)}" (${codes(c).join(', ')})`);
  const listed = (and: string) => (each.length < 2 ? each.join('') : `${each.slice(0, -1).join('; ')} ${and} ${each.at(-1)}`);
  const example = rows
    .map((c) => `{ "column": ${JSON.stringify(columnOf(c.key))}, "levelLabels": { ${codes(c).map((l) => `${JSON.stringify(l)}: { "en": "…", "da": "…" }`).join(', ')} } }`)
    .join(', ');
  return {
    en: `${file}: Table 1 shows ${listed('and')} as the export's codes, not in words — hta does not guess which code is which; name them in the manifest entry: "characteristics": [${example}] (docs/manifest.md, "characteristics")`,
    da: `${file}: tabel 1 viser ${listed('og')} som eksportens koder, ikke med ord — hta gætter ikke, hvilken kode der er hvad; navngiv dem i manifestets post: "characteristics": [${example}] (docs/manifest.md, "characteristics")`,
  };
}

/** A categorical row's levels, as Table 1 lists them. */
const t1Levels = (c: BaselineTable['rows'][number]): string[] => {
  const a = c.arms.intervention;
  return a.kind === 'categorical' ? a.levels.map((l) => l.level) : [];
};

export function tableOne(t1: BaselineTable, ctx: TrialChartContext, labels: CharacteristicLabels = new Map(), levelLabels: LevelLabels = new Map()): Table {
  const lang = ctx.lang;
  const text = ctx.text;
  const labelOf = (key: string, source: string) =>
    source === 'outcome' && !labels.has(key) ? `${ctx.outcomeLabel(key)}, ${text('atBaseline')}` : characteristicLabel(key, lang, labels);
  const rows: string[][] = [];
  for (const c of t1.rows) {
    const label = labelOf(c.key, c.source);
    const [a, b] = [c.arms.intervention, c.arms.control];
    if (c.kind === 'numeric') {
      const d = c.source === 'outcome' ? ctx.decimalsOf(c.key) - 1 : 1;
      rows.push([`${label}, ${text('meanSd')}`, numeric(a, Math.max(1, d), lang), numeric(b, Math.max(1, d), lang)]);
    } else if (a.kind === 'binary' && b.kind === 'binary') {
      rows.push([`${label}, ${text('yes')}, ${text('nPercent')}`, pct(a.events, a.percent, lang) + missing(a, lang), pct(b.events, b.percent, lang) + missing(b, lang)]);
    } else if (a.kind === 'categorical' && b.kind === 'categorical') {
      rows.push([`${label}, ${text('nPercent')}`, '', '']);
      a.levels.forEach((l, i) => {
        const m = b.levels[i] as (typeof b.levels)[number];
        rows.push([`  ${levelWords(c.key, l.level, lang, levelLabels)}`, pct(l.count, l.percent, lang), pct(m.count, m.percent, lang)]);
      });
      if (a.missing + b.missing > 0) rows.push([`  ${text('missingCount')}`, String(a.missing), String(b.missing)]);
      if ((a.notApplicable ?? 0) + (b.notApplicable ?? 0) > 0) rows.push([`  ${text('notApplicableCount')}`, String(a.notApplicable ?? 0), String(b.notApplicable ?? 0)]);
    }
  }
  return {
    header: [
      text('characteristic'),
      fillPhrase(text('armHeader'), { arm: ctx.armLabel('intervention'), n: formatThousands(t1.randomised.intervention, 0, ctx.lang) }),
      fillPhrase(text('armHeader'), { arm: ctx.armLabel('control'), n: formatThousands(t1.randomised.control, 0, ctx.lang) }),
    ],
    align: ['left', 'right', 'right'],
    rows,
  };
}
