// The test summary of `npm test` hides nothing: skipped and todo tests are counted and named, a unit
// file that fails to load counts as failed even beside another failure, and under CI a skip without a
// listed reason is a failure. Checked on made-up reports in the shape Vitest and Playwright write.
import { describe, expect, it } from 'vitest';
import { readPlaywright, readVitest, unexplainedSkips } from '../../scripts/test-summary.mjs';

const test = (fullName: string, status: string) => ({ fullName, status });

describe('the Vitest report', () => {
  it('counts passed, failed, skipped and todo tests, naming the last two', () => {
    const c = readVitest({
      testResults: [
        { name: 'a.test.ts', status: 'failed', message: '', assertionResults: [test('a works', 'passed'), test('a breaks', 'failed'), test('a later', 'todo')] },
        { name: 'b.test.ts', status: 'passed', message: '', assertionResults: [test('b works', 'passed'), test('b maybe', 'skipped'), test('b pending', 'pending')] },
      ],
    });
    expect(c.passed).toBe(2);
    expect(c.failed).toBe(1);
    expect(c.skipped).toEqual(['a later (todo)', 'b maybe (skipped)', 'b pending (pending)']);
  });

  it('counts a file that failed to load, even when another test also failed', () => {
    const c = readVitest({
      testResults: [
        { name: 'broken.test.ts', status: 'failed', message: "SyntaxError: Unexpected token '}'", assertionResults: [] },
        { name: 'a.test.ts', status: 'failed', message: '', assertionResults: [test('a breaks', 'failed')] },
      ],
    });
    expect(c.failed).toBe(2);
    expect(c.notes.join('\n')).toMatch(/broken\.test\.ts: failed to load/);
  });
});

describe('the Playwright report', () => {
  it('walks nested suites: expected and flaky pass, skipped are named, others and top-level errors fail', () => {
    const spec = (title: string, status: string) => ({ title, file: 'x.spec.ts', tests: [{ status }] });
    const c = readPlaywright({
      errors: [{ message: 'webServer failed' }],
      suites: [{ specs: [spec('one', 'expected'), spec('two', 'skipped')], suites: [{ specs: [spec('three', 'flaky'), spec('four', 'unexpected')] }] }],
    });
    expect(c.passed).toBe(2);
    expect(c.failed).toBe(2);
    expect(c.skipped).toEqual(['x.spec.ts › two']);
  });
});

describe('skips under CI', () => {
  const allowed = [{ test: 'SIMD on and off' }];
  it('need a listed reason under CI, none outside it', () => {
    const skipped = ['bench.spec.ts › SIMD on and off are measured', 'b maybe (skipped)'];
    expect(unexplainedSkips(skipped, allowed, true)).toEqual(['b maybe (skipped)']);
    expect(unexplainedSkips(skipped, allowed, false)).toEqual([]);
  });
});
