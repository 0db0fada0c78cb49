// The nonce loop against brute force with node:crypto, on both builds: the first solution, share
// counts and the best hash over ranges of every alignment (the SIMD build runs four lanes and a
// scalar tail), and ranges that end at the last nonce without wrapping.
import { beforeAll, describe, expect, it } from 'vitest';
import type { PowCore } from '../../src/engine/core/core.js';
import { bruteForce, headerHash, TEST_HEADER, targetWithZeroBits } from './brute-force.js';
import { CORE_PATHS, loadCore } from './core-paths.js';

const header = TEST_HEADER;
const sha256d = (nonce: number) => headerHash(header, nonce);
const scan = (start: number, count: number, target: Uint8Array, share: Uint8Array) => bruteForce(header, start, count, target, share);

describe.each(CORE_PATHS)('$name core: nonce loop against brute force', ({ simd }) => {
  let core: PowCore;
  beforeAll(async () => {
    core = await loadCore(simd);
  });

  it('agrees on solution, hashes, shares and best hash for every start alignment and tail length', () => {
    const target = targetWithZeroBits(12);
    const share = targetWithZeroBits(6);
    core.prepare({ header, target, shareTarget: share });
    for (const start of [0, 1, 2, 3, 5000, 5001, 5002, 5003]) {
      for (const count of [1, 2, 3, 4, 5, 7, 63, 1000, 9001]) {
        const expected = scan(start, count, target, share);
        const r = core.mineRange(start, count);
        const where = `start ${start} count ${count}`;
        expect(r.found, where).toBe(expected.found);
        expect(r.nonce, where).toBe(expected.nonce);
        expect(r.hashes, where).toBe(expected.hashes);
        expect(r.shares, where).toBe(expected.shares);
        expect(r.bestNonce, where).toBe(expected.bestNonce);
        expect(Buffer.from(r.bestHash).equals(expected.bestHash), where).toBe(true);
        if (r.found) expect(Buffer.from(r.hash!).equals(sha256d(r.nonce!)), where).toBe(true);
      }
    }
  });

  it('finds a nonce whose hash equals the target exactly, and only by equality, at every lane position and in the tail', () => {
    // The lowest hash of 4,000 nonces is far below its neighbours' hashes, so with the target set to
    // it, no other nonce of a small range around it meets the target: a core comparing with < finds
    // nothing. Ranges start 0..3 nonces before it (lanes 0..3 of a SIMD group) or leave it in the
    // scalar tail (counts 1..3 after a whole group, and ranges shorter than a group).
    const best = scan(0, 4000, new Uint8Array(32), new Uint8Array(32)).bestNonce;
    const exact = sha256d(best);
    const below = Buffer.from(exact);
    let i = 0;
    while (below[i] === 0) below[i++] = 0xff;
    below[i]!--;
    const ranges: Array<[number, number]> = [];
    for (let before = 0; before < 8; before++) for (const after of [1, 2, 3, 4, 5]) ranges.push([best - before, before + after]);
    for (const [start, count] of ranges) {
      const where = `nonce ${best} in ${start}..${start + count - 1}`;
      core.prepare({ header, target: exact });
      const r = core.mineRange(start, count);
      expect(r.found, where).toBe(true);
      expect(r.nonce, where).toBe(best);
      expect(Buffer.from(r.hash!).equals(exact), where).toBe(true);
      core.prepare({ header, target: below });
      expect(core.mineRange(start, count).found, `${where}, target one below`).toBe(false);
    }
  });

  it('scans up to the last nonce 0xffffffff and never wraps to 0', () => {
    const everything = new Uint8Array(32).fill(0xff);
    core.prepare({ header, target: targetWithZeroBits(30) });
    const r = core.mineRange(0xffffffff - 10, 11);
    expect(r.hashes).toBe(11);
    expect(r.bestNonce).toBeGreaterThanOrEqual(0xffffffff - 10);
    core.prepare({ header, target: everything });
    const last = core.mineRange(0xffffffff, 1);
    expect(last.nonce).toBe(0xffffffff);
    expect(Buffer.from(last.hash!).equals(sha256d(0xffffffff))).toBe(true);
  });

  it('refuses ranges outside 0..2^32-1', () => {
    core.prepare({ header, target: targetWithZeroBits(8) });
    expect(() => core.mineRange(0xffffffff, 2)).toThrow(/passes the last nonce/);
    expect(() => core.mineRange(-1, 2)).toThrow(/start: nonce must be an integer/);
    expect(() => core.mineRange(0, 0)).toThrow(/count/);
  });
});
