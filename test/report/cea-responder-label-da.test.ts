/**
 * The Danish cost per extra responder does not say "klinisk relevant forbedring" twice when the
 * responder's label starts with those words (the glossary's row label, "Klinisk relevant forbedring
 * (RMDQ ≥ 5 point)"): a reviewer found "…forbedring: Klinisk relevant forbedring (RMDQ ≥ 5 point)"
 * on the page and "(Klinisk relevant forbedring (RMDQ ≥ 5 point), 9 måneder)" from `hta cea --lang da`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { responderLabelRest } from '../../src/cea/cea-phrases.js';

describe('the Danish cost per extra responder', () => {
  it('takes what the label adds to "klinisk relevant forbedring", and nothing from another label', () => {
    expect(responderLabelRest('Klinisk relevant forbedring (RMDQ ≥ 5 point)')).toBe('RMDQ ≥ 5 point');
    expect(responderLabelRest('klinisk relevant forbedring (PSEQ ≥ 5,5 point)')).toBe('PSEQ ≥ 5,5 point');
    expect(responderLabelRest('RMDQ forbedret ≥ 30 %')).toBeUndefined();
  });

  it('reads once on the bundled Danish CEA page', () => {
    const page = readFileSync('reports/selfback-cea-da/index.html', 'utf8');
    expect(page).toContain('Omkostning pr. ekstra patient med klinisk relevant forbedring (RMDQ ≥ 5 point)');
    expect(page).not.toMatch(/forbedring: Klinisk relevant forbedring/i);
    expect(page).toContain('Omkostning pr. ekstra patient med klinisk relevant forbedring: RMDQ forbedret ≥ 30 %');
  });
});
