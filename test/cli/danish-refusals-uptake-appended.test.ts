/**
 * `hta uptake --lang da`: a registry of two cuts appended is refused in Danish line by line, and a
 * registry with Danish headers the plan does not map is refused with the mapping to add in Danish
 * (src/report/problem-text.ts). Checked with the English-words scan the Danish pages use
 * (test/support/english-words.ts), on each line without its place, quoted values, paths and the
 * plan's JSON.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { DK_SHAPES, december, novemberCut, registryCsv, thresholdOnePlan } from '../support/appended-cuts.js';
import { ENGLISH_WORDS } from '../support/english-words.js';
import { removeTempDirs, runCli } from '../support/run-cli.js';

afterAll(removeTempDirs);

/** A line without what is not prose: the place, quoted values, the plan's keys and JSON, the docs page named. */
function prose(line: string): string {
  return line
    .replace(/^fejl: \S+ /, '')
    .replace(/^ {2}\S*?:\d+(?::\d+)?(?: \([^)]*\))?:/, '  ')
    .replace(/\{.*\}/, '{}')
    .replace(/"[^"]*"/g, '""')
    .replace(/\(docs\/\S+ ""\)/, '')
    .replace(/\b(?:columns\.\w+\.\w+|results\.json)\b/g, '');
}

function refusal(stderr: string): string[] {
  const lines = stderr.split('\n');
  const at = lines.findIndex((l) => /^(?:fejl|error): /.test(l));
  if (at < 0) return [];
  const end = lines.findIndex((l, i) => i > at && !l.startsWith('  '));
  return lines.slice(at, end < 0 ? undefined : end).filter((l) => l !== '');
}

function expectDanish(lines: string[]): void {
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines) expect(ENGLISH_WORDS.exec(prose(line))?.[0], line).toBeUndefined();
}

describe('hta uptake --lang da: refusals of a hand-made registry, in Danish', () => {
  it('two cuts of one registry appended', async () => {
    const file = registryCsv([...novemberCut(december), ...december], 'appended.csv');
    const [en, da] = await Promise.all(['en', 'da'].map((lang) => runCli('uptake', file, '--eligible', `${DK_SHAPES}/eligible.csv`, '--plan', thresholdOnePlan(), '--lang', lang)));
    expect(en!.code).toBe(2);
    expect(da!.code).toBe(2);
    expect(en!.stderr).toContain('looks like two exports of the registry appended');
    const lines = refusal(da!.stderr);
    expect(lines[0]).toContain('ligner to eksporter af registret sat efter hinanden');
    expect(lines.length).toBe(refusal(en!.stderr).length);
    expect(lines[1]).toMatch(/appended\.csv:\d+: — forventet én række pr\. henvisning: linje \d+ har samme patient-id/);
    expectDanish(lines);
  });

  it('Danish headers the plan does not map (the eligible file\'s "År", "Antal"): the mapping to add', async () => {
    const file = registryCsv(december.slice(0, 20), 'danske-navne.csv');
    // The bundled plan, which maps none of the fixture's Danish headers.
    const da = await runCli('uptake', file, '--eligible', `${DK_SHAPES}/eligible.csv`, '--plan', 'data/plans/uptake.plan.json', '--lang', 'da');
    expect(da.code, da.stderr).toBe(2);
    const lines = refusal(da.stderr);
    expect(lines.some((l) => l.includes('knyt filens navne til kolonnerne i optagsplanen: "columns": { "eligible": { "year": "År"')), da.stderr).toBe(true);
    expectDanish(lines);
  });
});
