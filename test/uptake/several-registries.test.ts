/**
 * `hta uptake registry.csv registry-2.csv`: the join command hta suggests is run as printed, and
 * leaves both exports as they were (docs/input-registry.md "Several exports").
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { severalRegistriesError } from '../../src/uptake/several-registries.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

/** The command between the first pair of backticks of the message. */
const command = (message: string) => /`([^`]+)`/.exec(message)![1]!;

describe('the join advice for several registry files', () => {
  it('run literally with sh, writes a new file with every row once and leaves the inputs intact', () => {
    const dir = tempDir();
    // The first export has no line end after its last row; the second has CRLF line ends.
    const a = 'id;region\nP1;Hovedstaden\nP2;Sjælland';
    const b = 'id;region\r\nP3;Nordjylland\r\nP4;Syddanmark\r\n';
    writeFileSync(join(dir, 'registry.csv'), a);
    writeFileSync(join(dir, 'registry-2.csv'), b);
    writeFileSync(join(dir, 'registry-joined.csv'), 'a file the user already has\n');
    const cmd = command(severalRegistriesError(['registry.csv', 'registry-2.csv'], dir).message);
    expect(cmd).not.toMatch(/> *registry(-2)?\.csv$/);
    execFileSync('sh', ['-c', cmd], { cwd: dir });
    expect(readFileSync(join(dir, 'registry.csv'), 'utf8')).toBe(a);
    expect(readFileSync(join(dir, 'registry-2.csv'), 'utf8')).toBe(b);
    expect(readFileSync(join(dir, 'registry-joined.csv'), 'utf8')).toBe('a file the user already has\n');
    const out = /> (\S+)$/.exec(cmd)![1]!;
    // One line end throughout (LF): a CRLF export joined with an LF one is no file of both.
    expect(readFileSync(join(dir, out), 'utf8')).toBe('id;region\nP1;Hovedstaden\nP2;Sjælland\nP3;Nordjylland\nP4;Syddanmark\n');
  });

  it('quotes a path with spaces and never writes onto an input named like the joined file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'registry-joined.csv'), 'id\n1\n');
    writeFileSync(join(dir, 'my export.csv'), 'id\n2\n');
    const cmd = command(severalRegistriesError(['registry-joined.csv', 'my export.csv'], dir).message);
    execFileSync('sh', ['-c', cmd], { cwd: dir });
    expect(readFileSync(join(dir, 'registry-joined.csv'), 'utf8')).toBe('id\n1\n');
    expect(readFileSync(join(dir, 'my export.csv'), 'utf8')).toBe('id\n2\n');
    expect(readFileSync(join(dir, 'registry-joined-2.csv'), 'utf8')).toBe('id\n1\n2\n');
  });

  it('says that one export given twice (the same path, or a byte-identical copy) is one export, and joins only the others', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.csv'), 'id;region\nP1;Hovedstaden\n');
    writeFileSync(join(dir, 'a-copy.csv'), 'id;region\nP1;Hovedstaden\n');
    writeFileSync(join(dir, 'b.csv'), 'id;region\nP2;Sjælland\n');
    const same = severalRegistriesError(['a.csv', 'a.csv'], dir).message;
    expect(same).toContain('the same export was given twice (a.csv is named twice): give it once: hta uptake a.csv …');
    const copy = severalRegistriesError(['a.csv', 'b.csv', 'a-copy.csv'], dir).message;
    expect(copy).toContain('(a-copy.csv is a byte-identical copy of a.csv)');
    expect(command(copy)).toMatch(/ a\.csv b\.csv > registry-joined\.csv$/);
  });

  it('words the join advice for the exports left once, also when a file name holds a parenthesis', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'Region (Syd).csv'), 'id;region\nP1;Syddanmark\n');
    writeFileSync(join(dir, 'b.csv'), 'id;region\nP2;Sjælland\n');
    const m = severalRegistriesError(['Region (Syd).csv', 'b.csv', 'Region (Syd).csv'], dir).message;
    // The opening sentence once: the advice for the rest is not another whole error.
    expect(m.match(/hta uptake reads one registry export/g)).toHaveLength(1);
    expect(m).toContain('each export once; of Region (Syd).csv, b.csv: They have the same header line');
  });

  it('Excel "CSV UTF-8" exports with a sep=; line: the join keeps one separator line and one header, and runs as printed', () => {
    const dir = tempDir();
    const a = '\uFEFFsep=;\r\nid;region\r\nP1;Hovedstaden\r\n';
    const b = '\uFEFFsep=;\r\nid;region\r\nP2;Sjælland\r\n';
    writeFileSync(join(dir, 'jan.csv'), a);
    writeFileSync(join(dir, 'feb.csv'), b);
    const m = severalRegistriesError(['jan.csv', 'feb.csv'], dir).message;
    expect(m).toContain('They have the same header line (after Excel\'s "sep=" line)');
    expect(m).toContain('without their separator line and header');
    execFileSync('sh', ['-c', command(m)], { cwd: dir });
    expect(readFileSync(join(dir, 'registry-joined.csv'), 'utf8')).toBe('\uFEFFsep=;\nid;region\nP1;Hovedstaden\nP2;Sjælland\n');
    expect(readFileSync(join(dir, 'jan.csv'), 'utf8')).toBe(a);
  });

  it('sep=; lines alike are no "same header": the real header lines are compared', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.csv'), 'sep=;\nid;region\nP1;Hovedstaden\n');
    writeFileSync(join(dir, 'b.csv'), 'sep=;\npatient;omraade;x\nP2;Sjælland;1\n');
    const m = severalRegistriesError(['a.csv', 'b.csv'], dir).message;
    expect(m).not.toContain('same header');
    expect(m).toContain('Their header lines differ');
  });

  it('reordered columns after sep=; lines: the join by name skips each separator line', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.csv'), '\uFEFFsep=;\r\nid;region\r\nP1;Hovedstaden\r\n');
    writeFileSync(join(dir, 'b.csv'), 'sep=;\nregion;id\nSjælland;P2\n');
    const m = severalRegistriesError(['a.csv', 'b.csv'], dir).message;
    expect(m).toContain('the same columns in another order');
    execFileSync('sh', ['-c', command(m)], { cwd: dir });
    expect(readFileSync(join(dir, 'registry-joined.csv'), 'utf8')).toBe('id;region\nP1;Hovedstaden\nP2;Sjælland\n');
  });

  it('Parquet files are never told their "first lines differ"', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.parquet'), 'PAR1');
    writeFileSync(join(dir, 'b.parquet'), 'PAR1 other');
    const m = severalRegistriesError(['a.parquet', 'b.parquet'], dir).message;
    expect(m).not.toMatch(/first lines|header line/);
    expect(m).toContain('Parquet files are not joined line by line');
  });
});

