// The quick property run: what every `npm test` checks and what
// `npm run mutants` must catch each fault with. 700 programs: since heap data
// they cost about 1.5 times what they did, and 700 take about as long as
// 1,000 did before. Every fault of `npm run mutants` is caught, 28 of 46
// within the first 15 programs, the last after 558 (with unions on; before
// them 23 of 31, the last after 513).
export const quickRun = { runs: 700, seed: 20261123 } as const;

// The generated concurrent programs (issue 19) that `npm test` checks through every pass and on
// both targets' binaries (tests/tasks.test.ts), and `npm run mutants` for the lowering of tasks.
export const quickTasks = { runs: 60, seed: 20261123 } as const;

// The generator with its `unions` switch on, through what the passes compile today (parse and
// check-types, both interpreters), until the quick run above does it with every pass. Its programs
// must put side effects in at least `unionPairs` of the 51 operand pairs of match, try and
// constructors (props/operand-pairs.ts): they put them in 36 (700 programs: 40).
export const quickUnions = { runs: 300, seed: 20261123, unionPairs: 33 } as const;

// The short seeded fuzz of every `npm test` (tests/fuzz.test.ts): a fixed seed
// and a fixed number of inputs, so the same inputs every time; no wall time.
// 180 since closures (issue 17): the generator's programs changed with
// anonymous functions, and the planted crash of tests/fuzz.test.ts (a `for`
// whose bound is not a literal) was first met between input 165 and 180
// of this seed (within 120 before). Since the loop kernels
// (props/realize-kernels.ts), whose loops run to `len(a)`, it is met sooner.
export const quickFuzz = { inputs: 180, seed: 20261123 } as const;

/** The operand pairs (props/operand-pairs.ts) the quick run must cover at least: it
 * covers 285 of 402 (10,000 programs: 383); before issue 14 it covered 210, and never
 * an assignment to an earlier operand's variable in `a[i] = e` (spec/properties.md).
 * With the generator's `unions` switch on, it covers 273 of them (and 40 of the 51 of
 * match, try and constructors). */
export const quickRunOperandPairs = 270;
