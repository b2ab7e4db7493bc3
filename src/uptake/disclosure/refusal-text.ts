/**
 * The words the refusals before writing share (sensitive-range.ts, chain-refusal.ts;
 * docs/disclosure-control.md "Secondary suppression", "Publishing again"): who is refused, the
 * cells named — the first 20, then how many more — and the audit to run. Written once: the two
 * refusals listed their cells each in its own copy until the review of session 27. A Danish run
 * (`hta uptake --lang da`) gets them in the audit's Danish words (audit-text.ts: "til", the
 * thousands point, the breakdowns as the Danish pages print them; docs/glossary-da.md).
 */
import type { Lang } from '../../report/i18n.js';
import { auditCellName, auditNumber } from './audit-text.js';

/** Listed in a refusal; the rest are counted (the audit command it names lists them all). */
export const LISTED_CELLS = 20;

/** A cell the audit bounds, as a refusal lists it: "retained4w · Sjælland · 2025-12 · all=all: 0 … 4" ("0 til 4"). */
export function boundedCell(c: { cell: string; lower: number; upper: number }, lang: Lang): string {
  return `${auditCellName(c.cell, lang)}: ${auditNumber(c.lower, lang)} ${lang === 'da' ? 'til' : '…'} ${auditNumber(c.upper, lang)}`;
}

/** The first LISTED_CELLS lines, indented, and "… and N more (listedBy)" for the rest. */
export function listedCells(lines: readonly string[], listedBy: string, lang: Lang): string[] {
  const shown = lines.slice(0, LISTED_CELLS).map((l) => `  ${l}`);
  const more = lines.length - shown.length;
  if (more <= 0) return shown;
  return [...shown, lang === 'da' ? `  … og ${auditNumber(more, lang)} flere (${listedBy})` : `  … and ${more} more (${listedBy})`];
}

/**
 * Who is refused, for the message: `hta report` builds many publications from one manifest, each
 * with its own plan, and the user must be told which entry and which plan failed, and the
 * command that lists every cell (review of session 27, finding 3).
 */
export interface RefusalPlace {
  /** The manifest entry (`report "jan"`), put before the message. */
  entry?: string;
  /** The plan file of the run. */
  planFile?: string;
  /** The command that lists every cell the audit bounds (`hta uptake <registry> … --audit`). */
  auditCommand?: string;
  /** The run's language (`--lang`); English by default. */
  lang?: Lang;
}

/** What lists every cell: the command named below the message (a manifest's user ran none), or the run's own with --audit. */
export function listedBy(place: RefusalPlace): string {
  const da = place.lang === 'da';
  if (place.auditCommand !== undefined) return da ? 'kommandoen nedenfor viser dem alle' : 'the command below lists them all';
  return da ? 'hta uptake … --audit viser dem alle' : 'hta uptake … --audit lists them all';
}

/** The lines after the remedy: the audit command, where the place names one. */
export function auditCommandLines(place: RefusalPlace): string[] {
  if (place.auditCommand === undefined) return [];
  return [place.lang === 'da' ? `Kontrollen af denne offentliggørelse: ${place.auditCommand}` : `The audit of this publication: ${place.auditCommand}`];
}

/** The entry's name before the message, "report "jan": ". */
export const entryPrefix = (place: RefusalPlace): string => (place.entry !== undefined ? `${place.entry}: ` : '');

/** A path as typed in a POSIX shell: quoted only when it has to be. */
const shellWord = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** `hta uptake <registry> --eligible <file> --plan <plan> [--previous <file>…] --audit`, for the message. */
export function auditCommandFor(files: { registryFile?: string; eligibleFile: string; planFile?: string; previousFiles?: readonly string[] }): string {
  return ['hta uptake', ...(files.registryFile !== undefined ? [shellWord(files.registryFile)] : ['…']), '--eligible', shellWord(files.eligibleFile), '--plan', shellWord(files.planFile ?? '<plan>'),
    ...(files.previousFiles ?? []).flatMap((f) => ['--previous', shellWord(f)]), '--audit'].join(' ');
}
