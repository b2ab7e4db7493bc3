/**
 * The suppression's own proof (docs/disclosure-control.md, "Secondary suppression"): every
 * hidden cell is moved by at least the protection level by a perturbation the suppression found,
 * and every perturbation is one the attacker cannot rule out.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CellModel } from '../../src/uptake/disclosure/cell-model.js';
import { buildCellModel } from '../../src/uptake/disclosure/cell-model.js';
import { suppressionPattern } from '../../src/uptake/disclosure/secondary-suppression.js';
import { certificateProblems } from '../../src/uptake/disclosure/suppression-certificate.js';
import { readRegistry } from '../../src/uptake/read-registry.js';
import { simulateRegistry } from '../../src/simulate/registry.js';
import { tempDir } from '../support/run-cli.js';

const RULE = { threshold: 5, protectionLevel: 5, zerosSensitive: false };

/** A hand-built model: cells by name and value, all printed; relations total = Σ parts. */
function model(values: Record<string, number>, relations: [string, string[]][], unpublished: string[] = []): CellModel {
  const names = Object.keys(values);
  const index = new Map(names.map((n, i) => [n, i]));
  return {
    cells: names.map((n) => ({ key: n, value: values[n]!, published: !unpublished.includes(n), structural: false })),
    index,
    relations: relations.map(([t, ps]) => ({ total: index.get(t)!, parts: ps.map((q) => index.get(q)!) })),
  };
}
const hiddenNames = (m: CellModel, hidden: ReadonlySet<number>) => [...hidden].map((i) => m.cells[i]!.key).sort();

describe('the suppression certificate', () => {
  it('spreads a small count over the full protection level, not p − x (T = a + b with a = 1)', () => {
    // The cheapest way to widen a = 1 is to trade it against b (cost per unit 21) rather than T
    // (22). One perturbation whose upward half u_a ≥ p is cancelled by a downward half v_a = 1
    // moves a by only p − 1 = 4 (the earlier LP's certificate).
    const m = model({ T: 21, a: 1, b: 20 }, [['T', ['a', 'b']]]);
    const pattern = suppressionPattern(m, RULE);
    expect(hiddenNames(m, pattern.hidden)).toEqual(['a', 'b']);
    expect(certificateProblems(m, RULE, pattern)).toEqual([]);
    // Both hidden cells: the highest and lowest values the perturbations reach are ≥ p apart.
    for (const c of pattern.hidden) {
      const moves = pattern.perturbations.map((y) => y.get(c) ?? 0);
      expect(Math.max(0, ...moves) - Math.min(0, ...moves)).toBeGreaterThanOrEqual(5 - 1e-9);
    }
  });

  it('protects a small count only derivable by subtraction (referred − activated = 2)', () => {
    const m = model(
      { ref: 40, act: 38, not: 2, refB: 60, actB: 30, notB: 30, refT: 100, actT: 68, notT: 32 },
      [['ref', ['act', 'not']], ['refB', ['actB', 'notB']], ['refT', ['actT', 'notT']], ['refT', ['ref', 'refB']], ['actT', ['act', 'actB']], ['notT', ['not', 'notB']]],
      ['not', 'notB', 'notT'],
    );
    const pattern = suppressionPattern(m, RULE);
    expect(pattern.hidden.has(m.index.get('ref')!) || pattern.hidden.has(m.index.get('act')!)).toBe(true);
    expect(certificateProblems(m, RULE, pattern)).toEqual([]);
  });

  it('a model solved again in the process gets the same pattern, a copy of its own; another value or rule is solved afresh', () => {
    const m = model({ T: 21, a: 1, b: 20 }, [['T', ['a', 'b']]]);
    const first = suppressionPattern(m, RULE);
    const same = JSON.stringify([[...first.hidden], first.sensitive, first.perturbations.map((y) => [...y]), first.lpSolves]);
    first.hidden.clear();
    first.perturbations.length = 0;
    const again = suppressionPattern(model({ T: 21, a: 1, b: 20 }, [['T', ['a', 'b']]]), RULE);
    expect(JSON.stringify([[...again.hidden], again.sensitive, again.perturbations.map((y) => [...y]), again.lpSolves])).toBe(same);
    expect(hiddenNames(m, again.hidden)).toEqual(['a', 'b']);
    // Nothing small: nothing hidden (not the pattern remembered for a = 1).
    expect(suppressionPattern(model({ T: 21, a: 11, b: 10 }, [['T', ['a', 'b']]]), RULE).hidden.size).toBe(0);
    expect(suppressionPattern(m, { ...RULE, threshold: 1 }).hidden.size).toBe(0);
  });

  it('a model changed after it was solved, or the same values under another flag or other relations, is solved afresh', () => {
    const m = model({ T: 22, a: 2, b: 20 }, [['T', ['a', 'b']]]);
    expect(hiddenNames(m, suppressionPattern(m, RULE).hidden)).toEqual(['a', 'b']);
    // The caller's model changed in place: the pattern remembered is still a = 2's only.
    m.cells[1]!.value = 12;
    m.cells[2]!.value = 10;
    expect(suppressionPattern(model({ T: 22, a: 12, b: 10 }, [['T', ['a', 'b']]]), RULE).hidden.size).toBe(0);
    const known = model({ T: 22, a: 2, b: 20 }, [['T', ['a', 'b']]]);
    known.cells[1]!.known = true;
    expect(suppressionPattern(known, RULE).hidden.size).toBe(0);
    expect(hiddenNames(m, suppressionPattern(model({ T: 22, a: 2, b: 20 }, []), RULE).hidden)).toEqual(['a']);
  });

  it('the checker rejects a perturbation that breaks a relation, moves a shown cell, or goes negative, and a cell spread too little', () => {
    const m = model({ T: 21, a: 1, b: 20 }, [['T', ['a', 'b']]]);
    const hidden = new Set([1, 2]);
    const good = new Map([[1, 5], [2, -5]]);
    expect(certificateProblems(m, RULE, { hidden, perturbations: [good] })).toEqual([]);
    expect(certificateProblems(m, RULE, { hidden, perturbations: [new Map([[1, 5], [2, -4]])] }).join()).toMatch(/breaks T = Σ parts/);
    expect(certificateProblems(m, RULE, { hidden, perturbations: [new Map([[0, 5], [1, 5]])] }).join()).toMatch(/moves the shown cell T/);
    expect(certificateProblems(m, RULE, { hidden, perturbations: [new Map([[1, 21], [2, -21]])] }).join()).toMatch(/makes b negative/);
    expect(certificateProblems(m, RULE, { hidden, perturbations: [new Map([[1, 4], [2, -4]])] }).join()).toMatch(/a spans only 4/);
    // Down by 1 (to 0) and up by 4: 5 wide.
    expect(certificateProblems(m, RULE, { hidden, perturbations: [new Map([[1, 4], [2, -4]]), new Map([[1, -1], [2, 1]])] })).toEqual([]);
  });

  it('certifies every hidden cell of a simulated 300-row registry (metric tables)', async () => {
    const f = join(tempDir(), 'registry.csv');
    writeFileSync(f, simulateRegistry({ rows: 300, seed: 7, startDate: '2025-01-01', years: 0.5 }));
    const agg = await readRegistry(f);
    const m = buildCellModel({ metrics: agg.metrics, exportDate: agg.exportDate });
    for (const rule of [RULE, { threshold: 4, protectionLevel: 4, zerosSensitive: true }]) {
      const pattern = suppressionPattern(m, rule);
      expect(pattern.hidden.size).toBeGreaterThan(0);
      expect(certificateProblems(m, rule, pattern)).toEqual([]);
    }
  });
});
