/**
 * Every relative link in README.md and docs/*.md leads somewhere: its file exists and its anchor
 * is a heading of that page (by GitHub's rules) or an `<a id="…">` in it. A new user following
 * docs/cli.md's link to plan-uptake.md#csv-files landed at the top of the page (the heading is
 * "CSV files (`--csv-dir`)", anchor csv-files---csv-dir). Bare mentions such as
 * `docs/plan-trial.md#certainty` in the text are checked the same way.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const PAGES = ['README.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** The page with its fenced code blocks blanked, lines kept (a `#` line in a shell example is no heading). */
function prose(text: string): string {
  return text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, (block) => block.replace(/[^\n]/g, ''));
}

/** GitHub's anchor of a heading: its text as rendered, lower case, punctuation but `-` and `_` dropped, spaces as `-`. */
export function githubAnchor(heading: string): string {
  const rendered = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // a link's text
    .replace(/<[^>]+>/g, '') // inline HTML
    .replace(/`/g, '')
    .replace(/(\*\*|\*)/g, '');
  return rendered.trim().toLowerCase().replace(/[^\p{L}\p{N}\p{M}_\- ]/gu, '').replace(/ /g, '-');
}

/** The anchors of a page: its headings (a repeated one numbered -1, -2, as GitHub does) and its `<a id>`/`<a name>`. */
function anchorsOf(path: string): Set<string> {
  const text = readFileSync(path, 'utf8');
  const out = new Set<string>();
  const seen = new Map<string, number>();
  for (const m of prose(text).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const a = githubAnchor(m[1]!);
    const n = seen.get(a);
    seen.set(a, (n ?? -1) + 1);
    out.add(n === undefined ? a : `${a}-${n + 1}`);
  }
  for (const m of text.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) out.add(m[1]!);
  return out;
}

const anchors = new Map<string, Set<string>>();
function hasAnchor(path: string, anchor: string): boolean {
  if (!anchors.has(path)) anchors.set(path, anchorsOf(path));
  return anchors.get(path)!.has(decodeURIComponent(anchor));
}

/** Broken links of one page, as "page:line: target — why". */
function brokenLinks(page: string): string[] {
  const text = prose(readFileSync(page, 'utf8'));
  const lineOf = (at: number) => text.slice(0, at).split('\n').length;
  const broken: string[] = [];
  const check = (target: string, at: number, base: string) => {
    const [path = '', anchor] = target.split('#');
    const file = path === '' ? page : normalize(join(base, decodeURIComponent(path)));
    if (!existsSync(file)) broken.push(`${page}:${lineOf(at)}: ${target} — no file ${file}`);
    else if (anchor !== undefined && anchor !== '' && file.endsWith('.md') && statSync(file).isFile() && !hasAnchor(file, anchor)) broken.push(`${page}:${lineOf(at)}: ${target} — no heading or <a id> "${anchor}" in ${file}`);
  };
  // Markdown links [text](target), skipping web addresses and mail.
  for (const m of text.matchAll(/\]\(<?([^)\s>]+)>?(?:\s+"[^"]*")?\)/g)) {
    const target = m[1]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
    check(target, m.index, dirname(page));
  }
  // Mentions in the text: docs/x.md#anchor (from the repository's root).
  for (const m of text.matchAll(/(?<![\w/.-])(docs\/[\w-]+\.md)#([\w-]+)/g)) check(`${m[1]}#${m[2]}`, m.index, '.');
  return broken;
}

describe('links in README.md and docs/*.md', () => {
  it('GitHub anchors as GitHub makes them', () => {
    expect(githubAnchor('CSV files (`--csv-dir`)')).toBe('csv-files---csv-dir');
    expect(githubAnchor('`hta plan init`')).toBe('hta-plan-init');
    expect(githubAnchor('A covariate of a few one-digit numbers: `covariateTypes`')).toBe('a-covariate-of-a-few-one-digit-numbers-covariatetypes');
    expect(githubAnchor('Ordliste: dansk ↔ engelsk')).toBe('ordliste-dansk--engelsk');
  });

  it.each(PAGES)('%s: every relative link and anchor exists', (page) => {
    expect(brokenLinks(page)).toEqual([]);
  });

  it('a link to a missing heading is found (the check can fail)', () => {
    expect(hasAnchor('docs/plan-uptake.md', 'csv-files')).toBe(false);
    expect(hasAnchor('docs/plan-uptake.md', 'csv-files---csv-dir')).toBe(true);
  });
});
