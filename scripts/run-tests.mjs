#!/usr/bin/env node
// `npm test`: builds what the tests need, runs every suite, and ends with one line summing them all,
// "N passed, N failed" (CI reads that line). Exit status is non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const reports = 'reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

/**
 * @param {string} label
 * @param {string} command
 * @param {string[]} args
 * @param {Record<string, string>} [env]
 */
function run(label, command, args, env = {}) {
  console.log(`\n== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

/** @typedef {{ passed: number, failed: number, note?: string }} Count */

/**
 * @param {string} file
 * @param {(report: any) => Count} read the suite's JSON report, as its reporter wrote it
 * @returns {Count}
 */
function count(file, read) {
  if (!existsSync(file)) return { passed: 0, failed: 1, note: `${file} missing: the suite did not run to the end` };
  try {
    return read(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    return { passed: 0, failed: 1, note: `${file} unreadable: ${/** @type {Error} */ (error).message}` };
  }
}

const totals = { passed: 0, failed: 0 };
/**
 * @param {string} label
 * @param {Count} c
 */
const add = (label, c) => {
  totals.passed += c.passed;
  totals.failed += c.failed;
  console.log(`${label}: ${c.passed} passed, ${c.failed} failed${c.note ? ` (${c.note})` : ''}`);
};

// The debug wasm builds (asserts on) are not part of the app; the ABI test holds them to the contract too.
const build = run('build', 'npm', ['run', '--silent', 'build']) || run('debug wasm', 'npm', ['run', '--silent', 'build:wasm:debug']);
if (build !== 0) add('build', { passed: 0, failed: 1, note: 'the build failed' });

const typecheck = run('typecheck', 'npm', ['run', '--silent', 'typecheck']);
add('typecheck', typecheck === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });

run('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/unit.json`]);
const unit = count(`${reports}/unit.json`, (j) => ({ passed: j.numPassedTests, failed: j.numFailedTests + (j.numTotalTestSuites && j.success === false && j.numFailedTests === 0 ? 1 : 0) }));
console.log('');
add('unit', unit);

if (!process.argv.includes('--unit-only')) {
  run('e2e', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_FILE: `${reports}/e2e.json` });
  const e2e = count(`${reports}/e2e.json`, (j) => ({
    passed: j.stats.expected + j.stats.flaky,
    failed: j.stats.unexpected + (j.errors?.length ?? 0),
  }));
  add('e2e', e2e);
}

const summary = `${totals.passed} passed, ${totals.failed} failed`;
writeFileSync(`${reports}/summary.txt`, `${summary}\n`);
console.log(summary);
process.exitCode = totals.failed === 0 && build === 0 ? 0 : 1;
