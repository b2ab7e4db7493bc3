/**
 * What `--help` points to is true: `meta --help` named data/published/README.md for the study
 * file's format (the docs page is docs/input-studies.md), and `plan check --help` left out the
 * cost-effectiveness plans it checks (found by a new user learning hta from its docs).
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { FILE_KINDS } from '../../src/cli/plan-files.js';

describe('--help points to what exists', () => {
  it('meta --help names the docs page of the study file format, and it exists', async () => {
    const r = await runCli('meta', '--help');
    const pages = r.stdout.match(/[\w/.-]+\.md\b/g) ?? [];
    expect(pages).toContain('docs/input-studies.md');
    for (const p of pages) expect(existsSync(p), p).toBe(true);
  });

  it('plan check --help names every kind of file it checks', async () => {
    const r = await runCli('plan', 'check', '--help');
    const words: Record<(typeof FILE_KINDS)[number], string> = { trial: 'trial plan', uptake: 'uptake plan', manifest: 'report manifest', cea: 'cost-effectiveness plan' };
    for (const kind of FILE_KINDS) expect(r.stdout.replace(/\s+/g, ' ')).toContain(words[kind]);
  });
});
