// Bitcoin mainnet retargeting against Bitcoin Core's own test cases, then properties that must hold
// for every input (fast-check): never easier than powLimit, monotonic in the timespan, the clamp.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calculateNextWorkRequired, clampTimespan, createBitcoinDaa, isRetargetHeight, MAINNET_RETARGET, RETARGET_INTERVAL,
  retargetFromTarget, retargetWindow, TARGET_SPACING, TARGET_TIMESPAN,
} from '../../src/sim/retarget.js';
import { decodeCompact, DIFF1_TARGET, encodeCompact, POW_LIMIT } from '../../src/model/target.js';
import { isInputError } from '../../src/model/validate.js';
import { hexNumber, loadDifficultyVectors } from '../helpers/vectors.js';

const vectors = loadDifficultyVectors();

describe('Core pow_tests.cpp retarget cases', () => {
  it.each(vectors.retarget)('$name', (v) => {
    const r = calculateNextWorkRequired(hexNumber(v.bits), v.lastRetargetTime, v.lastTime);
    expect(r.bits).toBe(hexNumber(v.expectedBits));
    expect(r.timespan).toBe(v.lastTime - v.lastRetargetTime);
    // The case is at the end of a period: lastHeight + 1 is where Core retargets.
    expect(isRetargetHeight(v.lastHeight + 1)).toBe(true);
  });

  // Bitcoin Core src/test/pow_tests.cpp get_next_work_lower_limit_actual and
  // get_next_work_upper_limit_actual (not in the shared vector file): the two clamp bounds.
  it('get_next_work_lower_limit_actual: a period 4x too fast is clamped to T/4', () => {
    const r = calculateNextWorkRequired(0x1c05a3f4, 1279008237, 1279297671);
    expect(r.bits).toBe(0x1c0168fd);
    expect(r.clamp).toBe('min');
    expect(r.clampedTimespan).toBe(TARGET_TIMESPAN / 4);
  });

  it('get_next_work_upper_limit_actual: a period 4x too slow is clamped to 4T', () => {
    const r = calculateNextWorkRequired(0x1c387f6f, 1263163443, 1269211443);
    expect(r.bits).toBe(0x1d00e1fd);
    expect(r.clamp).toBe('max');
    expect(r.clampedTimespan).toBe(TARGET_TIMESPAN * 4);
  });

  it('the pow_limit case is capped, not merely rounded', () => {
    const r = calculateNextWorkRequired(0x1d00ffff, 1231006505, 1233061996);
    expect(r.cappedAtPowLimit).toBe(true);
    expect(r.target).toBe(decodeCompact(0x1d00ffff).target);
  });

  it('an exact two-week period keeps the target (up to compact rounding, which is a no-op here)', () => {
    const r = calculateNextWorkRequired(0x17028c61, 1_700_000_000, 1_700_000_000 + TARGET_TIMESPAN);
    expect(r.bits).toBe(0x17028c61);
    expect(r.clamp).toBeNull();
  });
});

describe('bad input is refused with an InputError naming the field', () => {
  const cases: [string, () => unknown, RegExp][] = [
    ['negative nBits', () => calculateNextWorkRequired(0x01fedcba, 0, 1), /negative/],
    ['zero nBits', () => calculateNextWorkRequired(0x00000000, 0, 1), /zero/],
    ['overflowing nBits', () => calculateNextWorkRequired(0xff123456, 0, 1), /overflows/],
    ['nBits above powLimit', () => calculateNextWorkRequired(0x1d01ffff, 0, 1), /above powLimit/],
    ['last time before the first', () => calculateNextWorkRequired(0x1d00ffff, 100, 99), /lastTime: .*before/],
    ['a fractional time', () => calculateNextWorkRequired(0x1d00ffff, 0.5, 99), /firstTime/],
    ['a time past uint32', () => calculateNextWorkRequired(0x1d00ffff, 0, 2 ** 32), /lastTime/],
  ];
  it.each(cases)('%s', (_name, call, message) => {
    let caught: unknown;
    try {
      call();
    } catch (error) {
      caught = error;
    }
    expect(isInputError(caught)).toBe(true);
    expect((caught as Error).message).toMatch(message);
  });
});

// Targets that nBits can express and mainnet accepts: a mantissa in [0x8000, 0x7fffff] (normalised
// by encodeCompact) at sizes 3..29, capped at powLimit.
const usableTarget = fc
  .tuple(fc.integer({ min: 1, max: 0x7fffff }), fc.integer({ min: 3, max: 29 }))
  .map(([mantissa, size]) => decodeCompact(encodeCompact(BigInt(mantissa) << BigInt(8 * (size - 3)))).target)
  .filter((t) => t > 0n && t <= POW_LIMIT);
// Core's nPowTargetTimespan written out, not the imported constant: a wrong constant must fail the
// tests below, not this file's collection (Stryker scores a file that fails to load as 'survived').
const TWO_WEEKS = 14 * 24 * 60 * 60;
const timespan = fc.integer({ min: -10 * TWO_WEEKS, max: 10 * TWO_WEEKS });

describe('properties', () => {
  it('never gives a target above powLimit', () => {
    fc.assert(fc.property(usableTarget, timespan, (t, span) => retargetFromTarget(t, span).target <= POW_LIMIT));
  });

  it('is monotonic in the timespan: a slower period never gives a harder target', () => {
    fc.assert(
      fc.property(usableTarget, timespan, timespan, (t, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return retargetFromTarget(t, lo).target <= retargetFromTarget(t, hi).target;
      }),
    );
  });

  it('respects the clamp: at most 4x either way (before rounding and the cap), and flat outside [T/4, 4T]', () => {
    fc.assert(
      fc.property(usableTarget, timespan, (t, span) => {
        const r = retargetFromTarget(t, span);
        expect(r.clampedTimespan).toBeGreaterThanOrEqual(TARGET_TIMESPAN / 4);
        expect(r.clampedTimespan).toBeLessThanOrEqual(TARGET_TIMESPAN * 4);
        expect(r.clampedTimespan).toBe(clampTimespan(span));
        // newTarget = floor(t * clamped / T), so within [floor(t/4), 4t] and capped.
        expect(r.exactTarget).toBeGreaterThanOrEqual(t / 4n);
        expect(r.exactTarget).toBeLessThanOrEqual(4n * t);
        if (span < TARGET_TIMESPAN / 4) expect(r.bits).toBe(retargetFromTarget(t, TARGET_TIMESPAN / 4).bits);
        if (span > TARGET_TIMESPAN * 4) expect(r.bits).toBe(retargetFromTarget(t, TARGET_TIMESPAN * 4).bits);
      }),
    );
  });

  it('rounds down through nBits: the result never exceeds the exact quotient', () => {
    fc.assert(
      fc.property(usableTarget, timespan, (t, span) => {
        const r = retargetFromTarget(t, span);
        return r.target <= r.exactTarget && r.bits === encodeCompact(r.exactTarget);
      }),
    );
  });
});

describe('heights and the simulator adapter', () => {
  it('retargets only at positive multiples of 2016, reading blocks h-2016 .. h-1', () => {
    expect(isRetargetHeight(0)).toBe(false);
    expect(isRetargetHeight(2015)).toBe(false);
    expect(isRetargetHeight(4032)).toBe(true);
    expect(retargetWindow(32256)).toEqual({ firstHeight: 30240, lastHeight: 32255 });
    expect(() => retargetWindow(100)).toThrow(/not a retarget height/);
  });

  it('createBitcoinDaa keeps nBits within a period and applies Core’s rule at its end', () => {
    const daa = createBitcoinDaa();
    const times = new Float64Array(4032);
    const bits = new Uint32Array(4032).fill(0x1d00ffff);
    const targets = new Float64Array(4032);
    // Block 2016 opens a period; blocks 2016..4031 are 300 s apart: twice too fast.
    for (let i = 0; i < 4032; i++) times[i] = i < 2016 ? i * 600 : 2015 * 600 + (i - 2015) * 300;
    const chain = { times, bits, targets };
    expect(daa.next(chain, 4030)).toBe(0x1d00ffff);
    const expected = calculateNextWorkRequired(0x1d00ffff, times[2016]!, times[4031]!).bits;
    expect(daa.next(chain, 4031)).toBe(expected);
    expect(expected).toBe(encodeCompact((decodeCompact(0x1d00ffff).target * 604_500n) / 1_209_600n));
  });
});

// Survivors of mutation testing (docs/quality.md).
describe('edges the first mutation run found unpinned', () => {
  /** The InputError `call` throws. */
  const refusal = (call: () => unknown): { field: string; message: string } => {
    try {
      call();
    } catch (error) {
      expect(isInputError(error)).toBe(true);
      return error as { field: string; message: string };
    }
    throw new Error('nothing was thrown');
  };

  it('uses mainnet consensus parameters (chainparams.cpp: nPowTargetTimespan 14 days, spacing 10 minutes)', () => {
    expect(TARGET_TIMESPAN).toBe(14 * 24 * 60 * 60);
    expect(RETARGET_INTERVAL).toBe(2016);
    expect(TARGET_SPACING).toBe(600);
    expect(MAINNET_RETARGET).toEqual({ targetTimespan: 1_209_600, powLimit: POW_LIMIT });
  });

  it('accepts the times 0 and 4294967295 (nTime is a uint32) and a period of zero seconds, clamped to T/4', () => {
    expect(calculateNextWorkRequired(0x1d00ffff, 0, TARGET_TIMESPAN).bits).toBe(0x1d00ffff);
    expect(calculateNextWorkRequired(0x1c05a3f4, 0xffffffff - TARGET_TIMESPAN, 0xffffffff).bits).toBe(0x1c05a3f4);
    const r = calculateNextWorkRequired(0x1c05a3f4, 1279008237, 1279008237);
    expect(r.timespan).toBe(0);
    expect(r.clamp).toBe('min');
    expect(r.bits).toBe(0x1c0168fd); // as pow_tests.cpp get_next_work_lower_limit_actual
  });

  it('names the field, and the reason, of each refusal', () => {
    const early = refusal(() => calculateNextWorkRequired(0x1d00ffff, -1, 5));
    expect(early.field).toBe('firstTime');
    expect(early.message).toBe('firstTime: expected a Unix time in seconds (0 to 4294967295), got -1');
    expect(refusal(() => calculateNextWorkRequired(0x1d00ffff, 0, 2 ** 32)).field).toBe('lastTime');
    expect(refusal(() => calculateNextWorkRequired(0x1d80ffff, 0, 1)).field).toBe('bits');
    const before = refusal(() => calculateNextWorkRequired(0x1d00ffff, 100, 99));
    expect(before.message).toBe("lastTime: 99 is before the first block's time 100: the last block of a period cannot come before its first");
    const fraction = refusal(() => retargetFromTarget(DIFF1_TARGET, 1.5));
    expect(fraction.field).toBe('timespan');
    expect(fraction.message).toBe('timespan: expected an integer number of seconds, got 1.5');
    const height = refusal(() => retargetWindow(2015));
    expect(height.field).toBe('height');
    expect(height.message).toMatch(/2015 is not a retarget height \(a positive multiple of 2016\)/);
  });

  it('a new target exactly at powLimit is not "capped" (pow.cpp caps only bnNew > bnPowLimit)', () => {
    const params = { targetTimespan: TARGET_TIMESPAN, powLimit: DIFF1_TARGET };
    const r = retargetFromTarget(DIFF1_TARGET, TARGET_TIMESPAN, params);
    expect(r.exactTarget).toBe(DIFF1_TARGET);
    expect(r.cappedAtPowLimit).toBe(false);
    expect(retargetFromTarget(DIFF1_TARGET, TARGET_TIMESPAN + 1, params).cappedAtPowLimit).toBe(true);
  });

  it("the simulator's rule is called bitcoin and reads one block of history", () => {
    const daa = createBitcoinDaa();
    expect(daa.id).toBe('bitcoin');
    expect(daa.history).toBe(1);
  });
});
