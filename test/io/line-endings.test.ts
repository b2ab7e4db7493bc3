/** Files that differ from what hta wrote in CRLF line ends only (git core.autocrlf), and the remedy's .gitattributes line. */
import { describe, expect, it } from 'vitest';
import { differsInLineEndingsOnly, sha256 } from '../../src/io/output-index.js';
import { gitattributesLine } from '../../src/io/line-endings.js';

describe('line endings only', () => {
  const wrote = 'a,b\n1,"x\ny"\næ\n';
  it('tells CRLF conversion of what hta wrote from an edit, byte for byte in any encoding', () => {
    expect(differsInLineEndingsOnly(Buffer.from(wrote.replaceAll('\n', '\r\n')), sha256(wrote))).toBe(true);
    expect(differsInLineEndingsOnly(Buffer.from(wrote.replaceAll('\n', '\r\n'), 'latin1'), sha256(Buffer.from(wrote, 'latin1')))).toBe(true);
    expect(differsInLineEndingsOnly(Buffer.from(wrote.replaceAll('\n', '\r\n') + 'x'), sha256(wrote))).toBe(false);
    expect(differsInLineEndingsOnly(Buffer.from(wrote), sha256(wrote + ' '))).toBe(false); // no CRLF at all
  });

  it('names the folder from where hta runs, with /, or says it must be made relative', () => {
    expect(gitattributesLine('reports', '/repo')).toBe('reports/** -text');
    expect(gitattributesLine('./site/out/', '/repo')).toBe('site/out/** -text');
    expect(gitattributesLine('/repo/site', '/repo')).toBe('site/** -text');
    expect(gitattributesLine('.', '/repo')).toBe('** -text');
    expect(gitattributesLine('/elsewhere/out', '/repo')).toBe("</elsewhere/out from the repository's root>/** -text");
  });
});
