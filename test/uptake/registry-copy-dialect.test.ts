/**
 * The dialect `hta uptake --excluded-out` writes its list in: the registry export's own
 * (src/uptake/registry-copy-dialect.ts), judged from the file's first bytes as Excel, SAS or a
 * regional system wrote them.
 */
import { describe, expect, it } from 'vitest';
import { copyDialectOfStart } from '../../src/uptake/registry-copy-dialect.js';

const utf8 = (s: string) => Buffer.from(s, 'utf8');

describe('copyDialectOfStart', () => {
  it('a plain UTF-8 comma file with LF: hta\'s own CSV', () => {
    expect(copyDialectOfStart(utf8('id,region,clinic\n1,Nord,A\n'), false)).toEqual({ delimiter: ',', eol: '\n', bom: false });
  });

  it('Excel\'s "CSV UTF-8": BOM, `;`, CRLF', () => {
    expect(copyDialectOfStart(utf8('\uFEFFid;region;klinik\r\n1;Nord;Å\r\n'), false)).toEqual({ delimiter: ';', eol: '\r\n', bom: true });
  });

  it('Excel\'s plain "CSV" (Windows-1252 bytes): a BOM, so Excel reads the UTF-8 copy right', () => {
    expect(copyDialectOfStart(Buffer.from('id;region;køn\r\n1;Nord;K\r\n', 'latin1'), false)).toEqual({ delimiter: ';', eol: '\r\n', bom: true });
  });

  it('"Unicode text": UTF-16 LE and BE with tabs', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id\tregion\r\n1\tNord\r\n', 'utf16le')]);
    expect(copyDialectOfStart(le, false)).toEqual({ delimiter: '\t', eol: '\r\n', bom: true });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('id\tregion\n1\tNord\n', 'utf16le').swap16()]);
    expect(copyDialectOfStart(be, false)).toEqual({ delimiter: '\t', eol: '\n', bom: true });
  });

  it('Excel for old Macs (CR alone), SAS `|`, and Excel\'s `sep=` line', () => {
    expect(copyDialectOfStart(utf8('id,region\r1,Nord\r'), false)).toEqual({ delimiter: ',', eol: '\r', bom: false });
    expect(copyDialectOfStart(utf8('ID|REGION|CLINIC\n1|Nord|A\n'), false)).toEqual({ delimiter: '|', eol: '\n', bom: false });
    // The hint names `;` though the header has more commas.
    expect(copyDialectOfStart(utf8('sep=;\r\nid;a,b,c;region\r\n'), false)).toEqual({ delimiter: ';', eol: '\r\n', bom: false });
  });

  it('a sample cut inside a UTF-8 letter is still UTF-8 (no BOM added)', () => {
    const whole = utf8('id,region,klinik\n' + '1,Nord,Øster\n'.repeat(10));
    const cut = whole.subarray(0, whole.length - 6); // inside "Ø"? ends mid-line at least
    const mid = Buffer.concat([utf8('id,region\n1,Nord\n'), utf8('Ø').subarray(0, 1)]);
    expect(copyDialectOfStart(cut, true)).toEqual({ delimiter: ',', eol: '\n', bom: false });
    expect(copyDialectOfStart(mid, true)).toEqual({ delimiter: ',', eol: '\n', bom: false });
  });

  it('Parquet, or a hint hta refuses: no dialect (the run says what is wrong)', () => {
    expect(copyDialectOfStart(Buffer.from('PAR1\u0000\u0001', 'latin1'), false)).toBeUndefined();
    expect(copyDialectOfStart(utf8('sep=:\nid:region\n'), false)).toBeUndefined();
  });
});
