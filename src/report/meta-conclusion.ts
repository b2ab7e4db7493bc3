/**
 * The conclusion at the top of the meta-analysis page (docs/input-studies.md), in the trial
 * report's style (docs/report-trial.md#order): the primary outcome's estimate (the plan's
 * `primary`, else the table's first row) with its 95% CI against the MCID and its verdict, how
 * many trials it rests on and how it was obtained; the other results against that verdict; and
 * what the evidence cannot say — with fewer than 3 trials no prediction interval, so how the effect
 * varies between settings is unknown, and the certainty of the evidence is not rated on this page.
 * Read off the summary table's own cells (meta-summary-table.ts), so it never says more than the table.
 */
import { countWord } from './count-words.js';
import { joinNames, type OtherResult, othersSentence, runningName } from './conclusion-others.js';
import { fillPhrase, type Lang, lowerFirst, REPORT_TEXT, timeLabel, VERDICT_TEXT } from './i18n.js';
import type { Relevance } from '../judge/relevance.js';
import type { Table } from './text-table.js';
import type { MetaResults } from '../meta/meta-results-schema.js';
import { metaSettings, onlySubgroup, outcomeName } from './meta-summary-table.js';
import { metaVerdictText } from '../meta/meta-verdict.js';
import { sameKey } from '../meta/outcome-settings.js';
import { instruments } from '../instruments/registry.js';

const TEXT = {
  head: {
    en: '{outcome} at {time}{primary}: benefit of {intervention} {effect}{mcid} – {verdict}; from {count}: {basis}.',
    // Danish names the quantity as the glossary does ("effektforskel"), with its sign spelled out,
    // and the intervention with its article ("appen"): "gavn af app" is a calque.
    // The sign's note inside the effect's own parenthesis, before the MCID: after "mod en MKRF på 5
    // point" it read as describing the MCID (review).
    da: '{outcome} efter {time}{primary}: effektforskel {effect}{mcid} – {verdict}; fra {count}: {basis}.',
  },
  primary: { en: ' (primary outcome)', da: ' (primært effektmål)' },
  oneAll: {
    en: 'Every result rests on one trial: how the effect varies between settings cannot be estimated (no prediction interval), and the certainty of the evidence is not rated here.',
    da: 'Alle resultater bygger på ét forsøg: hvor meget effekten varierer mellem forsøg, kan ikke estimeres (intet prædiktionsinterval), og evidensens kvalitet er ikke vurderet her.',
  },
  fewAll: {
    en: 'Every result rests on fewer than {min} trials ({one} of {n} on one trial): how the effect varies between settings cannot be estimated (no prediction interval), and the certainty of the evidence is not rated here.',
    da: 'Alle resultater bygger på færre end {min} forsøg ({one} af {n} på ét forsøg): hvor meget effekten varierer mellem forsøg, kan ikke estimeres (intet prædiktionsinterval), og evidensens kvalitet er ikke vurderet her.',
  },
  // Every result on fewer than {min} trials, none on one trial: no parenthesis counting zero.
  fewAllNoneOne: {
    en: 'Every result rests on fewer than {min} trials: how the effect varies between settings cannot be estimated (no prediction interval), and the certainty of the evidence is not rated here.',
    da: 'Alle resultater bygger på færre end {min} forsøg: hvor meget effekten varierer mellem forsøg, kan ikke estimeres (intet prædiktionsinterval), og evidensens kvalitet er ikke vurderet her.',
  },
  fewPrimary: {
    en: 'The primary result rests on fewer than {min} trials: how the effect varies between settings cannot be estimated (no prediction interval), and the certainty of the evidence is not rated here.',
    da: 'Det primære resultat bygger på færre end {min} forsøg: hvor meget effekten varierer mellem forsøg, kan ikke estimeres (intet prædiktionsinterval), og evidensens kvalitet er ikke vurderet her.',
  },
  prediction: {
    en: 'In a new setting the effect is expected in the range {pi} (95% prediction interval; I² {i2}); the certainty of the evidence is not rated here.',
    da: 'I en ny sammenhæng forventes effekten at ligge i intervallet {pi} (95 %-prædiktionsinterval; I² {i2}); evidensens kvalitet er ikke vurderet her.',
  },
  // The table's prediction-interval cell holds no interval ("Not shown"): nothing to quote.
  noPrediction: {
    en: 'No prediction interval is shown; the certainty of the evidence is not rated here.',
    da: 'Der er ikke vist et prædiktionsinterval; evidensens kvalitet er ikke vurderet her.',
  },
  // Results of one subgroup are not the trial's: said apart, never counted as agreeing with a result of all patients.
  subgroupOnly: {
    en: 'In one subgroup only ({subgroup}), not all patients: {groups}.',
    da: 'Kun i én subgruppe ({subgroup}), ikke hos alle patienter: {groups}.',
  },
  participants: { en: '{n} participants', da: '{n} deltagere' },
  // Outcomes without an estimate (the summary table's "Not pooled" rows): named, never given a verdict.
  notPooled: {
    en: 'Not pooled (no study reported an interval): {named}.',
    da: 'Ikke poolet (intet studie angav et interval): {named}.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export interface MetaConclusionRow {
  /** The outcome's label ("Disability (RMDQ 0–24)") and, when every estimate is one subgroup's, that subgroup ("subgroup: high physical demands"). */
  label: string;
  subgroup: string | null;
  /** The one subgroup every estimate of the row comes from ("high physical demands"), or null. */
  subgroupName: string | null;
  outcome: string;
  time: string;
  relevance: Relevance | null;
  /** The verdict in running text, with what its CI leaves open ("… (not statistically significant; clinically relevant harm is not ruled out)"); null without one. */
  verdict: string | null;
  trials: number;
  /** Whether the row has an estimate (the summary table's "Not pooled" rows have none: no study reported an interval). */
  pooled: boolean;
}

/** The summary table's rows' settings (metaSummaryTable's order): label, subgroup, verdict, trials and whether pooled. */
export function metaConclusionRows(results: Pick<MetaResults, 'outcomes' | 'pooled' | 'studies'>, lang: Lang): MetaConclusionRow[] {
  return metaSettings(results).map(({ setting: s, studies, overall: { headline } }) => {
    const label = s.label ?? s.outcome;
    const named = outcomeName(s, studies, lang);
    return { label, subgroup: named.length > label.length ? named.slice(label.length + 2) : null, subgroupName: onlySubgroup(studies), outcome: s.outcome, time: s.time, relevance: headline?.relevance ?? null, verdict: headline?.relevance ? metaVerdictText({ ...headline, relevance: headline.relevance }, VERDICT_TEXT, lang, true) : null, trials: headline?.trials ?? 0, pooled: headline !== undefined };
  });
}

/**
 * `table`: the summary table (outcome, follow-up, trials (participants), benefit (95% CI),
 * estimate from, prediction interval, I², MCID, verdict); `rows`: the same rows' settings.
 */
export function metaConclusion(table: Table, rows: readonly MetaConclusionRow[], primary: { outcome: string; time: string } | undefined, intervention: string, minTrials: number, lang: Lang): string {
  // The headline: the plan's primary outcome when it was pooled, else the first row that was;
  // with no estimate at all, no conclusion.
  const planned = primary ? rows.findIndex((r) => r.pooled && r.outcome === primary.outcome && r.time === primary.time) : -1;
  const i = planned >= 0 ? planned : rows.findIndex((r) => r.pooled);
  if (i < 0) return '';
  const row = rows[i]!;
  const cells = table.rows[i]!;
  // Without an MCID, the table's own words ("No MCID: not judged").
  const verdictOf = (r: MetaConclusionRow) => lowerFirst(r.verdict ?? (table.rows[rows.indexOf(r)]?.[8] ?? ''));
  const name = (r: MetaConclusionRow) => `${runningName(r.label)}${r.subgroup ? `, ${r.subgroup}` : ''}`;
  const verdict = verdictOf(row);
  const mcid = cells[7] && cells[7] !== '—' ? ` ${fillPhrase(REPORT_TEXT.conclusionAgainstMcid[lang], { mcid: cells[7] })}` : '';
  const sentences = [
    fillPhrase(TEXT.head[lang], {
      // Capitalised to start the sentence, but an instrument's key without a label ("rmdq") is a
      // code, written as the file writes it, not "Rmdq" (a label: the plan's or the report entry's "outcomes").
      outcome: row.label === row.outcome && sameKey(Object.keys(instruments), (k) => k, row.outcome) !== undefined ? name(row) : name(row).replace(/^./, (c) => c.toUpperCase()),
      time: lowerFirst(timeLabel(row.time, lang)),
      primary: planned >= 0 ? TEXT.primary[lang] : '',
      intervention: lowerFirst(intervention),
      effect: effectWithSign(cells[3] ?? '', lang, lowerFirst(intervention)),
      mcid,
      verdict,
      // "1 trial (461 participants)": the table's header says what the bracket counts, the sentence must.
      // Danish running text counts trials in words: "fra ét forsøg", "fra tre forsøg" (count-words.ts); the participants stay digits.
      count: (cells[2] ?? '').replace(/\((\d[\d.,]*)\)$/, (_, n: string) => `(${fillPhrase(TEXT.participants[lang], { n })})`).replace(/^(\d+)(?= )/, (n) => (lang === 'da' ? (n === '1' ? 'ét' : String(countWord(Number(n), lang))) : n)),
      // Lower case mid-sentence, but never a study's name ("Sandal 2021, as published").
      basis: /^\S+ \d{4}\b/.test(cells[4] ?? '') ? (cells[4] ?? '') : lowerFirst(cells[4] ?? ''),
    }),
  ];
  const at = (r: MetaConclusionRow) => `${name(r)} ${REPORT_TEXT.conclusionAt[lang]} ${lowerFirst(timeLabel(r.time, lang))}`;
  const pooled = rows.filter((r) => r.pooled);
  // A result of another subgroup is not one of the headline's population: it is said apart, per
  // subgroup, so that three results of one subgroup never read as three results agreeing.
  const apart = (r: MetaConclusionRow) => r.subgroupName !== null && r.subgroupName !== row.subgroupName;
  const others: OtherResult[] = pooled.filter((r) => r !== row && !apart(r)).map((r) => ({ name: at(r), verdict: verdictOf(r), harm: /harm/.test(r.relevance ?? ''), judged: r.verdict !== null }));
  sentences.push(othersSentence(verdict, others, lang));
  for (const sub of [...new Set(pooled.filter(apart).map((r) => r.subgroupName as string))]) {
    const inSub = pooled.filter((r) => apart(r) && r.subgroupName === sub);
    const atIn = (r: MetaConclusionRow) => `${runningName(r.label)} ${REPORT_TEXT.conclusionAt[lang]} ${lowerFirst(timeLabel(r.time, lang))}`;
    const groups = new Map<string, string[]>();
    for (const r of [...inSub.filter((x) => /harm/.test(x.relevance ?? '')), ...inSub.filter((x) => !/harm/.test(x.relevance ?? ''))]) groups.set(verdictOf(r), [...(groups.get(verdictOf(r)) ?? []), atIn(r)]);
    const text = [...groups].map(([v, names]) => `${v} ${REPORT_TEXT.conclusionFor[lang]} ${joinNames(names, lang)}`).join('; ');
    sentences.push(fillPhrase(TEXT.subgroupOnly[lang], { subgroup: sub, groups: text }));
  }
  const unpooled = rows.filter((r) => !r.pooled);
  if (unpooled.length) sentences.push(fillPhrase(TEXT.notPooled[lang], { named: joinNames(unpooled.map(at), lang) }));
  // What the estimates cannot say, of the pooled rows only (an unpooled row rests on no trial).
  const few = pooled.filter((r) => r.trials < minTrials);
  const one = pooled.filter((r) => r.trials <= 1).length;
  if (one === pooled.length) sentences.push(TEXT.oneAll[lang]);
  else if (few.length === pooled.length) sentences.push(one ? fillPhrase(TEXT.fewAll[lang], { min: minTrials, one, n: pooled.length }) : fillPhrase(TEXT.fewAllNoneOne[lang], { min: minTrials }));
  else if (row.trials < minTrials) sentences.push(fillPhrase(TEXT.fewPrimary[lang], { min: minTrials }));
  else if (/\d/.test(cells[5] ?? '')) sentences.push(fillPhrase(TEXT.prediction[lang], { pi: cells[5] ?? '', i2: cells[6] ?? '' }));
  else sentences.push(TEXT.noPrediction[lang]);
  return sentences.filter((s) => s !== '').join(' ');
}

/** "MD 0,79 (95 %-KI 0,06 til 1,51; positiv: til fordel for appen)": the Danish sign note kept with the effect it explains. */
function effectWithSign(cell: string, lang: Lang, intervention: string): string {
  const withCi = cell.replace(' (', ` (${REPORT_TEXT.conclusionCi[lang]} `);
  if (lang !== 'da') return withCi;
  const sign = `positiv: til fordel for ${intervention}`;
  return / \(.*\)$/.test(withCi) ? withCi.replace(/\)$/, `; ${sign})`) : `${withCi} (${sign})`;
}
