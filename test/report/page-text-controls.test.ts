/**
 * Text on a page cannot act on a terminal nor turn a paragraph around (docs/output-safety.md#text-on-pages):
 * an arm label ending in a right-to-left override (U+202E) reversed the rest of the conclusion,
 * so "0.81 lower (1.47 … 0.15)" read "18.0 … 74.1 … 51.0"; an export cell holding OSC 52 and
 * `ESC [8m` went raw into README.md, where `cat` set the clipboard and hid the rest of the line.
 * A plan's label, a Table 1 level from the export and a manifest title carry ESC, BEL, C1 and
 * bidi controls here, and every text file the report writes is scanned for them.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const RLO = '\u202e';
const OSC52 = '\x1b]52;c;cHduZWQ=\x07\x1b[8m';
/** The bidi formatting characters and every control character but tab and line feed. */
const UNSAFE = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\x00-\x08\x0b-\x1f\x7f-\x9f]/u;
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/u;

function exportCsv(): string {
  const rows = ['id,arm,visit,country,score'];
  const countries = [`NO${OSC52}`, `${RLO}DK`, 'SE\x9b2J', 'DK\u2067x\u2069'];
  for (let i = 0; i < 40; i++) {
    const arm = i % 2 === 0 ? 'App' : 'Usual';
    const base = 10 + (i % 7);
    const later = base - (arm === 'App' ? 3 : 1) - ((i * 3) % 4);
    const country = countries[Math.floor(i / 2) % 4];
    rows.push(`P${i + 1},${arm},baseline,${country},${base}`, `P${i + 1},${arm},9m,${country},${later}`);
  }
  return `${rows.join('\n')}\n`;
}

const plan = {
  title: { en: `Back app${RLO} vs usual care`, da: 'Rygapp' },
  arms: { intervention: 'App', control: 'Usual' },
  armLabels: { intervention: { en: `App + usual care${RLO}`, da: 'app' }, control: { en: 'Usual\x1b[31m care\x07', da: 'vanlig' } },
  columns: { id: 'id', time: 'visit', arm: 'arm' },
  timepoints: ['9m'],
  allTimepoints: ['baseline', '9m'],
  instruments: { pain: { label: { en: 'Pain', da: 'Smerte' }, range: [0, 24], direction: 'lower-is-better', mcid: 2, mcidSource: 'x' } },
  outcomes: [{ key: 'pain', instrument: 'pain', column: 'score', label: { en: `Pain\u200f\x85`, da: 'Smerte' } }],
  methods: ['ancova'],
  missing: { method: 'complete-case', sensitivity: false },
  subgroups: [],
};

describe('no bidi formatting or control character reaches a page, its README or a chart', () => {
  it('a label, a Table 1 level and a manifest title with ESC, BEL, C1 and U+202E', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'trial.csv'), exportCsv());
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const title = { en: `Report\x1b[31mRED\x1b]0;pwned\x07 ${RLO}x`, da: 'x' };
    const characteristics = [{ column: 'country', label: { en: `Country\x1b[2K`, da: 'Land' } }];
    writeFileSync(join(dir, 'm.json'), JSON.stringify({ reports: [{ id: 't', kind: 'trial', out: 't', lang: 'en', data: 'trial.csv', plan: 'plan.json', title, characteristics }] }));
    const run = await runCli('report', '--manifest', join(dir, 'm.json'), '--out', join(dir, 'out'), '--no-cache');
    expect(run.code, run.stderr).toBe(0);
    const folder = join(dir, 'out', 't');
    const texts = readdirSync(folder).filter((f) => !f.endsWith('.png'));
    expect(texts).toEqual(expect.arrayContaining(['index.html', 'README.md', 'results.json']));
    expect(texts.some((f) => f.endsWith('.svg'))).toBe(true);
    for (const f of texts) {
      const text = readFileSync(join(folder, f), 'utf8');
      // results.json is data, the labels as the user gave them, its controls written `\u001b` by JSON.
      const unsafe = f === 'results.json' ? CONTROLS : UNSAFE;
      expect(unsafe.exec(text)?.[0].codePointAt(0)?.toString(16), f).toBeUndefined();
    }
    const readme = readFileSync(join(folder, 'README.md'), 'utf8');
    // The controls are shown, as on stderr; the Table 1 level keeps its place and the numbers their order.
    expect(readme).toContain('NO\\\\x1b]52;c;cHduZWQ=\\\\x07\\\\x1b[8m');
    expect(readme.split('\n')[0]).toBe('# Report\\\\x1b[31mRED\\\\x1b]0;pwned\\\\x07 x');
    const html = readFileSync(join(folder, 'index.html'), 'utf8');
    expect(html).toContain('App + usual care compared with Usual\\x1b[31m care\\x07');
  }, 120_000);
});
