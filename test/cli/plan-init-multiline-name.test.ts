// A survey question's header with a line break in it (SurveyXact's question text, quoted over two
// lines): plan init's listing wrote the CR as `\x0d` but the LF raw, so the guess naming the column
// broke in two and its second half stood as a line of its own under "guessed:".
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

describe('plan init on a column name spanning two lines', () => {
  it('writes the line break visibly, each guess and check on one line', async () => {
    const dir = tempDir();
    const file = join(dir, 'sx.csv');
    const rows = ['Deltagernummer;Gruppe;Besøg;"Hvor ondt har du i ryggen?\r\n(0 = ingen smerte – 10 = værst tænkelige smerte)"'];
    for (let k = 1; k <= 12; k++) for (const v of ['Baseline', '3 måneder']) rows.push(`RYG-${k};${k % 2 ? 'App' : 'Sædvanlig behandling'};${v};${(k + v.length) % 11}`);
    writeFileSync(file, rows.join('\r\n') + '\r\n');
    const r = await runCli('plan', 'init', file, '--out', join(dir, 'plan.json'));
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.split('\n');
    const listed = lines.slice(lines.indexOf('guessed:') + 1, lines.findIndex((l) => l.startsWith('wrote ')));
    expect(listed.some((l) => l.includes('"Hvor ondt har du i ryggen?\\x0d\\x0a(0 = ingen smerte – 10 = værst tænkelige smerte)"')), r.stderr).toBe(true);
    for (const l of listed) expect(l, r.stderr).toMatch(/^(check before analysing:|  \S)/);
  });
});
