// The quick property run: what every `npm test` checks and what
// `npm run mutants` must catch each fault with.
export const quickRun = { runs: 1000, seed: 20261123 } as const;
