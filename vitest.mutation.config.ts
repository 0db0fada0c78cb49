import { defineConfig } from 'vitest/config';

// The unit tests of the pure code, for mutation testing (stryker.config.mjs): no CLI, pool or
// browser tests, which run compiled code that Stryker does not mutate.
const ALL = [
  'test/unit/target.test.ts',
  'test/unit/retarget.test.ts',
  'test/unit/header.test.ts',
  'test/unit/block.test.ts',
  'test/unit/daa.test.ts',
  'test/unit/luck.test.ts',
  'test/unit/chain-sim.test.ts',
  // The exact, fast payout tests before the Monte Carlo ones.
  'test/unit/payouts.mutants.test.ts',
  'test/unit/payouts-survivors.mutants.test.ts',
  'test/unit/payouts.test.ts',
  'test/unit/profitability.test.ts',
  'test/unit/bench-stats.test.ts',
  'test/unit/bench-result.test.ts',
  'test/unit/mine-log.test.ts',
  'test/unit/devices.test.ts',
  'test/unit/parsers.fuzz.test.ts',
  'test/unit/import.fuzz.test.ts',
];

// MUTATION_TESTS=target,retarget,header runs only those files (a part, with `stryker run --mutate`):
// quicker, and a failing test elsewhere in a busy working tree does not stop the dry run.
const only = process.env['MUTATION_TESTS']?.split(',').map((name) => `test/unit/${name.trim()}.test.ts`);
const include = only ? ALL.filter((file) => only.includes(file)) : ALL;
if (only && include.length !== only.length) throw new Error(`MUTATION_TESTS names a file not in the list: ${only.join(', ')}`);

export default defineConfig({
  test: {
    environment: 'node',
    include,
    testTimeout: 60_000,
  },
});
