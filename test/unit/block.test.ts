// The toy block and chain of the "Mine a block" screen, and the real headers it re-mines. Expected
// hashes come from node:crypto or from ../shared/vectors/headers.json, never from the code under test.
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  checkHeaderPow, evaluateChain, headerSegments, MAX_ZERO_BITS, merkleRootOfData, rollTime, sha256, sha256d,
  toyHeaderBytes, toyTarget, transactionBytes, ZERO_PREV_HASH, zeroBitsTarget, zeroBitsToBits, type ToyBlock,
} from '../../src/model/block.js';
import { parseHeader, parseHeaderHex, serializeHeader, withNonce } from '../../src/model/header.js';
import { REAL_BLOCKS } from '../../src/model/real-blocks.js';
import { decodeCompact, hashToBigInt, leadingZeroBits } from '../../src/model/target.js';
import { bytesToHex, InputError } from '../../src/model/validate.js';
import { hexNumber, loadHeaderVectors } from '../helpers/vectors.js';

const nodeSha256 = (b: Uint8Array): Buffer => createHash('sha256').update(b).digest();
const nodeSha256d = (b: Uint8Array): Buffer => nodeSha256(nodeSha256(b));
const display = (raw: Uint8Array): string => Buffer.from(raw).reverse().toString('hex');

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error.field;
    throw error;
  }
  return undefined;
}

describe('sha256 (the main-thread copy used to verify found blocks)', () => {
  it('gives the FIPS 180 "abc" digest', () => {
    expect(bytesToHex(sha256(new TextEncoder().encode('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('agrees with node:crypto at every length 0..300 (every padding boundary)', () => {
    const data = randomBytes(300);
    for (let n = 0; n <= 300; n++) {
      const bytes = new Uint8Array(data.subarray(0, n));
      expect(bytesToHex(sha256(bytes)), `length ${n}`).toBe(nodeSha256(bytes).toString('hex'));
    }
  });

  it('agrees with node:crypto on a 1 MB input', () => {
    const bytes = new Uint8Array(randomBytes(1 << 20));
    expect(bytesToHex(sha256(bytes))).toBe(nodeSha256(bytes).toString('hex'));
  });
});

describe('the real headers to re-mine', () => {
  const vectors = loadHeaderVectors().headers;

  it('are exactly the vetted headers, with their sources', () => {
    expect(REAL_BLOCKS.map((b) => b.height)).toEqual(vectors.map((v) => v.height));
    for (const [i, v] of vectors.entries()) {
      const b = REAL_BLOCKS[i]!;
      expect(b.headerHex).toBe(v.headerHex);
      expect(b.hash).toBe(v.blockHash);
      expect(b.nonce).toBe(v.nonce);
      expect(b.bits).toBe(v.bits);
      expect(b.source).not.toBe('');
    }
    expect(REAL_BLOCKS[0]!.height).toBe(0);
  });

  for (const block of REAL_BLOCKS) {
    it(`height ${block.height}: re-serializes byte for byte and hashes to its recorded hash`, () => {
      const bytes = parseHeaderHex(block.headerHex);
      const fields = parseHeader(bytes);
      expect(bytesToHex(serializeHeader(fields))).toBe(block.headerHex);
      expect(fields.nonce).toBe(block.nonce);
      expect(fields.bits).toBe(hexNumber(block.bits));
      expect(display(nodeSha256d(bytes))).toBe(block.hash);
      const pow = checkHeaderPow(bytes);
      expect(pow.hash).toBe(block.hash);
      expect(pow.meetsTarget).toBe(true);
      // One nonce off, and the same header is almost surely far above the target.
      expect(checkHeaderPow(withNonce(bytes, block.nonce - 1)).meetsTarget).toBe(false);
    });
  }

  it('splits into the six labelled header fields', () => {
    const genesis = REAL_BLOCKS[0]!;
    const segments = headerSegments(parseHeaderHex(genesis.headerHex));
    expect(segments.map((s) => s.field)).toEqual(['version', 'prevHash', 'merkleRoot', 'time', 'bits', 'nonce']);
    expect(segments.map((s) => s.hex).join('')).toBe(genesis.headerHex);
    expect(segments.find((s) => s.field === 'bits')!.hex).toBe('ffff001d');
    expect(segments.find((s) => s.field === 'nonce')!.hex).toBe('1dac2b7c');
  });
});

describe('the toy block', () => {
  it('has as merkle root the sha256d of its one transaction (the UTF-8 text)', () => {
    const text = 'Alice pays Bob 1 ₿';
    expect(merkleRootOfData(text)).toBe(display(nodeSha256d(Buffer.from(text, 'utf8'))));
    expect(bytesToHex(transactionBytes('abc'))).toBe('616263');
  });

  it('serializes its header as a Bitcoin header and hashes like node:crypto', () => {
    const block: ToyBlock = { data: 'hello', prevHash: 'ab'.repeat(32), time: 1_700_000_000, bits: zeroBitsToBits(8), nonce: 42 };
    const bytes = toyHeaderBytes(block);
    expect(bytes.length).toBe(80);
    const parsed = parseHeader(bytes);
    expect(parsed).toEqual({
      version: 1,
      prevHash: 'ab'.repeat(32),
      merkleRoot: merkleRootOfData('hello'),
      time: 1_700_000_000,
      bits: zeroBitsToBits(8),
      nonce: 42,
    });
    expect(checkHeaderPow(bytes).hash).toBe(display(nodeSha256d(bytes)));
  });

  it('encodes 2^(256 - z) in nBits exactly, for every z in 1..40', () => {
    for (let z = 1; z <= MAX_ZERO_BITS; z++) {
      const target = zeroBitsTarget(z);
      expect(target).toBe(1n << BigInt(256 - z));
      const decoded = decodeCompact(zeroBitsToBits(z));
      expect(decoded).toEqual({ target, negative: false, overflow: false });
    }
    expect(zeroBitsToBits(8)).toBe(0x20010000);
    expect(zeroBitsToBits(32)).toBe(0x1d010000);
  });

  it('rejects zero-bit difficulties outside 1..40', () => {
    for (const bad of [0, 41, 1.5, Number.NaN, -3]) expect(fieldOf(() => zeroBitsTarget(bad, 'bits'))).toBe('bits');
  });

  it('rejects unusable nBits: negative, overflowing, zero', () => {
    expect(fieldOf(() => toyTarget(0x1d80ffff))).toBe('bits');
    expect(fieldOf(() => toyTarget(0x23000001))).toBe('bits');
    expect(fieldOf(() => toyTarget(0x1d000000))).toBe('bits');
    // Easier than mainnet allows is fine for a toy chain.
    expect(toyTarget(0x2100ffff)).toBe(0xffffn << 240n);
  });

  it('names the field of a malformed previous hash', () => {
    const block: ToyBlock = { data: '', prevHash: 'zz'.repeat(32), time: 0, bits: 0x20010000, nonce: 0 };
    expect(fieldOf(() => toyHeaderBytes(block))).toBe('prevHash');
    expect(fieldOf(() => toyHeaderBytes({ ...block, prevHash: 'ab' }))).toBe('prevHash');
    expect(fieldOf(() => toyHeaderBytes({ ...block, prevHash: ZERO_PREV_HASH, time: 2 ** 32 }))).toBe('time');
  });

  it('rolls the time forward by one second when the nonces run out', () => {
    const fields = { data: 'x', prevHash: ZERO_PREV_HASH, time: 100, bits: 0x20010000 };
    expect(rollTime(fields)).toEqual({ ...fields, time: 101 });
    expect(fieldOf(() => rollTime({ ...fields, time: 0xffffffff }))).toBe('time');
  });
});

/** Mines a toy block by brute force (a few hundred hashes at 8 bits): what the workers do, in miniature. */
function mine(fields: Omit<ToyBlock, 'nonce'>): ToyBlock {
  const target = decodeCompact(fields.bits).target;
  const header = toyHeaderBytes({ ...fields, nonce: 0 });
  for (let nonce = 0; nonce < 1 << 20; nonce++) {
    const raw = nodeSha256d(withNonce(header, nonce));
    if (hashToBigInt(raw) <= target) return { ...fields, nonce };
  }
  throw new Error('no nonce found');
}

describe('the toy chain', () => {
  const bits = zeroBitsToBits(8);
  function build(n: number): ToyBlock[] {
    const chain: ToyBlock[] = [];
    let prevHash = ZERO_PREV_HASH;
    for (let i = 0; i < n; i++) {
      const block = mine({ data: `block ${i + 1}`, prevHash, time: 1_700_000_000 + i * 600, bits });
      chain.push(block);
      prevHash = display(nodeSha256d(toyHeaderBytes(block)));
    }
    return chain;
  }

  it('a freshly mined chain is valid, and every block has at least 8 leading zero bits', () => {
    const chain = build(3);
    const status = evaluateChain(chain);
    expect(status.map((s) => s.valid)).toEqual([true, true, true]);
    for (const [i, s] of status.entries()) {
      expect(s.hash).toBe(display(nodeSha256d(toyHeaderBytes(chain[i]!))));
      expect(s.headerHex).toBe(bytesToHex(toyHeaderBytes(chain[i]!)));
      expect(s.zeroBits).toBeGreaterThanOrEqual(8);
      expect(leadingZeroBits(nodeSha256d(toyHeaderBytes(chain[i]!)))).toBe(s.zeroBits);
      expect(s.problems).toEqual([]);
    }
  });

  it('editing the first block breaks it and every later block, each saying why', () => {
    const chain = build(3);
    // Find an edit whose hash misses the target (at 8 bits, 255 edits in 256 do).
    let edited = chain[0]!;
    for (let k = 0; ; k++) {
      edited = { ...chain[0]!, data: `block 1, edited ${k}` };
      if (!checkHeaderPow(toyHeaderBytes(edited)).meetsTarget) break;
    }
    const status = evaluateChain([edited, chain[1]!, chain[2]!]);
    expect(status.map((s) => s.valid)).toEqual([false, false, false]);
    expect(status[0]!.problems.map((p) => p.kind)).toEqual(['pow']);
    expect(status[1]!.problems.map((p) => p.kind)).toEqual(['link', 'earlier']);
    expect(status[1]!.linked).toBe(false);
    expect(status[1]!.meetsTarget).toBe(true);
    expect(status[2]!.problems.map((p) => p.kind)).toEqual(['earlier']);
    expect(status[2]!.linked).toBe(true);
  });

  it('editing the middle block leaves the blocks before it valid', () => {
    const chain = build(3);
    const status = evaluateChain([chain[0]!, { ...chain[1]!, time: chain[1]!.time + 1 }, chain[2]!]);
    expect(status[0]!.valid).toBe(true);
    expect(status[1]!.valid).toBe(false);
    expect(status[2]!.valid).toBe(false);
    expect(status[2]!.problems.some((p) => p.kind === 'link')).toBe(true);
  });

  it('undoing the edit makes the chain valid again', () => {
    const chain = build(2);
    expect(evaluateChain([{ ...chain[0]!, data: 'changed' }, chain[1]!])[1]!.valid).toBe(false);
    expect(evaluateChain(chain).every((s) => s.valid)).toBe(true);
  });

  it('reports a block whose fields cannot be serialized instead of throwing', () => {
    const [s] = evaluateChain([{ data: '', prevHash: 'not hex', time: 0, bits, nonce: 0 }]);
    expect(s!.valid).toBe(false);
    expect(s!.problems[0]!.kind).toBe('fields');
  });
});
