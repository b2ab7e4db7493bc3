/** Plain-text and Markdown tables from rows of cells: one layout, two renderers. */
import { pageText, visibleName } from '../io/visible-text.js';
import { withConfidenceLevels } from './confidence-label.js';
import { textWidth as width } from './text-width.js';

export interface Table {
  header: string[];
  rows: string[][];
  /** Per column: right-align numbers. */
  align?: ('left' | 'right')[];
  /**
   * Per column, for the HTML page: `nowrap` keeps short cells ("3 months") on one line, `wide`
   * gives a phrase column room so it does not wrap one word a line on A4, `label` a row-label
   * column room for a long name (a target population's), `compact` a short phrase ("RR 1.35
   * (1.03 to 1.77)") room for two lines rather than five, `ratio` a cost per QALY room for one line
   * (docs/report-trial.md#print), `apart` a number column more space from the number column before
   * it (a p and an MCID right-aligned side by side read as one number), `stack` a number column
   * whose interval goes under its value on a screen too, as in print (a long unit: the registry's
   * "−3.52 points (−4.06 to −2.97)").
   */
  fit?: ('nowrap' | 'wide' | 'label' | 'compact' | 'ratio' | 'apart' | 'stack' | undefined)[];
  /**
   * Per row, for print: consecutive rows with the same key are one block that a page does not
   * split (an outcome's rows at every follow-up). Without it, `rowBlocks` finds the blocks.
   */
  blockKeys?: string[];
}

/**
 * A plain-text table, measured as it is printed: a control character in a cell (a label or
 * category of the user's, `\t` or `ESC [2K`) is written visibly (`\x09`, `\x1b`: visibleName,
 * src/io/visible-text.ts) before the columns are measured. Measured raw, the escape printed
 * later made the cell wider than its column, and a tab jumped to the terminal's next stop:
 * every column after it moved. Widths are terminal columns (text-width.ts): a decomposed "Å"
 * is one, a CJK character two.
 */
export function renderTextTable(raw: Table): string {
  const t = { ...raw, header: raw.header.map(visibleName), rows: raw.rows.map((r) => r.map(visibleName)) };
  const widths = t.header.map((h, i) => Math.max(width(h), ...t.rows.map((r) => width(r[i] ?? ''))));
  const pad = (s: string, i: number) => {
    const fill = ' '.repeat((widths[i] as number) - width(s));
    return t.align?.[i] === 'right' ? fill + s : s + fill;
  };
  const line = (cells: string[]) => cells.map(pad).join('  ').trimEnd();
  return [line(t.header), widths.map((w) => '─'.repeat(w)).join('  '), ...t.rows.map(line)].join('\n') + '\n';
}

/** A table laid out at a confidence level: its header relabelled first (confidence-label.ts), so the columns stay aligned at any level. */
export function renderTextTableAt(t: Table, confLevel: number): string {
  return renderTextTable(withConfidenceLevels(t, confLevel));
}

/**
 * Text that Markdown (CommonMark and GitHub's tables, raw HTML allowed) renders as exactly that
 * text: no emphasis, code, links, images, strike-through, entities or HTML can come out of it
 * (docs/output-safety.md). Line breaks become spaces (a label cannot start a new block).
 *
 * Kept minimal so ordinary text (`<5`, `p < 0.05`, `[−1.5 to −0.1]`) stays as it is: `<` is
 * escaped only where it could open a tag, comment or autolink, `&` only where it would form an
 * entity, and `]` only before `(` — without `](` there is no inline link or image, and a
 * reference link needs a definition, which only a paragraph starting with `[` could make
 * (escapeMarkdownBlock). Bidi formatting and control characters go first (pageText,
 * src/io/visible-text.ts). `brackets: 'all'` escapes every bracket (for text inside `![…]`).
 */
export function escapeMarkdown(s: string, brackets: 'link' | 'all' = 'link'): string {
  const escaped = pageText(s)
    .replace(/\n/g, ' ')
    .replace(/[\\`*_~]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/<(?=[A-Za-z/!?])/g, '&lt;');
  return brackets === 'all' ? escaped.replace(/[[\]]/g, '\\$&') : escaped.replace(/\](?=\()/g, '\\]');
}

/**
 * `escapeMarkdown` for text that starts a block (a paragraph): also a leading `#`, `>`, `[`
 * (a link definition), list marker (`- `, `+ `, `1. `) or rule (`---`) is escaped, so the text
 * stays one plain paragraph.
 */
export function escapeMarkdownBlock(s: string): string {
  return escapeMarkdown(s)
    .replace(/^(\s*)([#>[])/, '$1\\$2')
    .replace(/^(\s*)([-+=])(?=[\s\-+=]|$)/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/** A GitHub-flavoured Markdown table; every cell is escaped (escapeMarkdown, and `|`). */
export function renderMarkdownTable(t: Table): string {
  const esc = (s: string) => escapeMarkdown(s).replace(/\|/g, '\\|');
  const sep = t.header.map((_, i) => (t.align?.[i] === 'right' ? '---:' : '---'));
  return [t.header, sep, ...t.rows].map((r) => `| ${r.map(esc).join(' | ')} |`).join('\n') + '\n';
}

/** Text for HTML content and attribute values (pageText: no bidi formatting, no raw control character). */
const HTML_SPECIAL = /[&<>"]/;
export const escapeHtml = (s: string) => {
  const text = pageText(s);
  // Most cells hold none of the four: one test instead of four replaces.
  return HTML_SPECIAL.test(text) ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;') : text;
};

/** A row whose cells after the first are all empty: a group heading ("Sex, n (%)" above its levels). */
const isGroupHeading = (r: readonly string[]) => r.length > 1 && r.slice(1).every((c) => c === '');

/**
 * The table's rows in blocks that belong together, which a printed page does not split
 * (docs/report-trial.md#print):
 * - a row and the rows under it whose first cell is empty (the same outcome and follow-up:
 *   "Disability, 3 months" / trial population, then its target-population rows) or indented;
 * - a group heading and its rows: its indented levels when the row under it is indented ("Sex,
 *   n (%)" / Female / Male, then "Age" starts a block of its own), else every row up to the next
 *   heading (an outcome's follow-ups in the summary of findings, their indented rows included).
 */
export function rowBlocks<R extends readonly string[]>(rows: readonly R[]): R[][] {
  const blocks: R[][] = [];
  let levelsOnly = false;
  for (const r of rows) {
    const block = blocks.at(-1);
    const under = (r[0] ?? '') === '' || (r[0] ?? '').startsWith('  ');
    if (isGroupHeading(r) || !block) {
      blocks.push([r]);
      levelsOnly = false;
      continue;
    }
    const heading = isGroupHeading(block[0]!);
    if (heading && block.length === 1) levelsOnly = under;
    if (under || (heading && !levelsOnly)) block.push(r);
    else blocks.push([r]);
  }
  return blocks;
}

/**
 * A header's text for a narrow printed column: "95 %-KI" / "95% CI" kept on one line (Chromium
 * breaks after the hyphen), and a Danish compound ending in "gruppe(n)" given a soft hyphen before
 * it ("Med kontrol-/gruppe"), so a neutral arm name wraps inside its column, not into the next.
 */
function headerHtml(h: string): string {
  return escapeHtml(h)
    .replace(/(\d+ ?%[- ](?:CI|KI))/g, '<span class="nowrap">$1</span>')
    // An arm's size is one value: "(n = 232)", never "(n =" / "232)".
    .replace(/(\(?n = [\d.,]+\)?)/g, '<span class="nowrap">$1</span>')
    // The CEA sensitivity table's probability header: its one long word may break where the
    // compound does, so its column does not take the ICER's room ("omkostnings-effektivitet").
    .replace(/omkostningseffektivitet/g, 'omkostnings&shy;effektivitet')
    .replace(/(\p{Ll}{3,})(gruppen?)(?!\p{L})/gu, '$1&shy;$2')
    // GRADE's "Participants (studies)" in the summary of findings' narrow column: "Partici-pants",
    // not "Participan|ts".
    .replace(/\bParticipants\b/g, 'Partici&shy;pants');
}

/**
 * A number cell, which the print stylesheet (and a phone's screen) lets wrap when its table would
 * not fit the page: it breaks only before its interval's "(" and in a ratio's words after its value
 * ("7.359 EUR" / "pr. vundet QALY"), never inside "22,2 %-point", "−1,08", "< 0,001" or "(−€136"
 * (each piece is kept whole). An interval "(−0,4 til 18,5)" is whole in print (class "interval",
 * html-page.ts: a Danish reader found "(−0,4 til" / "18,5)" on two lines) and may break after
 * "til"/"to" only on a phone's screen. Money counts ("+€235 (€74 to €390)"): its currency sign may
 * come before the digits.
 */
function numberCellHtml(s: string): string {
  // (An interval alone, "(36.1 to 48.5)", as a chart's numbers table gives a CI in a column of its own, is a number cell too.)
  if (!/^\(?[\u2212+\-]?(?:[<>≤≥] ?)?[€$£]?\d/.test(s)) return escapeHtml(s);
  const pieces = s.split(/ (?=\()| (?=(?:pr\.|per) )/);
  if (pieces.length === 1 && !/[-\s]/.test(s)) return escapeHtml(s);
  // A piece of one value, with its comparator or unit ("< 0,001", "7.359 EUR", "5.5 points"), is
  // whole; in a longer one ("438 in the model") only the value is, and its words wrap: whole, such
  // cells widened tables on a phone (a reviewer: selfback Table 7 395 → 432 px at 375 px).
  const nowrap = (p: string) => {
    const words = p.split(' ');
    if (words.length <= 2) return `<span class="nowrap">${escapeHtml(p)}</span>`;
    const head = /^[<>≤≥]$/.test(words[0]!) ? 2 : 1;
    return `<span class="nowrap">${escapeHtml(words.slice(0, head).join(' '))}</span> ${escapeHtml(words.slice(head).join(' '))}`;
  };
  return pieces.map((p) => {
    // A ratio's words wrap as text ("pr. vundet QALY"); the value before them is whole.
    if (/^(?:pr\.|per) /.test(p)) return escapeHtml(p);
    const halves = p.split(/(?<=\b(?:til|to)) /);
    return halves.length === 1 ? nowrap(p) : `<span class="interval">${halves.map(nowrap).join(' ')}</span>`;
  }).join(' ');
}

/**
 * An outcome's label in a narrow printed column: it wraps between its words, but an instrument's
 * range "(NRS 0–10)" and a threshold "≥ 5 points" stay whole (docs/report-trial.md#print: a value
 * never breaks; a reviewer found "(NRS 0–" / "10)" and "≥ 5" / "points" in Tables 6 and 7).
 */
const WHOLE_IN_LABEL = /(\([^()]{0,24}\d[^()]{0,24}\)|[≥≤<>] ?[\d.,]+(?: ?%| \p{L}+)?)/u;

export function labelCellHtml(s: string): string {
  return s
    .split(WHOLE_IN_LABEL)
    .map((piece, i) => (i % 2 === 1 ? `<span class="nowrap">${escapeHtml(piece)}</span>` : escapeHtml(piece)))
    .join('');
}

/** Consecutive rows with the same key, in blocks. */
function keyedBlocks<R>(rows: readonly R[], keys: readonly string[]): R[][] {
  const blocks: R[][] = [];
  rows.forEach((r, i) => {
    if (i > 0 && keys[i] === keys[i - 1]) blocks.at(-1)!.push(r);
    else blocks.push([r]);
  });
  return blocks;
}

/**
 * A captioned table is kept on one page in print when it is short: up to SHORT_TABLE_LINES printed
 * lines, a row counted as ~ROW_CHARS characters a line of A4 at 8 pt (docs/report-trial.md#print).
 * Kept whole, a table leaves the foot of the page before it empty: a tall one (the registry page's
 * 12 rows of verdicts, 2–4 lines each) would leave half a page.
 */
export const SHORT_TABLE_LINES = 15;
const ROW_CHARS = 110;

/** The printed lines of a table's body, roughly: each row's text over the page's width. */
export function estimatedLines(rows: readonly (readonly string[])[]): number {
  return rows.reduce((n, r) => n + Math.max(1, Math.ceil(r.join('').length / ROW_CHARS)), 0);
}

/**
 * GRADE's certainty symbols ("⊕⊕⊕◯ Moderate") hidden from screen readers, which spell each one out
 * ("circled plus circled plus…"): the word beside them says the same (WCAG 2.1 1.3.1).
 */
export function hideGradeSymbols(html: string): string {
  return html.replace(/[⊕◯]{4}/g, (m) => `<span aria-hidden="true">${m}</span>`);
}

/**
 * An id for a table's caption, from its text: captions are numbered ("Table 3. …", numberCaptions),
 * so two tables of one page never share one. Letters and digits of any script kept, the rest "-".
 */
export function captionId(caption: string): string {
  return `caption-${caption.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60).replace(/^-|-$/g, '')}`;
}

/** An HTML table of the same layout: group headings, indented cells (two leading spaces), blocks of rows kept together in print. */
export function renderHtmlTable(t: Table, caption?: string): string {
  const cls = (i: number) => {
    const names = [t.align?.[i] === 'right' ? 'num' : '', t.fit?.[i] ?? ''].filter(Boolean);
    return names.length ? ` class="${names.join(' ')}"` : '';
  };
  // A screen reader announces a cell with its column's header and its row's (WCAG 2.1, 1.3.1):
  // every header cell says which it heads, and a text first column — the outcome, visit, region or
  // characteristic the row is about — is the row's header (a first column of numbers is data).
  const rowHeaders = t.align?.[0] !== 'right';
  // Rows of a group heading's shape after the last row of data ("Dashed: ±MCID (5)" under a forest
  // plot's numbers) head nothing: notes, data cells across the table.
  const lastData = t.rows.findLastIndex((r) => !isGroupHeading(r));
  // A first column that does not name its row alone — the same label in consecutive rows ("Age
  // band (years)" over each band, a year over its scenarios), or empty in rows continuing the one
  // above (an outcome over its populations) — makes a text second column a row header too: the
  // band, scenario or population is what tells the row from its neighbours.
  const firsts = t.rows.filter((r) => !isGroupHeading(r)).map((r) => r[0] ?? '');
  const secondHeads = rowHeaders && t.header.length > 2 && t.align?.[1] !== 'right'
    && firsts.some((f, k) => f.trim() === '' || (k > 0 && f === firsts[k - 1]));
  // A row header names its outcome and visit, not only what tells it from its neighbours (WCAG 2.1
  // 1.3.1; docs/report-trial.md, "Tables to a screen reader"): `context`, said to screen readers
  // only (class "vh"), is the group heading over the row ("Disability (RMDQ 0–24) (critical; …)")
  // and, for an indented row, the row it is indented under ("3 months"). Screen readers announce a
  // scope="rowgroup" header unreliably (NVDA repeats every one of the column, JAWS none).
  const cell = (s: string, i: number, o: { context?: string; rowspan?: number } = {}) => {
    const indent = i === 0 && s.startsWith('  ');
    const text = indent ? s.trimStart() : s;
    const html = hideGradeSymbols(t.align?.[i] === 'right' && !indent ? numberCellHtml(s) : t.fit?.[i] === 'label' ? labelCellHtml(text) : escapeHtml(text));
    // An empty first cell (a row continuing the one above) names nothing: data, not a header.
    const tag = ((i === 0 && rowHeaders) || (i === 1 && secondHeads)) && text.trim() !== '' ? 'th' : 'td';
    const context = tag === 'th' && i === 0 && o.context ? `<span class="vh">${escapeHtml(o.context)}: </span>` : '';
    const span = (o.rowspan ?? 1) > 1 ? ` rowspan="${o.rowspan}"` : '';
    return `<${tag}${tag === 'th' ? ' scope="row"' : ''}${span}${indent ? ' class="indent"' : cls(i)}>${context}${html}</${tag}>`;
  };
  const head = `<thead><tr>${t.header.map((h, i) => `<th scope="col"${cls(i)}>${headerHtml(h)}</th>`).join('')}</tr></thead>`;
  const blocks = t.blockKeys ? keyedBlocks(t.rows, t.blockKeys) : rowBlocks(t.rows);
  // A block's rows, each with what its header needs: a group heading heads the rows below it in its
  // <tbody> (its words in each row's header), and a first cell over the rows continuing it (theirs
  // empty: an outcome over its populations) spans them, so it heads each of them (rowspan).
  const blockHtml = (b: readonly string[][]) => {
    // Per row, how many rows its first cell spans: 1, more over the rows continuing it, 0 in those.
    const spans = b.map(() => 1);
    if (rowHeaders) {
      b.forEach((r, k) => {
        if (k === 0 || isGroupHeading(r) || (r[0] ?? '') !== '') return;
        let j = k - 1;
        while (j > 0 && spans[j] === 0) j--;
        const above = b[j]!;
        if (isGroupHeading(above) || (above[0] ?? '').trim() === '') return;
        spans[j]!++;
        spans[k] = 0;
      });
    }
    let group: string | undefined;
    let parent: string | undefined;
    return b.map((r, k) => {
      if (isGroupHeading(r)) {
        group = r[0] ?? '';
        parent = undefined;
        return t.rows.indexOf(r) > lastData
          ? `<tr class="group"><td colspan="${t.header.length}">${escapeHtml(r[0] ?? '')}</td></tr>`
          : `<tr class="group"><th scope="rowgroup" colspan="${t.header.length}">${escapeHtml(r[0] ?? '')}</th></tr>`;
      }
      const first = r[0] ?? '';
      const indented = first.startsWith('  ');
      if (!indented && first.trim() !== '') parent = first.trim();
      const context = [group, indented ? parent : undefined].filter((x): x is string => x !== undefined && x !== '').join(', ');
      const cells = r.map((c, i) => (i === 0 && spans[k] === 0 ? '' : cell(c, i, i === 0 ? { context, rowspan: spans[k] } : {}))).join('');
      return `<tr>${cells}</tr>`;
    });
  };
  // One <tbody> per block of rows that belong together (an outcome's), which print keeps on one
  // page (html-page.ts: tbody.keep); a table of single rows keeps its one <tbody>.
  const body = blocks.every((b) => b.length === 1)
    ? `<tbody>\n${blocks.flatMap(blockHtml).join('\n')}\n</tbody>`
    : blocks.map((b) => `<tbody${b.length > 1 ? ' class="keep"' : ''}>\n${blockHtml(b).join('\n')}\n</tbody>`).join('\n');
  const table = `<table>${head}${body}</table>`;
  // The caption is the figure's, not a <caption> of the table: Chromium's print layout keeps a
  // block caption with the table's first rows (break-after: avoid) but leaves a <caption> alone
  // at a page's foot (html-page.ts's print CSS).
  // A short table prints whole with its caption (class "short", html-page.ts): split, the tail of
  // Table 2's 13 rows filled a sixth of a page and its caption stood over 3 rows a page before.
  const short = estimatedLines(t.rows) <= SHORT_TABLE_LINES ? ' short' : '';
  if (!caption) return `${table}\n`;
  // role="group": Chromium's tagged PDF makes a plain <figure> a /Figure (a graphic, with no /Alt),
  // the table a child of it; a group is a /Div, and the table a /Table. The caption is a <div>
  // naming both (aria-labelledby): ARIA in HTML allows a figure with a <figcaption> no role but
  // doc-example. Named, a table is announced by its caption to a screen reader jumping from table to table.
  const id = captionId(caption);
  return `<figure class="table${short}" role="group" aria-labelledby="${id}"><div class="figcaption" id="${id}">${escapeHtml(caption)}</div>${table.replace(/^<table>/, `<table aria-labelledby="${id}">`)}</figure>\n`;
}
