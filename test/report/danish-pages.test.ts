/**
 * Danish as a Danish committee writes it (docs/glossary-da.md): every Danish page — the bundled
 * trial report (index.html, README.md, chart specs as committed in reports/, which CI keeps in
 * step with the code) and the meta and uptake reports built in Danish here — carries no word that
 * the phrase catalogue has only in English, none of the English or wrong terms a review found,
 * and no interval written "[a, b]" (its comma collides with the decimal comma).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as i18n from '../../src/report/i18n.js';
import { metaReportKind } from '../../src/report/kinds/meta-report.js';
import { uptakeReportKind } from '../../src/report/kinds/uptake-report.js';
import { problemText } from '../../src/report/problem-text.js';
import type { ReportContent } from '../../src/report/report-page.js';
import { bundledAnalysis } from './charts/uptake-chart-support.js';
import { bundledTrial } from './trial-report-support.js';
import { trialSummaryText, trialWarningLines } from '../../src/cli/analyze-text.js';
import { analyzeObservationalCommand } from '../../src/cli/analyze-observational.js';
import { partialLastPeriod, uptakeSummary } from '../../src/cli/uptake.js';
import { loadPlanFile } from '../../src/plan/load-plan.js';
import { readCsvFile } from '../../src/io/read-csv.js';
import { loadTrial } from '../../src/trial/load-trial.js';

/** Words (≥ 5 letters) that some catalogue phrase has in English and no phrase has in Danish. */
function englishOnlyWords(): string[] {
  const en = new Set<string>();
  const da = new Set<string>();
  const words = (s: string) => s.toLowerCase().replace(/\{\w+\}/g, ' ').match(/[a-zæøåé]+/g) ?? [];
  const walk = (o: unknown): void => {
    if (o === null || typeof o !== 'object') return;
    const r = o as Record<string, unknown>;
    if (typeof r.en === 'string' && typeof r.da === 'string') {
      words(r.en).forEach((w) => en.add(w));
      words(r.da).forEach((w) => da.add(w));
    } else Object.values(r).forEach(walk);
  };
  Object.values(i18n).forEach(walk);
  // Words Danish spells the same that the catalogue happens to use only in English ("som standard i metafor").
  const alsoDanish = new Set(['standard']);
  return [...en].filter((w) => w.length >= 5 && !da.has(w) && !alsoDanish.has(w));
}

/** What a reader sees of a Vega-Lite spec: titles, texts, data values and legend domains. */
function shownInSpec(spec: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown, key: string): void => {
    if (typeof v === 'string') {
      if (['title', 'subtitle', 'text', 'datum', 'values', 'domain'].includes(key)) out.push(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    // A datum's marker shape ("triangle-right") and colour are drawn, not shown as words.
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, key === 'values' && !['shape', 'colour'].includes(k) ? 'values' : k);
  };
  walk(spec, '');
  return out.join('\n');
}

/** The visible text of a page: tags, styles and file names/paths dropped. */
function shownInPage(html: string): string {
  // A command in code (<code>hta report</code>, `hta report` in README.md) is not English text.
  return html.replace(/<code>[^<]*<\/code>|(?<!\\)`[^`\\]*`/g, ' ').replace(/<style[\s\S]*?<\/style>/g, '').replace(/<svg[\s\S]*?<\/svg>/g, '').replace(/<[^>]+>/g, ' ')
    .split(/\s+/).filter((w) => !/[/\\]|\.(svg|png|json|csv|md)\b/.test(w)).join(' ');
}

function contentText(c: ReportContent): string {
  const p = c.page;
  return [p.title, p.provenance, ...p.sections.flatMap((s) => [s.title, ...(s.intro ?? []), ...(s.notes ?? []), ...(s.tables ?? []).flatMap((t) => [t.caption ?? '', ...t.table.header, ...t.table.rows.flat()])]),
    ...c.charts.map((ch) => `${ch.alt}\n${shownInSpec(ch.spec)}`)].join('\n').split(/(?<=\s)/).filter((w) => !/[/\\]|\.(svg|png|json|csv|md)\b/.test(w)).join('');
}

/**
 * English names never, not even in parentheses after the Danish one (docs/glossary-da.md:
 * "tilbøjelighedsscore", "forstyrrende faktorer", "simultan regression (SUR)"); "love plot",
 * "confounder", "vs" neither.
 */
const FORBIDDEN_TERMS = [/propensity/i, /\bconfounding\b/i, /seemingly unrelated/i, /love plot/i, /\bconfounder/i, /(?<![a-zæøå])vs\.?(?![a-zæøå])/i];
const FORBIDDEN = [...FORBIDDEN_TERMS, /\bet al\./, /Vega-Lite spec\b/, /\bfor country\b/, /\(Danske patienter\)/, /within-trial/, /synthetic-data/, /Respondent/i, /Tipping point/i, /summary of findings/i, /\bimputation\b/i, /Risikoforskel/i, /\budfald/i, /\bMCID\b/, /imputering/i,
  // RevMan's English in the meta forest ("P = 0,0006", "df = 1", "IV, Fast"), the SMD and AIPW named one way (the glossary's).
  /\bP [=<] \d/, /\bdf\b/, /\bIV\b/, /middelværdiforskel/i, /inverse[ -]sandsynlighedsvægtning/i,
  // "p < 0,001" with a space, as "p = 0,250"; the glossary's term for complete cases; the conclusion counts
  // results (an outcome at one follow-up) "resultater for kritiske effektmål", never "kritiske resultater"
  // nor "de 5 øvrige kritiske effektmål" (five results from two outcomes are not five outcomes).
  /<0,\d/, /komplette tilfælde/i, /kritiske resultat/i, /øvrige kritiske effektmål/i,
  // Not applicable is "ikke aktuelt": "ikke relevant" reads as "not clinically relevant" beside the verdicts.
  /\bikke relevant\b/i,
  // Responders at the MCID are "klinisk relevant forbedring (RMDQ ≥ 5 point)" (the glossary's), not "RMDQ forbedret ≥ 5 point".
  /forbedret ≥ 5(?:,5)? point/,
  // "÷" is minus to a Danish reader, never division ("i enheder af MKRF", "spændvidde / 20"); the
  // signed between-group difference is "effektforskel" (the glossary's), not the calque "gavn"
  // ("Gavn (95 %-KI)", "gavn af app", "gavnen"); "klinisk relevant gavn" as a verdict stays.
  /÷/, /(?<![a-zæøå])Gavn(?![a-zæøå])/, /\bgavn af\b/i, /\bgavnen\b/i,
  // Danish a committee would not write (an explorer's list): "95 %-KI er normale", "ANCOVA
  // tilpasses", "Signifikans følger …: den betyder", "står ikke ud for", "Median dage",
  // "henvisninger læst", "på tværs af de 5 regioner", "fast effekt-modellen"; a count up to ten in
  // running text in words ("To af de fem øvrige", "i de fem regioner").
  /KI er normale/, /ANCOVA tilpasses/, /Signifikans følger/, /står ikke ud for/, /Median dage/, /henvisninger læst/, /på tværs af de/, /fast effekt-model/,
  /\b(?:af|i) de [2-9] (?:øvrige|regioner)\b/, /\bAlle [2-9] øvrige\b/, /\bde øvrige [2-9]\b/,
  // One concept, one word: a registry's "udtræk" (as "Registerudtrækkets dato"), never "eksporten" beside it;
  // "efter 9 måneder" (the glossary's), not "ved"; "Metode" on every page; the confounders as the table names
  // them; "sygehus" as the tariffs' "sygehusbehandling".
  /hele eksporten/, /fra eksporten til/, /(?<![a-zæøå])ved \d+ måneder/, /(?<![a-zæøå])Metoder(?![a-zæøå])/, /baggrundsvariable/, /(?<![a-zæøå])Hospital/,
  // A reviewer's second pass: the count before "øvrige"; "antal i risiko"; one word for a unit
  // cost ("Enhedspris", "Enhedspriser"); a trial in the meta forest is "forsøg"; the model by its
  // glossary name; the CEA data note in plain Danish.
  /\bde øvrige (?:to|tre|fire|fem|seks|syv|otte|ni|ti) resultater/i, /(?<![a-zæøå])n i risiko/, /Enhedsomkostninger/, /Studie eller subgruppe|Studiets estimat|Enkelt studie/, /kombineret med fast effekt/, /kalibreret til nær|pr\. konstruktion/];
/** "[2,27, 5,03]": an interval in brackets with decimal commas. */
const BRACKET_INTERVAL = /\[\s*[−-]?\d+,\d+,\s*[−-]?\d+,\d+\s*\]/;
/** "56,9%": a Danish percentage without the space. */
const TIGHT_PERCENT = /\d,\d+%/;

function problems(raw: string, englishOnly: readonly string[]): string[] {
  // Terms Danish HTA texts use as they are: "multipel imputation" (the glossary's; "uden/ingen
  // imputation" its noun, one spelling on every page — never "imputering"; imputation
  // alone is not), "fixed effect"/"random effects" (the meta-analysis models), "propensity score",
  // "mixed model for gentagne målinger" (the glossary's MMRM, written out in the abbreviations).
  const text = raw.replace(/(multipel|uden|ingen) imputation|(fixed|random) effects?|mixed model for gentagne/gi, '·');
  const found: string[] = [];
  for (const w of englishOnly) {
    const m = new RegExp(`(?<![a-zæøå])${w}(?![a-zæøå])`, 'i').exec(text);
    if (m) found.push(`English "${w}": …${text.slice(Math.max(0, m.index - 40), m.index + 40)}…`);
  }
  // The CE plane's quadrants "NØ/NV/SØ/SV" are explained where they are used.
  // (The plane's numbers table explains each on its row: "NØ: dyrere, flere QALY".)
  if (/(?<![a-zæøå])NØ(?![a-zæøå])/i.test(text) && !/N: dyrere|NØ: dyrere, flere QALY/.test(text)) found.push('NØ/NV/SØ/SV without their explanation ("N: dyrere, S: billigere; Ø: flere QALY, V: færre")');
  for (const re of [...FORBIDDEN, BRACKET_INTERVAL, TIGHT_PERCENT]) {
    const m = re.exec(text);
    if (m) found.push(`${re}: …${text.slice(Math.max(0, m.index - 40), m.index + 40)}…`);
  }
  return found;
}

/**
 * Text a page shows as the user's files wrote it (not hta's words): the registry confounders'
 * column names and their levels. (The CEA page's unit-cost sources, published citation and
 * population label have Danish versions in the bundled inputs, so they are scanned too.)
 */
function userText(report: string): string[] {
  if (report === 'registry-da') {
    const plan = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')) as { observational: { confounders: { name: string }[] } };
    const names = plan.observational.confounders.map((c) => c.name);
    return [names.join(', '), ...names.map((n) => `${n}=`)];
  }
  return [];
}

describe('Danish pages', () => {
  const englishOnly = englishOnlyWords();

  it('the catalogue check knows English-only words (the test can fail)', () => {
    expect(englishOnly).toEqual(expect.arrayContaining(['responders', 'findings']));
    expect(problems('Respondenter og ja/nej-udfald; −0,81 [−1,47, −0,15]; 56,9%; Tipping point', englishOnly).length).toBeGreaterThanOrEqual(4);
    expect(problems('Balance (love plot); Overlap i propensity scores; en confounder; app vs vanlig; SUR (seemingly unrelated regression); NØ 99 %', englishOnly).length).toBeGreaterThanOrEqual(6);
    // Not even once in parentheses after the Danish name (a council reader found all three).
    expect(problems('Tilbøjelighedsscoren (propensity score)', englishOnly)).toHaveLength(1);
    expect(problems('forstyrrende faktorer (confounding)', englishOnly)).toHaveLength(1);
    expect(problems('Simultan regression (seemingly unrelated regression, SUR)', englishOnly)).toHaveLength(1);
    expect(problems('Gavn af appen ÷ MKRF; Gavn (95 %-KI); gavn af app MD 0,79; Tallene er gavnen', englishOnly)).toHaveLength(4);
    expect(problems('To af de 5 øvrige resultater; 95 %-KI er normale (z); ANCOVA tilpasses hvert udfyldt datasæt', englishOnly)).toHaveLength(3);
    expect(problems('To af de fem øvrige resultater; i de fem regioner; 95 %-KI er beregnet under normalfordeling (z)', englishOnly)).toEqual([]);
    expect(problems('De øvrige to resultater; Fastholdt 4 uger % (n i risiko); Enhedsomkostninger −20 %; Studiets estimat; kombineret med fast effekt; kalibreret til nær', englishOnly)).toHaveLength(6);
    expect(problems('De to øvrige resultater; Fastholdt 4 uger % (antal i risiko); Enhedspriser −20 %; Forsøgets estimat; I alt, fast effekt; kalibreret, så de ligger tæt på', englishOnly)).toEqual([]);
    expect(problems('Effektforskel i enheder af MKRF; muligvis klinisk relevant gavn; spændvidde / 20', englishOnly)).toEqual([]);
    expect(problems('Tilbøjelighedsscore; forstyrrende faktorer; simultan regression (SUR); NØ 99 % (N: dyrere, S: billigere; Ø: flere QALY, V: færre)', englishOnly)).toEqual([]);
  });

  it.each(['selfback-da', 'registry-da', 'selfback-cea-da'])('the bundled Danish report %s (index.html, README.md, chart specs) has no English and the glossary\'s forms', (name) => {
    // HTA_REPORTS_DIR: a freshly built reports folder (outside the repo) to check before the committed one is regenerated.
    const dir = join(process.env.HTA_REPORTS_DIR ?? 'reports', name);
    const found: string[] = [];
    const fromUser = userText(name);
    for (const f of readdirSync(dir).filter((x) => /\.(html|md|vl\.json)$/.test(x))) {
      const file = readFileSync(join(dir, f), 'utf8');
      // A Markdown link shows its text, not its target.
      const raw = f.endsWith('.md') ? file.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') : file;
      let text = f.endsWith('.vl.json') ? shownInSpec(JSON.parse(raw)) : shownInPage(raw).replace(/\s+/g, ' ');
      for (const u of fromUser) text = text.split(u).join('·');
      found.push(...problems(text, englishOnly).map((p) => `${f}: ${p}`));
      // Danish kroner "kr." in text, tables and charts alike, never "DKK" (the CEA page's display currency and app price).
      const dkk = /\bDKK\b/.exec(text);
      if (dkk) found.push(`${f}: DKK: …${text.slice(Math.max(0, dkk.index - 40), dkk.index + 40)}…`);
    }
    expect(found).toEqual([]);
  });

  it('the meta and uptake reports in Danish have no English and the glossary\'s forms', async () => {
    const memo = <T>(key: string, compute: () => T): T => (key.startsWith('uptake') ? (bundledAnalysis() as unknown as T) : compute());
    const env = { input: (p: string) => p, lang: 'da' as const, version: 't', memo };
    const meta = await metaReportKind.build({ id: 'm', kind: 'meta', out: 'm', lang: 'da', data: 'data/published/selfback-studies.csv', plan: 'data/plans/selfback.plan.json', preset: 'metafor' }, env);
    const uptake = await uptakeReportKind.build({ id: 'u', kind: 'uptake', out: 'u', lang: 'da', registry: 'data/synthetic/registry.csv', eligible: 'data/synthetic/eligible.csv', plan: 'data/plans/uptake.plan.json' }, env);
    expect(problems(contentText(meta), englishOnly)).toEqual([]);
    // Without a manifest title the page names no trial (a user's studies file is not selfBACK's).
    expect(meta.page.title).toBe('Metaanalyse af publicerede estimater');

    expect(problems(contentText(uptake), englishOnly)).toEqual([]);
    // Danish dates and one currency name: "30. december 2025", "kr." in text, tables and chart alike.
    // (The time axis's data are ISO dates; vega writes them as Danish month names.)
    const titles = uptake.charts.map((c) => JSON.stringify((c.spec as { title?: unknown }).title ?? '')).join('\n');
    expect(`${contentText({ ...uptake, charts: [] })}\n${titles}`).not.toMatch(/\d{4}-\d{2}-\d{2}|DKK/);
    expect(contentText(uptake)).toContain('Registerudtrækkets dato 30. december 2025');
    expect(shownInSpec(uptake.charts.find((c) => c.name === 'budget-impact')!.spec)).toContain('Bruttoudgift (mio. kr.)');
    // A tooltip field without a title shows its key ("region", "stage", "clinic") on a Danish page.
    const untitled: string[] = [];
    const walk = (v: unknown, chart: string): void => {
      if (Array.isArray(v)) v.forEach((x) => walk(x, chart));
      else if (v !== null && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === 'tooltip') for (const f of [x].flat() as { field?: string; title?: string }[]) if (f && typeof f === 'object' && f.field && !f.title) untitled.push(`${chart}: ${f.field}`);
          walk(x, chart);
        }
      }
    };
    for (const c of [...meta.charts, ...uptake.charts]) walk(c.spec, c.name);
    expect(untitled).toEqual([]);
    // Danish number formats in the charts: the locale makes vega write 1.586 and 0,74.
    for (const c of [...meta.charts, ...uptake.charts]) expect(JSON.stringify(c.spec), c.name).toContain('"decimal":",","thousands":"."');
    expect(JSON.stringify(uptake.charts[0]!.spec)).toContain('"jan."'); // Danish month names on the time axis
  });

  it('the "rows left out" table words its problems in Danish', () => {
    expect(problemText('a number from 0 to 24 (Roland-Morris Disability Questionnaire)', 'da')).toBe('et tal fra 0 til 24 (Roland-Morris Disability Questionnaire)');
    expect(problemText('a patient id (the cell is empty)', 'da')).toBe('et patient-id (cellen er tom)');
    expect(problemText('an arm value: "app" (intervention) or "usual" (control), as in the plan\'s "arms"', 'da')).toBe('en gruppe: "app" (intervention) eller "usual" (kontrol), som i planens "arms"');
    expect(problemText('a patient id (the cell is empty)', 'en')).toBe('a patient id (the cell is empty)');
    // The instrument by its Danish name, its range with an en dash (a council editor found the English one).
    expect(problemText('a whole number from 0 to 10 (Pain intensity (NRS 0–10))', 'da')).toBe('et helt tal fra 0 til 10 (Smerteintensitet (NRS 0–10))');
  });

  // The terminal says what the Danish page says (docs/cli.md, --lang): found by a council editor.
  it('`hta analyze --lang da` text (trial and registry) has no English, no codes and the glossary\'s forms', async () => {
    const { trial, result } = bundledTrial();
    const text = trialSummaryText(result, trial, 'da') + trialWarningLines(result, trial, 'da').join('\n');
    expect(problems(text, englishOnly)).toEqual([]);
    // The plan's Danish labels, "3 måneder", the levels' Danish names, "omvægtet" (no "raking").
    expect(text).toContain('Fysisk funktionsniveau (RMDQ 0–24), 3 måneder — efter rekrutteringssted');
    for (const level of ['fysioterapeut', 'kiropraktor', 'rygklinik', 'almen praksis']) expect(text).toContain(`  ${level} `);
    expect(text).toContain('(omvægtet, designbaseret KI)');
    const english = /\b(Disability|Average pain|Worst pain|self-efficacy|Quality of life|Work ability|Pain-medication|improved|raking|physio|chiro|spine_clinic|gp)\b|\d+m\b|warning:/;
    expect(text).not.toMatch(english);

    const registry = loadTrial(readCsvFile('data/synthetic/registry-outcomes.csv'), loadPlanFile('data/plans/registry-outcomes.plan.json'));
    let out = '';
    let err = '';
    await analyzeObservationalCommand(registry, { stdout: (t) => (out += t), stderr: (t) => (err += t), stderrIsTTY: false }, { lang: 'da', force: false });
    expect(problems(out + err, englishOnly)).toEqual([]);
    expect(out + err).not.toMatch(english);
    // A proportion's difference in percentage points, as the registry page's Table 1.
    expect(out).toMatch(/RMDQ forbedret ≥ 30 %\s+3 måneder\s+ujusteret.*22,2 %-point \(16,5 til 28,0\)/);
    expect(err).toMatch(/^advarsel: Fysisk funktionsniveau \(RMDQ 0–24\), 3 måneder: 9 patienter med en manglende værdi/m);
  });

  it('`hta uptake --lang da` text and its note on stderr: Danish, Danish dates, "kr."', async () => {
    const a = await bundledAnalysis();
    const text = `${uptakeSummary(a, 'da')}\n${partialLastPeriod(a, 'da')}`;
    expect(problems(text.replace(/--previous <[^>]*>|\(docs\/[^)]*\)/g, ''), englishOnly)).toEqual([]);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|DKK|\b(the|export|ends|within)\b/);
    expect(text).toContain('udtrækket slutter før udgangen af december 2025');
    expect(partialLastPeriod(a, 'en')).toMatch(/^the export ends within 2025-12: /);
  });
});
