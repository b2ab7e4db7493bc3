// The registry and meta conclusions' sentence on the other results (src/report/conclusion-others.ts):
// Danish puts the count before "øvrige" ("De to øvrige resultater"), never "De øvrige to resultater"
// (a reviewer's finding), the count in words.
import { describe, expect, it } from 'vitest';
import { othersSentence } from '../../src/report/conclusion-others.js';

const other = (name: string, verdict: string) => ({ name, verdict, harm: false });

describe('the other results in a Danish conclusion', () => {
  it('counts them before "øvrige"', () => {
    const agree = othersSentence('ingen forskel', [other('smerte efter 3 måneder', 'ingen forskel'), other('smerte efter 9 måneder', 'ingen forskel')], 'da');
    expect(agree).toMatch(/^De to øvrige resultater har samme vurdering \(/);
    const differ = othersSentence('ingen forskel', [other('smerte efter 3 måneder', 'ingen forskel'), other('smerte efter 9 måneder', 'signifikant forskel')], 'da');
    expect(differ).toMatch(/^Af de to øvrige resultater: /);
    expect(agree + differ).not.toMatch(/øvrige to/);
  });
});
