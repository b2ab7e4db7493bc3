import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { wilsonInterval } from '../../src/stats/wilson-interval.js';
import { expectClose } from '../support/tolerance.js';

const fixture = JSON.parse(readFileSync(new URL('../reference/uptake-funnel.json', import.meta.url), 'utf8')) as {
  wilson: { x: number; n: number; lower: number; upper: number }[];
};

describe('wilsonInterval (as uptake uses it) = R prop.test(correct = FALSE)', () => {
  for (const c of fixture.wilson) {
    it(`${c.x}/${c.n}`, () => {
      const ci = wilsonInterval(c.x, c.n, 0.95);
      expectClose(ci.lower, c.lower, 1e-6, 1e-9);
      expectClose(ci.upper, c.upper, 1e-6, 1e-9);
    });
  }
});

