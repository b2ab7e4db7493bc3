/**
 * The disclosure audit as text (`hta uptake --audit [--published …]`), in the run's language
 * (docs/disclosure-control.md "Audit"): the rule, the loss, then every failure (there must be
 * none). A Danish run (`--lang da`) gets Danish sentences in the terms of docs/glossary-da.md
 * ("diskretioneret", "antalsceller", "offentliggørelse", "udtræk"), and the cells the audit names
 * in Danish words too; region, clinic and level codes stay as the registry spells them.
 */
import type { AuditReport } from './attacker-audit.js';
import { levelLabel } from '../../report/uptake-levels.js';
import { unchainedAuditLine, type UnchainedPublication } from './unchained-publication.js';

type Lang = 'en' | 'da';

/** What the audit text prints: the attacker's report, the loss, and what it was checked against. */
export interface UptakeAuditResult {
  audit: AuditReport;
  /** countShare only when the hidden counts are at hand (a run, not a published file). */
  informationLoss: { cellShare: number; countShare?: number };
  /** Present for `--published`: the file audited as it stands. */
  published?: { file: string; exportDate: string };
  /** The earlier publications' export dates taken as known, oldest first. */
  earlier: string[];
  /** With --published: carried counts (previous.publications) below the file's own threshold, printed again. */
  smallCarried?: { cell: string; where: string }[];
  /** With --published: counts a --previous file hid (closed, unchanged period) that this file prints. */
  hiddenBeforePrinted?: { cell: string; where: string }[];
  /** With --published: an earlier file's hidden counts narrowed by this file's numbers (settled, unchanged periods equated). */
  earlierPinned?: { file: string; cell: string; lower: number; upper: number }[];
  earlierDisagree?: string[];
  /** With --published: earlier files whose excluded-row count, with this file's, pins the rows excluded in between to 1 … threshold − 1. */
  excludedNarrow?: { file: string; where: string; lower: number; upper: number }[];
  /** With --published: categories of earlier publications absent here (a clinic merged) whose counts the file does not list as changed. */
  absentUnprotected?: { category: string; asOf: string; pinned: { cell: string; value: number }[] }[];
  changedNotCarried?: { cell: string; where: string; listedAsOf: string }[];
  /** Earlier publications of the same export date (other cuts of the extract), read with it as one publication. */
  sameExtract?: string[];
  /** The earliest publication known, made without --previous though the registry ran before it: earlier ones unknown (a caution, not a failure). */
  unchained?: UnchainedPublication[];
  /** One-region publications whose whole-country rows were read as their region's, beside one of more regions (cut-scope.ts). */
  regionCuts?: string[];
}

/**
 * A cell's name as the audit builds it (attacker-audit.ts: "activations · Sjælland · 2025 ·
 * all=all", "referrals · clinic R/C", "… published on 2025-10-31 − the same count now (it fell)"),
 * in Danish words. Longest phrases first, so that a phrase is not cut by a shorter one.
 */
const CELL_WORDS_DA: readonly [RegExp, string][] = [
  [/activated in a later year than referred, referred up to (\d{4})/g, 'aktiveret i et senere år end henvist, henvist til og med $1'],
  [/activated in (\d{4}) before the last (\d+) days/g, 'aktiveret i $1 før de sidste $2 dage'],
  [/ \(closed periods changed since\)/g, ' (afsluttede perioder ændret siden)'],
  [/ \(a closed period changed\)/g, ' (en afsluttet periode ændret)'],
  [/ \(changed since\)/g, ' (ændret siden)'],
  [/ \(it fell\)/g, ' (det faldt)'],
  [/ \(the hidden parts fell\)/g, ' (de diskretionerede dele faldt)'],
  [/ − the parts printed, published on /g, ' − de viste dele, offentliggjort '],
  [/the same parts now/g, 'samme dele nu'],
  [/ \(hidden then\)/g, ' (diskretioneret dengang)'],
  [/the same count now/g, 'samme antal nu'],
  [/the same count published on/g, 'samme antal offentliggjort'],
  [/the same count as of/g, 'samme antal pr.'],
  [/periods up to (\S+) now/g, 'perioder til og med $1 nu'],
  [/ published on /g, ' offentliggjort '],
  [/ now − /g, ' nu − '],
  [/ as of /g, ' pr. '],
  [/activated in (\d{4})/g, 'aktiveret i $1'],
  [/\bclinic /g, 'klinik '],
  [/\batRisk4w\b/g, 'i risiko 4 uger'],
  [/\batRisk12w\b/g, 'i risiko 12 uger'],
  [/\bretained4w\b/g, 'fastholdt 4 uger'],
  [/\bretained12w\b/g, 'fastholdt 12 uger'],
  [/\baveragePrice\b/g, 'gennemsnitspris'],
  [/\bcost\b/g, 'udgift'],
  [/\breferrals\b/g, 'henvisninger'],
  [/\bactivations\b/g, 'aktiveringer'],
  [/· national\b/g, '· hele landet'],
  [/ · all · /g, ' · hele udtrækket · '],
  [/\ball=all\b/g, 'alle'],
  [/ is below the threshold/g, ' er under tærsklen'],
  [/ is printed/g, ' vises'],
];

/** The breakdowns' names in a cell ("ageBand=45-59"), as the Danish pages say them (src/report/i18n.ts). */
const DIMENSION_DA: Readonly<Record<string, string>> = { ageBand: 'aldersgruppe', sex: 'køn', referrer: 'henvist af' };

/** A cell named by the audit, in the run's language. */
export function auditCellName(cell: string, lang: Lang): string {
  if (lang !== 'da') return cell;
  // A breakdown's group as the Danish pages print it (uptake-levels.ts): "køn=kvinder", "aldersgruppe=45–59".
  const grouped = cell.replace(/\b(ageBand|sex|referrer)=([^ ·]+)/g, (_m, dim: string, level: string) => {
    const label = levelLabel(dim, level, 'da');
    return `${DIMENSION_DA[dim]}=${label === level ? label : label.charAt(0).toLowerCase() + label.slice(1)}`;
  });
  return CELL_WORDS_DA.reduce((s, [re, da]) => s.replace(re, da), grouped);
}

/** A number in the run's language: Danish thousands point and decimal comma (docs/glossary-da.md: 1.586; 0,81). */
export function auditNumber(v: number, lang: Lang): string {
  if (lang !== 'da' || !Number.isFinite(v)) return String(v);
  const [whole, frac] = String(v).split('.') as [string, string | undefined];
  return whole.replace(/\B(?=(\d{3})+$)/g, '.') + (frac !== undefined ? `,${frac}` : '');
}

/** The audit as text: the rule, the loss, then every failure (there must be none). */
export function auditText(r: UptakeAuditResult, lang: Lang = 'en'): string {
  const { audit: a, informationLoss: l } = r;
  const da = lang === 'da';
  const num = (v: number) => auditNumber(v, lang);
  const pct = (v: number) => (da ? `${(100 * v).toFixed(2).replace('.', ',')} %` : `${(100 * v).toFixed(2)}%`);
  const cell = (c: string) => auditCellName(c, lang);
  // Nothing bounds it above: said in words ("Infinity" in the JSON).
  const range = (lower: number, upper: number) => (upper === Infinity ? (da ? `mindst ${num(lower)} (ingen øvre grænse)` : `at least ${num(lower)} (no upper bound)`) : `${num(lower)} ${da ? 'til' : '…'} ${num(upper)}`);
  const interval = (i: { cell: string; lower: number; upper: number }) => `  ${cell(i.cell)}: ${range(i.lower, i.upper)}`;
  const none = (n: number) => `${num(n)}${n ? '' : da ? ' (ingen)' : ' (none)'}`;
  const t1 = a.rule.threshold - 1, p = a.rule.protectionLevel;
  const lines = da ? [
    `Kontrol af diskretioneringen (en angriber, der bruger alle offentliggjorte tal og sammenhænge; LP-grænser for hver diskretioneret celle)`,
    ...(r.published ? [`Kontrolleret som offentliggjort: ${r.published.file} (udtræksdato ${r.published.exportDate}).`] : []),
    r.earlier.length > 0
      ? `Tidligere offentliggørelser taget som kendte (hvert antal pr. sin udtræksdato; nu − dengang kontrolleret som et antal patienter, og hver tidligere mod de senere): ${r.earlier.join(', ')}.`
      : `Tidligere offentliggørelser taget som kendte: ingen.`,
    ...[r.unchained && unchainedAuditLine(r.unchained, 'da')].filter((x): x is string => typeof x === 'string'),
    ...(r.sameExtract?.length ? [`Andre udsnit af samme udtræk (samme udtræksdato), læst sammen med det som én offentliggørelse: ${r.sameExtract.join(', ')}.`] : []),
    ...(r.regionCuts?.length ? [`Offentliggørelser af én region, hvis tal for hele landet er læst som regionens (de samme patienter) ved siden af en offentliggørelse af flere regioner: ${r.regionCuts.join(', ')}.`] : []),
    `Regel: antal 1–${t1} er følsomme; nuller ${a.rule.zerosSensitive ? 'er følsomme' : 'vises'}; beskyttelsesniveau ${p}.`,
    l.countShare !== undefined
      ? `Diskretioneret: ${num(a.suppressedCells)} af ${num(a.countCells)} antalsceller (${pct(l.cellShare)}); ${pct(l.countShare)} af det samlede antal skjult (informationstab; internt, ikke til offentliggørelse).`
      : `Diskretioneret: ${num(a.suppressedCells)} af ${num(a.countCells)} antalsceller (${pct(l.cellShare)}); andelen af det samlede antal, der er skjult, kræver registret (kør kontrollen på det).`,
    `Diskretionerede celler smallere end ${p}${p < a.rule.threshold ? ` eller helt inden for ${a.rule.zerosSensitive ? 0 : 1}–${t1}` : ''}: ${none(a.narrow.length)}`,
    ...a.narrow.map(interval),
    ...(a.unchangedSincePrinted?.length ? [
      `Diskretionerede celler låst til præcis den værdi, en tidligere offentliggørelse viste for dem (ingen vækst siden; offentligt kendt, ikke en fejl): ${num(a.unchangedSincePrinted.length)}`,
      ...a.unchangedSincePrinted.map(interval),
    ] : []),
    `Afledte forskelle låst inden for de følsomme antal: ${none(a.disclosedDifferences.length)}`,
    ...a.disclosedDifferences.map(interval),
    `Udgifter og gennemsnitspriser vist, selvom de er beregnet ud fra et diskretioneret antal: ${none(a.costsOnSuppressed.length)}`,
    ...a.costsOnSuppressed.map((c) => `  ${cell(c.cell)}: beregnet ud fra ${c.suppressed.map(cell).join(', ')}`),
    ...(a.rule.zerosSensitive ? [
      `Rækker, der mangler, selvom nuller er følsomme (en manglende række viser sit nul): ${none(a.absentRows.length)}`,
      ...a.absentRows.map((x) => `  ${cell(x)}`),
    ] : a.absentRows.length > 0 ? [
      // With zeros shown, only rows an earlier publication printed in a period changed since (absent-rows.ts `vanishedSinceEarlier`).
      `Rækker, som en tidligere offentliggørelse viste, der mangler her i en periode ændret siden (en manglende række viser sit nul): ${none(a.absentRows.length)}`,
      ...a.absentRows.map((x) => `  ${cell(x)}`),
    ] : []),
    ...(r.smallCarried !== undefined ? [
      `Medbragte antal fra tidligere offentliggørelser under tærsklen ${a.rule.threshold}${a.rule.zerosSensitive ? ' (eller 0)' : ''}, vist igen i denne fil: ${none(r.smallCarried.length)}`,
      ...r.smallCarried.map((c) => `  ${c.where}: ${cell(c.cell)} er under tærsklen`),
    ] : []),
    ...(r.hiddenBeforePrinted !== undefined ? [
      `Antal, som en tidligere offentliggørelse diskretionerede (afsluttet periode, ikke ændret siden), vist i denne fil: ${none(r.hiddenBeforePrinted.length)}`,
      ...r.hiddenBeforePrinted.map((c) => `  ${c.where}: ${cell(c.cell)} vises`),
    ] : []),
    ...(r.earlierPinned !== undefined ? [
      `Diskretionerede antal fra tidligere offentliggørelser, smallere end ${p} med denne fils tal (afgjorte, uændrede perioder læst som samme antal): ${none(r.earlierPinned.length)}`,
      ...r.earlierPinned.map((c) => `  ${c.file}: ${cell(c.cell)}: ${range(c.lower, c.upper)}`),
    ] : []),
    ...(r.changedNotCarried !== undefined ? [
      `Antal fra perioder, som en tidligere offentliggørelse angav som ændrede (og diskretionerede), vist i denne fil uden at være angivet: ${none(r.changedNotCarried.length)}`,
      ...r.changedNotCarried.map((c) => `  ${c.where}: ${cell(c.cell)} vises (angivet som ændret pr. ${c.listedAsOf}; dette tal minus det diskretionerede tæller patienter)`),
    ] : []),
    ...(r.absentUnprotected !== undefined ? [
      `Kategorier fra en tidligere offentliggørelse, der mangler her (lagt sammen, omdøbt eller fjernet), og hvis antal denne fil ikke angiver som ændrede: ${none(r.absentUnprotected.length)}`,
      ...r.absentUnprotected.flatMap((c) => [`  ${cell(c.category)}, vist pr. ${c.asOf}: de antal, der kan rumme dens rækker, vises og er bundet til de tidligere`, ...c.pinned.map((x) => `    ${cell(x.cell)}: ${num(x.value)}`)]),
    ] : []),
    ...(r.excludedNarrow !== undefined ? [
      `Antal udeladte rækker, der sammen med en tidligere offentliggørelses låser rækkerne udeladt ind imellem til 1–${t1}: ${none(r.excludedNarrow.length)}`,
      ...r.excludedNarrow.map((c) => `  ${c.where}: minus ${c.file}s udeladte rækker: ${c.lower === c.upper ? num(c.lower) : range(c.lower, c.upper)}`),
    ] : []),
    ...(r.earlierDisagree?.length ? [`  (ikke kontrolleret mod ${r.earlierDisagree.join(', ')}: et afgjort antal dér er anderledes her i en periode, som denne fil ikke angiver som ændret — lavet uden --previous, eller en sen aktivering)`] : []),
    `${num(a.lpSolves)} ${a.lpSolves === 1 ? 'LP' : "LP'er"} løst over ${num(a.components)} ${a.components === 1 ? 'uafhængig gruppe' : 'uafhængige grupper'} af diskretionerede celler.`,
    '',
  ] : [
    `Disclosure audit (an attacker using every published number and relation, LP bounds per suppressed cell)`,
    ...(r.published ? [`Audited as published: ${r.published.file} (export date ${r.published.exportDate}).`] : []),
    r.earlier.length > 0
      ? `Earlier publications taken as known (each count as of its export date; now − then checked as a count of patients, and each earlier one against the later ones): ${r.earlier.join(', ')}.`
      : `Earlier publications taken as known: none.`,
    ...[r.unchained && unchainedAuditLine(r.unchained)].filter((x): x is string => typeof x === 'string'),
    ...(r.sameExtract?.length ? [`Other cuts of the same extract (same export date), read with it as one publication: ${r.sameExtract.join(', ')}.`] : []),
    ...(r.regionCuts?.length ? [`Publications of one region, their whole-country rows read as that region's rows (the same patients) beside a publication of more regions: ${r.regionCuts.join(', ')}.`] : []),
    `Rule: counts 1–${t1} sensitive; zeros ${a.rule.zerosSensitive ? 'sensitive' : 'shown'}; protection level ${p}.`,
    l.countShare !== undefined
      ? `Suppressed: ${a.suppressedCells} of ${a.countCells} count cells (${pct(l.cellShare)}); ${pct(l.countShare)} of the total count hidden (information loss; internal, not for publication).`
      : `Suppressed: ${a.suppressedCells} of ${a.countCells} count cells (${pct(l.cellShare)}); the share of the total count hidden needs the registry (run the audit on it).`,
    `Suppressed cells narrower than ${p}${p < a.rule.threshold ? ` or wholly inside ${a.rule.zerosSensitive ? 0 : 1}–${t1}` : ''}: ${none(a.narrow.length)}`,
    ...a.narrow.map(interval),
    ...(a.unchangedSincePrinted?.length ? [
      `Suppressed cells pinned to the value an earlier publication printed for them (no growth since; public, not a failure): ${a.unchangedSincePrinted.length}`,
      ...a.unchangedSincePrinted.map(interval),
    ] : []),
    `Derived differences pinned inside the sensitive range: ${none(a.disclosedDifferences.length)}`,
    ...a.disclosedDifferences.map(interval),
    `Costs and average prices printed though computed from a suppressed count: ${none(a.costsOnSuppressed.length)}`,
    ...a.costsOnSuppressed.map((c) => `  ${c.cell}: computed from ${c.suppressed.join(', ')}`),
    ...(a.rule.zerosSensitive ? [
      `Rows absent though zeros are sensitive (an absent row says its zero): ${none(a.absentRows.length)}`,
      ...a.absentRows.map((x) => `  ${x}`),
    ] : a.absentRows.length > 0 ? [
      // With zeros shown, only rows an earlier publication printed in a period changed since (absent-rows.ts `vanishedSinceEarlier`).
      `Rows an earlier publication printed, absent here in a period changed since (an absent row says its zero): ${none(a.absentRows.length)}`,
      ...a.absentRows.map((x) => `  ${x}`),
    ] : []),
    ...(r.smallCarried !== undefined ? [
      `Carried counts of earlier publications below the threshold ${a.rule.threshold}${a.rule.zerosSensitive ? ' (or 0)' : ''}, printed again in this file: ${none(r.smallCarried.length)}`,
      ...r.smallCarried.map((c) => `  ${c.where}: ${c.cell} is below the threshold`),
    ] : []),
    ...(r.hiddenBeforePrinted !== undefined ? [
      `Counts an earlier publication hid (closed period, not changed since) printed in this file: ${none(r.hiddenBeforePrinted.length)}`,
      ...r.hiddenBeforePrinted.map((c) => `  ${c.where}: ${c.cell} is printed`),
    ] : []),
    ...(r.earlierPinned !== undefined ? [
      `Hidden counts of earlier publications narrower than ${p} with this file's numbers (settled, unchanged periods read as the same count): ${none(r.earlierPinned.length)}`,
      ...r.earlierPinned.map((c) => `  ${c.file}: ${c.cell}: ${c.lower} … ${c.upper}`),
    ] : []),
    ...(r.changedNotCarried !== undefined ? [
      `Counts of periods an earlier publication listed as changed (and hid), printed in this file without listing them: ${none(r.changedNotCarried.length)}`,
      ...r.changedNotCarried.map((c) => `  ${c.where}: ${c.cell} is printed (listed as changed as of ${c.listedAsOf}; this print less the hidden one counts patients)`),
    ] : []),
    ...(r.absentUnprotected !== undefined ? [
      `Categories of an earlier publication absent here (merged, renamed or removed) whose counts this file does not list as changed: ${none(r.absentUnprotected.length)}`,
      ...r.absentUnprotected.flatMap((c) => [`  ${c.category}, printed as of ${c.asOf}: the counts that may hold its rows are printed and tied to the earlier ones`, ...c.pinned.map((x) => `    ${x.cell}: ${x.value}`)]),
    ] : []),
    ...(r.excludedNarrow !== undefined ? [
      `Excluded-row counts that, with an earlier publication's, pin the rows excluded in between to 1–${t1}: ${none(r.excludedNarrow.length)}`,
      ...r.excludedNarrow.map((c) => `  ${c.where}: minus ${c.file}'s excluded rows: ${c.lower === c.upper ? c.lower : `${c.lower} … ${c.upper}`}`),
    ] : []),
    ...(r.earlierDisagree?.length ? [`  (not checked against ${r.earlierDisagree.join(', ')}: a settled count there differs here in a period this file does not list as changed — made without --previous, or a late activation)`] : []),
    `${a.lpSolves} LPs solved over ${a.components} independent group(s) of suppressed cells.`,
    '',
  ];
  return lines.join('\n');
}
