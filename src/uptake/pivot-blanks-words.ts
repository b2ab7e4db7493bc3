/**
 * The words of the refusal of a pivot table's blank cells (pivot-blanks.ts), in English and Danish
 * (docs/glossary-da.md; Danish Excel's own menu names), apart from the reading so that the Danish
 * catalogues (report/problem-text.ts, plan/draft-notes-da.ts) need not load a reader.
 */

/** The registry columns a pivot's blanks may be in (every one but the id). */
export type PivotBlankColumn = 'region' | 'clinic' | 'referred' | 'activated' | 'last_active' | 'age' | 'sex' | 'referrer';

/** What a blank cell of each column would be read as, were it read as it stands. */
const READ_AS: Readonly<Record<PivotBlankColumn, { en: string; da: string }>> = {
  region: { en: 'refused as referrals without a region', da: 'afvist som henvisninger uden region' },
  clinic: {
    en: 'refused as referrals without a clinic, and a placeholder such as "ukendt" in them would make one clinic of each region',
    da: 'afvist som henvisninger uden klinik, og en pladsholder som "ukendt" i dem ville gøre dem til én klinik i hver region',
  },
  referred: { en: 'refused as referrals without a referral date', da: 'afvist som henvisninger uden henvisningsdato' },
  activated: { en: 'read as "not activated"', da: 'læst som "ikke aktiveret"' },
  last_active: { en: 'read as "no use after the activation day"', da: 'læst som "ingen brug efter aktiveringsdagen"' },
  age: { en: 'read as "age unknown"', da: 'læst som "alder ukendt"' },
  sex: { en: 'read as "sex unknown"', da: 'læst som "køn ukendt"' },
  referrer: { en: 'refused as referrals without a referrer', da: 'afvist som henvisninger uden henviser' },
};

/** The fix for every such column: the pivot's own setting, or a fill-down in the sheet. */
export const PIVOT_FIX = 'in the PivotTable choose Design → Report Layout → Repeat All Item Labels (Danish Excel: Design → Rapportlayout → Gentag alle elementnavne) and copy it again; or fill the column down in Excel: select it → Go To Special → Blanks → type = and press ↑ → Ctrl+Enter (then paste the column as values)';
const PIVOT_FIX_DA = 'vælg i pivottabellen Design → Rapportlayout → Gentag alle elementnavne, og kopiér den igen; eller udfyld kolonnen nedad i Excel: markér den → Gå til speciel → Tomme celler → skriv = og tryk ↑ → Ctrl+Enter (og indsæt så kolonnen som værdier)';

/** The `expected` of a blank cell below a filled one in a pivot's column `field` (the file's name) for registry column `column`. */
export function pivotBlankExpected(field: string, column: PivotBlankColumn): string {
  return `a value on every row: "${field}" is written only on the first row of each block, its blank cells meaning "the same as above" (an Excel pivot table copied without "Repeat All Item Labels"); ${READ_AS[column].en} — ${PIVOT_FIX}`;
}

/** The refusal's headline. */
export function pivotBlanksMessage(file: string, blanks: number, fields: readonly string[]): string {
  return `${file} has ${blanks} blank cell(s) meaning "the same as above" (an Excel pivot table's layout) in ${fields.length === 1 ? 'column' : 'columns'} ${fields.map((f) => `"${f}"`).join(', ')}: hta stops here, also with --exclude-invalid`;
}

/** plan init's warning for one such column (draft-uptake-plan.ts); `lines`: the line ranges as written. */
export function pivotDraftWarning(file: string, blanks: number, field: string, lines: string): string {
  return `${file}: ${blanks} "${field}" cell(s) blank below a filled one in the blocks of the columns to its left (lines ${lines}): an Excel pivot table's layout, "the same as above" — hta uptake refuses the file until the column is filled: ${PIVOT_FIX}`;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const EXPECTED = new RegExp(`^a value on every row: "(.*)" is written only on the first row of each block, its blank cells meaning "the same as above" \\(an Excel pivot table copied without "Repeat All Item Labels"\\); (${Object.values(READ_AS).map((r) => escape(r.en)).join('|')}) — ${escape(PIVOT_FIX)}$`);
const MESSAGE = /^(.+) has (\d+) blank cell\(s\) meaning "the same as above" \(an Excel pivot table's layout\) in (column|columns) (.*): hta stops here, also with --exclude-invalid$/;
const WARNING = new RegExp(`^(.+): (\\d+) "(.*)" cell\\(s\\) blank below a filled one in the blocks of the columns to its left \\(lines (.*)\\): an Excel pivot table's layout, "the same as above" — hta uptake refuses the file until the column is filled: ${escape(PIVOT_FIX)}$`);

/** The Danish of `pivotBlankExpected`'s text, or undefined for another text. */
export function pivotBlankExpectedDa(text: string): string | undefined {
  const m = EXPECTED.exec(text);
  if (!m) return undefined;
  const readAs = Object.values(READ_AS).find((r) => r.en === m[2])!.da;
  return `en værdi på hver række: "${m[1]!}" er kun skrevet på den første række i hver blok, og dens tomme celler betyder "det samme som ovenfor" (en Excel-pivottabel kopieret uden "Gentag alle elementnavne"); ${readAs} — ${PIVOT_FIX_DA}`;
}

/** The Danish of `pivotBlanksMessage`'s text, or undefined for another text. */
export function pivotBlanksMessageDa(text: string): string | undefined {
  const m = MESSAGE.exec(text);
  if (!m) return undefined;
  return `${m[1]!} har ${m[2]!} tomme celle(r), der betyder "det samme som ovenfor" (en Excel-pivottabels layout), i ${m[3] === 'column' ? 'kolonnen' : 'kolonnerne'} ${m[4]!}: hta stopper her, også med --exclude-invalid`;
}

/** The Danish of `pivotDraftWarning`'s text, or undefined for another text. */
export function pivotDraftWarningDa(text: string): string | undefined {
  const m = WARNING.exec(text);
  if (!m) return undefined;
  const lines = m[4]!.replace(/ more ranges\)/, ' intervaller mere)');
  return `${m[1]!}: ${m[2]!} celle(r) i "${m[3]!}" er tomme under en udfyldt i blokkene af kolonnerne til venstre for den (linjer ${lines}): en Excel-pivottabels layout, "det samme som ovenfor" — hta uptake afviser filen, indtil kolonnen er udfyldt: ${PIVOT_FIX_DA}`;
}

/**
 * The eligible file as an Excel pivot table of region × year in tabular form (read-registry.ts
 * `readEligibleFile`): the region written on the first row of each block only, and subtotal rows
 * (`Hovedstaden I alt`, English Excel `Hovedstaden Total`) under each block.
 */
export const PIVOT_ELIGIBLE_KIND = 'eligible.pivot-blank';
export const SUBTOTAL_KIND = 'eligible.pivot-subtotal';

/** The `expected` of a blank region cell below a filled one in the eligible file; `field`: the file's name for the column. */
export function pivotEligibleRegionExpected(field: string): string {
  return `a region name: "${field}" is written only on the first row of each block, its blank cells meaning "the same as above" (an Excel pivot table copied without "Repeat All Item Labels") — ${PIVOT_FIX}`;
}

/** The words after a region's name that make a pivot's subtotal label, as key (lower case, one space). */
const SUBTOTAL_WORDS = ['i alt', 'total', 'totalt', 'resultat', 'sum', 'totalsum', 'totalsumma', 'summa', 'ergebnis'];

/** The region a subtotal label (`Hovedstaden I alt`) sums, when `isRegion` knows it; else undefined. */
export function subtotalRegion(text: string, isRegion: (name: string) => boolean): string | undefined {
  const t = text.normalize('NFC').trim().replace(/\s+/g, ' ');
  const lower = t.toLowerCase();
  for (const w of SUBTOTAL_WORDS) {
    if (!lower.endsWith(` ${w}`)) continue;
    const name = t.slice(0, t.length - w.length - 1).replace(/\s*[-–:]$/, '').trim();
    if (name !== '' && isRegion(name)) return name;
  }
  return undefined;
}

const SUBTOTAL_FIX = 'in the PivotTable choose Design → Subtotals → Do Not Show Subtotals (Danish Excel: Design → Subtotaler → Vis ikke subtotaler) and copy it again, or delete the row';
const SUBTOTAL_FIX_DA = 'vælg i pivottabellen Design → Subtotaler → Vis ikke subtotaler, og kopiér den igen, eller slet rækken';

/** The `expected` of a pivot's subtotal row in the eligible file (`Hovedstaden I alt`). */
export const PIVOT_SUBTOTAL_EXPECTED = `a region name: the row is an Excel pivot table's subtotal row (a region's name and "I alt" or "Total": the sum of that region's years), and counted as a region it would add to the whole country's denominator — ${SUBTOTAL_FIX} (hta adds up the years itself)`;
const PIVOT_SUBTOTAL_EXPECTED_DA = `et regionsnavn: rækken er en subtotalrække i en Excel-pivottabel (en regions navn og "I alt" eller "Total": summen af regionens år), og talt som en region ville den lægge til hele landets antal berettigede — ${SUBTOTAL_FIX_DA} (hta lægger selv årene sammen)`;

const ELIGIBLE_BLANK = new RegExp(`^a region name: "(.*)" is written only on the first row of each block, its blank cells meaning "the same as above" \\(an Excel pivot table copied without "Repeat All Item Labels"\\) — ${escape(PIVOT_FIX)}$`);

/** The Danish of the eligible file's pivot texts above, or undefined for another text. */
export function pivotEligibleExpectedDa(text: string): string | undefined {
  const blank = ELIGIBLE_BLANK.exec(text);
  if (blank) return `et regionsnavn: "${blank[1]!}" er kun skrevet på den første række i hver blok, og dens tomme celler betyder "det samme som ovenfor" (en Excel-pivottabel kopieret uden "Gentag alle elementnavne") — ${PIVOT_FIX_DA}`;
  if (text === PIVOT_SUBTOTAL_EXPECTED) return PIVOT_SUBTOTAL_EXPECTED_DA;
  return undefined;
}
