/**
 * The forest-plot builder compiles with vega-lite, renders to SVG (renderer 'none') and shows
 * what a RevMan forest plot shows. FOREST_PNG_DIR=/some/dir also writes SVG + PNG there to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { metaAnalyze } from '../../src/meta/meta-analyze.js';
import { metaGroups } from '../../src/meta/meta-group.js';
import { isRatioMeasure, parseStudies, readStudiesFile } from '../../src/meta/read-studies.js';
import { loadPlanFile } from '../../src/plan/load-plan.js';
import { armNames } from '../../src/report/arm-names.js';
import { metaForestNumbers, metaForestSpec } from '../../src/report/charts/meta-forest.js';
import { PORTRAIT_PX, printsLandscape, svgSize } from '../../src/report/html-page.js';
import { chartTextWidth } from '../../src/report/render/text-metrics.js';
import { renderSvg, svgToPng } from '../../src/report/render/render-chart.js';

async function toSvg(spec: TopLevelSpec, name: string): Promise<string> {
  const before = JSON.stringify(spec);
  const compiled = compile(spec);
  expect(JSON.stringify(spec)).toBe(before); // the builder's output is not mutated by compiling
  const svg = await new vega.View(vega.parse(compiled.spec), { renderer: 'none' }).toSVG();
  const dir = process.env.FOREST_PNG_DIR;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.svg`), svg);
    const png = svgToPng(svg);
    writeFileSync(join(dir, `${name}.png`), png);
  }
  return svg;
}

interface Spec {
  layer: { data?: { values: Record<string, unknown>[] }; mark?: { type: string; shape?: string; align?: string }; layer?: unknown[] }[];
}

/** Reads the spec's data: a number printed on a row vs. the marker on that row, and the favours labels. */
function forestSides(spec: Spec, noEffect: number): { rows: number; mismatches: string[]; leftText: string; rightText: string } {
  const num = (s: string) => Number(s.replace(/−/g, '-').replace(/\u00a0/g, '').replace(',', '.'));
  const cells = spec.layer.filter((l) => l.mark?.type === 'text' && l.mark.align === 'left').flatMap((l) => l.data?.values ?? []) as { row: number; text: string }[];
  const markers = spec.layer.find((l) => l.mark?.shape === 'square')!.data!.values as { row: number; est: number }[];
  const diamondTips = (spec.layer.find((l) => l.mark?.type === 'area')!.data!.values as { x: number; y: number; y2: number }[])
    .filter((d) => d.y !== d.y2).map((d) => ({ row: (d.y + d.y2) / 2, est: d.x }));
  const mismatches: string[] = [];
  let rows = 0;
  for (const m of [...markers, ...diamondTips]) {
    const printed = cells.find((c) => c.row === m.row && /^[−-]?\d/.test(c.text));
    if (!printed) continue;
    rows += 1;
    const value = num(printed.text.split(' ')[0]!);
    if (Math.sign(value - noEffect) !== Math.sign(m.est - noEffect)) mismatches.push(`${printed.text} printed, marker at ${m.est}`);
  }
  // A label too long for its half of the plot is written on lines (an array).
  const favours = spec.layer.find((l) => l.layer !== undefined)!.data!.values as { px: number; text: string | string[] }[];
  const [left, right] = [...favours].sort((a, b) => a.px - b.px);
  const line = (x: string | string[]) => (Array.isArray(x) ? x.join(' ') : x);
  return { rows, mismatches, leftText: line(left!.text), rightText: line(right!.text) };
}

const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));

describe('metaForestSpec', () => {
  const results = metaAnalyze(readStudiesFile('data/published/selfback-studies.csv'), { version: 't', plan: loadPlanFile('data/plans/selfback.plan.json') });
  const groups = metaGroups(results);

  // A committee member read "høje fysiske krav" as the chart's heading and "Høje fysiske krav" in
  // the figure's numbers table below it, and "−7,5" nearly touching "−5" on the Danish axis.
  it('PSEQ 9 months in Danish: the subgroup headings as the numbers table writes them; the axis labels apart', async () => {
    const pseq = groups.find((g) => g.setting.outcome === 'pseq' && g.setting.time === '9m')!;
    const spec = metaForestSpec(pseq, 'da');
    type Layer = { data?: { values?: { row?: number; px?: number; text?: string }[] }; mark?: { type?: string; fontWeight?: string } };
    const bold = (spec as unknown as { layer: Layer[] }).layer.filter((l) => l.mark?.type === 'text' && l.mark.fontWeight === 'bold').flatMap((l) => l.data?.values ?? []).map((c) => c.text);
    const table = metaForestNumbers(spec).rows.map((r) => r[0]);
    // The file's subgroups are "high physical demands" / "low physical demands" (lower case).
    for (const heading of ['High physical demands', 'Low physical demands']) {
      expect(bold).toContain(heading);
      expect(table).toContain(heading);
    }
    const svg = await toSvg(spec, 'forest-pseq-da-axis');
    // The x axis's labels and their pixel places, left to right: each pair a label's width plus a gap apart.
    const labels = [...svg.matchAll(/<text[^>]*transform="translate\(([\d.]+),[\d.]+\)"[^>]*>(−?\d+(?:,\d+)?)<\/text>/g)]
      .map((m) => ({ x: Number(m[1]), text: m[2]! })).filter((l) => /^−?\d/.test(l.text));
    const ticks = labels.filter((l, i, all) => all.findIndex((o) => o.x === l.x) === i).sort((a, b) => a.x - b.x);
    expect(ticks.map((l) => l.text)).toContain('0');
    const width = (text: string) => chartTextWidth({ fontSize: 11, fontWeight: 'normal' }, text);
    // Two character heights (22 px) between one label's end and the next one's start; before, "−7,5" and "−5" had 16.
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.x - ticks[i - 1]!.x - (width(ticks[i]!.text) + width(ticks[i - 1]!.text)) / 2, `${ticks[i - 1]!.text} / ${ticks[i]!.text}`).toBeGreaterThanOrEqual(22);
  });

  it('a subgroup whose first word has a capital of its own keeps it: "eGFR < 60", never "EGFR" (another analyte), in the chart and its table', () => {
    const studies = parseStudies(parseCsvText('study,outcome,time,subgroup,difference,ci_lower,ci_upper\nA 2020,rmdq,3m,eGFR < 60,-3.1,-5.0,-1.2\nB 2021,rmdq,3m,eGFR < 60,-2.9,-4.6,-1.2\nC 2022,rmdq,3m,mRS 0–2,-0.5,-2.6,1.6\nD 2023,rmdq,3m,mRS 0–2,-1.5,-3.0,0.0\n', 's.csv'));
    const [g] = metaGroups(metaAnalyze(studies, { version: 't' }));
    for (const lang of ['en', 'da'] as const) {
      const spec = metaForestSpec(g!, lang);
      type Layer = { data?: { values?: { text?: string }[] }; mark?: { type?: string; fontWeight?: string } };
      const bold = (spec as unknown as { layer: Layer[] }).layer.filter((l) => l.mark?.type === 'text' && l.mark.fontWeight === 'bold').flatMap((l) => l.data?.values ?? []).map((c) => c.text);
      const table = metaForestNumbers(spec).rows.map((r) => r[0]);
      for (const heading of ['eGFR < 60', 'mRS 0–2']) {
        expect(bold, lang).toContain(heading);
        expect(table, lang).toContain(heading);
      }
      expect([...bold, ...table].join('\n')).not.toMatch(/EGFR|MRS 0/);
    }
  });

  it('the no-effect and ±MCID lines end above the notes under the rows (a committee reviewer saw them cross the method note)', () => {
    for (const g of groups) {
      const spec = metaForestSpec(g, 'en') as unknown as { layer: { mark: { type: string }; data?: { values?: { row?: number; text?: string }[] }; encoding: { y?: { datum?: number }; y2?: { datum?: number } } }[] };
      const rules = spec.layer.filter((l) => l.mark?.type === 'rule' && l.encoding?.y2?.datum !== undefined);
      expect(rules.length, g.setting.outcome).toBeGreaterThan(0);
      const noteRows = spec.layer.filter((l) => l.mark?.type === 'text').flatMap((l) => l.data?.values ?? []).filter((v) => /^(Test for|Dashed|Heterogeneity|Subgroups of one trial \(not)/.test(v.text ?? '')).map((v) => v.row!);
      expect(noteRows.length, g.setting.outcome).toBeGreaterThan(0);
      for (const r of rules) expect(r.encoding.y2!.datum!, g.setting.outcome).toBeLessThanOrEqual(Math.min(...noteRows) - 0.5);
    }
  });

  it('PSEQ 9 months: two subgroups of one trial, combined by the fixed effect only: no random effects, heterogeneity or PI words', async () => {
    const pseq = groups.find((g) => g.setting.outcome === 'pseq')!;
    const svg = await toSvg(metaForestSpec(pseq, 'en'), 'forest-pseq');
    const t = texts(svg);
    for (const s of [
      'Pain self-efficacy (PSEQ 0–60) — 9 months', 'High physical demands', 'Low physical demands', 'Rasmussen 2024', '49.0%', '51.0%',
      '3.50 (0.90 to 6.00)', 'Subgroups of one trial combined (fixed)', 'IV, Fixed, 95% CI', 'Weight', 'Fixed',
      '← Favours usual care', 'Favours app →', 'MD (95% CI)',
    ]) expect(t).toContain(s);
    // Two subgroups of one trial: "1 trial, 2 subgroups", never "2 studies".
    expect(t.some((x) => x.startsWith('1 trial, 2 subgroups; MD, app − usual care'))).toBe(true);
    for (const s of ['Total, random effects (95% CI)', 'Total, fixed effect (95% CI)', 'IV, Random, 95% CI', 'Random']) expect(t).not.toContain(s);
    expect(t.filter((x) => /Prediction interval|Heterogeneity|\bI²|Tau²|[Rr]andom/.test(x))).toEqual([]);
    // A one-study subgroup shows its study row once: no subtotal with a second (Wald) interval.
    expect(t).not.toContain('3.50 (0.95 to 6.05)');
    expect(t).not.toContain('Subtotal (95% CI)');
    expect(t.some((x) => x.startsWith('Test for subgroup differences: Chi² = 0.15, df = 1 (P = 0.701)'))).toBe(true);
    expect(t.some((x) => x.startsWith('Test for overall effect: Z = 3.45'))).toBe(true);
    expect(t.join(' ')).toContain('combined by the fixed-effect model (inverse-variance)');
    expect(t.some((x) => x.includes('Dashed: ±MCID (5.5)'))).toBe(true);
    // one diamond: the fixed-effect combination (the one-study subgroups have none)
    expect(svg.match(/<g class="mark-area role-mark[^>]*>\s*<path/g)?.length).toBe(1);
  });

  it('PSEQ 9 months in Danish: the total\'s name clear of its 100,0 %, p and fg as the trial page, IV written out, "Vægt (fast)", no capital mid-sentence', async () => {
    const pseq = groups.find((g) => g.setting.outcome === 'pseq')!;
    const spec = metaForestSpec(pseq, 'da');
    type Layer = { data?: { values?: { row?: number; px?: number; text?: string }[] }; mark?: { type?: string; align?: string; fontWeight?: string } };
    const cells = (align: string, bold: boolean) => (spec as unknown as { layer: Layer[] }).layer
      .filter((l) => l.mark?.type === 'text' && l.mark.align === align && (l.mark.fontWeight === 'bold') === bold).flatMap((l) => l.data?.values ?? []);
    // A council editor saw "Subgrupper af ét forsøg kombineret (fast)" run into "100,0 %".
    const name = cells('left', true).find((c) => c.text === 'Subgrupper af ét forsøg kombineret (fast)')!;
    const weight = cells('right', false).find((c) => c.row === name.row && c.text === '100,0 %')!;
    const width = (text: string, bold = false) => chartTextWidth({ fontSize: 11, fontWeight: bold ? 'bold' : 'normal' }, text);
    expect(name.px! + width(name.text!, true) + 8).toBeLessThanOrEqual(weight.px! - width(weight.text!));
    const t = texts(await toSvg(spec, 'forest-pseq-da'));
    expect(t).toContain('Invers varians, fast, 95 %-KI');
    expect(t.some((x) => x.startsWith('Test for forskel mellem subgrupper: Chi² = 0,15, fg = 1 (p = 0,701)'))).toBe(true);
    expect(t.some((x) => x.startsWith('Test for samlet effekt: Z = 3,45 (p < 0,001)'))).toBe(true);
    expect(t.join(' ')).not.toMatch(/\bIV\b|\bdf\b|\bP = /);
    // The figure's numbers: the weights as the glossary names them; a wrapped note keeps its lower case.
    const numbers = metaForestNumbers(spec);
    expect(numbers.header).toContain('Vægt (fast)');
    const notes = numbers.rows.map((r) => r[0]!);
    // The glossary's "en model med faste effekter", not "fast effekt" (review), wrapped in lower case.
    const at = notes.indexOf('Subgrupper af ét forsøg (ikke selvstændige forsøg) kombineret med');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(notes[at + 1]).toMatch(/^en model med faste effekter \(invers varians\), normalfordelt 95 %-KI;/);
    expect(notes.some((x) => /^Med /.test(x))).toBe(false);
  });

  it('a single study\'s forest: the study estimate, no model or weight headers', async () => {
    for (const g of groups.filter((x) => x.setting.outcome !== 'pseq')) {
      const t = texts(await toSvg(metaForestSpec(g, 'en'), `forest-single-${g.setting.outcome}-${g.setting.time}`));
      expect(t).toContain('Study estimate (95% CI)');
      expect(t).toContain('Single study: shown as reported, not pooled');
      for (const s of ['IV, Random, 95% CI', 'Weight', 'Fixed', 'Random', '100.0%']) expect(t).not.toContain(s);
      const da = texts(await toSvg(metaForestSpec(g, 'da'), `forest-single-${g.setting.outcome}-${g.setting.time}-da`));
      expect(da).toContain('Forsøgets estimat (95 %-KI)');
      for (const s of ['Vægt', 'Fast', 'Tilfældige']) expect(da).not.toContain(s);
      // The ±MCID lines in the word every chart uses (docs/colours.md): "Stiplet".
      expect(da.some((x) => x.includes('Stiplet: ±MKRF'))).toBe(true);
      expect(da.join(' ')).not.toContain('Skygge');
    }
  });

  it('a subgroup-only result names its subgroup in the title and on the study row', async () => {
    for (const g of groups.filter((x) => x.setting.outcome !== 'pseq' && x.studies.every((st) => st.subgroup === 'high physical demands'))) {
      const t = texts(await toSvg(metaForestSpec(g, 'en'), `forest-${g.setting.outcome}-${g.setting.time}`));
      expect(t.some((x) => x.endsWith(`, subgroup: high physical demands — ${g.setting.time === '3m' ? '3' : '9'} months`))).toBe(true);
      expect(t).toContain('Rasmussen 2024 (high physical demands)');
      expect(t).not.toContain('Rasmussen 2024');
      expect(t.some((x) => x.startsWith('1 trial; MD'))).toBe(true);
    }
    expect(groups.filter((x) => x.studies.every((st) => st.subgroup === 'high physical demands'))).toHaveLength(3);
  });

  it('one direction in every forest: each printed effect sits on its marker\'s side, "Favours app →" on the right', async () => {
    const rmdq = groups.find((g) => g.setting.outcome === 'rmdq' && g.setting.time === '3m')!;
    const en = texts(await toSvg(metaForestSpec(rmdq, 'en'), 'forest-rmdq-3m'));
    // RMDQ is lower-is-better: shown turned round (usual care − app), so its benefit is right of 0.
    expect(en).toContain('0.79 (0.06 to 1.51)');
    expect(en).not.toContain('−0.79 (−1.51 to −0.06)');
    expect(en).toContain('MD, usual care − app'); // the axis title says what is plotted
    expect(en.some((x) => x.startsWith('1 trial; MD, usual care − app'))).toBe(true);
    expect(en).toContain('Single study: shown as reported, not pooled');
    expect(en).toContain('232');
    const da = texts(await toSvg(metaForestSpec(rmdq, 'da'), 'forest-rmdq-3m-da'));
    // "Til fordel for appen →" leaves the left label too little room for one line: it wraps (favoursLines), its lines drawn as tspans.
    const daSvg = await toSvg(metaForestSpec(rmdq, 'da'), 'forest-rmdq-3m-da');
    expect([...daSvg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]).join(' ')).toContain('← Til fordel for vanlig behandling');
    expect(da).toContain('Til fordel for appen →');
    expect(da).toContain('0,79 (0,06 til 1,51)');
    expect(da.join(' ')).not.toMatch(/\[[^\]]*\d,\d+, /); // no "[2,27, 5,03]": the comma would read as a decimal
    // Every group of the bundled meta report, both directions, both languages; and a lower-is-better ratio.
    const csv = 'study,outcome,time,events_intervention,n_intervention,events_control,n_control\nA,fall,end,4,123,11,139\nB,fall,end,6,306,29,303\nC,fall,end,3,231,11,220';
    const harm = metaGroups(metaAnalyze(parseStudies(parseCsvText(csv, 'falls.csv')), { version: 't', direction: 'lower-is-better' }))[0]!;
    expect(harm.setting.direction).toBe('lower-is-better');
    const checked = new Set<string>();
    for (const g of [...groups, harm]) {
      for (const lang of ['en', 'da'] as const) {
        const c = forestSides(metaForestSpec(g, lang) as unknown as Spec, isRatioMeasure(g.setting.measure) ? 1 : 0);
        expect(c.rows).toBeGreaterThan(0);
        expect(c.mismatches).toEqual([]);
        expect(c.rightText).toMatch(lang === 'en' ? /^Favours app →$/ : /^Til fordel for appen →$/);
        expect(c.leftText.startsWith('←')).toBe(true);
        checked.add(g.setting.direction);
      }
    }
    expect([...checked].sort()).toEqual(['higher-is-better', 'lower-is-better']);
  });

  it('long arm labels (a user\'s plan): favours labels, the difference header and the axis title keep clear of each other', () => {
    // Labels as a tester's plan wrote them (the bundled ones are short, so this was never drawn).
    const labels = { intervention: { en: 'selfBACK app + usual care', da: 'selfBACK-app + vanlig behandling' }, control: { en: 'Usual care', da: 'Vanlig behandling' } };
    type Text = string | string[];
    interface Layer { data?: { values: { px: number; row?: number; text: Text }[] }; mark?: { align?: string; fontWeight?: string }; layer?: unknown[]; encoding?: { x?: { axis?: { title?: Text } } } }
    const lines = (t: Text) => (Array.isArray(t) ? t : [t]);
    const width = (t: Text, bold = false) => Math.max(...lines(t).map((l) => chartTextWidth({ fontSize: 11, fontWeight: bold ? 'bold' : 'normal' }, l)));
    let checked = 0;
    for (const lang of ['en', 'da'] as const) {
      const arms = armNames(labels, lang);
      for (const g of groups) {
        const spec = metaForestSpec(g, lang, { arms, armLabels: { intervention: arms.Intervention, control: arms.Control } }) as unknown as { width: number; layer: Layer[] };
        const where = `${lang} ${g.setting.outcome} ${g.setting.time}`;
        // The favours labels: the left one starts at the plot's left end, the right one ends at its right end; never overlapping.
        const [left, right] = [...spec.layer.find((l) => l.layer !== undefined)!.data!.values].sort((a, b) => a.px - b.px) as [{ px: number; text: Text }, { px: number; text: Text }];
        expect.soft(left.px + width(left.text) + 4, `${where}: favours labels overlap`).toBeLessThanOrEqual(right.px - width(right.text));
        expect(lines(left.text).join(' ')).toBe(`← ${lang === 'en' ? 'Favours' : 'Til fordel for'} ${arms.Control}`);
        // The axis title, centred under the plot, stays inside the chart.
        const title = spec.layer.map((l) => l.encoding?.x?.axis?.title).find((x) => x !== undefined)!;
        expect.soft((left.px + right.px) / 2 + width(title) / 2, `${where}: axis title`).toBeLessThanOrEqual(spec.width);
        // A turned effect's difference header (bold, over the effect column) ends before the plot's centred header.
        const bold = spec.layer.filter((l) => l.mark?.align === 'left' && l.mark.fontWeight === 'bold').flatMap((l) => l.data!.values);
        const plotHeader = spec.layer.filter((l) => l.mark?.align === 'center').flatMap((l) => l.data!.values).find((c) => c.row === 0 && c.text === g.setting.measure)!;
        const xEffect = bold.find((c) => c.row === 1 && String(c.text).startsWith(g.setting.measure))!.px;
        const header = bold.filter((c) => (c.row as number) <= 0 && c.px === xEffect);
        if (g.setting.direction === 'lower-is-better') {
          expect(header.map((c) => c.text).join(' ')).toContain(arms.Intervention);
          checked += 1;
        }
        for (const c of header) expect.soft(c.px + width(c.text, true), `${where}: "${String(c.text)}" runs into "${g.setting.measure}"`).toBeLessThan(plotHeader.px - width(g.setting.measure, true) / 2);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('a forest just too wide for a portrait page gets a narrower plot, so it prints after the text, not on a landscape page of its own', async () => {
    // A tester's studies (reported differences, no arm columns) with long Danish arm labels: 848 px wide before.
    const csv = 'study,outcome,time,difference,ci_lower,ci_upper\nSandal 2021,rmdq,3m,-0.79,-1.51,-0.06\nHansen 2022,rmdq,3m,-1.4,-2.6,-0.2\nJensen 2023,rmdq,3m,-0.3,-1.9,1.3\nØstergaard 2024,rmdq,3m,-2.1,-3.9,-0.3';
    const group = metaGroups(metaAnalyze(parseStudies(parseCsvText(csv, 'studier.csv')), { version: 't', direction: 'lower-is-better', mcid: 5 }))[0]!;
    const labels = { intervention: { en: 'selfBACK app + usual care', da: 'selfBACK-app + vanlig behandling' }, control: { en: 'Usual care', da: 'Vanlig behandling' } };
    for (const lang of ['en', 'da'] as const) {
      const arms = armNames(labels, lang);
      // As `hta report` renders it: vega measuring text in the chart font.
      const svg = await renderSvg(metaForestSpec(group, lang, { arms, armLabels: { intervention: arms.Intervention, control: arms.Control } }));
      const size = svgSize(svg);
      expect(size.width, lang).toBeLessThanOrEqual(PORTRAIT_PX);
      expect(printsLandscape(size)).toBe(false);
      // Nothing is lost on the way: the pooled result and every note are there in full.
      const t = texts(svg).join(' ');
      expect(t).toContain(lang === 'da' ? '0,98 (0,43 til 1,53)' : '0.98 (0.43 to 1.53)');
      expect(t).not.toContain('…');
      if (lang === 'da') {
        // The models by docs/glossary-da.md's Danish names, no English left.
        for (const x of ['I alt, fast effekt', 'I alt, tilfældige effekter', 'Fast', 'Tilfældige', 'Invers varians, tilfældige, 95 %-KI']) expect(texts(svg)).toContain(x);
        expect(t).not.toMatch(/\b(fixed|random)\b/i);
      }
    }
  });

  it('a forest with the arms\' totals (selfBACK\'s RMDQ at 3 months) prints portrait: the arm names on two lines when one would widen it past the page', async () => {
    // 909 px wide before, alone on a landscape page (a committee member printed the meta page).
    const plan = loadPlanFile('data/plans/selfback.plan.json');
    // (In Danish, "App + vanlig behandling" on two lines still leaves too little room for the plot: it stays landscape.)
    const g = groups.find((x) => x.setting.outcome === 'rmdq' && x.setting.time === '3m' && x.studies.some((st) => st.nIntervention !== null))!;
    for (const lang of ['en'] as const) {
      const arms = armNames(plan.armLabels, lang, plan.arms);
      const svg = await renderSvg(metaForestSpec(g, lang, plan.armLabels ? { arms, armLabels: { intervention: arms.Intervention, control: arms.Control } } : { arms }));
      const size = svgSize(svg);
      expect(size.width, lang).toBeLessThanOrEqual(PORTRAIT_PX);
      expect(printsLandscape(size)).toBe(false);
      // The totals are all there, under both arms' names (each whole across its lines).
      const t = texts(svg).join(' ');
      expect(t).toContain('232');
      expect(t).toContain('229');
      for (const word of `${arms.Intervention} ${arms.Control}`.split(' ')) expect(t, word).toContain(word);
    }
  });

  it('ratio measures on a log axis with events columns (dat.bcg, first 6 trials)', async () => {
    const csv = 'study,outcome,time,events_intervention,n_intervention,events_control,n_control\nAronson,tb,end,4,123,11,139\nFerguson,tb,end,6,306,29,303\nRosenthal,tb,end,3,231,11,220\nHart,tb,end,62,13598,248,12867\nFrimodt-Moller,tb,end,33,5069,47,5808\nStein,tb,end,180,1541,372,1451';
    const r = metaAnalyze(parseStudies(parseCsvText(csv, 'bcg.csv')), { version: 't', mcid: 1.25 });
    const svg = await toSvg(metaForestSpec(metaGroups(r)[0]!, 'en'), 'forest-bcg');
    const t = texts(svg);
    expect(t).toContain('Events');
    expect(t).toContain('RR (95% CI)');
    expect(t).toContain('M-H, Random, 95% CI');
    expect(t).toContain('13,598'); // a count of 1,000 or more grouped, as every count on a page
    expect(t).toContain('1'); // the no-effect tick of the log axis
  });
});
