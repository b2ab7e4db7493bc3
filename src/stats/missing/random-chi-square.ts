import type { Random } from '../random.js';

/**
 * One chi-square deviate with `df` degrees of freedom, χ²_ν = 2·Gamma(ν/2, 1), drawn from the
 * seeded generator by Marsaglia & Tsang's (2000) squeeze method (doi:10.1145/358407.358414);
 * shape a < 1 uses Gamma(a) = Gamma(a + 1)·U^{1/a}.
 *
 * R equivalent (in distribution, not in stream): `rchisq(1, df)`.
 * Preconditions: df > 0 and finite.
 * @example chiSquareDraw(createRandom(1), 10) // one draw with mean 10 and variance 20
 */
export function chiSquareDraw(rng: Random, df: number): number {
  if (!(df > 0) || !Number.isFinite(df)) throw new RangeError(`chi-square df must be positive and finite, got ${df}`);
  return 2 * gammaDraw(rng, df / 2);
}

export function gammaDraw(rng: Random, shape: number): number {
  if (shape < 1) {
    let u = rng.uniform();
    while (u === 0) u = rng.uniform();
    return gammaDraw(rng, shape + 1) * u ** (1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.uniform();
    if (u < 1 - 0.0331 * x ** 4) return d * v;
    if (u > 0 && Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}
