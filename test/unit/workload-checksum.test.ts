// The checksum workload against an independent computation: every one of its 65,536 hashes by
// node:crypto, folded here from the definition in src/model/workload-checksum.ts's header comment,
// must give the recorded CHECKSUM_V1, and so must both core builds through their mine() path.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { findings, findingsProblem, runChecksumWorkload } from '../../src/engine/core/evidence.js';
import { CHECKSUM_V1, CHECKSUM_WORKLOAD, foldChecksum, type SliceBooks } from '../../src/model/workload-checksum.js';
import { CORE_PATHS, loadCore } from './core-paths.js';
import { EVIDENCE } from './evidence-fixture.js';

const sha = (data: Uint8Array) => createHash('sha256').update(data).digest();

/** The slices' books by brute force: best = first lowest as a little-endian number; share = top 4 bits zero. */
function independentBooks(): SliceBooks[] {
  const header = Buffer.from(CHECKSUM_WORKLOAD.headerHex, 'hex');
  const books: SliceBooks[] = [];
  for (let k = 0; k < 1024; k++) {
    let best: Buffer | undefined;
    let bestNonce = 0;
    let shares = 0;
    for (let nonce = 64 * k; nonce < 64 * (k + 1); nonce++) {
      header.writeUInt32LE(nonce, 76);
      const hash = sha(sha(header));
      if (hash[31]! < 0x10) shares++;
      if (!best || Buffer.compare(Buffer.from(hash).reverse(), Buffer.from(best).reverse()) < 0) {
        best = hash;
        bestNonce = nonce;
      }
    }
    books.push({ bestNonce, shares, bestHash: new Uint8Array(best!) });
  }
  return books;
}

describe('checksum workload (powlab-checksum-v1)', () => {
  let books: SliceBooks[];
  beforeAll(() => {
    books = independentBooks();
  });

  it('folds to the recorded checksum when every hash is computed independently', () => {
    const record = Buffer.concat(books.map((b) => {
      const head = Buffer.alloc(8);
      head.writeUInt32LE(b.bestNonce, 0);
      head.writeUInt32LE(b.shares, 4);
      return Buffer.concat([head, b.bestHash]);
    }));
    expect(sha(record).toString('hex')).toBe(CHECKSUM_V1);
    expect(foldChecksum(books)).toEqual(EVIDENCE.checksum);
  });

  it('changes when one slice is booked differently (a share, a best nonce, a hash byte)', () => {
    const moved = (edit: (b: SliceBooks) => SliceBooks) => foldChecksum(books.map((b, i) => (i === 517 ? edit(b) : b))).value;
    expect(moved((b) => ({ ...b, shares: b.shares + 1 }))).not.toBe(CHECKSUM_V1);
    expect(moved((b) => ({ ...b, bestNonce: b.bestNonce + 1 }))).not.toBe(CHECKSUM_V1);
    expect(moved((b) => ({ ...b, bestHash: b.bestHash.map((x, j) => (j === 0 ? x ^ 1 : x)) }))).not.toBe(CHECKSUM_V1);
    expect(() => foldChecksum(books.slice(1))).toThrow(/expected 1024 slices/);
  });

  for (const path of CORE_PATHS) {
    it(`the ${path.name} core computes it through mine(), and passes its self-test`, async () => {
      const core = await loadCore(path.simd);
      expect(runChecksumWorkload(core)).toEqual(EVIDENCE.checksum);
      const f = findings(core);
      expect(f.knownAnswer).toEqual({ nonce: EVIDENCE.knownAnswer.nonce, hash: EVIDENCE.knownAnswer.hash });
      expect(findingsProblem(f)).toBeNull();
    });
  }

  it('a wrong known answer or checksum is named as a self-test failure', () => {
    const good = { knownAnswer: { nonce: EVIDENCE.knownAnswer.nonce, hash: EVIDENCE.knownAnswer.hash }, checksum: EVIDENCE.checksum };
    expect(findingsProblem({ ...good, knownAnswer: { nonce: null, hash: null } })).toMatch(/expected nonce 2083236893 .* got no solution/);
    expect(findingsProblem({ ...good, knownAnswer: { ...good.knownAnswer, hash: '00'.repeat(32) } })).toMatch(/self-test failed/);
    expect(findingsProblem({ ...good, checksum: { ...good.checksum, value: 'ab'.repeat(32) } })).toMatch(/powlab-checksum-v1 checksum should be 5017.*got abab/);
  });
});
