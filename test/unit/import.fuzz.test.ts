// Property-based fuzzing of the two file imports (fast-check): benchmark result files and user
// device files, fed generated JSON (wrong types, huge or deeply nested, __proto__ and constructor
// keys, 5 MB). Every input is either read or refused with the import's own error (a message fit for
// a person), never another exception, and no prototype changes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BenchResultError, parseBenchResult } from '../../src/model/bench-result.js';
import { checkUserDevice, parseUserDevicesFile, USER_DEVICES_FORMAT, USER_DEVICES_VERSION } from '../../src/model/user-devices.js';
import { isInputError } from '../../src/model/validate.js';

const prototypesBefore = () => [Object.getOwnPropertyNames(Object.prototype).sort().join(), Object.getOwnPropertyNames(Array.prototype).sort().join()];
const before = prototypesBefore();

// JSON with the keys a prototype-pollution attempt uses, at any depth.
const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'format', 'version', 'runs', 'devices', 'hashrate');
const hostile = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 2 }), tie('object'), fc.array(tie('value'), { maxLength: 4 })),
  object: fc.dictionary(fc.oneof(hostileKey, fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 6 }),
})).value;

function deep(levels: number): string {
  return '['.repeat(levels) + ']'.repeat(levels);
}

function benchOutcome(text: string): 'read' | 'refused' {
  try {
    parseBenchResult(text);
    return 'read';
  } catch (error) {
    expect(error, text.slice(0, 200)).toBeInstanceOf(BenchResultError);
    expect((error as Error).message.length).toBeGreaterThan(0);
    return 'refused';
  }
}

function devicesOutcome(text: string): 'read' | 'refused' {
  try {
    const { devices, problems } = parseUserDevicesFile(text);
    for (const d of devices) expect(checkUserDevice(d)).toEqual(d);
    for (const p of problems) expect(p).toMatch(/^entry \d+/);
    return 'read';
  } catch (error) {
    expect(isInputError(error), `${text.slice(0, 200)}: ${String(error)}`).toBe(true);
    return 'refused';
  }
}

describe('benchmark result import', () => {
  it('reads or refuses any JSON, with its own error', () => {
    fc.assert(fc.property(hostile, (value) => void benchOutcome(JSON.stringify(value))), { numRuns: 400, seed: 1 });
    fc.assert(
      fc.property(hostile, (extra) => void benchOutcome(JSON.stringify({ format: 'powlab-bench-result', version: 1, ...(extra as object) }))),
      { numRuns: 300, seed: 2 },
    );
    expect(prototypesBefore()).toEqual(before);
  });

  it('refuses text that is not JSON, nesting 100,000 deep, and 5 MB', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (text) => void benchOutcome(text)), { numRuns: 200, seed: 3 });
    expect(benchOutcome(deep(100_000))).toBe('refused');
    expect(benchOutcome(JSON.stringify({ format: 'powlab-bench-result', version: 1, label: 'x'.repeat(5_000_000) }))).toBe('refused');
    expect(benchOutcome(JSON.stringify(Array.from({ length: 200_000 }, (_, i) => ({ i }))))).toBe('refused');
  });
});

describe('user devices import', () => {
  it('reads or refuses any JSON, listing bad entries', () => {
    fc.assert(fc.property(hostile, (value) => void devicesOutcome(JSON.stringify(value))), { numRuns: 400, seed: 4 });
    fc.assert(
      fc.property(fc.array(hostile, { maxLength: 8 }), (devices) => {
        expect(devicesOutcome(JSON.stringify({ format: USER_DEVICES_FORMAT, version: USER_DEVICES_VERSION, devices }))).toBe('read');
      }),
      { numRuns: 300, seed: 5 },
    );
    expect(prototypesBefore()).toEqual(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses text that is not JSON, nesting 100,000 deep, and 5 MB', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (text) => void devicesOutcome(text)), { numRuns: 200, seed: 6 });
    expect(devicesOutcome(deep(100_000))).toBe('refused');
    const huge = { format: USER_DEVICES_FORMAT, version: USER_DEVICES_VERSION, devices: [{ name: 'x'.repeat(5_000_000), kind: 'cpu', hashrate: 1e6, watts: null, note: '' }] };
    const { devices, problems } = parseUserDevicesFile(JSON.stringify(huge));
    expect(devices).toEqual([]);
    expect(problems).toHaveLength(1);
  });
});
