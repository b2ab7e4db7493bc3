/**
 * What a Danish run (`--lang da`) still printed in English: `hta validate` had no `--lang`; one
 * line left out read "(linjer 6)"; the `--bootstrap` note; a cost-effectiveness page's refusal when
 * every row was left out (`hta report --lang da`); `hta meta`'s numbers off their outcome's scale;
 * `hta uptake`'s warning of rows alike but the id; an EQ-5D score off its scale with the
 * missing-code advice (docs/cli.md "Danish output", docs/glossary-da.md).
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DK_SHAPES, december, header, novemberCut, registryCsv, thresholdOnePlan } from '../support/appended-cuts.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const PLAN = 'data/plans/selfback.plan.json';
const TRIAL = readFileSync('data/synthetic/selfback-trial.csv', 'utf8').trimEnd().split('\n');

/** The bundled export with the arm of file line `line` (1 = header) made unknown. */
function oneBadArm(line: number): string {
  const file = join(tempDir(), 'trial.csv');
  writeFileSync(file, TRIAL.map((l, i) => (i === line - 1 ? l.replace(/^([^,]*),[^,]*,/, '$1,zzz,') : l)).join('\n') + '\n');
  return file;
}

const SMALL = ['id,arm,time,rmdq', ...[1, 2, 3, 4, 5, 6, 7, 8].flatMap((p) => [`P${p},${p % 2 ? 'app' : 'usual'},baseline,${10 + (p % 4)}`, `P${p},${p % 2 ? 'app' : 'usual'},3m,${6 + ((p * 3) % 7)}`])];

describe('a Danish run in Danish', () => {
  it('validate --lang da: the summary, the rows left out ("linje 6" for one line) and a refusal', async () => {
    const ok = await runCli('validate', 'data/synthetic/selfback-trial.csv', '--plan', PLAN, '--lang', 'da');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('selfback-trial.csv: gyldig (langt format)\npatienter: 232 intervention, 229 kontrol\nrækker: 2.110\n');
    expect(ok.stdout).toContain('observerede scorer pr. tidspunkt (intervention / kontrol):');
    const file = oneBadArm(6);
    const left = await runCli('validate', file, '--plan', PLAN, '--lang', 'da', '--exclude-invalid');
    expect(left.code, left.stderr).toBe(0);
    expect(left.stdout).toContain('udelod 1 række(r) med 1 problem(er) (linje 6);');
    expect(left.stdout).toContain('(arm): "zzz" — forventet en gruppe');
    const refused = await runCli('validate', file, '--plan', PLAN, '--lang', 'da');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^fejl: \S+trial\.csv har 1 problem\(er\) i 1 række\(r\)/);
    // English keeps "line" for one line.
    const en = await runCli('validate', file, '--plan', PLAN, '--exclude-invalid');
    expect(en.stdout).toContain('excluded 1 row(s) with 1 problem(s) (line 6);');
  });

  it('analyze --bootstrap --lang da: the note on where the intervals are', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 't.csv'), SMALL.join('\n') + '\n');
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq', mcid: 5 }], methods: ['welch'] }));
    const r = await runCli('analyze', join(dir, 't.csv'), '--plan', join(dir, 'p.json'), '--bootstrap', '50', '--lang', 'da');
    expect(r.stderr).toContain('bemærk: --bootstrap 50: percentil- og BCa-intervaller for forskellen i den ene Welch t-række står i tabellen under effekttabellen');
    expect(r.stderr).not.toContain('are in the table under');
  });

  it('report --lang da: a cost-effectiveness page\'s refusal when every row was left out', async () => {
    const dir = tempDir();
    for (const f of ['selfback.unit-costs.csv', 'uptake.plan.json']) copyFileSync(join('data/plans', f), join(dir, f));
    const cea = JSON.parse(readFileSync('data/plans/selfback.cea.json', 'utf8')) as Record<string, unknown>;
    delete cea.published;
    writeFileSync(join(dir, 'selfback.cea.json'), JSON.stringify(cea));
    writeFileSync(join(dir, 'selfback.plan.json'), JSON.stringify({ ...JSON.parse(readFileSync(PLAN, 'utf8')), invalidRows: 'exclude' }));
    writeFileSync(join(dir, 'x.csv'), [TRIAL[0]!, ...TRIAL.slice(1).map((l) => l.replace(/^([^,]*),[^,]*,/, '$1,zzz,'))].join('\n') + '\n');
    writeFileSync(join(dir, 'm.json'), JSON.stringify({ reports: [{ id: 'c', kind: 'cea', out: 'c', lang: 'da', data: 'x.csv', plan: 'selfback.cea.json' }] }));
    const r = await runCli('report', '--manifest', join(dir, 'm.json'), '--out', join(dir, 'out'), '--lang', 'da');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`fejl: ${join(dir, 'x.csv')}: planens "invalidRows": "exclude" udelod hver eneste række (2110 af 2110), så ingen række er tilbage`);
    expect(r.stderr).not.toContain('left out every row');
  }, 120_000);

  it('meta --lang da: numbers off their outcome\'s scale', async () => {
    const file = join(tempDir(), 'studier.csv');
    writeFileSync(file, 'study,outcome,time,measure,n_intervention,mean_intervention,sd_intervention,n_control,mean_control,sd_control\nA 2020,rmdq,3m,MD,50,300,40,50,10,4\nB 2021,rmdq,3m,MD,40,9,3,40,10,4\n');
    const r = await runCli('meta', file, '--lang', 'da');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`fejl: ${file} har 2 tal uden for effektmålets skala`);
    expect(r.stderr).toContain('(mean_intervention): "300" — forventet et gennemsnit på skalaen RMDQ 0–24 (eller en ændring fra baseline, -24 til 24); intet forsøg angiver dette på skalaen: tjek cellen mod artiklen');
    expect(r.stderr).toContain('(sd_intervention): "40" — forventet en SD på højst skalaens bredde, 24 (RMDQ 0–24); intet forsøg');
  });

  it('meta --lang da: a study row cut short, with the advice to delete a note or fill in the row', async () => {
    const file = join(tempDir(), 'studier.csv');
    writeFileSync(file, 'study,outcome,time,measure,difference,ci_lower,ci_upper\nAlpha 2015,pain,6m,MD,-0.9,-1.8,0.0\nDe Vries 2020,pain,6m,MD,-2.5,-3.5\n');
    const r = await runCli('meta', file, '--lang', 'da', '--direction', 'lower-is-better');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('— forventet 7 felter som i overskriftslinjen (tjek skilletegnet "," og anførselstegnene); er linjen en note (en fodnote, en total), så slet den; er den en studierække, så udfyld dens manglende celler');
    // The line's own count in Danish too (a value hta wrote, not a cell's text).
    expect(r.stderr).toContain(`${file}:3: "6 felter" — forventet`);
  });

  it('uptake --lang da: a registry line with too few fields, its count and the advice in Danish', async () => {
    const d = header.includes(';') ? ';' : ',';
    const rows = [...december];
    rows[1] = rows[1]!.split(d).slice(0, 3).join(d);
    const file = registryCsv(rows, 'register.csv');
    const r = await runCli('uptake', file, '--eligible', `${DK_SHAPES}/eligible.csv`, '--plan', thresholdOnePlan(), '--lang', 'da');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`register\\.csv:3: "3 felter" — forventet \\d+ felter som i overskriftslinjen \\(tjek skilletegnet og anførselstegnene\\)`));
  });

  it('uptake --lang da: the warning of rows alike in every column but the id', async () => {
    const november = novemberCut(december);
    const renamed = november.map((n) => n.replace(/^P5/, 'Q7'));
    const same = november.filter((n) => december.includes(n)).length;
    const r = await runCli('uptake', registryCsv([...renamed, ...december], 'nyeid.csv'), '--eligible', `${DK_SHAPES}/eligible.csv`, '--plan', thresholdOnePlan(), '--json', '--lang', 'da');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`nyeid.csv: advarsel: ${2 * same} af de ${november.length + december.length} henvisningsrækker`);
    expect(r.stderr).toContain(`er ens i alle 9 kolonner undtagen patient-id'et, i ${same} grupper (fx linjerne `);
    expect(r.stderr).not.toContain('alike in every');
  });

  it('analyze --lang da: an EQ-5D score off its scale with the advice to make 9 a code of its column', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], outcomes: [{ key: 'eq5d', instrument: 'eq5d5l', valueSet: 'dk-5l-2021', column: 'eq5d' }, { key: 'pain', instrument: 'nrs', mcid: 2 }] }));
    writeFileSync(join(dir, 't.csv'), 'id,arm,time,eq5d,pain\nP1,app,baseline,0.5,4\nP1,app,3m,9,3\nP2,usual,baseline,0.6,5\nP2,usual,3m,0.7,4\n');
    const r = await runCli('analyze', join(dir, 't.csv'), '--plan', join(dir, 'p.json'), '--lang', 'da');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(eq5d): "9" — forventet et tal fra -0.758 til 1 (EQ-5D-5L-indeks (dk-5l-2021)) — betyder 9 "mangler" her, så skriv "columnCodes": { "eq5d": { "missing": [9] } } i planen, ikke en fælles "missingCodes" 9 for hele planen: 9 er et gyldigt svar på skalaen for effektmål "pain" (0–10), hvis 9-taller den også ville gøre til manglende');
  });
});
