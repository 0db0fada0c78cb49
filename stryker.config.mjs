// Mutation testing of the pure code (npm run test:mutation; too slow for npm test). Stryker 9.6 (the
// line that runs on Node 20) with its Vitest runner; no TypeScript checker (it needs the compiler API
// that TypeScript 7 lacks), so mutants that do not compile are reported as killed by the tests' own
// failures. Results and what survives: docs/quality.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: ['src/model/target.ts', 'src/sim/retarget.ts', 'src/model/header.ts', 'src/sim/payouts/*.ts', 'src/model/*.ts', 'src/sim/*.ts', 'src/sim/daa/*.ts'],
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  concurrency: 2,
  timeoutMS: 60_000,
  // Not under node_modules: Vitest excludes every test below a node_modules folder.
  tempDirName: '.stryker-tmp',
  // Stryker rewrites the tsconfig in its sandbox with TypeScript's compiler API, which TypeScript 7
  // lacks; Vitest needs no tsconfig, so point it at none and the rewrite is skipped.
  tsconfigFile: 'no-tsconfig-for-stryker.json',
};
