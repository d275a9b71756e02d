// The quick property run: what every `npm test` checks and what
// `npm run mutants` must catch each fault with. 700 programs: since heap data
// they cost about 1.5 times what they did, and 700 take about as long as
// 1,000 did before; every fault of `npm run mutants` is caught within the
// first 300.
export const quickRun = { runs: 700, seed: 20261123 } as const;

// The short seeded fuzz of every `npm test` (tests/fuzz.test.ts): a fixed seed
// and a fixed number of inputs, so the same inputs every time; no wall time.
export const quickFuzz = { inputs: 120, seed: 20261123 } as const;
