/**
 * The Danish warnings on an effective sample and on extreme weights name the groups as the plan's
 * labels do ("tilbudt appen", "ikke tilbudt appen"), as the Danish summary above them and the page
 * do — they had said "brugere" / "ikke-brugere" whatever the exposure was (a programme offered, a
 * drug redeemed). Without labels, the neutral "eksponerede" / "ikke-eksponerede"
 * (src/observational/diagnostic-findings.ts; docs/observational.md, step 5).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { completeRegistryRows, registryCsv } from '../support/registry-rows.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

// A registry where age all but decides who was offered the app: the weights of the few against
// the rule are extreme and leave small effective samples in both groups.
const dir = tempDir();
const data = completeRegistryRows(400);
data.rows.forEach((r, i) => {
  r.app = (Number(r.age) < 45) !== (i % 12 === 0) ? 'Ja' : 'Nej';
});
writeFileSync(join(dir, 'registry.csv'), registryCsv(data));
const bundled = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')) as Record<string, unknown>;
const offered = { ...bundled, armLabels: { intervention: { en: 'Offered the app', da: 'tilbudt appen' }, control: { en: 'Not offered', da: 'ikke tilbudt appen' } } };
const unlabelled = { ...bundled };
delete unlabelled.armLabels;
writeFileSync(join(dir, 'offered.json'), JSON.stringify(offered));
writeFileSync(join(dir, 'unlabelled.json'), JSON.stringify(unlabelled));

/** The Danish warnings on the effective sample and the extreme weights of the RMDQ analysis. */
async function weightWarnings(plan: string): Promise<{ lines: string[]; json: string[] }> {
  const r = await runCli('analyze', join(dir, 'registry.csv'), '--plan', join(dir, plan), '--lang', 'da');
  expect(r.code, r.stderr).toBe(0);
  const lines = r.stderr.split('\n').filter((l) => l.startsWith('advarsel: Fysisk funktionsniveau') && /effektiv stikprøve|ekstreme vægte/.test(l));
  const j = await runCli('analyze', join(dir, 'registry.csv'), '--plan', join(dir, plan), '--json');
  const texts = (JSON.parse(j.stdout) as { warningTexts: { kind: string; text: { da: string } }[] }).warningTexts;
  return { lines, json: texts.filter((w) => w.kind === 'ess' || w.kind === 'extreme').map((w) => w.text.da) };
}

describe('Danish weight warnings name the plan\'s groups', () => {
  it('by the plan\'s labels, on stderr and in results.json\'s warningTexts', async () => {
    const { lines, json } = await weightWarnings('offered.json');
    // Both groups' effective samples and extreme weights.
    expect(lines).toHaveLength(4);
    expect(lines.filter((l) => / af [\d.]+ tilbudt appen$/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => / af [\d.]+ ikke tilbudt appen$/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('mindst én vægt blandt tilbudt appen er over 10 gange'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('mindst én vægt blandt ikke tilbudt appen er over 10 gange'))).toHaveLength(1);
    expect(json.length).toBeGreaterThanOrEqual(4);
    for (const t of [...lines, ...json]) expect(t).not.toMatch(/\bbrugere\b/);
  });

  it('without labels, the neutral words', async () => {
    const { lines, json } = await weightWarnings('unlabelled.json');
    expect(lines).toHaveLength(4);
    expect(lines.filter((l) => / af [\d.]+ eksponerede$/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => / af [\d.]+ ikke-eksponerede$/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('mindst én vægt blandt ikke-eksponerede er over'))).toHaveLength(1);
    for (const t of [...lines, ...json]) expect(t).not.toMatch(/\bbrugere\b/);
  });
});
