// Real mainnet headers: parsing, serializing, hashing and proof-of-work checks.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type BlockHeader, hashToDisplayHex, parseHeader, parseHeaderHex, serializeHeader, withNonce,
} from '../../src/model/header.js';
import {
  checkProofOfWork, decodeCompact, difficultyFromBits, hashToBigInt, leadingZeroBits, POW_LIMIT,
  targetFromLeadingZeroBits,
} from '../../src/model/target.js';
import { bytesToHex, InputError } from '../../src/model/validate.js';
import { hexNumber, loadHeaderVectors } from '../helpers/vectors.js';

const { headers } = loadHeaderVectors();

/** Independent of the WebAssembly core on purpose: node:crypto's SHA-256, applied twice. */
function sha256d(bytes: Uint8Array): Uint8Array {
  const once = createHash('sha256').update(bytes).digest();
  return new Uint8Array(createHash('sha256').update(once).digest());
}

function expectInputError(fn: () => unknown, field: string, message?: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InputError);
  expect((caught as InputError).field).toBe(field);
  if (message) expect((caught as InputError).message).toMatch(message);
}

/** Leading zero bits of a display-order hex hash, counted from the text. */
function zeroBitsOfDisplayHex(hex: string): number {
  const bin = [...hex].map((c) => parseInt(c, 16).toString(2).padStart(4, '0')).join('');
  const first = bin.indexOf('1');
  return first < 0 ? 256 : first;
}

describe('real mainnet headers', () => {
  it('has the five expected blocks', () => {
    expect(headers.map((h) => h.height)).toEqual([0, 1, 100000, 125552, 370090]);
  });

  describe.each(headers)('block $height', (v) => {
    const bytes = parseHeaderHex(v.headerHex);
    const header = parseHeader(bytes);
    const hash = sha256d(bytes);

    it('parses to the listed nBits and nonce', () => {
      expect(bytes.length).toBe(80);
      expect(header.bits).toBe(hexNumber(v.bits));
      expect(header.nonce).toBe(v.nonce);
    });

    it('serializes back to identical bytes', () => {
      const again = serializeHeader(header);
      expect(bytesToHex(again)).toBe(v.headerHex);
      expect(parseHeader(again)).toEqual(header);
    });

    it('hashes to the listed block hash, shown byte-reversed', () => {
      expect(hashToDisplayHex(hash)).toBe(v.blockHash);
    });

    it('meets its own target (CheckProofOfWork)', () => {
      expect(checkProofOfWork(hash, header.bits)).toBe(true);
      expect(hashToBigInt(hash)).toBe(BigInt(`0x${v.blockHash}`));
      expect(hashToBigInt(hash) <= decodeCompact(header.bits).target).toBe(true);
    });

    it('fails once one nonce bit changes', () => {
      for (const bit of [0, 7, 31]) {
        const changed = withNonce(bytes, (header.nonce ^ (1 << bit)) >>> 0);
        expect(parseHeader(changed).nonce).toBe((header.nonce ^ (1 << bit)) >>> 0);
        expect(checkProofOfWork(sha256d(changed), header.bits)).toBe(false);
      }
      // withNonce copies: the original is untouched.
      expect(bytesToHex(bytes)).toBe(v.headerHex);
    });

    it('fails for negative, zero, overflowing and above-powLimit nBits', () => {
      for (const bits of [0x1d80ffff, 0x1d000000, 0x00000000, 0xff123456, 0x1e00ffff, 0x2100ffff]) {
        expect(checkProofOfWork(hash, bits)).toBe(false);
      }
      // The same hash and nBits pass once powLimit allows the easier target.
      expect(checkProofOfWork(hash, 0x1e00ffff, (1n << 255n) - 1n)).toBe(true);
    });

    it('has as many leading zero bits as its display hex shows', () => {
      const k = zeroBitsOfDisplayHex(v.blockHash);
      expect(leadingZeroBits(hash)).toBe(k);
      expect(hashToBigInt(hash) <= targetFromLeadingZeroBits(k)).toBe(true);
      expect(hashToBigInt(hash) <= targetFromLeadingZeroBits(k + 1)).toBe(false);
    });
  });

  it('decodes the genesis header fields', () => {
    const genesis = parseHeader(parseHeaderHex(headers[0]!.headerHex));
    expect(genesis).toEqual({
      version: 1,
      prevHash: '0'.repeat(64),
      merkleRoot: '4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b',
      time: 1231006505,
      bits: 0x1d00ffff,
      nonce: 2083236893,
    } satisfies BlockHeader);
    expect(difficultyFromBits(genesis.bits)).toBe(1);
  });

  it('links block 1 to the genesis hash in display order', () => {
    const block1 = parseHeader(parseHeaderHex(headers[1]!.headerHex));
    expect(block1.prevHash).toBe(headers[0]!.blockHash);
  });

  it('reads block 370090 version 3 and its hash leading zeros', () => {
    const v = headers.find((h) => h.height === 370090)!;
    const h = parseHeader(parseHeaderHex(v.headerHex));
    expect(h.version).toBe(3);
    expect(leadingZeroBits(sha256d(parseHeaderHex(v.headerHex)))).toBe(67);
    expect(decodeCompact(h.bits).target < POW_LIMIT).toBe(true);
  });
});

describe('leading zero bits of known hashes', () => {
  it.each([
    [0, 43],
    [1, 32],
    [100000, 46],
    [125552, 67],
  ])('block %i has %i', (height, k) => {
    const v = headers.find((h) => h.height === height)!;
    expect(leadingZeroBits(sha256d(parseHeaderHex(v.headerHex)))).toBe(k);
  });
});

describe('field layout', () => {
  const header: BlockHeader = {
    version: 0x20000000,
    prevHash: '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff',
    merkleRoot: 'ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100',
    time: 0x01020304,
    bits: 0x1d00ffff,
    nonce: 0xdeadbeef,
  };

  it('puts little-endian integers and reversed hashes at the right offsets', () => {
    const hex = bytesToHex(serializeHeader(header));
    expect(hex.slice(0, 8)).toBe('00000020');
    expect(hex.slice(8, 72)).toBe('ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100');
    expect(hex.slice(72, 136)).toBe('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff');
    expect(hex.slice(136, 144)).toBe('04030201');
    expect(hex.slice(144, 152)).toBe('ffff001d');
    expect(hex.slice(152, 160)).toBe('efbeadde');
  });

  it('accepts upper-case hashes and parses back lower-case', () => {
    const upper = { ...header, prevHash: header.prevHash.toUpperCase() };
    expect(parseHeader(serializeHeader(upper))).toEqual(header);
  });

  it('handles a subarray view at a non-zero offset', () => {
    const big = new Uint8Array(100);
    big.set(serializeHeader(header), 10);
    expect(parseHeader(big.subarray(10, 90))).toEqual(header);
    const changed = withNonce(big.subarray(10, 90), 7);
    expect(parseHeader(changed).nonce).toBe(7);
    expect(parseHeader(big.subarray(10, 90)).nonce).toBe(0xdeadbeef);
  });

  it('keeps versions with the top bit set as uint32', () => {
    const h = { ...header, version: 0xe0000000 };
    expect(parseHeader(serializeHeader(h)).version).toBe(0xe0000000);
  });
});

describe('bad input', () => {
  const good = headers[0]!.headerHex;

  it('parseHeaderHex rejects odd, non-hex and wrong-length text, naming the field', () => {
    expectInputError(() => parseHeaderHex(good.slice(1)), 'header', /odd/);
    expectInputError(() => parseHeaderHex(good.slice(2)), 'header', /160 hex digits/);
    expectInputError(() => parseHeaderHex(good + '00'), 'header', /160 hex digits/);
    expectInputError(() => parseHeaderHex('zz' + good.slice(2), '--header'), '--header', /not hex/);
    expectInputError(() => parseHeaderHex('0x' + good.slice(2), '--header'), '--header', /not hex/);
    expectInputError(() => parseHeaderHex('', '--header'), '--header');
    expect(parseHeaderHex(` ${good.toUpperCase()}\n`)).toEqual(parseHeaderHex(good));
  });

  it('parseHeader and withNonce want exactly 80 bytes', () => {
    expectInputError(() => parseHeader(new Uint8Array(79)), 'header', /80 bytes/);
    expectInputError(() => parseHeader(new Uint8Array(81)), 'header', /80 bytes/);
    expectInputError(() => withNonce(new Uint8Array(79), 0), 'header');
    expectInputError(() => withNonce(new Uint8Array(80), -1), 'nonce');
    expectInputError(() => withNonce(new Uint8Array(80), 2 ** 32), 'nonce');
  });

  const base = parseHeader(parseHeaderHex(good));
  it.each<[keyof BlockHeader, unknown]>([
    ['version', -1],
    ['version', 2 ** 32],
    ['time', 1.5],
    ['time', Number.NaN],
    ['bits', '0x1d00ffff'],
    ['nonce', 2 ** 32],
    ['nonce', -1],
    ['prevHash', '0'.repeat(63)],
    ['prevHash', '0'.repeat(62)],
    ['merkleRoot', 'g'.repeat(64)],
    ['merkleRoot', '0'.repeat(66)],
    ['merkleRoot', 42],
  ])('serializeHeader rejects %s = %j', (field, value) => {
    expectInputError(() => serializeHeader({ ...base, [field]: value } as BlockHeader), field);
  });

  it('hashToDisplayHex wants a 32-byte hash', () => {
    expectInputError(() => hashToDisplayHex(new Uint8Array(31)), 'hash');
    expect(hashToDisplayHex(Uint8Array.from({ length: 32 }, (_, i) => i))).toBe(
      '1f1e1d1c1b1a191817161514131211100f0e0d0c0b0a09080706050403020100',
    );
  });
});

// Survivors of mutation testing (docs/quality.md).
describe('edges the first mutation run found unpinned', () => {
  const header = parseHeader(parseHeaderHex(headers[0]!.headerHex));

  it('keeps the largest uint32 in every integer field', () => {
    const top = { ...header, version: 0xffffffff, time: 0xffffffff, bits: 0xffffffff, nonce: 0xffffffff };
    expect(parseHeader(serializeHeader(top))).toEqual(top);
    expect(parseHeader(withNonce(serializeHeader(header), 0xffffffff)).nonce).toBe(0xffffffff);
  });

  it('says what it got: the byte count, the bad value, the type', () => {
    expectInputError(() => parseHeader(new Uint8Array(79)), 'header', /^header: a block header is 80 bytes, got 79 bytes$/);
    expectInputError(() => parseHeader([] as unknown as Uint8Array), 'header', /got object$/);
    expectInputError(() => withNonce(new Uint8Array(80), -1), 'nonce', /^nonce: not a 32-bit unsigned integer: -1$/);
    expectInputError(() => hashToDisplayHex(new Uint8Array(31)), 'hash', /^hash: expected 32 bytes, got 31$/);
    expectInputError(() => parseHeaderHex(42 as unknown as string, '--header'), '--header', /^--header: expected 160 hex digits$/);
    expectInputError(() => serializeHeader({ ...header, merkleRoot: 42 } as unknown as BlockHeader), 'merkleRoot', /^merkleRoot: expected 64 hex digits$/);
  });

  it('refuses a missing header object, naming the header', () => {
    expectInputError(() => serializeHeader(null as unknown as BlockHeader), 'header', /^header: expected a header object$/);
    expectInputError(() => serializeHeader(5 as unknown as BlockHeader), 'header', /expected a header object/);
  });
});
