import { describe, expect, it } from 'vitest';
import { regenerateCommand, regenerateMaskedNote, rerunCommand } from '../../src/report/regenerate-command.js';

describe('the regenerate command on a page', () => {
  it('is hta report alone for the default manifest, however written', () => {
    expect(regenerateCommand('data/reports.json', '/p')).toBe('hta report');
    expect(regenerateCommand('./data/../data/reports.json', '/p')).toBe('hta report');
    expect(regenerateCommand('/p/data/reports.json', '/p')).toBe('hta report');
  });
  it('names a manifest of the user\'s by its file name, to be run in its folder, quoted for a shell when needed', () => {
    expect(regenerateCommand('m.json', '/p')).toBe('hta report --manifest m.json');
    // Even one folder down: a folder can name a person (a reviewer's "Anna Jensen/m.json"); the
    // pages' folder (reports/ where hta ran) is then named from the manifest's folder, `../reports`.
    expect(regenerateCommand('/p/studie/m.json', '/p')).toBe('hta report --manifest m.json --out ../reports');
    expect(regenerateCommand('Anna Jensen/m.json', '/home/anna')).toBe('hta report --manifest m.json --out ../reports');
    expect(regenerateCommand("my study/it's.json", '/p')).toBe(`hta report --manifest "it's.json" --out ../reports`);
    // Double quotes read alike in a POSIX shell, cmd.exe and PowerShell; a path they would expand
    // or end is quoted for a POSIX shell (cmd.exe reads no single quotes: explorer win, 6 December 2026).
    expect(regenerateCommand('my study/$HOME 50%.json', '/p')).toBe(`hta report --manifest '$HOME 50%.json' --out ../reports`);
    expect(regenerateCommand("my study/it's $x.json", '/p')).toBe(`hta report --manifest 'it'\\''s $x.json' --out ../reports`);
    expect(regenerateCommand('Rapporter (udkast) & æøå/reports.json', '/p', 'Rapporter (udkast) & æøå/ud')).toBe('hta report --manifest reports.json --out ud');
    expect(regenerateCommand('data/m.json', '/p', 'data/Rapporter (udkast) & æøå')).toBe('hta report --manifest m.json --out "Rapporter (udkast) & æøå"');
  });
  it('masks a CPR-shaped number in the manifest\'s or --out\'s name, as in every published input name', () => {
    expect(regenerateCommand('m 010170-1234.json', '/p', 'out 020280-4321')).toBe('hta report --manifest "m DDMMYY-XXXX.json" --out "out DDMMYY-XXXX"');
  });
  it('a timestamped manifest name (registry-20240517-1230.json) stays masked, and hta report says the command needs the file renamed', () => {
    // A personnummer of someone born in 2024 has this shape too: privacy first, said on stderr.
    expect(regenerateCommand('registry-20240517-1230.json', '/p')).toBe('hta report --manifest registry-YYYYMMDD-XXXX.json');
    const note = regenerateMaskedNote('registry-20240517-1230.json', '/p');
    expect(note).toContain('(hta report --manifest registry-YYYYMMDD-XXXX.json) does not run as written');
    expect(note).toContain('rename it with "_" between the date and the time (YYYYMMDD_hhmm)');
    expect(note).not.toContain('20240517');
    // With "_" nothing is masked, and the command runs as written.
    expect(regenerateCommand('registry-20240517_1230.json', '/p')).toBe('hta report --manifest registry-20240517_1230.json');
    expect(regenerateMaskedNote('registry-20240517_1230.json', '/p')).toBeUndefined();
    expect(regenerateMaskedNote('m.json', '/p', 'out-20240517-1230')).toContain('--out out-YYYYMMDD-XXXX');
  });
  it("names a --out that is not the default, quoted for a shell, as --check's hint does; the default not at all", () => {
    expect(regenerateCommand('data/m.json', '/p', 'data/out dir')).toBe('hta report --manifest m.json --out "out dir"');
    expect(regenerateCommand('data/reports.json', '/p', '/p/site/')).toBe('hta report --out site');
    expect(regenerateCommand('data/reports.json', '/p', '.')).toBe('hta report --out .');
    // Outside the folder hta runs in: its name only, as for the manifest.
    expect(regenerateCommand('data/reports.json', '/p', '/home/jens/Mine data/out')).toBe('hta report --out out');
    for (const out of ['reports', './reports', '/p/reports/', 'x/../reports']) expect(regenerateCommand('data/reports.json', '/p', out)).toBe('hta report');
  });
  it('names a --out more than one folder deep by its last name, even under the folder hta runs in (a tester\'s OneDrive folder and name were published)', () => {
    expect(regenerateCommand('proj/m.json', '/home/anna.jensen', 'OneDrive - Region Midtjylland/Anna Jensen/uptake')).toBe('hta report --manifest m.json --out uptake');
    expect(regenerateCommand('m.json', '/tmp/x', 'Users/anna.jensen/o2')).toBe('hta report --manifest m.json --out o2');
    expect(regenerateCommand('m.json', '/tmp/x', 'o2')).toBe('hta report --manifest m.json --out o2');
  });
  it('names a manifest outside that folder by its file name only (no home folder on a published page)', () => {
    expect(regenerateCommand('/home/jens/studie/m.json', '/p')).toBe('hta report --manifest m.json');
    expect(regenerateCommand('../m.json', '/p/q')).toBe('hta report --manifest m.json');
  });
  it('names a manifest deeper than one folder under hta\'s folder, and its --out, from the manifest\'s folder: no "OneDrive - Region …" on every page', () => {
    const deep = 'OneDrive - Region Midtjylland/studie/data/m.json';
    expect(regenerateCommand(deep, '/home/anna', 'OneDrive - Region Midtjylland/studie/data/site')).toBe('hta report --manifest m.json --out site');
    // Deeper under it: by its last name too (a folder path can name a person).
    expect(regenerateCommand(deep, '/home/anna', 'OneDrive - Region Midtjylland/studie/data/ud/site')).toBe('hta report --manifest m.json --out site');
    // In a folder above the manifest's: by `..` and its name, which regenerates into it and names no one.
    expect(regenerateCommand(deep, '/home/anna', 'OneDrive - Region Midtjylland/site')).toBe('hta report --manifest m.json --out ../../site');
    // Beside a folder above it: its last name only.
    expect(regenerateCommand(deep, '/home/anna', 'OneDrive - Region Midtjylland/Anna/site')).toBe('hta report --manifest m.json --out site');
  });
});

describe('the regenerate command is the same from every folder hta report runs in, and regenerates into the page\'s folder', () => {
  it('data/reports.json into reports/ beside data/: `hta report`, run from the project, from data/ or from anywhere (CI called 24 pages stale)', () => {
    expect(regenerateCommand('data/reports.json', '/x/fork')).toBe('hta report');
    expect(regenerateCommand('reports.json', '/x/fork/data', '../reports')).toBe('hta report');
    expect(regenerateCommand('fork/data/reports.json', '/x', 'fork/reports')).toBe('hta report');
    expect(regenerateCommand('/x/fork/data/reports.json', '/', '/x/fork/reports/')).toBe('hta report');
  });
  it('a --out that the command, run in the manifest\'s folder, would not write: named from that folder', () => {
    // Before: `hta report --manifest reports.json`, which run in data/ writes data/reports/.
    expect(regenerateCommand('reports.json', '/x/fork/data', '../site')).toBe('hta report --out site');
    expect(regenerateCommand('m.json', '/x/fork/data', '../reports')).toBe('hta report --manifest m.json --out ../reports');
    expect(regenerateCommand('data/m.json', '/x/fork', 'reports')).toBe('hta report --manifest m.json --out ../reports');
    // data/reports.json into data/reports/: run in data/, where the default --out is that folder.
    expect(regenerateCommand('reports.json', '/x/fork/data')).toBe('hta report --manifest reports.json');
    expect(regenerateCommand('data/reports.json', '/x/fork', 'data/reports')).toBe('hta report --manifest reports.json');
  });
});

describe('the regenerate command names every option that changes the pages or is needed to run', () => {
  it('--lang and --allow-outside, after --manifest and --out; none when not given', () => {
    expect(regenerateCommand('m.json', '/p', 'out7', { lang: 'da' })).toBe('hta report --manifest m.json --out out7 --lang da');
    expect(regenerateCommand('data/reports.json', '/p', 'reports', { allowOutside: true })).toBe('hta report --allow-outside');
    expect(regenerateCommand('m.json', '/p', 'reports', { lang: 'en', allowOutside: true })).toBe('hta report --manifest m.json --lang en --allow-outside');
    expect(regenerateCommand('m.json', '/p', 'reports', {})).toBe('hta report --manifest m.json');
  });
});

describe('the command a message tells the user to run again', () => {
  it('is the user\'s own command, with their manifest and folder quoted, not npm\'s', () => {
    expect(rerunCommand({ manifest: 'my/reports.json', out: 'my/reports' }, '--force')).toBe('`hta report --manifest my/reports.json --out my/reports --force`');
    expect(rerunCommand({ manifest: 'Mit projekt/reports.json', out: 'ud data', only: 'u', allowOutside: true }, '--force')).toBe('`hta report --manifest "Mit projekt/reports.json" --out "ud data" --only u --allow-outside --force`');
  });
  it('names npm only for the bundled reports (default manifest and folder)', () => {
    expect(rerunCommand({ manifest: 'data/reports.json', out: 'reports' })).toBe('`hta report`');
    expect(rerunCommand({ manifest: 'data/reports.json', out: 'reports' }, '--force')).toBe('`hta report --force` (through npm: `npm start -- --force`)');
  });
});
