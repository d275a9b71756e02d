// A small seeded random number generator for the fuzzer (props/fuzz.ts):
// the same seed gives the same inputs on every machine, so a finding replays
// and the short fuzz of `npm test` is deterministic. (fast-check drives the
// property generator; the mutations need only numbers.)

export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** A whole number in 0 .. n-1 (n >= 1). */
  int(n: number): number;
  /** A whole number in lo .. hi, both included. */
  between(lo: number, hi: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(list: readonly T[]): T;
  /** One of the choices, each as likely as its weight. */
  weighted<T>(choices: readonly (readonly [number, T])[]): T;
  /** A small whole number, mostly 1 or 2, now and then up to `max`. */
  few(max: number): number;
}

/** mulberry32: 32 bits of state, good enough to choose mutations. */
export function random(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const r: Random = {
    next,
    int,
    between: (lo, hi) => lo + int(hi - lo + 1),
    chance: (p) => next() < p,
    pick: (list) => list[int(list.length)]!,
    weighted(choices) {
      const total = choices.reduce((s, [w]) => s + w, 0);
      let x = next() * total;
      for (const [w, v] of choices) if ((x -= w) < 0) return v;
      return choices[choices.length - 1]![1];
    },
    few: (max) => Math.min(max, 1 + Math.floor(-Math.log2(1 - next()))),
  };
  return r;
}
