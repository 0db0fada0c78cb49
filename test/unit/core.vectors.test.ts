// Known answers through the WebAssembly core, on both builds: NIST SHA-256 vectors and the real
// Bitcoin headers of ../shared/vectors (SHA-256d, and the mining loop finding each real nonce).
import { beforeAll, describe, expect, it } from 'vitest';
import type { PowCore } from '../../src/engine/core/core.js';
import { hashToDisplayHex } from '../../src/model/header.js';
import { decodeCompact, targetToLittleEndian } from '../../src/model/target.js';
import { hexNumber, loadHeaderVectors, loadSha256Vectors } from '../helpers/vectors.js';
import { CORE_PATHS, loadCore } from './core-paths.js';

const sha = loadSha256Vectors();
const { headers } = loadHeaderVectors();
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe.each(CORE_PATHS)('$name core: known answers', ({ simd }) => {
  let core: PowCore;
  beforeAll(async () => {
    core = await loadCore(simd);
  });

  it.each(sha.vectors)('NIST: $name', (v) => {
    expect(hex(core.sha256(Buffer.from(v.msgHex, 'hex')))).toBe(v.sha256.toLowerCase());
  });

  it(`NIST: ${sha.million_a.name}`, () => {
    const data = Buffer.alloc(sha.million_a.count, Buffer.from(sha.million_a.repeat, 'hex'));
    expect(hex(core.sha256(data))).toBe(sha.million_a.sha256.toLowerCase());
  });

  describe.each(headers)('block $height', (h) => {
    const bytes = Buffer.from(h.headerHex, 'hex');
    const target = targetToLittleEndian(decodeCompact(hexNumber(h.bits)).target);

    it('SHA-256d of the header is the recorded block hash', () => {
      expect(hashToDisplayHex(core.sha256d(bytes))).toBe(h.blockHash);
    });

    it('mining from nonce - 1000 finds exactly the recorded nonce and hash', () => {
      core.prepare({ header: bytes, target });
      const r = core.mineRange(h.nonce - 1000, 2000);
      expect(r.found).toBe(true);
      expect(r.nonce).toBe(h.nonce);
      expect(hashToDisplayHex(r.hash!)).toBe(h.blockHash);
      expect(r.hashes).toBe(1001);
      // The solution is the best hash of the batch by far.
      expect(r.bestNonce).toBe(h.nonce);
    });

    it('reports none for the 1000 nonces just below it', () => {
      core.prepare({ header: bytes, target });
      const r = core.mineRange(h.nonce - 1000, 1000);
      expect(r.found).toBe(false);
      expect(r.hashes).toBe(1000);
      expect(r.bestNonce).toBeGreaterThanOrEqual(h.nonce - 1000);
      expect(r.bestNonce).toBeLessThan(h.nonce);
    });

    it('ignores whatever nonce the header carries', () => {
      const other = Buffer.from(bytes);
      other.writeUInt32LE(0xdeadbeef, 76);
      core.prepare({ header: other, target });
      expect(core.mineRange(h.nonce - 3, 7).nonce).toBe(h.nonce);
    });
  });
});
