/**
 * Texts a Danish page would show in English: every `{ "en": … }` of a plan (or of the manifest
 * entry itself: a characteristic's label, a title) with no `"da"` beside it. The page falls back
 * to the English silently, so `hta report` and `hta plan check` on a manifest name each such text
 * for an entry in Danish (docs/manifest.md, "Danish reports").
 */
import { readJsonFile } from '../io/read-json.js';

/** One text with no Danish: where it is ("outcomes[5].label") and its English. */
export interface DanishGap {
  path: string;
  en: string;
}

/** Every `{ en }` without a non-empty `da` in a parsed JSON value, in document order. */
export function danishGaps(value: unknown, path = ''): DanishGap[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => danishGaps(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  if (typeof o.en === 'string') return typeof o.da === 'string' && o.da.trim() !== '' ? [] : [{ path, en: o.en }];
  return Object.entries(o).flatMap(([k, v]) => danishGaps(v, path ? `${path}.${k}` : k));
}

/** The warning for one file's gaps (none: undefined): `what` names the file ("plan plans/x.json"). */
export function danishGapWarning(what: string, gaps: readonly DanishGap[], maybe = false): string | undefined {
  if (!gaps.length) return undefined;
  const list = gaps.map((g) => `${g.path} ${JSON.stringify(g.en)}`).join(', ');
  const it = gaps.length === 1 ? 'it' : 'them';
  // A meta page names only the outcomes of its studies file, not every text of the plan it borrows.
  const shows = maybe ? `the Danish page shows ${it} in English where it names ${it} (a meta page names only the outcomes in its studies file)` : `the Danish page shows ${it} in English`;
  return `${what} has no Danish text ("da") for ${list}: ${shows}`;
}

/** A citation has a year or a DOI; a plain-string MCID source with neither is prose ("plan assumption: …"). */
const CITATION = /\b(?:19|20)\d\d\b|\b10\.\d{4,}\//;

/**
 * Plain-string `mcidSource`s that read as English prose, not a citation: a Danish page shows them
 * as written (a citation reads the same in any language; docs/plan-trial.md), so a sentence in
 * English would go out on it unnoticed. An instrument's source is a string only: its outcomes'
 * own `mcidSource` in `{ en, da }` replaces it.
 */
export function proseMcidSources(plan: unknown): DanishGap[] {
  if (plan === null || typeof plan !== 'object') return [];
  const p = plan as { outcomes?: unknown; instruments?: unknown };
  // plan init drafts "Ostelo et al. 2008 (VAS 0–100; check)": its "check" would print on the page.
  const prose = (s: unknown): s is string => typeof s === 'string' && s.trim() !== '' && (!CITATION.test(s) || /\bcheck\)/.test(s));
  const outcomes = Array.isArray(p.outcomes) ? p.outcomes : [];
  const fromOutcomes = outcomes.flatMap((o, i) => {
    const s = (o as { mcidSource?: unknown } | null)?.mcidSource;
    return prose(s) ? [{ path: `outcomes[${i}].mcidSource`, en: s }] : [];
  });
  const instruments = p.instruments !== null && typeof p.instruments === 'object' ? Object.entries(p.instruments as Record<string, unknown>) : [];
  const fromInstruments = instruments.flatMap(([k, v]) => {
    const s = (v as { mcidSource?: unknown } | null)?.mcidSource;
    return prose(s) ? [{ path: `instruments.${k}.mcidSource`, en: s }] : [];
  });
  return [...fromOutcomes, ...fromInstruments];
}

/**
 * A CEA plan's unit-costs CSV read for a Danish page: each item whose `source_da` is empty shows its
 * English `source` (docs/plan-cea.md). Named when the file gives a Danish source for some items
 * (the rest were left empty), or when the English is prose, not a citation.
 */
export function unitCostSourceWarning(file: string, costs: Readonly<Record<string, { source: string; sourceDa?: string }>>): string | undefined {
  const entries = Object.entries(costs);
  const someDa = entries.some(([, c]) => c.sourceDa !== undefined && c.sourceDa.trim() !== '');
  const gaps = entries.filter(([, c]) => (c.sourceDa === undefined || c.sourceDa.trim() === '') && (someDa || !CITATION.test(c.source)));
  if (!gaps.length) return undefined;
  const list = gaps.map(([item, c]) => `${item} ${JSON.stringify(c.source)}`).join(', ');
  // How to give it: a column `source_da` beside `source`, or a source column named `Kilde` when its text is Danish already.
  return `the unit costs ${file} have no Danish source ("source_da") for ${list}: the Danish page shows ${gaps.length === 1 ? 'it' : 'them'} in English — add a column "source_da" with the Danish text, or, if the "source" column is Danish already, name it "Kilde"`;
}

/** The warning for a plan's prose MCID sources (none: undefined). */
export function proseSourceWarning(what: string, gaps: readonly DanishGap[]): string | undefined {
  if (!gaps.length) return undefined;
  const list = gaps.map((g) => `${g.path} ${JSON.stringify(g.en)}`).join(', ');
  return `${what} gives ${list} as one text in English, not a citation (no year or DOI, or plan init's "check" left in): the Danish page shows ${gaps.length === 1 ? 'it' : 'them'} as written; write the outcome's "mcidSource" as { "en": …, "da": … } to have it in Danish`;
}

/**
 * The warnings for one manifest entry in Danish: its own texts, then its plan's (`readPlan` gives
 * the plan file's parsed JSON, or undefined when it cannot be read: the report says why itself).
 */
export function entryDanishWarnings(entry: Record<string, unknown>, readPlan: (path: string) => unknown): string[] {
  const own = danishGapWarning('the manifest entry', danishGaps(entry));
  const plan = typeof entry.plan === 'string' ? readPlan(entry.plan) : undefined;
  const what = `the plan ${entry.plan as string}`;
  const fromPlan = plan === undefined ? undefined : danishGapWarning(what, danishGaps(plan), entry.kind === 'meta');
  // Only a trial page names MCID sources (mcid-sources.ts); a meta page says "plan" or "instrument".
  const prose = plan === undefined || entry.kind !== 'trial' ? undefined : proseSourceWarning(what, proseMcidSources(plan));
  return [own, fromPlan, prose].filter((w): w is string => w !== undefined);
}

/**
 * The English texts a Danish page of this entry falls back to (those `entryDanishWarnings` names),
 * for the page to mark `lang="en"` (html-page.ts): its own and its plan's `{ en }` with no `da`.
 */
export function entryEnglishTexts(entry: Record<string, unknown>, readPlan: (path: string) => unknown): string[] {
  const plan = typeof entry.plan === 'string' ? readPlan(entry.plan) : undefined;
  return [...danishGaps(entry), ...(plan === undefined ? [] : danishGaps(plan))].map((g) => g.en);
}

/**
 * A plan for these warnings, read as every plan is (readJsonFile: a named pipe or a folder is
 * refused, not waited on; a BOM is tolerated; 10 MB at most), or undefined when it cannot be
 * read: the report says why when it builds. `toFile` turns the path as written into the file to
 * read (manifestInput: inside the manifest's folder), and may refuse it by throwing.
 */
export function quietPlanReader(toFile: (path: string) => string): (path: string) => unknown {
  return (path) => {
    try {
      return readJsonFile(toFile(path), 'plan');
    } catch {
      return undefined;
    }
  };
}
