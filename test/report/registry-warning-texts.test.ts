/**
 * results.json of a registry report says each warning as the page does, English and Danish
 * ("Disability (RMDQ 0–24), 3 months: … Referred by: chiropractor"), beside the keyed lines it
 * always had ("rmdq at 3m: … referrer … chiro") and with the keys in fields of their own, so a
 * script that matched the keys still can (docs/observational.md#output). A reviewer found the
 * page and the terminal using the plan's labels while results.json kept "referrer=hospital".
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { observationalResultSchema, type ObservationalResult } from '../../src/observational/observational-results-schema.js';
import { registryReportKind } from '../../src/report/kinds/registry-report.js';

const plan = {
  design: 'observational',
  observational: {
    exposure: { column: 'app', exposed: 'Ja', unexposed: 'Nej' },
    confounders: [
      { name: 'age', type: 'numeric', label: { en: 'Age (years)', da: 'Alder (år)' } },
      { name: 'sex', type: 'categorical', label: { en: 'Sex', da: 'Køn' }, levelLabels: { K: { en: 'female', da: 'kvinde' }, M: { en: 'male', da: 'mand' } } },
      { name: 'referrer', type: 'categorical', label: { en: 'Referred by', da: 'Henvist af' }, levelLabels: { chiro: { en: 'chiropractor', da: 'kiropraktor' } } },
    ],
    estimand: 'ATT',
    // Strict enough that sex stays out of balance: a warning naming a term and its level.
    balanceThreshold: 0.01,
  },
  layout: 'wide',
  timepoints: ['3m'],
  outcomes: [{ key: 'rmdq', instrument: 'rmdq', label: { en: 'Disability (RMDQ 0–24)', da: 'Fysisk funktionsniveau (RMDQ 0–24)' } }],
};

async function build(lang: 'en' | 'da') {
  const dir = mkdtempSync(join(tmpdir(), 'hta-warning-texts-'));
  copyFileSync('test/fixtures/observational/registry-att-outside.csv', join(dir, 'registry.csv'));
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  const env = { input: (p: string) => join(dir, p), lang, version: 'test', memo: <T>(_k: string, f: () => T) => f() };
  const content = await registryReportKind.build({ id: 'r', kind: 'registry', out: 'r', lang, data: 'registry.csv', plan: 'plan.json' } as never, env as never);
  return { notes: content.page.sections.find((s) => s.id === 'warnings')?.notes ?? [], result: content.results as ObservationalResult };
}

describe('results.json warnings in the words of the page', () => {
  it('one text per keyed warning, in its order, the same as the page\'s warnings (en, da)', async () => {
    for (const lang of ['en', 'da'] as const) {
      const { notes, result } = await build(lang);
      expect(result.warnings.length).toBeGreaterThan(1);
      expect(result.warningTexts!.map((w) => w.text[lang])).toEqual(notes);
      // Both languages in either file: a script picks the one it needs.
      expect(result.warningTexts!.every((w) => w.text.en !== w.text.da)).toBe(true);
      // The analysis's own list: the same words without the outcome and visit, one for one.
      const a = result.analyses[0]!;
      expect(a.warningTexts!.map((w) => w.text.en)).toEqual(result.warningTexts!.filter((w) => w.kind !== 'missing').map((w) => w.text.en.replace('Disability (RMDQ 0–24), 3 months: ', '')));
      expect(a.warningTexts!.length).toBe(a.warnings.length);
      expect(observationalResultSchema.safeParse(result).success).toBe(true);
    }
  });

  it('labels in the texts, keys in their own fields, the keyed lines unchanged', async () => {
    const { result } = await build('en');
    expect(result.warnings.length).toBe(result.warningTexts!.length);
    result.warningTexts!.forEach((w, i) => {
      expect(w).toMatchObject({ outcome: 'rmdq', time: '3m' });
      expect(result.warnings[i]).toMatch(/^rmdq at 3m: /);
      expect(w.text.en).toMatch(/^Disability \(RMDQ 0–24\), 3 months: /);
      expect(w.text.da).toMatch(/^Fysisk funktionsniveau \(RMDQ 0–24\), 3 måneder: /);
      for (const t of [w.text.en, w.text.da]) expect(t).not.toMatch(/\b3m\b|referrer|\bchiro\b|sex|: [KM]:|=/);
    });
    const imbalance = result.warningTexts!.filter((w) => w.kind === 'imbalance');
    expect(imbalance.length).toBeGreaterThan(0);
    for (const w of imbalance) {
      // The term as the balance rows key it, and the keyed line that names it.
      expect(result.analyses[0]!.balance.some((b) => b.term === w.term)).toBe(true);
      expect(result.warnings[result.warningTexts!.indexOf(w)]).toContain(`balance not reached for ${w.term}:`);
    }
    const female = imbalance.find((w) => w.term === 'sex=K');
    expect(female?.text.en).toContain('balance not reached for Sex: female: SMD −');
    expect(female?.text.da).toContain('balance ikke opnået for Køn: kvinde: SMD −');
    const outside = result.warningTexts!.find((w) => w.kind === 'outside-target');
    expect(outside).toMatchObject({ confounder: 'referrer' });
    expect(outside?.text.en).toContain('confounder "Referred by": level "chiropractor" only among the unexposed');
    expect(result.warnings.some((w) => w.startsWith('rmdq at 3m: confounder "referrer": level "chiro"'))).toBe(true);
  });
});
