/**
 * Swedish and Norwegian names of the arm, visit and outcome columns, and of visits, as REDCap,
 * SPSS and Excel exports write them (docs/plan-trial.md#what-plan-init-recognises-in-real-exports).
 * Found by a tester: `Randomiseringsgrupp`, `Tidpunkt`, `Smärta`, `baslinje` and `6 veckor` were
 * each refused or left without a time, and `Trukket før randomisering` was drafted as a third arm
 * counted as randomised.
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';

interface Names { arm?: string; time?: string; pain?: string; visits?: [string, string, string]; arms?: [string, string]; extra?: string }

/** A long export of 12 patients at three visits; `extra` adds a column of 0–100 numbers. */
function export_({ arm = 'Gruppe', time = 'Tidspunkt', pain = 'Smerte', visits = ['Baseline', '3 måneder', '12 måneder'], arms = ['Intervensjon', 'Kontroll'], extra }: Names): string {
  const lines = [`id;${arm};${time};${pain}${extra ? `;${extra}` : ''}`];
  for (let p = 1; p <= 12; p++) visits.forEach((v, k) => lines.push(`P${p};${arms[p % 2]!};${v};${(p + k * 2) % 11}${extra ? `;${(p * 7 + k) % 50}` : ''}`));
  return lines.join('\n') + '\n';
}
const draft = (names: Names) => draftPlan(parseCsvText(export_(names), 'export.csv'), 'plan.schema.json');

describe('Swedish and Norwegian column names', () => {
  it.each(['Randomiseringsgrupp', 'Grupp', 'Behandlingsgrupp', 'Randomiserad till'])('arm column %s', (arm) => {
    expect(draft({ arm }).plan.columns).toMatchObject({ arm });
  });

  it.each(['Tidpunkt', 'Besök', 'Mätning', 'Undersøkelse'])('visit column %s', (time) => {
    const { plan } = draft({ time });
    expect(plan.columns).toMatchObject({ time });
    expect(plan.timepoints).toEqual(['3m', '12m']);
  });

  it.each(['Smärta', 'Smarta', 'Ryggsmärta'])('pain column %s is the NRS', (pain) => {
    expect(draft({ pain }).plan.outcomes).toEqual([expect.objectContaining({ instrument: 'nrs', column: pain })]);
  });

  it.each(['Funksjon_ODI', 'Funksjon (ODI %)'])('%s is the ODI', (extra) => {
    expect(draft({ extra }).plan.outcomes.map((o) => o.instrument)).toContain('odi');
  });

  // Near misses (review): an app-use column is no pain, nor a count or date of the ODI its score.
  it.each(['SmartApp', 'Smartappanvändning', 'Smartare'])('%s is no pain', (extra) => {
    const { plan } = draft({ extra });
    expect(plan.outcomes.map((o) => o.column ?? o.key)).not.toContain(extra);
    expect(plan.outcomes.map((o) => o.instrument)).toEqual(['nrs']);
  });

  it.each(['Antal besvarede ODI items', 'Dato ODI', 'Antall besvarte ODI-spørsmål'])('%s is no ODI score', (extra) => {
    const { plan, checks } = draft({ extra });
    expect(plan.outcomes.map((o) => o.instrument)).not.toContain('odi');
    expect(checks.join('\n')).not.toContain('ODI: the draft uses MCID 10');
  });

  it.each(['Livskvalitet', 'Funksjon', 'Funktion'])('%s alone is no instrument: left out, and a check says so', (extra) => {
    const { plan, checks } = draft({ extra });
    expect(plan.outcomes.map((o) => o.column ?? o.key)).not.toContain(extra);
    expect(checks.join('\n')).toContain(`"${extra}" is not among the drafted outcomes: "${extra}" says`);
  });
});

describe('Swedish and Norwegian visits and arms', () => {
  it.each([
    [['baslinje', '3 mån', '12 mån'], ['3m', '12m']],
    [['Baseline', '3 månader', '12 månader'], ['3m', '12m']],
    [['Baseline', 'Uppföljning 3 mån', 'Uppföljning 12 mån'], ['3m', '12m']],
    [['Baseline', '6 veckor', '12 mån'], ['6w', '12m']],
    [['Baseline', '6 uker', '12 mnd'], ['6w', '12m']],
    [['Baseline', 'Oppfølging 3 måneder', '3 måneders oppfølging'], ['3m']],
  ] as const)('%j → %j', (visits, timepoints) => {
    const { plan } = draft({ visits: [...visits] as [string, string, string] });
    expect(plan.timepoints).toEqual(timepoints);
    expect(plan.allTimepoints?.[0]).toBe('baseline');
  });

  it('"Trukket før randomisering" is never randomised, not a third arm', () => {
    const lines = export_({}).trim().split('\n');
    lines.push('P13;Trukket før randomisering;Baseline;4');
    const { plan } = draftPlan(parseCsvText(lines.join('\n') + '\n', 'export.csv'), 'plan.schema.json');
    expect(plan.arms).toEqual({ intervention: 'Intervensjon', control: 'Kontroll' });
    expect(plan.otherArms).toBeUndefined();
    expect(plan.flow?.notRandomisedValues).toEqual(['Trukket før randomisering']);
  });
});
