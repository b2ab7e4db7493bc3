/**
 * The registry as read (registry-as-read.ts): what ties two entries of one manifest to one
 * registry (docs/disclosure-control.md "Two reports of one registry in one manifest"). An Excel
 * re-save changes the bytes, not the rows; another extract changes rows but shares most.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registryAsRead, shareRows } from '../../src/uptake/registry-as-read.js';
import { tempDir } from '../support/run-cli.js';

const ROWS = ['id,region,clinic,referred,activated', 'P1,Sjælland,S1,2025-01-02,', 'P2,Hovedstaden,H1,2025-02-03,2025-02-04', 'P3,Hovedstaden,H2,2025-03-04,'];

describe('the registry as read', () => {
  it('line ends, byte-order mark, sep= line, separator, quotes, blank lines and Windows-1252 do not change it; a rewritten row does, and shares the others', async () => {
    const dir = tempDir();
    const file = (name: string, text: string | Buffer) => { writeFileSync(join(dir, name), text); return join(dir, name); };
    const plain = await registryAsRead(file('plain.csv', `${ROWS.join('\n')}\n`));
    const excel = await registryAsRead(file('excel.csv', `\uFEFFsep=;\r\n${ROWS.map((r) => r.split(',').map((f) => `"${f}"`).join(';')).join('\r\n')}\r\n\r\n`));
    const ansi = await registryAsRead(file('ansi.csv', Buffer.from(`${ROWS.join('\r\n')}\r\n`, 'latin1')));
    expect(excel.content).toBe(plain.content);
    expect(ansi.content).toBe(plain.content);
    const edited = await registryAsRead(file('edited.csv', ROWS.map((r) => r.replace('2025-03-04', '2025-03-05')).join('\n')));
    expect(edited.content).not.toBe(plain.content);
    expect(shareRows(edited, plain)).toBe(true);
    const other = await registryAsRead(file('other.csv', ROWS.map((r, i) => (i === 0 ? r : r.replace('P', 'Q'))).join('\n')));
    expect(shareRows(other, plain)).toBe(false);
  });
});
