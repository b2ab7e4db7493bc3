/**
 * Report pages are compared by SHA-256 with their `.hta-report.json`, and `hta report` refuses to
 * write over a page edited since it wrote it. A Windows clone (Git's core.autocrlf=true) would turn
 * every committed page's LF into CRLF and make `npm start` refuse all of them: .gitattributes keeps
 * reports/, data/ and the fixtures byte-exact. Found in review.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('checkout', () => {
  it.skipIf(!existsSync('.git'))('never converts line endings of reports, data or fixtures', () => {
    const files = ['reports/selfback/README.md', 'reports/selfback/index.html', 'reports/selfback/.hta-report.json', 'data/synthetic/registry.csv', 'test/fixtures/exports/excel-windows-1252/README.md'];
    const out = execFileSync('git', ['check-attr', 'text', '--', ...files], { encoding: 'utf8' });
    for (const f of files) expect(out).toContain(`${f}: text: unset`);
  });
});
