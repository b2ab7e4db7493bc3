/**
 * index.html: one self-contained file (inline CSS, the page font as base64 @font-face, inline SVG,
 * no scripts, no external requests), readable on a laptop and printable on A4
 * (docs/report-trial.md#print). Each chart's SVG ids are prefixed with the chart name, as
 * all inline SVGs share one id space.
 */
import { CATALOGUE, pageAbbreviations } from './abbreviations.js';
import { REPORT_TEXT } from './i18n.js';
import { webFontFaceCss } from './render/chart-font.js';
import type { ReportPage } from './report-page.js';
import { escapeHtml, renderHtmlTable, type Table } from './text-table.js';

/**
 * What an index.html may load: its inline styles and `data:` fonts, nothing else. No script-src:
 * default-src 'none' refuses every script, inline ones too; base-uri and form-action are not
 * covered by default-src and are shut as well.
 */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; base-uri 'none'; form-action 'none'";

export const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #1a1a1a; background: #fff; }
main { max-width: 1200px; margin: 0 auto; padding: 24px 24px 64px; }
h1 { font-size: 1.6em; font-weight: normal; margin: 0 0 4px; }
h2 { font-size: 1.25em; font-weight: normal; margin: 40px 0 8px; padding-bottom: 4px; border-bottom: 1px solid #ccc; }
p { max-width: 80ch; }
.provenance { color: #555; font-size: 0.85em; }
.abbreviations { font-size: 0.85em; }
@media screen { .abbreviations.end { display: none; } }
/* The charts' text versions again at the page's end, for print only (a PDF has no <details>): on
   screen they are under each chart, and hidden here, so a screen reader meets them once. */
@media screen { .print-appendix { display: none; } }
abbr[title] { text-decoration: none; }
nav ol { columns: 2; column-gap: 3em; padding-left: 2em; max-width: 90ch; }
/* A long compound ("Envejsfølsomhedsanalyse") breaks inside its column on a phone, hyphenated
   where the browser knows the page's language, never running into the next column or widening the page. */
nav li { break-inside: avoid; overflow-wrap: anywhere; hyphens: auto; }
/* Contents links ≥ 24 px apart, line to line (WCAG 2.2 2.5.8 target size: 21 px before). */
nav li { padding: 2px 0; }
h1, h2 { overflow-wrap: anywhere; hyphens: auto; }
figure { margin: 12px 0; }
figure svg { display: block; max-width: 100%; height: auto; }
/* On a narrow screen a chart keeps a drawn width at which its 11 px text stays ≥ 8 px
   (--min-width, set per chart) and its box scrolls sideways instead (docs/report-trial.md#print). */
.chart-scroll { max-width: 100%; overflow-x: auto; }
@media screen { .chart-scroll > svg { min-width: var(--min-width, 0); } }
@media screen and (max-width: 600px) { main { padding: 16px 12px 48px; } nav ol { columns: 1; } }
.figcaption { font-size: 0.85em; color: #555; }
/* Words for screen readers only: a row header's outcome and visit (text-table.ts), shown by the rows around it. */
.vh { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
.figcaption .caption { display: block; font-weight: bold; color: #1a1a1a; }
.files { font-size: 0.85em; color: #555; margin: 0; }
.table-wrap { max-width: 100%; overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.85em; margin: 8px 0 16px; }
figure.table { margin: 8px 0 16px; }
figure.table > .figcaption { text-align: left; font-weight: bold; padding: 4px 0; font-size: 0.85em; color: inherit; }
figure.table > table { margin: 0; }
th, td { border-bottom: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
th { border-bottom: 2px solid #999; font-weight: normal; background: #f4f4f4; }
/* A row's header cell (its first column, text-table.ts) looks like the row's other cells. */
tbody th { border-bottom: 1px solid #ddd; background: none; }
td.num { text-align: right; white-space: nowrap; }
/* A number column's header wraps between its words: headed by a group's own label (a long
   "n …" of the registry's Table 1), a one-line header pushed the table past a 1280 px screen's text width. */
th.num { text-align: right; }
/* On a phone a number column wraps as in print (a number cell only between its pieces:
   text-table.ts numberCellHtml): with one-line headers and cells ("Recomputed from the synthetic
   export", "+€230 (−€136 to €595)") the CEA results table was wider than the screen, its numbers
   cut at the edge with no margin (docs/report-trial.md, "Phone width"). */
@media screen and (max-width: 600px) { td.num { white-space: normal; } }
/* A "stack" number cell (text-table.ts fit) wraps on any screen as it does in print: its interval,
   whole, under its value and unit. The registry's Table 1, its differences in their units
   ("−3.52 points (−4.06 to −2.97)"), was pushed to a 1,000 px window's edge on one-line cells,
   every text column squeezed to a word a line (docs/observational.md#units-in-the-report). */
@media screen { td.num.stack { white-space: normal; } td.stack span.interval { white-space: nowrap; } }
td.nowrap, tbody th.nowrap, span.nowrap { white-space: nowrap; }
td.wide, tbody th.wide { min-width: 10em; }
td.indent, tbody th.indent { padding-left: 24px; }
tr.group th, tr.group td { font-style: italic; border-bottom: none; padding-top: 8px; }
.notes { font-size: 0.85em; color: #333; }
@page { size: A4; margin: 8mm 12mm 9mm; }
@page landscape { size: A4 landscape; margin: 12mm 12mm 14mm; }
@media print {
  body { font-size: 9pt; line-height: 1.25; }
  main { max-width: none; padding: 0; }
  nav, .files, .text-version, .abbreviations.top { display: none; }
  /* The appendix of the charts' numbers: compact, each table under its figure's name. */
  .print-appendix { break-before: page; }
  .print-appendix h3 { font-size: 8pt; font-weight: bold; margin: 4pt 0 1pt; break-after: avoid; }
  .print-appendix ul { margin: 0 0 3pt; padding-left: 12pt; font-size: 8pt; }
  h1 { font-size: 14pt; }
  h2 { font-size: 11pt; margin: 8pt 0 3pt; padding-bottom: 2pt; break-after: avoid; }
  p { max-width: none; margin: 0 0 5pt; }
  /* Sections flow from page to page: the conclusion and summary start on page 1. */
  section { break-inside: auto; }
  section.landscape { page: landscape; }
  figure.chart { break-inside: avoid; margin: 6pt 0; }
  /* A section's heading and introduction stay on the page of its chart (when they fit together). */
  section > p:has(~ figure.chart) { break-inside: avoid; break-after: avoid; }
  /* A chart keeps to the page's width and, with its heading and caption, to one page's height
     (PORTRAIT_CHART_HEIGHT_PX): never cut at the page's foot. */
  figure svg { width: auto; max-width: 100%; height: auto; max-height: 238mm; }
  section.landscape figure svg { max-height: 167mm; }
  .table-wrap, .chart-scroll { overflow: visible; }
  /* Every printed text ≥ 8 pt (issue #15): tables too. */
  table { width: 100%; font-size: 8pt; line-height: 1.08; margin: 2pt 0 3pt; }
  /* A table's caption, header and first two rows stay together: never a caption or a header
     alone at a page's foot. */
  figure.table { margin: 2pt 0 3pt; }
  figure.table > .figcaption { font-size: 8pt; padding: 1pt 0; break-inside: avoid; break-after: avoid; }
  figure.table > table { margin: 0; }
  /* A short table (≤ SHORT_TABLE_LINES estimated printed lines, text-table.ts) prints whole, with its caption, on one page. */
  figure.table.short { break-inside: avoid; }
  thead { display: table-header-group; break-after: avoid; }
  thead + tbody > tr:first-child, thead + tbody > tr:nth-child(2), thead + tbody:has(> tr:only-child) + tbody > tr:first-child { break-before: avoid; }
  tr { break-inside: avoid; }
  /* The rows of one outcome (a block of text-table.ts's rowBlocks) stay on one page. */
  tbody.keep { break-inside: avoid; }
  th, td { padding: 0.3pt 2.5pt; }
  tr.group th, tr.group td { padding-top: 1.5pt; }
  /* A table wider than the page makes Chromium shrink the whole page below 8 pt: a number cell
     wraps (at its spaces) only when its table cannot fit otherwise. */
  td.num { white-space: normal; }
  /* An interval is one value on paper: "(−0,4 til 18,5)", never "(−0,4 til" / "18,5)" (text-table.ts). */
  span.interval { white-space: nowrap; }
  td.wide, tbody th.wide { min-width: 12.5em; }
  /* Room for a long row label and a short phrase, so rows stay a few lines high and the summary
     of findings with its footnotes fits pages 1–2. */
  td.label, tbody th.label { min-width: 10em; }
  td.compact, tbody th.compact { min-width: 6.5em; }
  /* A number column set apart from the number column before it: "0,004   0,0879", not "0,004 0,0879". */
  th.apart, td.apart, tbody th.apart { padding-left: 9pt; }
  /* A cost per QALY on one line: "7.359 EUR pr. vundet QALY" (the CEA sensitivity table's ICER). */
  td.ratio, tbody th.ratio { min-width: 14.5em; }
  .notes, .provenance, .abbreviations, .figcaption { font-size: 8pt; }
  .notes { line-height: 1.2; }
  /* The summary of findings with its footnotes fits page 1 under the conclusion (issue #15): fixed
     column shares, each cell two lines high (the outcome is said once, in its heading row); the
     footnotes as one block in two columns, kept with the table's last rows. */
  #summary-of-findings table { table-layout: fixed; }
  #summary-of-findings th:nth-child(1) { width: 14%; }
  #summary-of-findings th:nth-child(2) { width: 8.5%; }
  #summary-of-findings th:nth-child(3) { width: 13%; }
  #summary-of-findings th:nth-child(4) { width: 12.5%; }
  #summary-of-findings th:nth-child(5) { width: 10.5%; }
  #summary-of-findings th:nth-child(6) { width: 23.5%; }
  #summary-of-findings th:nth-child(7) { width: 18%; }
  #summary-of-findings th, #summary-of-findings td { min-width: 0; white-space: normal; padding-left: 2pt; padding-right: 2pt; }
  /* A plan's own arm label of one long word wraps inside its header, never into the next one. */
  #summary-of-findings th { overflow-wrap: anywhere; }
  #summary-of-findings td.indent, #summary-of-findings tbody th.indent { padding-left: 8pt; }
  /* (break-inside: avoid on this multi-column block, or on its notes, makes Chromium push notes to
     the next page even where the columns hold them.) */
  #summary-of-findings .notes-block { break-before: avoid; columns: 2; column-gap: 12pt; }
  #summary-of-findings .notes { margin: 0 0 1.5pt; }
}
`;


/** Printable width of a portrait A4 page in CSS px (210 mm − the @page margins, at 96 px per inch). */
export const PORTRAIT_PX = 720;

/**
 * The tallest chart a portrait page prints whole with its heading and caption: 238 mm of the
 * 267 mm between the @page margins (the print CSS's max-height); a taller one is scaled down.
 */
export const PORTRAIT_CHART_HEIGHT_PX = 900;

/** The same for a landscape A4 page (297 mm − margins), and the chart height that leaves room for a heading and caption (167 mm). */
const LANDSCAPE_PX = 1030;
const LANDSCAPE_CHART_HEIGHT_PX = 630;

/**
 * Whether a chart of this size prints on a landscape A4 page: wider than a portrait page and, once
 * scaled to the landscape width, low enough for the page with its heading.
 */
export function printsLandscape(size: { width: number; height: number }): boolean {
  return size.width > PORTRAIT_PX && size.height * Math.min(1, LANDSCAPE_PX / size.width) <= LANDSCAPE_CHART_HEIGHT_PX;
}

/**
 * The CSS px wide a chart of this size is printed at: its own width, or less when it is wider
 * than the page or taller than a page holds with its heading (scaled to fit; never enlarged).
 */
export function printedWidthPx(size: { width: number; height: number }): number {
  const landscape = printsLandscape(size);
  const scale = Math.min(1, (landscape ? LANDSCAPE_PX : PORTRAIT_PX) / size.width, (landscape ? LANDSCAPE_CHART_HEIGHT_PX : PORTRAIT_CHART_HEIGHT_PX) / size.height);
  return size.width * scale;
}

/** The width and height attributes of an SVG's root element (0 when absent). */
export function svgSize(svg: string | undefined): { width: number; height: number } {
  const attr = (name: string) => Number(new RegExp(`^<svg[^>]*\\s${name}="([\\d.]+)"`).exec(svg ?? '')?.[1] ?? 0);
  return { width: attr('width'), height: attr('height') };
}

/** Makes every id (and its references) of one inline SVG unique within the page. */
export function scopeSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, `id="${prefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${prefix}-$1"`)
    .replace(/^<svg /, `<svg role="img" `);
}

/** The smallest text of every chart, in px (docs/report-trial.md#print: chart text is 11 px). */
const CHART_FONT_PX = 11;
/** The smallest chart text a screen shows: a chart is never drawn narrower than this keeps. */
const MIN_SCREEN_TEXT_PX = 8;

/** The narrowest a chart is drawn on screen: its text stays ≥ MIN_SCREEN_TEXT_PX (a narrower screen scrolls the chart's box). */
export function chartMinWidthPx(size: { width: number }): number {
  return Math.ceil((size.width * MIN_SCREEN_TEXT_PX) / CHART_FONT_PX);
}

/** A table's box, scrolling sideways when the table is wider than the screen: focusable and named, so keyboard and screen-reader users can scroll it. */
function tableWrap(table: string, label: string): string {
  return `<div class="table-wrap" tabindex="0" role="region" aria-label="${escapeHtml(label)}">${table}</div>`;
}

/**
 * English passages on a Danish page, marked `lang="en"` so that a screen reader speaks them in
 * English (WCAG 2.1, 3.1.2 Language of Parts): a citation's journal ("Spine", "J Pain", "BMJ
 * Open", after "m.fl." and the year: the catalogue's MCID sources and a published file's citation
 * are written in English, citation-words.ts) and the English titles the pages cite ("Cochrane
 * Handbook"). Applied to the text between tags only, never inside a chart's SVG or the head.
 */
const ENGLISH_PASSAGES: readonly RegExp[] = [
  // "Ostelo RW m.fl. 2008, Spine 33(1)", "Kongstad m.fl. BMJ Open 2024;14", "Sandal m.fl., JAMA Intern Med 2021".
  /(?<=\bm\.fl\.,? (?:\d{4}, )?)[A-Z][A-Za-z]*\.?(?: [A-Z][A-Za-z]*\.?)*(?= \d)/g,
  /\bCochrane Handbook(?: for Systematic Reviews of Interventions)?/g,
];

/**
 * The pieces of a text known to be English that are worth marking: split at a Danish "m.fl." (a
 * citation's "et al." on a Danish page, citation-words.ts), each piece of at least 8 characters.
 */
function englishPieces(texts: readonly string[]): string[] {
  const pieces = texts.flatMap((t) => t.split(/\s*\bm\.fl\.,?\s*/)).map((p) => p.trim()).filter((p) => p.length >= 8 && /\p{L}{3}/u.test(p));
  // Longest first: a label inside a longer text is marked as part of the longer one.
  return [...new Set(pieces)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `english`: texts the page shows in English because they have no Danish — a plan's or manifest
 * entry's `{ "en" }` with no `"da"` (danish-gaps.ts: `hta report` warns of each), a citation as
 * the user's input gives it — marked wherever they stand whole in the page's text, before the
 * catalogue's passages (which are then not marked twice).
 */
export function markEnglishPassages(html: string, english: readonly string[] = []): string {
  const known = englishPieces(english).map((p) => escapeHtml(p));
  const knownRe = known.length === 0 ? undefined : new RegExp(`(?<![\\p{L}\\p{N}])(?:${known.map(escapeRe).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const pass = (input: string, mark: (text: string) => string) => {
    let skip = 0;
    // Open <span>s, each true when it is a lang="en" one: text inside those is English already.
    const spans: boolean[] = [];
    return input
      .split(/(<[^>]*>)/)
      .map((piece) => {
        if (piece.startsWith('<')) {
          // Inside the head's title and style, or a chart (its text is drawn, and named by its aria-label).
          if (/^<(svg|style|title|script)\b/.test(piece)) skip++;
          else if (/^<\/(svg|style|title|script)>/.test(piece) && skip > 0) skip--;
          else if (/^<span\b/.test(piece)) spans.push(/\blang="en"/.test(piece));
          else if (piece === '</span>') spans.pop();
          return piece;
        }
        if (skip > 0 || piece === '' || spans.includes(true)) return piece;
        return mark(piece);
      })
      .join('');
  };
  const wrap = (m: string) => `<span lang="en">${m}</span>`;
  const withKnown = knownRe ? pass(html, (text) => text.replace(knownRe, wrap)) : html;
  return pass(withKnown, (text) => ENGLISH_PASSAGES.reduce((t, re) => t.replace(re, wrap), text));
}

/**
 * An abbreviation's expansion in the list: on a Danish page the English name the catalogue keeps
 * ("Pain Self-Efficacy Questionnaire (handlekompetence)") is marked `lang="en"`, its Danish gloss not.
 */
function expansionHtml(full: string, english: string | undefined): string {
  // One word for both ("euro") is Danish too: only an English name with a Danish gloss is marked.
  if (english === undefined || english === '' || english === full || !full.startsWith(english)) return escapeHtml(full);
  return `<span lang="en">${escapeHtml(english)}</span>${escapeHtml(full.slice(english.length))}`;
}

/** A text version's items as a list, an item with items of its own nested (an arm's boxes under its name). */
function textVersionList(items: readonly (string | { text: string; items: string[] })[]): string {
  const li = (i: string | { text: string; items: string[] }): string =>
    typeof i === 'string' ? `<li>${escapeHtml(i)}</li>` : `<li>${escapeHtml(i.text)}\n<ul>\n${i.items.map(li).join('\n')}\n</ul></li>`;
  return `<ul>\n${items.map(li).join('\n')}\n</ul>`;
}

const APPENDIX_TEXT = {
  title: { en: "Appendix: the figures' numbers", da: 'Bilag: figurernes tal' },
} as const;

/**
 * The charts' text versions (their numbers tables, the diagrams in words) once more at the page's
 * end, shown in print only: a PDF has no collapsed <details>, and without them a printed chart is
 * one image with a few words of /Alt (WCAG 2.1 1.1.1 in the published PDF). Compact: 8 pt, each
 * under its figure's caption (docs/report-trial.md, "The figure's numbers").
 */
function printAppendix(page: ReportPage, svgs: ReadonlyMap<string, { alt: string; numbers?: Table }>): string[] {
  const entries = page.sections.flatMap((s) => {
    const c = s.chart === undefined ? undefined : svgs.get(s.chart);
    const name = escapeHtml(s.chartCaption ?? c?.alt ?? s.title);
    const numbers = c?.numbers ? [`<h3>${name}</h3>\n${renderHtmlTable(c.numbers)}`] : [];
    const words = s.textVersion ? [`<h3>${name}: ${escapeHtml(s.textVersion.summary)}</h3>\n${textVersionList(s.textVersion.items)}`] : [];
    return [...numbers, ...words];
  });
  if (entries.length === 0) return [];
  return [`<section class="print-appendix notes">\n<h2>${escapeHtml(APPENDIX_TEXT.title[page.lang])}</h2>\n${entries.join('\n')}\n</section>`];
}

export function htmlPage(page: ReportPage, svgs: ReadonlyMap<string, { svg: string; alt: string; numbers?: Table }>): string {
  const t = (k: keyof typeof REPORT_TEXT) => REPORT_TEXT[k][page.lang];
  const paragraphs = (ps: string[] | undefined, cls?: string) => (ps ?? []).map((p) => `<p${cls ? ` class="${cls}"` : ''}>${escapeHtml(p)}</p>`).join('\n');
  const sections = page.sections.map((s) => {
    // A chart wider than a portrait A4 page prints with its section on a landscape page, up to
    // ~1.5× the size — if it fits that page's height with its heading; a tall one stays portrait.
    const size = svgSize(s.chart === undefined ? undefined : svgs.get(s.chart)?.svg);
    const landscape = printsLandscape(size);
    const parts = [`<section id="${s.id}"${landscape ? ' class="landscape"' : ''}>`, `<h2>${escapeHtml(s.title)}</h2>`, paragraphs(s.intro)];
    if (s.chart) {
      const c = svgs.get(s.chart);
      if (c) {
        const links = ['svg', 'png', 'vl.json'].map((ext) => `<a href="${s.chart}.${ext}">${s.chart}.${ext}</a>`).join(', ');
        const svg = scopeSvgIds(c.svg, s.chart).replace(/^<svg /, `<svg aria-label="${escapeHtml(c.alt)}" `);
        const caption = s.chartCaption ? `<span class="caption">${escapeHtml(s.chartCaption)}</span>` : '';
        // A box keyboard users can scroll (focusable, named by the figure's caption) when the chart is wider than the screen.
        const scroll = `<div class="chart-scroll" tabindex="0" role="region" aria-label="${escapeHtml(s.chartCaption ?? c.alt)}" style="--min-width: ${chartMinWidthPx(size)}px">${svg}</div>`;
        // role="group": Chromium's tagged PDF makes a plain <figure> a /Figure with no /Alt around
        // the chart's own (an image to a PDF reader); a group is a /Div. Its caption is a <div>
        // naming it (aria-labelledby): ARIA in HTML allows a figure with a <figcaption> no role but
        // doc-example. The file links after the caption, not in it: the figure is named by its caption alone.
        const named = s.chartCaption ? ` aria-labelledby="caption-${s.chart}"` : '';
        parts.push(`<figure class="chart" role="group"${named} data-chart="${s.chart}">${scroll}<div class="figcaption"${s.chartCaption ? ` id="caption-${s.chart}"` : ''}>${caption}</div><p class="files">${t('chartFiles').replace('{links}', links)}</p></figure>`);
        // The chart's numbers in a table, for screen readers (the SVG is one image to them): collapsed
        // on screen; in print at the page's end (printAppendix).
        if (c.numbers) parts.push(`<details class="text-version notes chart-numbers"><summary>${escapeHtml(t('chartNumbers'))}</summary>\n${tableWrap(renderHtmlTable(c.numbers), `${t('chartNumbers')}: ${s.chartCaption ?? c.alt}`)}\n</details>`);
      }
    }
    for (const tb of s.tables ?? []) parts.push(tableWrap(renderHtmlTable(tb.table, tb.caption), tb.caption ?? s.title));
    if (s.textVersion) parts.push(`<details class="text-version notes"><summary>${escapeHtml(s.textVersion.summary)}</summary>\n${textVersionList(s.textVersion.items)}\n</details>`);
    // Several footnotes go in one block: print sets the summary of findings' in two columns.
    const notes = paragraphs(s.notes, 'notes');
    parts.push((s.notes?.length ?? 0) > 1 ? `<div class="notes-block">\n${notes}\n</div>` : notes, '</section>');
    return parts.filter((p) => p !== '').join('\n');
  });
  // Every abbreviation the page uses, written out once near the top (docs/report-trial.md, "Abbreviations").
  const abbreviations = pageAbbreviations(page, svgs);
  // Printed at the page's end instead: page 1 holds the conclusion and the summary of findings with its footnotes (issue #15).
  // The English name a Danish expansion keeps, from the catalogue's English entry.
  const englishOf = (a: { abbr: string; full: string }) => (page.lang === 'da' ? CATALOGUE.find((c) => c.da.abbr === a.abbr && c.da.full === a.full)?.en.full : undefined);
  const abbreviationList = (where: 'top' | 'end') => (abbreviations.length === 0 ? [] : [`<p class="abbreviations ${where}"><strong>${escapeHtml(t('abbreviations'))}:</strong> ${abbreviations.map((a) => {
    return `<abbr title="${escapeHtml(a.full)}">${escapeHtml(a.abbr)}</abbr> = ${expansionHtml(a.full, englishOf(a))}`;
  }).join('; ')}.</p>`]);
  const nav = `<nav><h2>${escapeHtml(t('contents'))}</h2><ol>${page.sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`).join('')}</ol></nav>`;
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${page.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    // Defence in depth (docs/output-safety.md#content-security-policy): the page needs only its
    // inline CSS (the <style> and a chart's style attribute) and its base64 font; no script,
    // image, frame or request of any kind is allowed, should an escaping slip ever let markup in.
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>\n${webFontFaceCss()}${CSS}</style>`,
    '</head>',
    '<body><main>',
    `<h1>${escapeHtml(page.title)}</h1>`,
    `<p class="provenance">${escapeHtml(page.provenance)} ${escapeHtml(t('regenerate')).replace('{command}', `<code>${escapeHtml(page.command ?? 'hta report')}</code>`)} ${t(page.resultsHoldMore ? 'resultsFileMore' : 'resultsFile').replace('{link}', '<a href="results.json">results.json</a>')}</p>`,
    ...abbreviationList('top'),
    nav,
    ...sections,
    ...printAppendix(page, svgs),
    ...abbreviationList('end'),
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
  return page.lang === 'da' ? markEnglishPassages(html, page.english) : html;
}
