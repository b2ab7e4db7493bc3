/**
 * The "warnings from the analysis" of a trial (src/analysis/analyze-trial.ts words them in
 * English) in Danish for a Danish page: every warning a tiny or odd trial gives — effect rows,
 * subgroup levels and interaction tests, the target population too small, transported effects,
 * the sensitivity analysis — worded by trialWarningText (src/report/failure-reasons.ts) with the
 * page's labels and no English left; English unchanged; an unknown line marked as English.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { trialWarningText, type WarningLabels } from '../../src/report/failure-reasons.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { warningNotes } from '../../src/report/kinds/trial-report.js';
import { ENGLISH_WORDS as ENGLISH } from '../support/english-words.js';

const lines = readFileSync('test/fixtures/subgroups/trial.csv', 'utf8').trimEnd().split('\n');
const col = Object.fromEntries(lines[0]!.split(',').map((c, i) => [c, i])) as Record<string, number>;
const ids = (arm: string) => [...new Set(lines.slice(1).map((l) => l.split(',')).filter((c) => c[col.arm!] === arm).map((c) => c[0]!))];

/** The analysis warnings of the fixture cut to `keep` patients (the plan's target population and sensitivity analysis on). */
function warningsOf(keep: (cells: string[]) => boolean): string[] {
  const plan = JSON.parse(readFileSync('test/fixtures/subgroups/plan.json', 'utf8')) as Record<string, unknown> & { population: Record<string, unknown> };
  delete plan.population.targetSample;
  plan.primary = { outcome: 'pain', time: '3m' };
  plan.missing = { sensitivity: true };
  const csv = [lines[0], ...lines.slice(1).filter((l) => keep(l.split(',')))].join('\n') + '\n';
  return analyzeTrial(loadTrial(parseCsvText(csv, 'trial.csv'), parsePlan(plan)), { version: 'test' }).warnings;
}

const labels: WarningLabels = { outcome: (k) => `effektmål ${k}`, time: (t) => `tid ${t}`, method: (m) => `metode ${m}`, subgroup: (c) => `kolonne ${c}` };

describe('trial warnings in Danish', () => {
  it('every warning of two tiny trials and of an odd one', () => {
    const tiny = new Set([...ids('app').slice(0, 5), ...ids('usual').slice(0, 4)]);
    const oneControl = new Set([...ids('app').slice(0, 6), ...ids('usual').slice(0, 1)]);
    const warnings = [
      ...warningsOf((c) => tiny.has(c[0]!)),
      ...warningsOf((c) => oneControl.has(c[0]!)),
      // No control patient recruited by a chiropractor.
      ...warningsOf((c) => !(c[col.arm!] === 'usual' && c[col.recruited_by!] === 'chiro')),
    ];
    const starts = new Set(warnings.map((w) => w.replace(/^(subgroup|target population|transported effect|sensitivity analysis)\b.*|^.*/, '$1')));
    expect(starts).toEqual(new Set(['subgroup', 'target population', 'transported effect', 'sensitivity analysis', '']));
    for (const w of warnings) {
      expect(trialWarningText(w, 'en', labels)).toBe(w);
      const da = trialWarningText(w, 'da', labels);
      expect(da, w).not.toContain('på engelsk');
      // The fixture's level names and keys stay as the data has them ('NO' is Norway).
      // A docs/ link's anchor ("docs/subgroups.md#too-few-patients-in-a-level") is a file name, not prose.
      expect(da.replace(/'[^']*'|niveauet \S+:|kolonne \S+|effektmål \S+|metode \S+|docs\/[\w./#-]+/g, ''), w).not.toMatch(ENGLISH);
    }
    const da = warnings.map((w) => trialWarningText(w, 'da', labels));
    expect(da).toContain('Målgruppen: for lille til at blive analyseret: 2 patienter i interventionsgruppen og 0 i kontrolgruppen (planens minimum er 5 pr. gruppe)');
    // A one-armed level is below the subgroup's minimum: held back like a too-small level, said once for the
    // subgroup (how many levels, how many of them one-armed), not once per level × outcome × time.
    expect(da.some((d) => /^Subgruppeanalyse efter kolonne recruited_by: \d+ af \d+ niveauer havde færre end 5 patienter i en gruppe i mindst én af dens \d+ analyser \(udfald × tidspunkt\), heraf \d+ med patienter i kun én gruppe: intet estimat for dem dér/.test(d))).toBe(true);
    expect(da.some((d) => d.startsWith('Effekten i målgruppen, omvægtet til målgruppens fordelinger: ekstreme vægte i alle rækker'))).toBe(true);
    // Both tiny trials lack a spine-clinic patient: one line each, for every outcome and time at once.
    const raked = "Effekten i målgruppen, omvægtet til målgruppens fordelinger, alle effektmål og tidspunkter: målgruppen har recruited_by = 'spine_clinic' (andel 0,1), men ingen forsøgspatient, der er analyseret her, har det, så forsøget kan ikke vægtes om til den";
    expect(da.filter((d) => d.startsWith('Effekten i målgruppen, omvægtet til målgruppens fordelinger, alle'))).toEqual([raked, raked]);
    expect(da.some((d) => /^Følsomhedsanalyse af effektmål pain, tid 3m, metode (mmrm|mi-ancova|ancova): /.test(d))).toBe(true);
  });

  it('an effect row, and a line of a shape not known here', () => {
    expect(trialWarningText('pain at 3m (ancova): fewer than 2 patients with baseline and follow-up in the control arm (found 1)', 'da', labels)).toBe('effektmål pain, tid 3m (metode ancova): færre end 2 patienter med baseline og opfølgning i kontrolgruppen (fandt 1)');
    expect(trialWarningText('pain at 3m (ancova): a reason nobody translated', 'da', labels)).toBe('effektmål pain, tid 3m (metode ancova): ikke analyseret (på engelsk: a reason nobody translated)');
    expect(trialWarningText('something else entirely', 'da', labels)).toBe('Advarsel (på engelsk: something else entirely)');
  });
});

describe('the Danish trial page', () => {
  it("words the analysis warnings of a tiny trial in Danish, with the page's own labels", () => {
    const plan = JSON.parse(readFileSync('test/fixtures/subgroups/plan.json', 'utf8')) as Record<string, unknown> & { population: Record<string, unknown> };
    delete plan.population.targetSample;
    const keep = new Set([...ids('app').slice(0, 6), ...ids('usual').slice(0, 1)]);
    const csv = [lines[0], ...lines.slice(1).filter((l) => keep.has(l.split(',')[0]!))].join('\n') + '\n';
    const trial = loadTrial(parseCsvText(csv, 'trial.csv'), parsePlan(plan));
    const result = analyzeTrial(trial, { version: 'test' });
    expect(result.warnings.length).toBeGreaterThan(3);
    expect(warningNotes(result, trialChartContext(trial, 'en'))).toEqual(result.warnings);
    const ctx = trialChartContext(trial, 'da');
    const da = warningNotes(result, ctx);
    // The fixture's plan labels its outcomes in English only, and its levels are data ('NO' is Norway).
    const userText = [...new Set(result.effects.map((r) => ctx.outcomeLabel(r.outcome)))];
    for (const note of da) {
      expect(note).not.toContain('på engelsk');
      const words = userText.reduce((n, l) => n.split(l).join(''), note).replace(/'[^']*'|niveauet \S+:|docs\/[\w./#-]+/g, '');
      expect(words, note).not.toMatch(ENGLISH);
    }
    expect(da.some((n) => n.startsWith('Subgruppeanalyse efter land'))).toBe(true);
    // A bracketed word that names no method is kept as written, not a crash of the page.
    const odd = { ...result, warnings: ['pain at 3m (sandwich): fewer than 2 patients with baseline and follow-up in the control arm (found 1)'] };
    expect(warningNotes(odd, ctx)[0]).toMatch(/ \(sandwich\): færre end 2 patienter/);
  });
});
