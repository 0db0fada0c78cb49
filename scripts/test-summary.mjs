// How `npm test` (scripts/run-tests.mjs) reads each suite's JSON report: passed, failed (a file that
// fails to load counts, whatever else failed), skipped and todo tests by name, and which skips the
// allowed list explains. Kept apart so test/unit/test-summary.test.ts can check it on made-up reports.

/** @typedef {{ passed: number, failed: number, skipped: string[], notes: string[] }} Count */

/** @param {any} j the Vitest JSON report @returns {Count} */
export function readVitest(j) {
  const c = { passed: 0, failed: 0, skipped: /** @type {string[]} */ ([]), notes: /** @type {string[]} */ ([]) };
  for (const file of j.testResults) {
    // A file that failed to load (a syntax error, a throwing import) has no tests but a failed status.
    if (file.status === 'failed' && file.assertionResults.every((/** @type {any} */ t) => t.status !== 'failed')) {
      c.failed++;
      c.notes.push(`${file.name}: failed to load or run (${String(file.message).split('\n')[0]})`);
    }
    for (const t of file.assertionResults) {
      if (t.status === 'passed') c.passed++;
      else if (t.status === 'failed') c.failed++;
      else c.skipped.push(`${t.fullName} (${t.status})`);
    }
  }
  return c;
}

/** @param {any} j the Playwright JSON report @returns {Count} */
export function readPlaywright(j) {
  const c = { passed: 0, failed: (j.errors?.length ?? 0), skipped: /** @type {string[]} */ ([]), notes: /** @type {string[]} */ ([]) };
  for (const e of j.errors ?? []) c.notes.push(`error outside a test: ${String(e.message ?? e).split('\n')[0]}`);
  /** @param {any} suite */
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests) {
        if (t.status === 'expected' || t.status === 'flaky') c.passed++;
        else if (t.status === 'skipped') c.skipped.push(`${spec.file} › ${spec.title}`);
        else c.failed++;
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of j.suites ?? []) walk(suite);
  return c;
}

/**
 * Skips that need no reason (not under CI), or whose name contains an allowed entry's test title.
 * @param {string[]} skipped @param {{ test: string }[]} allowed @param {boolean} ci @returns {string[]} the unexplained ones
 */
export function unexplainedSkips(skipped, allowed, ci) {
  return ci ? skipped.filter((name) => !allowed.some((a) => name.includes(a.test))) : [];
}
