// Mutation testing of the pure code (npm run test:mutation; too slow for npm test). Stryker 9.6 (the
// line that runs on Node 20) with its Vitest runner; no TypeScript checker (it needs the compiler API
// that TypeScript 7 lacks), so mutants that do not compile are reported as killed by the tests' own
// failures. Results and what survives: docs/quality.md.
import { existsSync, lstatSync, mkdirSync, symlinkSync } from 'node:fs';

// Sandboxes are .stryker-tmp/sandbox-*/, one level deeper than the checkout, so test/helpers/vectors.ts's
// ../../../shared (the vetted vectors beside the checkout) would miss; a link .stryker-tmp/shared points
// back at ../shared. Without it every test that loads vectors fails to load and its mutants read "no coverage".
const TEMP = '.stryker-tmp';
if (existsSync('../shared')) {
  mkdirSync(TEMP, { recursive: true });
  let linked = false;
  try {
    linked = lstatSync(`${TEMP}/shared`).isSymbolicLink();
  } catch {
    // not there yet
  }
  if (!linked) symlinkSync('../../shared', `${TEMP}/shared`);
}

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
  // Reruns test only the mutants whose code or tests changed since the last run (reports/ is not in git).
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // Added to 1.5 times the covering tests' own time: a mutant that loops forever costs this much.
  timeoutMS: 20_000,
  // Not under node_modules: Vitest excludes every test below a node_modules folder.
  tempDirName: TEMP,
  // Build outputs the unit tests above never read: each browser-test port's dist-app-<port>, reports.
  ignorePatterns: ['/dist-app', '/dist-app-*', '/test-results', '/playwright-report', '/reports'],
  // Stryker rewrites the tsconfig in its sandbox with TypeScript's compiler API, which TypeScript 7
  // lacks; Vitest needs no tsconfig, so point it at none and the rewrite is skipped.
  tsconfigFile: 'no-tsconfig-for-stryker.json',
};
