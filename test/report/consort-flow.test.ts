/**
 * Issue #15 point 4: the participant flow as CONSORT 2010 draws it — enrolment (assessed,
 * excluded with reasons, randomised) when the plan gives the screening log, losses with reasons
 * per arm when the export has them, and in words what was not provided; the README.md carries
 * the same as the diagram. Counts expected here come from the fixture's lists
 * (test/support/consort-fixture.ts), not from hta's output.
 */
import { dirname, basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { participantFlowSpec } from '../../src/report/charts/participant-flow.js';
import { flowBoxes } from '../../src/report/charts/flow-boxes.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { trialReportKind } from '../../src/report/kinds/trial-report.js';
import { markdownPage } from '../../src/report/markdown-page.js';
import { consortLines, EXPECTED, FLOW_PLAN, writeConsortFixture } from '../support/consort-fixture.js';
import { bundledTrial } from './trial-report-support.js';
import { chartTextWidth } from '../../src/report/render/text-metrics.js';

type Lang = 'en' | 'da';

async function build(lang: Lang, plan: object = FLOW_PLAN, lines?: string[]) {
  const f = writeConsortFixture(lines, plan);
  const memo = new Map<string, unknown>();
  const content = await trialReportKind.build({ id: 'r', kind: 'trial', out: 'r', lang, data: basename(f.csv), plan: basename(f.plan), characteristics: [] } as never, {
    input: (p: string) => `${dirname(f.csv)}/${p}`,
    lang,
    version: 'test',
    memo: <T>(key: string, compute: () => T): T => {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as T;
    },
  });
  const chart = content.charts.find((c) => c.name === 'participant-flow')!;
  const readme = markdownPage(content.page, new Map(content.charts.map((c) => [c.name, c])));
  return { content, chart, readme };
}

/**
 * Every text line drawn in the diagram (each box line is a datum of a text layer; a line the
 * layout wrapped to the page width is joined again), and the subtitle.
 */
function drawn(spec: unknown): { lines: string[]; subtitle: string[] } {
  const s = spec as { title: { subtitle: string[] }; layer: { mark: { type: string }; data: { values: { line?: string; y: number; x: number; wrapped?: boolean }[] } }[] };
  const texts = s.layer.filter((l) => l.mark.type === 'text').flatMap((l) => l.data.values);
  const lines: string[] = [];
  for (const d of texts.sort((a, b) => a.y - b.y || a.x - b.x)) {
    if (d.wrapped && lines.length) lines[lines.length - 1] += ` ${d.line!}`;
    else lines.push(d.line!);
  }
  return { lines, subtitle: s.title.subtitle };
}

/** The lines of one arm's column (left: the first arm), top to bottom. */
function columnLines(spec: unknown, left: boolean): string[] {
  const s = spec as { width: number; layer: { mark: { type: string }; data: { values: { line?: string; x: number; y: number }[] } }[] };
  const texts = s.layer.filter((l) => l.mark.type === 'text').flatMap((l) => l.data.values);
  return texts.filter((d) => (d.x < s.width / 2) === left).sort((a, b) => a.y - b.y).map((d) => d.line!);
}

const WORDS = {
  en: { assessed: 'Assessed for eligibility: n = 100', excluded: 'Excluded: n = 60', randomised: 'Randomised: n = 40', lost: 'Lost to follow-up', disc: 'Discontinued intervention', moved: 'Moved away', none: 'not provided' },
  da: { assessed: 'Vurderet for egnethed: n = 100', excluded: 'Ekskluderet: n = 60', randomised: 'Randomiseret: n = 40', lost: 'Tabt til opfølgning', disc: 'Afbrudt intervention', moved: 'Flyttet', none: 'ikke oplyst' },
};

describe.each(['en', 'da'] as const)('CONSORT participant flow (%s)', (lang) => {
  const w = WORDS[lang];

  it('enrolment: assessed, excluded with each reason and its number, then randomised from the export', async () => {
    const { chart } = await build(lang);
    const { lines, subtitle } = drawn(chart.spec);
    const reason = (en: string, da: string, n: number) => `· ${lang === 'da' ? da : en}: n = ${n}`;
    expect(lines.slice(0, 5)).toEqual([
      w.assessed,
      w.excluded,
      reason('Did not meet inclusion criteria', 'Opfyldte ikke inklusionskriterierne', 35),
      reason('Declined to participate', 'Ønskede ikke at deltage', 25),
      w.randomised,
    ]);
    expect(subtitle.join(' ')).not.toContain(w.none);
  });

  it('follow-up: per arm lost to follow-up and discontinued, each with its reasons and exact numbers', async () => {
    const { content } = await build(lang);
    const spec = content.charts.find((c) => c.name === 'participant-flow')!.spec;
    const app = columnLines(spec, true);
    const usual = columnLines(spec, false);
    const at = (col: string[], text: string) => col.indexOf(text);
    const e = EXPECTED;
    expect(at(app, `${w.lost}: n = ${e.intervention.lost}`)).toBeGreaterThan(0);
    expect(app[at(app, `${w.lost}: n = ${e.intervention.lost}`) + 1]).toBe(`· ${w.moved}: n = ${e.intervention.moved}`);
    expect(app).toContain(`${w.disc}: n = ${e.intervention.discontinued}`);
    expect(usual).toContain(`${w.lost}: n = ${e.control.lost}`);
    expect(usual).toContain(`· ${w.moved}: n = ${e.control.moved}`);
    expect(usual).toContain(`${w.disc}: n = ${e.control.discontinued}`);
    // No-time was given in the app arm only.
    expect(usual.some((l) => l.includes(lang === 'da' ? 'Ikke tid' : 'No time'))).toBe(false);
    // The losses come after the last visit and before the "Analysed" box.
    const analysed = app.findIndex((l) => l.startsWith(lang === 'da' ? 'Analyseret efter' : 'Analysed at'));
    expect(at(app, `${w.disc}: n = ${e.intervention.discontinued}`)).toBeLessThan(analysed);
    // No patient id anywhere in the diagram.
    expect(JSON.stringify(spec)).not.toMatch(/"P\d+"|\bP\d+\b/);
  });

  it('without a screening log or a reason column, the diagram says so in words', async () => {
    const plan = { ...FLOW_PLAN, flow: undefined };
    const lines = consortLines({}).map((l) => l.replace(/,[^,]*$/, ''));
    const { chart, readme } = await build(lang, plan, lines);
    const { lines: drawnLines, subtitle } = drawn(chart.spec);
    expect(drawnLines[0]).toBe(w.randomised);
    expect(drawnLines.some((l) => l.startsWith(w.lost))).toBe(false);
    const sentence = lang === 'da'
      ? 'Rekruttering (vurderet for egnethed, ekskluderet) og årsager til tab til opfølgning er ikke oplyst.'
      : 'Enrolment (assessed for eligibility, excluded) and reasons for loss to follow-up were not provided.';
    // Under the title, wrapped to the diagram's width (vega sizes the chart by the longest line,
    // measured in the chart font).
    expect(subtitle.slice(1).join(' ')).toBe(sentence);
    const width = (chart.spec as unknown as { width: number }).width;
    for (const l of subtitle) expect(chartTextWidth({ fontSize: 11 }, l)).toBeLessThanOrEqual(width);
    expect(readme).toContain(sentence);
  });

  it('with one of the two, only the other is said to be missing', async () => {
    const { chart } = await build(lang, { ...FLOW_PLAN, flow: { assessed: 100, excluded: FLOW_PLAN.flow.excluded } }, consortLines({}).map((l) => l.replace(/,[^,]*$/, '')));
    const { subtitle } = drawn(chart.spec);
    expect(subtitle.slice(1).join(' ')).toBe(lang === 'da' ? 'Årsager til tab til opfølgning er ikke oplyst.' : 'Reasons for loss to follow-up were not provided.');
  });

  it('a long reason wraps inside its box instead of widening the diagram beyond a portrait page (720 px)', async () => {
    const long = 'Could not be reached by telephone, e-mail or letter after three attempts at each follow-up visit';
    const plan = structuredClone(FLOW_PLAN);
    plan.flow.withdrawalReasons.moved.label = { en: long, da: long };
    const { chart, readme } = await build(lang, plan);
    expect((chart.spec as unknown as { width: number }).width).toBeLessThanOrEqual(720);
    const lines = columnLines(chart.spec, true);
    const first = lines.find((l) => l.startsWith('· Could not'))!;
    expect(first.length).toBeLessThan(long.length);
    // Every word is drawn, in order, over the wrapped lines; README.md has the reason whole.
    const from = lines.indexOf(first);
    expect(lines.slice(from, from + 3).join(' ')).toContain(long.split(' ').slice(0, 12).join(' '));
    expect(readme).toContain(long);
  });

  it('the "Analysed" box names an outcome by its short name, never by the scale\'s range that plan init puts in its label', async () => {
    const name = lang === 'da' ? 'Smerteintensitet' : 'Pain intensity';
    const plan = { ...FLOW_PLAN, outcomes: [{ ...FLOW_PLAN.outcomes[0]!, label: { en: 'Pain intensity (0–10)', da: 'Smerteintensitet (0–10)' } }] };
    const { chart, readme } = await build(lang, plan);
    expect(drawn(chart.spec).lines.some((l) => l.startsWith(`${name}: n = `))).toBe(true);
    expect(readme).toContain(`${name}: n = `);
    expect(readme).not.toMatch(/0–10: n =/);
    // An instrument in the brackets is the name, without its range.
    expect(drawn((await build(lang)).chart.spec).lines.some((l) => l.startsWith('NRS: n = '))).toBe(true);
  });

  it('participants of the export never randomised ("flow.notRandomised"): counted in "Excluded" under the plan\'s reason, with or without the screening log', async () => {
    const lines = consortLines();
    lines.push('N1,,baseline,4,', 'N1,,3m,3,', 'N2,,baseline,6,');
    const reasonLine = `· ${lang === 'da' ? 'Ikke randomiseret' : 'Not randomised'}: n = 2`;
    const notRandomised = { en: 'Not randomised', da: 'Ikke randomiseret' };
    const alone = await build(lang, { ...FLOW_PLAN, flow: { withdrawalReasons: FLOW_PLAN.flow.withdrawalReasons, notRandomised } }, lines);
    const { lines: top, subtitle } = drawn(alone.chart.spec);
    expect(top.slice(0, 4)).toEqual([lang === 'da' ? 'Deltagere i eksporten: n = 42' : 'Participants in the export: n = 42', lang === 'da' ? 'Ekskluderet: n = 2' : 'Excluded: n = 2', reasonLine, w.randomised]);
    // The export's participants do not stand in for the screening log: its absence is said.
    expect(subtitle.slice(1).join(' ')).toBe(lang === 'da' ? 'Screeningsloggen (vurderet for egnethed) er ikke oplyst.' : 'The screening log (assessed for eligibility) was not provided.');
    expect(JSON.stringify(alone.chart.spec) + alone.readme).not.toMatch(/\bN[12]\b/);
    const excluded = [FLOW_PLAN.flow.excluded[0]!, { ...FLOW_PLAN.flow.excluded[1]!, n: 23 }];
    const logged = await build(lang, { ...FLOW_PLAN, flow: { ...FLOW_PLAN.flow, excluded, notRandomised } }, lines);
    const all = drawn(logged.chart.spec).lines;
    expect(all.slice(0, 2)).toEqual([w.assessed, w.excluded]);
    expect(all[4]).toBe(reasonLine);
    expect(all[5]).toBe(w.randomised);
  });

  it('"Participants in the export" counts the export\'s participants, also one whose every row the plan\'s "invalidRows": "exclude" left out', async () => {
    // P40's two rows have no valid score: still randomised (their arm is known), not analysed; the export has 40 + N1 and N2.
    const bad = consortLines().map((l) => (l.startsWith('P40,') ? l.replace(/^(P40,usual,\w+,)\d+/, '$1abc') : l));
    const notRandomised = { en: 'Not randomised', da: 'Ikke randomiseret' };
    const plan = { ...FLOW_PLAN, invalidRows: 'exclude', flow: { withdrawalReasons: FLOW_PLAN.flow.withdrawalReasons, notRandomised } };
    const kept = await build(lang, plan, [...bad, 'N1,,baseline,4,', 'N1,,3m,3,', 'N2,,baseline,6,']);
    expect(drawn(kept.chart.spec).lines.slice(0, 4)).toEqual([
      lang === 'da' ? 'Deltagere i eksporten: n = 42' : 'Participants in the export: n = 42',
      lang === 'da' ? 'Ekskluderet: n = 2' : 'Excluded: n = 2',
      `· ${lang === 'da' ? 'Ikke randomiseret' : 'Not randomised'}: n = 2`,
      w.randomised,
    ]);
    // The page's section on the rows left out says so.
    expect(kept.content.page.sections.find((s) => s.id === 'excluded-rows')!.intro![1]).toBe(lang === 'da'
      ? '1 patient, hvis rækker alle er udeladt, tælles stadig som randomiseret: med i patientflowet og de uønskede hændelser, uden værdi for effektmålene.'
      : '1 patient with every row left out stays randomised: counted in the participant flow and the adverse events, with no outcome value.');
    // P40's 3-month row in the other arm as well: which arm is right is not known, so P40 is no randomised
    // patient — 42 = 39 randomised + 2 excluded + 1 whose every row was left out, said in the top box.
    const switched = bad.map((l) => (l.startsWith('P40,usual,3m,') ? l.replace('P40,usual,', 'P40,app,') : l));
    const { chart } = await build(lang, plan, [...switched, 'N1,,baseline,4,', 'N1,,3m,3,', 'N2,,baseline,6,']);
    expect(drawn(chart.spec).lines.slice(0, 3)).toEqual([
      lang === 'da' ? 'Deltagere i eksporten: n = 42' : 'Participants in the export: n = 42',
      lang === 'da' ? '· alle rækker udeladt som ugyldige, ikke analyseret: n = 1' : '· every row left out as invalid, not analysed: n = 1',
      lang === 'da' ? 'Ekskluderet: n = 2' : 'Excluded: n = 2',
    ]);
  });

  it('lost to follow-up yet observed at the last visit (a status marked after it): the loss box says they left after that visit', async () => {
    // P1 (app, "moved") has a 3-month score after all; no usual-care patient lost has one.
    const lines = [...consortLines(), 'P1,app,3m,4,'];
    const { content, chart, readme } = await build(lang, FLOW_PLAN, lines);
    const results = content.results as { flow: { losses: { observedAtEnd?: unknown } } };
    expect(results.flow.losses.observedAtEnd).toEqual({ outcome: 'nrs', time: '3m', intervention: 1, control: 0 });
    // In the app's column (a long line wraps: the column's lines joined), after its lost-to-follow-up box, and in README.md.
    const sentence = lang === 'da' ? /heraf 1 med NRS ved 3 (måneder|mdr\.): forlod forsøget efter det besøg/ : /of whom 1 with NRS at 3 months: left after that visit/;
    const app = columnLines(chart.spec, true).join(' ');
    expect(app).toMatch(sentence);
    expect(app.search(sentence)).toBeGreaterThan(app.indexOf(lang === 'da' ? 'Tabt til opfølgning' : 'Lost to follow-up'));
    expect(readme.replace(/\\/g, '')).toMatch(sentence);
    // Without such a patient nothing is said.
    expect(((await build(lang)).content.results as { flow: { losses: { observedAtEnd?: unknown } } }).flow.losses.observedAtEnd).toBeUndefined();
  });

  it('README.md carries the diagram\'s every line in words', async () => {
    const { chart, readme } = await build(lang);
    const text = readme.replace(/\\/g, '');
    for (const line of drawn(chart.spec).lines) expect(text).toContain(line.replace(/^· /, ''));
    expect(text).toContain(`${w.excluded} (${lang === 'da' ? 'Opfyldte ikke inklusionskriterierne' : 'Did not meet inclusion criteria'}: n = 35;`);
  });
});

describe('the bundled trial (no screening log, no reasons) keeps its flow and says what is missing', () => {
  it.each(['en', 'da'] as const)('%s', (lang) => {
    const { trial, result } = bundledTrial();
    const ctx = trialChartContext(trial, lang);
    const boxes = flowBoxes(result, ctx);
    expect(boxes.enrolment).toBeUndefined();
    expect(boxes.notProvided).toHaveLength(1);
    const { lines, subtitle } = drawn(participantFlowSpec(result, ctx));
    expect(lines[0]).toBe(`${lang === 'da' ? 'Randomiseret' : 'Randomised'}: n = ${result.input.patients.intervention + result.input.patients.control}`);
    expect(subtitle.slice(1).join(' ')).toBe(boxes.notProvided[0]);
  });
});
