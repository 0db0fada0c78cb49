// The WebGPU kernel's host side without a GPU: the SHA-256 words and compression against node:crypto,
// the job buffer (midstate, limbs, threshold), and the generated rounds themselves, printed as
// JavaScript from the same expressions as the WGSL, run against node:crypto's SHA-256d on real
// headers (../shared/vectors/headers.json) and seeded random ones.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  emitKernelJs, JOB, JOB_WORDS, KERNEL_WGSL, limbs, NONCES_PER_INVOCATION, prepareJob, SLOT_COUNT, WORKGROUP_SIZE,
} from '../../src/engine/gpu/kernel.js';
import {
  IV, bigSigma0, bigSigma1, byteSwap, choose, compress, majority, smallSigma0, smallSigma1, wordAt,
} from '../../src/engine/gpu/sha256-words.js';
import { hexToBytes } from '../../src/model/validate.js';
import { Random } from '../../src/sim/random.js';
import { loadHeaderVectors } from '../helpers/vectors.js';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest();
const sha256d = (b: Uint8Array) => sha256(sha256(b));

function withNonce(header: Uint8Array, nonce: number): Uint8Array {
  const h = Uint8Array.from(header);
  new DataView(h.buffer).setUint32(76, nonce, true);
  return h;
}
/** The hash's 32 most significant bits when read as a little-endian 256-bit number. */
const topWord = (hash: Uint8Array) => new DataView(hash.buffer, hash.byteOffset).getUint32(28, true);

// The generated rounds as a JavaScript function, with the same helper names the WGSL uses.
const kernelTop = new Function(
  'S0', 'S1', 's0', 's1', 'ch', 'maj', 'bswap',
  `return (j, nonce) => {\n${emitKernelJs()}\n};`,
)(bigSigma0, bigSigma1, smallSigma0, smallSigma1, choose, majority, byteSwap) as (j: Uint32Array, nonce: number) => number;

describe('SHA-256 words on the host', () => {
  it('one compression of a padded block is SHA-256 (FIPS 180-4 "abc", node:crypto)', () => {
    const block = new Uint8Array(64);
    block.set([0x61, 0x62, 0x63, 0x80]);
    block[63] = 24;
    const words = Array.from({ length: 16 }, (_, i) => wordAt(block, i));
    const digest = compress(IV, words).map((w) => w.toString(16).padStart(8, '0')).join('');
    expect(digest).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(digest).toBe(sha256(Buffer.from('abc')).toString('hex'));
  });

  it('byteSwap reverses the bytes of a word', () => {
    expect(byteSwap(0x11223344)).toBe(0x44332211);
    expect(byteSwap(0xff000080)).toBe(0x800000ff);
  });
});

describe('the job buffer', () => {
  const genesis = hexToBytes(loadHeaderVectors().headers[0]!.headerHex, 'header');

  it('holds the midstate of the first 64 header bytes and the header tail words', () => {
    const job = prepareJob(genesis, new Uint8Array(32).fill(0xff));
    expect(job.length).toBe(JOB_WORDS);
    const words = Array.from({ length: 16 }, (_, i) => wordAt(genesis, i));
    expect(Array.from(job.subarray(JOB.midstate, JOB.midstate + 8))).toEqual(compress(IV, words));
    // The second block of SHA-256(header) is the tail, the nonce, padding and the length: compressing
    // it from the midstate gives node:crypto's SHA-256 of the header.
    const tail = [job[JOB.tail]!, job[JOB.tail + 1]!, job[JOB.tail + 2]!, wordAt(genesis, 19), 0x80000000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 640];
    const first = compress(Array.from(job.subarray(0, 8)), tail).map((w) => w.toString(16).padStart(8, '0')).join('');
    expect(first).toBe(sha256(genesis).toString('hex'));
  });

  it('writes targets as limbs, most significant first, and the threshold from them', () => {
    const target = new Uint8Array(32);
    target[31] = 0x01; target[30] = 0x02; target[29] = 0x03; target[28] = 0x04; target[0] = 0xaa;
    expect(limbs(target)).toEqual([0x01020304, 0, 0, 0, 0, 0, 0, 0xaa]);
    const share = new Uint8Array(32).fill(0);
    share[31] = 0x7f;
    const job = prepareJob(genesis, target, share);
    expect(job[JOB.target]).toBe(0x01020304);
    expect(job[JOB.share]).toBe(0x7f000000);
    expect(job[JOB.hasShare]).toBe(1);
    expect(job[JOB.threshold]).toBe(0x7f000000);
    const noShare = prepareJob(genesis, target);
    expect(noShare[JOB.hasShare]).toBe(0);
    expect(noShare[JOB.threshold]).toBe(0x01020304);
  });
});

describe('the generated rounds (printed as JavaScript)', () => {
  it('give the top word of SHA-256d for every real header at its recorded nonce and around it', () => {
    for (const v of loadHeaderVectors().headers) {
      const header = hexToBytes(v.headerHex, 'header');
      const slots = prepareJob(header, new Uint8Array(32)).subarray(JOB.slots);
      for (const nonce of [v.nonce, v.nonce - 1, v.nonce + 1, 0, 0xffffffff]) {
        expect(kernelTop(slots, nonce >>> 0), `height ${v.height} nonce ${nonce}`).toBe(topWord(sha256d(withNonce(header, nonce >>> 0))));
      }
      // At the recorded nonce the hash is the block's: its display order starts with the top word.
      expect(kernelTop(slots, v.nonce).toString(16).padStart(8, '0')).toBe(v.blockHash.slice(0, 8));
    }
  });

  it('give the top word of SHA-256d on seeded random headers and nonces', () => {
    // Seeded, so a failure can be replayed: POWLAB_TEST_SEED=<seed> npx vitest run test/unit/gpu-kernel.test.ts
    const seed = Number(process.env['POWLAB_TEST_SEED'] ?? 20261201);
    const random = new Random(seed);
    for (let trial = 0; trial < 200; trial++) {
      const header = Uint8Array.from({ length: 80 }, () => random.nextInt(256));
      const slots = prepareJob(header, new Uint8Array(32)).subarray(JOB.slots);
      const nonce = random.nextInt(65536) * 65536 + random.nextInt(65536);
      expect(kernelTop(slots, nonce), `seed ${seed} trial ${trial}`).toBe(topWord(sha256d(withNonce(header, nonce))));
    }
  });
});

describe('the WGSL text', () => {
  it('is unrolled: the per-nonce code indexes no arrays and the slots are loaded once per invocation', () => {
    const body = KERNEL_WGSL.slice(KERNEL_WGSL.indexOf('var pw3'), KERNEL_WGSL.indexOf('let top = bswap'));
    expect(body).not.toMatch(/\[/);
    // 61 rounds of the first block (rounds 0..2 are the host's) and 61 of the second hash, each with a t.
    expect(body.match(/let pt\d+ =/g)?.length).toBe(61);
    expect(body.match(/let qt\d+ =/g)?.length).toBe(61);
    // The rolling schedule reuses 16 names per hash.
    expect(new Set(body.match(/\bpw\d+\b/g)).size).toBeLessThanOrEqual(16);
    expect(KERNEL_WGSL).toContain(`@workgroup_size(${WORKGROUP_SIZE})`);
    expect(KERNEL_WGSL).toContain(`k < ${NONCES_PER_INVOCATION}u`);
    expect(SLOT_COUNT).toBeGreaterThan(0);
  });
});
