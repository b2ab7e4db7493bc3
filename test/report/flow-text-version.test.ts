/**
 * The participant flow's text version (issue #15): for screen readers, a list (one item per part
 * of the diagram) in a collapsed <details> on screen and left out of print — not a run-on
 * paragraph printed under the diagram; README.md carries it as a list.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlPage } from '../../src/report/html-page.js';
import { markdownPage } from '../../src/report/markdown-page.js';

const page = { lang: 'en' as const, title: 't', provenance: 'p', sections: [{ id: 'flow', title: 'Participant flow', textVersion: { summary: 'The diagram in words', items: ['Randomised: n = 461.', 'App — Allocated: n = 232.', 'Usual care — Allocated: n = 229.'] } }] };

describe('the flow diagram in words', () => {
  it('is a list in a collapsed <details>, hidden in print', () => {
    const html = htmlPage(page, new Map());
    expect(html).toMatch(/<details class="text-version[^"]*"><summary>The diagram in words<\/summary>\s*<ul>\s*<li>Randomised: n = 461\.<\/li>\s*<li>App — Allocated: n = 232\.<\/li>\s*<li>Usual care — Allocated: n = 229\.<\/li>\s*<\/ul>\s*<\/details>/);
    expect(html).not.toMatch(/<details[^>]* open/);
    const print = /@media print \{([\s\S]*?)\n\}/.exec(html)![1]!;
    expect(print).toMatch(/\.text-version[^{]*\{ display: none; \}|[^{]*\.text-version \{ display: none; \}/);
  });

  it('nests a part\'s boxes under its heading', () => {
    const html = htmlPage({ ...page, sections: [{ id: 'flow', title: 'f', textVersion: { summary: 's', items: ['R.', { text: 'App — Allocated: n = 232.', items: ['6 weeks — Observed: n = 225.', '3 months — Observed: n = 213.'] }] } }] }, new Map());
    expect(html).toContain('<li>App — Allocated: n = 232.\n<ul>\n<li>6 weeks — Observed: n = 225.</li>\n<li>3 months — Observed: n = 213.</li>\n</ul></li>');
  });

  it('README.md carries it as a list', () => {
    const md = markdownPage(page, new Map());
    expect(md).toContain('The diagram in words\n\n- Randomised: n = 461.\n- App — Allocated: n = 232.\n- Usual care — Allocated: n = 229.');
  });

  it.each(['selfback', 'selfback-da'])('the bundled %s page has it so, and no flow paragraph under the diagram', (name) => {
    const html = readFileSync(`reports/${name}/index.html`, 'utf8');
    const flow = /<section id="flow">([\s\S]*?)<\/section>/.exec(html)![1]!;
    expect(flow).toMatch(/<details class="text-version[^"]*"><summary>[^<]+<\/summary>\s*<ul>[\s\S]*<\/ul>\s*<\/details>/);
    // One item per box: the arms' boxes and the target population's criteria nested under their heading.
    expect(flow.match(/<li>/g)!.length).toBeGreaterThanOrEqual(15);
    expect(flow.match(/<ul>/g)!.length).toBe(4);
    expect(flow).not.toMatch(/<p class="notes">(The diagram in words|Diagram i tekstform)/);
  });
});
