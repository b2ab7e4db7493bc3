/**
 * The registry page's flow (docs/observational.md#report): per group, from the patients read to
 * those analysed — in the export (read from it, when rows were left out); per analysis (outcome × time, analyses with the same counts
 * together) without a baseline or follow-up value, left out for a missing confounder, trimmed,
 * analysed. Counts as published (small-counts.ts, rules 1–3 and 10): a hidden one reads
 * "suppressed". Before it, the page said only "left out for a missing confounder value: 9",
 * while 150 patients without a 3-month value were never mentioned.
 */
import type { ObservationalAnalysis, ObservationalResult } from '../observational/observational-results-schema.js';
import { countText } from '../observational/observational-text.js';
import { type Masked, SUPPRESSED } from '../suppressed-marker.js';
import { fillPhrase, type Lang, timeLabel } from './i18n.js';
import type { Table } from './text-table.js';

const TEXT = {
  title: { en: 'Patients from the export to the analysis', da: 'Patienter fra udtrækket til analysen' },
  caption: { en: 'Patients read, left out (and why) and analysed, per group and analysis', da: 'Indlæste, udeladte (og hvorfor) og analyserede patienter pr. gruppe og analyse' },
  stage: { en: 'Patients', da: 'Patienter' },
  read: { en: 'In the export', da: 'I udtrækket' },
  // With rows left out the patients read are not the export's: a patient every row of whom went is
  // in none of these counts (the section "Rows left out of the analysis" counts them).
  readKept: { en: 'Read from the export', da: 'Indlæst fra udtrækket' },
  withoutOutcome: { en: 'No value at baseline or at {time}', da: 'Ingen værdi ved baseline eller efter {time}' },
  // An analysis that reads no baseline (baselineAsConfounder false, not a responder) needs the follow-up value only.
  withoutFollowUp: { en: 'No value at {time}', da: 'Ingen værdi efter {time}' },
  // Of the patients without a value, those whose row was left out as invalid: what the exclusions cost (rule 13).
  excludedRow: { en: 'of them: the row left out as invalid (--exclude-invalid)', da: 'heraf: rækken udeladt som ugyldig (--exclude-invalid)' },
  missing: { en: 'Left out: a confounder value missing', da: 'Udeladt: manglende værdi af en forstyrrende faktor' },
  trimmed: { en: 'Left out: trimmed (propensity score)', da: 'Udeladt: trimmet (tilbøjelighedsscore)' },
  analysed: { en: 'Analysed', da: 'Analyseret' },
  all: { en: 'All', da: 'Alle' },
} as const;

export function registryFlowTitle(lang: Lang): string {
  return TEXT.title[lang];
}

export function registryFlowCaption(lang: Lang): string {
  return TEXT.caption[lang];
}

/** The table: one heading row per set of analyses with the same counts, its stages indented under it. */
export function registryFlowTable(result: Pick<ObservationalResult, 'input'>, analyses: readonly ObservationalAnalysis[], groups: { exposed: string; unexposed: string }, trimming: boolean, baselineAsConfounder: boolean, lang: Lang, rowsLeftOut = false): Table | undefined {
  const shown = analyses.filter((a) => a.patients && a.flow);
  if (!shown.length) return undefined;
  // Analyses with the same time and counts share their rows ("RMDQ, pain: 3 months").
  const sets = new Map<string, ObservationalAnalysis[]>();
  const readsBaseline = (a: ObservationalAnalysis) => baselineAsConfounder || a.kind === 'responder';
  for (const a of shown) {
    const key = JSON.stringify([a.time, a.patients, a.flow, readsBaseline(a)]);
    sets.set(key, [...(sets.get(key) ?? []), a]);
  }
  // The "All" column: a total only where both its parts are published, or where it is the
  // published total itself (missing, trimmed); the patients without a value are then input −
  // analysed − missing − trimmed, which the page gives already: printing it discloses nothing new.
  const sum = (a: Masked, b: Masked): Masked => (a === SUPPRESSED || b === SUPPRESSED ? SUPPRESSED : a + b);
  const row = (label: string, v: { exposed: Masked; unexposed: Masked }, all: Masked = sum(v.exposed, v.unexposed)) => [label, countText(v.exposed, lang), countText(v.unexposed, lang), countText(all, lang)];
  const input = result.input.patients;
  const rows: string[][] = [row((rowsLeftOut ? TEXT.readKept : TEXT.read)[lang], input)];
  for (const set of sets.values()) {
    const a = set[0]!;
    const f = a.flow!;
    const ex = a.excluded!;
    const analysed = sum(a.patients!.exposed, a.patients!.unexposed);
    const parts = [sum(input.exposed, input.unexposed), analysed, ex.missingConfounders, ex.trimmed];
    const lost: Masked = parts.some((x) => x === SUPPRESSED) ? SUPPRESSED : (parts[0] as number) - (parts[1] as number) - (parts[2] as number) - (parts[3] as number);
    const time = timeLabel(a.time, lang);
    rows.push([`${set.map((x) => x.label).join(', ')}, ${time}`, '', '', '']);
    const without = readsBaseline(a) ? TEXT.withoutOutcome : TEXT.withoutFollowUp;
    rows.push(row(`  ${fillPhrase(without[lang], { time })}`, { exposed: f.exposed.withoutOutcome, unexposed: f.unexposed.withoutOutcome }, lost));
    if (f.exposed.excludedRow !== undefined && f.unexposed.excludedRow !== undefined) rows.push(row(`    ${TEXT.excludedRow[lang]}`, { exposed: f.exposed.excludedRow, unexposed: f.unexposed.excludedRow }));
    rows.push(row(`  ${TEXT.missing[lang]}`, { exposed: f.exposed.missingConfounders, unexposed: f.unexposed.missingConfounders }, ex.missingConfounders));
    if (trimming) rows.push(row(`  ${TEXT.trimmed[lang]}`, { exposed: f.exposed.trimmed, unexposed: f.unexposed.trimmed }, ex.trimmed));
    rows.push(row(`  ${TEXT.analysed[lang]}`, a.patients!, analysed));
  }
  return { header: [TEXT.stage[lang], groups.exposed, groups.unexposed, TEXT.all[lang]], rows, align: ['left', 'right', 'right', 'right'] };
}
