// "Kan ikke vurderes", "Patienten kan ikke svare" beside the official Danish EQ-5D wording were
// read as the worst level (5L: 5, 3L: 3): the "kan ikke" of the 3L's "Jeg kan ikke vaske mig eller
// klæde mig på" matched any cell with "kan" and "ikke", so a missing answer pulled the index down,
// silently. A cell that reads as a non-answer is never a level: it stays unread, the check names
// it, and validate names its lines until the user gives it (docs/plan-trial.md "EQ-5D answers
// written as their labels").
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const DANISH_3L = {
  EQ5D_bevaegelighed: ['Jeg har ingen problemer med at gå omkring', 'Jeg har nogle problemer med at gå omkring', 'Jeg er bundet til sengen'],
  EQ5D_personlig_pleje: ['Jeg har ingen problemer med min personlige pleje', 'Jeg har nogle problemer med at vaske mig eller klæde mig på', 'Jeg kan ikke vaske mig eller klæde mig på'],
  EQ5D_saedvanlige_aktiviteter: ['Jeg har ingen problemer med at udføre mine sædvanlige aktiviteter', 'Jeg har nogle problemer med at udføre mine sædvanlige aktiviteter', 'Jeg kan ikke udføre mine sædvanlige aktiviteter'],
  EQ5D_smerter: ['Jeg har ingen smerter eller ubehag', 'Jeg har moderate smerter eller ubehag', 'Jeg har ekstreme smerter eller ubehag'],
  EQ5D_angst: ['Jeg er ikke ængstelig eller deprimeret', 'Jeg er moderat ængstelig eller deprimeret', 'Jeg er ekstremt ængstelig eller deprimeret'],
};
const DANISH_5L = {
  EQ5D_bevaegelighed: ['Jeg har ingen problemer med at gå omkring', 'Jeg har lidt problemer med at gå omkring', 'Jeg har moderate problemer med at gå omkring', 'Jeg har store problemer med at gå omkring', 'Jeg kan ikke gå omkring'],
  EQ5D_personlig_pleje: ['Jeg har ingen problemer med at vaske mig eller klæde mig på', 'Jeg har lidt problemer med at vaske mig eller klæde mig på', 'Jeg har moderate problemer med at vaske mig eller klæde mig på', 'Jeg har store problemer med at vaske mig eller klæde mig på', 'Jeg kan ikke vaske mig eller klæde mig på'],
  EQ5D_saedvanlige_aktiviteter: ['Jeg har ingen problemer med at udføre mine sædvanlige aktiviteter', 'Jeg har lidt problemer med at udføre mine sædvanlige aktiviteter', 'Jeg har moderate problemer med at udføre mine sædvanlige aktiviteter', 'Jeg har store problemer med at udføre mine sædvanlige aktiviteter', 'Jeg kan ikke udføre mine sædvanlige aktiviteter'],
  EQ5D_smerter: ['Jeg har ingen smerter eller ubehag', 'Jeg har lette smerter eller ubehag', 'Jeg har moderate smerter eller ubehag', 'Jeg har stærke smerter eller ubehag', 'Jeg har ekstreme smerter eller ubehag'],
  EQ5D_angst: ['Jeg er ikke ængstelig eller deprimeret', 'Jeg er lidt ængstelig eller deprimeret', 'Jeg er moderat ængstelig eller deprimeret', 'Jeg er meget ængstelig eller deprimeret', 'Jeg er ekstremt ængstelig eller deprimeret'],
};
const NON_ANSWERS = ['Kan ikke vurderes', 'Patienten kan ikke svare'];

/** 30 patients at two visits; every seventh row has a non-answer in one dimension. */
function export_(columns: Record<string, readonly string[]>): string {
  const names = Object.keys(columns);
  const lines = [`Patient ID;Arm;Visit;${names.join(';')}`];
  let row = 0;
  for (let p = 1; p <= 30; p++) {
    ['Baseline', '3 mdr'].forEach((v, t) => {
      row++;
      const cells = names.map((c, k) => columns[c]![(p + k + t) % columns[c]!.length]!);
      if (row % 7 === 0) cells[row % names.length] = NON_ANSWERS[row % 2]!;
      lines.push(`P${p};${p % 2 ? 'Intervention' : 'Kontrol'};${v};${cells.join(';')}`);
    });
  }
  return lines.join('\n') + '\n';
}

describe.each([
  ['Danish EQ-5D-3L', DANISH_3L, 'eq5d3l', 3],
  ['Danish EQ-5D-5L', DANISH_5L, 'eq5d5l', 5],
])('"Kan ikke vurderes" and "Patienten kan ikke svare" beside the %s', (_name, columns, version, worst) => {
  it('are no level: the official "kan ikke" wordings are still the worst, the non-answers are named unread, and validate names their lines', async () => {
    const dir = tempDir();
    const csv = join(dir, 'eq.csv');
    const plan = join(dir, 'plan.json');
    writeFileSync(csv, export_(columns));
    const init = await runCli('plan', 'init', csv, '--out', plan);
    expect(init.code).toBe(0);
    const eq = (JSON.parse(readFileSync(plan, 'utf8')) as { outcomes: { key: string; instrument: string; answers: Record<string, number> }[] }).outcomes.find((o) => o.key === 'eq5d')!;
    expect(eq.instrument).toBe(version);
    expect(eq.answers['Jeg kan ikke vaske mig eller klæde mig på']).toBe(worst);
    expect(eq.answers['Jeg kan ikke udføre mine sædvanlige aktiviteter']).toBe(worst);
    for (const w of NON_ANSWERS) expect(eq.answers[w]).toBeUndefined();
    expect(init.stderr).toContain('"Kan ikke vurderes", "Patienten kan ikke svare" — not read as a level nor drafted as a missing-value code');
    // The 3L is drafted without an MCID: give one, as the check says, so validate reads the data.
    const written = JSON.parse(readFileSync(plan, 'utf8')) as { outcomes: { key: string; mcid?: number }[] };
    written.outcomes.find((o) => o.key === 'eq5d')!.mcid ??= 0.05;
    writeFileSync(plan, JSON.stringify(written, null, 2));
    const validate = await runCli('validate', csv, '--plan', plan);
    expect(validate.code).toBe(2);
    expect(validate.stderr).toContain('"Kan ikke vurderes"');
    expect(validate.stderr).toContain('"Patienten kan ikke svare"');
  });
});
