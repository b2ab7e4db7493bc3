/**
 * One wording per verdict (docs/glossary-da.md): every bundled page — index.html, README.md and
 * the chart specs of every report, English and Danish — names each verdict in the words of
 * VERDICT_TEXT, capitalised where it starts a table cell, and no other form ("significant, not
 * relevant", "sig. worse", "no relevant difference", "possibly relevant benefit" …).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_MCID_VERDICT_TEXT, NO_MCID_VERDICT_UNDER_HEADING, VERDICT_TEXT } from '../../src/report/i18n.js';

// The summary of findings says "no MCID set" once, in an outcome's heading row, above the short form.
const CANONICAL = new Set([...Object.values(VERDICT_TEXT), ...Object.values(NO_MCID_VERDICT_TEXT), ...Object.values(NO_MCID_VERDICT_UNDER_HEADING)].flatMap((v) => [v.en, v.da]).map((s) => s.toLowerCase()));

/** Anything that reads as a verdict, in any of the forms it has been written. */
const VERDICT_LIKE = [
  /\b(?:sig\.|sign\.|significant(?:ly worse)?|signifikant)(?: worse| dårligere)?,? (?:but |men )?(?:not|ikke) (?:clinically |klinisk )?relevant\b/gi,
  // Significance where no MCID is set: "significant", "No significant difference (no MCID set)" …
  /\b(?:(?:not|no|ikke|ingen) )?(?:significant|signifikant)(?: (?:difference|forskel))?(?: \((?:no MCID|ingen MKRF)(?: (?:set|angivet))?\))?(?!,? (?:but|men)\b|ly\b| dårligere)/gi,
  /\b(?:possibly|muligvis) (?:clinically |klinisk )?relevant (?:benefit|harm|gavn|skade)\b/gi,
  /\b(?:no|ingen) (?:clinically |klinisk )?relevant (?:difference|forskel)\b/gi,
  // "relevant benefit" alone (not "clinically relevant benefit", not the reason "relevant benefit and harm ruled out").
  /(?<!(?:clinically|klinisk) )\brelevant (?:benefit|harm|gavn|skade)\b(?! (?:and|og) )/gi,
];
/** A table cell (markdown or HTML) that starts with a verdict in lower case. */
const LOWER_CELL = /(?:\|\s+|<td[^>]*>)((?:significant|signifikant|not significant|ikke signifikant|no clinically|ingen klinisk|possibly|muligvis|clinically relevant|klinisk relevant|inconclusive|usikker)\b[^|<]{0,30})/g;

export function verdictProblems(text: string): string[] {
  const found: string[] = [];
  for (const re of VERDICT_LIKE) {
    for (const m of text.matchAll(re)) if (!CANONICAL.has(m[0].toLowerCase())) found.push(`"${m[0]}" in …${text.slice(Math.max(0, m.index - 30), m.index + 50)}…`);
  }
  for (const m of text.matchAll(LOWER_CELL)) found.push(`a cell starting in lower case: "${m[1]}"`);
  return found;
}

/** The verdicts a chart shows: its data's verdict texts and its legend domains. */
function chartVerdicts(spec: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'verdictText' && typeof x === 'string' && x) out.push(x);
        else walk(x);
      }
    }
  };
  walk(spec);
  return out;
}

describe('one wording per verdict', () => {
  it('the scan finds the old forms (the test can fail)', () => {
    for (const old of ['significant, not relevant', 'sig. worse, not relevant', 'no relevant difference', 'possibly relevant benefit', 'relevant gavn', 'No significant difference (no MCID)', 'Signifikant forskel (ingen MKRF)', 'significant']) {
      expect(verdictProblems(`| ${old} |`), old).not.toEqual([]);
    }
    expect(verdictProblems('| Significant, but not clinically relevant | No clinically relevant difference (relevant benefit and harm ruled out) |')).toEqual([]);
    expect(verdictProblems('<td>signifikant, men ikke klinisk relevant</td>')).toHaveLength(1);
  });

  const reports = readdirSync('reports', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  it.each(reports)('reports/%s: pages and charts use the one wording, capitalised at a cell start', (name) => {
    const dir = join('reports', name);
    const found: string[] = [];
    for (const f of readdirSync(dir).filter((x) => /\.(html|md|vl\.json)$/.test(x))) {
      const raw = readFileSync(join(dir, f), 'utf8');
      if (f.endsWith('.vl.json')) {
        const spec = JSON.parse(raw) as unknown;
        for (const v of chartVerdicts(spec)) if (!CANONICAL.has(v.toLowerCase()) && VERDICT_LIKE.some((re) => new RegExp(re.source, 'i').test(v))) found.push(`${f}: "${v}"`);
        found.push(...verdictProblems(JSON.stringify(spec)).filter((p) => !p.startsWith('a cell')).map((p) => `${f}: ${p}`));
      } else {
        const text = f.endsWith('.html') ? raw.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<svg[\s\S]*?<\/svg>/g, '') : raw;
        found.push(...verdictProblems(text).map((p) => `${f}: ${p}`));
      }
    }
    expect(found).toEqual([]);
  });
});
