/**
 * A Ctrl-Z (0x1A) end-of-file mark, as DOS `copy /a` and some SAS or older Windows exporters
 * append it: every reader refused it as an invisible "1 field" line. Alone at the end (after the
 * last line end, or alone on the last line) it is now left out with a note, the results those of
 * the file without it; anywhere else it is refused, the byte named (docs/input-trial-export.md#ctrl-z).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const Z = '\x1a';
const NOTE = 'holds only an end-of-file mark, Ctrl-Z (byte 0x1A)';

/** A small trial export (CRLF) as `text` of its lines, in a folder with its plan. */
function trial(end: string, middle = '') {
  const dir = tempDir();
  const rows = ['id;arm;visit;age;rmdq'];
  for (let i = 1; i <= 12; i++) rows.push(`P${i};${i % 2 ? 'app' : 'usual'};baseline;${30 + i};${8 + (i % 5)}`, `P${i};${i % 2 ? 'app' : 'usual'};3m;${30 + i};${4 + ((i * 3) % 7)}`);
  if (middle) rows.splice(5, 0, middle);
  writeFileSync(join(dir, 'export.csv'), rows.join('\r\n') + '\r\n' + end);
  writeFileSync(join(dir, 'plan.json'), JSON.stringify({ arms: { intervention: 'app', control: 'usual' }, columns: { id: 'id', arm: 'arm', time: 'visit' }, timepoints: ['3m'], covariates: ['age'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }], methods: ['ancova'] }));
  return { csv: join(dir, 'export.csv'), plan: join(dir, 'plan.json') };
}

describe('a Ctrl-Z end-of-file mark', () => {
  it('after the last line end, or alone on the last line: left out with a note; analyze gives the numbers of the file without it', async () => {
    const plain = trial('');
    const base = await runCli('analyze', plain.csv, '--plan', plain.plan, '--json');
    expect(base.code).toBe(0);
    for (const end of [Z, `${Z}\r\n`]) {
      const f = trial(end);
      const v = await runCli('validate', f.csv, '--plan', f.plan);
      expect(v.code).toBe(0);
      expect(v.stderr).toContain(`export.csv: line 26 ${NOTE}`);
      const a = await runCli('analyze', f.csv, '--plan', f.plan, '--json');
      expect(JSON.parse(a.stdout).effects).toEqual(JSON.parse(base.stdout).effects);
    }
  });

  it('inside a cell or followed by rows: refused, the byte named and its line given', async () => {
    for (const f of [trial('', `P99;app;baseline;4${Z}0;8`), trial('', Z)]) {
      const r = await runCli('validate', f.csv, '--plan', f.plan);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('export.csv:6: — expected no Ctrl-Z (byte 0x1A) here');
    }
  });

  it('hta meta and plan init leave it out with the note', async () => {
    const dir = tempDir();
    const file = join(dir, 'studier.csv');
    writeFileSync(file, 'study;outcome;time;n_intervention;mean_intervention;sd_intervention;n_control;mean_control;sd_control\r\nA 2019;rmdq;3m;120;7.2;4.1;118;8.0;4.3\r\nB 2020;rmdq;3m;90;6.8;4.5;92;7.9;4.4\r\n' + Z);
    const m = await runCli('meta', file);
    expect(m.code).toBe(0);
    expect(m.stderr).toContain(`studier.csv: line 4 ${NOTE}`);
    const f = trial(Z);
    const p = await runCli('plan', 'init', f.csv, '--out', join(dir, 'plan.json'));
    expect(p.code).toBe(0);
    expect(p.stdout + p.stderr).toContain(`export.csv: line 26 ${NOTE}`);
  });

  it('hta uptake: in the registry and the eligible file, left out with a note, the results unchanged', async () => {
    const F = 'test/fixtures/exports/registry-dk-shapes';
    const dir = tempDir();
    writeFileSync(join(dir, 'registry.csv'), readFileSync(`${F}/simple.csv`, 'utf8') + Z);
    writeFileSync(join(dir, 'eligible.csv'), readFileSync(`${F}/eligible.csv`, 'utf8') + Z);
    const p = { ...JSON.parse(readFileSync(`${F}/uptake.plan.json`, 'utf8')), suppression: { threshold: 1, acknowledgeLowThreshold: true } };
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(p));
    const run = (reg: string, elig: string) => runCli('uptake', reg, '--eligible', elig, '--plan', join(dir, 'plan.json'), '--first-publication', '--json');
    const base = await run(`${F}/simple.csv`, `${F}/eligible.csv`);
    const z = await run(join(dir, 'registry.csv'), join(dir, 'eligible.csv'));
    expect(z.code).toBe(0);
    expect(z.stderr).toMatch(new RegExp(`registry\\.csv: line \\d+ ${NOTE.replace(/[()]/g, '\\$&')}`));
    expect(z.stderr).toMatch(new RegExp(`eligible\\.csv: line \\d+ ${NOTE.replace(/[()]/g, '\\$&')}`));
    expect(JSON.parse(z.stdout).metrics).toEqual(JSON.parse(base.stdout).metrics);
    // In Danish under --lang da, the registry's note as the eligible file's (it had stayed English under "bemærk:").
    const da = await runCli('uptake', join(dir, 'registry.csv'), '--eligible', join(dir, 'eligible.csv'), '--plan', join(dir, 'plan.json'), '--first-publication', '--lang', 'da');
    expect(da.code, da.stderr).toBe(0);
    expect(da.stderr).toMatch(/^bemærk: \S*registry\.csv: linje \d+ rummer kun et filslutmærke, Ctrl-Z \(byte 0x1A\)/m);
    expect(da.stderr).toMatch(/^bemærk: \S*eligible\.csv: linje \d+ rummer kun et filslutmærke/m);
    expect(da.stderr).not.toContain(NOTE);
  });
});
