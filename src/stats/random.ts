/**
 * Seeded pseudo-random numbers, so every resampling, imputation and simulation is reproducible:
 * same seed → same stream → same bytes out. No global state: each consumer owns its generator.
 *
 * Generator: xoshiro128** (Blackman & Vigna 2018, https://prng.di.unimi.it/), seeded through
 * splitmix32 so that small consecutive seeds give unrelated streams.
 */
export interface Random {
  /** Uniform on [0, 1) with 32 bits of resolution. */
  uniform(): number;
  /** Standard normal deviate (Marsaglia polar method; the spare deviate is cached). */
  normal(): number;
  /** Integer uniform on [0, n). */
  int(n: number): number;
  /**
   * Advances the stream as `count` calls of uniform() or int() would, without their values (PMM
   * skips a shuffle whose order cannot matter, mice-pmm.ts); normal()'s cached spare is untouched,
   * as by those calls.
   */
  skip(count: number): void;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;

export function createRandom(seed: number): Random {
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const init = splitmix32(seed);
  // The state (a, b, c, d) and the spare normal deviate live in typed arrays, not in closure
  // variables: a closure variable holding a number beyond the small-integer range is a heap
  // number, one allocation per store, and the CEA bootstrap draws millions of times. The same
  // 32-bit arithmetic, so the same stream.
  const state = Int32Array.of(init(), init(), init(), init());
  const spare = new Float64Array(1);
  let hasSpare = false;

  const next = (): number => {
    const a = state[0]!;
    const b = state[1]!;
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = b << 9;
    const c = state[2]! ^ a;
    const d = state[3]! ^ b;
    state[1] = b ^ c;
    state[0] = a ^ d;
    state[2] = c ^ t;
    state[3] = rotl(d, 11);
    return result;
  };

  const uniform = () => next() / 4294967296;
  return {
    uniform,
    int: (n: number) => Math.floor(uniform() * n),
    skip: (count: number) => {
      // next()'s state transition alone, on locals: the output is not needed.
      let a = state[0]!;
      let b = state[1]!;
      let c = state[2]!;
      let d = state[3]!;
      for (let i = 0; i < count; i++) {
        const t = b << 9;
        c ^= a;
        d ^= b;
        b ^= c;
        a ^= d;
        c ^= t;
        d = (d << 11) | (d >>> 21);
      }
      state[0] = a;
      state[1] = b;
      state[2] = c;
      state[3] = d;
    },
    normal: () => {
      if (hasSpare) {
        hasSpare = false;
        return spare[0]!;
      }
      let u: number, v: number, s: number;
      do {
        u = 2 * uniform() - 1;
        v = 2 * uniform() - 1;
        s = u * u + v * v;
      } while (s >= 1 || s === 0);
      const f = Math.sqrt((-2 * Math.log(s)) / s);
      spare[0] = v * f;
      hasSpare = true;
      return u * f;
    },
  };
}
