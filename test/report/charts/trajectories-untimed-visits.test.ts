/**
 * The trajectories chart with visits hta cannot time, named as an eCRF names them ("Opfølgning 1
 * (telefonkontakt)" …): every name printed whole on the x axis (never cut with "…"), and no text of
 * the chart drawn over another — a name reaching past its panel's edge ran into the next panel's
 * y-axis title, and five such visits were cut to "Opfølgning 1 (telefonkon…". The chart's text
 * prints at ≥ 8 pt on the page it prints on (docs/report-trial.md#print): its drawn width and
 * height, judged as the page judges them (html-page.ts `printedWidthPx`: landscape only when it
 * fits that page's height). Widening the panels for the names once gave four outcomes and six or
 * eight visits a chart too tall for the landscape page, printed portrait at 6–7.8 pt. Checked on
 * the drawn SVG, every text's box placed as drawn and measured with the chart font's widths.
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../src/analysis/results-schema.js';
import { trajectoriesSpec } from '../../../src/report/charts/trajectories.js';
import { wrapLines } from '../../../src/report/charts/two-lines.js';
import { type TrialChartContext, trialChartContext } from '../../../src/report/charts/trial-chart-context.js';
import { printedWidthPx } from '../../../src/report/html-page.js';
import type { Lang } from '../../../src/report/i18n.js';
import { chartTextWidth } from '../../../src/report/render/text-metrics.js';
import { renderChart } from '../../support/render-chart.js';
import { bundledTrial } from '../trial-report-support.js';

interface Box { text: string; element: number; x0: number; x1: number; y0: number; y1: number }

/**
 * Every drawn line of text in the SVG as a box in the chart's coordinates: the groups' translations
 * summed, a label's `rotate(-90)` turned, each tspan line a line height lower, its width by the
 * font, its height the font's ascent (0.8 em) above the baseline and descent (0.2 em) below.
 */
function textBoxes(svg: string): Box[] {
  const stack: [number, number][] = [[0, 0]];
  const boxes: Box[] = [];
  let element = 0;
  for (const m of svg.matchAll(/<g\b([^>]*)>|<\/g>|<text\b([^>]*)>(.*?)<\/text>/gs)) {
    if (m[0].startsWith('</g')) {
      stack.pop();
      continue;
    }
    const [px, py] = stack.at(-1)!;
    if (m[0].startsWith('<g')) {
      const t = /transform="translate\(([-\d.e]+),([-\d.e]+)\)"/.exec(m[1]!);
      stack.push(t ? [px + Number(t[1]), py + Number(t[2])] : [px, py]);
      continue;
    }
    element++;
    const attrs = m[2]!;
    const size = Number(/font-size="([\d.]+)px"/.exec(attrs)![1]);
    const anchor = /text-anchor="(\w+)"/.exec(attrs)?.[1] ?? 'start';
    const tf = /transform="translate\(([-\d.e]+),([-\d.e]+)\)( rotate\((?:-90|270)\))?(?: translate\(([-\d.e]+),([-\d.e]+)\))?"/.exec(attrs)!;
    const [tx, ty, rotated, ux, uy] = [Number(tf[1]), Number(tf[2]), tf[3] !== undefined, Number(tf[4] ?? 0), Number(tf[5] ?? 0)];
    const content = m[3]!;
    const tspans = [...content.matchAll(/<tspan([^>]*?)(?:\/>|>([^<]*)<\/tspan>)/g)];
    let dy = 0;
    const lines = tspans.length === 0 ? [{ text: content, dy: 0 }] : tspans.map((t) => ({ text: t[2] ?? '', dy: (dy += Number(/dy="([-\d.]+)"/.exec(t[1]!)?.[1] ?? 0)) }));
    for (const line of lines) {
      const text = line.text.replace(/\u200b/g, '');
      if (text.trim() === '') continue;
      const w = chartTextWidth({ fontSize: size }, text);
      // In the text's own frame: x along the line, y down from the baseline.
      const lx0 = ux + (anchor === 'middle' ? -w / 2 : anchor === 'end' ? -w : 0);
      const [ly0, ly1] = [uy + line.dy - 0.8 * size, uy + line.dy + 0.2 * size];
      boxes.push(
        rotated
          ? { text, element, x0: px + tx + ly0, x1: px + tx + ly1, y0: py + ty - (lx0 + w), y1: py + ty - lx0 }
          : { text, element, x0: px + tx + lx0, x1: px + tx + lx0 + w, y0: py + ty + ly0, y1: py + ty + ly1 },
      );
    }
  }
  return boxes;
}

/**
 * Pairs of lines of different texts drawn over or against each other: less than 1.5 px apart both
 * ways (two lines of one label are 2 px apart, a 13 px line height for 11 px text).
 */
function overlaps(boxes: Box[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      if (a.element === b.element) continue;
      if (Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > -1.5 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > -1.5) out.push(`"${a.text}" × "${b.text}"`);
    }
  }
  return out;
}

/** The bundled trial with its follow-ups renamed as `names` (a visit not named is left out), as a plan with untimed visits gives them. */
function renamed(lang: Lang, names: string[]): { result: AnalysisResult; ctx: TrialChartContext } {
  const { trial, result } = bundledTrial();
  const base = trialChartContext(trial, lang);
  const byVisit = new Map(base.visits.map((v, k) => [v, k === 0 ? v : names[k - 1]]));
  const kept = (v: string) => byVisit.get(v) !== undefined;
  return {
    ctx: { ...base, visits: base.visits.filter(kept).map((v) => byVisit.get(v)!) },
    result: { ...result, descriptives: result.descriptives.filter((d) => kept(d.time)).map((d) => ({ ...d, time: byVisit.get(d.time)! })) },
  };
}

/**
 * `renamed` with `outcomes` continuous outcomes (the bundled ones again under new keys, so the grid
 * has two rows) and as many follow-ups as `names` (one beyond the trial's repeats its last means).
 */
function manyOutcomes(lang: Lang, names: string[], outcomes: number): { result: AnalysisResult; ctx: TrialChartContext } {
  const { trial, result } = bundledTrial();
  const base = trialChartContext(trial, lang);
  const continuous = [...new Set(result.descriptives.filter((d) => d.mean !== null && base.kindOf(d.outcome) === 'continuous').map((d) => d.outcome))];
  const src = (k: string) => continuous[Number(k.slice(1)) % continuous.length]!;
  const byVisit = new Map(base.visits.slice(0, names.length + 1).map((v, k) => [v, k === 0 ? v : names[k - 1]!]));
  const extra = names.slice(base.visits.length - 1);
  const descriptives: AnalysisResult['descriptives'] = [];
  for (let o = 0; o < outcomes; o++) {
    for (const d of result.descriptives.filter((x) => x.outcome === src(`o${o}`))) {
      if (byVisit.has(d.time)) descriptives.push({ ...d, outcome: `o${o}`, time: byVisit.get(d.time)! });
      if (d.time === base.visits.at(-1)) for (const e of extra) descriptives.push({ ...d, outcome: `o${o}`, time: e });
    }
  }
  const of = <T>(f: (k: string) => T) => (k: string) => f(src(k));
  return {
    ctx: { ...base, visits: [base.visits[0]!, ...names], outcomeLabel: of(base.outcomeLabel), unitOf: of(base.unitOf), decimalsOf: of(base.decimalsOf), kindOf: of(base.kindOf), directionOf: of(base.directionOf) },
    result: { ...result, descriptives },
  };
}

/** The size in pt the chart's 11 px text prints at, on the page html-page.ts prints it on. */
const printedPt = (size: { width: number; height: number }) => (11 * 0.75 * printedWidthPx(size)) / size.width;

const FIVE = ['Opfølgning 1 (telefonkontakt)', 'Opfølgning 2 (klinisk undersøgelse)', 'Opfølgning 3 (telefonkontakt)', 'Afsluttende klinisk undersøgelse'];
const LONG_LAST = ['Opfølgning 1 (telefonkontakt)', 'Opfølgning 2 (afsluttende telefonkontakt-opfølgning)'];

describe('trajectories: visit names from the plan, printed whole and apart', () => {
  for (const lang of ['da', 'en'] as const) {
    for (const [what, names] of [['five visits', FIVE], ['a long last name', LONG_LAST]] as const) {
      it(`${what} (${lang}): every name whole, no text over another, printable at ≥ 8 pt`, async () => {
        const { result, ctx } = renamed(lang, [...names]);
        const { svg, width, height } = await renderChart('t', trajectoriesSpec(result, ctx));
        const boxes = textBoxes(svg);
        expect(boxes.filter((b) => b.text.includes('…')).map((b) => b.text)).toEqual([]);
        // Each name's lines, read in order, give the name (one label per panel and visit).
        const labels = [...svg.matchAll(/<g class="mark-text role-axis-label"[^>]*>(.*?)<\/g>/g)].flatMap((g) =>
          [...g[1]!.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((t) => t[1]!.replace(/<tspan[^>]*?\/>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/\u200b/g, '').replace(/\s+/g, ' ').trim()),
        );
        for (const name of names) expect(labels.filter((l) => l === name).length).toBeGreaterThan(0);
        expect(overlaps(boxes)).toEqual([]);
        // 11 px text at ≥ 8 pt on the page it prints on, by its width and height.
        expect(printedPt({ width, height })).toBeGreaterThanOrEqual(8);
      });
    }
  }
});

/** Follow-ups as an eCRF names them: "Opfølgning 1 (telefonkontakt)" …, the last "Afsluttende klinisk undersøgelse". */
const followUps = (n: number) => Array.from({ length: n }, (_, k) => (k === n - 1 ? 'Afsluttende klinisk undersøgelse' : `Opfølgning ${k + 1} (${k % 2 ? 'klinisk undersøgelse' : 'telefonkontakt'})`));

describe('trajectories with untimed visits: printed at ≥ 8 pt with two rows of panels', () => {
  // [what, outcomes, names, names printed whole]
  const cases: [string, number, string[], boolean][] = [
    ['4 outcomes, 5 follow-ups', 4, followUps(5), true],
    ['4 outcomes, 7 follow-ups', 4, followUps(7), false],
    ['6 outcomes, 5 follow-ups', 6, followUps(5), false],
    // Words of some 280 px: whole, they need one panel a row, four rows, printed at 7 pt; cut instead.
    ['4 outcomes, two long compound words', 4, ['Behandlingsafslutningsopfølgningsundersøgelsen', 'Langtidsopfølgningstelefonkonsultationen'], false],
    ['4 outcomes, a word no chart holds', 4, ['A'.repeat(150), 'Slut'], false],
  ];
  for (const lang of ['da', 'en'] as const) {
    for (const [what, outcomes, names, whole] of cases) {
      it(`${what} (${lang}): text ≥ 8 pt in print, no text over another${whole ? ', every name whole' : ''}`, async () => {
        const { result, ctx } = manyOutcomes(lang, names, outcomes);
        const { svg, width, height } = await renderChart('t', trajectoriesSpec(result, ctx));
        expect(printedPt({ width, height }), `${width}×${height}`).toBeGreaterThanOrEqual(8);
        const boxes = textBoxes(svg);
        expect(overlaps(boxes)).toEqual([]);
        if (whole) expect(boxes.filter((b) => b.text.includes('…')).map((b) => b.text)).toEqual([]);
        // A name no chart holds is cut at the usual panel width, not on a chart widened to 1,040 px.
        if (names[0]!.length > 100) expect(width).toBeLessThan(1000);
      });
    }
  }
});

describe('a visit name broken into lines', () => {
  it('keeps a visit number with its word, not with the bracket after it', () => {
    expect(wrapLines('Opfølgning 1 (telefonkontakt)', 95, 3)).toEqual(['Opfølgning 1', '(telefonkontakt)']);
    // A number still keeps its unit.
    expect(wrapLines('med 95 %-KI', 50, 3)).toEqual(['med', '95 %-KI']);
  });

  it('gives no lines where the name does not fit whole (the chart makes room instead of cutting it)', () => {
    expect(wrapLines('Opfølgning 1 (telefonkontakt)', 60, 3)).toBeNull();
  });
});

/** Follow-ups named as a reviewer's eCRF names them: "Opfølgning 1 (telefonkontakt efter 4 uger)" …, the last "Afsluttende klinisk undersøgelse efter 1 år". */
const longFollowUps = (n: number) => Array.from({ length: n }, (_, k) => (k === n - 1 ? 'Afsluttende klinisk undersøgelse efter 1 år' : `Opfølgning ${k + 1} (telefonkontakt efter ${4 * (k + 1)} uger)`));

/** Lines of text drawn (partly) outside the chart's own box: cut off in the PNG and on the page. */
const outside = (boxes: Box[], size: { width: number; height: number }) =>
  boxes.filter((b) => b.x0 < -0.5 || b.y0 < -0.5 || b.x1 > size.width + 0.5 || b.y1 > size.height + 0.5).map((b) => `"${b.text}" ${b.x0.toFixed(1)}–${b.x1.toFixed(1)} of ${size.width}`);

describe('trajectories with 10–14 untimed visits: every name whole, inside the chart, ≥ 8 pt', () => {
  // A reviewer's eCRF with twelve follow-ups: the last name, "Afsluttende klinisk undersøgelse", ran past the chart's right edge and was cut.
  const cases: [string, number, string[]][] = [
    ['3 outcomes, 12 eCRF follow-ups', 3, followUps(12)],
    ['3 outcomes, 13 eCRF follow-ups', 3, followUps(13)],
    ['3 outcomes, v1 … v12', 3, Array.from({ length: 12 }, (_, k) => `v${k + 1}`)],
    ['3 outcomes, 9 check-ups and an end visit', 3, [...Array.from({ length: 9 }, (_, k) => `Kontrolbesøg ${k + 1}`), 'Afslutning']],
    ['1 outcome, 12 eCRF follow-ups', 1, followUps(12)],
    ['4 outcomes, 12 eCRF follow-ups', 4, followUps(12)],
    // Upright names longer than 200 px: vega drew the axis title ("Besøg") across them (its axis extent stops at 200 px unless raised).
    ['3 outcomes, 12 follow-ups of some 44 characters', 3, longFollowUps(12)],
    ['2 outcomes, 14 follow-ups of some 44 characters', 2, longFollowUps(14)],
    // Two rows of upright names made these too tall to print at ≥ 8 pt, and the names were cut ("Op…", even "ba…"): names under the lowest row only.
    ['4 outcomes, 12 follow-ups of some 44 characters', 4, longFollowUps(12)],
    ['4 outcomes, 10 follow-ups of some 44 characters', 4, longFollowUps(10)],
    ['5 outcomes, 12 follow-ups of some 44 characters', 5, longFollowUps(12)],
  ];
  for (const lang of ['da', 'en'] as const) {
    for (const [what, outcomes, names] of cases) {
      it(`${what} (${lang})`, async () => {
        const { result, ctx } = manyOutcomes(lang, names, outcomes);
        const { svg, width, height } = await renderChart('t', trajectoriesSpec(result, ctx));
        expect(printedPt({ width, height }), `${width}×${height}`).toBeGreaterThanOrEqual(8);
        const boxes = textBoxes(svg);
        expect(outside(boxes, { width, height })).toEqual([]);
        expect(overlaps(boxes)).toEqual([]);
        expect(boxes.filter((b) => b.text.includes('…')).map((b) => b.text)).toEqual([]);
      });
    }
  }
});

describe('trajectories whose upright names cannot all be whole at ≥ 8 pt: cut as little as prints', () => {
  // Six outcomes and twelve names of 59 characters: whole, the three rows print under 8 pt. Across, the names were cut to "ba…",
  // "Op…", "1 (…"; upright under the lowest row, each keeps its start (and its number), "baseline" whole.
  const names = Array.from({ length: 12 }, (_, k) => `Opfølgning ${k + 1}: telefonkontakt med fysioterapeut efter ${2 * (k + 1)} uger`);
  for (const lang of ['da', 'en'] as const) {
    it(`6 outcomes, 12 follow-ups of 59 characters (${lang})`, async () => {
      const { result, ctx } = manyOutcomes(lang, names, 6);
      const { svg, width, height } = await renderChart('t', trajectoriesSpec(result, ctx));
      expect(printedPt({ width, height }), `${width}×${height}`).toBeGreaterThanOrEqual(8);
      const boxes = textBoxes(svg);
      expect(outside(boxes, { width, height })).toEqual([]);
      expect(overlaps(boxes)).toEqual([]);
      const labels = [...svg.matchAll(/<g class="mark-text role-axis-label"[^>]*>(.*?)<\/g>/g)].flatMap((g) => [...g[1]!.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((t) => t[1]!));
      expect(labels.filter((l) => l === 'baseline').length).toBeGreaterThan(0);
      for (const [k, name] of names.entries()) {
        const drawn = labels.filter((l) => l.startsWith(`Opfølgning ${k + 1}:`));
        expect(drawn.length, name).toBeGreaterThan(0);
        for (const l of drawn) expect(name.startsWith(l.replace(/…$/, '')), l).toBe(true);
      }
    });
  }
});
