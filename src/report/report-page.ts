/**
 * One report page as data: title, provenance, sections with a chart and/or tables. Report kinds
 * (trial, later meta and uptake) build it; `html-page.ts` and `markdown-page.ts` render it, so
 * index.html and README.md always carry the same content.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Lang } from './i18n.js';
import type { Table } from './text-table.js';

export interface ChartSpec {
  /** File stem: `<name>.vl.json`, `<name>.svg`, `<name>.png`. Lower-case letters, digits and -. */
  name: string;
  spec: TopLevelSpec;
  /** Alternative text for the image (what the chart shows). */
  alt: string;
  /**
   * The numbers the chart draws, as a table built from the same rows as its spec: for screen
   * readers and anyone who needs the values, where no table of the page holds them
   * (docs/report-trial.md#print, "Charts to a screen reader").
   */
  numbers?: Table;
}

export interface PageSection {
  id: string;
  title: string;
  /** Paragraphs before the content. */
  intro?: string[];
  /** Name of a chart of the same report. */
  chart?: string;
  /** "Figure 2. …": the chart's number and caption, shown under it. */
  chartCaption?: string;
  tables?: { caption?: string; table: Table }[];
  /** Paragraphs after the content (footnotes). */
  notes?: string[];
  /**
   * A chart's text version for screen readers (the participant flow in words): a list under a
   * collapsed <details> on screen, left out of print (the printed diagram says the same).
   */
  textVersion?: { summary: string; items: (string | { text: string; items: string[] })[] };
}

export interface ReportPage {
  lang: Lang;
  /**
   * Texts a Danish page shows in English for want of Danish (a plan's labels with no "da", the
   * input's citations): marked `lang="en"` on the page (html-page.ts, markEnglishPassages).
   */
  english?: string[];
  title: string;
  /** What the page was made from, as text; the renderers add "Regenerate with `hta report`." with the command as code. */
  provenance: string;
  /** That command, when not `hta report` alone (a manifest of the user's: regenerate-command.ts). */
  command?: string;
  /** results.json holds rows the page does not show (an uptake report's breakdowns by region and period): the link says so. */
  resultsHoldMore?: true;
  sections: PageSection[];
}

/** What a report kind produces before rendering. */
export interface ReportContent {
  page: ReportPage;
  charts: ChartSpec[];
  /** Machine-readable results, written as results.json. */
  results: unknown;
}
