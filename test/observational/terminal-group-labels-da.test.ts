/**
 * `hta analyze --lang da` of a registry whose groups the plan names "tilbudt appen" / "ikke
 * tilbudt" (an offer, not use): the summary called them "brugere" / "ikke-brugere" in its header,
 * footnote and balance lines whatever the plan said, while the Danish page used the labels.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateRegistryOutcomes } from '../../src/simulate/registry-outcomes.js';
import { runCli, tempDir } from '../support/run-cli.js';

function files(armLabels: unknown): { data: string; plan: string } {
  const plan = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')) as Record<string, unknown>;
  if (armLabels === undefined) delete plan.armLabels;
  else plan.armLabels = armLabels;
  const dir = tempDir();
  writeFileSync(join(dir, 'registry.csv'), simulateRegistryOutcomes({ patients: 200, seed: 3 }));
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  return { data: join(dir, 'registry.csv'), plan: join(dir, 'plan.json') };
}

describe('the Danish terminal summary names the groups by the plan', () => {
  it('"tilbudt appen" / "ikke tilbudt": header, footnote and effective samples; never "brugere"', async () => {
    const f = files({ intervention: { en: 'Offered the app', da: 'tilbudt appen' }, control: { en: 'Not offered', da: 'ikke tilbudt' } });
    const r = await runCli('analyze', f.data, '--plan', f.plan, '--lang', 'da');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/ n tilbudt appen +n ikke tilbudt /);
    expect(lines.some((l) => l.startsWith('Tilbudt appen − ikke tilbudt, justeret med vægtning'))).toBe(true);
    expect(lines.filter((l) => / effektiv stikprøve [\d.,]+ tilbudt appen, [\d.,]+ ikke tilbudt;/.test(l)).length).toBeGreaterThan(0);
    expect(r.stdout).not.toMatch(/brugere/);
    // English keeps its neutral words.
    const en = await runCli('analyze', f.data, '--plan', f.plan);
    expect(en.stdout.split('\n')[0]).toMatch(/ n exposed +n unexposed /);
  });
});
